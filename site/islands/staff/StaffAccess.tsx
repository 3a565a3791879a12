/** The console's access page: extra-support requests to approve or decline, the access support holds at customers right now, and the backups waiting on support. */
import { useState } from 'preact/hooks'
import { format } from '#lib/format.ts'
import { ApiFailure, call, messageOf, portalApi } from '../lib/api.ts'
import { FailureNote, Pending, ResultMessage } from '../lib/ResultMessage.tsx'
import { useLoad } from '../lib/use-load.ts'
import { useSubmit } from '../lib/use-submit.ts'
import { Field } from '../lib/Field.tsx'
import { moment } from '../portal/format.ts'
import { usePolling } from '../lib/polling.ts'
import { BackupList } from './AccessPanel/BackupList.tsx'
import { BadgeOf, isBackup, isExtraSupport, isGrant, type Backup, type Consent, type ExtraSupport } from './AccessPanel/consents.tsx'
import {
  backupNeedsAction, billingText, byLine, extraSupportActions, extraSupportStatusName, freshest, levelName, windowText, withRecord,
} from './access-view.ts'
import type { StaffPaths, StaffProps, StaffCommon } from './props.ts'
import { SignedIn } from '../lib/SignedIn.tsx'

/** What the decision route answers; its handler may also return a refusal built apart, which leaves the client's type unknown. */
type DecisionReply = { extraSupport: ExtraSupport }

export default function StaffAccess({ lang, strings, paths }: StaffProps) {
  return (
    <SignedIn as="staff" lang={lang} strings={strings}>
      {() => <AccessPage lang={lang} strings={strings} paths={paths} />}
    </SignedIn>
  )
}

function AccessPage({ lang, strings, paths }: StaffCommon & { paths: StaffPaths }) {
  // Live like the queue: a request filed or a grant revoked shows without a reload. A late answer is dropped.
  // The newest 200 (the most a page holds): what waits for a decision or runs is recent.
  const list = useLoad(async () => (await call(portalApi(lang).consents.$get({ query: { limit: '200' } }), strings)).consents, null, strings, {
    merge: (shown, fresh) => freshest(shown ?? [], fresh),
  })
  usePolling(() => void list.reload(), lang)
  const records = list.data
  const loadError = list.message
  const refresh = list.reload
  /** An action's answer, in its place at once. */
  const took = (record: Consent) => list.update((shown) => withRecord(shown, record))

  const incidentLink = (incident: Backup['incident']) => incident && (
    <a href={`${paths.incident}?id=${encodeURIComponent(incident.id)}`}>{format(strings['access.incident'], { number: incident.number, subject: incident.subject })}</a>
  )
  const grants = records?.filter(isGrant).filter((g) => g.isActive) ?? []
  const backups = records?.filter(isBackup).filter(backupNeedsAction) ?? []

  return (
    <>
      {records ? <FailureNote message={loadError} /> : <Pending message={loadError} loading={strings.loading} />}
      {records && (
        <>
          <ExtraSupportSection requests={records.filter(isExtraSupport)} lang={lang} strings={strings} onDecided={took} onReload={refresh} />

          <section aria-labelledby="active-title">
            <h2 id="active-title">{strings['access.active.title']}</h2>
            {grants.length === 0
              ? <p class="meta">{strings['access.active.none']}</p>
              : (
                <table class="stack">
                  <caption class="visually-hidden">{strings['access.active.title']}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{strings['access.active.organisation']}</th>
                      <th scope="col">{strings['access.active.incident']}</th>
                      <th scope="col">{strings['access.active.access']}</th>
                      <th scope="col">{strings['access.active.givenBy']}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {grants.map((g) => (
                      <tr key={g.id}>
                        <td data-label={strings['access.active.organisation']}>{g.organisation.name}</td>
                        <td data-label={strings['access.active.incident']}>{incidentLink(g.incident)}</td>
                        <td data-label={strings['access.active.access']}>{format(strings['access.grant.item'], { level: levelName(strings, g.level), time: moment(lang, g.endsAt) })}</td>
                        <td data-label={strings['access.active.givenBy']}>{byLine(lang, strings['access.grant.givenBy'], g.grantedBy, g.createdAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
          </section>

          <section aria-labelledby="pending-title">
            <h2 id="pending-title">{strings['access.pending.title']}</h2>
            <p class="hint">{strings['access.pending.hint']}</p>
            <BackupList backups={backups} empty={strings['access.pending.none']} lang={lang} strings={strings} onActed={(r) => r && took(r)} onReload={refresh}
              incidentLink={(b) => <>{b.organisation.name}: {incidentLink(b.incident)}</>} />
          </section>
        </>
      )}
    </>
  )
}

/** The requests, newest first; by default only those still waiting, so the page is a to-do list. */
function ExtraSupportSection({ requests, lang, strings, onDecided, onReload }: StaffCommon & {
  requests: ExtraSupport[]
  onDecided: (request: ExtraSupport) => void
  onReload: () => Promise<void>
}) {
  const [isOpenOnly, setOpenOnly] = useState(true)
  // A decision leaves the list when only open ones show: the section's message says what happened and takes the focus.
  const submit = useSubmit({ texts: strings })
  const listed = isOpenOnly ? requests.filter((r) => r.status === 'requested') : requests

  const decide: Decide = (request, decision, note) => submit.run(async () => {
    const reply = await call(portalApi(lang)['extra-support'][':id'].decision.$post({
      param: { id: request.id }, json: { decision, version: request.version, ...(note.trim() ? { note } : {}) },
    }), strings)
    onDecided((reply as DecisionReply).extraSupport)
    return {
      kind: 'ok',
      text: decision === 'approve' ? format(strings['access.extra.approved'], { organisation: request.organisation.name }) : strings['access.extra.declined'],
    }
  }, {
    key: request.id,
    refused: async (failure) => {
      // Someone else decided first: the list shows their decision.
      const isStale = failure instanceof ApiFailure && failure.status === 409
      await onReload()
      return { kind: 'error', text: isStale ? format(strings['access.conflict'], { message: failure.message }) : messageOf(failure, strings) }
    },
  })

  return (
    <section aria-labelledby="extra-title">
      <h2 id="extra-title">{strings['access.extra.title']}</h2>
      <p class="hint">{strings['access.extra.timesHint']}</p>
      <p>
        <label class="choice">
          <input type="checkbox" checked={isOpenOnly} onChange={(e) => setOpenOnly(e.currentTarget.checked)} />
          {strings['access.extra.onlyOpen']}
        </label>
      </p>
      <ResultMessage result={submit.result} target={submit.resultRef} />
      {listed.length === 0
        ? <p class="meta">{strings[isOpenOnly ? 'access.extra.noneOpen' : 'access.extra.none']}</p>
        : (
          <ul class="consents">
            {listed.map((request) => (
              <ExtraSupportItem key={request.id} request={request} lang={lang} strings={strings} isBusy={submit.isBusy(request.id)} onDecide={decide} />
            ))}
          </ul>
        )}
    </section>
  )
}

type Decide = (request: ExtraSupport, decision: 'approve' | 'decline', note: string) => Promise<void>

function ExtraSupportItem({ request, lang, strings, isBusy, onDecide }: StaffCommon & { request: ExtraSupport; isBusy: boolean; onDecide: Decide }) {
  const [note, setNote] = useState('')
  const id = `extra-${request.id}`
  const span = windowText(lang, strings, request.startsAt, request.endsAt)
  const decide = (decision: 'approve' | 'decline') => onDecide(request, decision, note)

  return (
    <li class="consent-item">
      <h3 id={`${id}-title`}>{request.organisation.name}: {span}</h3>
      <dl class="details">
        <dt>{strings['access.extra.contact']}</dt><dd>{request.contact.name}</dd>
        <dt>{strings['access.extra.requestedAt']}</dt><dd><time dateTime={request.createdAt}>{moment(lang, request.createdAt)}</time></dd>
        <dt>{strings['access.extra.reason']}</dt><dd class="text">{request.reason}</dd>
        <dt>{strings['access.extra.billing']}</dt>
        <dd><BadgeOf badge={{ text: billingText(strings, request.isBilled), tone: request.isBilled ? 'soon' : 'ok' }} /></dd>
        <dt>{strings['access.extra.status']}</dt>
        <dd>
          <BadgeOf badge={{ text: extraSupportStatusName(strings, request.status), tone: request.status === 'approved' ? 'ok' : request.status === 'declined' ? 'breached' : 'soon' }} />
          {request.decidedAt && <span class="meta"> {byLine(lang, strings['access.extra.decidedBy'], request.decidedBy, request.decidedAt)}</span>}
          {request.decisionNote && <span class="meta"> {format(strings['access.backup.note'], { note: request.decisionNote })}</span>}
        </dd>
      </dl>
      {extraSupportActions(request).length > 0 && (
        <form class="portal-form" aria-labelledby={`${id}-title`} onSubmit={(e) => e.preventDefault()}>
          <Field id={`${id}-note`} label={strings['access.extra.note']} hint={strings['access.extra.noteHint']} isHintBelow>
            {(aria) => <textarea {...aria} maxLength={2000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />}
          </Field>
          <div class="actions">
            {extraSupportActions(request).map((decision) => (
              <button key={decision} type="button" class={decision === 'decline' ? 'secondary' : undefined} disabled={isBusy}
                aria-describedby={`${id}-title`} onClick={() => void decide(decision)}>
                {strings[decision === 'approve' ? 'access.extra.approve' : 'access.extra.decline']}
              </button>
            ))}
          </div>
        </form>
      )}
    </li>
  )
}
