/** The portal's incidents: the list by role with filters, and one incident's timeline (with the steps of consented access, and the remote-view code while it waits) with the customer's reaction. */
import { useEffect, useRef, useState } from 'preact/hooks'
import type { Language } from '../../../server/domain/desk.ts'
import { format } from '#lib/format.ts'
import type { PortalStrings } from '../../i18n/index.ts'
import { consentSentence } from './access-view.ts'
import { ApiFailure, call, messageOf, portalApi, type Success } from '../lib/api.ts'
import { moment, fileSize } from './format.ts'
import { SignedIn, type Viewer } from '../lib/SignedIn.tsx'
import type { PortalProps } from './paths.ts'
import { STATUSES, KINDS, statusName, kindName, useDesk, type Desk } from './labels.ts'
import { RemoteViewCode, useWaitingCodes } from './RemoteViewCode.tsx'

type Props = PortalProps

type Api = ReturnType<typeof portalApi>
type Row = Success<Awaited<ReturnType<Api['incidents']['$get']>>>['incidents'][number]
type Detail = Success<Awaited<ReturnType<Api['incidents'][':id']['$get']>>>
type Entry = Detail['timeline'][number]

export default function Incidents({ lang, strings, paths }: Props) {
  const id = typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('id')
  return (
    <SignedIn as="contact" lang={lang} strings={strings}>
      {(viewer) => (id ? <IncidentPage id={id} viewer={viewer} lang={lang} strings={strings} paths={paths} /> : <IncidentList viewer={viewer} lang={lang} strings={strings} paths={paths} />)}
    </SignedIn>
  )
}

/** The due time of a row or incident, with whether it is breached or paused. */
function Target({ sla, lang, strings }: { sla: Row['sla']; lang: Language; strings: PortalStrings }) {
  if (!sla?.dueAt) return <span class="meta">{strings['incidents.noTarget']}</span>
  return (
    <span>
      {moment(lang, sla.dueAt)}{' '}
      {sla.isBreached && <span class="badge breached">{strings['incidents.breached']}</span>}
      {sla.isPaused && <span class="badge">{strings['incidents.paused']}</span>}
    </span>
  )
}

function IncidentList({ viewer, lang, strings, paths }: Props & { viewer: Viewer }) {
  const isAdmin = viewer.role === 'admin'
  const [status, setStatus] = useState('')
  const [kind, setKind] = useState('')
  const [contactId, setContactId] = useState('')
  const [rows, setRows] = useState<Row[] | undefined>()
  const [error, setError] = useState<string | undefined>()
  const [contacts, setContacts] = useState<{ id: string; name: string }[]>([])

  useEffect(() => {
    if (!isAdmin) return
    call(portalApi(lang).organisation.contacts.$get(), strings).then((r) => setContacts(r.contacts)).catch(() => setContacts([]))
  }, [isAdmin])

  useEffect(() => {
    setError(undefined)
    const query = { ...(status ? { status } : {}), ...(kind ? { kind } : {}), ...(contactId ? { contactId } : {}) }
    call(portalApi(lang).incidents.$get({ query }), strings)
      .then((r) => setRows(r.incidents))
      .catch((e) => setError(messageOf(e, strings)))
  }, [status, kind, contactId])

  return (
    <>
      <p>{isAdmin ? strings['incidents.introAdmin'] : strings['incidents.introEmployee']}</p>
      <p><a class="button" href={paths.newIncident}>{strings['nav.new']}</a></p>
      <form class="filters" aria-label={strings['incidents.filters']} onSubmit={(e) => e.preventDefault()}>
        <label>
          {strings['incidents.status']}
          <select value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
            <option value="">{strings['incidents.all']}</option>
            {STATUSES.map((s) => <option value={s}>{statusName(strings, s)}</option>)}
          </select>
        </label>
        <label>
          {strings['incidents.kind']}
          <select value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
            <option value="">{strings['incidents.all']}</option>
            {KINDS.map((k) => <option value={k}>{kindName(strings, k)}</option>)}
          </select>
        </label>
        {isAdmin && (
          <label>
            {strings['incidents.contact']}
            <select value={contactId} onChange={(e) => setContactId(e.currentTarget.value)}>
              <option value="">{strings['incidents.all']}</option>
              {contacts.map((c) => <option value={c.id}>{c.name}</option>)}
            </select>
          </label>
        )}
      </form>
      {error && <p class="notice error" role="alert">{error}</p>}
      <div role="status" class="meta">{rows && format(strings[rows.length === 1 ? 'incidents.countOne' : 'incidents.count'], { count: rows.length })}</div>
      {rows === undefined && !error && <p class="meta">{strings.loading}</p>}
      {rows && rows.length > 0 && (
        <table>
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
            {rows.map((row) => (
              <tr key={row.id}>
                <td>{row.number}</td>
                <td><a href={`${paths.incidents}?id=${encodeURIComponent(row.id)}`}>{row.subject}</a></td>
                <td>{statusName(strings, row.status)}</td>
                <td>{row.priority ?? <span class="meta">{strings['incidents.notSet']}</span>}</td>
                <td><Target sla={row.sla} lang={lang} strings={strings} /></td>
                {isAdmin && <td>{row.contactName}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}

function IncidentPage({ id, viewer, lang, strings, paths }: Props & { id: string; viewer: Viewer }) {
  const [detail, setDetail] = useState<Detail | undefined>()
  const [error, setError] = useState<string | undefined>()
  const desk = useDesk(lang)
  const codes = useWaitingCodes(lang, strings, id)

  const load = () => call(portalApi(lang).incidents[':id'].$get({ param: { id } }), strings)
    .then((d) => { setDetail(d); setError(undefined) })
    .catch((e) => setError(messageOf(e, strings)))
  useEffect(() => { void load() }, [id])

  if (error && !detail) return <><p class="notice error" role="alert">{error}</p><p><a href={paths.incidents}>{strings['incidents.back']}</a></p></>
  if (!detail) return <p class="meta" role="status">{strings.loading}</p>
  const { incident, timeline, requester } = detail
  return (
    <article class="incident">
      <p><a href={paths.incidents}>{strings['incidents.back']}</a></p>
      <h2>{format(strings['incidents.heading'], { number: incident.number, subject: incident.subject })}</h2>
      {codes.map((view) => <RemoteViewCode key={view.id} view={view} strings={strings} paths={paths} />)}
      <dl class="details">
        <dt>{strings['incidents.status']}</dt><dd>{statusName(strings, incident.status)}</dd>
        <dt>{strings['incidents.priority']}</dt><dd>{incident.priority ? priorityText(desk, lang, incident.priority) : strings['incidents.notSet']}</dd>
        <dt>{strings['incidents.due']}</dt><dd><Target sla={incident.sla} lang={lang} strings={strings} /></dd>
        <dt>{strings['incidents.kind']}</dt><dd>{kindName(strings, incident.kind)}</dd>
        <dt>{strings['incidents.productArea']}</dt><dd>{desk?.productAreas.find((a) => a.key === incident.productArea)?.name[lang] ?? incident.productArea}</dd>
        <dt>{strings['incidents.contact']}</dt><dd>{requester.name}</dd>
        <dt>{strings['incidents.registered']}</dt><dd>{moment(lang, incident.registeredAt)}</dd>
      </dl>
      <h3>{strings['incidents.description']}</h3>
      <p class="text prose">{incident.description}</p>
      <h3>{strings['incidents.timeline']}</h3>
      <ol class="timeline">
        {timeline.map((entry, i) => <TimelineItem key={i} entry={entry} incidentId={incident.id} viewerName={viewer.name} lang={lang} strings={strings} />)}
      </ol>
      {detail.reactionRefusal
        ? <div class="notice"><p>{strings[detail.reactionRefusal === 'incident_closed' ? 'incidents.closedNote' : 'incidents.windowPassedNote']}</p><p><a href={paths.newIncident}>{strings['nav.new']}</a></p></div>
        : <Reaction incident={incident} lang={lang} strings={strings} onDone={load} />}
    </article>
  )
}

function priorityText(desk: Desk | undefined, lang: Language, level: number): string {
  const found = desk?.priorities.find((p) => p.level === level)
  return found ? `${level} – ${found.name[lang]}` : String(level)
}

function TimelineItem({ entry, incidentId, viewerName, lang, strings }: { entry: Entry; incidentId: string; viewerName: string; lang: Language; strings: PortalStrings }) {
  const when = <time dateTime={entry.at}>{moment(lang, entry.at)}</time>
  const download = (file: { id: string; fileName: string; size: number }) => (
    <li><a href={`/api/incidents/${encodeURIComponent(incidentId)}/attachments/${encodeURIComponent(file.id)}`} download={file.fileName}>{file.fileName}</a> <span class="meta">({fileSize(lang, file.size)})</span></li>
  )
  const by = entry.by.kind === 'staff' ? format(strings['incidents.bySupport'], { name: entry.by.name }) : entry.by.name
  switch (entry.type) {
    case 'status':
      return <li class="status-change"><span class="meta">{when} · {by}</span><p>{format(strings['incidents.statusChanged'], { status: statusName(strings, entry.status) })}</p></li>
    case 'message':
      return (
        <li class={`message${entry.by.kind === 'staff' ? ' from-staff' : ''}`}>
          <span class="meta">{when} · <span class="who">{by}</span></span>
          <p class="text">{entry.text}</p>
          {entry.attachments.length > 0 && <ul class="files" aria-label={strings['incidents.files']}>{entry.attachments.map(download)}</ul>}
        </li>
      )
    case 'attachment':
      return <li class="message"><span class="meta">{when} · <span class="who">{by}</span></span><ul class="files" aria-label={strings['incidents.files']}>{download(entry.attachment)}</ul></li>
    case 'consent':
      // The sentence names who did it ("U" for the viewer), so the line above it holds only the moment.
      return <li class="consent-step"><span class="meta">{when}</span><p>{consentSentence(lang, strings, entry, viewerName)}</p></li>
  }
}

/** The customer's reaction: a text, optionally with one file; a resolved incident reopens by it. */
function Reaction({ incident, lang, strings, onDone }: { incident: Detail['incident']; lang: Language; strings: PortalStrings; onDone: () => Promise<void> }) {
  const [text, setText] = useState('')
  const [error, setError] = useState<string | undefined>()
  const [done, setDone] = useState<string | undefined>()
  const [isBusy, setBusy] = useState(false)
  const fileInput = useRef<HTMLInputElement>(null)
  const result = useRef<HTMLParagraphElement>(null)

  async function submit(event: Event) {
    event.preventDefault()
    setBusy(true)
    setError(undefined)
    setDone(undefined)
    try {
      const file = fileInput.current?.files?.[0]
      if (file) await upload(incident.id, file, text, lang, strings)
      else await call(portalApi(lang).incidents[':id'].messages.$post({ param: { id: incident.id }, json: { text, visibility: 'public' } }), strings)
      setText('')
      if (fileInput.current) fileInput.current.value = ''
      await onDone()
      setDone(strings['incidents.reactionSent'])
      result.current?.focus()
    } catch (failure) {
      setError(messageOf(failure, strings))
      result.current?.focus()
    } finally {
      setBusy(false)
    }
  }

  return (
    <form class="portal-form" onSubmit={submit}>
      <h3>{strings['incidents.react']}</h3>
      {incident.status === 'resolved' && <p class="hint">{strings['incidents.reopenHint']}</p>}
      <div class="field">
        <label for="reaction-text">{strings['incidents.reactionText']}</label>
        <textarea id="reaction-text" name="text" required maxLength={20_000} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for="reaction-file">{strings['incidents.attachment']}</label>
        <input id="reaction-file" type="file" name="file" ref={fileInput} aria-describedby="reaction-file-hint" accept=".png,.jpg,.jpeg,.pdf,.txt,.log,.csv,.zip" />
        <p class="hint" id="reaction-file-hint">{strings['incidents.attachmentHint']}</p>
      </div>
      <p ref={result} tabIndex={-1} class={error ? 'notice error' : done ? 'notice ok' : 'visually-hidden'} role={error ? 'alert' : 'status'}>{error ?? done ?? ''}</p>
      <div class="actions"><button type="submit" disabled={isBusy}>{strings['incidents.send']}</button></div>
    </form>
  )
}

/** Sends a file with the reaction's text as multipart (the typed client has no form type for this route). */
async function upload(incidentId: string, file: File, text: string, lang: Language, strings: PortalStrings): Promise<void> {
  const body = new FormData()
  body.set('file', file)
  if (text.trim()) body.set('text', text)
  const request = fetch(`/api/incidents/${encodeURIComponent(incidentId)}/attachments`, { method: 'POST', body, headers: { 'Accept-Language': lang } })
  await call(request, strings).catch((error) => {
    throw error instanceof ApiFailure ? error : new ApiFailure(0, 'network', strings.network)
  })
}
