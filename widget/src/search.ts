/** Searching the KB from the widget: Pagefind from the KB's origin in the widget's language, stale answers dropped. */
import type { Language } from '#lib/language.ts'
import { loadPagefind, type Pagefind, type PagefindResult } from '#lib/pagefind.ts'

/** An answer: the term it was for, how many articles match, and the first few of them. */
export interface Found {
  query: string
  total: number
  results: PagefindResult[]
}

/**
 * A search function whose answers arrive in order of asking: an answer to an older call than the
 * latest resolves to `undefined`, so slow answers never overwrite newer ones. `load` gives the
 * Pagefind to use (loaded on the first call).
 */
export function createSearch(load: () => Promise<Pagefind>) {
  let latest = 0
  return async function search(term: string, limit: number): Promise<Found | undefined> {
    const mine = ++latest
    const query = term.trim()
    if (!query) return { query, total: 0, results: [] }
    const found = await (await load()).search(query)
    if (mine !== latest) return undefined
    const results = await Promise.all(found.results.slice(0, limit).map((r) => r.data()))
    return mine === latest ? { query, total: found.results.length, results } : undefined
  }
}

/** Pagefind of the KB at `kb` (an origin), searching the `lang` index whatever the host page's language. */
export const pagefindOf = (kb: string, lang: Language) => () => loadPagefind(`${kb}/`, lang)
