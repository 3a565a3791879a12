/** A complaint as its viewer reads it: names instead of references, the incident by number, whether its target is breached. */
import { isComplaintBreached } from '../domain/complaint.ts'
import type { Complaint, Contact } from '../domain/records.ts'
import type { Deps } from '../deps.ts'
import { actorsOf } from '../services/actors.ts'

/** The portal page of a complaint, where a link in its e-mails lands. */
export function complaintPage(complaint: Complaint, contact: Contact): string {
  return `${contact.lang === 'en' ? '/en/portal/complaints' : '/portaal/klachten'}/?id=${complaint.id}`
}

/** The complaint with its people by name and its incident by number. */
export async function presentComplaint(deps: Pick<Deps, 'store' | 'desk' | 'clock'>, complaint: Complaint) {
  const refs = [`contact:${complaint.contactId}`, ...complaint.replies.map((r) => r.by), ...complaint.statusHistory.map((h) => h.by)]
  const actorOf = await actorsOf(deps.store, refs, deps.desk.name.nl)
  const incident = complaint.incidentId ? await deps.store.incidents.get(complaint.incidentId) : undefined
  const { incidentId: _id, contactId, statusHistory, replies, ...fields } = complaint
  return {
    ...fields,
    contact: { id: contactId, name: actorOf(`contact:${contactId}`).name },
    incident: incident ? { id: incident.id, number: incident.number, subject: incident.subject } : null,
    statusHistory: statusHistory.map((h) => ({ status: h.status, at: h.at, by: actorOf(h.by) })),
    replies: replies.map((r) => ({ at: r.at, text: r.text, by: actorOf(r.by) })),
    isBreached: isComplaintBreached(complaint, deps.clock()),
  }
}
