/** Who may see a request for extra support outside business hours, make one, and decide on it. */
import { mayFile } from '../domain/incident.ts'
import type { ExtraSupportRequest } from '../domain/records.ts'
import type { Viewer } from '../middleware/session/index.ts'
import { staffOnly, type Verdict } from './verdict.ts'

export const extraSupportPolicy = {
  /** Staff all; the organisation's admin all of theirs; an employee the ones they asked for. */
  maySee(viewer: Viewer, request: ExtraSupportRequest): boolean {
    if (viewer.kind === 'anonymous') return false
    if (viewer.kind === 'staff') return true
    const { contact } = viewer
    if (contact.organisationId !== request.organisationId) return false
    return contact.role === 'admin' || request.contactId === contact.id
  },

  /** Any authorised contact asks for their organisation; staff do not. */
  request(viewer: Viewer): Verdict {
    if (viewer.kind === 'anonymous') return 'sign_in_required'
    if (viewer.kind !== 'contact') return 'contacts_only'
    return mayFile(viewer.contact) ? 'allowed' : 'not_authorised'
  },

  /** Only staff approve or decline. */
  decide: (viewer: Viewer): Verdict => staffOnly(viewer),
}
