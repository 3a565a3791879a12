/** The portal's complaints and feedback: send a complaint or opinion, see the list by role, and follow one with support's replies. */
import { Fragment } from 'preact'
import { useEffect, useRef, useState } from 'preact/hooks'
import type { Language } from '../../../server/domain/desk.ts'
import type { ComplaintStatus, FeedbackKind } from '../../../server/domain/records.ts'
import { format } from '#lib/format.ts'
import type { PortalStrings } from '../../i18n/index.ts'
import { ApiFailure, call, messageOf, portalApi, type Success } from '../lib/api.ts'
import { historyOf, longMoment, targetState, type HistoryEntry } from './complaint-view.ts'
import { moment } from './format.ts'
import { SignedIn, type Viewer } from '../lib/SignedIn.tsx'
import type { PortalPaths } from './paths.ts'

interface Props {
  lang: Language
  strings: PortalStrings
  paths: PortalPaths
}

type Api = ReturnType<typeof portalApi>
type Row = Success<Awaited<ReturnType<Api['complaints']['$get']>>>['complaints'][number]
type Detail = Success<Awaited<ReturnType<Api['complaints'][':id']['$get']>>>['complaint']

export default function Complaints({ lang, strings, paths }: Props) {
  const id = typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('id')
  return (
    <SignedIn as="contact" lang={lang} strings={strings}>
      {(viewer) => (id ? <ComplaintPage id={id} lang={lang} strings={strings} paths={paths} /> : <Overview viewer={viewer} lang={lang} strings={strings} paths={paths} />)}
    </SignedIn>
  )
}

function kindName(strings: PortalStrings, kind: FeedbackKind): string {
  return strings[`complaints.kindName.${kind}`]
}

function statusName(strings: PortalStrings, status: ComplaintStatus): string {
  return strings[`complaints.status.${status === 'in_progress' ? 'inProgress' : status}`]
}

const pageOf = (paths: PortalPaths, id: string) => `${paths.complaints}?id=${encodeURIComponent(id)}`

/** The form, and below it what the contact may see; a sent complaint appears in the list at once. */
function Overview({ viewer, lang, strings, paths }: Props & { viewer: Viewer }) {
  const [listVersion, setListVersion] = useState(0)
  return (
    <>
      <ComplaintForm lang={lang} strings={strings} paths={paths} onSent={() => setListVersion((v) => v + 1)} />
      <ComplaintList viewer={viewer} lang={lang} strings={strings} paths={paths} version={listVersion} />
    </>
  )
}

type Field = 'kind' | 'subject' | 'text' | 'incidentNumber'
const FIELDS: readonly Field[] = ['kind', 'subject', 'text', 'incidentNumber']
const FIELD_ERRORS = {
  kind: 'complaints.kindError',
  subject: 'complaints.subjectError',
  text: 'complaints.textError',
  incidentNumber: 'complaints.incidentNumberError',
} as const satisfies Record<Field, keyof PortalStrings>

/** What the last send came to: the new complaint, or why it was not taken. */
type Outcome =
  | { kind: 'sent'; complaint: Detail }
  | { kind: 'failed'; message: string }

function ComplaintForm({ lang, strings, paths, onSent }: Props & { onSent: () => void }) {
  const [kind, setKind] = useState<FeedbackKind>('complaint')
  const [subject, setSubject] = useState('')
  const [text, setText] = useState('')
  const [incidentNumber, setIncidentNumber] = useState('')
  const [invalid, setInvalid] = useState<Partial<Record<Field, true>>>({})
  const [outcome, setOutcome] = useState<Outcome | undefined>()
  const [isBusy, setBusy] = useState(false)
  const result = useRef<HTMLDivElement>(null)

  // A fresh outcome object each send, so the same error twice still moves focus.
  useEffect(() => { if (outcome) result.current?.focus() }, [outcome])

  async function submit(event: Event) {
    event.preventDefault()
    setBusy(true)
    setInvalid({})
    try {
      const number = incidentNumber.trim()
      const json = { kind, subject, text, ...(number ? { incidentNumber: number } : {}) }
      const { complaint } = await call(portalApi(lang).complaints.$post({ json }), strings)
      setSubject('')
      setText('')
      setIncidentNumber('')
      setOutcome({ kind: 'sent', complaint })
      onSent()
    } catch (failure) {
      const fields = failure instanceof ApiFailure ? failure.fields ?? [] : []
      setInvalid(Object.fromEntries(fields.map((f) => f.path).filter((p): p is Field => (FIELDS as readonly string[]).includes(p)).map((p) => [p, true])))
      setOutcome({ kind: 'failed', message: messageOf(failure, strings) })
    } finally {
      setBusy(false)
    }
  }

  /** aria-describedby for a field: its hint, and its error when the server refused it. */
  const describedBy = (field: Field, hint?: string) => [hint, invalid[field] ? `complaint-${field}-error` : undefined].filter(Boolean).join(' ') || undefined
  const error = (field: Field) => invalid[field] && <p class="field-error" id={`complaint-${field}-error`}>{strings[FIELD_ERRORS[field]]}</p>

  return (
    <form class="portal-form" onSubmit={submit}>
      <h2>{strings['complaints.formTitle']}</h2>
      <p>{strings['complaints.formIntro']}</p>
      <p>{strings['complaints.incidentTip']} <a href={paths.newIncident}>{strings['nav.new']}</a></p>
      <fieldset class="field" aria-describedby={describedBy('kind')}>
        <legend>{strings['complaints.kindLegend']}</legend>
        {(['complaint', 'opinion'] as const).map((value) => {
          const label = value === 'complaint' ? 'complaints.kindComplaint' : 'complaints.kindOpinion'
          return (
            <div key={value}>
              <label class="choice">
                <input type="radio" name="kind" value={value} checked={kind === value} onChange={() => setKind(value)} aria-describedby={`complaint-kind-${value}-hint`} />
                <span>{strings[label]}</span>
              </label>
              <p class="hint" id={`complaint-kind-${value}-hint`}>{strings[`${label}Hint` as const]}</p>
            </div>
          )
        })}
        {error('kind')}
      </fieldset>
      <div class="field">
        <label for="complaint-subject">{strings['complaints.subject']}</label>
        <input id="complaint-subject" name="subject" required minLength={3} maxLength={200} value={subject} onInput={(e) => setSubject(e.currentTarget.value)}
          aria-invalid={invalid.subject ? 'true' : undefined} aria-describedby={describedBy('subject')} />
        {error('subject')}
      </div>
      <div class="field">
        <label for="complaint-text">{strings['complaints.text']}</label>
        <textarea id="complaint-text" name="text" required minLength={10} maxLength={10_000} value={text} onInput={(e) => setText(e.currentTarget.value)}
          aria-invalid={invalid.text ? 'true' : undefined} aria-describedby={describedBy('text', 'complaint-text-hint')} />
        <p class="hint" id="complaint-text-hint">{strings['complaints.textHint']}</p>
        {error('text')}
      </div>
      <div class="field">
        <label for="complaint-incidentNumber">{strings['complaints.incidentNumber']}</label>
        <input id="complaint-incidentNumber" name="incidentNumber" inputMode="numeric" pattern="\s*\d{1,12}\s*" maxLength={14} autocomplete="off"
          value={incidentNumber} onInput={(e) => setIncidentNumber(e.currentTarget.value)}
          aria-invalid={invalid.incidentNumber ? 'true' : undefined} aria-describedby={describedBy('incidentNumber', 'complaint-incidentNumber-hint')} />
        <p class="hint" id="complaint-incidentNumber-hint">{strings['complaints.incidentNumberHint']}</p>
        {error('incidentNumber')}
      </div>
      {outcome && (
        <div ref={result} tabIndex={-1}>
          {outcome.kind === 'failed'
            ? <p class="notice error" role="alert">{outcome.message}</p>
            : <Receipt complaint={outcome.complaint} lang={lang} strings={strings} paths={paths} />}
        </div>
      )}
      <div class="actions"><button type="submit" disabled={isBusy}>{strings['complaints.send']}</button></div>
    </form>
  )
}

/** What a sent complaint or opinion came to: its number, when the response is due, and its page. */
function Receipt({ complaint, lang, strings, paths }: { complaint: Detail; lang: Language; strings: PortalStrings; paths: PortalPaths }) {
  const isComplaint = complaint.kind === 'complaint'
  return (
    <div class="notice ok" role="status">
      <p>{format(strings[isComplaint ? 'complaints.receivedComplaint' : 'complaints.receivedOpinion'], { number: complaint.number })}</p>
      {complaint.dueAt && <p>{format(strings['complaints.dueNotice'], { when: longMoment(lang, complaint.dueAt, strings['complaints.moment']) })}</p>}
      <p>{strings['complaints.mailNotice']}</p>
      <p><a href={pageOf(paths, complaint.id)}>{format(strings['complaints.view'], { number: complaint.number })}</a></p>
    </div>
  )
}

/** The due time and whether it was met or missed; an opinion has none. */
function Target({ complaint, lang, strings, isLong = false }: { complaint: Row | Detail; lang: Language; strings: PortalStrings; isLong?: boolean }) {
  const state = targetState(complaint)
  if (state === 'none' || !complaint.dueAt) return <span class="meta">{isLong ? strings['complaints.targetNone'] : strings['complaints.noTarget']}</span>
  return (
    <span>
      <time dateTime={complaint.dueAt}>{isLong ? longMoment(lang, complaint.dueAt, strings['complaints.moment']) : moment(lang, complaint.dueAt)}</time>
      {state === 'missed' && <> <span class="badge breached">{strings['complaints.breached']}</span></>}
      {state === 'met' && <> <span class="badge ok">{strings['complaints.met']}</span></>}
    </span>
  )
}

function ComplaintList({ viewer, lang, strings, paths, version }: Props & { viewer: Viewer; version: number }) {
  const isAdmin = viewer.role === 'admin'
  const [rows, setRows] = useState<Row[] | undefined>()
  const [error, setError] = useState<string | undefined>()

  useEffect(() => {
    call(portalApi(lang).complaints.$get(), strings)
      .then((r) => { setRows(r.complaints); setError(undefined) })
      .catch((e) => setError(messageOf(e, strings)))
  }, [version])

  const title = strings[isAdmin ? 'complaints.listTitleAdmin' : 'complaints.listTitleEmployee']
  return (
    <section aria-labelledby="complaints-list-title">
      <h2 id="complaints-list-title">{title}</h2>
      <p>{strings[isAdmin ? 'complaints.listIntroAdmin' : 'complaints.listIntroEmployee']}</p>
      {error && <p class="notice error" role="alert">{error}</p>}
      {rows === undefined && !error && <p class="meta">{strings.loading}</p>}
      {rows?.length === 0 && <p class="meta">{strings['complaints.empty']}</p>}
      {rows && rows.length > 0 && (
        <table>
          <caption class="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{strings['complaints.number']}</th>
              <th scope="col">{strings['complaints.kind']}</th>
              <th scope="col">{strings['complaints.subject']}</th>
              <th scope="col">{strings['complaints.status']}</th>
              <th scope="col">{strings['complaints.due']}</th>
              {isAdmin && <th scope="col">{strings['complaints.contact']}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>{row.number}</td>
                <td>{kindName(strings, row.kind)}</td>
                <td><a href={pageOf(paths, row.id)}>{row.subject}</a></td>
                <td>{statusName(strings, row.status)}</td>
                <td><Target complaint={row} lang={lang} strings={strings} /></td>
                {isAdmin && <td>{row.contact.name}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

function ComplaintPage({ id, lang, strings, paths }: Props & { id: string }) {
  const [complaint, setComplaint] = useState<Detail | undefined>()
  const [error, setError] = useState<string | undefined>()

  useEffect(() => {
    call(portalApi(lang).complaints[':id'].$get({ param: { id } }), strings)
      .then((r) => setComplaint(r.complaint))
      .catch((e) => setError(messageOf(e, strings)))
  }, [id])

  const back = <p><a href={paths.complaints}>{strings['complaints.back']}</a></p>
  if (error) return <>{back}<p class="notice error" role="alert">{error}</p></>
  if (!complaint) return <p class="meta" role="status">{strings.loading}</p>
  const history = historyOf(complaint)
  return (
    <article class="complaint">
      {back}
      <h2>{format(strings['complaints.heading'], { kind: kindName(strings, complaint.kind), number: complaint.number, subject: complaint.subject })}</h2>
      <dl class="details">
        <dt>{strings['complaints.number']}</dt><dd>{complaint.number}</dd>
        <dt>{strings['complaints.kind']}</dt><dd>{kindName(strings, complaint.kind)}</dd>
        <dt>{strings['complaints.status']}</dt><dd>{statusName(strings, complaint.status)}</dd>
        <dt>{strings['complaints.due']}</dt><dd><Target complaint={complaint} lang={lang} strings={strings} isLong /></dd>
        <dt>{strings['complaints.contact']}</dt><dd>{complaint.contact.name}</dd>
        <dt>{strings['complaints.registered']}</dt><dd><time dateTime={complaint.registeredAt}>{moment(lang, complaint.registeredAt)}</time></dd>
        {complaint.incident && (
          <>
            <dt>{strings['complaints.incident']}</dt>
            <dd><a href={`${paths.incidents}?id=${encodeURIComponent(complaint.incident.id)}`}>{format(strings['complaints.incidentLink'], { number: complaint.incident.number, subject: complaint.incident.subject })}</a></dd>
          </>
        )}
      </dl>
      <h3>{strings['complaints.message']}</h3>
      <p class="prose"><Lines text={complaint.text} /></p>
      <h3>{strings['complaints.history']}</h3>
      <ol class="timeline">
        {history.map((entry, i) => <HistoryItem key={i} entry={entry} lang={lang} strings={strings} />)}
      </ol>
      {complaint.replies.length === 0 && <p class="meta">{strings['complaints.noReplies']}</p>}
    </article>
  )
}

/** Text as typed, line breaks kept: outside the timeline no class keeps white space. */
function Lines({ text }: { text: string }) {
  return <>{text.split('\n').map((line, i) => <Fragment key={i}>{i > 0 && <br />}{line}</Fragment>)}</>
}

function HistoryItem({ entry, lang, strings }: { entry: HistoryEntry<ComplaintStatus>; lang: Language; strings: PortalStrings }) {
  const by = entry.by.kind === 'staff' ? format(strings['complaints.bySupport'], { name: entry.by.name }) : entry.by.name
  const meta = <span class="meta"><time dateTime={entry.at}>{moment(lang, entry.at)}</time> · <span class="who">{by}</span></span>
  if (entry.type === 'status') {
    return <li class="status-change">{meta}<p>{format(strings['complaints.statusChanged'], { status: statusName(strings, entry.status) })}</p></li>
  }
  return <li class={`message${entry.by.kind === 'staff' ? ' from-staff' : ''}`}>{meta}<p class="text">{entry.text}</p></li>
}
