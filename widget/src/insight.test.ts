import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { createInsight, SETTLE_MS } from './insight.ts'

function reporter() {
  const sent: Record<string, unknown>[] = []
  const insight = createInsight({ api: 'https://api.example', lang: 'en', source: 'widget', session: 'tab-123456', send: (url, body) => {
    expect(url).toBe('https://api.example/api/kb/events')
    sent.push(JSON.parse(body))
  } })
  return { insight, sent }
}

describe('createInsight', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  test('reports only the query the visitor settled on, not every keystroke', () => {
    const { insight, sent } = reporter()
    insight.searched('f', 20)
    insight.searched('fac', 9)
    insight.searched('factuur', 4)
    vi.advanceTimersByTime(SETTLE_MS - 1)
    expect(sent).toEqual([])
    vi.advanceTimersByTime(1)
    expect(sent).toEqual([{ type: 'search', query: 'factuur', results: 4, session: 'tab-123456', source: 'widget', lang: 'en' }])
  })

  test('a click reports the pending search first, then the article', () => {
    const { insight, sent } = reporter()
    insight.searched('btw', 3)
    insight.clicked('btw', '/en/finance/vat-return/')
    expect(sent.map((e) => e.type)).toEqual(['search', 'click'])
    expect(sent[1]).toMatchObject({ query: 'btw', article: '/en/finance/vat-return/' })
    vi.advanceTimersByTime(SETTLE_MS * 2)
    expect(sent).toHaveLength(2)
  })

  test('the same settled query is reported once', () => {
    const { insight, sent } = reporter()
    insight.searched('btw', 3)
    vi.advanceTimersByTime(SETTLE_MS)
    insight.searched('btw ', 3)
    vi.advanceTimersByTime(SETTLE_MS)
    expect(sent).toHaveLength(1)
  })

  test('a sent form ends the session in an incident, with the last query', () => {
    const { insight, sent } = reporter()
    insight.searched('xqzzy', 0)
    insight.filed('xqzzy')
    expect(sent).toEqual([
      expect.objectContaining({ type: 'search', query: 'xqzzy', results: 0 }),
      expect.objectContaining({ type: 'incident', query: 'xqzzy' }),
    ])
  })

  test('an empty query is not reported', () => {
    const { insight, sent } = reporter()
    insight.searched('   ', 0)
    vi.advanceTimersByTime(SETTLE_MS)
    expect(sent).toEqual([])
  })
})
