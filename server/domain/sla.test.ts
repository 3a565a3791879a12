import { describe, expect, test } from 'vitest'
import { loadCalendar, loadDesk } from '../desk.ts'
import { instantOf, type BusinessCalendar } from './calendar.ts'
import type { Priority } from './desk.ts'
import { addBusinessTime, businessMsBetween, clockStartsAt, DEFAULT_TARGETS, dueAt, slaState, targetsOf, type Interval } from './sla.ts'

const desk = loadDesk('content/desk.yaml')
const calendar = loadCalendar(desk, { from: 2026, to: 2027 })
const closedCalendar: BusinessCalendar = { timeZone: 'Europe/Amsterdam', weekly: [null, null, null, null, null, null, null], days: {} }
const HOUR = 3_600_000

/** An Amsterdam wall-clock time as an instant. */
function amsterdam(local: string): Date {
  const [date, time] = local.split(' ')
  const [h, m] = time.split(':').map(Number)
  return instantOf(calendar, date, h * 60 + m)
}

/** An interval between two Amsterdam wall-clock times. */
function between(from: string, to: string): Interval {
  return { from: amsterdam(from), to: amsterdam(to) }
}

describe('dueAt', () => {
  test.each<[string, Priority, string, string | null]>([
    ['prio 2 on an ordinary Monday is due the same time the next business day', 2, '2026-11-30 10:00', '2026-12-01 10:00'],
    ["prio 1 skips the weekend and King's Day", 1, '2026-04-24 15:00', '2026-04-28 11:30'],
    ['prio 3 is due one working week later', 3, '2026-12-02 14:00', '2026-12-09 14:00'],
    ['prio 4 on a Friday is due at Monday closing', 4, '2026-12-04 10:00', '2026-12-07 17:00'],
    ['prio 4 on a Monday is due at Tuesday closing', 4, '2026-11-30 10:00', '2026-12-01 17:00'],
    ['a Saturday registration starts the clock on Monday 08:30', 2, '2026-11-28 10:00', '2026-11-30 17:00'],
    ['a Saturday prio 4 is due at closing of the business day after Monday', 4, '2026-11-28 10:00', '2026-12-01 17:00'],
    ['Friday 16:59 is after Friday closing, so the clock starts on Monday', 1, '2026-12-04 16:59', '2026-12-07 12:30'],
    ['Friday 16:59 prio 4 is due at Tuesday closing', 4, '2026-12-04 16:59', '2026-12-08 17:00'],
    ['Friday 15:59 counts its last business minute', 1, '2026-12-04 15:59', '2026-12-07 12:29'],
    ['Thursday 16:59 counts one minute and goes on on Friday', 1, '2026-12-03 16:59', '2026-12-04 12:29'],
    ['a registration at opening time uses the whole day', 2, '2026-11-30 08:30', '2026-11-30 17:00'],
    ['Christmas Eve closes at 15:00, then Christmas and the weekend pass', 1, '2026-12-24 13:00', '2026-12-28 10:30'],
    ['prio 2 fits in the short Christmas Eve', 2, '2026-12-23 14:00', '2026-12-24 14:00'],
    ['prio 4 on Christmas Eve is due at closing of Monday 28 December', 4, '2026-12-24 10:00', '2026-12-28 17:00'],
    ['Christmas Day starts the clock on Monday 28 December', 2, '2026-12-25 10:00', '2026-12-28 17:00'],
    ['prio 4 on Christmas Day is due at closing of Tuesday 29 December', 4, '2026-12-25 10:00', '2026-12-29 17:00'],
    ["prio 3 runs across Christmas into the short New Year's Eve", 3, '2026-12-23 10:00', '2026-12-31 11:00'],
    ['prio 3 runs across the spring clock change', 3, '2026-03-26 10:00', '2026-04-02 10:00'],
    ['prio 3 runs across the autumn clock change', 3, '2026-10-22 10:00', '2026-10-29 10:00'],
    ['prio 1 runs across the spring clock change weekend', 1, '2026-03-27 14:00', '2026-03-30 10:30'],
    ['prio 1 runs across the autumn clock change weekend', 1, '2026-10-23 14:00', '2026-10-26 10:30'],
    ['prio 5 has no target', 5, '2026-11-30 10:00', null],
    ['prio 5 on a Saturday has no target', 5, '2026-11-28 10:00', null],
  ])('%s', (_name, priority, registered, due) => {
    expect(dueAt(amsterdam(registered), priority, calendar)?.toISOString() ?? null).toBe(due && amsterdam(due).toISOString())
  })

  test.each<[string, Priority, string]>([
    ['prio 1 on a Friday afternoon', 1, '2026-04-24 15:00'],
    ['prio 2 on a Saturday', 2, '2026-11-28 10:00'],
    ['prio 3 across Christmas', 3, '2026-12-23 10:00'],
    ['prio 3 across the spring clock change', 3, '2026-03-26 10:00'],
  ])('leaves exactly the target in business hours between registration and due time: %s', (_name, priority, registered) => {
    const at = amsterdam(registered)
    const target = DEFAULT_TARGETS[priority]
    expect(businessMsBetween(at, dueAt(at, priority, calendar)!, calendar)).toBe('businessHours' in target ? target.businessHours * HOUR : NaN)
  })

  test.each<[string, Priority, string, Interval[], string]>([
    ['two business hours waiting for the customer move the due time two business hours', 2, '2026-11-30 10:00', [between('2026-11-30 13:00', '2026-11-30 15:00')], '2026-12-01 12:00'],
    ['waiting overnight counts only its business hours', 2, '2026-11-30 10:00', [between('2026-11-30 16:00', '2026-12-01 09:30')], '2026-12-01 12:00'],
    ['waiting entirely outside business hours moves nothing', 2, '2026-11-30 10:00', [between('2026-11-30 17:00', '2026-12-01 08:30')], '2026-12-01 10:00'],
    ['waiting over a weekend moves nothing', 3, '2026-12-02 14:00', [between('2026-12-04 16:00', '2026-12-07 08:30')], '2026-12-09 14:00'],
    ['waiting before registration moves nothing', 2, '2026-11-30 10:00', [between('2026-11-30 08:30', '2026-11-30 09:30')], '2026-12-01 10:00'],
    ['overlapping pauses count once', 2, '2026-11-30 10:00', [between('2026-11-30 13:00', '2026-11-30 15:00'), between('2026-11-30 14:00', '2026-11-30 16:00')], '2026-12-01 13:00'],
    ['the same pause twice counts once', 2, '2026-11-30 10:00', [between('2026-11-30 13:00', '2026-11-30 15:00'), between('2026-11-30 13:00', '2026-11-30 15:00')], '2026-12-01 12:00'],
    ['an empty pause moves nothing', 2, '2026-11-30 10:00', [between('2026-11-30 13:00', '2026-11-30 13:00')], '2026-12-01 10:00'],
    ['waiting before the close of the next business day moves prio 4 by that business time', 4, '2026-12-04 10:00', [between('2026-12-04 11:00', '2026-12-04 13:00')], '2026-12-08 10:30'],
    ['waiting on the weekend leaves prio 4 at Monday closing', 4, '2026-12-04 10:00', [between('2026-12-05 00:00', '2026-12-07 00:00')], '2026-12-07 17:00'],
  ])('%s', (_name, priority, registered, pauses, due) => {
    expect(dueAt(amsterdam(registered), priority, calendar, pauses)?.toISOString()).toBe(amsterdam(due).toISOString())
  })

  test.each<[string, Priority, string, Interval[], Interval[], string]>([
    ['a Saturday window counts, then Monday goes on', 1, '2026-12-05 10:00', [between('2026-12-05 09:00', '2026-12-05 13:00')], [], '2026-12-07 09:30'],
    ['a Saturday window long enough meets the target the same day', 1, '2026-12-05 09:00', [between('2026-12-05 09:00', '2026-12-05 14:00')], [], '2026-12-05 13:00'],
    ['a window overlapping opening hours counts the overlap once', 1, '2026-11-30 14:00', [between('2026-11-30 16:00', '2026-11-30 19:00')], [], '2026-11-30 18:00'],
    ['a window already over at registration counts nothing', 1, '2026-12-05 10:00', [between('2026-12-05 07:00', '2026-12-05 09:00')], [], '2026-12-07 12:30'],
    ['a pause inside a window stops the clock', 1, '2026-12-05 09:00', [between('2026-12-05 09:00', '2026-12-05 14:00')], [between('2026-12-05 10:00', '2026-12-05 11:00')], '2026-12-05 14:00'],
    ['a window overnight counts across midnight', 1, '2026-12-05 22:00', [between('2026-12-05 22:00', '2026-12-06 01:00')], [], '2026-12-07 09:30'],
    ['prio 4 registered in a Saturday window is due at Monday closing', 4, '2026-12-05 10:00', [between('2026-12-05 09:00', '2026-12-05 13:00')], [], '2026-12-07 17:00'],
    ['a window between registration and the deadline leaves prio 4 at the deadline', 4, '2026-12-04 10:00', [between('2026-12-05 09:00', '2026-12-05 13:00')], [], '2026-12-07 17:00'],
  ])('%s', (_name, priority, registered, extraWindows, pauses, due) => {
    expect(dueAt(amsterdam(registered), priority, calendar, pauses, { extraWindows })?.toISOString()).toBe(amsterdam(due).toISOString())
  })

  test('uses the targets it is given', () => {
    const targets = { ...DEFAULT_TARGETS, 5: { businessHours: 1 } }
    expect(dueAt(amsterdam('2026-11-30 10:00'), 5, calendar, [], { targets })).toEqual(amsterdam('2026-11-30 11:00'))
  })

  test("desk.yaml's targets are the default targets", () => {
    expect(targetsOf(desk.priorities)).toEqual(DEFAULT_TARGETS)
  })

  test('rejects a priority without a target', () => {
    expect(() => dueAt(amsterdam('2026-11-30 10:00'), 6, calendar)).toThrow(/priority 6/)
  })

  test('gives up with a clear error when the calendar has no business time', () => {
    expect(() => dueAt(amsterdam('2026-11-30 10:00'), 1, closedCalendar)).toThrow(/no business time within \d+ days/)
    expect(() => dueAt(amsterdam('2026-11-30 10:00'), 4, closedCalendar)).toThrow(/no business time within \d+ days/)
  })
})

describe('businessMsBetween', () => {
  test.each<[string, string, string, number]>([
    ['two hours of one open morning', '2026-11-30 09:00', '2026-11-30 11:00', 2],
    ['a whole ordinary week is a working week', '2026-11-30 00:00', '2026-12-07 00:00', 41.5],
    ['Friday afternoon to Monday morning', '2026-12-04 15:00', '2026-12-07 09:30', 2],
    ['across the spring clock change', '2026-03-27 15:00', '2026-03-30 09:30', 2],
    ['across the autumn clock change', '2026-10-23 15:00', '2026-10-26 09:30', 2],
    ['Christmas Eve closes early', '2026-12-24 00:00', '2026-12-25 00:00', 6.5],
    ['Christmas Day to Sunday is closed', '2026-12-25 00:00', '2026-12-28 00:00', 0],
    ['the end before the start', '2026-11-30 11:00', '2026-11-30 09:00', 0],
    ['an empty stretch', '2026-11-30 11:00', '2026-11-30 11:00', 0],
  ])('%s', (_name, from, to, hours) => {
    expect(businessMsBetween(amsterdam(from), amsterdam(to), calendar)).toBe(hours * HOUR)
  })

  test('subtracts overlapping pauses once', () => {
    const pauses = [between('2026-11-30 10:00', '2026-11-30 11:00'), between('2026-11-30 10:30', '2026-11-30 11:30')]
    expect(businessMsBetween(amsterdam('2026-11-30 09:00'), amsterdam('2026-11-30 12:00'), calendar, pauses)).toBe(1.5 * HOUR)
  })

  test('counts extra windows, once where they overlap opening hours or each other', () => {
    const extraWindows = [between('2026-11-30 16:00', '2026-11-30 18:00'), between('2026-11-30 17:30', '2026-11-30 19:00'), between('2026-12-05 09:00', '2026-12-05 13:00')]
    expect(businessMsBetween(amsterdam('2026-11-30 00:00'), amsterdam('2026-12-01 00:00'), calendar, [], { extraWindows })).toBe(10.5 * HOUR)
    expect(businessMsBetween(amsterdam('2026-12-05 00:00'), amsterdam('2026-12-06 00:00'), calendar, [], { extraWindows })).toBe(4 * HOUR)
  })

  test('counts nothing over years of a closed calendar, without giving up', () => {
    expect(businessMsBetween(amsterdam('2026-01-01 00:00'), amsterdam('2031-01-01 00:00'), closedCalendar)).toBe(0)
  })
})

describe('addBusinessTime', () => {
  test.each<[string, string, number, string]>([
    ['no time from inside hours is the start itself', '2026-11-30 10:00', 0, '2026-11-30 10:00'],
    ['no time from a Saturday is the next opening', '2026-11-28 10:00', 0, '2026-11-30 08:30'],
    ['a full day ends at closing time, not at the next opening', '2026-11-30 08:30', 8.5, '2026-11-30 17:00'],
    ['one minute past a full day is one minute past the next opening', '2026-11-30 08:30', 8.5 + 1 / 60, '2026-12-01 08:31'],
    ['a Friday evening start waits for Monday', '2026-12-04 18:00', 1, '2026-12-07 09:30'],
  ])('%s', (_name, start, hours, expected) => {
    expect(addBusinessTime(amsterdam(start), Math.round(hours * HOUR), calendar)).toEqual(amsterdam(expected))
  })

  test('the clock of a registration outside hours starts at the next opening', () => {
    expect(clockStartsAt(amsterdam('2026-11-28 10:00'), calendar)).toEqual(amsterdam('2026-11-30 08:30'))
    expect(clockStartsAt(amsterdam('2026-11-28 10:00'), calendar, { extraWindows: [between('2026-11-28 11:00', '2026-11-28 12:00')] })).toEqual(amsterdam('2026-11-28 11:00'))
  })

  test('rejects negative or unknown amounts of time', () => {
    expect(() => addBusinessTime(amsterdam('2026-11-30 10:00'), -1, calendar)).toThrow(RangeError)
    expect(() => addBusinessTime(amsterdam('2026-11-30 10:00'), Number.NaN, calendar)).toThrow(RangeError)
  })

  test('rejects an invalid start', () => {
    expect(() => addBusinessTime(new Date(Number.NaN), HOUR, calendar)).toThrow(/invalid date/)
  })

  test('walks a long stretch of business time quickly', () => {
    // About a year of business time: the walk goes by day, not by minute.
    const started = performance.now()
    expect(addBusinessTime(amsterdam('2026-01-05 08:30'), 2000 * HOUR, calendar).getTime()).toBeGreaterThan(amsterdam('2026-12-01 00:00').getTime())
    expect(performance.now() - started).toBeLessThan(2000)
  })
})

describe('slaState', () => {
  const registeredAt = amsterdam('2026-11-30 10:00')
  const open = { registeredAt, priority: 2 as Priority | null, pauses: [] as Interval[], isPaused: false }

  test.each<[string, string, number, boolean]>([
    ['counts the business time left before the due time', '2026-11-30 16:00', 2.5, false],
    ['is not breached at the due time itself', '2026-12-01 10:00', 0, false],
    ['counts business time past the due time as negative', '2026-12-01 11:00', -1, true],
    ['counts only business time past the due time once the desk has closed', '2026-12-01 18:00', -7, true],
  ])('%s', (_name, now, hours, isBreached) => {
    expect(slaState(open, amsterdam(now), calendar)).toEqual({ dueAt: amsterdam('2026-12-01 10:00'), remainingMs: hours * HOUR, isBreached, isPaused: false })
  })

  test('is breached with no business time past a due time at closing', () => {
    const incident = { ...open, registeredAt: amsterdam('2026-11-30 08:30') }
    expect(slaState(incident, amsterdam('2026-11-30 18:00'), calendar)).toEqual({ dueAt: amsterdam('2026-11-30 17:00'), remainingMs: 0, isBreached: true, isPaused: false })
  })

  test('keeps the time left while waiting for the customer', () => {
    const paused = { ...open, pauses: [between('2026-11-30 13:00', '2026-11-30 15:00')], isPaused: true }
    expect(slaState(paused, amsterdam('2026-11-30 15:00'), calendar)).toEqual({ dueAt: amsterdam('2026-12-01 12:00'), remainingMs: 5.5 * HOUR, isBreached: false, isPaused: true })
  })

  test('counts an extra window in the time left', () => {
    const extraWindows = [between('2026-11-30 17:00', '2026-11-30 18:00')]
    expect(slaState(open, amsterdam('2026-11-30 16:00'), calendar, { extraWindows })).toMatchObject({ dueAt: amsterdam('2026-12-01 09:00'), remainingMs: 2.5 * HOUR })
  })

  test.each<[string, Priority | null]>([
    ['before triage', null],
    ['for a wish', 5],
  ])('has no target %s', (_name, priority) => {
    expect(slaState({ ...open, priority, isPaused: true }, amsterdam('2026-12-01 11:00'), calendar)).toEqual({ dueAt: null, remainingMs: null, isBreached: false, isPaused: true })
  })
})
