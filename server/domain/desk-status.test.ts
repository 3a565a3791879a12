import { describe, expect, test } from 'vitest'
import { loadCalendar, loadDesk } from '../desk.ts'
import { instantOf } from './calendar.ts'
import { deskStatus } from './desk-status.ts'

const desk = loadDesk('content/desk.yaml')
const calendar = loadCalendar(desk, { from: 2026, to: 2027 })

/** An Amsterdam wall-clock time as an instant. */
function amsterdam(local: string): Date {
  const [date, time] = local.split(' ')
  const [h, m] = time.split(':').map(Number)
  return instantOf(calendar, date, h * 60 + m)
}

describe('deskStatus', () => {
  test.each([
    ['open on an ordinary Monday until closing', '2026-11-30 09:00', true, '2026-11-30 17:00'],
    ['closed on a Saturday until Monday opening', '2026-11-28 10:00', false, '2026-11-30 08:30'],
    ['closed on Christmas Day until the Monday after Boxing Day', '2026-12-25 10:00', false, '2026-12-28 08:30'],
    ['open on Christmas Eve until the early close', '2026-12-24 09:00', true, '2026-12-24 15:00'],
  ])('%s', (_name, now, isOpen, changesAt) => {
    const status = deskStatus(desk, calendar, amsterdam(now))
    expect(status.isOpen).toBe(isOpen)
    expect(status.changesAt).toBe(amsterdam(changesAt).toISOString())
  })

  test('has no note on an ordinary day', () => {
    expect(deskStatus(desk, calendar, amsterdam('2026-11-30 09:00')).today).toBeNull()
  })

  test('names Christmas Day as the reason it is closed today', () => {
    expect(deskStatus(desk, calendar, amsterdam('2026-12-25 10:00')).today).toEqual({ note: { nl: 'Kerstmis', en: 'Christmas Day' }, hours: null })
  })

  test("gives Christmas Eve's shorter hours with its note", () => {
    expect(deskStatus(desk, calendar, amsterdam('2026-12-24 09:00')).today).toEqual({ note: { nl: 'Kerstavond', en: 'Christmas Eve' }, hours: { open: '08:30', close: '15:00' } })
  })

  test('lists the special days of the next 30 days, from today on', () => {
    const upcoming = deskStatus(desk, calendar, amsterdam('2026-12-20 12:00')).upcoming
    expect(upcoming.map((d) => d.date)).toEqual(['2026-12-24', '2026-12-25', '2026-12-26', '2026-12-31', '2027-01-01', '2027-01-08'])
    expect(upcoming[0]).toEqual({ date: '2026-12-24', closed: false, hours: { open: '08:30', close: '15:00' }, note: { nl: 'Kerstavond', en: 'Christmas Eve' } })
    expect(upcoming[1]).toEqual({ date: '2026-12-25', closed: true, hours: null, note: { nl: 'Kerstmis', en: 'Christmas Day' } })
    expect(upcoming[2]).toMatchObject({ date: '2026-12-26', closed: true, hours: null })
    expect(upcoming[3]).toMatchObject({ date: '2026-12-31', closed: false, hours: { open: '08:30', close: '15:00' } })
  })

  test.each([
    ['a week ahead stops before the eighth day', '2026-12-20 12:00', 7, ['2026-12-24', '2026-12-25', '2026-12-26']],
    ['today counts as the first day', '2026-12-24 16:00', 1, ['2026-12-24']],
    ['no days ahead lists nothing', '2026-12-24 16:00', 0, []],
    ['the window is counted from the local date, not from UTC', '2026-12-24 00:30', 1, ['2026-12-24']],
  ])('upcoming: %s', (_name, now, daysAhead, dates) => {
    expect(deskStatus(desk, calendar, amsterdam(now), { daysAhead }).upcoming.map((d) => d.date)).toEqual(dates)
  })

  test('rejects a negative or fractional number of days ahead', () => {
    expect(() => deskStatus(desk, calendar, amsterdam('2026-12-20 12:00'), { daysAhead: -1 })).toThrow(RangeError)
    expect(() => deskStatus(desk, calendar, amsterdam('2026-12-20 12:00'), { daysAhead: 1.5 })).toThrow(RangeError)
  })

  test('gives the regular week, Monday first, with the weekend closed', () => {
    expect(deskStatus(desk, calendar, amsterdam('2026-11-30 09:00')).weekly).toEqual([
      { day: 'monday', open: '08:30', close: '17:00' },
      { day: 'tuesday', open: '08:30', close: '17:00' },
      { day: 'wednesday', open: '08:30', close: '17:00' },
      { day: 'thursday', open: '08:30', close: '17:00' },
      { day: 'friday', open: '08:30', close: '16:00' },
      { day: 'saturday', closed: true },
      { day: 'sunday', closed: true },
    ])
  })

  test('gives the phone number, time zone and the five priorities with their targets in words', () => {
    const status = deskStatus(desk, calendar, amsterdam('2026-11-30 09:00'))
    expect(status.phone).toEqual({ display: '050 760 41 00', international: '+31 50 760 41 00' })
    expect(status.timeZone).toBe('Europe/Amsterdam')
    expect(status.priorities.map((p) => [p.level, p.firstClassOnly])).toEqual([[1, true], [2, false], [3, false], [4, false], [5, false]])
    expect(status.priorities[1]).toEqual({
      level: 2,
      name: { nl: 'Productieverstorend', en: 'Production-disrupting' },
      description: desk.priorities[1].description,
      targetText: { nl: 'Binnen 1 werkdag (8,5 kantooruren)', en: 'Within 1 working day (8.5 business hours)' },
      firstClassOnly: false,
    })
  })

  test("gives the incident form desk.yaml's product areas, in order, with their names in both languages", () => {
    const status = deskStatus(desk, calendar, amsterdam('2026-11-30 09:00'))
    expect(status.productAreas.map((a) => a.key)).toEqual(['finance', 'inventory', 'sales', 'payroll', 'platform'])
    expect(status.productAreas[0]).toEqual({ key: 'finance', name: { nl: 'Financiën', en: 'Finance' } })
    expect(status).not.toHaveProperty('kinds')
  })

  test('gives only the key and name of a product area, never the routing or teams behind it', () => {
    const status = deskStatus(desk, calendar, amsterdam('2026-11-30 09:00'))
    for (const area of status.productAreas) expect(Object.keys(area).sort()).toEqual(['key', 'name'])
    expect(status).not.toHaveProperty('teams')
    expect(status).not.toHaveProperty('routing')
  })

  test('survives a JSON round trip unchanged', () => {
    const status = deskStatus(desk, calendar, amsterdam('2026-12-20 12:00'))
    expect(JSON.parse(JSON.stringify(status))).toEqual(status)
  })

  test('says no opening is known when the desk has no hours at all', () => {
    const closed = { timeZone: 'Europe/Amsterdam', weekly: [null, null, null, null, null, null, null], days: {} }
    expect(deskStatus(desk, closed, amsterdam('2026-11-30 09:00'))).toMatchObject({ isOpen: false, changesAt: null, today: null, upcoming: [] })
  })
})
