import { describe, expect, test } from 'vitest'
import type { Pagefind, PagefindResult } from '#lib/pagefind.ts'
import { createSearch } from './search.ts'

/** A Pagefind whose searches answer when the test says so, in any order. */
function fakePagefind() {
  const pending = new Map<string, (urls: string[]) => void>()
  const pagefind = {
    options: async () => {},
    init: async () => {},
    filters: async () => ({}),
    search: (term: string | null) => new Promise((resolve) => {
      pending.set(term ?? '', (urls) => resolve({
        results: urls.map((url) => ({ id: url, data: async (): Promise<PagefindResult> => ({ url, excerpt: term ?? '', meta: { title: url }, filters: {} }) })),
      }))
    }),
  } as unknown as Pagefind
  return { pagefind, answer: (term: string, urls: string[]) => pending.get(term)!(urls) }
}

describe('createSearch', () => {
  test('answers with the total and the first results up to the limit', async () => {
    const { pagefind, answer } = fakePagefind()
    const search = createSearch(async () => pagefind)
    const asked = search(' factuur ', 2)
    await Promise.resolve()
    await Promise.resolve()
    answer('factuur', ['/a/', '/b/', '/c/'])
    expect(await asked).toMatchObject({ query: 'factuur', total: 3, results: [{ url: '/a/' }, { url: '/b/' }] })
  })

  test('drops an older answer that arrives after a newer question', async () => {
    const { pagefind, answer } = fakePagefind()
    const search = createSearch(async () => pagefind)
    const older = search('fac', 5)
    const newer = search('factuur', 5)
    await new Promise((r) => setTimeout(r, 0))
    answer('factuur', ['/new/'])
    answer('fac', ['/old/'])
    expect(await newer).toMatchObject({ query: 'factuur', results: [{ url: '/new/' }] })
    expect(await older).toBeUndefined()
  })

  test('an empty term answers at once, without loading Pagefind', async () => {
    let loads = 0
    const search = createSearch(async () => { loads++; return fakePagefind().pagefind })
    expect(await search('   ', 5)).toEqual({ query: '', total: 0, results: [] })
    expect(loads).toBe(0)
  })
})
