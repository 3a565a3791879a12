import { afterEach, describe, expect, test, vi } from 'vitest'
import { lastSearch, rememberSearch } from './last-search.ts'

describe('the last search', () => {
  afterEach(() => vi.unstubAllGlobals())

  test('is remembered for the tab, trimmed', () => {
    const store = new Map<string, string>()
    vi.stubGlobal('sessionStorage', { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) })
    expect(lastSearch()).toBe('')
    rememberSearch('  inloggen mislukt ')
    expect(lastSearch()).toBe('inloggen mislukt')
    rememberSearch('   ')
    expect(lastSearch()).toBe('inloggen mislukt')
  })

  test('where storage is refused, nothing is remembered and nothing throws', () => {
    vi.stubGlobal('sessionStorage', { getItem: () => { throw new Error('denied') }, setItem: () => { throw new Error('denied') } })
    expect(() => rememberSearch('btw')).not.toThrow()
    expect(lastSearch()).toBe('')
  })
})
