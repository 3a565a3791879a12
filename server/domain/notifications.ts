/** Staff notifications: what a staff member is told of (the kinds), the record kept in their inbox, and when a target counts as near. */

/** What staff are told of: assigned to them, a customer's reaction on one they handle, one of theirs near its target, a complaint for their team. */
export const NOTIFICATION_KINDS = ['assigned', 'reaction', 'nearing', 'complaint'] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

/** One entry in a staff member's inbox. */
export interface StaffNotification {
  id: string
  /**
   * The event, once per staff member: a second notification with the same key is not stored (a
   * retried request, a sweep that runs again). E.g. "nearing:<incident id>:<due time>:<staff id>".
   */
  key: string
  /** Whose inbox it is in: only they read it. */
  staffId: string
  kind: NotificationKind
  /** When it was made (ISO). */
  at: string
  /** The incident it is about; null for a complaint about no incident. */
  incidentId: string | null
  /** The complaint it is about (kind `complaint` only), else null. */
  complaintId: string | null
  /** The incident's number ("100123") or the complaint's ("K10001"), as shown. */
  number: string
  /** The incident's or complaint's subject, as it was then. */
  subject: string
  /** When its owner marked it read (ISO); null while unread. */
  readAt: string | null
}

/** Whether `staff` wants notifications of `kind` by mail too: every kind unless they turned it off. */
export function mailsKind(staff: { mutedMailKinds?: readonly NotificationKind[] | undefined }, kind: NotificationKind): boolean {
  return !(staff.mutedMailKinds ?? []).includes(kind)
}

/**
 * Whether a target with `remainingBusinessMinutes` left counts as near, `leadMinutes` ahead: within
 * the lead time and not yet passed (one that passed unnoticed is the queue's "breached", not news).
 */
export function isNearing(remainingBusinessMinutes: number | null, isPaused: boolean, leadMinutes: number): boolean {
  return remainingBusinessMinutes !== null && !isPaused && remainingBusinessMinutes > 0 && remainingBusinessMinutes <= leadMinutes
}
