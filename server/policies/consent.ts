/** Who may see a consent record of any kind: each kind's own policy decides. */
import type { ConsentRecord, Incident } from '../domain/records.ts'
import type { Viewer } from '../middleware/session/index.ts'
import { backupPolicy } from './backup.ts'
import { extraSupportPolicy } from './extra-support.ts'
import { grantPolicy } from './grant.ts'
import { remoteViewPolicy } from './remote-view.ts'

/**
 * Whether the viewer may see a consent record of any kind, given the incident it belongs to
 * (undefined for extra support, or when the incident is gone): each kind's own policy decides.
 */
export function maySeeConsent(viewer: Viewer, record: ConsentRecord, incident: Incident | undefined): boolean {
  switch (record.kind) {
    case 'remote_view': return remoteViewPolicy.maySee(viewer, record, incident)
    case 'backup': return backupPolicy.maySee(viewer, record, incident)
    case 'grant': return grantPolicy.maySee(viewer, record, incident)
    case 'extra_support': return extraSupportPolicy.maySee(viewer, record)
  }
}
