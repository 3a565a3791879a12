/** The portal's incidents by role, a page at a time ("more" reads the next), with a search and filters on status, kind and (for an admin) contact, kept in the URL. */
import { useEffect, useRef, useState } from 'preact/hooks'
import { format } from '#lib/format.ts'
import { call, portalApi } from '../../lib/api.ts'
import { FailureNote } from '../../lib/ResultMessage.tsx'
import type { Viewer } from '../../lib/SignedIn.tsx'
import { useLoad } from '../../lib/use-load.ts'
import { EMPTY_QUERY, MAX_QUERY, apiQuery, listSearch, readListQuery, type ListQuery } from '../incident-list-view.ts'
import { KINDS, STATUSES, kindName, statusName } from '../labels.ts'
import type { PortalProps } from '../paths.ts'
import type { Row } from './common.ts'
import { Target } from './Target.tsx'

export function IncidentList({ viewer, lang, strings, paths }: PortalProps & { viewer: Viewer }) {
  const isAdmin = viewer.role === 'admin'
  // The search and filters live in the URL: a reload or a shared link shows the same list.
  const [query, setQuery] = useState<ListQuery>(() => (typeof location === 'undefined' ? EMPTY_QUERY : readListQuery(location.search)))
  const [typed, setTyped] = useState(query.q)
  const change = (patch: Partial<ListQuery>) => {
    const next = { ...query, ...patch }
    setQuery(next)
    history.replaceState(history.state, '', `${location.pathname}${listSearch(next)}${location.hash}`)
  }
  const { status, kind, contactId } = query
  // The contact filter offers the organisation's contacts; without them it offers none.
  const contacts = useLoad(async () => (isAdmin ? (await call(portalApi(lang).organisation.contacts.$get(), strings)).contacts : []), [isAdmin], strings).data ?? []
  const list = useLoad(() => call(portalApi(lang).incidents.$get({ query: apiQuery(query) }), strings), [query.q, status, kind, contactId], strings)
  // Pages read with "more" after the first; a new search or filter starts again at the first.
  const [more, setMore] = useState<{ rows: Row[]; next: string | null; failure?: string } | null>(null)
  const [isLoadingMore, setLoadingMore] = useState(false)
  useEffect(() => setMore(null), [list.data])
  const rows = list.data && [...list.data.incidents, ...(more?.rows ?? [])]
  const next = more ? more.next : list.data?.next ?? null
  const total = list.data?.total ?? null
  const error = list.message ?? more?.failure
  const firstNew = useRef<HTMLAnchorElement>(null)
  // The first row the last "more" brought: keyboard users go on there.
  const [firstNewIndex, setFirstNewIndex] = useState(-1)
  useEffect(() => firstNew.current?.focus(), [firstNewIndex])
  const loadMore = async () => {
    if (!next || !rows) return
    setLoadingMore(true)
    try {
      const page = await call(portalApi(lang).incidents.$get({ query: apiQuery(query, next) }), strings)
      setMore({ rows: [...(more?.rows ?? []), ...page.incidents], next: page.next })
      setFirstNewIndex(page.incidents.length ? rows.length : -1)
    } catch (failure) {
      setMore({ rows: more?.rows ?? [], next, failure: failure instanceof Error ? failure.message : String(failure) })
    } finally {
      setLoadingMore(false)
    }
  }
  const countText = rows && (total === null
    ? format(strings['incidents.shownMany'], { shown: rows.length })
    : rows.length < total
      ? format(strings['incidents.shown'], { shown: rows.length, count: total })
      : format(strings[total === 1 ? 'incidents.countOne' : 'incidents.count'], { count: total }))

  return (
    <>
      <p>{isAdmin ? strings['incidents.introAdmin'] : strings['incidents.introEmployee']}</p>
      <p><a class="button" href={paths.newIncident}>{strings['nav.new']}</a></p>
      <form role="search" class="filters" aria-label={strings['incidents.search']} onSubmit={(e) => { e.preventDefault(); change({ q: typed.trim().slice(0, MAX_QUERY) }) }}>
        <label>
          {strings['incidents.searchLabel']}
          <input type="search" name="q" value={typed} maxLength={MAX_QUERY} aria-describedby="incident-search-hint" onInput={(e) => setTyped(e.currentTarget.value)} />
        </label>
        <button type="submit">{strings['incidents.searchButton']}</button>
        {query.q && <button type="button" class="link-button" onClick={() => { setTyped(''); change({ q: '' }) }}>{strings['incidents.searchClear']}</button>}
        <p id="incident-search-hint" class="meta">{strings['incidents.searchHint']}</p>
      </form>
      <form class="filters" aria-label={strings['incidents.filters']} onSubmit={(e) => e.preventDefault()}>
        <label>
          {strings['incidents.status']}
          <select value={status} onChange={(e) => change({ status: e.currentTarget.value })}>
            <option value="">{strings['incidents.all']}</option>
            {STATUSES.map((s) => <option value={s}>{statusName(strings, s)}</option>)}
          </select>
        </label>
        <label>
          {strings['incidents.kind']}
          <select value={kind} onChange={(e) => change({ kind: e.currentTarget.value })}>
            <option value="">{strings['incidents.all']}</option>
            {KINDS.map((k) => <option value={k}>{kindName(strings, k)}</option>)}
          </select>
        </label>
        {isAdmin && (
          <label>
            {strings['incidents.contact']}
            <select value={contactId} onChange={(e) => change({ contactId: e.currentTarget.value })}>
              <option value="">{strings['incidents.all']}</option>
              {contacts.map((c) => <option value={c.id}>{c.name}</option>)}
            </select>
          </label>
        )}
      </form>
      <FailureNote message={error} />
      <div role="status" class="meta">{countText}</div>
      {rows && rows.length === 0 && <p>{strings['incidents.noneFound']}</p>}
      {rows === undefined && !error && <p class="meta">{strings.loading}</p>}
      {rows && rows.length > 0 && (
        <table class="stack">
          <caption class="visually-hidden">{strings['nav.incidents']}</caption>
          <thead>
            <tr>
              <th scope="col">{strings['incidents.number']}</th>
              <th scope="col">{strings['incidents.subject']}</th>
              <th scope="col">{strings['incidents.status']}</th>
              <th scope="col">{strings['incidents.priority']}</th>
              <th scope="col">{strings['incidents.due']}</th>
              {isAdmin && <th scope="col">{strings['incidents.contact']}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={row.id}>
                <td data-label={strings['incidents.number']}>{row.number}</td>
                <td data-label={strings['incidents.subject']}><a ref={index === firstNewIndex ? firstNew : undefined} href={`${paths.incidents}?id=${encodeURIComponent(row.id)}`}>{row.subject}</a></td>
                <td data-label={strings['incidents.status']}>{statusName(strings, row.status)}</td>
                <td data-label={strings['incidents.priority']}>{row.priority ?? <span class="meta">{strings['incidents.notSet']}</span>}</td>
                <td data-label={strings['incidents.due']}><Target sla={row.sla} lang={lang} strings={strings} /></td>
                {isAdmin && <td data-label={strings['incidents.contact']}>{row.contactName}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next && (
        <p>
          <button type="button" onClick={loadMore} disabled={isLoadingMore} aria-busy={isLoadingMore}>{isLoadingMore ? strings['incidents.loadingMore'] : strings['incidents.more']}</button>
        </p>
      )}
    </>
  )
}
