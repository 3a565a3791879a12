/** Who may see a temporary access grant, give one, revoke it, and use it. */
import type { AccessGrant, Incident } from '../domain/records.ts'
import { contactMaySee } from './incident.ts'
import type { Viewer } from '../middleware/session/index.ts'
import { adminOf, staffOnly, unseen, type Verdict } from './verdict.ts'
import { maySeeOnIncident } from './on-incident.ts'

export const grantPolicy = {
  /** Staff all; the organisation's admin all of theirs; an employee those on their incidents. */
  maySee: (viewer: Viewer, grant: AccessGrant, incident: Incident | undefined): boolean => maySeeOnIncident(viewer, grant, incident),

  /** Only the admin of the incident's organisation gives access; staff are refused, and a contact who may not see the incident learns nothing. */
  give(viewer: Viewer, incident: Pick<Incident, 'organisationId' | 'contactId'>): Verdict {
    if (viewer.kind === 'anonymous') return 'sign_in_required'
    if (viewer.kind !== 'contact') return 'contacts_only'
    if (!contactMaySee(viewer.contact, incident)) return 'not_found'
    return adminOf(viewer, incident.organisationId)
  },

  /** Only the admin of the grant's organisation revokes it. */
  revoke(viewer: Viewer, grant: AccessGrant, incident: Incident | undefined): Verdict {
    if (!grantPolicy.maySee(viewer, grant, incident)) return unseen(viewer)
    return adminOf(viewer, grant.organisationId)
  },

  /** Only staff use a grant (and every use is checked against the clock). */
  use: (viewer: Viewer): Verdict => staffOnly(viewer),
}
