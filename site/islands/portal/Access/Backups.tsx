/** Backups support asked for: the reason, who decided and when the copy is purged; an admin approves or declines, with a note. */
import { useState } from 'preact/hooks'
import { format } from '#lib/format.ts'
import { portalApi } from '../../lib/api.ts'
import { Field } from '../../lib/Field.tsx'
import { ResultMessage } from '../../lib/ResultMessage.tsx'
import { useSubmit } from '../../lib/use-submit.ts'
import { backupBadge, purgeLine } from '../access-view.ts'
import { moment } from '../format.ts'
import { acted, isBackup, refusal, type Backup } from './consents.ts'
import { BadgeOf, incidentLink, type SectionProps } from './section.tsx'

type Decide = (backup: Backup, decision: 'approve' | 'decline', note: string) => Promise<void>

export function Backups({ backups, ...props }: SectionProps & { backups: Backup[] }) {
  const { lang, strings, isAdmin, onActed } = props
  const submit = useSubmit({ texts: strings })

  const decide: Decide = (backup, decision, note) => submit.run(async () => {
    const json = { decision, version: backup.version, ...(note.trim() ? { note } : {}) }
    const { backup: decided } = await acted<{ backup: Backup }>(portalApi(lang).backups[':id'].decision.$post({ param: { id: backup.id }, json }), strings)
    onActed(decided)
    return { kind: 'ok', text: format(strings[decision === 'approve' ? 'access.backup.approved' : 'access.backup.declined'], { number: backup.incident?.number ?? '' }) }
  }, { key: backup.id, refused: (failure) => refusal(failure, strings, (current) => (isBackup(current) ? backupBadge(strings, current.status).text : ''), props) })

  return (
    <section aria-labelledby="access-backups">
      <h2 id="access-backups">{strings['access.backups.title']}</h2>
      <p>{strings[isAdmin ? 'access.backups.introAdmin' : 'access.backups.introEmployee']}</p>
      {backups.length === 0 ? <p class="meta">{strings['access.backups.none']}</p> : (
        <ul class="consents">
          {backups.map((backup) => <BackupItem key={backup.id} backup={backup} isBusy={submit.isBusy(backup.id)} onDecide={decide} {...props} />)}
        </ul>
      )}
      <ResultMessage result={submit.result} target={submit.resultRef} />
    </section>
  )
}

function BackupItem({ backup, isBusy, onDecide, lang, strings, paths, isAdmin }: SectionProps & { backup: Backup; isBusy: boolean; onDecide: Decide }) {
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
          <Field id={`${headingId}-note`} label={strings['access.backup.note']}>
            {(aria) => <textarea {...aria} name="note" maxLength={2000} rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} />}
          </Field>
          <div class="actions">
            <button type="button" disabled={isBusy} onClick={() => void onDecide(backup, 'approve', note)}>{strings['access.backup.approve']}{forWhich}</button>
            <button type="button" class="secondary" disabled={isBusy} onClick={() => void onDecide(backup, 'decline', note)}>{strings['access.backup.decline']}{forWhich}</button>
          </div>
        </div>
      )}
    </li>
  )
}
