import { describe, expect, test } from 'vitest'
import { recordSearchEvent, SearchEventInput } from './kb-insight.ts'

const visit = { session: '7c1e9a4b2f6d4e08', source: 'widget', lang: 'nl' } as const

describe('recordSearchEvent', () => {
  test.each([
    ['the start of a minute stays', '2026-11-30T09:41:00.000Z', '2026-11-30T09:41:00.000Z'],
    ['seconds are dropped', '2026-11-30T09:41:59.999Z', '2026-11-30T09:41:00.000Z'],
    ['the last moment of the day stays in that day', '2026-12-31T23:59:59.999Z', '2026-12-31T23:59:00.000Z'],
  ])('keeps the time to the minute: %s', (_name, now, at) => {
    expect(recordSearchEvent({ type: 'incident', ...visit }, new Date(now)).at).toBe(at)
  })

  test.each([
    ['search', { type: 'search', ...visit, query: 'btw', results: 0 }],
    ['click', { type: 'click', ...visit, query: 'btw', article: '/support/btw-aangifte/' }],
    ['incident', { type: 'incident', ...visit, query: 'btw' }],
  ] as const)('copies only the fields of a %s event, whatever else the object holds', (_type, input) => {
    const withMore = { ...input, ip: '203.0.113.7', userAgent: 'Mozilla/5.0' }
    const event = recordSearchEvent(withMore, new Date('2026-11-30T09:41:27Z'))
    expect(event).toEqual({ ...input, at: '2026-11-30T09:41:00.000Z' })
  })

  test('leaves the query out of an incident without a search', () => {
    expect(recordSearchEvent({ type: 'incident', ...visit }, new Date('2026-11-30T09:41:27Z'))).not.toHaveProperty('query')
  })
})

describe('SearchEventInput', () => {
  test.each([
    ['a session id of 8 characters', { type: 'incident', ...visit, session: 'abcd_-12' }],
    ['a session id of 64 characters', { type: 'incident', ...visit, session: 'a'.repeat(64) }],
    ['a query of 200 characters after trimming', { type: 'search', ...visit, query: ` ${'q'.repeat(200)} `, results: 1 }],
    ['10000 results', { type: 'search', ...visit, query: 'btw', results: 10_000 }],
    ['an article path with non-ASCII letters', { type: 'click', ...visit, query: 'btw', article: '/support/financiën/' }],
  ])('accepts %s', (_name, input) => {
    expect(SearchEventInput.safeParse(input).success).toBe(true)
  })

  test.each([
    ['a session id of 65 characters', { type: 'incident', ...visit, session: 'a'.repeat(65) }, 'session'],
    ['a fractional number of results', { type: 'search', ...visit, query: 'btw', results: 1.5 }, 'results'],
    ['over 10000 results', { type: 'search', ...visit, query: 'btw', results: 10_001 }, 'results'],
    ['an article path with a query string', { type: 'click', ...visit, query: 'btw', article: '/support/?utm=mail' }, 'article'],
    ['an article path with a fragment', { type: 'click', ...visit, query: 'btw', article: '/support/btw/#stap-2' }, 'article'],
    ['an article path with a space', { type: 'click', ...visit, query: 'btw', article: '/support/btw aangifte/' }, 'article'],
    ['an empty query on an incident', { type: 'incident', ...visit, query: '' }, 'query'],
  ])('rejects %s, naming the field', (_name, input, path) => {
    const result = SearchEventInput.safeParse(input)
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(path)
  })
})
