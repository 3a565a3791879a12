/** Who may see a consent record kept on an incident: remote views, backups and grants alike. */
import type { Incident } from '../domain/records.ts'
import { contactMaySee } from './incident.ts'
import type { Viewer } from '../middleware/session/index.ts'

/**
 * Staff see every one; a contact those of their own organisation: an admin all of them, an
 * employee those on an incident they may see (the ones they filed). A missing incident shows nothing to a contact.
 */
export function maySeeOnIncident(viewer: Viewer, record: { organisationId: string }, incident: Pick<Incident, 'organisationId' | 'contactId'> | undefined): boolean {
  if (viewer.kind === 'anonymous') return false
  if (viewer.kind === 'staff') return true
  const { contact } = viewer
  if (contact.organisationId !== record.organisationId) return false
  if (contact.role === 'admin') return true
  return incident !== undefined && contactMaySee(contact, incident)
}
