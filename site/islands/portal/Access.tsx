/**
 * The portal's access page: the remote-view code while it waits, temporary access grants, backup
 * requests and extra support outside business hours. An admin sees and decides everything of the
 * organisation; an employee sees what concerns their own incidents and requests extra support.
 */
import { useEffect, useRef, useState } from 'preact/hooks'
import type { Language } from '../../../server/domain/desk.ts'
import { ACCESS_LEVELS, type AccessLevel } from '../../../server/domain/records.ts'
import { format } from '#lib/format.ts'
import type { PortalStrings } from '../../i18n/index.ts'
import {
  backupBadge, defaultGrantEnd, extraSupportBadge, grantBadge, isGrantable, isoOfLocal, latestGrantEnd, levelHint, levelName, purgeLine,
  withRecord, type Badge,
} from './access-view.ts'
import { Field, useFocusFirstInvalid } from '../Field.tsx'
import { ApiFailure, call, messageOf, portalApi, type PortalApi, type Success } from './api.ts'
import { formErrors, type FormErrors } from './field-errors.ts'
import { moment } from './format.ts'
import { Gate, type Viewer } from './Gate.tsx'
import type { PortalPaths, PortalProps } from './paths.ts'
import { RemoteViewCode, useWaitingCodes } from './RemoteViewCode.tsx'

type Consent = Success<Awaited<ReturnType<PortalApi['consents']['$get']>>>['consents'][number]
// The API's kinds share one `kind` type, so each is picked out by a field only it has.
type Grant = Extract<Consent, { level: unknown }>
type Backup = Extract<Consent, { isPurgeDue: unknown }>
type ExtraSupport = Extract<Consent, { isBilled: unknown }>
type Incident = Success<Awaited<ReturnType<PortalApi['incidents']['$get']>>>['incidents'][number]

const isGrant = (c: Consent): c is Grant => c.kind === 'grant'
const isBackup = (c: Consent): c is Backup => c.kind === 'backup'
const isExtraSupport = (c: Consent): c is ExtraSupport => c.kind === 'extra_support'

interface Common {
  lang: Language
  strings: PortalStrings
}

/** A message after an action, focused when it appears: a new object each time, so the same words twice still count. */
type Result = { kind: 'ok' | 'error'; text: string } | undefined

export default function Access({ lang, strings, paths }: PortalProps) {
  return <Gate lang={lang} strings={strings}>{(viewer) => <AccessPage viewer={viewer} lang={lang} strings={strings} paths={paths} />}</Gate>
}

type PageState = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'loaded'; consents: Consent[] }

function AccessPage({ viewer, lang, strings, paths }: PortalProps & { viewer: Viewer }) {
  const isAdmin = viewer.role === 'admin'
  const [state, setState] = useState<PageState>({ kind: 'loading' })
  const list = () => call(portalApi(lang).consents.$get({ query: {} }), strings).then(({ consents }) => setState({ kind: 'loaded', consents }))
  useEffect(() => {
    list().catch((error) => setState({ kind: 'failed', message: messageOf(error, strings) }))
  }, [lang])
  // Reading again after a refusal: if that fails too, the page stays as it was, under the refusal's message.
  const refresh = () => list().catch(() => undefined)

  if (state.kind === 'loading') return <p class="meta" role="status">{strings.loading}</p>
  if (state.kind === 'failed') return <p class="notice error" role="alert">{state.message}</p>
  const { consents } = state
  // Actions answer with the record as it now stands; it takes its place at once, without asking for the whole list again.
  const put = (record: Consent) => setState((s) => (s.kind === 'loaded' ? { kind: 'loaded', consents: withRecord(s.consents, record) } : s))
  const common = { lang, strings, paths, isAdmin, onActed: put, onStale: refresh }
  return (
    <div class="access">
      <p>{strings[isAdmin ? 'access.introAdmin' : 'access.introEmployee']}</p>
      <WaitingCodes lang={lang} strings={strings} paths={paths} />
      <Grants grants={consents.filter(isGrant)} {...common} />
      <Backups backups={consents.filter(isBackup)} {...common} />
      <ExtraSupportSection requests={consents.filter(isExtraSupport)} {...common} />
    </div>
  )
}

/** The codes support asked for, as they come: announced politely, as they appear while the customer is on the phone. */
function WaitingCodes({ lang, strings, paths }: Common & { paths: PortalPaths }) {
  const codes = useWaitingCodes(lang, strings)
  return (
    <div aria-live="polite">
      {codes.length > 0 && (
        <section aria-labelledby="access-remote-view">
          <h2 id="access-remote-view">{strings['access.remoteView.title']}</h2>
          {codes.map((view) => <RemoteViewCode key={view.id} view={view} strings={strings} paths={paths} />)}
        </section>
      )}
    </div>
  )
}

interface SectionProps extends Common {
  paths: PortalPaths
  isAdmin: boolean
  /** An action's answer: the record as it now stands. */
  onActed: (record: Consent) => void
  /** Someone else changed things first and the answer did not say how: read everything again. */
  onStale: () => Promise<void>
}

/** Moves focus to `ref` whenever `outcome` is a new message, so a screen reader reads it and the keyboard continues from there. */
function useFocusOn<T extends HTMLElement>(outcome: unknown) {
  const ref = useRef<T>(null)
  useEffect(() => {
    if (outcome) ref.current?.focus()
  }, [outcome])
  return ref
}

function ResultMessage({ result, target }: { result: Result; target: { current: HTMLParagraphElement | null } }) {
  return (
    <p ref={target} tabIndex={-1} class={result ? `notice ${result.kind}` : 'visually-hidden'} role={result?.kind === 'error' ? 'alert' : 'status'}>
      {result?.text ?? ''}
    </p>
  )
}

function BadgeOf({ badge }: { badge: Badge }) {
  return <span class={badge.tone ? `badge ${badge.tone}` : 'badge'}>{badge.text}</span>
}

/** A refusal because someone changed the record first, with the record as it now stands. */
class Stale extends Error {
  constructor(message: string, readonly current: Consent) {
    super(message)
  }
}

/**
 * The JSON of a decision or revocation. A 409 that carries the record as it now stands becomes a
 * Stale (the typed client knows only the error part of it); anything else fails as `call` says.
 */
async function acted<T>(request: Promise<Response>, strings: PortalStrings): Promise<T> {
  const res = await request.catch(() => undefined)
  if (!res) throw new ApiFailure(0, 'network', strings.network)
  if (res.status === 409) {
    const body = (await res.clone().json().catch(() => undefined)) as { message?: string; current?: Consent } | undefined
    if (body?.message && body.current) throw new Stale(body.message, body.current)
  }
  return (await call(Promise.resolve(res), strings)) as T
}

/**
 * What to say when an action was refused: for a stale record, the server's message and where the
 * record now stands (shown in its row at once); for a refused move, the server's message after
 * reading the list again; otherwise the message.
 */
async function refusal(failure: unknown, strings: PortalStrings, words: (current: Consent) => string, props: Pick<SectionProps, 'onActed' | 'onStale'>): Promise<Result> {
  if (failure instanceof Stale) {
    props.onActed(failure.current)
    return { kind: 'error', text: format(strings['access.conflict'], { message: failure.message, status: words(failure.current) }) }
  }
  if (failure instanceof ApiFailure && failure.status === 409) await props.onStale()
  return { kind: 'error', text: messageOf(failure, strings) }
}

const incidentLink = (paths: PortalPaths, incident: { id: string; number: string; subject: string } | null, strings: PortalStrings) =>
  incident && <a href={`${paths.incidents}?id=${encodeURIComponent(incident.id)}`}>{format(strings['access.grantForm.incidentOption'], { number: incident.number, subject: incident.subject })}</a>

// ── Temporary access ──────────────────────────────────────────────────────────────────────────

function Grants({ grants, ...props }: SectionProps & { grants: Grant[] }) {
  const { lang, strings, paths, isAdmin, onActed } = props
  const [result, setResult] = useState<Result>()
  const [busyId, setBusyId] = useState<string | undefined>()
  const resultRef = useFocusOn<HTMLParagraphElement>(result)

  async function revoke(grant: Grant) {
    setBusyId(grant.id)
    setResult(undefined)
    try {
      const request = portalApi(lang).grants[':id'].revoke.$post({ param: { id: grant.id }, json: { version: grant.version } })
      const { grant: revoked } = await acted<{ grant: Grant }>(request, strings)
      onActed(revoked)
      setResult({ kind: 'ok', text: format(strings['access.grant.revokedDone'], { number: grant.incident?.number ?? '' }) })
    } catch (failure) {
      setResult(await refusal(failure, strings, (current) => (isGrant(current) ? grantBadge(strings, current).text : ''), props))
    } finally {
      setBusyId(undefined)
    }
  }

  return (
    <section aria-labelledby="access-grants">
      <h2 id="access-grants">{strings['access.grants.title']}</h2>
      <p>{strings[isAdmin ? 'access.grants.introAdmin' : 'access.grants.introEmployee']}</p>
      {grants.length === 0 ? <p class="meta">{strings['access.grants.none']}</p> : (
        <table aria-labelledby="access-grants">
          <thead>
            <tr>
              <th scope="col">{strings['access.grants.incident']}</th>
              <th scope="col">{strings['access.grants.level']}</th>
              <th scope="col">{strings['access.grants.endsAt']}</th>
              <th scope="col">{strings['access.grants.status']}</th>
              <th scope="col">{strings['access.grants.grantedBy']}</th>
              {isAdmin && <th scope="col">{strings['access.grants.action']}</th>}
            </tr>
          </thead>
          <tbody>
            {grants.map((grant) => (
              <tr key={grant.id}>
                <th scope="row">{incidentLink(paths, grant.incident, strings)}</th>
                <td>{levelName(strings, grant.level)}</td>
                <td><time dateTime={grant.endsAt}>{moment(lang, grant.endsAt)}</time></td>
                <td><BadgeOf badge={grantBadge(strings, grant)} /></td>
                <td>{grant.grantedBy.name}</td>
                {isAdmin && (
                  <td>
                    {grant.isActive && (
                      <button type="button" class="secondary" disabled={busyId === grant.id} onClick={() => void revoke(grant)}>
                        {format(strings['access.grant.revoke'], { number: grant.incident?.number ?? '' })}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ResultMessage result={result} target={resultRef} />
      {isAdmin && <GrantForm {...props} />}
    </section>
  )
}

const LEVEL_IDS: Record<AccessLevel, string> = { read_only: 'read-only', functional_user: 'functional-user', administrator: 'administrator' }

/** The admin's form that gives support access for one open incident, at a level, until a moment at most 14 days ahead. */
function GrantForm({ lang, strings, onActed }: SectionProps) {
  const [incidents, setIncidents] = useState<Incident[] | undefined>()
  const [incidentId, setIncidentId] = useState('')
  const [level, setLevel] = useState<AccessLevel>('read_only')
  const [endsAt, setEndsAt] = useState(() => defaultGrantEnd(new Date()))
  const [errors, setErrors] = useState<FormErrors>({ fields: {} })
  const [isBusy, setBusy] = useState(false)
  const [given, setGiven] = useState<Result>()
  const formRef = useFocusFirstInvalid(errors)
  const givenRef = useFocusOn<HTMLParagraphElement>(given)

  useEffect(() => {
    call(portalApi(lang).incidents.$get({ query: {} }), strings)
      .then(({ incidents: all }) => setIncidents(all.filter(isGrantable)))
      .catch((error) => setErrors({ fields: {}, summary: messageOf(error, strings) }))
  }, [lang])

  async function submit(event: Event) {
    event.preventDefault()
    setGiven(undefined)
    const iso = isoOfLocal(endsAt)
    if (!iso) return setErrors({ fields: { endsAt: strings['access.grantForm.invalidEndsAt'] } })
    setBusy(true)
    setErrors({ fields: {} })
    try {
      // The typed client reads the schema's parsed side (a Date); JSON sends the same instant as an ISO string.
      const request = portalApi(lang).incidents[':id'].grants.$post({ param: { id: incidentId }, json: { level, endsAt: new Date(iso) } })
      const { grant } = (await call(request, strings)) as { grant: Grant }
      onActed(grant)
      setIncidentId('')
      setEndsAt(defaultGrantEnd(new Date()))
      setGiven({ kind: 'ok', text: format(strings['access.grantForm.given'], { level: levelName(strings, grant.level, true), number: grant.incident?.number ?? '', end: moment(lang, grant.endsAt) }) })
    } catch (error) {
      setErrors(formErrors(error, { level: strings['access.grantForm.invalidLevel'], endsAt: strings['access.grantForm.invalidEndsAt'] }, strings))
    } finally {
      setBusy(false)
    }
  }

  if (incidents?.length === 0) return <p class="notice">{strings['access.grantForm.noIncidents']}</p>
  return (
    <form class="portal-form" ref={formRef} onSubmit={submit} aria-labelledby="grant-form-title">
      <h3 id="grant-form-title">{strings['access.grantForm.title']}</h3>
      <Field id="grant-incident" label={strings['access.grantForm.incident']} hint={strings['access.grantForm.incidentHint']}>
        {(aria) => (
          <select {...aria} name="incident" required value={incidentId} onChange={(e) => setIncidentId(e.currentTarget.value)}>
            <option value="">{incidents ? strings['access.grantForm.choose'] : strings.loading}</option>
            {incidents?.map((incident) => (
              <option key={incident.id} value={incident.id}>{format(strings['access.grantForm.incidentOption'], { number: incident.number, subject: incident.subject })}</option>
            ))}
          </select>
        )}
      </Field>
      <fieldset class="field">
        <legend>{strings['access.grantForm.level']}</legend>
        {ACCESS_LEVELS.map((value) => (
          <div key={value}>
            <label class="choice">
              <input type="radio" name="level" value={value} checked={level === value} onChange={() => setLevel(value)} aria-describedby={`grant-level-${LEVEL_IDS[value]}-hint`} />
              <span>{levelName(strings, value)}</span>
            </label>
            <p class="hint" id={`grant-level-${LEVEL_IDS[value]}-hint`}>{levelHint(strings, value)}</p>
          </div>
        ))}
        {errors.fields.level && <p class="field-error">{errors.fields.level}</p>}
      </fieldset>
      <Field id="grant-ends-at" label={strings['access.grantForm.endsAt']} error={errors.fields.endsAt}
        hint={format(strings['access.grantForm.endsAtHint'], { latest: moment(lang, latestGrantEnd(new Date()).toISOString()) })}>
        {(aria) => <input {...aria} type="datetime-local" name="endsAt" required value={endsAt} onInput={(e) => setEndsAt(e.currentTarget.value)} />}
      </Field>
      {errors.summary && <p class="notice error" role="alert">{errors.summary}</p>}
      <div class="actions"><button type="submit" disabled={isBusy || !incidents}>{strings['access.grantForm.submit']}</button></div>
      <ResultMessage result={given} target={givenRef} />
    </form>
  )
}

// ── Backups ───────────────────────────────────────────────────────────────────────────────────

function Backups({ backups, ...props }: SectionProps & { backups: Backup[] }) {
  const { lang, strings, isAdmin, onActed } = props
  const [result, setResult] = useState<Result>()
  const [busyId, setBusyId] = useState<string | undefined>()
  const resultRef = useFocusOn<HTMLParagraphElement>(result)

  async function decide(backup: Backup, decision: 'approve' | 'decline', note: string) {
    setBusyId(backup.id)
    setResult(undefined)
    try {
      const json = { decision, version: backup.version, ...(note.trim() ? { note } : {}) }
      const { backup: decided } = await acted<{ backup: Backup }>(portalApi(lang).backups[':id'].decision.$post({ param: { id: backup.id }, json }), strings)
      onActed(decided)
      setResult({ kind: 'ok', text: format(strings[decision === 'approve' ? 'access.backup.approved' : 'access.backup.declined'], { number: backup.incident?.number ?? '' }) })
    } catch (failure) {
      setResult(await refusal(failure, strings, (current) => (isBackup(current) ? backupBadge(strings, current.status).text : ''), props))
    } finally {
      setBusyId(undefined)
    }
  }

  return (
    <section aria-labelledby="access-backups">
      <h2 id="access-backups">{strings['access.backups.title']}</h2>
      <p>{strings[isAdmin ? 'access.backups.introAdmin' : 'access.backups.introEmployee']}</p>
      {backups.length === 0 ? <p class="meta">{strings['access.backups.none']}</p> : (
        <ul class="consents">
          {backups.map((backup) => <BackupItem key={backup.id} backup={backup} isBusy={busyId === backup.id} onDecide={decide} {...props} />)}
        </ul>
      )}
      <ResultMessage result={result} target={resultRef} />
    </section>
  )
}

function BackupItem({ backup, isBusy, onDecide, lang, strings, paths, isAdmin }: SectionProps & {
  backup: Backup
  isBusy: boolean
  onDecide: (backup: Backup, decision: 'approve' | 'decline', note: string) => Promise<void>
}) {
  const [note, setNote] = useState('')
  const purge = purgeLine(lang, strings, backup)
  const headingId = `backup-${backup.id}`
  // Every item has the same buttons: the hidden words tell them apart for a screen reader.
  const forWhich = <span class="visually-hidden"> ({format(strings['access.backup.forIncident'], { number: backup.incident?.number ?? '' })})</span>
  return (
    <li class="consent-item">
      <h3 id={headingId}>{incidentLink(paths, backup.incident, strings)} <BadgeOf badge={backupBadge(strings, backup.status)} /></h3>
      <dl class="details">
        <dt>{strings['access.backup.reason']}</dt><dd class="text">{backup.reason}</dd>
      </dl>
      <p class="meta">{format(strings['access.backup.requestedBy'], { name: format(strings['incidents.bySupport'], { name: backup.requestedBy.name }), time: moment(lang, backup.createdAt) })}</p>
      {backup.decidedBy && backup.decidedAt && (
        <p class="meta">{format(strings['access.backup.decidedBy'], { name: backup.decidedBy.name, time: moment(lang, backup.decidedAt) })}{backup.decisionNote && <>: <span class="text">{backup.decisionNote}</span></>}</p>
      )}
      {purge && <p>{purge}</p>}
      {isAdmin && backup.status === 'requested' && (
        <div class="backup-decision" role="group" aria-labelledby={headingId}>
          <div class="field">
            <label for={`${headingId}-note`}>{strings['access.backup.note']}</label>
            <textarea id={`${headingId}-note`} name="note" maxLength={2000} rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
          </div>
          <div class="actions">
            <button type="button" disabled={isBusy} onClick={() => void onDecide(backup, 'approve', note)}>{strings['access.backup.approve']}{forWhich}</button>
            <button type="button" class="secondary" disabled={isBusy} onClick={() => void onDecide(backup, 'decline', note)}>{strings['access.backup.decline']}{forWhich}</button>
          </div>
        </div>
      )}
    </li>
  )
}

// ── Extra support ─────────────────────────────────────────────────────────────────────────────

const windowText = (lang: Language, strings: PortalStrings, request: { startsAt: string; endsAt: string }) =>
  format(strings['access.extra.windowText'], { start: moment(lang, request.startsAt), end: moment(lang, request.endsAt) })

function ExtraSupportSection({ requests, ...props }: SectionProps & { requests: ExtraSupport[] }) {
  const { lang, strings, isAdmin } = props
  const [isFirstClass, setFirstClass] = useState<boolean | undefined>()
  useEffect(() => {
    call(portalApi(lang).organisation.$get(), strings)
      .then((reply) => setFirstClass(reply.organisation.isFirstClass))
      .catch(() => setFirstClass(undefined))
  }, [lang])

  const billing = isFirstClass === undefined ? 'access.extra.billedUnlessFirstClass' : isFirstClass ? 'access.extra.notBilled' : 'access.extra.billed'
  const title = strings[isAdmin ? 'access.extra.listTitleAdmin' : 'access.extra.listTitleEmployee']
  return (
    <section aria-labelledby="access-extra">
      <h2 id="access-extra">{strings['access.extra.title']}</h2>
      <p>{strings['access.extra.intro']}</p>
      <p>{strings[billing]}</p>
      <ExtraSupportForm {...props} />
      <h3 id="access-extra-list">{title}</h3>
      {requests.length === 0 ? <p class="meta">{strings['access.extra.none']}</p> : (
        <table aria-labelledby="access-extra-list">
          <thead>
            <tr>
              <th scope="col">{strings['access.extra.window']}</th>
              <th scope="col">{strings['access.extra.reasonColumn']}</th>
              <th scope="col">{strings['access.extra.status']}</th>
              <th scope="col">{strings['access.extra.billing']}</th>
              {isAdmin && <th scope="col">{strings['access.extra.requestedBy']}</th>}
              <th scope="col">{strings['access.extra.decision']}</th>
            </tr>
          </thead>
          <tbody>
            {requests.map((request) => (
              <tr key={request.id}>
                <th scope="row">{windowText(lang, strings, request)}</th>
                <td class="text">{request.reason}</td>
                <td><BadgeOf badge={extraSupportBadge(strings, request.status)} /></td>
                <td>{strings[request.isBilled ? 'access.extra.isBilled' : 'access.extra.isNotBilled']}</td>
                {isAdmin && <td>{request.contact.name}</td>}
                <td>
                  {request.decidedBy && request.decidedAt
                    ? <>{format(strings['access.backup.decidedBy'], { name: format(strings['incidents.bySupport'], { name: request.decidedBy.name }), time: moment(lang, request.decidedAt) })}{request.decisionNote && <>: <span class="text">{request.decisionNote}</span></>}</>
                    : <span class="meta">{strings['access.extra.noDecision']}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

/** A window in the desk's clock and a reason; the server decides whether it is far enough ahead and names the earliest start if not. */
function ExtraSupportForm({ lang, strings, onActed }: SectionProps) {
  const empty = { startsAt: '', endsAt: '', reason: '' }
  const [values, setValues] = useState(empty)
  const [errors, setErrors] = useState<FormErrors>({ fields: {} })
  const [isBusy, setBusy] = useState(false)
  const [sent, setSent] = useState<Result>()
  const formRef = useFocusFirstInvalid(errors)
  const sentRef = useFocusOn<HTMLParagraphElement>(sent)
  const invalid = {
    startsAt: strings['access.extra.invalidStartsAt'], endsAt: strings['access.extra.invalidEndsAt'], reason: strings['access.extra.invalidReason'],
  }

  async function submit(event: Event) {
    event.preventDefault()
    setSent(undefined)
    const startsAt = isoOfLocal(values.startsAt)
    const endsAt = isoOfLocal(values.endsAt)
    if (!startsAt || !endsAt) return setErrors({ fields: { ...(startsAt ? {} : { startsAt: invalid.startsAt }), ...(endsAt ? {} : { endsAt: invalid.endsAt }) } })
    setBusy(true)
    setErrors({ fields: {} })
    try {
      const json = { startsAt: new Date(startsAt), endsAt: new Date(endsAt), reason: values.reason }
      const { extraSupport } = (await call(portalApi(lang)['extra-support'].$post({ json }), strings)) as { extraSupport: ExtraSupport }
      onActed(extraSupport)
      setValues(empty)
      const billing = strings[extraSupport.isBilled ? 'access.extra.sentBilled' : 'access.extra.sentNotBilled']
      setSent({ kind: 'ok', text: `${format(strings['access.extra.sent'], { window: windowText(lang, strings, extraSupport) })} ${billing}` })
    } catch (error) {
      // A refusal that names the start (too soon, within business hours) is the server's own sentence beside that field.
      setErrors(formErrors(error, invalid, strings))
    } finally {
      setBusy(false)
    }
  }

  const input = (field: 'startsAt' | 'endsAt') => ({
    value: values[field],
    onInput: (e: { currentTarget: HTMLInputElement }) => setValues({ ...values, [field]: e.currentTarget.value }),
  })
  return (
    <form class="portal-form" ref={formRef} onSubmit={submit} aria-labelledby="extra-form-title">
      <h3 id="extra-form-title">{strings['access.extra.formTitle']}</h3>
      <Field id="extra-starts-at" label={strings['access.extra.startsAt']} hint={strings['access.extra.startsAtHint']} error={errors.fields.startsAt}>
        {(aria) => <input {...aria} type="datetime-local" name="startsAt" required {...input('startsAt')} />}
      </Field>
      <Field id="extra-ends-at" label={strings['access.extra.endsAt']} hint={strings['access.extra.endsAtHint']} error={errors.fields.endsAt}>
        {(aria) => <input {...aria} type="datetime-local" name="endsAt" required {...input('endsAt')} />}
      </Field>
      <Field id="extra-reason" label={strings['access.extra.reason']} error={errors.fields.reason}>
        {(aria) => <textarea {...aria} name="reason" required maxLength={2000} value={values.reason} onInput={(e) => setValues({ ...values, reason: e.currentTarget.value })} />}
      </Field>
      {errors.summary && <p class="notice error" role="alert">{errors.summary}</p>}
      <div class="actions"><button type="submit" disabled={isBusy}>{strings['access.extra.submit']}</button></div>
      <ResultMessage result={sent} target={sentRef} />
    </form>
  )
}
