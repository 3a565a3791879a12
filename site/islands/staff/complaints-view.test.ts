import { describe, expect, test } from 'vitest'
import { strings } from '#lib/i18n/index.ts'
import { complaintHistory, complaintQuery, complaintUrgency, dueText, nextStatuses, readComplaintFilters, writeComplaintFilters } from './complaints-view.ts'

const nl = strings('nl', 'staff')
const en = strings('en', 'staff')
const target = (overrides: Partial<Parameters<typeof dueText>[1]> = {}) => ({ dueAt: '2026-12-01T09:00:00.000Z', respondedAt: null, isBreached: false, isNearing: false, remainingBusinessMinutes: 200, ...overrides })

describe('filters in the URL', () => {
  test.each([
    ['', {}, { status: 'received,in_progress' }],
    ['?status=resolved&assignee=me', { status: 'resolved', assignee: 'me' }, { status: 'resolved', assignee: 'me' }],
    ['?status=all&assignee=none', { status: 'all', assignee: 'none' }, { assignee: 'none' }],
    ['?status=closed&assignee=s-lotte', {}, { status: 'received,in_progress' }],
  ])('%s reads as %j and asks the API %j', (search, filters, query) => {
    expect(readComplaintFilters(search)).toEqual(filters)
    expect(complaintQuery(readComplaintFilters(search))).toEqual(query)
    expect(writeComplaintFilters(readComplaintFilters(search))).toBe(search.replace(/^\?/, '').replace(/&?assignee=s-lotte|&?status=closed/g, ''))
  })
})

describe('the due time in words', () => {
  test.each([
    [target(), 'ok', 'nog 3 u 20 min', '3 h 20 min left'],
    [target({ isNearing: true, remainingBusinessMinutes: 90 }), 'nearing', 'bijna over tijd: nog 1 u 30 min', 'nearly overdue: 1 h 30 min left'],
    [target({ isNearing: true, isBreached: true, remainingBusinessMinutes: -30 }), 'breached', '30 min over tijd', '30 min overdue'],
    [target({ respondedAt: '2026-11-30T10:00:00.000Z', remainingBusinessMinutes: null }), 'answered', 'Beantwoord', 'Answered'],
    [target({ dueAt: null, remainingBusinessMinutes: null }), 'none', 'Geen termijn (mening)', 'No target (opinion)'],
  ] as const)('%j is %s', (t, urgency, dutch, english) => {
    expect(complaintUrgency(t)).toBe(urgency)
    expect(dueText(nl, t)).toBe(dutch)
    expect(dueText(en, t)).toBe(english)
  })
})

test('the history puts statuses, replies and notes in order, a status first at the same moment', () => {
  const by = { kind: 'staff' as const, name: 'Lotte Smit' }
  const history = complaintHistory({
    statusHistory: [{ status: 'received', at: '2026-11-30T09:00:00Z', by: { kind: 'contact', name: 'Tom' } }, { status: 'in_progress', at: '2026-11-30T11:00:00Z', by }],
    replies: [{ at: '2026-11-30T11:00:00Z', text: 'We bellen u.', by }],
    notes: [{ at: '2026-11-30T10:00:00Z', text: 'Intern.', by }],
    assignments: [{ at: '2026-11-30T10:30:00Z', assignee: { name: 'Ruud de Boer' }, by }],
  })
  expect(history.map((h) => h.type)).toEqual(['status', 'note', 'assignment', 'status', 'reply'])
})

test('the statuses a complaint may move to', () => {
  expect(nextStatuses('received')).toEqual(['in_progress', 'resolved'])
  expect(nextStatuses('resolved')).toEqual(['in_progress'])
})
