/** The home page's two article lists: the editors' popular picks, and the recently updated ones that are not among them. */

/** What the lists need of an article: its place among the popular ones (frontmatter `featured`, 1 first) and its last update. */
export interface Listable {
  featured?: number
  updated: Date
}

/**
 * The popular articles (those with `featured`, in that order) and the recently updated ones
 * (newest first), at most `size` each, never one article in both: recent skips what popular shows.
 * @example homeLists(articles, (a) => a.entry.data) → { popular: [...], recent: [...] }
 */
export function homeLists<T>(articles: readonly T[], data: (article: T) => Listable, size = 6): { popular: T[]; recent: T[] } {
  const popular = articles
    .filter((a) => data(a).featured !== undefined)
    .sort((a, b) => data(a).featured! - data(b).featured!)
    .slice(0, size)
  const shown = new Set(popular)
  const recent = articles
    .filter((a) => !shown.has(a))
    .sort((a, b) => data(b).updated.getTime() - data(a).updated.getTime())
    .slice(0, size)
  return { popular, recent }
}
