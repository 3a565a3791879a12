/**
 * Staff notifications: who is told of what (an incident assigned to them, a customer's reaction on
 * one they handle, one of theirs near its target, a complaint for their team), in their inbox and,
 * as each chooses, by mail; the inbox itself and each staff member's mail preferences.
 *
 * A complaint about an incident is told to that incident's team; one about no incident to the team
 * desk.yaml names under `notifications.complaintTeam` (default its first team). Each notification
 * is written in the unit of work of the change that causes it, once per event and staff member.
 */
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { LANGUAGES } from '#lib/language.ts'
import { isComplaintsHandler } from '../domain/complaint.ts'
import { isTargetRunning, slaOf } from '../domain/incident.ts'
import { NOTIFICATION_KINDS, isNearing, mailsKind, type NotificationKind, type StaffNotification } from '../domain/notifications.ts'
import type { Complaint, Incident, Message, Staff } from '../domain/records.ts'
import type { Deps } from '../deps.ts'
import { addBusinessTime } from '../domain/sla.ts'
import type { Page, PageRequest } from '../store/store.ts'
import { extraWindowsOf } from './extra-windows.ts'
import { refusal, type Outcome } from './result.ts'

/** What telling staff needs of the app. */
export type NotifyDeps = Pick<Deps, 'store' | 'clock' | 'notifier' | 'desk'>

/** What a notification is about: its kind, the event (unique for the kind) and the record it names. */
interface Event {
  kind: NotificationKind
  /** Unique per kind, e.g. the reaction's message id; with the staff member's id it is the notification's key. */
  event: string
  incidentId: string | null
  complaintId: string | null
  number: string
  subject: string
  /** A target nearing: when it falls, for the mail. */
  dueAt?: Date | null
}

/**
 * Puts the notification in `staff`'s inbox and, if they want this kind by mail and it is new, mails
 * them; `mayMail` false when they hear of it by mail another way. Whether it was new.
 */
async function tell(deps: NotifyDeps, staff: Staff, event: Event, mayMail = true): Promise<boolean> {
  if (!staff.isActive) return false
  const notification: StaffNotification = {
    id: randomUUID(), key: `${event.kind}:${event.event}:${staff.id}`, staffId: staff.id, kind: event.kind, at: deps.clock().toISOString(),
    incidentId: event.incidentId, complaintId: event.complaintId, number: event.number, subject: event.subject, readAt: null,
  }
  const isNew = await deps.store.notifications.add(notification)
  if (isNew && mayMail && mailsKind(staff, event.kind)) await deps.notifier.staffNotified({ notification, staff, dueAt: event.dueAt ?? null })
  return isNew
}

const aboutIncident = (incident: Incident) => ({ incidentId: incident.id, complaintId: null, number: incident.number, subject: incident.subject })

/** The incident was assigned to someone: they are told, unless they assigned it to themselves. */
export async function notifyAssigned(deps: NotifyDeps, incident: Incident, by: Pick<Staff, 'id'>): Promise<void> {
  if (!incident.assigneeId || incident.assigneeId === by.id) return
  const assignee = await deps.store.staff.get(incident.assigneeId)
  if (assignee) await tell(deps, assignee, { kind: 'assigned', event: `${incident.id}:v${incident.version}`, ...aboutIncident(incident) })
}

/** A customer reacted: the queue marks the incident until staff open it, and its assignee is told. */
export async function notifyReaction(deps: NotifyDeps, incident: Incident, message: Pick<Message, 'id' | 'at'>): Promise<void> {
  await deps.store.unreadReactions.mark(incident.id, message.at)
  if (!incident.assigneeId) return
  const assignee = await deps.store.staff.get(incident.assigneeId)
  if (assignee) await tell(deps, assignee, { kind: 'reaction', event: message.id, ...aboutIncident(incident) })
}

/** Staff opened the incident: its customer's reaction is seen, and the queue's mark goes. Says whether there was an unread one. */
export async function reactionSeen(deps: Pick<Deps, 'store'>, incidentId: string): Promise<boolean> {
  // Looked up first: the incident page reads itself again every few seconds, and a read should not write each time.
  if (!(await deps.store.unreadReactions.among([incidentId])).length) return false
  await deps.store.unreadReactions.clear(incidentId)
  return true
}

/** The team a complaint is for: its incident's, else desk.yaml's complaint team (default the first team). */
export async function complaintTeam(deps: Pick<Deps, 'store' | 'desk'>, complaint: Pick<Complaint, 'incidentId'>): Promise<string> {
  const incident = complaint.incidentId ? await deps.store.incidents.get(complaint.incidentId) : undefined
  return incident?.team ?? deps.desk.notifications.complaintTeam ?? deps.desk.teams[0]!.key
}

/** A complaint was filed: every active member of its team is told (an opinion tells no one). */
export async function notifyComplaint(deps: NotifyDeps, complaint: Complaint): Promise<void> {
  if (complaint.kind !== 'complaint') return
  const team = await complaintTeam(deps, complaint)
  const members = (await deps.store.staff.list()).filter((s) => s.isActive && s.teams.includes(team))
  for (const member of members) {
    // A complaints handler already has the complaints desk's own mail of it: one mail, not two; the inbox keeps it.
    const event: Event = { kind: 'complaint', event: complaint.id, incidentId: complaint.incidentId, complaintId: complaint.id, number: complaint.number, subject: complaint.subject }
    await tell(deps, member, event, !isComplaintsHandler(deps.desk, member.email))
  }
}

/** Open incidents, as the sweep reads them. */
const OPEN: Incident['status'][] = ['new', 'in_progress', 'waiting_for_customer']

/**
 * Tells each assignee once per incident and target when it comes within desk.yaml's
 * `notifications.nearingTargetMinutes` business minutes of that target (a new target, after a
 * priority change, is told again). Each notification is its own unit of work. Returns how many
 * were told.
 */
export async function sweepNearingTargets(deps: NotifyDeps & Pick<Deps, 'calendar'>): Promise<number> {
  const now = deps.clock()
  const lead = deps.desk.notifications.nearingTargetMinutes
  // The stored due time is never later than the live one: every incident near its live target is within this bound.
  const bound = new Date(addBusinessTime(now, lead * 60_000, deps.calendar).getTime() + 1).toISOString()
  // And it is the live one while the target runs (it changes only with a write, which stores it
  // anew): an incident stored as due before now is past its target, not nearing it. A desk with
  // thousands past their target looks only at the few coming up, every minute.
  const from = now.toISOString()
  const windows = await extraWindowsOf(deps.store)
  let told = 0
  let cursor: string | undefined
  do {
    const page = await deps.store.incidents.queuePage({ status: OPEN, dueFrom: from, dueBefore: bound }, { limit: 200, ...(cursor ? { cursor } : {}) })
    for (const incident of page.items) {
      if (!incident.assigneeId || !isTargetRunning(incident)) continue
      const sla = slaOf(incident, deps, now, windows)
      if (!sla.dueAt || !isNearing(sla.remainingBusinessMinutes, sla.isPaused, lead)) continue
      const assignee = await deps.store.staff.get(incident.assigneeId)
      if (!assignee) continue
      const event: Event = { kind: 'nearing', event: `${incident.id}:${sla.dueAt}`, ...aboutIncident(incident), dueAt: new Date(sla.dueAt) }
      if (await deps.store.unitOfWork(() => tell(deps, assignee, event))) told++
    }
    cursor = page.next ?? undefined
  } while (cursor)
  return told
}

/** A page of the caller's own inbox, newest first, with how many are unread. */
export async function inboxOf(deps: Pick<Deps, 'store'>, staff: Staff, page: PageRequest): Promise<Page<StaffNotification> & { unread: number }> {
  const [found, unread] = await Promise.all([deps.store.notifications.page(staff.id, page), deps.store.notifications.unreadCount(staff.id)])
  return { ...found, unread }
}

/** Marks one of the caller's notifications read; another's answers as one that does not exist. */
export async function markNotificationRead(deps: Pick<Deps, 'store' | 'clock'>, staff: Staff, id: string): Promise<Outcome<{ notification: StaffNotification; unread: number }, 'not_found'>> {
  const found = await deps.store.notifications.get(id)
  if (!found || found.staffId !== staff.id) return refusal('not_found')
  await deps.store.notifications.markRead(staff.id, [id], deps.clock().toISOString())
  const [notification, unread] = await Promise.all([deps.store.notifications.get(id), deps.store.notifications.unreadCount(staff.id)])
  return { notification: notification!, unread }
}

/** Marks all of the caller's notifications read; how many were unread. */
export async function markAllNotificationsRead(deps: Pick<Deps, 'store' | 'clock'>, staff: Staff): Promise<{ marked: number; unread: number }> {
  const marked = await deps.store.notifications.markRead(staff.id, 'all', deps.clock().toISOString())
  return { marked, unread: await deps.store.notifications.unreadCount(staff.id) }
}

/** Which kinds also come by mail, each on or off. */
const MailChoices = z.strictObject(Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, z.boolean({ error: 'expected true (also by mail) or false (console only)' })
  .optional().meta({ description: `Whether "${kind}" notifications also come by mail.` })])) as Record<NotificationKind, z.ZodOptional<z.ZodBoolean>>)

/** A change of the caller's notification preferences: what is left out stays as it is. */
export const NotificationPreferencesInput = z.strictObject({
  mail: MailChoices.optional().meta({ description: 'Per kind (assigned, reaction, nearing, complaint): also by mail (true) or in the console only (false).' }),
  lang: z.enum(LANGUAGES, { error: 'expected nl or en' }).optional().meta({ description: 'The language of the mails: nl or en.' }),
}).meta({ id: 'NotificationPreferencesInput' })
export type NotificationPreferencesInput = z.infer<typeof NotificationPreferencesInput>

/** A staff member's preferences: each kind by mail or not, and the mails' language. */
export function preferencesOf(staff: Staff): { mail: Record<NotificationKind, boolean>; lang: 'nl' | 'en' } {
  return { mail: Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, mailsKind(staff, kind)])) as Record<NotificationKind, boolean>, lang: staff.lang ?? 'nl' }
}

/** Changes the caller's preferences, as given; the rest stays. */
export async function changePreferences(deps: Pick<Deps, 'store'>, staff: Staff, input: NotificationPreferencesInput): Promise<Outcome<ReturnType<typeof preferencesOf>, 'not_found'>> {
  const current = await deps.store.staff.get(staff.id)
  if (!current) return refusal('not_found')
  const mail = { ...preferencesOf(current).mail, ...input.mail }
  const next: Staff = { ...current, mutedMailKinds: NOTIFICATION_KINDS.filter((kind) => mail[kind] === false), ...(input.lang ? { lang: input.lang } : {}) }
  await deps.store.staff.put(next)
  return preferencesOf(next)
}
