/** A complaint as its viewer reads it: names instead of references, the incident by number, whether its target is breached. */
import { z } from 'zod'
import { complaintPath } from '#lib/paths.ts'
import { complaintRemainingMinutes, isComplaintBreached, isComplaintNearing } from '../domain/complaint.ts'
import { LANGUAGES } from '../domain/desk.ts'
import { COMPLAINT_STATUSES, FEEDBACK_KINDS, type Complaint, type Contact } from '../domain/records.ts'
import type { Deps } from '../deps.ts'
import { actorsOf } from '../services/actors.ts'
import { ActorReply } from './actor.ts'

const instant = z.iso.datetime()

/** A complaint or opinion as callers see it. */
export const ComplaintReply = z.object({
  id: z.uuid(),
  number: z.string().regex(/^K\d+$/).meta({ description: '`K` and digits, unique and increasing: a series of its own beside the incident numbers.' }),
  organisationId: z.string(),
  kind: z.enum(FEEDBACK_KINDS),
  subject: z.string(),
  text: z.string(),
  lang: z.enum(LANGUAGES).meta({ description: 'The language of its e-mails.' }),
  status: z.enum(COMPLAINT_STATUSES),
  registeredAt: instant,
  dueAt: instant.nullable().meta({ description: 'When the first response is due: one working day of business time after filing. Null for an opinion.' }),
  respondedAt: instant.nullable().meta({ description: 'Support\'s first response (a reply or a status change); null until then.' }),
  updatedAt: instant,
  version: z.number().int().min(1).meta({ description: 'Raised on every change; send it with PATCH.' }),
  contact: z.object({ id: z.string(), name: z.string() }).meta({ description: 'The contact who filed it, who gets the e-mails.' }),
  incident: z.object({ id: z.uuid(), number: z.string(), subject: z.string() }).nullable().meta({ description: 'The incident it is about, or null.' }),
  statusHistory: z.array(z.object({ status: z.enum(COMPLAINT_STATUSES), at: instant, by: ActorReply })).meta({ description: 'Oldest first.' }),
  replies: z.array(z.object({ at: instant, text: z.string(), by: ActorReply })).meta({ description: 'Support\'s answers, oldest first; the customer sees and is mailed each.' }),
  isBreached: z.boolean().meta({ description: 'Whether the response target was missed: no response by `dueAt`, as of now or when it came. Always false for an opinion.' }),
}).meta({ id: 'Complaint', description: 'A complaint or opinion as callers see it: people by name, the incident by number.' })
export type ComplaintReply = z.infer<typeof ComplaintReply>

/** A 409 on a complaint: the change was made against an older version. */
export const ComplaintVersionConflict = z.object({
  code: z.literal('version_conflict'),
  message: z.string(),
  current: ComplaintReply.meta({ description: 'The complaint as it is now.' }),
}).meta({ id: 'ComplaintVersionConflict', description: 'A 409: the change to a complaint was made against an older version.' })

/** The portal page of a complaint, where a link in its e-mails lands. */
export function complaintPage(complaint: Complaint, contact: Contact): string {
  return complaintPath(contact.lang, complaint.id)
}

/** The complaint with its people by name and its incident by number. */
export async function presentComplaint(deps: Pick<Deps, 'store' | 'desk' | 'clock'>, complaint: Complaint): Promise<ComplaintReply> {
  const refs = [`contact:${complaint.contactId}`, ...complaint.replies.map((r) => r.by), ...complaint.statusHistory.map((h) => h.by)]
  const actorOf = await actorsOf(deps.store, refs, deps.desk.name.nl)
  const incident = complaint.incidentId ? await deps.store.incidents.get(complaint.incidentId) : undefined
  // Named field by field: what support keeps inside (notes, the assignee, the reminder) never reaches a customer.
  const { id, number, organisationId, kind, subject, text, lang, status, registeredAt, dueAt, respondedAt, updatedAt, version, contactId, statusHistory, replies } = complaint
  return {
    id, number, organisationId, kind, subject, text, lang, status, registeredAt, dueAt, respondedAt, updatedAt, version,
    contact: { id: contactId, name: actorOf(`contact:${contactId}`).name },
    incident: incident ? { id: incident.id, number: incident.number, subject: incident.subject } : null,
    statusHistory: statusHistory.map((h) => ({ status: h.status, at: h.at, by: actorOf(h.by) })),
    replies: replies.map((r) => ({ at: r.at, text: r.text, by: actorOf(r.by) })),
    isBreached: isComplaintBreached(complaint, deps.clock()),
  }
}

/** A complaint as the console reads it: the customer's view, plus the assignee, the internal notes and how its target stands. */
export const StaffComplaintReply = ComplaintReply.extend({
  contact: z.object({ id: z.string(), name: z.string(), email: z.string() }).meta({ description: 'The contact who filed it, who gets the e-mails.' }),
  assignee: z.object({ id: z.string(), name: z.string() }).nullable().meta({ description: 'The staff member handling it, or null.' }),
  notes: z.array(z.object({ at: instant, text: z.string(), by: ActorReply })).meta({ description: 'Support\'s internal notes, oldest first: never shown or mailed to the customer.' }),
  organisation: z.object({ id: z.string(), name: z.string() }).meta({ description: 'The customer organisation it came from.' }),
  isNearing: z.boolean().meta({ description: 'Whether it awaits a response and is within desk.yaml\'s `complaints.nearingBusinessHours` of `dueAt` (or past it).' }),
  remainingBusinessMinutes: z.number().int().nullable().meta({ description: 'Business time left until `dueAt`, negative once past; null when no response is awaited (an opinion, or answered).' }),
  nearingMailedAt: instant.nullable().meta({ description: 'When the handlers were reminded that it nears its target; null until then.' }),
  assignments: z.array(z.object({ at: instant, by: ActorReply, assignee: z.object({ id: z.string(), name: z.string() }).nullable() }))
    .meta({ description: 'Who was assigned when, oldest first; `assignee` null: the assignment was lifted.' }),
}).meta({ id: 'StaffComplaint', description: 'A complaint or opinion as support sees it: with the assignee, internal notes and its target in business time.' })
export type StaffComplaintReply = z.infer<typeof StaffComplaintReply>

/** A 409 on a complaint in the console: the change was made against an older version. */
export const StaffComplaintVersionConflict = z.object({
  code: z.literal('version_conflict'),
  message: z.string(),
  current: StaffComplaintReply.meta({ description: 'The complaint as it is now.' }),
}).meta({ id: 'StaffComplaintVersionConflict', description: 'A 409: the change to a complaint was made against an older version.' })

/** The complaint as the console shows it. */
export async function presentStaffComplaint(deps: Pick<Deps, 'store' | 'desk' | 'clock' | 'calendar'>, complaint: Complaint): Promise<StaffComplaintReply> {
  const notes = complaint.notes ?? []
  const assignments = complaint.assignments ?? []
  const assignees = [complaint.assigneeId, ...assignments.map((a) => a.assigneeId)].flatMap((id) => (id ? [`staff:${id}`] : []))
  const refs = [...notes.map((n) => n.by), ...assignments.map((a) => a.by), ...assignees]
  // One read after another: inside a change's unit of work, PostgreSQL's reads share one connection.
  const shown = await presentComplaint(deps, complaint)
  const actorOf = await actorsOf(deps.store, refs, deps.desk.name.nl)
  const organisation = await deps.store.organisations.get(complaint.organisationId)
  const contact = await deps.store.contacts.get(complaint.contactId)
  const now = deps.clock()
  return {
    ...shown,
    contact: { ...shown.contact, email: contact?.email ?? '' },
    assignee: complaint.assigneeId ? { id: complaint.assigneeId, name: actorOf(`staff:${complaint.assigneeId}`).name } : null,
    notes: notes.map((n) => ({ at: n.at, text: n.text, by: actorOf(n.by) })),
    organisation: { id: complaint.organisationId, name: organisation?.name ?? complaint.organisationId },
    isNearing: isComplaintNearing(complaint, now, deps.desk.complaints.nearingBusinessHours * 3_600_000, deps.calendar),
    remainingBusinessMinutes: complaintRemainingMinutes(complaint, now, deps.calendar),
    nearingMailedAt: complaint.nearingMailedAt ?? null,
    assignments: assignments.map((a) => ({ at: a.at, by: actorOf(a.by), assignee: a.assigneeId ? { id: a.assigneeId, name: actorOf(`staff:${a.assigneeId}`).name } : null })),
  }
}
