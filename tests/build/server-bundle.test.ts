// The server as `npm start` runs it: bundled into plain JavaScript, started by node alone, serving the KB, the API and a registration.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

// Inside the project, so that the bundle finds the packages in node_modules as dist-server/ does.
const out = join('node_modules', '.cache', `loket-server-${process.pid}`)
const dataDir = mkdtempSync(join(tmpdir(), 'loket-bundle-data-'))
const siteDir = mkdtempSync(join(tmpdir(), 'loket-bundle-site-'))
let server: ChildProcess | undefined
let base = ''
let log = ''

async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise((resolve) => probe.close(resolve))
  return port
}

beforeAll(async () => {
  const built = spawnSync(process.execPath, ['scripts/build-server.mjs'], { env: { ...process.env, LOKET_SERVER_OUT: out }, encoding: 'utf8' })
  expect(built.status, built.stderr).toBe(0)
  writeFileSync(join(siteDir, 'index.html'), '<!doctype html><html lang="nl"><title>KB</title><h1>Kennisbank</h1></html>')
  const port = await freePort()
  base = `http://127.0.0.1:${port}`
  const { SMTP_URL: _smtp, DATABASE_URL: _db, BASE_URL: _base, ALLOWED_ORIGINS: _origins, ...env } = process.env
  // No loader: node runs the bundle as it is.
  server = spawn(process.execPath, [join(out, 'index.mjs')], { env: { ...env, PORT: String(port), DATA_DIR: dataDir, SITE_DIR: siteDir, NODE_OPTIONS: '' }, stdio: ['ignore', 'pipe', 'pipe'] })
  server.stdout!.on('data', (chunk) => (log += chunk))
  server.stderr!.on('data', (chunk) => (log += chunk))
  for (let tries = 0; ; tries++) {
    if (server.exitCode !== null) throw new Error(`the bundled server stopped:\n${log}`)
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) break
    if (tries > 300) throw new Error(`the bundled server did not answer:\n${log}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}, 60_000)

afterAll(async () => {
  if (server && server.exitCode === null) {
    const stopped = new Promise((resolve) => server!.once('exit', resolve))
    server.kill('SIGTERM')
    await stopped
  }
  for (const dir of [out, dataDir, siteDir]) rmSync(dir, { recursive: true, force: true })
})

describe('the bundled server', () => {
  test('has no TypeScript left to load: one JavaScript file and the migrations beside it', () => {
    expect(readdirSync(out).sort()).toEqual(['index.mjs', 'index.mjs.map', 'migrations'])
    expect(readFileSync(join(out, 'index.mjs'), 'utf8')).not.toMatch(/from ["'][^"']+\.ts["']/)
  })

  test('serves the KnowledgeBase, the API and a registration that sends its confirmation mail', async () => {
    expect(await (await fetch(`${base}/`)).text()).toContain('<h1>Kennisbank</h1>')
    const desk = await fetch(`${base}/api/desk`)
    expect([desk.status, (await desk.json() as { timeZone: string }).timeZone]).toEqual([200, 'Europe/Amsterdam'])
    const registered = await fetch(`${base}/api/incidents`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Tom Bakker', email: 'tom@bakkerij-jansen.example', kind: 'bug', productArea: 'finance', subject: 'Btw-aangifte geeft fout 500', description: 'Digipoort geeft fout 500 bij het indienen van de aangifte.', lang: 'nl' }),
    })
    expect(registered.status).toBe(202)
    mkdirSync(join(dataDir, 'outbox'), { recursive: true })
    for (let tries = 0; readdirSync(join(dataDir, 'outbox')).filter((f) => f.endsWith('.eml')).length === 0; tries++) {
      if (tries > 100) throw new Error(`no mail in the outbox:\n${log}`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    const [mail] = readdirSync(join(dataDir, 'outbox')).filter((f) => f.endsWith('.eml'))
    expect(readFileSync(join(dataDir, 'outbox', mail!), 'utf8')).toMatch(/tom@bakkerij-jansen\.example/)
  })
})
