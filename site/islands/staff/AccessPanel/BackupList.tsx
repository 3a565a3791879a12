/**
 * Backups with their state and purge date, each offering the step support records next. The
 * message after a step stays when the backup leaves the list with it (or the list empties).
 */
import type { ComponentChildren } from 'preact'
import { format } from '#lib/format.ts'
import { ApiFailure, call, messageOf, portalApi } from '../../lib/api.ts'
import { ResultMessage } from '../../lib/ResultMessage.tsx'
import { useSubmit } from '../../lib/use-submit.ts'
import { day } from '../../portal/format.ts'
import { backupActions, backupBadge, byLine } from '../access-view.ts'
import { BadgeOf, type Backup, type BackupReply, type ListProps } from './consents.tsx'

export function BackupList({ backups, empty, lang, strings, onActed, onReload, incidentLink }: ListProps & {
  backups: Backup[]
  /** What the list says when it has no backups. */
  empty: string
  /** On the console's access page each backup links to its incident. */
  incidentLink?: (backup: Backup) => ComponentChildren
}) {
  const submit = useSubmit({ texts: strings })

  const record = (backup: Backup, step: 'received' | 'purged') => submit.run(async () => {
    const api = portalApi(lang).backups[':id']
    const request = { param: { id: backup.id }, json: { version: backup.version } }
    const reply = step === 'received' ? await call(api.received.$post(request), strings) : await call(api.purged.$post(request), strings)
    const { backup: moved } = reply as BackupReply
    onActed(moved)
    return { kind: 'ok', text: strings[step === 'received' ? 'access.backup.savedReceived' : 'access.backup.savedPurged'] }
  }, {
    key: backup.id,
    refused: async (failure) => {
      // Someone else was first (or the customer decided meanwhile): the list shows where it stands now.
      const isStale = failure instanceof ApiFailure && failure.status === 409
      if (isStale) await onReload()
      return { kind: 'error', text: isStale ? format(strings['access.conflict'], { message: failure.message }) : messageOf(failure, strings) }
    },
  })

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
                        <button key={step} type="button" aria-describedby={id} disabled={submit.isBusy(backup.id)} onClick={() => void record(backup, step)}>
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
      <ResultMessage result={submit.result} target={submit.resultRef} />
    </>
  )
}
