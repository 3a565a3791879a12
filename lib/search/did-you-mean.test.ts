import { describe, expect, test } from 'vitest'
import { closestWord, editDistance } from './did-you-mean.ts'

describe('editDistance', () => {
  test.each([
    ['priorty', 'priority', 1],
    ['recieve', 'receive', 1],
    ['cuont', 'count', 1],
    ['creditnoat', 'creditnota', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('%s → %s: %i', (a, b, d) => expect(editDistance(a, b)).toBe(d))

  test('stops once past the limit', () => expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3))
})

describe('closestWord', () => {
  const nl = ['creditnota', 'openingstijden', 'prioriteit', 'voorraadtelling', 'bankafschriften', 'verlof', 'vakantie', 'order']
  const en = ['credit', 'note', 'opening', 'hours', 'priority', 'receiving', 'goods', 'backorders', 'stock', 'count', 'order']
  test.each([
    // Dutch
    ['creditnoat', nl, 'creditnota'],
    ['openingstijdne', nl, 'openingstijden'],
    ['prioritijt', nl, 'prioriteit'],
    ['voorraadteling', nl, 'voorraadtelling'],
    ['bankafschirften', nl, 'bankafschriften'],
    ['vakanite', nl, 'vakantie'],
    // English
    ['priorty', en, 'priority'],
    ['cuont', en, 'count'],
    ['noet', en, 'note'],
    ['oppening', en, 'opening'],
    ['bakorders', en, 'backorders'],
    ['recieve', en, 'receiving'],
  ])('%s → %s', (word, vocabulary, expected) => expect(closestWord(word, vocabulary)).toBe(expected))

  test.each([
    ['order', 'a known word'],
    ['voorraad', 'the start of a known word'],
    ['ord', 'too short to correct'],
    ['xylofoon', 'nothing close'],
    ['mt941', 'a code with digits'],
  ])('%s: none (%s)', (word) => expect(closestWord(word, [...nl, ...en])).toBeUndefined())

  test('prefers a whole word to the start of a longer one', () => {
    expect(closestWord('stok', ['stocktake', 'stock'])).toBe('stock')
  })
})
