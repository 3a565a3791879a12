/** Complaints and opinions: what a contact files, the one-working-day response target, and how staff move them on. */
import { z } from 'zod'
import { Language, type DeskConfig } from './desk.ts'
import { subjectLine } from './names.ts'
import type { BusinessCalendar } from './calendar.ts'
import { COMPLAINT_STATUSES, FEEDBACK_KINDS, type Complaint, type ComplaintStatus, type Contact } from './records.ts'
import { addBusinessTime, businessMsBetween } from './sla.ts'
import { COMPLAINT_TRANSITIONS } from './transitions.ts'

const text = (min: number, max: number) => z.string().trim().min(min).max(max)

/** A complaint or opinion from the portal; the signed-in contact decides the organisation. */
export const ComplaintInput = z.strictObject({
  /** complaint (klacht) or opinion (mening). */
  kind: z.enum(FEEDBACK_KINDS).meta({ description: '`complaint` (klacht): answered within the response target; `opinion` (mening): read and, where useful, answered.' }),
  subject: subjectLine(3, 200).meta({ description: 'What it is about, in a line, with a letter or digit; kept composed (NFC), trimmed, without direction controls.' }),
  text: text(10, 10_000).meta({ description: 'The complaint or opinion itself.' }),
  /** The number of an incident it is about; default none. @example "100142" */
  incidentNumber: z.string().regex(/^\d{1,12}$/, { error: 'an incident number has digits only' }).optional()
    .meta({ description: 'The number of an incident it is about, one the contact may see; default none.' }),
  /** Language of the e-mails; default the contact's own. */
  lang: Language.optional().meta({ description: 'The language of its e-mails; default the contact\'s own.' }),
}).meta({ id: 'ComplaintInput', title: 'ComplaintInput', description: 'A complaint or opinion from the portal; the session decides who filed it and for which organisation.' })
export type ComplaintInput = z.input<typeof ComplaintInput>

/** What support does with a complaint: a reply to the customer, an internal note, a new status, an assignee, or several. */
export const ComplaintChangeInput = z.strictObject({
  /** The version the change was made against; an older one is refused with 409. */
  version: z.number().int().positive().meta({ description: 'The version the change was made against, as read; an older one is refused with 409.' }),
  status: z.enum(COMPLAINT_STATUSES).optional().meta({ description: 'The new status; see the moves allowed. The same status again changes nothing.' }),
  reply: text(1, 20_000).optional().meta({ description: 'A reply to the customer: added to the replies and mailed.' }),
  /** An internal note: for support only, never shown or mailed to the customer. */
  note: text(1, 20_000).optional().meta({ description: 'An internal note for support: never shown to the customer nor mailed.' }),
  /** The staff member who handles it from now on; null: nobody. */
  assigneeId: z.string().min(1).max(100).nullable().optional().meta({ description: 'The id of the active staff member who handles it from now on (see GET /api/staff/people); null: nobody.' }),
}).refine((c) => c.status !== undefined || c.reply !== undefined || c.note !== undefined || c.assigneeId !== undefined, { error: 'give a status, a reply, a note or an assignee', path: ['status'] })
  .meta({ id: 'ComplaintChangeInput', title: 'ComplaintChangeInput', description: 'What support does with a complaint: a reply to the customer, an internal note, a new status, an assignee, or several.' })
export type ComplaintChangeInput = z.input<typeof ComplaintChangeInput>

export { COMPLAINT_TRANSITIONS }

/** When the first response to a complaint filed at `at` is due: `complaintResponseBusinessHours` of business time. */
export function complaintDueAt(at: Date, desk: DeskConfig, calendar: BusinessCalendar): Date {
  return addBusinessTime(at, desk.process.complaintResponseBusinessHours * 3_600_000, calendar)
}

/** A new complaint or opinion; only a complaint has a response target. */
export function newComplaint(
  input: z.output<typeof ComplaintInput>,
  context: { contact: Contact; incidentId: string | null; desk: DeskConfig; calendar: BusinessCalendar; now: Date },
): Omit<Complaint, 'id' | 'number' | 'version'> {
  const at = context.now.toISOString()
  return {
    organisationId: context.contact.organisationId,
    contactId: context.contact.id,
    kind: input.kind,
    subject: input.subject,
    text: input.text,
    incidentId: context.incidentId,
    lang: input.lang ?? context.contact.lang,
    status: 'received',
    statusHistory: [{ status: 'received', at, by: `contact:${context.contact.id}` }],
    replies: [],
    registeredAt: at,
    dueAt: input.kind === 'complaint' ? complaintDueAt(context.now, context.desk, context.calendar).toISOString() : null,
    respondedAt: null,
    updatedAt: at,
  }
}

/** Why a change may not be made, or undefined when it may. */
export function complaintChangeRefusal(complaint: Complaint, status: ComplaintStatus | undefined): 'transition_refused' | undefined {
  if (status === undefined || status === complaint.status) return undefined
  return COMPLAINT_TRANSITIONS[complaint.status].includes(status) ? undefined : 'transition_refused'
}

/**
 * Applies support's change. The first reply or status change is the response the target asks for;
 * a note or an assignment is internal and answers nothing.
 */
export function changeComplaint(complaint: Complaint, change: { status?: ComplaintStatus; reply?: string; note?: string; assigneeId?: string | null }, by: string, now: Date): Complaint {
  const at = now.toISOString()
  const isResponse = change.reply !== undefined || (change.status !== undefined && change.status !== complaint.status)
  const next: Complaint = { ...complaint, updatedAt: at, respondedAt: complaint.respondedAt ?? (isResponse ? at : null) }
  if (change.reply !== undefined) next.replies = [...complaint.replies, { at, by, text: change.reply }]
  if (change.note !== undefined) next.notes = [...(complaint.notes ?? []), { at, by, text: change.note }]
  if (change.assigneeId !== undefined && change.assigneeId !== (complaint.assigneeId ?? null)) {
    next.assigneeId = change.assigneeId
    next.assignments = [...(complaint.assignments ?? []), { at, by, assigneeId: change.assigneeId }]
  }
  if (change.status !== undefined && change.status !== complaint.status) {
    next.status = change.status
    next.statusHistory = [...complaint.statusHistory, { status: change.status, at, by }]
  }
  return next
}

/** Whether a change is one the customer hears of: a reply or a new status (a note or an assignment is not). */
export function isCustomerChange(complaint: Complaint, change: { status?: ComplaintStatus; reply?: string }): boolean {
  return change.reply !== undefined || (change.status !== undefined && change.status !== complaint.status)
}

/** Whether a complaint still waits for support's first response: a complaint (not an opinion), open, none yet. */
export function awaitsResponse(complaint: Complaint): boolean {
  return complaint.dueAt !== null && complaint.respondedAt === null && complaint.status !== 'resolved'
}

/**
 * Whether its response target nears at `now`: it awaits a response and at most `leadMs` of
 * business time is left (or the target has passed).
 */
export function isComplaintNearing(complaint: Complaint, now: Date, leadMs: number, calendar: BusinessCalendar): boolean {
  if (!awaitsResponse(complaint)) return false
  const due = new Date(complaint.dueAt!)
  return due <= now || businessMsBetween(now, due, calendar) <= leadMs
}

/** The business time left until the response is due, in minutes (negative once past); null without a pending target. */
export function complaintRemainingMinutes(complaint: Complaint, now: Date, calendar: BusinessCalendar): number | null {
  if (!awaitsResponse(complaint)) return null
  const due = new Date(complaint.dueAt!)
  const ms = due >= now ? businessMsBetween(now, due, calendar) : -businessMsBetween(due, now, calendar)
  return Math.round(ms / 60_000)
}

/** Whether the response target was missed: no response by the due time (now, or when it came). */
export function isComplaintBreached(complaint: Complaint, now: Date): boolean {
  if (!complaint.dueAt) return false
  const due = new Date(complaint.dueAt).getTime()
  return (complaint.respondedAt ? new Date(complaint.respondedAt).getTime() : now.getTime()) > due
}

/** Whether `email` is one of desk.yaml's complaints handlers, who are mailed every new complaint (addresses compare without case). */
export function isComplaintsHandler(desk: Pick<DeskConfig, 'complaints'>, email: string): boolean {
  return desk.complaints.handlers.some((handler) => handler.toLowerCase() === email.toLowerCase())
}
