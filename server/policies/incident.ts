/** Who may see, react on and change an incident: staff all; an organisation's admin all of theirs; an employee the ones they filed. */
import type { Contact, Incident } from '../domain/records.ts'
import type { Viewer } from '../middleware/session/index.ts'
import { staffOnly, unseen, type Verdict } from './verdict.ts'

type Owned = Pick<Incident, 'organisationId' | 'contactId'>

/** Whether a contact may see a record of theirs (an incident, a complaint): an admin every one of the organisation, an employee their own. */
export function contactMaySee(contact: Contact, record: Owned): boolean {
  if (record.organisationId !== contact.organisationId) return false
  return contact.role === 'admin' || record.contactId === contact.id
}

/** The store filter for what a contact may list (incidents, complaints): an admin the organisation's, an employee their own. */
export function contactIncidentFilter(contact: Contact): { organisationId: string; contactId?: string } {
  return contact.role === 'admin' ? { organisationId: contact.organisationId } : { organisationId: contact.organisationId, contactId: contact.id }
}

export const incidentPolicy = {
  /** Staff all; a contact by contactMaySee. Who may not see it is answered as if it did not exist. */
  maySee: (viewer: Viewer, incident: Owned): boolean => viewer.kind === 'staff' || (viewer.kind === 'contact' && contactMaySee(viewer.contact, incident)),

  /** Reading it, a message or an attachment on it: whoever may see it; nobody signed in must sign in. */
  see: (viewer: Viewer, incident: Owned): Verdict => (incidentPolicy.maySee(viewer, incident) ? 'allowed' : unseen(viewer)),

  /** A reaction (message or attachment): as `see`; whether the incident still takes one is the domain's reactionRefusal. */
  react: (viewer: Viewer, incident: Owned): Verdict => incidentPolicy.see(viewer, incident),

  /** Triage (priority, team, assignee, status) and logging a phone call: staff only. */
  change: (viewer: Viewer): Verdict => staffOnly(viewer),

  /** Internal notes and messages, and the staff context beside an incident: staff only. */
  maySeeInternal: (viewer: Viewer): boolean => viewer.kind === 'staff',
}
