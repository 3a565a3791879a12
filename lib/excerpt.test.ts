import { describe, expect, test } from 'vitest'
import { decodeEntities, excerptParts } from './excerpt.ts'

describe('excerptParts', () => {
  test('splits marked words from the text around them', () => {
    expect(excerptParts('Zo doet u de <mark>btw-aangifte</mark> per kwartaal')).toEqual([
      { text: 'Zo doet u de ', isMark: false },
      { text: 'btw-aangifte', isMark: true },
      { text: ' per kwartaal', isMark: false },
    ])
  })

  test('turns escaped markup into text, never into elements', () => {
    const parts = excerptParts('Type &lt;img src=x onerror=alert(1)&gt; in <mark>veld</mark> &amp; klaar')
    expect(parts[0]).toEqual({ text: 'Type <img src=x onerror=alert(1)> in ', isMark: false })
    expect(parts.at(-1)).toEqual({ text: ' & klaar', isMark: false })
  })

  test('drops raw tags other than mark', () => {
    expect(decodeEntities('a <script>alert(1)</script> b')).toBe('a alert(1) b')
    expect(excerptParts('<b>vet</b> <mark>woord</mark>')).toEqual([{ text: 'vet ', isMark: false }, { text: 'woord', isMark: true }])
  })
})
