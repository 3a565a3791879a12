/** The console's search and the queue's further pages, their pure parts: the search in the URL, the API's query for it, and pages joined without doubles. */
import { readFilters, type QueueFilters } from './queue-view.ts'

/** The longest search the API takes. */
export const MAX_SEARCH = 200

/** The search a query string holds (`q`), trimmed; "" for none. @example readSearch('?team=finance&q=printer') → 'printer' */
export function readSearch(search: string): string {
  return (new URLSearchParams(search).get('q') ?? '').trim().slice(0, MAX_SEARCH)
}

/**
 * The page's query string (without "?") of the queue's `filters` (as writeFilters wrote them) and a
 * search: a reload or a shared link shows the same.
 * @example withSearch('team=finance', 'printer') → 'team=finance&q=printer'
 */
export function withSearch(filtersQuery: string, q: string): string {
  return [filtersQuery, q ? new URLSearchParams({ q }).toString() : ''].filter(Boolean).join('&')
}

/**
 * The incident list's query for a staff search with the queue's filters beside it (those the list
 * takes: team, mine, status, kind, organisation); every status unless one is chosen.
 */
export function searchApiQuery(filters: QueueFilters, q: string, cursor?: string | null): Record<string, string> {
  const query: Record<string, string> = { q }
  if (filters.isMine) query.mine = '1'
  if (filters.team) query.team = filters.team
  if (filters.status) query.status = filters.status
  if (filters.kind) query.kind = filters.kind
  if (filters.organisationId) query.organisationId = filters.organisationId
  if (cursor) query.cursor = cursor
  return query
}

/** The first page's rows, then the later pages' that it does not already hold (a live first page may have taken some in). */
export function joinPages<T extends { id: string }>(first: readonly T[], later: readonly T[]): T[] {
  const seen = new Set(first.map((row) => row.id))
  return [...first, ...later.filter((row) => !seen.has(row.id))]
}

/** The queue's filters the search page offers beside its box: those the incident list takes and the page can name. */
export const SEARCH_FILTERS = ['status', 'kind'] as const satisfies readonly (keyof QueueFilters)[]

/**
 * The search page's filters in a query string: the queue (mine, a team, all) and SEARCH_FILTERS;
 * any other queue filter in a link is dropped, as the search cannot apply it.
 * @example readSearchFilters('?team=finance&priority=2&kind=bug') → { team: 'finance', kind: 'bug' }
 */
export function readSearchFilters(search: string): QueueFilters {
  const { team, isMine, status, kind } = readFilters(search)
  return Object.fromEntries(Object.entries({ team, isMine, status, kind }).filter(([, v]) => v !== undefined)) as QueueFilters
}
