import { describe, expect, test } from 'vitest'
import { loadCalendar, parseDesk } from '../desk.ts'
import { readFileSync } from 'node:fs'
import { clock, dayOf, instantOf, localDate, localMinutes, nextDate, statusAt, weekdayIndex, type BusinessCalendar } from './calendar.ts'

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

describe('offsets and days worked out once', () => {
  test('give the same local time on every ask, on both sides of a clock change and inside the hour it falls in', () => {
    const lordHowe: BusinessCalendar = { timeZone: 'Australia/Lord_Howe', weekly: calendar.weekly, days: {} }
    const cases: [BusinessCalendar, string, string, number][] = [
      [calendar, '2026-10-25T00:30:00.000Z', '2026-10-25', 150],
      [calendar, '2026-10-25T00:59:59.999Z', '2026-10-25', 179],
      [calendar, '2026-10-25T01:00:00.000Z', '2026-10-25', 120],
      [calendar, '2026-10-25T01:30:00.000Z', '2026-10-25', 150],
      [calendar, '2026-03-29T00:59:00.000Z', '2026-03-29', 119],
      [calendar, '2026-03-29T01:00:00.000Z', '2026-03-29', 180],
      // Lord Howe Island moves its clocks half an hour: back at 02:00 summer time (15:00 UTC the day before) on the first Sunday of April …
      [lordHowe, '2026-04-04T14:45:00.000Z', '2026-04-05', 105],
      [lordHowe, '2026-04-04T15:00:00.000Z', '2026-04-05', 90],
      // … and back at 02:00 local on the first Sunday of October: 15:30 UTC, inside a UTC hour.
      [lordHowe, '2026-10-03T15:10:00.000Z', '2026-10-04', 100],
      [lordHowe, '2026-10-03T15:29:00.000Z', '2026-10-04', 119],
      [lordHowe, '2026-10-03T15:30:00.000Z', '2026-10-04', 150],
      [lordHowe, '2026-10-03T15:50:00.000Z', '2026-10-04', 170],
    ]
    for (let ask = 0; ask < 2; ask++) {
      for (const [cal, iso, date, minutes] of cases) {
        expect([localDate(cal, new Date(iso)), localMinutes(cal, new Date(iso))], `${cal.timeZone} ${iso}`).toEqual([date, minutes])
      }
    }
  })

  test('a day runs from local midnight to the next, 23 or 25 hours on a clock change, with the hours of its own calendar', () => {
    const spring = dayOf(calendar, '2026-03-29')
    expect([new Date(spring.start).toISOString(), new Date(spring.end).toISOString(), spring.hours, spring.next])
      .toEqual(['2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z', null, '2026-03-30'])
    const autumnMonday = dayOf(calendar, '2026-10-26')
    expect(autumnMonday.hours?.map((ms) => new Date(ms).toISOString())).toEqual(['2026-10-26T07:30:00.000Z', '2026-10-26T16:00:00.000Z'])
    expect(dayOf(calendar, '2026-10-25').end - dayOf(calendar, '2026-10-25').start).toBe(25 * 3_600_000)
    // Another calendar in the same zone keeps its own hours.
    const late: BusinessCalendar = { ...calendar, weekly: calendar.weekly.map((span) => span && { open: 600, close: 1200 }) }
    expect(dayOf(late, '2026-10-26').hours?.map((ms) => new Date(ms).toISOString())).toEqual(['2026-10-26T09:00:00.000Z', '2026-10-26T19:00:00.000Z'])
    expect(dayOf(calendar, '2026-10-26')).toEqual(autumnMonday)
  })
})
