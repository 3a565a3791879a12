/** Who may see and change an organisation and its contacts: its own contacts only; the admin all of it, an employee the essentials. */
import type { Contact } from '../domain/records.ts'
import type { Viewer } from '../middleware/session/index.ts'
import { adminOf, type Verdict } from './verdict.ts'

export const organisationPolicy = {
  /** Seeing the organisation: a contact of it (staff have the console); an admin in full, an employee in brief. */
  see(viewer: Viewer, organisationId: string): Verdict {
    if (viewer.kind === 'anonymous') return 'sign_in_required'
    if (viewer.kind !== 'contact') return 'contacts_only'
    return viewer.contact.organisationId === organisationId ? 'allowed' : 'not_found'
  },

  /** How much of it a contact of it sees: `full` for the admin, `brief` (name, number, First Class) for an employee. */
  detail: (contact: Contact): 'full' | 'brief' => (contact.role === 'admin' ? 'full' : 'brief'),

  /** Changing its details and listing or adding its contacts: its admin only. */
  change: (viewer: Viewer, organisationId: string): Verdict => adminOf(viewer, organisationId),

  /** Changing one contact: the admin of the contact's organisation; one of another organisation reads as not there. */
  changeContact: (viewer: Viewer, contact: Pick<Contact, 'organisationId'>): Verdict => adminOf(viewer, contact.organisationId),
}
