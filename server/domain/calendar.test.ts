import { describe, expect, test } from 'vitest'
import { loadCalendar, parseDesk } from '../desk.ts'
import { readFileSync } from 'node:fs'
import { clock, instantOf, localDate, localMinutes, nextDate, statusAt, weekdayIndex, type BusinessCalendar } from './calendar.ts'

const calendar = loadCalendar(parseDesk(readFileSync('content/desk.yaml', 'utf8')), { from: 2026, to: 2027 })

/** An Amsterdam wall-clock time as an instant. */
function amsterdam(local: string): Date {
  const [date, time] = local.split(' ')
  const [h, m] = time.split(':').map(Number)
  return instantOf(calendar, date, h * 60 + m)
}

describe('statusAt', () => {
  test.each([
    ['an ordinary Monday morning', '2026-11-30 09:00', true, '2026-11-30 17:00'],
    ['one minute before opening', '2026-11-30 08:29', false, '2026-11-30 08:30'],
    ['the minute of opening', '2026-11-30 08:30', true, '2026-11-30 17:00'],
    ['the minute of closing', '2026-11-30 17:00', false, '2026-12-01 08:30'],
    ['Friday closes at 16:00', '2026-12-04 16:00', false, '2026-12-07 08:30'],
    ['Friday afternoon', '2026-12-04 15:59', true, '2026-12-04 16:00'],
    ['a Saturday', '2026-11-28 10:00', false, '2026-11-30 08:30'],
    ['Christmas Day and Boxing Day closed', '2026-12-25 10:00', false, '2026-12-28 08:30'],
    ['Christmas Eve closes early (exception)', '2026-12-24 14:59', true, '2026-12-24 15:00'],
    ['after the early close', '2026-12-24 15:00', false, '2026-12-28 08:30'],
    ["King's Day closed", '2026-04-27 10:00', false, '2026-04-28 08:30'],
    ['Good Friday open (not listed in desk.yaml)', '2026-04-03 10:00', true, '2026-04-03 16:00'],
    ['New Year and the team day (closed exception)', '2027-01-07 17:30', false, '2027-01-11 08:30'],
    ['after the spring clock change', '2026-03-27 16:30', false, '2026-03-30 08:30'],
    ['after the autumn clock change', '2026-10-23 16:30', false, '2026-10-26 08:30'],
  ])('%s: %s', (_name, at, isOpen, changesAt) => {
    const status = statusAt(calendar, amsterdam(at))
    expect(status.isOpen).toBe(isOpen)
    expect(status.changesAt?.toISOString()).toBe(amsterdam(changesAt).toISOString())
  })

  test('names the special day it falls on', () => {
    expect(statusAt(calendar, amsterdam('2026-12-25 10:00')).today?.note).toEqual({ nl: 'Kerstmis', en: 'Christmas Day' })
    expect(statusAt(calendar, amsterdam('2026-12-24 09:00')).today).toMatchObject({ source: 'exception', span: { open: 510, close: 900 } })
    expect(statusAt(calendar, amsterdam('2026-11-30 09:00')).today).toBeNull()
  })

  test('says no opening is known when the desk has no hours at all', () => {
    const closed: BusinessCalendar = { timeZone: 'Europe/Amsterdam', weekly: [null, null, null, null, null, null, null], days: {} }
    expect(statusAt(closed, amsterdam('2026-11-30 09:00'))).toEqual({ isOpen: false, changesAt: null, today: null })
  })
})

describe('local time', () => {
  test.each([
    ['winter', '2026-11-30T07:30:00Z', '2026-11-30', '08:30'],
    ['summer', '2026-06-01T06:30:00Z', '2026-06-01', '08:30'],
    ['late evening crosses the date', '2026-11-30T23:30:00Z', '2026-12-01', '00:30'],
  ])('%s', (_name, iso, date, time) => {
    expect(localDate(calendar, new Date(iso))).toBe(date)
    expect(clock(localMinutes(calendar, new Date(iso)))).toBe(time)
  })

  test('nextDate crosses months, years and leap days', () => {
    expect(nextDate('2026-12-31')).toBe('2027-01-01')
    expect(nextDate('2028-02-28')).toBe('2028-02-29')
    expect(nextDate('2026-02-28')).toBe('2026-03-01')
  })

  test('weekdayIndex counts from Monday', () => {
    expect(weekdayIndex('2026-11-30')).toBe(0)
    expect(weekdayIndex('2026-12-06')).toBe(6)
  })
})

describe('instantOf around the clock changes', () => {
  test.each([
    ['the last winter morning', '2026-03-27', 510, '2026-03-27T07:30:00.000Z'],
    ['the first summer morning', '2026-03-30', 510, '2026-03-30T06:30:00.000Z'],
    ['just after the spring jump', '2026-03-29', 3 * 60 + 30, '2026-03-29T01:30:00.000Z'],
    ['the first winter morning', '2026-10-26', 510, '2026-10-26T07:30:00.000Z'],
    ['noon on the autumn change day', '2026-10-25', 720, '2026-10-25T11:00:00.000Z'],
  ])('%s', (_name, date, minute, iso) => {
    expect(instantOf(calendar, date, minute).toISOString()).toBe(iso)
  })
})
