// The API's answers as a browser meets them: a Content-Security-Policy on every one, never framed, the session cookie's Secure from BASE_URL, forwarded headers only from a trusted proxy, no redirect off the site.
import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { hashToken, newToken } from '../auth/tokens.ts'
import { createApp } from '../app.ts'
import { API_POLICY } from '../middleware/content-security/index.ts'
import { LANDING_LOGO, LANDING_STYLESHEET, PAGE_POLICY, confirmExpiredPage, confirmPage, refusedPage, registeredPage, signInExpiredPage, signInPage, signInRefusedPage, tooManyTriesPage } from '../present/pages.ts'
import { signInToken } from '../services/sign-in.ts'
import { closeTestDesks, testDesk } from '../testing.ts'

afterEach(async () => {
  vi.unstubAllEnvs()
  await closeTestDesks()
})

type Desk = Awaited<ReturnType<typeof testDesk>>
const FORM = { 'content-type': 'application/x-www-form-urlencoded' }
const signInLink = async (desk: Desk, next?: string) => (await signInToken(desk.deps, { kind: 'contact', id: 'c-jansen-emp' }, 15, next)).token
const signIn = (app: { request: Desk['app']['request'] }, token: string, url = '/api/auth/callback', headers: Record<string, string> = {}) =>
  app.request(url, { method: 'POST', headers: { ...FORM, ...headers }, body: `token=${token}` })

/** The headers every answer of the API carries, whatever its kind. */
function expectNeverFramed(headers: Headers) {
  expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
  expect(headers.get('x-frame-options')).toBe('DENY')
  expect(headers.get('x-content-type-options')).toBe('nosniff')
  expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
}

describe('a Content-Security-Policy on every answer of the API', () => {
  test.each([
    ['a JSON answer', 'GET', '/api/desk', 200],
    ['a refusal', 'GET', '/api/auth/me', 401],
    ['an unknown address', 'GET', '/api/nope', 404],
    ['a bad body', 'POST', '/api/auth/link', 400],
    ['the OpenAPI document', 'GET', '/api/openapi.json', 200],
  ])('%s loads nothing and is never framed', async (_, method, path, status) => {
    const desk = await testDesk()
    const res = await desk.call(method, path, method === 'POST' ? { email: 'no address' } : undefined)
    expect(res.status).toBe(status)
    expect(res.headers.get('content-security-policy')).toBe(API_POLICY)
    expectNeverFramed(res.headers)
  })

  test('a CORS preflight from the widget\'s host site carries it too', async () => {
    const desk = await testDesk()
    const res = await desk.app.request('/api/incidents', { method: 'OPTIONS', headers: { origin: 'https://partner.example', 'access-control-request-method': 'POST' } })
    expect(res.headers.get('access-control-allow-origin')).toBe('https://partner.example')
    expect(res.headers.get('content-security-policy')).toBe(API_POLICY)
  })

  test.each([
    ['the confirmation page', (desk: Desk) => desk.app.request('/api/incidents/confirm?token=abc'), 200],
    ['the sign-in page', (desk: Desk) => desk.app.request('/api/auth/callback?token=abc'), 200],
    ['the expired-link page', (desk: Desk) => signIn(desk.app, newToken()), 400],
    ['the confirmation\'s result page', (desk: Desk) => desk.app.request('/api/incidents/confirm', { method: 'POST', headers: FORM, body: 'token=x' }), 400],
  ])('%s gets the strict page policy: no script, no inline style, the site\'s stylesheet, forms only to this site', async (_, request, status) => {
    const desk = await testDesk()
    const res = await request(desk)
    expect(res.status).toBe(status)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    expect(res.headers.get('content-security-policy')).toBe(PAGE_POLICY)
    expectNeverFramed(res.headers)
  })

  const ctx = { lang: 'en' as const, desk: { name: { nl: 'Noordwind Support', en: 'Noordwind Support' }, phone: { display: '085 - 123 45 67', international: '+31 85 123 45 67' }, email: 'support@noordwind.example', brand: { primaryColor: '#0b5394', logo: 'logo.svg' } } }
  test.each([
    ['confirm', confirmPage('abc-123', ctx)],
    ['sign in', signInPage('abc-123', ctx, 'Noordwind Support')],
    ['registered', registeredPage({ id: 'i-1', number: '100042' }, false, ctx)],
    ['already registered', registeredPage({ id: 'i-1', number: '100042' }, true, ctx)],
    ['expired', confirmExpiredPage(ctx)],
    ['refused', refusedPage(ctx)],
    ['link expired', signInExpiredPage(ctx)],
    ['sign-in refused', signInRefusedPage(ctx)],
    ['too many tries', tooManyTriesPage(300, ctx)],
  ])('the %s page holds nothing its policy refuses', (_, html) => {
    expect(PAGE_POLICY).toMatch(/^default-src 'none'; /)
    expect(PAGE_POLICY).not.toContain('unsafe')
    expect(html).not.toMatch(/<script|\son\w+=|\sstyle=|<style|javascript:/i)
    expect(PAGE_POLICY).toContain("style-src 'self';")
    expect([...html.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((m) => m[1])).toEqual([LANDING_STYLESHEET])
    for (const [, action] of html.matchAll(/<form[^>]* action="([^"]+)"/g)) expect(action).toMatch(/^\/api\//)
    // The brand's logo is a picture of this site (img-src 'self'), decorative beside the name.
    expect([...html.matchAll(/<img [^>]*>/g)].map((m) => m[0])).toEqual([`<img class="brand-logo" src="${LANDING_LOGO}" alt="">`])
  })

  test('without a logo in desk.yaml the pages show the name alone', () => {
    expect(confirmPage('abc-123', { ...ctx, desk: { ...ctx.desk, brand: { primaryColor: '#0b5394' } } })).not.toContain('<img')
  })

  test('the reference page keeps its own hash and is never framed either', async () => {
    const desk = await testDesk()
    const res = await desk.app.request('/api/docs')
    expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'sha256-[\w+/=]+'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'$/)
    expectNeverFramed(res.headers)
  })
})

describe('the session cookie\'s Secure flag follows BASE_URL', () => {
  test('https BASE_URL: Secure, even when the request arrived over http (a TLS proxy in front)', async () => {
    const desk = await testDesk()
    expect(desk.deps.baseUrl).toMatch(/^https:/)
    const res = await signIn(desk.app, await signInLink(desk), 'http://support.example.nl/api/auth/callback')
    expect(res.status).toBe(303)
    expect(res.headers.get('set-cookie')).toMatch(/; Secure(;|$)/)
  })

  test('http BASE_URL: not Secure, whatever the request or X-Forwarded-Proto says', async () => {
    const desk = await testDesk()
    const app = createApp({ ...desk.deps, baseUrl: 'http://localhost:4321' })
    for (const [url, headers] of [
      ['https://localhost:4321/api/auth/callback', {}],
      ['http://localhost:4321/api/auth/callback', { 'x-forwarded-proto': 'https' }],
    ] as const) {
      const res = await signIn(app, await signInLink(desk), url, headers)
      expect(res.status).toBe(303)
      expect(res.headers.get('set-cookie')).toContain('loket_session=')
      expect(res.headers.get('set-cookie')).not.toMatch(/Secure/i)
    }
  })

  test('staff signing in with a password get the same cookie', async () => {
    const desk = await testDesk()
    const res = await desk.call('POST', '/api/auth/staff', { email: 'lotte@noordwind.example', password: 'loket-demo' }, { 'x-forwarded-proto': 'http' })
    expect(res.status).toBe(200)
    expect(res.headers.get('set-cookie')).toMatch(/; Secure(;|$)/)
  })
})

describe('forwarded headers are believed only behind a trusted proxy', () => {
  const linkFrom = (desk: Desk, address: string, email: string) => desk.call('POST', '/api/auth/link', { email }, { 'x-forwarded-for': address })

  test('without TRUST_PROXY a changing X-Forwarded-For does not escape the per-address sign-in limit', async () => {
    vi.stubEnv('TRUST_PROXY', '')
    const desk = await testDesk()
    for (let i = 0; i < 10; i++) expect((await linkFrom(desk, `203.0.113.${i}`, `nobody${i}@elders.example`)).status).toBe(202)
    const refused = await linkFrom(desk, '198.51.100.2', 'tom@bakkerij-jansen.example')
    expect(refused.status).toBe(429)
    expect(refused.json.code).toBe('rate_limited')
    expect(await desk.mails()).toEqual([])
  })

  test('with TRUST_PROXY the first X-Forwarded-For address is the caller', async () => {
    vi.stubEnv('TRUST_PROXY', '1')
    const desk = await testDesk()
    for (let i = 0; i < 10; i++) expect((await linkFrom(desk, '203.0.113.7, 10.0.0.1', `nobody${i}@elders.example`)).status).toBe(202)
    expect((await linkFrom(desk, '203.0.113.7, 10.0.0.1', 'tom@bakkerij-jansen.example')).status).toBe(429)
    expect((await linkFrom(desk, '198.51.100.2, 10.0.0.1', 'tom@bakkerij-jansen.example')).status).toBe(202)
  })

  test('the sign-in page\'s own post is accepted behind a TLS proxy: the origin is compared by host, not by the request\'s scheme', async () => {
    const desk = await testDesk()
    const res = await signIn(desk.app, await signInLink(desk), 'http://support.example.nl/api/auth/callback', { origin: 'https://support.example.nl', host: 'support.example.nl' })
    expect(res.status).toBe(303)
    const foreign = await signIn(desk.app, await signInLink(desk), 'http://support.example.nl/api/auth/callback', { origin: 'https://evil.example', host: 'support.example.nl' })
    expect(foreign.status).toBe(403)
    expect(foreign.headers.get('set-cookie')).toBeNull()
  })
})

describe('no redirect leaves the site', () => {
  test.each(['//evil.example/', '/\\evil.example', '///evil.example'])('a sign-in link whose stored next is %s lands on this site', async (next) => {
    const desk = await testDesk()
    // Stored as if an older release had let it through: the redirect itself is made local too.
    const token = newToken()
    await desk.store.signInTokens.put({ id: randomUUID(), tokenHash: hashToken(token), subject: { kind: 'contact', id: 'c-jansen-emp' }, next, expiresAt: '2026-11-30T09:15:00.000Z' })
    const res = await signIn(desk.app, token)
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/evil.example' + (next.endsWith('/') ? '/' : ''))
  })

  test('a sign-in link\'s own next path is kept', async () => {
    const desk = await testDesk()
    const res = await signIn(desk.app, await signInLink(desk, '/portaal/incidenten/?id=42'))
    expect(res.headers.get('location')).toBe('/portaal/incidenten/?id=42')
  })

  test.each(['//evil.example', '/\\evil.example'])('asking for a link that lands on %s is refused with the field named, and nothing is sent', async (next) => {
    const desk = await testDesk()
    const res = await desk.call('POST', '/api/auth/link', { email: 'tom@bakkerij-jansen.example', next })
    expect(res.status).toBe(400)
    expect(res.json.fields).toEqual([expect.objectContaining({ path: 'next' })])
    expect(await desk.mails()).toEqual([])
  })
})
