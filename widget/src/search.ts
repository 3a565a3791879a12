/** Searching the KB from the widget: Pagefind from the KB's origin in the widget's language, stale answers dropped. */
import type { Language } from '#lib/language.ts'
import { loadPagefind, type Pagefind, type PagefindResult } from '#lib/pagefind.ts'
import { loadVocabulary, searchRelaxed } from '#lib/search/relaxed-search.ts'

/** An answer: the term it was for, how many articles match, and the first few of them. */
export interface Found {
  query: string
  total: number
  results: PagefindResult[]
  /** The query with its typos corrected, when that is what was searched. */
  corrected?: string
}

/** How the widget's searches relax a query: its language, and the KB's vocabulary for typos. */
export interface SearchOptions {
  lang: Language
  vocabulary?: () => Promise<readonly string[]>
}

/**
 * A search function whose answers arrive in order of asking: an answer to an older call than the
 * latest resolves to `undefined`, so slow answers never overwrite newer ones. `load` gives the
 * Pagefind to use (loaded on the first call).
 */
export function createSearch(load: () => Promise<Pagefind>, options: SearchOptions = { lang: 'nl' }) {
  let latest = 0
  return async function search(term: string, limit: number): Promise<Found | undefined> {
    const mine = ++latest
    const query = term.trim()
    if (!query) return { query, total: 0, results: [] }
    // The customer's own words: relaxed when the query as typed finds little, as on the KB.
    const found = await searchRelaxed(await load(), query, options)
    if (mine !== latest) return undefined
    const results = await Promise.all(found.hits.slice(0, limit).map((r) => r.data()))
    if (mine !== latest) return undefined
    return found.corrected ? { query, total: found.hits.length, results, corrected: found.corrected } : { query, total: found.hits.length, results }
  }
}

/** The vocabulary of the KB at `kb` (an origin) in `lang`, for did-you-mean. */
export const vocabularyOf = (kb: string, lang: Language) => () => loadVocabulary(`${kb}/`, lang)

/** Pagefind of the KB at `kb` (an origin), searching the `lang` index whatever the host page's language. */
export const pagefindOf = (kb: string, lang: Language) => () => loadPagefind(`${kb}/`, lang)
