import { describe, expect, test } from 'vitest'
import { INCIDENT_KINDS } from '#domain/desk.ts'
import { DUE_SOON_MINUTES as SERVER_DUE_SOON } from '#domain/queue.ts'
import { INCIDENT_STATUSES } from '#domain/records.ts'
import { staffStrings } from '../../i18n/index.ts'
import {
  DUE_SOON_MINUTES, QUEUE_KINDS, QUEUE_STATUSES, arrivals, clockTime, duration, hasFilters, kindName, queueChoiceOf, readFilters,
  remainingText, rowClass, statusName, urgencyOf, withFilter, withQueueChoice, writeFilters, type Sla,
} from './queue-view.ts'

const nl = staffStrings('nl')
const en = staffStrings('en')
const sla = (remainingBusinessMinutes: number | null, more: Partial<NonNullable<Sla>> = {}): Sla => ({
  dueAt: remainingBusinessMinutes === null ? null : '2026-12-01T09:00:00.000Z', remainingBusinessMinutes,
  isBreached: remainingBusinessMinutes !== null && remainingBusinessMinutes < 0, isPaused: false, ...more,
})

describe('filters in the URL', () => {
  test('a query string round-trips through the filters, in a fixed order', () => {
    const search = 'team=finance&status=in_progress&priority=2&kind=bug&productArea=finance&organisationId=org-jansen&due=soon'
    expect(readFilters(`?${search}`)).toEqual({ team: 'finance', status: 'in_progress', priority: 2, kind: 'bug', productArea: 'finance', organisationId: 'org-jansen', due: 'soon' })
    expect(writeFilters(readFilters(`?${search}`))).toBe(search)
    expect(writeFilters(readFilters('?due=breached&mine=1'))).toBe('mine=1&due=breached')
  })

  test('no query is every visible team, every open status', () => {
    expect(readFilters('')).toEqual({})
    expect(writeFilters({})).toBe('')
  })

  test.each([
    ['an unknown status', '?status=gone', {}],
    ['a list the console never writes', '?status=new,closed', {}],
    ['a priority out of range', '?priority=9', {}],
    ['a priority that is no number', '?priority=high', {}],
    ['an unknown kind', '?kind=complaint', {}],
    ['an unknown due filter', '?due=later', {}],
    ['a team key with markup', '?team=%3Cscript%3E', {}],
    ['an organisation id with spaces', '?organisationId=org%20x', {}],
    ['mine other than 1', '?mine=yes', {}],
    ['mine with a team: mine wins', '?mine=1&team=finance', { isMine: true }],
    ['an empty value', '?productArea=', {}],
  ])('leaves out %s', (_name, search, expected) => {
    expect(readFilters(search)).toEqual(expected)
  })

  test('the queue selector switches between mine, one team and all, keeping the other filters', () => {
    const filters = readFilters('?team=finance&due=breached')
    expect(queueChoiceOf(filters)).toBe('team:finance')
    expect(withQueueChoice(filters, 'mine')).toEqual({ isMine: true, due: 'breached' })
    expect(queueChoiceOf(withQueueChoice(filters, 'mine'))).toBe('mine')
    expect(withQueueChoice(filters, 'all')).toEqual({ due: 'breached' })
    expect(queueChoiceOf({})).toBe('all')
    expect(withQueueChoice({ isMine: true }, 'team:first-line')).toEqual({ team: 'first-line' })
  })

  test('a filter set to "all" is left out, and only filters besides the queue count as filtering', () => {
    expect(withFilter({ team: 'finance', kind: 'bug' }, 'kind', '')).toEqual({ team: 'finance' })
    expect(withFilter({}, 'priority', 3)).toEqual({ priority: 3 })
    expect(hasFilters({ team: 'finance', isMine: true })).toBe(false)
    expect(hasFilters({ team: 'finance', due: 'soon' })).toBe(true)
  })
})

describe('the remaining business time in words', () => {
  test.each([
    [200, 'nog 3 u 20 min', '3 h 20 min left'],
    [180, 'nog 3 u', '3 h left'],
    [510, 'nog 8 u 30 min', '8 h 30 min left'],
    [121, 'nog 2 u 1 min', '2 h 1 min left'],
    [120, 'bijna over tijd: nog 2 u', 'due soon: 2 h left'],
    [45, 'bijna over tijd: nog 45 min', 'due soon: 45 min left'],
    [0, 'bijna over tijd: nog 0 min', 'due soon: 0 min left'],
    [-125, '2 u 5 min over tijd', '2 h 5 min overdue'],
    [-3, '3 min over tijd', '3 min overdue'],
  ])('%i minutes: "%s" / "%s"', (minutes, dutch, english) => {
    expect(remainingText(nl, sla(minutes))).toBe(dutch)
    expect(remainingText(en, sla(minutes))).toBe(english)
  })

  test('a breach with no business time since yet still says overdue', () => {
    expect(remainingText(en, sla(0, { isBreached: true }))).toBe('0 min overdue')
    expect(urgencyOf(sla(0, { isBreached: true }))).toBe('breached')
  })

  test('no target (no priority yet, a wish, resolved) has no words', () => {
    expect(remainingText(nl, null)).toBeUndefined()
    expect(remainingText(nl, sla(null))).toBeUndefined()
  })

  test('durations read in whole minutes whatever the sign', () => {
    expect(duration(nl, 59.6)).toBe('1 u')
    expect(duration(en, -61)).toBe('1 h 1 min')
  })
})

describe('urgency and colour', () => {
  test.each([
    ['no target', null, 'none', undefined],
    ['a target far off', sla(121), 'ok', undefined],
    ['two business hours left', sla(DUE_SOON_MINUTES), 'soon', 'due-soon'],
    ['a paused target due soon', sla(30, { isPaused: true }), 'soon', 'due-soon'],
    ['a breached target', sla(-1), 'breached', 'breached'],
  ] as const)('%s is %s', (_name, target, urgency, className) => {
    expect(urgencyOf(target)).toBe(urgency)
    expect(rowClass(urgencyOf(target))).toBe(className)
  })

  test('"due soon" is the server’s two business hours', () => {
    expect(DUE_SOON_MINUTES).toBe(SERVER_DUE_SOON)
  })
})

describe('names and moments', () => {
  test('the filters offer every kind and every status in the queue', () => {
    expect([...QUEUE_KINDS].sort()).toEqual([...INCIDENT_KINDS].sort())
    expect([...QUEUE_STATUSES, 'awaiting_confirmation'].sort()).toEqual([...INCIDENT_STATUSES].sort())
  })

  test.each([['nl', nl], ['en', en]] as const)('every status and kind has its own name in %s', (_lang, strings) => {
    const names = [...INCIDENT_STATUSES.map((s) => statusName(strings, s)), ...INCIDENT_KINDS.map((k) => kindName(strings, k))]
    expect(names.every((n) => typeof n === 'string' && n.length > 0)).toBe(true)
    expect(new Set(names).size).toBe(names.length)
  })

  test('"updated at" is the desk’s clock, winter and summer', () => {
    expect(clockTime('nl', '2026-12-01T09:42:00Z')).toBe('10:42')
    expect(clockTime('en', '2026-07-01T22:05:00Z')).toBe('00:05')
  })
})

describe('arrivals', () => {
  test('names each incident once, the first time it shows', () => {
    const seen = new Set<string>()
    expect(arrivals(seen, [{ id: 'a' }, { id: 'b' }])).toEqual(['a', 'b'])
    expect(arrivals(seen, [{ id: 'a' }, { id: 'b' }])).toEqual([])
    expect(arrivals(seen, [{ id: 'c' }, { id: 'a' }])).toEqual(['c'])
    expect(arrivals(seen, [{ id: 'b' }])).toEqual([])
  })
})
