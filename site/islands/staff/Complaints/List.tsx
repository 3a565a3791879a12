/** The complaints queue: open ones earliest due first by default, filtered by status and handler (kept in the URL), further pages with "more". */
import { useEffect, useState } from 'preact/hooks'
import { format } from '#lib/format.ts'
import { call, messageOf, portalApi } from '../../lib/api.ts'
import { Pending } from '../../lib/ResultMessage.tsx'
import { useLoad } from '../../lib/use-load.ts'
import { useMore } from '../../lib/use-more.ts'
import type { StaffProps } from '../props.ts'
import {
  COMPLAINT_STATUSES, complaintQuery, complaintStatusName, complaintUrgency, readComplaintFilters, writeComplaintFilters,
  type AssigneeChoice, type ComplaintFilters, type StatusChoice,
} from '../complaints-view.ts'
import { rowClass } from '../queue-view.ts'
import type { StaffComplaint } from './common.ts'
import { Due } from './Due.tsx'

export function ComplaintList({ lang, strings, paths }: StaffProps) {
  const [filters, setFilters] = useState<ComplaintFilters>(() => (typeof location === 'undefined' ? {} : readComplaintFilters(location.search)))
  const search = writeComplaintFilters(filters)
  const query = complaintQuery(filters)
  const read = (cursor?: string) => call(portalApi(lang).staff.complaints.$get({ query: { ...query, ...(cursor ? { cursor } : {}) } }), strings)
  const first = useLoad(() => read(), [lang, search], strings)
  const more = useMore(async (cursor) => {
    const page = await read(cursor)
    return { rows: page.complaints, next: page.next }
  }, first.data?.next, search)

  // A reload or a shared link opens the same list.
  useEffect(() => {
    const url = `${location.pathname}${search ? `?${search}` : ''}`
    if (url !== `${location.pathname}${location.search}`) history.replaceState(history.state, '', url)
  }, [search])

  const rows = first.data && [...first.data.complaints, ...more.rows]
  const total = first.data?.total ?? null
  const statusChoice: StatusChoice = filters.status ?? 'open'
  const href = (row: StaffComplaint) => `${paths.complaints}?id=${encodeURIComponent(row.id)}`

  return (
    <>
      <form class="filters" aria-label={strings['complaints.filters']} onSubmit={(e) => e.preventDefault()}>
        <label>
          {strings['complaints.filter.status']}
          <select value={statusChoice} onChange={(e) => {
            const value = e.currentTarget.value as StatusChoice
            setFilters({ ...filters, status: value === 'open' ? undefined : value })
          }}>
            <option value="open">{strings['complaints.filter.open']}</option>
            {COMPLAINT_STATUSES.map((s) => <option key={s} value={s}>{complaintStatusName(strings, s)}</option>)}
            <option value="all">{strings['complaints.filter.all']}</option>
          </select>
        </label>
        <label>
          {strings['complaints.filter.assignee']}
          <select value={filters.assignee ?? ''} onChange={(e) => setFilters({ ...filters, assignee: (e.currentTarget.value || undefined) as AssigneeChoice | undefined })}>
            <option value="">{strings['complaints.filter.anyone']}</option>
            <option value="me">{strings['complaints.filter.mine']}</option>
            <option value="none">{strings['complaints.filter.nobody']}</option>
          </select>
        </label>
      </form>
      {!rows && <Pending message={first.message} loading={strings.loading} />}
      {rows && (
        <p class="meta" role="status">
          {total !== null && rows.length < total ? format(strings['complaints.shown'], { shown: rows.length, count: total })
            : rows.length === 1 ? strings['complaints.countOne'] : format(strings['complaints.count'], { count: rows.length })}
        </p>
      )}
      {rows && rows.length === 0 && <p class="notice">{strings['complaints.empty']}</p>}
      {rows && rows.length > 0 && (
        <table class="stack">
          <caption class="visually-hidden">{strings['complaints.caption']}</caption>
          <thead>
            <tr>
              <th scope="col">{strings['complaints.column.number']}</th>
              <th scope="col">{strings['complaints.column.kind']}</th>
              <th scope="col">{strings['complaints.column.subject']}</th>
              <th scope="col">{strings['complaints.column.organisation']}</th>
              <th scope="col">{strings['complaints.column.status']}</th>
              <th scope="col">{strings['complaints.column.assignee']}</th>
              <th scope="col">{strings['complaints.column.due']}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const urgency = complaintUrgency(row)
              return (
                <tr key={row.id} class={rowClass(urgency === 'breached' ? 'breached' : urgency === 'nearing' ? 'soon' : 'ok')}>
                  <td data-label={strings['complaints.column.number']}><a href={href(row)}>{row.number}</a></td>
                  <td data-label={strings['complaints.column.kind']}>{strings[`complaints.kind.${row.kind}`]}</td>
                  <td data-label={strings['complaints.column.subject']}>{row.subject}</td>
                  <td data-label={strings['complaints.column.organisation']}>{row.organisation.name}</td>
                  <td data-label={strings['complaints.column.status']}>{complaintStatusName(strings, row.status)}</td>
                  <td data-label={strings['complaints.column.assignee']}>{row.assignee?.name ?? <span class="meta">{strings['complaints.unassigned']}</span>}</td>
                  <td data-label={strings['complaints.column.due']}><Due complaint={row} lang={lang} strings={strings} /></td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
      {more.failure !== undefined && <p class="notice error" role="alert">{messageOf(more.failure, strings)}</p>}
      {rows && more.next && (
        <p><button type="button" onClick={more.load} disabled={more.isLoading} aria-busy={more.isLoading}>{more.isLoading ? strings['complaints.loadingMore'] : strings['complaints.more']}</button></p>
      )}
    </>
  )
}
