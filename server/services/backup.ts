/** Backups for internal investigation: staff ask, the organisation's admin decides, staff record the arrival and the purge. */
import { randomUUID } from 'node:crypto'
import { BACKUP_MOVES, BACKUP_PURGE_DAYS } from '../domain/consent.ts'
import type { BackupRequest, BackupStatus, Staff } from '../domain/records.ts'
import type { Viewer } from '../middleware/session/index.ts'
import { backupPolicy } from '../policies/backup.ts'
import { audit, changeConsent, findConsent, openIncident, refusalOf, type ConsentDeps, type Outcome } from './consents.ts'

/** Staff ask for a backup on an open incident; every active admin of the organisation is mailed to decide. */
export async function requestBackup(deps: ConsentDeps, staff: Staff, incidentId: string, reason: string): Promise<Outcome<BackupRequest>> {
  const incident = await openIncident(deps, incidentId)
  if ('refused' in incident) return incident
  const at = deps.clock().toISOString()
  const backup = await deps.store.consents.create<BackupRequest>({
    kind: 'backup', id: randomUUID(), organisationId: incident.organisationId, incidentId: incident.id, requestedBy: `staff:${staff.id}`,
    reason, status: 'requested', decidedBy: null, decidedAt: null, decisionNote: null,
    receivedAt: null, receivedBy: null, purgedAt: null, purgedBy: null, createdAt: at, updatedAt: at,
  })
  await audit(deps, `staff:${staff.id}`, 'backup.requested', backup)
  const admins = (await deps.store.contacts.listByOrganisation(incident.organisationId)).filter((x) => x.role === 'admin' && x.isActive)
  await Promise.all(admins.map((admin) => deps.notifier.backupRequested({ backup, incident, admin, staffName: staff.name, purgeDays: BACKUP_PURGE_DAYS })))
  return backup
}

/** What the admin decides, against the version they saw. */
export interface BackupDecision { decision: 'approve' | 'decline'; note?: string | undefined; version: number }

/** The organisation's admin approves or declines a requested backup. */
export async function decideBackup(deps: ConsentDeps, viewer: Viewer, id: string, { decision, note, version }: BackupDecision): Promise<Outcome<BackupRequest>> {
  const found = await findConsent(deps, 'backup', id)
  if (!found) return refusalOf(viewer.kind === 'anonymous' ? 'sign_in_required' : 'not_found')!
  const refusal = refusalOf(backupPolicy.decide(viewer, found.record, found.incident))
  if (refusal) return refusal
  // Only the organisation's admin is allowed, a contact: this narrows the viewer to one.
  if (viewer.kind !== 'contact') return { refused: 'contacts_only' }
  const backup = found.record
  const to: BackupStatus = decision === 'approve' ? 'approved' : 'declined'
  if (!BACKUP_MOVES[backup.status].includes(to)) return { refused: 'move_refused', fields: [{ path: 'decision', message: `a backup that is ${backup.status} cannot become ${to}` }] }
  const at = deps.clock().toISOString()
  const by = `contact:${viewer.contact.id}`
  const decided = await changeConsent(deps, backup, version, (b) => ({ ...b, status: to, decidedBy: by, decidedAt: at, decisionNote: note || null, updatedAt: at }))
  if ('refused' in decided) return decided
  await audit(deps, by, `backup.${to}`, decided, note ? { note } : {})
  return decided
}

/** Staff record that the backup arrived (`received`), or that it was purged (`purged`). */
export async function recordBackupStep(deps: ConsentDeps, staff: Staff, id: string, to: 'received' | 'purged', version: number): Promise<Outcome<BackupRequest>> {
  const found = await findConsent(deps, 'backup', id)
  if (!found) return { refused: 'not_found' }
  const backup = found.record
  if (!BACKUP_MOVES[backup.status].includes(to)) return { refused: 'move_refused', fields: [{ path: 'status', message: `a backup that is ${backup.status} cannot become ${to}` }] }
  const at = deps.clock().toISOString()
  const by = `staff:${staff.id}`
  const moved = await changeConsent(deps, backup, version, (b) => ({ ...b, status: to, ...(to === 'received' ? { receivedAt: at, receivedBy: by } : { purgedAt: at, purgedBy: by }), updatedAt: at }))
  if ('refused' in moved) return moved
  await audit(deps, by, `backup.${to}`, moved)
  return moved
}
