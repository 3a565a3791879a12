/** The triage queue: which incidents a staff member's queue holds, how they are ordered, and "due soon". */
import { z } from 'zod'
import { INCIDENT_KINDS } from './desk.ts'
import type { BusinessCalendar } from './calendar.ts'
import type { DeskConfig } from './desk.ts'
import { isTargetRunning, slaOf, type ExtraWindows } from './incident.ts'
import { INCIDENT_STATUSES, type Incident, type Staff } from './records.ts'

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

/**
 * The incident with the due time the queue is ordered by, as of `now` (its write): the store keeps
 * it so the queue can be paged in order without computing every target. Null once the target stops.
 */
export function withQueueDueAt(incident: Incident, deps: { calendar: BusinessCalendar; desk: Pick<DeskConfig, 'priorities'> }, now: Date, windows: ExtraWindows): Incident {
  return { ...incident, queueDueAt: isTargetRunning(incident) ? slaOf(incident, deps, now, windows).dueAt : null }
}

/** A comma-separated list of `values` in one query parameter. */
const list = <T extends string>(values: readonly T[]) =>
  z.string().max(200).transform((s) => s.split(',').filter(Boolean)).pipe(z.array(z.enum(values)))

/** The queue's query string; every filter is optional and each one left out filters nothing. @example ?team=finance&status=new,in_progress&due=soon */
export const QueueQuery = z.strictObject({
  team: z.string().max(40).optional()
    .meta({ description: 'One team\'s queue: a team key from desk.yaml (first-line, finance, logistics or platform as shipped). An agent may ask only for their own teams. Default: every team in `teams`.', example: 'finance' }),
  mine: z.enum(['1']).optional().meta({ description: '`1` for only the incidents assigned to the caller.', example: '1' }),
  status: list(INCIDENT_STATUSES).optional()
    .meta({ description: `Only these statuses, comma-separated (${INCIDENT_STATUSES.join(', ')}). Default the open ones: \`new,in_progress,waiting_for_customer\`.`, example: 'new,in_progress' }),
  priority: z.string().max(20).regex(/^[1-5](,[1-5])*$/, { error: 'priorities 1 to 5, comma-separated' }).transform((s) => s.split(',').map(Number)).optional()
    .meta({ description: 'Only these priorities, 1 to 5, comma-separated. An incident without a priority yet never matches.', example: '1,2' }),
  kind: list(INCIDENT_KINDS).optional().meta({ description: `Only these kinds, comma-separated (${INCIDENT_KINDS.join(', ')}).`, example: 'bug,outage' }),
  productArea: z.string().max(40).optional().meta({ description: 'Only this product area: a key from desk.yaml.', example: 'finance' }),
  organisationId: z.string().max(60).optional().meta({ description: 'Only this organisation\'s incidents.', example: 'org-jansen' }),
  due: z.enum(['breached', 'soon']).optional()
    .meta({ description: `\`breached\`: only those whose target has passed; \`soon\`: only those due within ${DUE_SOON_MINUTES / 60} business hours and not yet breached. An incident without a running target matches neither.`, example: 'soon' }),
})
