import { describe, expect, test } from 'vitest'
import { MAX_SHOWN_ARTICLES, withShown } from './shown-articles.ts'

const result = (key?: string) => ({ meta: key ? { key, title: key } : { title: 'no key' } })

describe('withShown', () => {
  test('keeps what an earlier search showed when a later one shows others, each once, in the order first shown', () => {
    const first = withShown([], [result('vat-return'), result('invoices')])
    expect(withShown(first, [result('invoices'), result('stock-count')])).toEqual(['vat-return', 'invoices', 'stock-count'])
  })

  test('an empty answer or a result without a key takes nothing away and adds nothing', () => {
    expect(withShown(['vat-return'], [])).toEqual(['vat-return'])
    expect(withShown(['vat-return'], [result()])).toEqual(['vat-return'])
  })

  test('keeps the first articles shown up to the limit the API accepts', () => {
    const many = Array.from({ length: MAX_SHOWN_ARTICLES + 5 }, (_, i) => result(`a-${i}`))
    const shown = withShown(['asked'], many)
    expect(shown).toHaveLength(MAX_SHOWN_ARTICLES)
    expect(shown[0]).toBe('asked')
  })
})
