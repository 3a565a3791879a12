import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createApp } from '../../app.ts'
import { contentSecurityPolicy } from './index.ts'
import { closeTestDesks, testDesk } from '../../testing.ts'

let app: ReturnType<typeof createApp>

/** Hashes as the build's manifest holds them; the values only need to reach the header unchanged. */
const HASHES = {
  home: { script: ["'sha256-aG9tZS1zY3JpcHQ='"], style: ["'sha256-aG9tZS1zdHlsZQ=='", "'sha256-aXNsYW5k'"] },
  notFoundEn: { script: [], style: ["'sha256-NDA0LWVu'"] },
  notFoundNl: { script: [], style: ["'sha256-NDA0LW5s'"] },
}

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'loket-site-'))
  const files: Record<string, string> = {
    'index.html': `<!doctype html><html lang="nl"><title>Kennisbank</title>${'<p>Veel tekst.</p>'.repeat(200)}</html>`,
    '404.html': '<html lang="nl"><h1>Deze pagina bestaat niet</h1></html>',
    'en/404/index.html': '<html lang="en"><h1>This page does not exist</h1></html>',
    'support/index.html': '<html lang="nl"><h1>Support</h1></html>',
    'pagefind/pagefind.js': `export const x = 1;${' '.repeat(4000)}`,
    '_astro/page.abc123.js': 'console.log(1)',
    'widget.js': '(()=>{})();',
    'widget/nl/app.js': 'export {}',
    'widget/nl/chunk-FD7BWFEI.js': 'export {}',
    'widget/nl/engine-K74LH6XU.js': 'export {}',
    'widget/en/IncidentForm-3BAICVMA.js': 'export {}',
    '_csp.json': JSON.stringify({ '/': HASHES.home, '/404.html': HASHES.notFoundNl, '/en/404/': HASHES.notFoundEn }),
  }
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  app = createApp({ ...(await testDesk()).deps, siteDir: root })
})
afterAll(closeTestDesks)

describe('the static KnowledgeBase', () => {
  test('serves pages compressed, revalidated and with security headers', async () => {
    const res = await app.request('/', { headers: { 'accept-encoding': 'gzip' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-encoding')).toBe('gzip')
    expect(res.headers.get('cache-control')).toBe('no-cache')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
  })

  test('sends each page a strict Content-Security-Policy with its own hashes', async () => {
    const expected = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-aG9tZS1zY3JpcHQ='; " +
      "style-src 'self' 'sha256-aG9tZS1zdHlsZQ==' 'sha256-aXNsYW5k'; img-src 'self' data:; connect-src 'self'; " +
      "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'"
    for (const path of ['/', '/index.html']) {
      const res = await app.request(path, { headers: { 'accept-encoding': 'gzip' } })
      expect(res.headers.get('content-security-policy')).toBe(expected)
    }
  })

  test('gives a page missing from the manifest the policy without hashes', async () => {
    const res = await app.request('/support/')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy())
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; ")
  })

  test.each([
    ['/bestaat-niet/', HASHES.notFoundNl],
    ['/en/does-not-exist/', HASHES.notFoundEn],
  ])('sends the 404 page for %s with that page\'s hashes', async (path, hashes) => {
    const res = await app.request(path)
    expect(res.status).toBe(404)
    expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy(hashes))
  })

  test('leaves scripts and the search index without a page policy', async () => {
    for (const path of ['/widget.js', '/pagefind/pagefind.js', '/_astro/page.abc123.js']) {
      const res = await app.request(path)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-security-policy')).toBeNull()
    }
  })

  test('lets any origin load the search index, for the widget', async () => {
    const res = await app.request('/pagefind/pagefind.js', { headers: { origin: 'https://partner.example' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
    expect(res.headers.get('cache-control')).toBe('public, max-age=300')
  })

  test('lets any site embed the widget, and a new release reach it within minutes', async () => {
    const res = await app.request('/widget.js')
    expect(res.status).toBe(200)
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
    expect(res.headers.get('cache-control')).toBe('public, max-age=300')
  })

  test('does not open pages to other origins', async () => {
    const res = await app.request('/support/', { headers: { origin: 'https://partner.example' } })
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
  })

  test('caches hashed assets for a year', async () => {
    const res = await app.request('/_astro/page.abc123.js')
    expect(res.headers.get('cache-control')).toContain('immutable')
  })

  test('caches the widget\'s content-hashed chunks for a year, from any origin; its entry points only minutes', async () => {
    for (const path of ['/widget/nl/chunk-FD7BWFEI.js', '/widget/nl/engine-K74LH6XU.js', '/widget/en/IncidentForm-3BAICVMA.js']) {
      const res = await app.request(path, { headers: { origin: 'https://partner.example' } })
      expect([path, res.status, res.headers.get('cache-control')]).toEqual([path, 200, 'public, max-age=31536000, immutable'])
      expect(res.headers.get('access-control-allow-origin')).toBe('*')
    }
    // A release changes what these names hold: embedding sites must see it within minutes.
    for (const path of ['/widget.js', '/widget/nl/app.js']) {
      const res = await app.request(path)
      expect([path, res.status, res.headers.get('cache-control')]).toEqual([path, 200, 'public, max-age=300'])
    }
  })

  test('adds the trailing slash of a folder page, keeping the query', async () => {
    const res = await app.request('/support?q=btw')
    expect(res.status).toBe(301)
    expect(res.headers.get('location')).toBe('/support/?q=btw')
  })

  test.each([
    ['/bestaat-niet/', 'Deze pagina bestaat niet'],
    ['/en/does-not-exist/', 'This page does not exist'],
  ])('answers %s with the 404 page of its language', async (path, heading) => {
    const res = await app.request(path)
    expect(res.status).toBe(404)
    expect(await res.text()).toContain(heading)
  })

  test('refuses paths that climb out of the site', async () => {
    const res = await app.request('/../package.json')
    expect(res.status).toBe(404)
  })

  test.each([
    ['http://localhost//en', '/en/'],
    ['http://localhost///en?q=btw', '/en/?q=btw'],
    ['http://localhost/\\en', '/en/'],
    ['http://localhost//support', '/support/'],
  ])('never redirects %s to a protocol-relative address: it lands on %s', async (url, location) => {
    const res = await app.request(url)
    expect(res.status).toBe(301)
    expect(res.headers.get('location')).toBe(location)
  })

  test.each(['http://localhost//evil.example', 'http://localhost/\\evil.example', 'http://localhost//evil.example/'])('answers %s, no folder here, with the 404 page and no redirect', async (url) => {
    const res = await app.request(url)
    expect(res.status).toBe(404)
    expect(res.headers.get('location')).toBeNull()
  })

  test('never lets a KB page be framed, by old browsers either', async () => {
    const res = await app.request('/support/')
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
  })

  test('answers an unknown API address with a JSON error in the caller\'s language', async () => {
    const nl = await app.request('/api/nope')
    expect(nl.status).toBe(404)
    expect(await nl.json()).toEqual({ code: 'not_found', message: 'Dit adres bestaat niet in de API.' })
    const en = await app.request('/api/nope', { headers: { 'accept-language': 'en-GB,en;q=0.9' } })
    expect((await en.json()).message).toBe('This address does not exist in the API.')
  })
})
