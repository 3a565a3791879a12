// The contrast ratio as WCAG 2 defines it, and the brand colours derived from a primary colour.
import { describe, expect, test } from 'vitest'
import { AA_TEXT, brandColours, contrast, formatRatio, luminance, parseHex, readableOn, THEME } from './contrast.ts'

describe('contrast', () => {
  test.each([
    ['#ffffff', '#000000', 21],
    ['#000000', '#ffffff', 21],
    ['#777777', '#777777', 1],
    // Known pairs: WebAIM's checker gives these ratios.
    ['#767676', '#ffffff', 4.54],
    ['#0b5394', '#ffffff', 7.8],
    ['#ff0000', '#ffffff', 4],
    ['#1e90ff', '#ffffff', 3.26],
  ])('%s against %s is %s:1', (a, b, ratio) => {
    expect(contrast(a, b)).toBeCloseTo(ratio, 1)
  })

  test('reads three-digit colours as their six-digit form', () => {
    expect(parseHex('#fa0')).toEqual([255, 170, 0])
    expect(luminance('#fff')).toBe(1)
  })

  test('refuses what is not a hex colour', () => {
    expect(() => parseHex('blue')).toThrow(/#rrggbb/)
  })

  test('rounds a ratio down, so a shown 4.50:1 always passes', () => {
    expect(formatRatio(4.4999)).toBe('4.49:1')
    expect(formatRatio(7)).toBe('7.00:1')
  })
})

describe('brandColours', () => {
  test.each(['#0b5394', '#6d28d9', '#b91c1c', '#0f766e', '#111111'])('derives readable colours from %s in both themes', (primary) => {
    const c = brandColours(primary)
    expect(contrast('#ffffff', c.primary)).toBeGreaterThanOrEqual(AA_TEXT)
    expect(contrast('#ffffff', c.primaryDark)).toBeGreaterThanOrEqual(AA_TEXT)
    expect(contrast(c.primaryOnDark, THEME.dark.paper)).toBeGreaterThanOrEqual(AA_TEXT)
    expect(contrast(c.primaryOnDark, c.tintDark)).toBeGreaterThanOrEqual(AA_TEXT)
    expect(contrast(c.primary, c.tint)).toBeGreaterThanOrEqual(AA_TEXT)
  })

  test('lightens only as far as it must', () => {
    expect(readableOn('#ffffff', '#000000', '#ffffff')).toBe('#ffffff')
    expect(contrast(readableOn('#0b5394', THEME.dark.paper, '#ffffff'), THEME.dark.paper)).toBeLessThan(9)
  })
})
