import { describe, expect, test } from 'vitest'
import { Synonyms } from '../schemas/synonyms.ts'
import { searchWordsOf, vocabularyOf } from './search-words.ts'
import { loadSynonyms } from './config.ts'

describe('searchWordsOf', () => {
  const list = Synonyms.parse({
    nl: [{ product: 'verlof', everyday: ['vakantie', 'vrije dagen'] }, { product: 'creditnota', everyday: ['creditfactuur'] }],
    en: [{ product: 'credit note', everyday: ['credit invoice', 'refund'] }, { product: 'leave', everyday: ['vacation'] }],
  })

  test.each([
    ['nl', { title: 'Verlof aanvragen', tags: ['uren'], aliases: ['snipperdag'] }, ['uren', 'snipperdag', 'vakantie', 'vrije dagen']],
    ['nl', { title: 'Een creditnota maken', tags: ['factuur'], aliases: [] }, ['factuur', 'creditfactuur']],
    ['en', { title: 'Creating a credit note', tags: ['invoice'], aliases: [] }, ['invoice', 'credit invoice', 'refund']],
    ['en', { title: 'Registering leave', tags: ['leave', 'hours'], aliases: ['time off'] }, ['leave', 'hours', 'time off', 'vacation']],
    // a product word inside another word is not that word: "leaves" holds no "leave" here, "verlofsaldo" no "verlof"
    ['en', { title: 'Tea leaves', tags: ['tea'], aliases: [] }, ['tea']],
    ['nl', { title: 'Saldo', tags: ['verlofsaldo'], aliases: [] }, ['verlofsaldo']],
  ] as const)('[%s] %o', (lang, article, words) => expect(searchWordsOf(article, list[lang])).toEqual(words))
})

describe('vocabularyOf', () => {
  test('words of four letters or more, the most used first, codes left out', () => {
    expect(vocabularyOf(['Een creditnota maken', 'creditnota', 'btw', 'mt940 bestand', "Can't sign in"])).toEqual(['creditnota', 'bestand', 'maken', 'sign'])
  })
})

describe('the word list', () => {
  test('the one in content/ is valid', () => {
    const list = loadSynonyms('content/synonyms.yaml')
    expect(list.nl.length).toBeGreaterThan(5)
    expect(list.en.length).toBeGreaterThan(5)
  })

  test.each([
    [{ nl: [{ product: 'Verlof', everyday: ['vakantie'] }] }, 'expected lowercase words'],
    [{ nl: [{ product: 'verlof', everyday: [] }] }, '>=1'],
    [{ nl: [{ product: 'verlof', everyday: ['verlof'] }] }, 'the product word itself'],
    [{ nl: [{ product: 'verlof', everyday: ['vrij'] }, { product: 'verlof', everyday: ['vakantie'] }] }, 'listed twice'],
    [{ nl: [{ product: 'verlof', everyday: ['vrij', 'vrij'] }] }, 'listed twice'],
    [{ de: [] }, 'Unrecognized key'],
  ])('refuses %o', (input, message) => {
    const result = Synonyms.safeParse(input)
    expect(result.success).toBe(false)
    expect(JSON.stringify(result.error?.issues)).toContain(message)
  })
})
