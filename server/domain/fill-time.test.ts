import { expect, test } from 'vitest'
import { FillTime, MIN_FILL_MS, isTooQuick } from './fill-time.ts'

test.each([
  [undefined, MIN_FILL_MS.incident, false],
  [0, MIN_FILL_MS.incident, true],
  [2_999, MIN_FILL_MS.incident, true],
  [3_000, MIN_FILL_MS.incident, false],
  [94_000, MIN_FILL_MS.incident, false],
  [1_499, MIN_FILL_MS.signIn, true],
  [1_500, MIN_FILL_MS.signIn, false],
])('a form open %s ms against %s ms is too quick: %s', (fillMs, minimum, expected) => {
  expect(isTooQuick(fillMs, minimum)).toBe(expected)
})

test.each([-1, '4000', Number.NaN])('the field refuses %j', (value) => {
  expect(FillTime.safeParse(value).success).toBe(false)
})

test('the field takes a fraction of a millisecond as the browser measures it', () => {
  expect(FillTime.parse(4_000.5)).toBe(4_000.5)
})
