import { afterEach, describe, expect, test } from 'vitest'
import { REFUSED_ORIGINS_KEPT } from '../domain/refused-origin.ts'
import { closeTestDesks, testDesk, widgetRegistration } from '../testing.ts'

afterEach(closeTestDesks)

const support = { phone: { display: '050 760 41 00', international: '+31 50 760 41 00' }, email: 'support@noordwind.example' }

/** The demo desk with Lotte (agent) signed in, and what the embedding page shows her. */
async function embeddingDesk() {
  const desk = await testDesk({ now: '2026-11-30T09:00:00Z' })
  const lotte = { cookie: await desk.cookieFor('staff', 's-lotte') }
  const page = async () => (await desk.call('GET', '/api/staff/embedding', undefined, lotte)).json
  return { ...desk, lotte, page }
}

describe('a page of a site not in ALLOWED_ORIGINS', () => {
  test('gets a refusal it can read: the origin named, support\'s phone and e-mail, in its language; it is counted', async () => {
    const desk = await embeddingDesk()
    const res = await desk.call('GET', '/api/desk', undefined, { origin: 'http://localhost:8080', 'accept-language': 'en' })
    expect(res.status).toBe(403)
    expect(res.json).toEqual({
      code: 'origin_not_allowed', origin: 'http://localhost:8080', support,
      message: 'Pages on http://localhost:8080 may not call this API. Loket\'s operator adds the site to ALLOWED_ORIGINS; until then, reach support by phone or e-mail.',
    })
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:8080')
    expect(res.headers.get('access-control-allow-credentials')).toBeNull()
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect((await desk.call('GET', '/api/desk', undefined, { origin: 'http://localhost:8080' })).json.message).toMatch(/^Pagina's van http:\/\/localhost:8080 mogen/)
    desk.setNow('2026-11-30T10:00:00Z')
    await desk.call('GET', '/api/desk', undefined, { origin: 'http://localhost:8080' })
    expect((await desk.page()).refused).toEqual([{ origin: 'http://localhost:8080', count: 3, firstSeen: '2026-11-30T09:00:00.000Z', lastSeen: '2026-11-30T10:00:00.000Z' }])
  })

  test('can do nothing else: a registration is refused before it is read, and no preflight is answered', async () => {
    const desk = await embeddingDesk()
    const [mailsBefore, incidentsBefore] = [(await desk.mails()).length, await desk.store.incidents.count()]
    const res = await desk.call('POST', '/api/incidents', widgetRegistration, { origin: 'https://evil.example' })
    expect([res.status, res.json.code]).toEqual([403, 'origin_not_allowed'])
    expect([(await desk.mails()).length, await desk.store.incidents.count()]).toEqual([mailsBefore, incidentsBefore])
    const preflight = await desk.app.request('/api/incidents', { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } })
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull()
  })

  test('a signed-in change from another site is still refused as cross-site, before the origin is looked at', async () => {
    const desk = await embeddingDesk()
    const res = await desk.call('PATCH', '/api/organisation/contacts/c-jansen-emp', { isAuthorised: false }, { cookie: await desk.cookieFor('contact', 'c-jansen-admin'), origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' })
    expect([res.status, res.json.code]).toEqual([403, 'cross_origin'])
  })

  test.each([
    ['an allowed site', { origin: 'https://partner.example', 'sec-fetch-site': 'cross-site' }],
    ['the API\'s own pages', { origin: 'https://support.example.nl', host: 'support.example.nl' }],
    ['the API\'s own pages, by Sec-Fetch-Site', { origin: 'https://support.example.nl', 'sec-fetch-site': 'same-origin' }],
    ['the API\'s own public address (BASE_URL) behind a proxy that passes another Host', { origin: 'https://support.example.nl', host: '127.0.0.1:4321' }],
    ['a caller that is no browser (no Origin)', {}],
  ])('%s is answered as before, and not counted', async (_name, headers: Record<string, string>) => {
    const desk = await embeddingDesk()
    expect((await desk.call('GET', '/api/desk', undefined, headers)).status).toBe(200)
    expect((await desk.page()).refused).toEqual([])
  })

  test('an Origin no browser sends is refused but not kept', async () => {
    const desk = await embeddingDesk()
    for (const origin of ['javascript:alert(1)', `https://${'a'.repeat(300)}.example`, 'https://x.example/path']) {
      expect((await desk.call('GET', '/api/desk', undefined, { origin })).status).toBe(403)
    }
    expect((await desk.page()).refused).toEqual([])
  })

  test(`made-up origins cannot grow the list: ${REFUSED_ORIGINS_KEPT} are kept, the last refused`, async () => {
    const desk = await embeddingDesk()
    for (let i = 0; i <= REFUSED_ORIGINS_KEPT; i++) {
      desk.setNow(new Date(Date.UTC(2026, 10, 30, 9, 0, i)).toISOString())
      await desk.call('GET', '/api/desk', undefined, { origin: `https://site-${i}.example` })
    }
    const { refused } = await desk.page()
    expect(refused.length).toBe(REFUSED_ORIGINS_KEPT)
    expect(refused[0].origin).toBe(`https://site-${REFUSED_ORIGINS_KEPT}.example`)
    expect(refused.map((r: { origin: string }) => r.origin)).not.toContain('https://site-0.example')
  })
})

describe('GET /api/staff/embedding', () => {
  test('gives staff the widget\'s address for the script tag, and the allowed sites', async () => {
    const desk = await embeddingDesk()
    expect(await desk.page()).toEqual({ widgetUrl: 'https://support.example.nl/widget.js', allowedOrigins: ['https://partner.example'], refused: [] })
  })

  test('is for staff only', async () => {
    const desk = await embeddingDesk()
    expect((await desk.call('GET', '/api/staff/embedding')).status).toBe(401)
    const contact = { cookie: await desk.cookieFor('contact', 'c-jansen-admin') }
    expect((await desk.call('GET', '/api/staff/embedding', undefined, contact)).json.code).toBe('staff_only')
  })
})
