import { describe, expect, test } from 'vitest'
import { euros } from './money.ts'

// Intl separates the sign with a no-break space; compare what a reader sees.
const plain = (text: string) => text.replace(/\s/g, ' ')

describe('euros', () => {
  test.each([
    ['nl', 184_500, '€ 1.845,00'],
    ['en', 184_500, '€1,845.00'],
    ['nl', 61_250, '€ 612,50'],
    ['en', 5, '€0.05'],
    ['nl', 0, '€ 0,00'],
    ['nl', -12_345, '€ -123,45'],
  ] as const)('%s: %i cents reads %s', (lang, cents, expected) => {
    expect(plain(euros(lang, cents))).toBe(expected)
  })
})
