import { describe, expect, test } from 'vitest'
import { historyOf, longMoment, targetState } from './complaint-view.ts'

describe('longMoment', () => {
  test.each([
    ['nl', '2026-12-01T09:00:00Z', '{day} om {time}', 'dinsdag 1 december om 10:00'],
    ['en', '2026-12-01T09:00:00Z', '{day} at {time}', 'Tuesday 1 December at 10:00'],
    ['nl', '2026-07-01T07:05:00Z', '{day} om {time}', 'woensdag 1 juli om 09:05'],
    ['en', '2026-12-31T23:30:00Z', '{day} at {time}', 'Friday 1 January at 00:30'],
    // The last Sunday of March: 01:30 UTC is already summer time in Amsterdam.
    ['en', '2026-03-29T01:30:00Z', '{day} at {time}', 'Sunday 29 March at 03:30'],
  ] as const)('%s %s reads as the desk’s clock says', (lang, iso, template, expected) => {
    expect(longMoment(lang, iso, template)).toBe(expected)
  })
})

describe('targetState', () => {
  test.each([
    ['an opinion has none', { dueAt: null, respondedAt: null, isBreached: false }, 'none'],
    ['a complaint without response is open', { dueAt: '2026-12-02T09:00:00Z', respondedAt: null, isBreached: false }, 'open'],
    ['a response in time meets it', { dueAt: '2026-12-02T09:00:00Z', respondedAt: '2026-12-01T12:00:00Z', isBreached: false }, 'met'],
    ['no response by the due time misses it', { dueAt: '2026-12-02T09:00:00Z', respondedAt: null, isBreached: true }, 'missed'],
    ['a late response still missed it', { dueAt: '2026-12-02T09:00:00Z', respondedAt: '2026-12-03T09:00:00Z', isBreached: true }, 'missed'],
  ] as const)('%s', (_name, complaint, expected) => {
    expect(targetState(complaint)).toBe(expected)
  })
})

describe('historyOf', () => {
  const peter = { kind: 'contact' as const, name: 'Peter de Vries' }
  const lotte = { kind: 'staff' as const, name: 'Lotte' }

  test('orders statuses and replies by time, a status before the reply made with it', () => {
    const history = historyOf({
      statusHistory: [
        { status: 'received', at: '2026-12-01T09:00:00.000Z', by: peter },
        { status: 'in_progress', at: '2026-12-01T11:00:00.000Z', by: lotte },
        { status: 'resolved', at: '2026-12-02T08:00:00.000Z', by: lotte },
      ],
      replies: [
        { at: '2026-12-01T11:00:00.000Z', text: 'We kijken ernaar.', by: lotte },
        { at: '2026-12-01T15:00:00.000Z', text: 'Opgelost.', by: lotte },
      ],
    })
    expect(history.map((e) => (e.type === 'status' ? e.status : e.text))).toEqual(['received', 'in_progress', 'We kijken ernaar.', 'Opgelost.', 'resolved'])
  })

  test('a complaint just filed has only its receipt', () => {
    expect(historyOf({ statusHistory: [{ status: 'received', at: '2026-12-01T09:00:00.000Z', by: peter }], replies: [] }))
      .toEqual([{ type: 'status', status: 'received', at: '2026-12-01T09:00:00.000Z', by: peter }])
  })
})
