import { describe, expect, test } from 'vitest'
import { MISSING_MAX, MissingInput, recordMissing, recordSearchEvent, SearchEventInput } from './kb-insight.ts'

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

describe('MissingInput', () => {
  const missing = { article: 'vat-return', lang: 'nl', text: 'Wat te doen bij fout 500.' } as const

  test.each([
    ['trims the text', '  Wat te doen bij fout 500.\n ', 'Wat te doen bij fout 500.'],
    ['keeps line breaks and tabs inside it', 'Stap 3:\n\twat dan?', 'Stap 3:\n\twat dan?'],
    ['composes a decomposed letter (NFC)', 'financie\u0308n', 'financi\u00ebn'],
    ['takes one character', '?', '?'],
    [`takes ${MISSING_MAX} characters`, 'a'.repeat(MISSING_MAX), 'a'.repeat(MISSING_MAX)],
    [`counts ${MISSING_MAX} characters after trimming`, ` ${'a'.repeat(MISSING_MAX)} `, 'a'.repeat(MISSING_MAX)],
  ])('%s', (_name, text, kept) => {
    expect(MissingInput.parse({ ...missing, text }).text).toBe(kept)
  })

  test.each([
    ['an empty text', '', 'text'],
    ['a text of only spaces and line breaks', ' \n\t ', 'text'],
    [`a text over ${MISSING_MAX} characters`, 'a'.repeat(MISSING_MAX + 1), 'text'],
    ['a NUL character', 'fout\u0000500', 'text'],
    ['an escape sequence', 'fout \u001b[31m500', 'text'],
    ['DEL', 'fout\u007f', 'text'],
    ['a C1 control', 'fout\u0085500', 'text'],
    ['a direction override', 'fout \u202E005', 'text'],
    ['a direction isolate', 'fout \u2066500', 'text'],
  ])('refuses %s, naming the field', (_name, text, path) => {
    const result = MissingInput.safeParse({ ...missing, text })
    expect(result.success).toBe(false)
    expect(result.error!.issues.map((i) => i.path.join('.'))).toContain(path)
  })

  test.each([
    ['an article key with markup', { ...missing, article: '<b>' }, 'article'],
    ['an unknown language', { ...missing, lang: 'de' }, 'lang'],
    ['no text', { article: 'vat-return', lang: 'nl' }, 'text'],
    ['a text that is not a string', { ...missing, text: 42 }, 'text'],
  ])('refuses %s', (_name, input, path) => {
    const result = MissingInput.safeParse(input)
    expect(result.success).toBe(false)
    expect(result.error!.issues.map((i) => i.path.join('.'))).toContain(path)
  })

  test('refuses a field that could identify the reader', () => {
    expect(MissingInput.safeParse({ ...missing, email: 'a@b.nl' }).success).toBe(false)
  })
})

describe('recordMissing', () => {
  test('keeps the article, language and text, and the time to the minute, nothing else', () => {
    const input = { article: 'vat-return', lang: 'en', text: 'How to correct a filed return.', ip: '203.0.113.7' } as const
    expect(recordMissing(input, new Date('2026-11-30T09:41:59.999Z'))).toEqual({
      type: 'missing', article: 'vat-return', lang: 'en', text: 'How to correct a filed return.', at: '2026-11-30T09:41:00.000Z',
    })
  })
})
