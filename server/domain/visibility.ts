/** Who may see what: a contact sees their organisation's incidents by role, staff see all. */
import type { Contact, Incident } from './records.ts'

/** An admin sees every incident (and complaint) of the organisation; an employee only the ones they filed. */
export function contactMaySee(contact: Contact, record: Pick<Incident, 'organisationId' | 'contactId'>): boolean {
  if (record.organisationId !== contact.organisationId) return false
  return contact.role === 'admin' || record.contactId === contact.id
}

/** The store filter that lists what a contact may see. */
export function contactIncidentFilter(contact: Contact): { organisationId: string; contactId?: string } {
  return contact.role === 'admin' ? { organisationId: contact.organisationId } : { organisationId: contact.organisationId, contactId: contact.id }
}
