/** How support may move an incident's or a complaint's status: a zod-free rule that the server and the staff console both import. */
import type { ComplaintStatus, IncidentStatus } from './records.ts'

/** The moves support may make; `awaiting_confirmation` → `new` happens only by confirmation. */
export const STAFF_TRANSITIONS: Record<IncidentStatus, IncidentStatus[]> = {
  awaiting_confirmation: [],
  new: ['in_progress', 'waiting_for_customer', 'resolved'],
  in_progress: ['waiting_for_customer', 'resolved'],
  waiting_for_customer: ['in_progress', 'resolved'],
  resolved: ['in_progress', 'closed'],
  closed: [],
}

/** Whether support may move an incident from `from` to `to`. @example mayMove('new', 'closed') // → false */
export function mayMove(from: IncidentStatus, to: IncidentStatus): boolean {
  return STAFF_TRANSITIONS[from].includes(to)
}

/** The moves support may make with a complaint; a resolved complaint may be taken up again. */
export const COMPLAINT_TRANSITIONS: Record<ComplaintStatus, ComplaintStatus[]> = {
  received: ['in_progress', 'resolved'],
  in_progress: ['resolved'],
  resolved: ['in_progress'],
}
