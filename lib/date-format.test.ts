import { describe, expect, it } from 'vitest'
import { clockTimeIn, dateFormat, dayAndTime } from './date-format.ts'

describe('dateFormat', () => {
  const at = new Date('2026-12-01T09:05:00Z')

  it('formats in the time zone and locale asked', () => {
    expect(dateFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' }).format(at)).toBe('10:05')
    expect(dateFormat('en-GB', { timeZone: 'America/New_York', weekday: 'long', day: 'numeric', month: 'long' }).format(at)).toBe('Tuesday 1 December')
  })

  it('makes one formatter per locale and options, whatever object the options come in', () => {
    const first = dateFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long' })
    expect(dateFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long' })).toBe(first)
    expect(dateFormat('en-GB', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long' })).not.toBe(first)
    expect(dateFormat('nl-NL', { timeZone: 'UTC', day: 'numeric', month: 'long' })).not.toBe(first)
  })

  it('writes the time on the 24-hour clock and the day in words, in the time zone asked, in both languages', () => {
    expect(clockTimeIn(new Date('2026-12-01T22:05:00Z'), 'Europe/Amsterdam')).toBe('23:05')
    expect(dayAndTime(at, 'Europe/Amsterdam', 'nl')).toEqual({ day: 'dinsdag 1 december', time: '10:05' })
    expect(dayAndTime(at, 'Europe/Amsterdam', 'en')).toEqual({ day: 'Tuesday 1 December', time: '10:05' })
  })
})
