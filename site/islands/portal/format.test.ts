import { describe, expect, test } from 'vitest'
import { day, fileSize, moment } from './format.ts'

describe('portal formats', () => {
  test('shows moments in the desk’s time zone, winter and summer', () => {
    expect(moment('nl', '2026-12-01T09:00:00Z')).toBe('1 dec 2026, 10:00')
    expect(moment('en', '2026-07-01T09:00:00Z')).toBe('1 Jul 2026, 11:00')
    expect(day('nl', '2026-12-31T23:30:00Z')).toBe('1 jan 2027')
  })

  test('file sizes in B, kB and MB', () => {
    expect(fileSize('nl', 900)).toBe('900 B')
    expect(fileSize('nl', 184_233)).toBe('179,9 kB')
    expect(fileSize('en', 10 * 1024 * 1024)).toBe('10 MB')
  })
})
