/** GET /api/incidents/:id's reply: the incident, its requester, what the viewer may see of messages and files, and the timeline by name. */
import { z } from 'zod'
import { TIMELINE_ACTIONS } from '../domain/consent.ts'
import { INCIDENT_KINDS, LANGUAGES } from '../domain/desk.ts'
import { reactionRefusal } from '../domain/incident.ts'
import { ACCESS_LEVELS, CONTACT_ROLES, INCIDENT_STATUSES, type AuditEntry, type Attachment, type Incident, type Message } from '../domain/records.ts'
import { timelineOf } from '../domain/timeline.ts'
import type { IncidentDeps } from '../services/incident-events.ts'
import { actorsOf } from '../services/actors.ts'
import { MAIL_FAILED } from '../services/mail-failures.ts'
import { staffContext } from '../services/incidents.ts'
import { ActorReply } from './actor.ts'
import { AttachmentReply, AttachmentView, presentAttachment } from './attachment.ts'
import { extraWindowsOf } from '../services/extra-windows.ts'
import { IncidentReply, MessageReply, presentIncident, presentStaffContext } from './incident.ts'
import { OrganisationBrief } from './organisation.ts'

/** The incident page for staff (`isStaff`: internal notes, the staff context) or a customer (public only, whether they may still react). */
export async function presentIncidentView(deps: IncidentDeps, found: { incident: Incident; allMessages: Message[]; files: Attachment[]; audit: AuditEntry[]; newReactions?: string[] }, isStaff: boolean): Promise<IncidentView> {
  const { incident, allMessages, files, audit } = found
  const consentSteps = audit.filter((entry) => TIMELINE_ACTIONS.test(entry.action))
  const mailFailures = isStaff ? audit.filter((entry) => entry.action === MAIL_FAILED) : []
  const messages = allMessages.filter((m) => isStaff || m.visibility === 'public')
  const refs = [
    `contact:${incident.contactId}`, ...incident.statusHistory.map((h) => h.by), ...allMessages.map((m) => m.author), ...files.map((a) => a.uploadedBy), ...consentSteps.map((s) => s.actor),
  ]
  const actorOf = await actorsOf(deps.store, refs, deps.desk.name.nl)
  const timeline = timelineOf(incident, allMessages, files, actorOf, { isStaff, consentSteps, mailFailures })
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
    ...(isStaff ? { newReactions: found.newReactions ?? [] } : {}),
  }
}

const instant = z.iso.datetime()

/** One event on an incident's timeline, by `type`. */
export const TimelineEntry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('status'), at: instant, status: z.enum(INCIDENT_STATUSES), by: ActorReply })
    .meta({ title: 'type "status"', description: 'The status changed.' }),
  z.object({
    type: z.literal('message'), at: instant, id: z.uuid().meta({ description: 'The message\'s id.' }),
    visibility: z.enum(['public', 'internal']), text: z.string(), by: ActorReply,
    phone: z.enum(['inbound', 'outbound']).optional().meta({ description: 'Present for a logged phone call (staff only, as it is internal): its direction. `by` is who logged it.' }),
    attachments: z.array(AttachmentView),
  }).meta({ title: 'type "message"', description: 'A reply, a reaction or (for staff) an internal note or logged phone call, with the files sent with it.' }),
  z.object({ type: z.literal('attachment'), at: instant, by: ActorReply, attachment: AttachmentView })
    .meta({ title: 'type "attachment"', description: 'A file added on its own, without a text.' }),
  z.object({
    type: z.literal('consent'), at: instant, by: ActorReply,
    action: z.string().meta({ description: 'e.g. `remote_view.started`, `remote_view.consented`, `remote_view.ended`, `backup.requested`, `backup.approved`, `backup.declined`, `backup.received`, `backup.purged`, `grant.given`, `grant.revoked`, `grant.used`.' }),
    consentId: z.string().meta({ description: 'The record in GET /api/consents.' }),
    level: z.enum(ACCESS_LEVELS).optional().meta({ description: 'For `grant.given` and `grant.used`.' }),
    endsAt: instant.optional().meta({ description: 'For `grant.given`.' }),
  }).meta({ title: 'type "consent"', description: 'A step of consented access on this incident, shown to both sides.' }),
  z.object({
    type: z.literal('mail_failed'), at: instant, by: ActorReply.meta({ description: 'Always the desk itself (`system`).' }),
    to: z.string().meta({ description: 'The address the mail was for.' }),
    reply: z.string().meta({ description: 'The mail server\'s last reply, e.g. `550 5.1.1 <tom@…>: Recipient address rejected`.' }),
  }).meta({ title: 'type "mail_failed"', description: 'Staff only: a mail about this incident (registration, status change, reply, remote-view code, backup request) that will not be sent: the mail server refused it for good (5xx), or still would not take it after five days. Call or write the customer another way.' }),
]).meta({ id: 'TimelineEntry', description: 'One event on an incident\'s timeline, by `type`.' })

/** GET /api/incidents/:id's reply. */
export const IncidentView = z.object({
  incident: IncidentReply,
  requester: z.object({ id: z.string(), name: z.string() }).meta({ description: 'The contact who filed it.' }),
  messages: z.array(MessageReply).meta({ description: 'The messages the caller may see.' }),
  attachments: z.array(AttachmentReply).meta({ description: 'The files the caller may see, to download by id.' }),
  timeline: z.array(TimelineEntry),
  reactionRefusal: z.enum(['incident_closed', 'reopen_window_passed']).nullable()
    .meta({ description: 'Why the customer may not react any more (the code a reaction would get), or null when they may; always null for staff.' }),
  organisation: OrganisationBrief.nullable().optional().meta({ description: 'Staff only: the incident\'s organisation; null when it is no longer on record.' }),
  contact: z.object({ id: z.string(), name: z.string(), email: z.email(), role: z.enum(CONTACT_ROLES), lang: z.enum(LANGUAGES).meta({ description: 'The language of their e-mails.' }) })
    .nullable().optional().meta({ description: 'Staff only: the requester\'s details, to call or write them; null when they are no longer on record.' }),
  newReactions: z.array(z.string()).optional()
    .meta({ description: 'Staff only: the ids of the customer\'s reactions that were unread (marked in the queue) when this read opened the incident; empty on later reads, as opening it clears the mark.' }),
  history: z.array(z.object({
    id: z.uuid(), number: z.string().regex(/^\d+$/), subject: z.string(), status: z.enum(INCIDENT_STATUSES), kind: z.enum(INCIDENT_KINDS), registeredAt: instant,
    isSameContact: z.boolean().meta({ description: 'Whether the same contact filed it.' }),
  })).max(10).optional().meta({ description: 'Staff only: the organisation\'s other incidents, any status, newest first, at most 10.' }),
})
export type IncidentView = z.infer<typeof IncidentView>
