import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { brotliCompressSync } from 'node:zlib'
import { Hono } from 'hono'
import { beforeEach, describe, expect, test } from 'vitest'
import { accepts, cachedFiles, type CachedFilesOptions } from './cached-files.ts'

let root: string

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'loket-cached-'))
})

/** A stat time every write is set back to: a file rewritten in place with as many bytes then looks unchanged. */
const SAME_TIME = 1_700_000_000

/** Writes a file under the site's folder, its modification time set to SAME_TIME. */
function write(path: string, content: string | Uint8Array): void {
  const file = join(root, path)
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, content)
  utimesSync(file, SAME_TIME, SAME_TIME)
}

/** The middleware in front of a handler that tells it was passed on to. */
function site(options: Partial<CachedFilesOptions> = {}) {
  const app = new Hono()
    .use('/pagefind/*', cachedFiles({ root, prefix: '/pagefind/', ...options }))
    .all('*', (c) => c.text(`passed on: ${c.req.method} ${c.req.path}`, 404))
  return async (path: string, init: RequestInit = {}) => {
    const res = await app.request(path, init)
    return { res, text: await res.text() }
  }
}

describe('the search index served from memory', () => {
  test('sends the brotli copy to a browser that accepts it, the file itself to one that does not', async () => {
    const chunk = 'pagefind index chunk '.repeat(20)
    write('pagefind/index/nl_abc123.pf_index', chunk)
    write('pagefind/index/nl_abc123.pf_index.br', brotliCompressSync(chunk))
    const get = site()
    for (let i = 0; i < 2; i++) {
      const compressed = await get('/pagefind/index/nl_abc123.pf_index', { headers: { 'accept-encoding': 'gzip, deflate, br' } })
      expect(compressed.res.status).toBe(200)
      expect(compressed.res.headers.get('content-encoding')).toBe('br')
      expect(compressed.res.headers.get('vary')).toBe('Accept-Encoding')
      expect(compressed.res.headers.get('content-type')).toBe('application/octet-stream')
      expect(compressed.res.headers.get('last-modified')).toBe(new Date(SAME_TIME * 1000).toUTCString())
      const plain = await get('/pagefind/index/nl_abc123.pf_index', { headers: { 'accept-encoding': 'gzip, br;q=0' } })
      expect(plain.res.headers.get('content-encoding')).toBeNull()
      expect(plain.text).toBe(chunk)
    }
  })

  test('serves a file rebuilt on disk at once, without a restart', async () => {
    write('pagefind/pagefind-entry.json', '{"version":"1"}')
    const get = site()
    expect((await get('/pagefind/pagefind-entry.json')).text).toBe('{"version":"1"}')
    expect((await get('/pagefind/pagefind-entry.json')).res.headers.get('content-type')).toMatch(/^application\/json/)
    write('pagefind/pagefind-entry.json', '{"version":"22"}')
    expect((await get('/pagefind/pagefind-entry.json')).text).toBe('{"version":"22"}')
  })

  test('passes a file that is gone on, as it does HEAD, ranges and names outside the index', async () => {
    write('pagefind/fragment/nl_1.pf_fragment', 'fragment')
    const get = site()
    expect((await get('/pagefind/fragment/nl_1.pf_fragment')).text).toBe('fragment')
    rmSync(join(root, 'pagefind/fragment/nl_1.pf_fragment'))
    expect((await get('/pagefind/fragment/nl_1.pf_fragment')).text).toBe('passed on: GET /pagefind/fragment/nl_1.pf_fragment')
    write('pagefind/fragment/nl_2.pf_fragment', 'fragment')
    expect((await get('/pagefind/fragment/nl_2.pf_fragment', { method: 'HEAD' })).res.status).toBe(404)
    expect((await get('/pagefind/fragment/nl_2.pf_fragment', { headers: { range: 'bytes=0-3' } })).text).toMatch(/^passed on/)
    write('secret.txt', 'not of the index')
    for (const path of ['/pagefind/../secret.txt', '/pagefind/%2e%2e/secret.txt', '/pagefind/.hidden', '/pagefind/a/b/c.pf_index', '/pagefind/fragment']) {
      expect((await get(path)).text, path).toMatch(/^passed on/)
    }
  })

  test('keeps the files served last within its bytes, and none larger than a file may be', async () => {
    // Rewritten in place with as many bytes and the same time, a file kept in memory is served as it was kept.
    const files = ['a', 'b', 'c'].map((name) => `pagefind/fragment/nl_${name}.pf_fragment`)
    for (const file of files) write(file, `old ${file.slice(-13, -12)} ${'.'.repeat(54)}`)
    write('pagefind/wasm.nl.pagefind', `old wasm ${'.'.repeat(200)}`)
    const get = site({ maxBytes: 130, maxFileBytes: 100 })
    for (const file of [...files, 'pagefind/wasm.nl.pagefind']) await get(`/${file}`)
    // a and b kept (120 bytes), then c: a, served least recently, dropped.
    for (const file of files) write(file, `new ${file.slice(-13, -12)} ${'.'.repeat(54)}`)
    write('pagefind/wasm.nl.pagefind', `new wasm ${'.'.repeat(200)}`)
    expect((await get(`/${files[1]}`)).text).toMatch(/^old b/)
    expect((await get(`/${files[2]}`)).text).toMatch(/^old c/)
    expect((await get(`/${files[0]}`)).text).toMatch(/^new a/)
    expect((await get('/pagefind/wasm.nl.pagefind')).text).toMatch(/^new wasm/)
  })
})

describe('accepts', () => {
  test('reads an Accept-Encoding header as browsers and proxies write it', () => {
    expect(accepts('gzip, deflate, br, zstd', 'br')).toBe(true)
    expect(accepts('BR;q=0.5', 'br')).toBe(true)
    expect(accepts('gzip, br;q=0', 'br')).toBe(false)
    expect(accepts('brotli', 'br')).toBe(false)
    expect(accepts(undefined, 'br')).toBe(false)
  })
})
