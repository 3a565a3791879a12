/** The reader's last KB search in this tab, so "not helpful" on the article it led to can carry it to support. */

const KEY = 'loket:last-search'

/** Remembers `query` as the search that led to the article being opened; quietly nothing where storage is refused. */
export function rememberSearch(query: string): void {
  try {
    if (query.trim()) sessionStorage.setItem(KEY, query.trim().slice(0, 200))
  } catch {
    // Storage refused (private mode, a sandbox): the hand-off then carries the article alone.
  }
}

/** The search remembered in this tab, or '' when there is none. */
export function lastSearch(): string {
  try {
    return sessionStorage.getItem(KEY) ?? ''
  } catch {
    return ''
  }
}
