import { describe, expect, test } from 'vitest'
import { searchFromUrl, urlOfSearch } from './url.ts'

describe('the search page in its URL', () => {
  test.each([
    ['nothing', '', { query: '', filters: {} }],
    ['a query', '?q=btw-aangifte', { query: 'btw-aangifte', filters: {} }],
    ['a query and both filters', '?q=btw&category=financien&productArea=finance', { query: 'btw', filters: { category: 'financien', productArea: 'finance' } }],
  ])('reads %s', (_, search, expected) => {
    const read = searchFromUrl(search)
    expect(read.query).toBe(expected.query)
    expect({ ...read.filters }).toEqual({ category: undefined, productArea: undefined, ...expected.filters })
  })

  test('writes only what is chosen, and reads back the same', () => {
    expect(urlOfSearch('', {})).toBe('')
    const search = urlOfSearch('btw aangifte', { productArea: 'finance' })
    expect(search).toBe('q=btw+aangifte&productArea=finance')
    expect(searchFromUrl(`?${search}`)).toEqual({ query: 'btw aangifte', filters: { category: undefined, productArea: 'finance' } })
  })
})
