/** The portal incident list's pure parts: its search and filters ⇄ the page's query string, and the API's query for a page. */
import { KINDS, STATUSES } from './labels.ts'

/** What the list shows: a search and filters, each empty for none. */
export interface ListQuery {
  /** An incident number or words. */
  q: string
  status: string
  kind: string
  /** An admin's filter on who filed it. */
  contactId: string
}

export const EMPTY_QUERY: ListQuery = { q: '', status: '', kind: '', contactId: '' }

// Ids travel in the URL: accept only their plain shape, so a mangled link filters nothing.
const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,59}$/
/** The longest search the API takes. */
export const MAX_QUERY = 200

/**
 * The search and filters a query string holds; anything unknown or malformed is left out.
 * @example readListQuery('?q=printer&status=new') → { q: 'printer', status: 'new', kind: '', contactId: '' }
 */
export function readListQuery(search: string): ListQuery {
  const params = new URLSearchParams(search)
  const status = params.get('status') ?? ''
  const kind = params.get('kind') ?? ''
  const contactId = params.get('contactId') ?? ''
  return {
    q: (params.get('q') ?? '').trim().slice(0, MAX_QUERY),
    status: (STATUSES as readonly string[]).includes(status) ? status : '',
    kind: (KINDS as readonly string[]).includes(kind) ? kind : '',
    contactId: ID.test(contactId) ? contactId : '',
  }
}

/** The query's parameters that are set, in a fixed order. */
function setParams(query: ListQuery): [string, string][] {
  return (['q', 'status', 'kind', 'contactId'] as const).flatMap((key) => (query[key] ? [[key, query[key]] as [string, string]] : []))
}

/**
 * The page's query string for `query` ("" when nothing is set): what a link to this list keeps.
 * @example listSearch({ ...EMPTY_QUERY, q: 'btw fout' }) → '?q=btw+fout'
 */
export function listSearch(query: ListQuery): string {
  const params = new URLSearchParams(setParams(query))
  return params.size ? `?${params}` : ''
}

/** The API's query for the page of `query` after `cursor` (the first page without one). */
export function apiQuery(query: ListQuery, cursor?: string | null): Record<string, string> {
  return Object.fromEntries([...setParams(query), ...(cursor ? [['cursor', cursor] as [string, string]] : [])])
}
