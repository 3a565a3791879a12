/** Who may see a backup request, ask for one, decide on it, and record its arrival and purge. */
import type { BackupRequest, Incident } from '../domain/records.ts'
import type { Viewer } from '../middleware/session/index.ts'
import { adminOf, staffOnly, unseen, type Verdict } from './verdict.ts'
import { maySeeOnIncident } from './on-incident.ts'

export const backupPolicy = {
  /** Staff all; the organisation's admin all of theirs; an employee those on their incidents. */
  maySee: (viewer: Viewer, backup: BackupRequest, incident: Incident | undefined): boolean => maySeeOnIncident(viewer, backup, incident),

  /** Only staff ask for a backup. */
  request: (viewer: Viewer): Verdict => staffOnly(viewer),

  /** Only the admin of the backup's organisation approves or declines; who may not see it learns nothing. */
  decide(viewer: Viewer, backup: BackupRequest, incident: Incident | undefined): Verdict {
    if (!backupPolicy.maySee(viewer, backup, incident)) return unseen(viewer)
    return adminOf(viewer, backup.organisationId)
  },

  /** Only staff record that the backup arrived, or that it was purged. */
  record: (viewer: Viewer): Verdict => staffOnly(viewer),
}
