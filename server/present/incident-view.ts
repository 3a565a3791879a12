/** GET /api/incidents/:id's reply: the incident, its requester, what the viewer may see of messages and files, and the timeline by name. */
import { TIMELINE_ACTIONS } from '../domain/consent.ts'
import { reactionRefusal } from '../domain/incident.ts'
import type { AuditEntry, Attachment, Incident, Message } from '../domain/records.ts'
import { timelineOf } from '../domain/timeline.ts'
import type { IncidentDeps } from '../services/incident-events.ts'
import { actorsOf } from '../services/actors.ts'
import { staffContext } from '../services/incidents.ts'
import { presentAttachment } from './attachment.ts'
import { extraWindowsOf, presentIncident, presentStaffContext } from './incident.ts'

/** The incident page for staff (`isStaff`: internal notes, the staff context) or a customer (public only, whether they may still react). */
export async function presentIncidentView(deps: IncidentDeps, found: { incident: Incident; allMessages: Message[]; files: Attachment[]; audit: AuditEntry[] }, isStaff: boolean) {
  const { incident, allMessages, files, audit } = found
  const consentSteps = audit.filter((entry) => TIMELINE_ACTIONS.test(entry.action))
  const messages = allMessages.filter((m) => isStaff || m.visibility === 'public')
  const refs = [
    `contact:${incident.contactId}`, ...incident.statusHistory.map((h) => h.by), ...allMessages.map((m) => m.author), ...files.map((a) => a.uploadedBy), ...consentSteps.map((s) => s.actor),
  ]
  const actorOf = await actorsOf(deps.store, refs, deps.desk.name.nl)
  const timeline = timelineOf(incident, allMessages, files, actorOf, { isStaff, consentSteps })
  const shown = new Set(timeline.flatMap((e) => (e.type === 'message' ? e.attachments.map((a) => a.id) : e.type === 'attachment' ? [e.attachment.id] : [])))
  const now = deps.clock()
  return {
    incident: presentIncident(incident, deps, now, await extraWindowsOf(deps.store, incident.organisationId)),
    requester: { id: incident.contactId, name: actorOf(`contact:${incident.contactId}`).name },
    ...(isStaff ? presentStaffContext(incident, await staffContext(deps, incident)) : {}),
    messages,
    attachments: files.filter((a) => shown.has(a.id)).map(presentAttachment),
    timeline,
    /** Why the customer may not react any more, if so: the portal then offers a new incident instead. */
    reactionRefusal: isStaff ? null : (reactionRefusal(incident, now, deps.desk) ?? null),
  }
}
