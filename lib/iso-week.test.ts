import { describe, expect, test } from 'vitest'
import { addDays, isoWeek, isoWeekNumber, mondayOf } from './iso-week.ts'

describe('isoWeek', () => {
  test.each([
    ['2026-11-30', '2026-W49'], // a Monday
    ['2026-12-06', '2026-W49'], // its Sunday
    ['2026-12-28', '2026-W53'], // 2026 has 53 weeks: 1 January 2026 is a Thursday
    ['2027-01-03', '2026-W53'], // a Sunday in January still in last year's week
    ['2027-01-04', '2027-W01'],
    ['2025-12-29', '2026-W01'], // a Monday in December already in next year's week
    ['2024-02-29', '2024-W09'], // a leap day
    ['2026-03-29', '2026-W13'], // the clock changes that night: dates, not instants, so no hour lost
  ])('%s is in %s', (date, week) => expect(isoWeek(date)).toBe(week))
})

describe('the date steps', () => {
  test.each([
    ['2026-12-06', '2026-11-30'],
    ['2026-11-30', '2026-11-30'],
    ['2027-01-01', '2026-12-28'],
  ])('the Monday of %s is %s', (date, monday) => expect(mondayOf(date)).toBe(monday))

  test('adds and subtracts days across months and years', () => {
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
  })

  test('reads the number of a week', () => expect(isoWeekNumber('2026-W09')).toBe(9))
})
