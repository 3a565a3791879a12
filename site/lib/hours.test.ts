import { describe, expect, test } from 'vitest'
import { dayRange, groupWeekly, spanText } from './hours.ts'

const day = { open: 510, close: 1020 }
const friday = { open: 510, close: 960 }

describe('groupWeekly', () => {
  test('groups equal consecutive days', () => {
    expect(groupWeekly([day, day, day, day, friday, null, null])).toEqual([
      { first: 0, last: 3, span: day },
      { first: 4, last: 4, span: friday },
      { first: 5, last: 6, span: null },
    ])
  })

  test('does not join equal days that are apart', () => {
    expect(groupWeekly([day, null, day, null, null, null, null]).map((g) => [g.first, g.last])).toEqual([[0, 0], [1, 1], [2, 2], [3, 6]])
  })

  test('reads as people say it', () => {
    expect(dayRange('nl', { first: 0, last: 3, span: day })).toBe('maandag – donderdag')
    expect(dayRange('en', { first: 4, last: 4, span: friday })).toBe('Friday')
    expect(spanText(friday)).toBe('08:30 – 16:00')
  })
})
