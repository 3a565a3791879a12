/** The search page's state in its URL: the query and the filters, so a reload or a shared link shows the same results. */

/** Pagefind's filter names, as the article pages declare them. */
export const FILTER_NAMES = ['category', 'productArea'] as const

/** The filters chosen, by name; a missing one is not filtered on. */
export type Filters = { category?: string; productArea?: string }

/**
 * The query and filters of a URL's search part.
 * @example searchFromUrl('?q=btw&category=financien') // → { query: 'btw', filters: { category: 'financien', productArea: undefined } }
 */
export function searchFromUrl(search: string): { query: string; filters: Filters } {
  const params = new URLSearchParams(search)
  return {
    query: params.get('q') ?? '',
    filters: { category: params.get('category') ?? undefined, productArea: params.get('productArea') ?? undefined },
  }
}

/**
 * The search part for `query` and `filters`, without the `?`; empty when there is nothing to keep.
 * @example urlOfSearch('btw', { productArea: 'finance' }) // → 'q=btw&productArea=finance'
 */
export function urlOfSearch(query: string, filters: Filters): string {
  const params = new URLSearchParams()
  if (query) params.set('q', query)
  for (const name of FILTER_NAMES) if (filters[name]) params.set(name, filters[name]!)
  return params.toString()
}
