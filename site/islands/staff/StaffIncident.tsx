/** The console's incident page: who filed it and why, the whole timeline with internal notes and consent steps, triage by the priority guidance, replies, notes and calls, access and consent, and the organisation's other incidents. */
import { useEffect, useRef, useState } from 'preact/hooks'
import type { Language } from '../../../server/domain/desk.ts'
import { format } from '#lib/format.ts'
import type { StaffStrings } from '../../i18n/index.ts'
import { ApiFailure, call, messageOf, portalApi, type Success } from '../lib/api.ts'
import { formErrors } from '../lib/field-errors.ts'
import { fileSize, moment } from '../portal/format.ts'
import { AccessPanel, ResultMessage, type Result } from './AccessPanel.tsx'
import {
  assigneeForTeam, assigneeOptions, consentSentence, entryMark, isInternal, kindName, priorityOptions, statusName, statusOptions, triageChange,
  type EntryMark, type TriageForm,
} from './incident-view.ts'
import type { StaffPaths, StaffProps } from './props.ts'
import { RemoteViewPanel } from './RemoteViewPanel.tsx'
import { SignedIn } from '../lib/SignedIn.tsx'

type Api = ReturnType<typeof portalApi>
type Detail = Success<Awaited<ReturnType<Api['incidents'][':id']['$get']>>>
type StaffContext = 'organisation' | 'contact' | 'history'
/** The incident as staff get it: always with the organisation, the requester's details and the history. */
type StaffDetail = Omit<Detail, StaffContext> & { [K in StaffContext]-?: Exclude<Detail[K], undefined> }
type Incident = StaffDetail['incident']
type Entry = StaffDetail['timeline'][number]
type People = Success<Awaited<ReturnType<Api['staff']['people']['$get']>>>
type Desk = Success<Awaited<ReturnType<Api['desk']['$get']>>>

interface PageProps {
  lang: Language
  strings: StaffStrings
  paths: StaffPaths
}

export default function StaffIncident({ lang, strings, paths }: StaffProps) {
  const id = typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('id')
  return (
    <SignedIn as="staff" lang={lang} strings={strings}>
      {() => (id
        ? <IncidentPage id={id} lang={lang} strings={strings} paths={paths} />
        : <p class="notice">{strings['incident.missingId']} <a href={paths.queue}>{strings['incident.backToQueue']}</a></p>)}
    </SignedIn>
  )
}

function IncidentPage({ id, lang, strings, paths }: PageProps & { id: string }) {
  const [detail, setDetail] = useState<StaffDetail | undefined>()
  const [error, setError] = useState<string | undefined>()
  const [reference, setReference] = useState<{ people: People; desk: Desk } | undefined>()
  const [referenceError, setReferenceError] = useState<string | undefined>()

  /** Reads the incident again; a failure shows above the page and keeps what is there. */
  const load = () => call(portalApi(lang).incidents[':id'].$get({ param: { id } }), strings)
    // GET as staff always carries the staff context.
    .then((d) => { setDetail(d as StaffDetail); setError(undefined) })
    .catch((e) => setError(messageOf(e, strings)))

  useEffect(() => {
    void load()
    Promise.all([call(portalApi(lang).staff.people.$get(), strings), call(portalApi(lang).desk.$get(), strings)])
      .then(([people, desk]) => setReference({ people, desk }))
      .catch((e) => setReferenceError(messageOf(e, strings)))
  }, [id])

  const back = <p><a href={paths.queue}>{strings['incident.backToQueue']}</a></p>
  if (error && !detail) return <><p class="notice error" role="alert">{error}</p>{back}</>
  if (!detail) return <p class="meta" role="status">{strings.loading}</p>
  const { incident, organisation, contact, requester, timeline, history } = detail
  const desk = reference?.desk
  const priority = incident.priority && desk?.priorities.find((p) => p.level === incident.priority)
  const teamName = (key: string) => reference?.people.teams.find((t) => t.key === key)?.name[lang] ?? key
  const assignee = incident.assigneeId && (reference?.people.staff.find((s) => s.id === incident.assigneeId)?.name ?? incident.assigneeId)
  const organisationName = organisation?.name ?? strings['incident.unknownOrganisation']
  const none = <span class="meta">{strings['incident.none']}</span>

  return (
    <article class="incident">
      {back}
      <h2>{format(strings['incident.heading'], { number: incident.number, subject: incident.subject })}</h2>
      {error && <p class="notice error" role="alert">{error}</p>}
      <dl class="details">
        <dt>{strings['incident.organisation']}</dt>
        <dd>
          {organisationName}{' '}
          {organisation?.isFirstClass ? <span class="badge ok">{strings['incident.firstClass']}</span> : <span class="meta">({strings['incident.notFirstClass']})</span>}
        </dd>
        <dt>{strings['incident.customerNumber']}</dt><dd>{organisation?.customerNumber ?? none}</dd>
        <dt>{strings['incident.requester']}</dt><dd>{contact?.name ?? requester.name}</dd>
        <dt>{strings['incident.email']}</dt><dd>{contact ? <a href={`mailto:${contact.email}`}>{contact.email}</a> : none}</dd>
        <dt>{strings['incident.role']}</dt><dd>{contact ? strings[contact.role === 'admin' ? 'incident.role.admin' : 'incident.role.employee'] : none}</dd>
        <dt>{strings['incident.registered']}</dt><dd><time dateTime={incident.registeredAt}>{moment(lang, incident.registeredAt)}</time></dd>
        <dt>{strings['incident.kind']}</dt><dd>{kindName(strings, incident.kind)}</dd>
        <dt>{strings['incident.productArea']}</dt><dd>{desk?.productAreas.find((a) => a.key === incident.productArea)?.name[lang] ?? incident.productArea}</dd>
        <dt>{strings['incident.status']}</dt><dd>{statusName(strings, incident.status)}</dd>
        <dt>{strings['incident.priority']}</dt>
        <dd>{!incident.priority ? strings['incident.notSet'] : priority ? format(strings['incident.triage.priorityOption'], { level: incident.priority, name: priority.name[lang] }) : incident.priority}</dd>
        <dt>{strings['incident.team']}</dt><dd>{teamName(incident.team)}</dd>
        <dt>{strings['incident.assignee']}</dt><dd>{assignee || strings['incident.unassigned']}</dd>
        <dt>{strings['incident.due']}</dt><dd class="due"><Target sla={incident.sla} lang={lang} strings={strings} /></dd>
        <dt>{strings['incident.kbQuery']}</dt><dd>{incident.kbQuery ? <q>{incident.kbQuery}</q> : none}</dd>
        <dt>{strings['incident.kbArticles']}</dt>
        <dd>{incident.kbArticles.length > 0 ? <ul class="files">{incident.kbArticles.map((key) => <li key={key}><code>{key}</code></li>)}</ul> : none}</dd>
      </dl>

      <h3>{strings['incident.description']}</h3>
      <p class="text prose">{incident.description}</p>

      <h3>{strings['incident.timeline']}</h3>
      <ol class="timeline">
        {timeline.map((entry, i) => <TimelineItem key={i} entry={entry} incidentId={incident.id} lang={lang} strings={strings} />)}
      </ol>

      {referenceError && <p class="notice error" role="alert">{referenceError}</p>}
      {reference
        ? <Triage incident={incident} organisationName={organisationName} isFirstClass={organisation?.isFirstClass ?? false} people={reference.people} desk={reference.desk} lang={lang} strings={strings} onReload={load} />
        : !referenceError && <p class="meta">{strings.loading}</p>}
      <Reply incident={incident} email={contact?.email ?? requester.name} lang={lang} strings={strings} onReload={load} />
      <CallLog incident={incident} lang={lang} strings={strings} onReload={load} />
      <section class="access" aria-labelledby="access-title">
        <h3 id="access-title">{strings['access.panel.title']}</h3>
        <section aria-labelledby="remote-view-title">
          <h4 id="remote-view-title">{strings['access.remoteView.title']}</h4>
          <RemoteViewPanel incidentId={incident.id} lang={lang} strings={strings} />
        </section>
        <AccessPanel incidentId={incident.id} organisationName={organisationName} lang={lang} strings={strings} onChanged={() => void load()} />
      </section>
      <History history={history} organisationName={organisationName} lang={lang} strings={strings} paths={paths} />
    </article>
  )
}

/** The due time exactly as the server computed it, with whether it is breached or paused. */
function Target({ sla, lang, strings }: { sla: Incident['sla']; lang: Language; strings: StaffStrings }) {
  if (!sla?.dueAt) return <span class="meta">{strings['incident.noTarget']}</span>
  return (
    <span>
      <time dateTime={sla.dueAt}>{moment(lang, sla.dueAt)}</time>{' '}
      {sla.isBreached && <span class="badge breached">{strings['incident.breached']}</span>}
      {sla.isPaused && <span class="badge">{strings['incident.paused']}</span>}
    </span>
  )
}

const MARK_KEYS = {
  customer: 'incident.mark.customer', reply: 'incident.mark.reply', note: 'incident.mark.note',
  callInbound: 'incident.mark.callInbound', callOutbound: 'incident.mark.callOutbound',
} as const satisfies Partial<Record<EntryMark, keyof StaffStrings>>

function TimelineItem({ entry, incidentId, lang, strings }: { entry: Entry; incidentId: string; lang: Language; strings: StaffStrings }) {
  const mark = entryMark(entry)
  const when = <time dateTime={entry.at}>{moment(lang, entry.at)}</time>
  const by = entry.by.kind === 'staff' ? format(strings['incident.bySupport'], { name: entry.by.name })
    : entry.by.kind === 'contact' ? format(strings['incident.byCustomer'], { name: entry.by.name }) : entry.by.name
  const download = (file: { id: string; fileName: string; size: number }) => (
    <li key={file.id}><a href={`/api/incidents/${encodeURIComponent(incidentId)}/attachments/${encodeURIComponent(file.id)}`} download={file.fileName}>{file.fileName}</a> <span class="meta">({fileSize(lang, file.size)})</span></li>
  )
  switch (entry.type) {
    case 'consent':
      return (
        <li class="consent-step">
          <span class="meta">{when} · {by}</span>{' '}
          <span class="badge consent">{strings['consent.mark']}</span>
          <p>{consentSentence(lang, strings, entry)}</p>
        </li>
      )
    case 'status':
      return <li class="status-change"><span class="meta">{when} · {by}</span><p>{format(strings['incident.statusChanged'], { status: statusName(strings, entry.status) })}</p></li>
    case 'attachment':
      return <li class="message"><span class="meta">{when} · <span class="who">{by}</span></span><ul class="files" aria-label={strings['incident.files']}>{download(entry.attachment)}</ul></li>
    case 'message': {
      const internal = isInternal(mark)
      const isCall = mark === 'callInbound' || mark === 'callOutbound'
      return (
        <li class={`message${entry.by.kind === 'staff' && !internal ? ' from-staff' : ''}${internal ? ' internal' : ''}${isCall ? ' call' : ''}`}>
          <span class="meta">{when} · <span class="who">{by}</span></span>{' '}
          {mark !== 'note' && mark in MARK_KEYS && <span class={`badge${mark === 'reply' ? ' ok' : ''}`}>{strings[MARK_KEYS[mark as keyof typeof MARK_KEYS]]}</span>}{' '}
          {internal && <span class="badge soon">{strings['incident.mark.note']}</span>}
          <p class="text">{entry.text}</p>
          {entry.attachments.length > 0 && <ul class="files" aria-label={strings['incident.files']}>{entry.attachments.map(download)}</ul>}
        </li>
      )
    }
  }
}

interface FormProps {
  incident: Incident
  lang: Language
  strings: StaffStrings
  /** Reads the incident again after a change. */
  onReload: () => Promise<void>
}

/**
 * Priority by the desk's guidance (priority 1 only for First Class), the status moves allowed
 * from the current one, the team and its members. A change someone else made first (409) shows
 * their state and keeps the page's other forms as typed.
 */
function Triage({ incident, organisationName, isFirstClass, people, desk, lang, strings, onReload }: FormProps & { organisationName: string; isFirstClass: boolean; people: People; desk: Desk }) {
  const saved = (): TriageForm => ({ priority: incident.priority, status: incident.status, team: incident.team, assigneeId: incident.assigneeId })
  const [form, setForm] = useState<TriageForm>(saved)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [result, setResult] = useState<Result>()
  const [isBusy, setBusy] = useState(false)
  const resultRef = useRef<HTMLParagraphElement>(null)
  // The incident changed (saved here or elsewhere): the form shows its state.
  useEffect(() => setForm(saved()), [incident.version])

  const priorities = priorityOptions(desk.priorities, isFirstClass)
  const members = assigneeOptions(people.staff, form.team, form.team === incident.team ? incident.assigneeId : null)

  async function submit(event: Event) {
    event.preventDefault()
    setErrors({})
    const change = triageChange({ ...saved(), version: incident.version }, form)
    if (!change) {
      setResult({ kind: 'ok', text: strings['incident.triage.unchanged'] })
      resultRef.current?.focus()
      return
    }
    setBusy(true)
    setResult(undefined)
    try {
      const { incident: updated } = await call(portalApi(lang).incidents[':id'].$patch({ param: { id: incident.id }, json: change }), strings)
      await onReload()
      const dueAt = updated.sla?.dueAt
      setResult({ kind: 'ok', text: dueAt ? format(strings['incident.triage.saved'], { due: moment(lang, dueAt) }) : strings['incident.triage.savedNoTarget'] })
    } catch (failure) {
      if (failure instanceof ApiFailure && failure.code === 'version_conflict') {
        await onReload()
        setResult({ kind: 'error', text: `${failure.message} ${strings['incident.reloaded']}` })
      } else {
        const known = {
          priority: strings['incident.triage.priorityInvalid'], team: strings['incident.triage.teamInvalid'],
          assigneeId: strings['incident.triage.assigneeInvalid'], status: strings['incident.triage.statusHint'],
        }
        const { fields, summary } = formErrors(failure, known, strings)
        setErrors(fields)
        setResult({ kind: 'error', text: summary ?? messageOf(failure, strings) })
      }
    } finally {
      setBusy(false)
      resultRef.current?.focus()
    }
  }

  const describedBy = (field: string, hint?: string) => [hint, errors[field] ? `triage-${field}-error` : undefined].filter(Boolean).join(' ') || undefined
  const fieldError = (field: string) => errors[field] && <p class="field-error" id={`triage-${field}-error`}>{errors[field]}</p>

  return (
    <form class="portal-form triage" onSubmit={submit} aria-labelledby="triage-title">
      <h3 id="triage-title">{strings['incident.triage.title']}</h3>
      <fieldset class="field" aria-describedby={describedBy('priority', 'triage-priority-hint')}>
        <legend>{strings['incident.priority']}</legend>
        <p class="hint" id="triage-priority-hint">{strings['incident.triage.priorityHint']}</p>
        {priorities.map((p) => (
          <div class="priority-option" key={p.level}>
            <label class="choice">
              <input
                type="radio" name="priority" value={p.level} checked={form.priority === p.level} disabled={!p.isOffered}
                aria-describedby={p.isOffered ? `priority-${p.level}-guidance` : `priority-${p.level}-refusal priority-${p.level}-guidance`}
                onChange={() => setForm({ ...form, priority: p.level })}
              />
              {format(strings['incident.triage.priorityOption'], { level: p.level, name: p.name[lang] })}
            </label>
            <p class="hint" id={`priority-${p.level}-guidance`}>{p.description[lang]} <strong>{p.targetText[lang]}</strong></p>
            {!p.isOffered && <p class="hint refusal" id={`priority-${p.level}-refusal`}>{format(strings['incident.triage.firstClassOnly'], { organisation: organisationName })}</p>}
          </div>
        ))}
        {fieldError('priority')}
      </fieldset>
      <div class="field">
        <label for="triage-status">{strings['incident.status']}</label>
        <select id="triage-status" aria-describedby={describedBy('status', 'triage-status-hint')} aria-invalid={errors.status ? 'true' : undefined}
          value={form.status} onChange={(e) => setForm({ ...form, status: e.currentTarget.value as TriageForm['status'] })}>
          {statusOptions(incident.status).map((s, i) => (
            <option key={s} value={s}>{i === 0 ? format(strings['incident.triage.statusCurrent'], { status: statusName(strings, s) }) : statusName(strings, s)}</option>
          ))}
        </select>
        <p class="hint" id="triage-status-hint">{strings['incident.triage.statusHint']}</p>
        {fieldError('status')}
      </div>
      <div class="field">
        <label for="triage-team">{strings['incident.team']}</label>
        <select id="triage-team" aria-describedby={describedBy('team')} aria-invalid={errors.team ? 'true' : undefined} value={form.team}
          onChange={(e) => { const team = e.currentTarget.value; setForm({ ...form, team, assigneeId: assigneeForTeam(people.staff, team, form.assigneeId) }) }}>
          {people.teams.map((t) => <option key={t.key} value={t.key}>{t.name[lang]}</option>)}
        </select>
        {fieldError('team')}
      </div>
      <div class="field">
        <label for="triage-assignee">{strings['incident.assignee']}</label>
        <select id="triage-assignee" aria-describedby={describedBy('assigneeId', 'triage-assignee-hint')} aria-invalid={errors.assigneeId ? 'true' : undefined}
          value={form.assigneeId ?? ''} onChange={(e) => setForm({ ...form, assigneeId: e.currentTarget.value || null })}>
          <option value="">{strings['incident.unassigned']}</option>
          {members.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
        <p class="hint" id="triage-assignee-hint">{strings['incident.triage.assigneeHint']}</p>
        {fieldError('assigneeId')}
      </div>
      <ResultMessage result={result} target={resultRef} />
      <div class="actions"><button type="submit" disabled={isBusy}>{strings['incident.triage.save']}</button></div>
    </form>
  )
}

/**
 * A public reply (mailed to the requester) or an internal note (never shown or mailed): the
 * label, the hint and the button all say which, and a note is the default, so a slip stays in-house.
 */
function Reply({ incident, email, lang, strings, onReload }: FormProps & { email: string }) {
  const [visibility, setVisibility] = useState<'public' | 'internal'>('internal')
  const [text, setText] = useState('')
  const [error, setError] = useState<string | undefined>()
  const [result, setResult] = useState<Result>()
  const [isBusy, setBusy] = useState(false)
  const resultRef = useRef<HTMLParagraphElement>(null)
  const isPublic = visibility === 'public'
  // A result belongs to what was sent: it would mislead once the choice changes.
  const choose = (next: 'public' | 'internal') => { setVisibility(next); setResult(undefined) }

  async function submit(event: Event) {
    event.preventDefault()
    setBusy(true)
    setError(undefined)
    setResult(undefined)
    try {
      await call(portalApi(lang).incidents[':id'].messages.$post({ param: { id: incident.id }, json: { text, visibility } }), strings)
      setText('')
      await onReload()
      setResult({ kind: 'ok', text: strings[isPublic ? 'incident.reply.sentPublic' : 'incident.reply.sentInternal'] })
    } catch (failure) {
      const { fields, summary } = formErrors(failure, { text: strings['incident.reply.textInvalid'] }, strings)
      setError(fields.text)
      setResult({ kind: 'error', text: summary ?? messageOf(failure, strings) })
    } finally {
      setBusy(false)
      resultRef.current?.focus()
    }
  }

  return (
    <form class={`portal-form reply ${visibility}`} onSubmit={submit} aria-labelledby="reply-title">
      <h3 id="reply-title">{strings['incident.reply.title']}</h3>
      <fieldset class="field">
        <legend>{strings['incident.reply.kindLegend']}</legend>
        <label class="choice">
          <input type="radio" name="reply-visibility" value="internal" checked={!isPublic} onChange={() => choose('internal')} />
          {strings['incident.reply.internal']}
        </label>
        <label class="choice">
          <input type="radio" name="reply-visibility" value="public" checked={isPublic} onChange={() => choose('public')} />
          {strings['incident.reply.public']}
        </label>
      </fieldset>
      <div class="field">
        <label for="reply-text">{strings[isPublic ? 'incident.reply.textPublic' : 'incident.reply.textInternal']}</label>
        <textarea id="reply-text" name="text" required maxLength={20_000} value={text} onInput={(e) => setText(e.currentTarget.value)}
          aria-describedby={error ? 'reply-hint reply-text-error' : 'reply-hint'} aria-invalid={error ? 'true' : undefined} />
        <p class="hint" id="reply-hint">{isPublic ? format(strings['incident.reply.hintPublic'], { email }) : strings['incident.reply.hintInternal']}</p>
        {error && <p class="field-error" id="reply-text-error">{error}</p>}
      </div>
      <ResultMessage result={result} target={resultRef} />
      <div class="actions">
        <button type="submit" class={isPublic ? undefined : 'secondary'} disabled={isBusy}>{strings[isPublic ? 'incident.reply.sendPublic' : 'incident.reply.sendInternal']}</button>
      </div>
    </form>
  )
}

/** A phone call with the customer, kept as an internal note with its direction. */
function CallLog({ incident, lang, strings, onReload }: FormProps) {
  const [direction, setDirection] = useState<'inbound' | 'outbound'>('inbound')
  const [summary, setSummary] = useState('')
  const [error, setError] = useState<string | undefined>()
  const [result, setResult] = useState<Result>()
  const [isBusy, setBusy] = useState(false)
  const resultRef = useRef<HTMLParagraphElement>(null)

  async function submit(event: Event) {
    event.preventDefault()
    setBusy(true)
    setError(undefined)
    setResult(undefined)
    try {
      await call(portalApi(lang).incidents[':id']['phone-contacts'].$post({ param: { id: incident.id }, json: { direction, summary } }), strings)
      setSummary('')
      await onReload()
      setResult({ kind: 'ok', text: strings['incident.call.saved'] })
    } catch (failure) {
      const { fields, summary: message } = formErrors(failure, { summary: strings['incident.call.summaryInvalid'] }, strings)
      setError(fields.summary)
      setResult({ kind: 'error', text: message ?? messageOf(failure, strings) })
    } finally {
      setBusy(false)
      resultRef.current?.focus()
    }
  }

  return (
    <form class="portal-form call" onSubmit={submit} aria-labelledby="call-title">
      <h3 id="call-title">{strings['incident.call.title']}</h3>
      <fieldset class="field">
        <legend>{strings['incident.call.directionLegend']}</legend>
        <label class="choice">
          <input type="radio" name="call-direction" value="inbound" checked={direction === 'inbound'} onChange={() => setDirection('inbound')} />
          {strings['incident.call.inbound']}
        </label>
        <label class="choice">
          <input type="radio" name="call-direction" value="outbound" checked={direction === 'outbound'} onChange={() => setDirection('outbound')} />
          {strings['incident.call.outbound']}
        </label>
      </fieldset>
      <div class="field">
        <label for="call-summary">{strings['incident.call.summary']}</label>
        <textarea id="call-summary" name="summary" required maxLength={5_000} value={summary} onInput={(e) => setSummary(e.currentTarget.value)}
          aria-describedby={error ? 'call-summary-hint call-summary-error' : 'call-summary-hint'} aria-invalid={error ? 'true' : undefined} />
        <p class="hint" id="call-summary-hint">{strings['incident.call.summaryHint']}</p>
        {error && <p class="field-error" id="call-summary-error">{error}</p>}
      </div>
      <ResultMessage result={result} target={resultRef} />
      <div class="actions"><button type="submit" disabled={isBusy}>{strings['incident.call.submit']}</button></div>
    </form>
  )
}

/** The organisation's latest other incidents, each opening its own console page. */
function History({ history, organisationName, lang, strings, paths }: { history: StaffDetail['history']; organisationName: string; lang: Language; strings: StaffStrings; paths: StaffPaths }) {
  const title = format(strings['incident.history.title'], { organisation: organisationName })
  return (
    <section aria-labelledby="history-title">
      <h3 id="history-title">{title}</h3>
      {history.length === 0
        ? <p class="meta">{strings['incident.history.none']}</p>
        : (
          <table>
            <caption class="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{strings['incident.history.number']}</th>
                <th scope="col">{strings['incident.history.subject']}</th>
                <th scope="col">{strings['incident.status']}</th>
                <th scope="col">{strings['incident.kind']}</th>
                <th scope="col">{strings['incident.registered']}</th>
                <th scope="col">{strings['incident.history.sameContact']}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((h) => (
                <tr key={h.id}>
                  <td>{h.number}</td>
                  <td><a href={`${paths.incident}?id=${encodeURIComponent(h.id)}`}>{h.subject}</a></td>
                  <td>{statusName(strings, h.status)}</td>
                  <td>{kindName(strings, h.kind)}</td>
                  <td><time dateTime={h.registeredAt}>{moment(lang, h.registeredAt)}</time></td>
                  <td>{strings[h.isSameContact ? 'incident.yes' : 'incident.no']}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
    </section>
  )
}
