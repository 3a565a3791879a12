import { describe, expect, test } from 'vitest'
import type { KbInsight, KbSearchEvent } from './kb-insight.ts'
import { InsightQuery, insightReport, normaliseQuery, noResultSessions, templateFor, TemplateQuery } from './kb-insight-report.ts'

const timeZone = 'Europe/Amsterdam'
/** Wednesday of ISO week 2026-W49, 11:00 in Amsterdam. */
const now = new Date('2026-12-02T10:00:00Z')

const search = (session: string, query: string, at: string, results = 0, lang: 'nl' | 'en' = 'nl'): KbSearchEvent =>
  ({ type: 'search', session, source: 'widget', lang, query, results, at })
const incident = (session: string, at: string, query?: string, lang: 'nl' | 'en' = 'nl'): KbSearchEvent =>
  ({ type: 'incident', session, source: 'widget', lang, ...(query === undefined ? {} : { query }), at })
const click = (session: string, query: string, at: string): KbSearchEvent =>
  ({ type: 'click', session, source: 'search', lang: 'nl', query, article: '/support/incident-melden/', at })
const vote = (article: string, isHelpful: boolean, at = '2026-12-01T09:00:00.000Z', lang: 'nl' | 'en' = 'nl'): KbInsight =>
  ({ type: 'vote', article, lang, isHelpful, at })

const report = (events: KbInsight[], weeks?: number) => insightReport(events, { now, timeZone, ...(weeks === undefined ? {} : { weeks }) })

describe('normaliseQuery', () => {
  test.each([
    ['trims and lowercases', '  BTW Aangifte ', 'btw aangifte'],
    ['collapses runs of spaces, tabs and newlines', 'btw \t aangifte\n fout', 'btw aangifte fout'],
    ['makes a decomposed letter the same as a composed one', 'financie\u0308n', 'financi\u00ebn'],
    ['leaves punctuation', 'Fout 500?', 'fout 500?'],
  ])('%s', (_name, query, normalised) => {
    expect(normaliseQuery(query)).toBe(normalised)
  })
})

describe('insightReport: searches without results', () => {
  test('counts one query however it was typed, by distinct sessions, with when it was last seen', () => {
    const { noResults } = report([
      search('session-a1', 'BTW aangifte', '2026-11-30T08:00:00.000Z'),
      search('session-a1', 'btw  aangifte ', '2026-11-30T08:01:00.000Z'),
      search('session-b2', '  btw Aangifte', '2026-12-01T14:12:00.000Z'),
      search('session-c3', 'btw\taangifte', '2026-11-24T10:00:00.000Z'),
      search('session-c3', 'loonstrook', '2026-11-24T10:02:00.000Z'),
    ])
    expect(noResults.nl).toEqual([
      { query: 'btw aangifte', sessions: 3, lastSeen: '2026-12-01T14:12:00.000Z' },
      { query: 'loonstrook', sessions: 1, lastSeen: '2026-11-24T10:02:00.000Z' },
    ])
    expect(noResults.en).toEqual([])
  })

  test('keeps the languages apart and leaves out searches that found something', () => {
    const { noResults } = report([
      search('session-a1', 'vat return', '2026-11-30T08:00:00.000Z', 0, 'en'),
      search('session-b2', 'vat return', '2026-11-30T08:00:00.000Z', 0, 'nl'),
      search('session-c3', 'btw aangifte', '2026-11-30T08:00:00.000Z', 4, 'nl'),
    ])
    expect(noResults.en.map((q) => q.query)).toEqual(['vat return'])
    expect(noResults.nl.map((q) => q.query)).toEqual(['vat return'])
  })

  test('lists the 20 searched by the most sessions, the most recent first among equals', () => {
    const events = Array.from({ length: 25 }, (_, i) => search(`session-${String(i).padStart(4, '0')}`, `query ${i}`, `2026-11-30T08:${String(i).padStart(2, '0')}:00.000Z`))
    events.push(search('session-extra1', 'query 3', '2026-11-30T07:00:00.000Z'))
    const { noResults } = report(events)
    expect(noResults.nl).toHaveLength(20)
    expect(noResults.nl[0]).toEqual({ query: 'query 3', sessions: 2, lastSeen: '2026-11-30T08:03:00.000Z' })
    expect(noResults.nl.slice(1, 3).map((q) => q.query)).toEqual(['query 24', 'query 23'])
  })

  test('counts only the period: not before its first Monday, not after now', () => {
    const { noResults, period } = report([
      search('session-a1', 'te oud', '2026-11-22T22:59:00.000Z'),
      search('session-b2', 'net op tijd', '2026-11-22T23:00:00.000Z'),
      search('session-c3', 'uit de toekomst', '2026-12-02T10:01:00.000Z'),
    ], 2)
    expect(period).toEqual({ weeks: 2, from: '2026-11-22T23:00:00.000Z', to: '2026-12-02T10:00:00.000Z', timeZone })
    expect(noResults.nl.map((q) => q.query)).toEqual(['net op tijd'])
  })
})

describe('insightReport: queries that ended in an incident', () => {
  test.each([
    ['the query the incident carries', [search('session-a1', 'loonstrook', '2026-12-01T09:00:00.000Z'), incident('session-a1', '2026-12-01T09:05:00.000Z', 'Loonstrook PDF')], 'loonstrook pdf'],
    ['else the session\'s last search before it', [search('session-a1', 'loonstrook', '2026-12-01T09:00:00.000Z', 2), search('session-a1', 'Loonstrook  PDF', '2026-12-01T09:01:00.000Z'), incident('session-a1', '2026-12-01T09:05:00.000Z')], 'loonstrook pdf'],
    ['a search in the same minute, by the order of the log', [search('session-a1', 'loonstrook', '2026-12-01T09:05:00.000Z'), incident('session-a1', '2026-12-01T09:05:00.000Z'), search('session-a1', 'later', '2026-12-01T09:05:00.000Z')], 'loonstrook'],
    ['a search just before the period began', [search('session-a1', 'zondagavond', '2026-11-22T22:58:00.000Z'), incident('session-a1', '2026-11-22T23:01:00.000Z')], 'zondagavond'],
  ])('attributes an incident to %s', (_name, events, query) => {
    expect(report(events, 2).incidentQueries).toEqual([{ query, lang: 'nl', sessions: 1, lastSeen: events.find((e) => e.type === 'incident')!.at }])
  })

  test('does not attribute an incident to another session\'s search, nor list one without any query', () => {
    const { incidentQueries } = report([
      search('session-a1', 'loonstrook', '2026-12-01T09:00:00.000Z'),
      incident('session-b2', '2026-12-01T09:05:00.000Z'),
    ])
    expect(incidentQueries).toEqual([])
  })

  test('counts distinct sessions per query and language, most first', () => {
    const { incidentQueries } = report([
      incident('session-a1', '2026-11-30T09:00:00.000Z', 'printer'),
      incident('session-a1', '2026-11-30T09:10:00.000Z', 'Printer'),
      incident('session-b2', '2026-11-30T10:00:00.000Z', 'printer'),
      incident('session-c3', '2026-11-30T11:00:00.000Z', 'printer', 'en'),
    ])
    expect(incidentQueries).toEqual([
      { query: 'printer', lang: 'nl', sessions: 2, lastSeen: '2026-11-30T10:00:00.000Z' },
      { query: 'printer', lang: 'en', sessions: 1, lastSeen: '2026-11-30T11:00:00.000Z' },
    ])
  })
})

describe('insightReport: articles readers found unhelpful', () => {
  test('lists only articles with at least 3 votes in a language, the lowest helpful ratio first', () => {
    const { worstArticles } = report([
      vote('vat-return', false), vote('vat-return', false), // 2 votes: too few to say
      vote('payroll-run', true), vote('payroll-run', false), vote('payroll-run', false),
      vote('stock-count', true), vote('stock-count', true), vote('stock-count', false),
      vote('stock-count', false, undefined, 'en'), vote('stock-count', false, undefined, 'en'), vote('stock-count', false, undefined, 'en'),
      vote('api-keys', false, '2026-11-01T09:00:00.000Z'), vote('api-keys', false), vote('api-keys', false), // one before the period
    ], 2)
    expect(worstArticles).toEqual([
      { article: 'stock-count', lang: 'en', helpful: 0, notHelpful: 3, ratio: 0 },
      { article: 'payroll-run', lang: 'nl', helpful: 1, notHelpful: 2, ratio: 1 / 3 },
      { article: 'stock-count', lang: 'nl', helpful: 2, notHelpful: 1, ratio: 2 / 3 },
    ])
  })

  test('among equal ratios, puts the article more readers found unhelpful first, and keeps the worst 20', () => {
    const events = Array.from({ length: 22 }, (_, i) => [vote(`article-${i}`, false), vote(`article-${i}`, true), vote(`article-${i}`, true)]).flat()
    events.push(...[false, false, true, true, true, true].map((isHelpful) => vote('many-votes', isHelpful)))
    const { worstArticles } = report(events)
    expect(worstArticles).toHaveLength(20)
    expect(worstArticles[0]).toMatchObject({ article: 'many-votes', ratio: 4 / 6 })
  })
})

describe('insightReport: what readers missed', () => {
  const missing = (article: string, text: string, at: string, lang: 'nl' | 'en' = 'nl'): KbInsight =>
    ({ type: 'missing', article, lang, text, at })

  test('groups the texts per article, both languages together, newest first; the article with the newest text first', () => {
    const { missed } = report([
      missing('vat-return', 'Fout 500 bij Digipoort.', '2026-11-30T08:00:00.000Z'),
      missing('payroll-run', 'Where is the PDF?', '2026-11-30T09:00:00.000Z', 'en'),
      missing('vat-return', 'How to correct a filed return.', '2026-12-01T10:00:00.000Z', 'en'),
      vote('vat-return', false),
      missing('payroll-run', 'Loonstrook als PDF?', '2026-11-30T07:00:00.000Z'),
    ])
    expect(missed).toEqual([
      { article: 'vat-return', total: 2, texts: [
        { text: 'How to correct a filed return.', lang: 'en', at: '2026-12-01T10:00:00.000Z' },
        { text: 'Fout 500 bij Digipoort.', lang: 'nl', at: '2026-11-30T08:00:00.000Z' },
      ] },
      { article: 'payroll-run', total: 2, texts: [
        { text: 'Where is the PDF?', lang: 'en', at: '2026-11-30T09:00:00.000Z' },
        { text: 'Loonstrook als PDF?', lang: 'nl', at: '2026-11-30T07:00:00.000Z' },
      ] },
    ])
  })

  test('lists at most 20 texts per article, the newest, and counts all of them', () => {
    const events = Array.from({ length: 25 }, (_, i) => missing('vat-return', `text ${i}`, `2026-11-30T08:${String(i).padStart(2, '0')}:00.000Z`))
    const [article] = report(events).missed
    expect(article.total).toBe(25)
    expect(article.texts.map((t) => t.text)).toEqual(Array.from({ length: 20 }, (_, i) => `text ${24 - i}`))
  })

  test('puts the later of two texts sent in the same minute first', () => {
    const [article] = report([
      missing('vat-return', 'first', '2026-11-30T08:00:00.000Z'),
      missing('vat-return', 'second', '2026-11-30T08:00:00.000Z'),
    ]).missed
    expect(article.texts.map((t) => t.text)).toEqual(['second', 'first'])
  })

  test('lists at most 20 articles, those with the newest texts', () => {
    const events = Array.from({ length: 22 }, (_, i) => missing(`article-${i}`, 'x', `2026-11-30T08:${String(i).padStart(2, '0')}:00.000Z`))
    const { missed } = report(events)
    expect(missed).toHaveLength(20)
    expect(missed[0].article).toBe('article-21')
    expect(missed.at(-1)!.article).toBe('article-2')
  })

  test('counts only texts inside the report\'s weeks, and none after now', () => {
    const { missed } = report([
      missing('vat-return', 'last week', '2026-11-27T08:00:00.000Z'),
      missing('vat-return', 'this week', '2026-11-30T08:00:00.000Z'),
      missing('vat-return', 'after now', '2026-12-02T10:01:00.000Z'),
    ], 1)
    expect(missed).toEqual([{ article: 'vat-return', total: 1, texts: [{ text: 'this week', lang: 'nl', at: '2026-11-30T08:00:00.000Z' }] }])
  })

  test('keeps a text as written, markup and all: it is data, never HTML', () => {
    const [article] = report([missing('vat-return', '<img src=x onerror=alert(1)>', '2026-11-30T08:00:00.000Z')]).missed
    expect(article.texts[0].text).toBe('<img src=x onerror=alert(1)>')
  })
})

describe('insightReport: deflection per week', () => {
  test('counts searching sessions and those that sent no incident; clicks or an incident alone do not make a session searching', () => {
    const { deflection } = report([
      search('session-a1', 'btw', '2026-11-30T08:00:00.000Z', 3),
      click('session-a1', 'btw', '2026-11-30T08:01:00.000Z'),
      search('session-b2', 'loonstrook', '2026-11-30T09:00:00.000Z'),
      incident('session-b2', '2026-11-30T09:04:00.000Z'),
      search('session-c3', 'printer', '2026-12-01T09:00:00.000Z'),
      incident('session-d4', '2026-12-01T10:00:00.000Z', 'direct gemeld'),
      click('session-e5', 'btw', '2026-12-01T11:00:00.000Z'),
    ], 2)
    expect(deflection).toEqual({
      searching: 3, deflected: 2, rate: 2 / 3,
      weeks: [
        { week: '2026-W48', start: '2026-11-23', searching: 0, deflected: 0, rate: null },
        { week: '2026-W49', start: '2026-11-30', searching: 3, deflected: 2, rate: 2 / 3 },
      ],
    })
  })

  test('counts a session once, in the week of its first search, even when its incident falls in the next week', () => {
    const { deflection } = report([
      search('session-a1', 'btw', '2026-11-29T22:50:00.000Z'),
      search('session-a1', 'btw aangifte', '2026-11-29T23:05:00.000Z'),
      incident('session-a1', '2026-11-29T23:10:00.000Z'),
    ], 2)
    expect(deflection.weeks.map((w) => [w.week, w.searching, w.deflected])).toEqual([['2026-W48', 1, 0], ['2026-W49', 0, 0]])
  })

  test.each([
    ['in winter time (UTC+1)', '2026-11-29T22:59:00.000Z', '2026-W48', '2026-11-29T23:00:00.000Z', '2026-W49'],
    ['in summer time (UTC+2)', '2026-06-28T21:59:00.000Z', '2026-W26', '2026-06-28T22:00:00.000Z', '2026-W27'],
    ['on the Sunday the clocks go back', '2026-10-25T22:59:00.000Z', '2026-W43', '2026-10-25T23:00:00.000Z', '2026-W44'],
  ])('puts Sunday 23:59 and Monday 00:00 Amsterdam time in different weeks, %s', (_name, sunday, sundayWeek, monday, mondayWeek) => {
    const weekOf = (at: string) => report([search('session-a1', 'btw', at)], 52).deflection.weeks.find((w) => w.searching > 0)?.week
    expect(weekOf(sunday)).toBe(sundayWeek)
    expect(weekOf(monday)).toBe(mondayWeek)
  })

  test('lists every week of the period, oldest first, with ISO week numbers across the new year', () => {
    const { deflection } = insightReport([], { now: new Date('2027-01-06T12:00:00Z'), timeZone, weeks: 3 })
    expect(deflection.weeks.map((w) => [w.week, w.start])).toEqual([['2026-W52', '2026-12-21'], ['2026-W53', '2026-12-28'], ['2027-W01', '2027-01-04']])
  })
})

describe('insightReport: an empty log', () => {
  test('answers the default 12 weeks with zeros, no rates and empty lists', () => {
    const empty = report([])
    expect(empty.period).toEqual({ weeks: 12, from: '2026-09-13T22:00:00.000Z', to: '2026-12-02T10:00:00.000Z', timeZone })
    expect(empty.noResults).toEqual({ nl: [], en: [] })
    expect(empty.incidentQueries).toEqual([])
    expect(empty.worstArticles).toEqual([])
    expect(empty.missed).toEqual([])
    expect(empty.deflection).toMatchObject({ searching: 0, deflected: 0, rate: null })
    expect(empty.deflection.weeks).toHaveLength(12)
    expect(empty.deflection.weeks[0]).toEqual({ week: '2026-W38', start: '2026-09-14', searching: 0, deflected: 0, rate: null })
    expect(empty.deflection.weeks.at(-1)?.week).toBe('2026-W49')
    expect(empty.deflection.weeks.every((w) => w.searching === 0 && w.rate === null)).toBe(true)
  })
})

describe('InsightQuery', () => {
  test.each([
    ['no weeks: 12', {}, 12],
    ['1 week', { weeks: '1' }, 1],
    ['52 weeks', { weeks: '52' }, 52],
  ])('accepts %s', (_name, query, weeks) => {
    expect(InsightQuery.parse(query)).toEqual({ weeks })
  })

  test.each([['0'], ['53'], ['1.5'], ['-1'], ['twelve'], ['']])('rejects weeks=%s, naming the field', (weeks) => {
    const result = InsightQuery.safeParse({ weeks })
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['weeks'])
  })
})

describe('TemplateQuery', () => {
  test.each([
    ['an empty query', { query: '  ', lang: 'nl' }, 'query'],
    ['a query over 200 characters', { query: 'a'.repeat(201), lang: 'nl' }, 'query'],
    ['another language', { query: 'btw', lang: 'de' }, 'lang'],
    ['no language', { query: 'btw' }, 'lang'],
  ])('rejects %s, naming the field', (_name, query, path) => {
    const result = TemplateQuery.safeParse(query)
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(path)
  })
})

describe('templateFor', () => {
  test('names how many sessions found nothing for the query in that language, dated today in the desk\'s time zone', () => {
    const events = [
      search('session-a1', 'BTW aangifte', '2026-11-29T20:00:00.000Z'),
      search('session-a1', 'btw aangifte', '2026-11-29T20:01:00.000Z'),
      search('session-b2', 'btw aangifte', '2026-11-29T21:00:00.000Z'),
      search('session-c3', 'btw aangifte', '2026-11-29T21:00:00.000Z', 2),
      search('session-d4', 'btw aangifte', '2026-11-29T21:00:00.000Z', 0, 'en'),
      search('session-e5', 'btw aangifte', '2025-01-06T21:00:00.000Z'),
    ]
    // 23:30 UTC on Sunday is already Monday in Amsterdam.
    const options = { now: new Date('2026-11-29T23:30:00Z'), timeZone }
    expect(noResultSessions(events, ' Btw Aangifte', 'nl', options)).toBe(2)
    const template = templateFor(events, 'btw aangifte', 'nl', options)
    expect(template.markdown).toContain('2 sessions found nothing in the last 12 weeks.')
    expect(template.markdown).toContain('\nupdated: 2026-11-30\n')
  })
})
