/** The articles a page showed a visitor before they asked support: each once, in the order first shown, sent along with the incident. */
import type { PagefindResult } from '../pagefind.ts'

/** Articles a registration carries at most (the API refuses more). */
export const MAX_SHOWN_ARTICLES = 20

/**
 * `shown` with the articles of `results` added (their translation keys, the `key` meta), each
 * once, in the order first shown; the first `MAX_SHOWN_ARTICLES` only.
 * @example withShown(['vat-return'], [{ meta: { key: 'invoices' } }]) // ['vat-return', 'invoices']
 */
export function withShown(shown: readonly string[], results: readonly Pick<PagefindResult, 'meta'>[]): string[] {
  const keys = results.map((r) => r.meta.key).filter((key): key is string => Boolean(key))
  return [...new Set([...shown, ...keys])].slice(0, MAX_SHOWN_ARTICLES)
}
