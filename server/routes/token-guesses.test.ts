// Guess limits on every endpoint that takes a secret token: wrong tokens counted per address, then 429 with Retry-After, and nothing changes.
import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { hashToken, newToken } from '../auth/tokens.ts'
import { WRONG_TOKEN_TRIES, WRONG_TOKEN_WINDOW_MINUTES } from '../deps.ts'
import { signInToken } from '../services/sign-in.ts'
import { PHONE_TEST_SECRET, closeTestDesks, testDesk } from '../testing.ts'
import { REMOTE_VIEW_WRONG_TRIES } from '../domain/consent.ts'
import { START, MINUTE, after, bearer, consentDesk, openView, startView } from './consents.fixture.ts'

afterEach(async () => {
  vi.unstubAllEnvs()
  await closeTestDesks()
})

type Desk = Awaited<ReturnType<typeof testDesk>>
const FORM = { 'content-type': 'application/x-www-form-urlencoded' }
const WINDOW = WRONG_TOKEN_WINDOW_MINUTES * MINUTE

/** A wrong token of the right shape, different each time. */
const wrongToken = () => newToken()

/** A pending widget registration of Tom's, as the confirmation mail's link would carry it: its token. */
async function pendingRegistration(desk: Desk): Promise<string> {
  const token = newToken()
  const now = desk.deps.clock()
  await desk.store.registrations.put({
    id: randomUUID(), tokenHash: hashToken(token), contactId: 'c-jansen-emp',
    input: { name: 'Tom Bakker', email: 'tom@bakkerij-jansen.example', kind: 'bug', productArea: 'finance', subject: 'Btw-aangifte geeft fout 500', description: 'Bij het indienen krijg ik fout 500.', kbArticles: [], lang: 'nl' },
    createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + 24 * 3_600_000).toISOString(),
  })
  return token
}

/** A sign-in link's token for Tom, as the sign-in mail carries it. */
const signInLink = async (desk: Desk) => (await signInToken(desk.deps, { kind: 'contact', id: 'c-jansen-emp' }, 15)).token

const postForm = (desk: Desk, path: string, token: string, headers: Record<string, string> = {}) =>
  desk.app.request(path, { method: 'POST', headers: { ...FORM, ...headers }, body: `token=${token}` })

/** What a refused try must leave alone: incidents, sessions by the right token, mails. */
const counts = async (desk: Desk) => ({ incidents: await desk.store.incidents.count(), mails: (await desk.mails()).length })

function expectWait(res: Response | { status: number; headers: Headers }) {
  expect(res.status).toBe(429)
  const retryAfter = Number(res.headers.get('retry-after'))
  expect(retryAfter).toBeGreaterThan(0)
  expect(retryAfter).toBeLessThanOrEqual(WRONG_TOKEN_WINDOW_MINUTES * 60)
}

describe('the sign-in link (POST /api/auth/callback)', () => {
  test(`after ${WRONG_TOKEN_TRIES} wrong tokens from one address every try waits, a right one too, with a page in the link's language; the link still works after the window`, async () => {
    const desk = await testDesk({ now: START })
    const token = await signInLink(desk)
    for (let i = 0; i < WRONG_TOKEN_TRIES; i++) expect((await postForm(desk, '/api/auth/callback', wrongToken())).status).toBe(400)
    const before = await counts(desk)
    const refused = await postForm(desk, '/api/auth/callback', token)
    expectWait(refused)
    expect(refused.headers.get('content-type')).toMatch(/^text\/html/)
    expect(refused.headers.get('set-cookie')).toBeNull()
    const page = await refused.text()
    expect(page).toContain('Te veel pogingen')
    expect(page).not.toContain('Too many tries')
    expect(page).toContain('10 minuten')
    const english = await (await postForm(desk, '/api/auth/callback?lang=en', token)).text()
    expect(english).toContain('Too many tries')
    expect(english).not.toContain('Te veel pogingen')
    expect(await counts(desk)).toEqual(before)
    // The refused try did not spend the token: once the window passed, it signs in.
    desk.setNow(after(WINDOW))
    const landed = await postForm(desk, '/api/auth/callback', token)
    expect(landed.status).toBe(303)
    expect(landed.headers.get('set-cookie')).toContain('loket_session=')
  })

  test('a JSON caller gets the error as JSON, in English when it asks', async () => {
    const desk = await testDesk({ now: START })
    for (let i = 0; i < WRONG_TOKEN_TRIES; i++) await postForm(desk, '/api/auth/callback', wrongToken())
    const res = await desk.call('POST', '/api/auth/callback', { token: wrongToken() }, { 'accept-language': 'en' })
    expectWait(res)
    expect(res.json).toEqual({ code: 'too_many_wrong_tokens', message: 'Too many wrong or expired links or keys from this address. Wait 10 minutes and try again.' })
  })

  test('right tokens do not count: many people behind one address sign in', async () => {
    const desk = await testDesk({ now: START })
    for (let i = 0; i < WRONG_TOKEN_TRIES + 2; i++) expect((await postForm(desk, '/api/auth/callback', await signInLink(desk))).status).toBe(303)
    expect((await postForm(desk, '/api/auth/callback', wrongToken())).status).toBe(400)
  })

  test('a used link counts as a wrong one; a refused cross-site post does not count', async () => {
    const desk = await testDesk({ now: START })
    const token = await signInLink(desk)
    expect((await postForm(desk, '/api/auth/callback', token)).status).toBe(303)
    for (let i = 0; i < WRONG_TOKEN_TRIES + 3; i++) expect((await postForm(desk, '/api/auth/callback', wrongToken(), { origin: 'https://evil.example' })).status).toBe(403)
    for (let i = 0; i < WRONG_TOKEN_TRIES; i++) expect((await postForm(desk, '/api/auth/callback', token)).status).toBe(400)
    expectWait(await postForm(desk, '/api/auth/callback', await signInLink(desk)))
  })

  test('behind a trusted proxy one address\'s guesses do not hold back another; without it X-Forwarded-For does not escape the limit', async () => {
    vi.stubEnv('TRUST_PROXY', '1')
    const proxied = await testDesk({ now: START })
    const from = (address: string) => ({ 'x-forwarded-for': `${address}, 10.0.0.1` })
    for (let i = 0; i < WRONG_TOKEN_TRIES; i++) await postForm(proxied, '/api/auth/callback', wrongToken(), from('203.0.113.7'))
    expectWait(await postForm(proxied, '/api/auth/callback', await signInLink(proxied), from('203.0.113.7')))
    expect((await postForm(proxied, '/api/auth/callback', await signInLink(proxied), from('198.51.100.2'))).status).toBe(303)

    vi.stubEnv('TRUST_PROXY', '')
    const direct = await testDesk({ now: START })
    for (let i = 0; i < WRONG_TOKEN_TRIES; i++) await postForm(direct, '/api/auth/callback', wrongToken(), from(`203.0.113.${i}`))
    expectWait(await postForm(direct, '/api/auth/callback', await signInLink(direct), from('198.51.100.2')))
  })
})

describe('the confirmation link (POST /api/incidents/confirm)', () => {
  test(`after ${WRONG_TOKEN_TRIES} wrong tokens a JSON caller gets 429 too_many_wrong_tokens, nothing is registered, and the link works after the window`, async () => {
    const desk = await testDesk({ now: START })
    const token = await pendingRegistration(desk)
    for (let i = 0; i < WRONG_TOKEN_TRIES; i++) {
      const wrong = await desk.call('POST', '/api/incidents/confirm', { token: wrongToken() })
      expect([wrong.status, wrong.json.code]).toEqual([400, 'token_invalid'])
    }
    const before = await counts(desk)
    const refused = await desk.call('POST', '/api/incidents/confirm', { token })
    expectWait(refused)
    expect(refused.json).toEqual({ code: 'too_many_wrong_tokens', message: 'Te veel onjuiste of verlopen links of sleutels vanaf dit adres. Wacht 10 minuten en probeer het opnieuw.' })
    expect(await counts(desk)).toEqual({ ...before, incidents: 0 })
    desk.setNow(after(WINDOW))
    expect((await desk.call('POST', '/api/incidents/confirm', { token })).status).toBe(201)
    expect(await desk.store.incidents.count()).toBe(1)
  })

  test('guesses sent all at once are counted too: only the first ones are answered, the rest wait', async () => {
    const desk = await testDesk({ now: START })
    const token = await pendingRegistration(desk)
    const answers = await Promise.all(Array.from({ length: 4 * WRONG_TOKEN_TRIES }, () => desk.call('POST', '/api/incidents/confirm', { token: wrongToken() })))
    const statuses = answers.map((a) => a.status)
    expect(statuses.filter((s) => s === 400)).toHaveLength(WRONG_TOKEN_TRIES)
    expect(statuses.filter((s) => s === 429)).toHaveLength(3 * WRONG_TOKEN_TRIES)
    expectWait(await desk.call('POST', '/api/incidents/confirm', { token }))
    expect(await desk.store.incidents.count()).toBe(0)
  })

  test('the form post from the link\'s page gets the page that says when to try again', async () => {
    const desk = await testDesk({ now: START })
    const token = await pendingRegistration(desk)
    for (let i = 0; i < WRONG_TOKEN_TRIES; i++) expect((await postForm(desk, '/api/incidents/confirm', wrongToken())).status).toBe(400)
    const refused = await postForm(desk, '/api/incidents/confirm?lang=en', token)
    expectWait(refused)
    expect(refused.headers.get('content-type')).toMatch(/^text\/html/)
    expect(await refused.text()).toContain('Too many links that do not work (any more) were tried from this address')
    expect(await desk.store.incidents.count()).toBe(0)
  })

  test('the sign-in link\'s count is its own: guesses at one endpoint do not hold back the other', async () => {
    const desk = await testDesk({ now: START })
    for (let i = 0; i < WRONG_TOKEN_TRIES; i++) await postForm(desk, '/api/incidents/confirm', wrongToken())
    expect((await postForm(desk, '/api/auth/callback', await signInLink(desk))).status).toBe(303)
  })
})

describe('the telephone system\'s secret (GET /api/phone/route)', () => {
  const route = (desk: Desk, secret: string) => desk.call('GET', '/api/phone/route?number=100042', undefined, { authorization: `Bearer ${secret}` })

  test(`after ${WRONG_TOKEN_TRIES} wrong secrets from one address the right one waits too, uncached; after the window it routes again`, async () => {
    const desk = await testDesk({ now: START })
    for (let i = 0; i < WRONG_TOKEN_TRIES; i++) expect((await route(desk, `${PHONE_TEST_SECRET}${i}`)).status).toBe(401)
    const refused = await route(desk, PHONE_TEST_SECRET)
    expectWait(refused)
    expect(refused.json.code).toBe('too_many_wrong_tokens')
    expect(refused.headers.get('cache-control')).toBe('no-store')
    desk.setNow(after(WINDOW))
    expect((await route(desk, PHONE_TEST_SECRET)).status).toBe(200)
  })

  test('the right secret does not count', async () => {
    const desk = await testDesk({ now: START })
    for (let i = 0; i < WRONG_TOKEN_TRIES + 2; i++) expect((await route(desk, PHONE_TEST_SECRET)).status).toBe(200)
    expect((await route(desk, 'wrong')).status).toBe(401)
  })
})

describe('the remote-view page token (Authorization: Bearer on /api/remote-views/:id)', () => {
  test(`after ${WRONG_TOKEN_TRIES} wrong tokens the page's own token waits too, the session is not ended, and staff without a token are not held back`, async () => {
    const desk = await consentDesk()
    const { id, token } = await openView(desk)
    for (let i = 0; i < WRONG_TOKEN_TRIES; i++) expect((await desk.call('POST', `/api/remote-views/${id}/end`, undefined, bearer(wrongToken()))).status).toBe(401)
    const before = await desk.snapshot()
    expectWait(await desk.call('GET', `/api/remote-views/${id}`, undefined, bearer(token)))
    const end = await desk.call('POST', `/api/remote-views/${id}/end`, undefined, bearer(token))
    expectWait(end)
    expect(end.json.code).toBe('too_many_wrong_tokens')
    expect(await desk.snapshot()).toEqual(before)
    expect((await desk.call('GET', `/api/remote-views/${id}`, undefined, desk.as.lotte)).json.session.state).toBe('open')
    desk.setNow(after(WINDOW))
    expect((await desk.call('GET', `/api/remote-views/${id}/signals`, undefined, bearer(token))).status).toBe(200)
  })
})

describe('the remote-view code (POST /api/remote-views/lookup and /consent)', () => {
  test('codes sent all at once are counted too: five wrong ones are answered, the rest wait, and the session stays unopened', async () => {
    const desk = await consentDesk()
    const { code } = await startView(desk)
    const codes = Array.from({ length: 40 }, (_, i) => String(i).padStart(6, '0')).filter((c) => c !== code)
    const answers = await Promise.all(codes.map((c, i) => desk.call('POST', `/api/remote-views/${i % 2 ? 'lookup' : 'consent'}`, { code: c })))
    const statuses = answers.map((a) => a.status)
    expect(statuses.filter((s) => s === 404)).toHaveLength(REMOTE_VIEW_WRONG_TRIES)
    expect(statuses.filter((s) => s === 429)).toHaveLength(codes.length - REMOTE_VIEW_WRONG_TRIES)
    const before = await desk.snapshot()
    expect((await desk.call('POST', '/api/remote-views/consent', { code })).status).toBe(429)
    expect(await desk.snapshot()).toEqual(before)
  })
})

describe('the OpenAPI document', () => {
  test('every token endpoint documents its 429 once, with Retry-After', async () => {
    const desk = await testDesk()
    const document = (await desk.call('GET', '/api/openapi.json')).json
    const expected: [string, string, string][] = [
      ['/api/auth/callback', 'post', 'TooManyWrongLinks'],
      ['/api/incidents/confirm', 'post', 'TooManyWrongLinks'],
      ['/api/phone/route', 'get', 'TooManyWrongTokens'],
      ['/api/remote-views/{id}', 'get', 'TooManyWrongTokens'],
      ['/api/remote-views/{id}/end', 'post', 'TooManyWrongTokens'],
      ['/api/remote-views/{id}/signals', 'get', 'TooManyWrongTokens'],
      ['/api/remote-views/{id}/signals', 'post', 'TooManyWrongTokens'],
    ]
    for (const [path, method, name] of expected) expect(document.paths[path][method].responses['429'], `${method} ${path}`).toEqual({ $ref: `#/components/responses/${name}` })
    for (const name of ['TooManyWrongLinks', 'TooManyWrongTokens']) {
      expect(document.components.responses[name].headers['Retry-After']).toEqual({ $ref: '#/components/headers/RetryAfter' })
      expect(document.components.responses[name].content['application/json'].examples.tooManyWrongTokens.value.code).toBe('too_many_wrong_tokens')
    }
    expect(Object.keys(document.components.responses.TooManyWrongLinks.content)).toContain('text/html')
  })
})
