import { afterEach, describe, expect, test } from 'vitest'
import { testDesk } from '../testing.ts'

const openStores: { close(): Promise<void> }[] = []
afterEach(async () => {
  await Promise.all(openStores.splice(0).map((store) => store.close()))
})

/** Monday 2026-11-30, 10:41 in Amsterdam: ISO week 2026-W49. */
const NOW = '2026-11-30T09:41:27.512Z'

async function setup() {
  const desk = await testDesk({ now: NOW })
  openStores.push(desk.store)
  const insight = desk.deps.insight
  const cookies = {
    staff: await desk.cookieFor('staff', 's-lotte'),
    contact: await desk.cookieFor('contact', 'c-jansen-admin'),
  }
  return { desk, insight, cookies }
}

const visit = (session: string, lang: 'nl' | 'en' = 'nl') => ({ session, source: 'widget', lang }) as const

/** Three visits as the widget tells them: one found its answer, one found nothing and sent an incident, one found nothing in English. */
async function recordVisits(desk: Awaited<ReturnType<typeof testDesk>>) {
  const events = [
    { type: 'search', ...visit('visit-answered1'), query: 'btw aangifte', results: 3 },
    { type: 'click', ...visit('visit-answered1'), query: 'btw aangifte', article: '/financien/btw-aangifte/' },
    { type: 'search', ...visit('visit-incident1'), query: 'Loonstrook  PDF', results: 0 },
    { type: 'incident', ...visit('visit-incident1') },
    { type: 'search', ...visit('visit-english01', 'en'), query: 'payslip pdf', results: 0 },
  ]
  for (const event of events) expect((await desk.call('POST', '/api/kb/events', event)).status).toBe(201)
  for (const isHelpful of [false, false, true]) {
    expect((await desk.call('POST', '/api/kb/votes', { article: 'payroll-run', lang: 'nl', isHelpful })).status).toBe(201)
  }
}

describe('GET /api/kb/insight', () => {
  test('lists what readers missed per article, newest first, as the plain text they sent', async () => {
    const { desk, cookies } = await setup()
    const texts = ['Wat te doen bij fout 500?', '<b>Hoe</b> corrigeer ik een aangifte?']
    for (const text of texts) {
      expect((await desk.call('POST', '/api/kb/missing', { article: 'vat-return', lang: 'nl', text })).status).toBe(201)
      desk.setNow('2026-11-30T09:42:27.512Z')
    }
    expect((await desk.call('POST', '/api/kb/missing', { article: 'vat-return', lang: 'nl', text: '\u0000' })).status).toBe(400)
    const res = await desk.call('GET', '/api/kb/insight', undefined, { cookie: cookies.staff })
    expect(res.status).toBe(200)
    expect(res.json.missed).toEqual([{ article: 'vat-return', total: 2, texts: [
      { text: '<b>Hoe</b> corrigeer ik een aangifte?', lang: 'nl', at: '2026-11-30T09:42:00.000Z' },
      { text: 'Wat te doen bij fout 500?', lang: 'nl', at: '2026-11-30T09:41:00.000Z' },
    ] }])
  })

  test.each([
    ['nobody signed in', undefined, 401, 'sign_in_required'],
    ['a contact', 'contact', 403, 'staff_only'],
  ] as const)('refuses %s, and no cache keeps the answer', async (_name, who, status, code) => {
    const { desk, cookies } = await setup()
    const res = await desk.call('GET', '/api/kb/insight', undefined, who ? { cookie: cookies[who] } : {})
    expect(res.status).toBe(status)
    expect(res.json.code).toBe(code)
    expect(res.headers.get('cache-control')).toBe('private, no-store')
  })

  test('reports what a few visits did, for staff', async () => {
    const { desk, cookies } = await setup()
    await recordVisits(desk)
    const res = await desk.call('GET', '/api/kb/insight', undefined, { cookie: cookies.staff })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(res.headers.get('cache-control')).toBe('private, no-store')
    const report = res.json
    expect(report.period).toEqual({ weeks: 12, from: '2026-09-13T22:00:00.000Z', to: NOW, timeZone: 'Europe/Amsterdam' })
    expect(report.noResults).toEqual({
      nl: [{ query: 'loonstrook pdf', sessions: 1, lastSeen: '2026-11-30T09:41:00.000Z' }],
      en: [{ query: 'payslip pdf', sessions: 1, lastSeen: '2026-11-30T09:41:00.000Z' }],
    })
    expect(report.incidentQueries).toEqual([{ query: 'loonstrook pdf', lang: 'nl', sessions: 1, lastSeen: '2026-11-30T09:41:00.000Z' }])
    expect(report.worstArticles).toEqual([{ article: 'payroll-run', lang: 'nl', helpful: 1, notHelpful: 2, ratio: 1 / 3 }])
    expect(report.deflection).toMatchObject({ searching: 3, deflected: 2, rate: 2 / 3 })
    expect(report.deflection.weeks).toHaveLength(12)
    expect(report.deflection.weeks.at(-1)).toEqual({ week: '2026-W49', start: '2026-11-30', searching: 3, deflected: 2, rate: 2 / 3 })
    expect(report.deflection.weeks.at(-2)).toEqual({ week: '2026-W48', start: '2026-11-23', searching: 0, deflected: 0, rate: null })
  })

  test('covers the weeks asked for, counting only events inside them', async () => {
    const { desk, insight, cookies } = await setup()
    await insight.append({ type: 'search', ...visit('visit-lastweek'), query: 'vorige week', results: 0, at: '2026-11-29T22:59:00.000Z' })
    await insight.append({ type: 'search', ...visit('visit-thisweek'), query: 'deze week', results: 0, at: '2026-11-29T23:00:00.000Z' })
    const res = await desk.call('GET', '/api/kb/insight?weeks=1', undefined, { cookie: cookies.staff })
    expect(res.status).toBe(200)
    expect(res.json.period.weeks).toBe(1)
    expect(res.json.noResults.nl.map((q: { query: string }) => q.query)).toEqual(['deze week'])
    expect(res.json.deflection.weeks).toEqual([{ week: '2026-W49', start: '2026-11-30', searching: 1, deflected: 1, rate: 1 }])
  })

  test.each([['0'], ['53'], ['twelve'], ['4.5']])('rejects weeks=%s with 400 and the field named', async (weeks) => {
    const { desk, cookies } = await setup()
    const res = await desk.call('GET', `/api/kb/insight?weeks=${weeks}`, undefined, { cookie: cookies.staff })
    expect(res.status).toBe(400)
    expect(res.json.code).toBe('invalid_input')
    expect(res.json.fields.map((f: { path: string }) => f.path)).toEqual(['weeks'])
    expect(res.headers.get('cache-control')).toBe('private, no-store')
  })

  test('rejects an unknown parameter, naming it', async () => {
    const { desk, cookies } = await setup()
    const res = await desk.call('GET', '/api/kb/insight?week=4', undefined, { cookie: cookies.staff })
    expect(res.status).toBe(400)
    expect(res.json.fields.map((f: { path: string }) => f.path)).toEqual(['(body)'])
    expect(res.json.fields[0].message).toContain('week')
  })
})

describe('GET /api/kb/insight/template', () => {
  const path = `/api/kb/insight/template?query=${encodeURIComponent('Loonstrook PDF')}&lang=nl`

  test('downloads a new article for a search that found nothing, naming how many visits searched it', async () => {
    const { desk, cookies } = await setup()
    await recordVisits(desk)
    const res = await desk.call('GET', path, undefined, { cookie: cookies.staff })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8')
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="loonstrook-pdf.md"')
    expect(res.headers.get('cache-control')).toBe('private, no-store')
    expect(res.text).toContain('# New article for the search "loonstrook pdf" (nl): 1 session found nothing in the last 12 weeks.')
    expect(res.text).toContain('# Save it as content/articles/nl/<category>/loonstrook-pdf.md')
    expect(res.text).toContain('\ntitle: "Loonstrook PDF"\n')
    expect(res.text).toContain('\nupdated: 2026-11-30\n')
    expect(res.text).toContain('\ntranslationKey: loonstrook-pdf\n')
  })

  test.each([
    ['nobody signed in', undefined, 401, 'sign_in_required'],
    ['a contact', 'contact', 403, 'staff_only'],
  ] as const)('refuses %s', async (_name, who, status, code) => {
    const { desk, cookies } = await setup()
    const res = await desk.call('GET', path, undefined, who ? { cookie: cookies[who] } : {})
    expect(res.status).toBe(status)
    expect(res.json.code).toBe(code)
    expect(res.headers.get('content-disposition')).toBeNull()
  })

  test.each([
    ['no query', '?lang=nl', 'query'],
    ['a query of only spaces', '?query=%20%20&lang=nl', 'query'],
    ['a query over 200 characters', `?query=${'a'.repeat(201)}&lang=nl`, 'query'],
    ['no language', '?query=btw', 'lang'],
    ['another language', '?query=btw&lang=de', 'lang'],
  ])('rejects %s with 400 and the field named, and records nothing', async (_name, search, field) => {
    const { desk, insight, cookies } = await setup()
    const res = await desk.call('GET', `/api/kb/insight/template${search}`, undefined, { cookie: cookies.staff, 'accept-language': 'en' })
    expect(res.status).toBe(400)
    expect(res.json.code).toBe('invalid_input')
    expect(res.json.message).toBe('The data is incomplete or not valid. See the fields.')
    expect(res.json.fields.map((f: { path: string }) => f.path)).toContain(field)
    expect(res.headers.get('content-disposition')).toBeNull()
    expect(await insight.readAll()).toEqual([])
  })
})
