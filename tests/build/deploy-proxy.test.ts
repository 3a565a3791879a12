// The nginx configuration of docs/deploy.md, run as written in front of the bundled server with a self-signed certificate.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { request as plainRequest } from 'node:http'
import { request } from 'node:https'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { run } from '../fixtures/run.ts'
import { buildBundle, startBundle, type BundledServer } from './bundle.ts'
import { freePort } from '../../scripts/free-port.ts'

const NGINX = ['/usr/sbin/nginx', '/usr/local/sbin/nginx'].find((path) => existsSync(path))
if (!NGINX) console.warn('[loket] deploy-proxy: nginx is not installed (apt-get install nginx-light); the proxy configuration is not tested here')

/** The guide's nginx block, as an operator would copy it. */
function guideConfiguration(): string {
  const block = /```nginx\n([\s\S]*?)```/.exec(readFileSync('docs/deploy.md', 'utf8'))
  if (!block) throw new Error('docs/deploy.md has no ```nginx block')
  return block[1]!
}

describe.skipIf(!NGINX)('the deploy guide\'s nginx configuration', () => {
  const dir = mkdtempSync(join(tmpdir(), 'loket-nginx-'))
  const siteDir = mkdtempSync(join(tmpdir(), 'loket-proxy-site-'))
  let out = ''
  let server: BundledServer
  let nginx: ChildProcess | undefined
  let cert = ''
  let [httpPort, httpsPort] = [0, 0]

  /** A request to nginx: over https trusting only the test's certificate, or plain http. */
  function call(path: string, options: { method?: string; headers?: Record<string, string>; body?: string; isPlain?: boolean } = {}) {
    return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }>((resolve, reject) => {
      const req = options.isPlain
        ? plainRequest({ host: '127.0.0.1', port: httpPort, path, method: options.method ?? 'GET', headers: { host: 'localhost', ...options.headers } })
        : request({ host: '127.0.0.1', port: httpsPort, servername: 'localhost', ca: cert, path, method: options.method ?? 'GET', headers: { host: `localhost:${httpsPort}`, ...options.headers } })
      req.on('response', (res) => {
        let text = ''
        res.on('data', (chunk) => (text += chunk))
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text }))
      })
      req.on('error', reject)
      req.end(options.body)
    })
  }

  beforeAll(async () => {
    const made = await run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost',
      '-keyout', join(dir, 'privkey.pem'), '-out', join(dir, 'fullchain.pem')])
    expect(made.status, made.stderr).toBe(0)
    cert = readFileSync(join(dir, 'fullchain.pem'), 'utf8')
    ;[httpPort, httpsPort] = [await freePort(), await freePort()]
    out = await buildBundle('proxy')
    writeFileSync(join(siteDir, 'index.html'), '<!doctype html><html lang="nl"><title>KB</title><h1>Kennisbank</h1></html>')
    // The widget's entry points and one of its content-hashed chunks, named as the build names them.
    mkdirSync(join(siteDir, 'widget', 'nl'), { recursive: true })
    for (const file of ['widget.js', 'widget/nl/app.js', 'widget/nl/engine-K74LH6XU.js']) writeFileSync(join(siteDir, file), 'export {}\n')
    server = await startBundle(out, { SITE_DIR: siteDir, TRUST_PROXY: '1', BASE_URL: `https://localhost:${httpsPort}` })
    // The guide's block with this machine's names: ports, certificate, and both upstream processes on the one test server.
    const site = guideConfiguration()
      .replace(/server 127\.0\.0\.1:432[12];/g, `server 127.0.0.1:${server.port};`)
      .replace('listen 80;', `listen 127.0.0.1:${httpPort};`)
      .replace('listen 443 ssl;', `listen 127.0.0.1:${httpsPort} ssl;`)
      .replaceAll('server_name support.example.nl;', 'server_name localhost;')
      .replace(/ssl_certificate \S+;/, `ssl_certificate ${join(dir, 'fullchain.pem')};`)
      .replace(/ssl_certificate_key \S+;/, `ssl_certificate_key ${join(dir, 'privkey.pem')};`)
    const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `${kind}_temp_path ${join(dir, kind)};`).join('\n')
    writeFileSync(join(dir, 'nginx.conf'), `${process.getuid?.() === 0 ? 'user root;\n' : ''}worker_processes 1;\nerror_log ${join(dir, 'error.log')};\npid ${join(dir, 'nginx.pid')};\nevents {}\nhttp {\naccess_log off;\n${temp}\n${site}\n}\n`)
    const checked = await run(NGINX!, ['-t', '-p', dir, '-c', join(dir, 'nginx.conf')])
    expect(checked.status, checked.stderr).toBe(0)
    nginx = spawn(NGINX!, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'ignore' })
    for (let tries = 0; !(await call('/api/health').then((r) => r.status === 200, () => false)); tries++) {
      if (tries > 100) throw new Error(`nginx did not answer: ${existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : ''}`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }, 90_000)

  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      const stopped = new Promise((resolve) => nginx!.once('exit', resolve))
      nginx.kill('SIGQUIT')
      await stopped
    }
    await server?.stop()
    for (const path of [out, dir, siteDir]) rmSync(path, { recursive: true, force: true })
  })

  test('serves the KnowledgeBase and the API over HTTPS, and sends plain HTTP there', async () => {
    expect((await call('/')).text).toContain('<h1>Kennisbank</h1>')
    expect(JSON.parse((await call('/api/desk')).text)).toMatchObject({ timeZone: 'Europe/Amsterdam' })
    const plain = await call('/support/?q=btw', { isPlain: true })
    expect([plain.status, plain.headers.location]).toEqual([301, 'https://localhost/support/?q=btw'])
  })

  test('passes the widget\'s cache lifetimes on: a year for a content-hashed chunk, minutes for the entry points', async () => {
    const chunk = await call('/widget/nl/engine-K74LH6XU.js')
    expect([chunk.status, chunk.headers['cache-control']]).toEqual([200, 'public, max-age=31536000, immutable'])
    for (const path of ['/widget.js', '/widget/nl/app.js']) {
      const entry = await call(path)
      expect([path, entry.status, entry.headers['cache-control']]).toEqual([path, 200, 'public, max-age=300'])
    }
  })

  test('the session cookie is Secure, as BASE_URL is https while nginx speaks plain HTTP to Loket', async () => {
    const signedIn = await call('/api/auth/staff', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'lotte@noordwind.example', password: 'loket-demo' }) })
    expect(signedIn.status).toBe(200)
    expect(String(signedIn.headers['set-cookie'])).toMatch(/; Secure/)
  })

  test('a caller cannot pick their own address: nginx replaces X-Forwarded-For, so a forged one still counts as the caller', async () => {
    const tries: number[] = []
    // Ten staff sign-ins per address in ten minutes; each try claims another address.
    for (let i = 0; i < 11; i++) {
      const res = await call('/api/auth/staff', {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${i + 1}` },
        body: JSON.stringify({ email: 'nobody@noordwind.example', password: 'not the password' }),
      })
      tries.push(res.status)
    }
    // One try was spent in the test before; the forged addresses do not spread the others.
    expect(tries.filter((status) => status === 429).length).toBeGreaterThanOrEqual(1)
    expect(tries.slice(0, 9).every((status) => status === 401)).toBe(true)
  })
})
