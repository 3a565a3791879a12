import { afterEach, describe, expect, test } from 'vitest'
import { testDesk } from '../testing.ts'

const openStores: { close(): Promise<void> }[] = []
afterEach(async () => {
  await Promise.all(openStores.splice(0).map((store) => store.close()))
})

/** 400 invalid_input naming `path`, and nothing in the insight log; the error body, for more checks. */
async function expectRefused(res: Response, path: string, insight: { readAll(): Promise<unknown[]> }) {
  expect(res.status).toBe(400)
  const error = await res.json()
  expect(error.code).toBe('invalid_input')
  expect(error.fields.map((f: { path: string }) => f.path)).toContain(path)
  expect(await insight.readAll()).toEqual([])
  return error
}

async function setup(path = '/api/kb/votes') {
  const desk = await testDesk({ now: '2026-11-30T09:41:27.512Z' })
  openStores.push(desk.store)
  const insight = desk.deps.insight
  const app = desk.app
  const post = (body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    app.request(path, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) })
  return { desk, insight, post }
}

describe('POST /api/kb/votes', () => {
  test('records an anonymous vote, to the minute', async () => {
    const { insight, post } = await setup()
    const res = await post({ article: 'register-incident', lang: 'nl', isHelpful: false })
    expect(res.status).toBe(201)
    expect(await insight.readAll()).toEqual([{ type: 'vote', article: 'register-incident', lang: 'nl', isHelpful: false, at: '2026-11-30T09:41:00.000Z' }])
  })

  test.each([
    ['a missing field', { article: 'register-incident', lang: 'nl' }, 'isHelpful'],
    ['an unknown language', { article: 'register-incident', lang: 'de', isHelpful: true }, 'lang'],
    ['an article key with markup', { article: '<script>', lang: 'nl', isHelpful: true }, 'article'],
    ['an extra field that could identify the reader', { article: 'register-incident', lang: 'nl', isHelpful: true, email: 'a@b.nl' }, '(body)'],
  ])('rejects %s with the field named and records nothing', async (_name, body, path) => {
    const { insight, post } = await setup()
    const res = await post(body)
    const error = await expectRefused(res, path, insight)
    expect(error.message).toBe('De gegevens zijn niet compleet of niet juist. Zie de velden.')
  })

  test('answers in English when the caller prefers it', async () => {
    const { post } = await setup()
    const res = await post({}, { 'content-type': 'application/json', 'accept-language': 'en-GB,en;q=0.8' })
    expect((await res.json()).message).toBe('The data is incomplete or not valid. See the fields.')
  })

  test('refuses a body that is not JSON with 415', async () => {
    const { insight, post } = await setup()
    const res = await post('article=register-incident', { 'content-type': 'application/x-www-form-urlencoded' })
    expect(res.status).toBe(415)
    expect((await res.json()).code).toBe('unsupported_media_type')
    expect(await insight.readAll()).toEqual([])
  })

  test('refuses malformed JSON with 400', async () => {
    const { insight, post } = await setup()
    const res = await post('{"article": ')
    expect(res.status).toBe(400)
    expect((await res.json()).code).toBe('malformed_json')
    expect(await insight.readAll()).toEqual([])
  })

  test('refuses a body over 64 KB with 413', async () => {
    const { insight, post } = await setup()
    const res = await post({ article: 'a'.repeat(70_000), lang: 'nl', isHelpful: true })
    expect(res.status).toBe(413)
    expect((await res.json()).code).toBe('payload_too_large')
    expect(await insight.readAll()).toEqual([])
  })
})

describe('POST /api/kb/events', () => {
  const visit = { session: '7c1e9a4b2f6d4e08', source: 'widget', lang: 'nl' } as const
  const search = { type: 'search', ...visit, query: 'btw aangifte', results: 3 } as const
  const click = { type: 'click', ...visit, query: 'btw aangifte', article: '/support/btw-aangifte/' } as const

  test.each([
    ['a search the visitor settled on, with the query trimmed', { ...search, query: '  btw aangifte ' }, search],
    ['a click on a result', click, click],
    ['an incident after a search', { type: 'incident', ...visit, source: 'search', query: 'btw aangifte' }, { type: 'incident', ...visit, source: 'search', query: 'btw aangifte' }],
    ['an incident without a search', { type: 'incident', ...visit, lang: 'en' }, { type: 'incident', ...visit, lang: 'en' }],
  ])('records %s, to the minute and nothing more', async (_name, body, recorded) => {
    const { insight, post } = await setup('/api/kb/events')
    const res = await post(body, { 'content-type': 'application/json', 'user-agent': 'Mozilla/5.0 (Test)', 'x-forwarded-for': '203.0.113.7' })
    expect(res.status).toBe(201)
    expect(await res.json()).toEqual({ recorded: true })
    expect(res.headers.get('set-cookie')).toBeNull()
    expect(await insight.readAll()).toEqual([{ ...recorded, at: '2026-11-30T09:41:00.000Z' }])
  })

  test('keeps votes and events in the one insight log', async () => {
    const { desk, insight } = await setup()
    await desk.call('POST', '/api/kb/votes', { article: 'vat-return', lang: 'nl', isHelpful: true })
    await desk.call('POST', '/api/kb/events', search)
    expect((await insight.readAll()).map((r) => r.type)).toEqual(['vote', 'search'])
  })

  test.each([
    ['an unknown type', { ...search, type: 'view' }, 'type'],
    ['no type', { session: visit.session, source: 'widget', lang: 'nl', query: 'btw' }, 'type'],
    ['a query over 200 characters', { ...search, query: 'a'.repeat(201) }, 'query'],
    ['a query of only spaces', { ...search, query: '   ' }, 'query'],
    ['an extra field that could identify the visitor', { ...search, email: 'a@b.nl' }, '(body)'],
    ['a field of another type of event', { ...search, article: '/support/btw-aangifte/' }, '(body)'],
    ['a session id that is too short', { ...search, session: 'abc' }, 'session'],
    ['a session id with other characters', { ...search, session: 'tom@bakkerij.nl' }, 'session'],
    ['an article given as a full address', { ...click, article: 'https://evil.example/support/' }, 'article'],
    ['an article that leaves the site', { ...click, article: '//evil.example/support/' }, 'article'],
    ['an article that is not a path', { ...click, article: 'btw-aangifte' }, 'article'],
    ['an article path over 300 characters', { ...click, article: `/${'a'.repeat(300)}` }, 'article'],
    ['a negative number of results', { ...search, results: -1 }, 'results'],
    ['an unknown source', { ...search, source: 'partner' }, 'source'],
    ['an unknown language', { ...search, lang: 'de' }, 'lang'],
  ])('rejects %s with the field named and records nothing', async (_name, body, path) => {
    const { insight, post } = await setup('/api/kb/events')
    const res = await post(body)
    await expectRefused(res, path, insight)
  })

  test('refuses a body that is not JSON with 415 and records nothing', async () => {
    const { insight, post } = await setup('/api/kb/events')
    const res = await post(JSON.stringify(search), { 'content-type': 'text/plain' })
    expect(res.status).toBe(415)
    expect(await insight.readAll()).toEqual([])
  })

  test('answers 429 with Retry-After after 120 events a minute from one address, records nothing more, and takes events again the next minute', async () => {
    const { desk, insight, post } = await setup('/api/kb/events')
    for (let i = 0; i < 120; i++) expect((await post({ ...search, results: i })).status).toBe(201)
    desk.setNow('2026-11-30T09:42:07.512Z')
    const over = await post(search)
    expect(over.status).toBe(429)
    expect(over.headers.get('retry-after')).toBe('20')
    expect((await over.json()).code).toBe('rate_limited')
    expect((await insight.readAll()).length).toBe(120)
    desk.setNow('2026-11-30T09:42:27.512Z')
    expect((await post(search)).status).toBe(201)
    expect((await insight.readAll()).length).toBe(121)
  })

  test('counts bad requests too, so they cannot be sent without end', async () => {
    const { insight, post } = await setup('/api/kb/events')
    for (let i = 0; i < 120; i++) await post({ ...search, type: 'view' })
    expect((await post(search)).status).toBe(429)
    expect(await insight.readAll()).toEqual([])
  })

  test('limits votes per address too: 429 after 120 a minute, nothing more recorded', async () => {
    const { desk, insight } = await setup('/api/kb/votes')
    const vote = { article: 'vat-return', lang: 'nl', isHelpful: true }
    for (let i = 0; i < 120; i++) expect((await desk.call('POST', '/api/kb/votes', vote)).status).toBe(201)
    const over = await desk.call('POST', '/api/kb/votes', vote)
    expect(over.status).toBe(429)
    expect(over.json.code).toBe('rate_limited')
    expect((await insight.readAll()).length).toBe(120)
  })

  test('does not limit votes by the events limit', async () => {
    const { desk, post } = await setup('/api/kb/events')
    for (let i = 0; i < 121; i++) await post(search)
    const vote = await desk.call('POST', '/api/kb/votes', { article: 'vat-return', lang: 'nl', isHelpful: true })
    expect(vote.status).toBe(201)
  })

  test.each([
    ['an allowed site may post events: its preflight for a JSON body is answered, without credentials', 'https://partner.example', 'https://partner.example'],
    ['any other site is not allowed', 'https://evil.example', null],
  ])('CORS: %s', async (_name, origin, allowOrigin) => {
    const { desk } = await setup()
    const res = await desk.app.request('/api/kb/events', {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    })
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe(allowOrigin)
    expect(res.headers.get('access-control-allow-credentials')).toBeNull()
    if (allowOrigin) {
      expect(res.headers.get('access-control-allow-methods')).toContain('POST')
      expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type')
    }
  })

  test('CORS: an allowed site gets the answer to its post', async () => {
    const { desk, insight } = await setup()
    const res = await desk.call('POST', '/api/kb/events', search, { origin: 'https://partner.example' })
    expect(res.status).toBe(201)
    expect(res.headers.get('access-control-allow-origin')).toBe('https://partner.example')
    expect((await insight.readAll()).length).toBe(1)
  })
})

describe('POST /api/kb/missing', () => {
  const missing = { article: 'vat-return', lang: 'nl', text: 'Wat te doen bij fout 500 van Digipoort.' } as const

  test('records what the reader missed, trimmed, anonymously and to the minute', async () => {
    const { insight, post } = await setup('/api/kb/missing')
    const res = await post({ ...missing, text: `  ${missing.text}\n` }, { 'content-type': 'application/json', 'user-agent': 'Mozilla/5.0 (Test)', 'x-forwarded-for': '203.0.113.7' })
    expect(res.status).toBe(201)
    expect(await res.json()).toEqual({ recorded: true })
    expect(res.headers.get('set-cookie')).toBeNull()
    expect(await insight.readAll()).toEqual([{ type: 'missing', ...missing, at: '2026-11-30T09:41:00.000Z' }])
  })

  test.each([
    ['an empty text', { ...missing, text: '' }, 'text'],
    ['a text of only spaces', { ...missing, text: '   ' }, 'text'],
    ['a text over 500 characters', { ...missing, text: 'a'.repeat(501) }, 'text'],
    ['a control character', { ...missing, text: 'fout\u0007500' }, 'text'],
    ['a direction override', { ...missing, text: 'fout \u202E005' }, 'text'],
    ['no text', { article: 'vat-return', lang: 'nl' }, 'text'],
    ['an article key with markup', { ...missing, article: '<script>' }, 'article'],
    ['an unknown language', { ...missing, lang: 'de' }, 'lang'],
    ['an extra field that could identify the reader', { ...missing, email: 'a@b.nl' }, '(body)'],
  ])('rejects %s with 400 invalid_input, the field named, and records nothing', async (_name, body, path) => {
    const { insight, post } = await setup('/api/kb/missing')
    const res = await post(body)
    const error = await expectRefused(res, path, insight)
    expect(error.message).toBe('De gegevens zijn niet compleet of niet juist. Zie de velden.')
  })

  test('refuses a body that is not JSON with 415 and records nothing', async () => {
    const { insight, post } = await setup('/api/kb/missing')
    const res = await post(JSON.stringify(missing), { 'content-type': 'text/plain' })
    expect(res.status).toBe(415)
    expect(await insight.readAll()).toEqual([])
  })

  test('is limited like votes: 429 after 120 a minute from one address, nothing more recorded', async () => {
    const { desk, insight, post } = await setup('/api/kb/missing')
    for (let i = 0; i < 120; i++) expect((await post(missing)).status).toBe(201)
    const over = await post(missing)
    expect(over.status).toBe(429)
    expect((await over.json()).code).toBe('rate_limited')
    expect((await insight.readAll()).length).toBe(120)
    // Counted apart: votes still go through.
    expect((await desk.call('POST', '/api/kb/votes', { article: 'vat-return', lang: 'nl', isHelpful: false })).status).toBe(201)
  })
})
