/** The triage queue: one team's incidents, all visible teams' or the viewer's own, filtered, kept in the URL and live every 5 seconds. */
import type { ClientResponse } from 'hono/client'
import { useEffect, useRef, useState } from 'preact/hooks'
import type { Language } from '../../../server/domain/desk.ts'
import { format } from '#lib/format.ts'
import type { StaffStrings } from '../../i18n/index.ts'
import { ApiFailure, call, messageOf, portalApi, type Success } from '../lib/api.ts'
import { moment } from '../portal/format.ts'
import { useDesk } from '../portal/labels.ts'
import { POLL_MS } from '../lib/polling.ts'
import type { StaffProps } from './props.ts'
import {
  QUEUE_KINDS, QUEUE_STATUSES, arrivals, clockTime, hasFilters, kindName, queueChoiceOf, readFilters, remainingText, rowClass, statusName,
  urgencyOf, withFilter, withQueueChoice, writeFilters, type QueueChoice, type QueueFilters, type QueueKind, type QueueStatus, type Sla,
} from './queue-view.ts'
import { SignedIn, type StaffViewer } from '../lib/SignedIn.tsx'

type Api = ReturnType<typeof portalApi>
// Only the JSON replies: the 304 has no body, which would make Success<> unknown.
type QueueReply = Success<Extract<Awaited<ReturnType<Api['staff']['queue']['$get']>>, ClientResponse<unknown, number, 'json'>>>
type Row = QueueReply['incidents'][number]
type Team = Success<Awaited<ReturnType<Api['staff']['people']['$get']>>>['teams'][number]

/** How often the queue asks whether anything changed; an unchanged queue costs the server a 304. */

export default function Queue({ lang, strings, paths }: StaffProps) {
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
  const [teamNames, setTeamNames] = useState<Team[]>([])
  const [organisations, setOrganisations] = useState<Map<string, string>>(new Map())
  const desk = useDesk(lang)
  const query = writeFilters(filters)
  const { reply, error, checkedAt, announcement } = useLiveQueue(lang, strings, query, isLive)

  useEffect(() => {
    call(portalApi(lang).staff.people.$get(), strings).then((r) => setTeamNames(r.teams)).catch(() => setTeamNames([]))
  }, [lang])

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
  const rows = reply?.incidents

  return (
    <>
      <form class="filters" aria-label={strings['queue.filters']} onSubmit={(e) => e.preventDefault()}>
        <label>
          {strings['queue.filter.queue']}
          <select value={choice} onChange={(e) => change(withQueueChoice(filters, e.currentTarget.value as QueueChoice))}>
            <option value="mine">{strings['queue.filter.mine']}</option>
            {withCurrent(teams, filters.team).map((key) => <option key={key} value={`team:${key}`}>{teamName(key)}</option>)}
            <option value="all">{allLabel}</option>
          </select>
        </label>
        <label>
          {strings['queue.filter.status']}
          <select value={filters.status ?? ''} onChange={(e) => change(withFilter(filters, 'status', e.currentTarget.value as QueueStatus | ''))}>
            <option value="">{strings['queue.filter.open']}</option>
            {QUEUE_STATUSES.map((s) => <option key={s} value={s}>{statusName(strings, s)}</option>)}
          </select>
        </label>
        <label>
          {strings['queue.filter.priority']}
          <select value={filters.priority ?? ''} onChange={(e) => change(withFilter(filters, 'priority', e.currentTarget.value ? Number(e.currentTarget.value) : ''))}>
            <option value="">{strings['queue.filter.any']}</option>
            {[1, 2, 3, 4, 5].map((level) => {
              const name = desk?.priorities.find((p) => p.level === level)?.name[lang]
              return <option key={level} value={level}>{name ? format(strings['queue.priorityOption'], { level, name }) : level}</option>
            })}
          </select>
        </label>
        <label>
          {strings['queue.filter.kind']}
          <select value={filters.kind ?? ''} onChange={(e) => change(withFilter(filters, 'kind', e.currentTarget.value as QueueKind | ''))}>
            <option value="">{strings['queue.filter.any']}</option>
            {QUEUE_KINDS.map((k) => <option key={k} value={k}>{kindName(strings, k)}</option>)}
          </select>
        </label>
        <label>
          {strings['queue.filter.productArea']}
          <select value={filters.productArea ?? ''} onChange={(e) => change(withFilter(filters, 'productArea', e.currentTarget.value))}>
            <option value="">{strings['queue.filter.any']}</option>
            {withCurrent(desk?.productAreas.map((a) => a.key) ?? [], filters.productArea).map((key) => (
              <option key={key} value={key}>{desk?.productAreas.find((a) => a.key === key)?.name[lang] ?? key}</option>
            ))}
          </select>
        </label>
        <label>
          {strings['queue.filter.organisation']}
          <select value={filters.organisationId ?? ''} onChange={(e) => change(withFilter(filters, 'organisationId', e.currentTarget.value))}>
            <option value="">{strings['queue.filter.any']}</option>
            {withCurrent([...organisations.keys()], filters.organisationId)
              .map((id) => ({ id, name: organisations.get(id) ?? id }))
              .sort((a, b) => a.name.localeCompare(b.name, lang))
              .map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
          </select>
        </label>
        <label>
          {strings['queue.filter.due']}
          <select value={filters.due ?? ''} onChange={(e) => change(withFilter(filters, 'due', e.currentTarget.value as QueueFilters['due'] | ''))}>
            <option value="">{strings['queue.filter.any']}</option>
            <option value="breached">{strings['queue.filter.breached']}</option>
            <option value="soon">{strings['queue.filter.soon']}</option>
          </select>
        </label>
        {hasFilters(filters) && (
          <button type="button" class="secondary" onClick={() => change(withQueueChoice({}, choice))}>{strings['queue.filter.reset']}</button>
        )}
      </form>

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
          {rows.length === 1 ? strings['queue.countOne'] : format(strings['queue.count'], { count: rows.length })}
          {checkedAt && <> · {format(strings['queue.updatedAt'], { time: clockTime(lang, checkedAt) })}</>}
        </p>
      )}
      {rows && rows.length === 0 && <p class="notice">{strings['queue.empty']}</p>}
      {rows && rows.length > 0 && (
        <table>
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
      )}
    </>
  )
}

function QueueRow({ row, teamName, lang, strings, href }: { row: Row; teamName: (key: string) => string; lang: Language; strings: StaffStrings; href: string }) {
  return (
    <tr class={rowClass(urgencyOf(row.sla))}>
      <td><a href={href}>{row.number}</a></td>
      <td>{row.subject}</td>
      <td>
        {row.organisation?.name}
        {row.organisation?.isFirstClass && <> <span class="badge">{strings['queue.firstClass']}</span></>}
      </td>
      <td>{statusName(strings, row.status)}</td>
      <td>{row.priority ?? <span class="badge">{strings['queue.needsPriority']}</span>}</td>
      <td>{teamName(row.team)}</td>
      <td>{row.assigneeName ?? <span class="meta">{strings['queue.unassigned']}</span>}</td>
      <td><Remaining sla={row.sla} lang={lang} strings={strings} /></td>
    </tr>
  )
}

/** The business time left in words, as a badge when due soon or breached, with the due moment and whether the clock is paused. */
function Remaining({ sla, lang, strings }: { sla: Sla; lang: Language; strings: StaffStrings }) {
  const urgency = urgencyOf(sla)
  const text = remainingText(strings, sla)
  const paused = sla?.isPaused ? <> <span class="badge">{strings['queue.paused']}</span></> : null
  if (!text || !sla?.dueAt) return <><span class="meta">{strings['queue.noTarget']}</span>{paused}</>
  return (
    <>
      {urgency === 'ok' ? <span>{text}</span> : <span class={`badge ${urgency === 'breached' ? 'breached' : 'soon'}`}>{text}</span>}
      {paused}{' '}
      <br />
      <time class="meta" dateTime={sla.dueAt}>{format(strings['queue.dueAt'], { moment: moment(lang, sla.dueAt) })}</time>
    </>
  )
}

/** `keys` with `current` added when missing, so a select always shows what the URL chose. */
function withCurrent(keys: readonly string[], current: string | undefined): string[] {
  return current && !keys.includes(current) ? [...keys, current] : [...keys]
}

/** The server's refusal of the team asked for: one the viewer may not see, or none at all. */
function isTeamRefusal(error: unknown): error is ApiFailure {
  return error instanceof ApiFailure && (error.code === 'team_not_allowed' || (error.fields ?? []).some((f) => f.path === 'team'))
}

interface LiveQueue {
  reply?: QueueReply
  error?: unknown
  /** When the server last confirmed the rows: its `asOf`, or the moment of a 304. */
  checkedAt?: string
  /** What the polite live region says: a new filter's count, or the incidents that arrived. */
  announcement: string
}

/**
 * The queue of `query`, asked again every 5 seconds with If-None-Match while `isLive` and the tab is
 * visible; a new query starts afresh and a reply for an old one is dropped.
 */
function useLiveQueue(lang: Language, strings: StaffStrings, query: string, isLive: boolean): LiveQueue {
  const [state, setState] = useState<Omit<LiveQueue, 'announcement'>>({})
  const [announcement, setAnnouncement] = useState('')
  const isLiveRef = useRef(isLive)
  isLiveRef.current = isLive
  const control = useRef<{ poll: () => void; stop: () => void }>()
  const hasQueried = useRef(false)

  useEffect(() => {
    let isCurrent = true
    let isBusy = false
    let hasLoaded = false
    let etag: string | undefined
    let timer: ReturnType<typeof setTimeout> | undefined
    const seen = new Set<string>()
    // The page's first queue is not announced; one the user chose is, by its count.
    const isChosen = hasQueried.current
    hasQueried.current = true
    setState({})

    const announce = (text: string) => {
      // Emptied first, so the same words twice ("1 nieuw incident") are read twice.
      setAnnouncement('')
      setTimeout(() => isCurrent && setAnnouncement(text), 150)
    }
    const stop = () => clearTimeout(timer)
    const schedule = () => {
      stop()
      if (isCurrent && isLiveRef.current && document.visibilityState === 'visible') timer = setTimeout(() => void poll(), POLL_MS)
    }
    async function poll() {
      if (isBusy || !isCurrent) return
      isBusy = true
      stop()
      try {
        const fresh = await fetchQueue(lang, query, etag, strings)
        if (!isCurrent) return
        if (!fresh) {
          setState((s) => ({ ...s, error: undefined, checkedAt: new Date().toISOString() }))
          return
        }
        etag = fresh.etag
        const arrived = arrivals(seen, fresh.reply.incidents)
        const count = fresh.reply.incidents.length
        if (hasLoaded && arrived.length > 0) announce(arrived.length === 1 ? strings['queue.arrivedOne'] : format(strings['queue.arrived'], { count: arrived.length }))
        else if (!hasLoaded && isChosen) announce(count === 1 ? strings['queue.countOne'] : format(strings['queue.count'], { count }))
        hasLoaded = true
        setState({ reply: fresh.reply, checkedAt: fresh.reply.asOf })
      } catch (error) {
        if (isCurrent) setState((s) => ({ ...s, error }))
      } finally {
        isBusy = false
        schedule()
      }
    }
    // A hidden tab does not ask; back in view it catches up at once.
    const onVisibility = () => (document.visibilityState === 'visible' && isLiveRef.current ? void poll() : stop())
    document.addEventListener('visibilitychange', onVisibility)
    control.current = { poll: () => void poll(), stop }
    void poll()
    return () => {
      isCurrent = false
      stop()
      document.removeEventListener('visibilitychange', onVisibility)
    }
  }, [lang, query])

  useEffect(() => {
    if (isLive) control.current?.poll()
    else control.current?.stop()
  }, [isLive])

  return { ...state, announcement }
}

/** The queue, or undefined when the server says it has not changed since `etag` (304). */
async function fetchQueue(lang: Language, query: string, etag: string | undefined, strings: StaffStrings): Promise<{ etag?: string; reply: QueueReply } | undefined> {
  // Plain fetch: the typed client has no way to send If-None-Match and read a 304.
  const request = fetch(`/api/staff/queue${query ? `?${query}` : ''}`, {
    headers: { 'Accept-Language': lang, ...(etag ? { 'If-None-Match': etag } : {}) },
    cache: 'no-store',
  })
  const res = await request.catch(() => {
    throw new ApiFailure(0, 'network', strings.network)
  })
  if (res.status === 304) return undefined
  const reply = (await call(Promise.resolve(res), strings)) as QueueReply
  // Compression marks the tag weak (W/"…") while the route compares the strong one: send the opaque part.
  return { etag: res.headers.get('ETag')?.replace(/^W\//, '') ?? undefined, reply }
}
