/** The triage queue: one team's incidents, all visible teams' or the viewer's own, filtered, kept in the URL and live through the server's event stream; further pages with "more". The search has its own page. */
import { useEffect, useState } from 'preact/hooks'
import { format } from '#lib/format.ts'
import { ApiFailure, call, messageOf, portalApi } from '../../lib/api.ts'
import { SignedIn, type StaffViewer } from '../../lib/SignedIn.tsx'
import { useLoad } from '../../lib/use-load.ts'
import type { StaffProps } from '../props.ts'
import { clockTime, queueChoiceOf, readFilters, withQueueChoice, writeFilters, type QueueFilters } from '../queue-view.ts'
import { useMore } from '../../lib/use-more.ts'
import { joinPages, readSearch } from '../staff-search-view.ts'
import type { QueueReply, Team } from './common.ts'
import { Filters } from './Filters.tsx'
import { QueueRow } from './QueueRow.tsx'
import { useLiveQueue } from './use-live-queue.ts'

export default function Queue({ lang, strings, paths }: StaffProps) {
  // A link from before the search had its own page (`/staff/?q=…`) opens the search page.
  if (typeof location !== 'undefined' && readSearch(location.search)) {
    location.replace(`${paths.search}${location.search}`)
    return null
  }
  return (
    <SignedIn as="staff" lang={lang} strings={strings}>
      {(viewer) => <QueuePage viewer={viewer} lang={lang} strings={strings} paths={paths} />}
    </SignedIn>
  )
}

function QueuePage({ viewer, lang, strings, paths }: StaffProps & { viewer: StaffViewer }) {
  const [filters, setFilters] = useState<QueueFilters>(() => (typeof location === 'undefined' ? {} : readFilters(location.search)))
  const [isLive, setLive] = useState(true)
  const [notice, setNotice] = useState<string | undefined>()
  const [organisations, setOrganisations] = useState<Map<string, string>>(new Map())
  const query = writeFilters(filters)
  const { reply, error, checkedAt, announcement } = useLiveQueue(lang, strings, query, isLive)
  // The live queue is its first page; "more" reads the pages after it.
  const more = useMore(async (cursor) => {
    const page = await call(portalApi(lang).staff.queue.$get({ query: { ...Object.fromEntries(new URLSearchParams(query)), cursor } }), strings) as QueueReply
    return { rows: page.incidents, next: page.next }
  }, reply?.next, query)

  // Without the names the queue shows the teams' keys.
  const teamNames: Team[] = useLoad(async () => (await call(portalApi(lang).staff.people.$get(), strings)).teams, [lang], strings).data ?? []

  // A reload or a shared link opens the same queue with the same filters.
  useEffect(() => {
    const url = `${location.pathname}${query ? `?${query}` : ''}${location.hash}`
    if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(history.state, '', url)
  }, [query])

  // The organisation filter offers the organisations the queue has shown; the API has no staff list of them.
  useEffect(() => {
    if (!reply) return
    setOrganisations((known) => {
      const fresh = reply.incidents.flatMap((row) => (row.organisation && !known.has(row.organisation.id) ? [row.organisation] : []))
      return fresh.length === 0 ? known : new Map([...known, ...fresh.map((o) => [o.id, o.name] as const)])
    })
  }, [reply])

  // A link to a team this viewer may not see opens all their teams instead, saying why.
  useEffect(() => {
    if (!filters.team || !isTeamRefusal(error)) return
    setNotice(error.message)
    setFilters(withQueueChoice(filters, 'all'))
  }, [error])

  const change = (next: QueueFilters) => {
    setNotice(undefined)
    setFilters(next)
  }
  const teamName = (key: string) => teamNames.find((t) => t.key === key)?.name[lang] ?? key
  const teams = reply?.teams ?? (viewer.role === 'agent' ? viewer.teams : teamNames.map((t) => t.key))
  const choice = queueChoiceOf(filters)
  const allLabel = strings[viewer.role === 'agent' ? 'queue.filter.myTeams' : 'queue.filter.allTeams']
  const queueLabel = choice === 'mine' ? strings['queue.filter.mine'] : filters.team ? teamName(filters.team) : allLabel
  const rows = reply && joinPages(reply.incidents, more.rows)
  const total = reply?.total ?? null

  return (
    <>
      <Filters filters={filters} choice={choice} teams={teams} teamName={teamName} allLabel={allLabel} organisations={organisations}
        lang={lang} strings={strings} onChange={change} />

      <p class="meta">
        <label class="choice">
          <input type="checkbox" checked={isLive} onChange={(e) => setLive(e.currentTarget.checked)} />
          {strings['queue.liveToggle']}
        </label>
      </p>
      {/* Always in the page, so screen readers hear new arrivals without the focus moving. */}
      <p class="visually-hidden" aria-live="polite" aria-atomic="true">{announcement}</p>
      {notice && <p class="notice">{notice}</p>}
      {error !== undefined && !isTeamRefusal(error) && <p class="notice error" role="alert">{messageOf(error, strings)}</p>}
      {rows === undefined && error === undefined && <p class="meta" role="status">{strings.loading}</p>}
      {rows && (
        <p class="meta">
          {total !== null && rows.length < total ? format(strings['queue.shown'], { shown: rows.length, count: total })
            : total === null ? format(strings['queue.shownMany'], { shown: rows.length })
            : rows.length === 1 ? strings['queue.countOne'] : format(strings['queue.count'], { count: rows.length })}
          {checkedAt && <> · {format(strings['queue.updatedAt'], { time: clockTime(lang, checkedAt) })}</>}
        </p>
      )}
      {rows && rows.length === 0 && <p class="notice">{strings['queue.empty']}</p>}
      {rows && rows.length > 0 && (
        <div class="table-scroll">
          <table class="stack">
            <caption class="visually-hidden">{format(strings['queue.caption'], { queue: queueLabel })}</caption>
            <thead>
              <tr>
                <th scope="col">{strings['queue.column.number']}</th>
                <th scope="col">{strings['queue.column.subject']}</th>
                <th scope="col">{strings['queue.column.organisation']}</th>
                <th scope="col">{strings['queue.column.status']}</th>
                <th scope="col">{strings['queue.column.priority']}</th>
                <th scope="col">{strings['queue.column.team']}</th>
                <th scope="col">{strings['queue.column.assignee']}</th>
                <th scope="col">{strings['queue.column.due']}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => <QueueRow key={row.id} row={row} teamName={teamName} lang={lang} strings={strings} href={`${paths.incident}?id=${encodeURIComponent(row.id)}`} />)}
            </tbody>
          </table>
        </div>
      )}
      {more.failure !== undefined && <p class="notice error" role="alert">{messageOf(more.failure, strings)}</p>}
      {rows && more.next && (
        <p><button type="button" onClick={more.load} disabled={more.isLoading} aria-busy={more.isLoading}>{more.isLoading ? strings['queue.loadingMore'] : strings['queue.more']}</button></p>
      )}
    </>
  )
}

/** The server's refusal of the team asked for: one the viewer may not see, or none at all. */
function isTeamRefusal(error: unknown): error is ApiFailure {
  return error instanceof ApiFailure && (error.code === 'team_not_allowed' || (error.fields ?? []).some((f) => f.path === 'team'))
}
