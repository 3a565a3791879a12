/** The triage queue: which incidents a staff member's queue holds, how they are ordered, and "due soon". */
import type { Incident, Staff } from './records.ts'

/** Remaining business time at or under which an incident counts as "due soon": two business hours. */
export const DUE_SOON_MINUTES = 120

/** An incident in the queue with its target as of now. */
export interface QueueItem {
  incident: Incident
  sla: { dueAt: string | null; remainingBusinessMinutes: number | null; isBreached: boolean; isPaused: boolean } | null
}

/** The filters a queue takes; each one left out filters nothing. */
export interface QueueFilter {
  /** One team; default all teams the staff member may see. */
  team?: string
  /** Only the incidents assigned to the staff member. */
  isMine?: boolean
  status?: Incident['status'][]
  priority?: number[]
  kind?: Incident['kind'][]
  productArea?: string
  organisationId?: string
  /** breached: the target has passed; soon: due within two business hours and not yet breached. */
  due?: 'breached' | 'soon'
}

/** The teams whose queues `staff` may see: an agent their own, customer care and admins all. */
export function visibleTeams(staff: Pick<Staff, 'role' | 'teams'>, allTeams: string[]): string[] {
  return staff.role === 'agent' ? staff.teams.filter((t) => allTeams.includes(t)) : allTeams
}

/** Whether the incident belongs in `staff`'s queue under `filter`. An agent also sees what is assigned to them elsewhere. */
export function inQueue(item: QueueItem, staff: Pick<Staff, 'id' | 'role' | 'teams'>, teams: string[], filter: QueueFilter): boolean {
  const { incident, sla } = item
  const isAssignedToMe = incident.assigneeId === staff.id
  if (filter.isMine && !isAssignedToMe) return false
  if (filter.team ? incident.team !== filter.team : !teams.includes(incident.team) && !isAssignedToMe) return false
  if (filter.status?.length && !filter.status.includes(incident.status)) return false
  if (filter.priority?.length && (incident.priority === null || !filter.priority.includes(incident.priority))) return false
  if (filter.kind?.length && !filter.kind.includes(incident.kind)) return false
  if (filter.productArea && incident.productArea !== filter.productArea) return false
  if (filter.organisationId && incident.organisationId !== filter.organisationId) return false
  if (filter.due === 'breached' && !sla?.isBreached) return false
  if (filter.due === 'soon' && !(sla && !sla.isBreached && sla.remainingBusinessMinutes !== null && sla.remainingBusinessMinutes <= DUE_SOON_MINUTES)) return false
  return true
}

/** New incidents first (they still need a priority), then by due time, soonest first; no target last; then oldest first. */
export function queueOrder(a: QueueItem, b: QueueItem): number {
  const isNew = (i: QueueItem) => (i.incident.status === 'new' ? 0 : 1)
  const due = (i: QueueItem) => (i.sla?.dueAt ? Date.parse(i.sla.dueAt) : Number.POSITIVE_INFINITY)
  return isNew(a) - isNew(b) || due(a) - due(b) || a.incident.registeredAt.localeCompare(b.incident.registeredAt)
}
