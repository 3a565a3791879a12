/** Who may file, see and answer a complaint: contacts file them; staff see and answer all; an admin sees the organisation's, an employee their own. */
import type { Complaint, Contact, Incident } from '../domain/records.ts'
import type { SignedIn, Viewer } from '../middleware/session/index.ts'
import { contactIncidentFilter, contactMaySee } from './incident.ts'
import { staffOnly, unseen, type Verdict } from './verdict.ts'

type Owned = Pick<Complaint, 'organisationId' | 'contactId'>

export const complaintPolicy = {
  /** Staff all; a contact by role, as for incidents. Who may not see it is answered as if it did not exist. */
  maySee: (viewer: Viewer, complaint: Owned): boolean => viewer.kind === 'staff' || (viewer.kind === 'contact' && contactMaySee(viewer.contact, complaint)),

  /** Reading one: whoever may see it; nobody signed in must sign in. */
  see: (viewer: Viewer, complaint: Owned): Verdict => (complaintPolicy.maySee(viewer, complaint) ? 'allowed' : unseen(viewer)),

  /** Filing one: a customer's contact only; staff have the console. */
  file(viewer: Viewer): Verdict {
    if (viewer.kind === 'anonymous') return 'sign_in_required'
    return viewer.kind === 'contact' ? 'allowed' : 'contacts_only'
  },

  /** Naming an incident in it: one the contact may see; any other reads as an unknown number. */
  mayName: (contact: Contact, incident: Pick<Incident, 'organisationId' | 'contactId'>): boolean => contactMaySee(contact, incident),

  /** Answering it and moving its status: staff only. */
  answer: (viewer: Viewer): Verdict => staffOnly(viewer),
}

/** The store filter for the complaints a signed-in viewer may list: staff all, a contact by role. */
export const complaintListFilter = (viewer: SignedIn): { organisationId?: string; contactId?: string } =>
  viewer.kind === 'staff' ? {} : contactIncidentFilter(viewer.contact)
