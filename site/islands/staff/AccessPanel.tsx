/**
 * The incident page's access to the customer's environment: the grants the customer's admin gave
 * (each use checked by the server), and backups support requests, receives and purges. It polls,
 * so a customer's revocation shows within seconds without a reload.
 */
import type { ComponentChildren, RefObject } from 'preact'
import { useRef, useState } from 'preact/hooks'
import type { Language } from '../../../server/domain/desk.ts'
import { format } from '#lib/format.ts'
import type { StaffStrings } from '../../i18n/index.ts'
import { ApiFailure, call, messageOf, portalApi, type PortalApi, type Success } from '../lib/api.ts'
import { usePolling } from '../lib/polling.ts'
import { formErrors } from '../lib/field-errors.ts'
import { day, moment } from '../portal/format.ts'
import {
  announcement, backupActions, backupBadge, byLine, changedSince, freshest, grantBadge, grantState, levelName, withRecord, type Badge,
} from './access-view.ts'

/** How often the panel asks again while its tab is in view. */

type Consent = Success<Awaited<ReturnType<PortalApi['consents']['$get']>>>['consents'][number]
// The API's kinds share one `kind` type, so each is picked out by a field only it has.
export type Grant = Extract<Consent, { level: unknown }>
export type Backup = Extract<Consent, { isPurgeDue: unknown }>
export type ExtraSupport = Extract<Consent, { isBilled: unknown }>
export type { Consent }

/**
 * What the backup routes answer. Their handlers may also return a refusal built apart, which
 * leaves the client's type unknown; the shape is the one GET /api/consents lists.
 */
export type BackupReply = { backup: Backup }

export const isGrant = (c: Consent): c is Grant => c.kind === 'grant'
export const isBackup = (c: Consent): c is Backup => c.kind === 'backup'
export const isExtraSupport = (c: Consent): c is ExtraSupport => c.kind === 'extra_support'

interface Props {
  incidentId: string
  organisationName: string
  lang: Language
  strings: StaffStrings
  /** Something changed here or at the customer's: the incident (its timeline) reads again. */
  onChanged: () => void
}

/** A message that moves focus to itself when it appears: a success or the server's refusal. */
export type Result = { kind: 'ok' | 'error'; text: string } | undefined

export function ResultMessage({ result, target }: { result: Result; target: RefObject<HTMLParagraphElement> }) {
  return (
    <p ref={target} tabIndex={-1} class={result ? `notice ${result.kind}` : 'visually-hidden'} role={result?.kind === 'error' ? 'alert' : 'status'}>
      {result?.text ?? ''}
    </p>
  )
}

export function BadgeOf({ badge }: { badge: Badge }) {
  return <span class={badge.tone ? `badge ${badge.tone}` : 'badge'}>{badge.text}</span>
}

export function AccessPanel({ incidentId, organisationName, lang, strings, onChanged }: Props) {
  const [records, setRecords] = useState<Consent[] | undefined>()
  const [loadError, setLoadError] = useState<string | undefined>()
  const [news, setNews] = useState('')
  const shown = useRef<Consent[] | undefined>(undefined)
  const asked = useRef(0)

  function show(next: Consent[]) {
    shown.current = next
    setRecords(next)
  }

  /** Reads the incident's records; a change someone else made is announced and the timeline reads again. */
  async function refresh() {
    const ask = ++asked.current
    try {
      const { consents } = await call(portalApi(lang).consents.$get({ query: { incidentId } }), strings)
      // An older poll answering late is dropped; `freshest` guards against the rest.
      if (ask !== asked.current) return
      const before = shown.current
      show(freshest(before ?? [], consents))
      setLoadError(undefined)
      const changed = before ? changedSince(before, shown.current!) : []
      if (changed.length > 0) {
        setNews(announcement(strings, { grants: changed.filter(isGrant), backups: changed.filter(isBackup) }))
        onChanged()
      }
    } catch (error) {
      if (ask === asked.current) setLoadError(messageOf(error, strings))
    }
  }
  usePolling(() => void refresh(), incidentId)

  /** After an action of this page: its record is shown at once, and the timeline reads again. */
  function acted(record?: Consent) {
    if (record) show(withRecord(shown.current ?? [], record))
    onChanged()
  }

  const grants = records?.filter(isGrant) ?? []
  const backups = records?.filter(isBackup) ?? []
  return (
    <>
      <p class="hint">{format(strings['access.panel.intro'], { organisation: organisationName })}</p>
      {loadError && <p class="notice error" role="alert">{loadError}</p>}
      <p class="visually-hidden" role="status">{news}</p>
      <section aria-labelledby="grants-title">
        <h4 id="grants-title">{strings['access.grants.title']}</h4>
        {!records && !loadError && <p class="meta">{strings.loading}</p>}
        {records && <Grants grants={grants} organisationName={organisationName} lang={lang} strings={strings} onActed={acted} />}
      </section>
      <section aria-labelledby="backups-title">
        <h4 id="backups-title">{strings['access.backups.title']}</h4>
        {records && <BackupList backups={backups} empty={strings['access.backups.none']} lang={lang} strings={strings} onActed={acted} onReload={refresh} />}
        <BackupRequestForm incidentId={incidentId} organisationName={organisationName} lang={lang} strings={strings} onActed={acted} />
      </section>
    </>
  )
}

interface ListProps {
  lang: Language
  strings: StaffStrings
  /** An action here succeeded (or was refused with the current record). */
  onActed: (record?: Consent) => void
  /** Reads the records again, e.g. after someone else was first. */
  onReload: () => Promise<void>
}

/**
 * The grants with their state; an active one offers its use, which the server checks against its
 * own clock: a grant revoked a moment ago is refused (410) and shown as it now stands.
 */
function Grants({ grants, organisationName, lang, strings, onActed }: Omit<ListProps, 'onReload'> & { grants: Grant[]; organisationName: string }) {
  const [result, setResult] = useState<Result>()
  const [busyId, setBusyId] = useState<string | undefined>()
  const resultRef = useRef<HTMLParagraphElement>(null)

  async function use(grant: Grant) {
    setBusyId(grant.id)
    setResult(undefined)
    try {
      const res = await portalApi(lang).grants[':id'].use.$post({ param: { id: grant.id } })
      if (res.status === 410) {
        // The refusal carries the grant as it stands (the client's type knows only the error part): shown at once, whatever the next poll brings.
        const refusal = (await res.json()) as unknown as { message: string; grant: Grant }
        setResult({ kind: 'error', text: refusal.message })
        onActed(refusal.grant)
      } else {
        const { grant: used } = await call(Promise.resolve(res), strings)
        if (isGrant(used)) setResult({ kind: 'ok', text: format(strings['access.grant.inUse'], { time: moment(lang, used.endsAt), level: levelName(strings, used.level) }) })
        onActed(used)
      }
    } catch (failure) {
      setResult({ kind: 'error', text: failure instanceof ApiFailure ? failure.message : strings.network })
    } finally {
      setBusyId(undefined)
      resultRef.current?.focus()
    }
  }

  return (
    <>
      {grants.length === 0
        ? <p class="meta">{format(strings['access.grants.none'], { organisation: organisationName })}</p>
        : (
          <ul class="consents">
            {grants.map((grant) => {
              const id = `grant-${grant.id}`
              return (
                <li key={grant.id} class={`consent-item ${grantState(grant)}`}>
                  <p id={id}>
                    <strong>{format(strings['access.grant.item'], { level: levelName(strings, grant.level), time: moment(lang, grant.endsAt) })}</strong>{' '}
                    <BadgeOf badge={grantBadge(strings, grant)} />
                  </p>
                  <p class="meta">
                    {byLine(lang, strings['access.grant.givenBy'], grant.grantedBy, grant.createdAt)}
                    {grant.revokedAt && <><br />{byLine(lang, strings['access.grant.revokedBy'], grant.revokedBy, grant.revokedAt)}</>}
                  </p>
                  {grant.isActive && (
                    <div class="actions">
                      <button type="button" aria-describedby={id} disabled={busyId === grant.id} onClick={() => void use(grant)}>{strings['access.grant.use']}</button>
                    </div>
                  )}
                </li>
              )
            })}
          </ul>
        )}
      <ResultMessage result={result} target={resultRef} />
    </>
  )
}

/**
 * Backups with their state and purge date, each offering the step support records next. The
 * message after a step stays when the backup leaves the list with it (or the list empties).
 */
export function BackupList({ backups, empty, lang, strings, onActed, onReload, incidentLink }: ListProps & {
  backups: Backup[]
  /** What the list says when it has no backups. */
  empty: string
  /** On the console's access page each backup links to its incident. */
  incidentLink?: (backup: Backup) => ComponentChildren
}) {
  const [result, setResult] = useState<Result>()
  const [busyId, setBusyId] = useState<string | undefined>()
  const resultRef = useRef<HTMLParagraphElement>(null)

  async function record(backup: Backup, step: 'received' | 'purged') {
    setBusyId(backup.id)
    setResult(undefined)
    try {
      const api = portalApi(lang).backups[':id']
      const request = { param: { id: backup.id }, json: { version: backup.version } }
      const reply = step === 'received' ? await call(api.received.$post(request), strings) : await call(api.purged.$post(request), strings)
      const { backup: moved } = reply as BackupReply
      setResult({ kind: 'ok', text: strings[step === 'received' ? 'access.backup.savedReceived' : 'access.backup.savedPurged'] })
      onActed(moved)
    } catch (failure) {
      // Someone else was first (or the customer decided meanwhile): the list shows where it stands now.
      const isStale = failure instanceof ApiFailure && failure.status === 409
      if (isStale) await onReload()
      setResult({ kind: 'error', text: isStale ? format(strings['access.conflict'], { message: failure.message }) : messageOf(failure, strings) })
    } finally {
      setBusyId(undefined)
      resultRef.current?.focus()
    }
  }

  return (
    <>
      {backups.length === 0
        ? <p class="meta">{empty}</p>
        : (
          <ul class="consents">
            {backups.map((backup) => {
              const id = `backup-${backup.id}`
              return (
                <li key={backup.id} class={`consent-item${backup.isPurgeDue ? ' purge-due' : ''}`}>
                  <p id={id}>
                    <BadgeOf badge={backupBadge(strings, backup)} />{' '}
                    {backup.isPurgeDue && <BadgeOf badge={{ text: strings['access.backup.purgeDue'], tone: 'breached' }} />}{' '}
                    {incidentLink?.(backup)}
                  </p>
                  <p class="text">{backup.reason}</p>
                  <p class="meta">
                    {[
                      byLine(lang, strings['access.backup.requestedBy'], backup.requestedBy, backup.createdAt),
                      byLine(lang, strings['access.backup.decidedBy'], backup.decidedBy, backup.decidedAt),
                      backup.decisionNote && format(strings['access.backup.note'], { note: backup.decisionNote }),
                      byLine(lang, strings['access.backup.receivedBy'], backup.receivedBy, backup.receivedAt),
                      byLine(lang, strings['access.backup.purgedBy'], backup.purgedBy, backup.purgedAt),
                    ].filter(Boolean).map((line, i) => <span key={i} class="line">{line}</span>)}
                  </p>
                  {backup.status !== 'declined' && backup.status !== 'purged' && (
                    <p class={backup.isPurgeDue ? 'purge-date due' : 'purge-date'}>
                      {backup.purgeDate ? format(strings['access.backup.purgeDate'], { date: day(lang, backup.purgeDate) }) : strings['access.backup.purgeOnClose']}
                    </p>
                  )}
                  {backupActions(backup).length > 0 && (
                    <div class="actions">
                      {backupActions(backup).map((step) => (
                        <button key={step} type="button" aria-describedby={id} disabled={busyId === backup.id} onClick={() => void record(backup, step)}>
                          {strings[step === 'received' ? 'access.backup.markReceived' : 'access.backup.markPurged']}
                        </button>
                      ))}
                    </div>
                  )}
                </li>
              )
            })}
          </ul>
        )}
      <ResultMessage result={result} target={resultRef} />
    </>
  )
}

/** A backup for internal investigation, with the reason the customer's admin decides on. */
function BackupRequestForm({ incidentId, organisationName, lang, strings, onActed }: Omit<ListProps, 'onReload'> & { incidentId: string; organisationName: string }) {
  const [reason, setReason] = useState('')
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
      const { backup } = (await call(portalApi(lang).incidents[':id'].backups.$post({ param: { id: incidentId }, json: { reason } }), strings)) as BackupReply
      setReason('')
      setResult({ kind: 'ok', text: format(strings['access.backup.requested'], { organisation: organisationName }) })
      onActed(backup)
    } catch (failure) {
      const { fields, summary } = formErrors(failure, { reason: strings['access.backup.reasonInvalid'] }, strings)
      setError(fields.reason)
      setResult({ kind: 'error', text: summary ?? messageOf(failure, strings) })
    } finally {
      setBusy(false)
      resultRef.current?.focus()
    }
  }

  return (
    <form class="portal-form backup-request" onSubmit={submit} aria-label={strings['access.backup.request']}>
      <div class="field">
        <label for="backup-reason">{strings['access.backup.reason']}</label>
        <textarea id="backup-reason" name="reason" required maxLength={2000} value={reason} onInput={(e) => setReason(e.currentTarget.value)}
          aria-describedby={error ? 'backup-reason-hint backup-reason-error' : 'backup-reason-hint'} aria-invalid={error ? 'true' : undefined} />
        <p class="hint" id="backup-reason-hint">{format(strings['access.backup.reasonHint'], { organisation: organisationName })}</p>
        {error && <p class="field-error" id="backup-reason-error">{error}</p>}
      </div>
      <ResultMessage result={result} target={resultRef} />
      <div class="actions"><button type="submit" disabled={isBusy}>{strings['access.backup.request']}</button></div>
    </form>
  )
}
