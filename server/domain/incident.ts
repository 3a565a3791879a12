/** Incidents: what a registration must hold, where it is routed, and how its status may move. */
import type { BusinessCalendar } from './calendar.ts'
import type { DeskConfig, Priority } from './desk.ts'
import type { ParsedIncidentInput } from './incident-input.ts'
import type { Contact, Incident, IncidentStatus, Organisation } from './records.ts'
import { slaState, targetsOf, type Interval } from './sla.ts'

export { IncidentInput, type ParsedIncidentInput } from './incident-input.ts'
export { STAFF_TRANSITIONS, mayMove } from './transitions.ts'

/** Product areas are desk.yaml's: checked against it, with the field named. */
export function productAreaIssue(desk: DeskConfig, productArea: string): string | undefined {
  return desk.productAreas.some((a) => a.key === productArea) ? undefined : `unknown product area; one of: ${desk.productAreas.map((a) => a.key).join(', ')}`
}

/** The team of the first routing rule that matches. @example outage → platform */
export function routeTeam(desk: DeskConfig, incident: { kind: Incident['kind']; productArea: string }): string {
  const rule = desk.routing.find((r) =>
    (!r.when?.kind || r.when.kind.includes(incident.kind)) && (!r.when?.productArea || r.when.productArea.includes(incident.productArea)))
  // desk.yaml's schema requires a last rule that matches everything.
  return rule!.team
}

/**
 * A new incident for a confirmed registration or a signed-in contact; the store gives it a number.
 * Registered by phone (`channel`), staff member `by` ("staff:<id>") made it; otherwise the contact.
 */
export function newIncident(input: ParsedIncidentInput, context: { contact: Contact; desk: DeskConfig; now: Date; channel?: 'phone'; by?: string }): Omit<Incident, 'id' | 'number' | 'version'> {
  const at = context.now.toISOString()
  return {
    organisationId: context.contact.organisationId,
    contactId: context.contact.id,
    kind: input.kind,
    ...(context.channel ? { channel: context.channel } : {}),
    productArea: input.productArea,
    subject: input.subject,
    description: input.description,
    ...(input.kbQuery ? { kbQuery: input.kbQuery } : {}),
    kbArticles: input.kbArticles,
    lang: input.lang,
    status: 'new',
    priority: null,
    team: routeTeam(context.desk, input),
    assigneeId: null,
    registeredAt: at,
    statusHistory: [{ status: 'new', at, by: context.by ?? `contact:${context.contact.id}` }],
    updatedAt: at,
  }
}

/** Whether a contact may file incidents: authorised by their organisation and active. */
export function mayFile(contact: Contact | undefined): contact is Contact {
  return contact !== undefined && contact.isAuthorised && contact.isActive
}

/** Why a priority may not be set, or undefined when it may. Priority 1 is for First Class only. */
export function priorityRefusal(priority: Priority, organisation: Organisation, desk: DeskConfig): 'first_class_only' | undefined {
  const definition = desk.priorities.find((p) => p.level === priority)
  return definition?.firstClassOnly && !organisation.isFirstClass ? 'first_class_only' : undefined
}

/** When the incident was last resolved, if it is resolved now. */
export function resolvedAt(incident: Incident): Date | undefined {
  if (incident.status !== 'resolved') return undefined
  const change = [...incident.statusHistory].reverse().find((c) => c.status === 'resolved')
  return change ? new Date(change.at) : undefined
}

/**
 * What a customer's reaction does to the status: a reply to a resolved incident within the
 * reopen window reopens it; a reply while support waits for the customer hands it back.
 */
export function statusAfterReaction(incident: Incident, now: Date, desk: DeskConfig): IncidentStatus {
  if (incident.status === 'waiting_for_customer') return 'in_progress'
  const resolved = resolvedAt(incident)
  if (resolved && now.getTime() - resolved.getTime() <= desk.process.reopenWithinDays * 86_400_000) return 'in_progress'
  return incident.status
}

/**
 * Why a customer may not react to the incident any more, or undefined when they may: a closed
 * incident, or a resolved one past the reopen window, takes a new incident instead.
 */
export function reactionRefusal(incident: Incident, now: Date, desk: DeskConfig): 'incident_closed' | 'reopen_window_passed' | undefined {
  if (incident.status === 'closed') return 'incident_closed'
  const resolved = resolvedAt(incident)
  if (resolved && now.getTime() - resolved.getTime() > desk.process.reopenWithinDays * 86_400_000) return 'reopen_window_passed'
  return undefined
}

/** Applies a status change with its history entry. */
export function withStatus(incident: Incident, status: IncidentStatus, by: string, now: Date): Incident {
  if (status === incident.status) return incident
  const at = now.toISOString()
  return { ...incident, status, statusHistory: [...incident.statusHistory, { status, at, by }], updatedAt: at }
}

/** Whether the incident's target still counts: a resolved or closed one has met or missed it. */
export function isTargetRunning(incident: Incident): boolean {
  return incident.status !== 'resolved' && incident.status !== 'closed'
}

/** Intervals the incident spent waiting for the customer: they do not count toward the target. */
export function waitingIntervals(incident: Incident, now: Date): { from: Date; to: Date }[] {
  const intervals: { from: Date; to: Date }[] = []
  let since: Date | undefined
  for (const change of incident.statusHistory) {
    if (change.status === 'waiting_for_customer' && !since) since = new Date(change.at)
    else if (change.status !== 'waiting_for_customer' && since) {
      intervals.push({ from: since, to: new Date(change.at) })
      since = undefined
    }
  }
  if (since) intervals.push({ from: since, to: now })
  return intervals
}

/** Approved extra-support windows per organisation, read once per request: they count as that organisation's business time. */
export type ExtraWindows = Map<string, Interval[]>

/** Due time, remaining business time and whether the target is breached, as of `now`. */
export function slaOf(incident: Incident, deps: { calendar: BusinessCalendar; desk: Pick<DeskConfig, 'priorities'> }, now: Date, windows: ExtraWindows) {
  const targets = targetsOf(deps.desk.priorities)
  const state = slaState(
    { registeredAt: new Date(incident.registeredAt), priority: incident.priority, pauses: waitingIntervals(incident, now), isPaused: incident.status === 'waiting_for_customer' },
    now, deps.calendar, { targets, extraWindows: windows.get(incident.organisationId) ?? [] },
  )
  return {
    dueAt: state.dueAt?.toISOString() ?? null,
    remainingBusinessMinutes: state.remainingMs === null ? null : Math.round(state.remainingMs / 60_000),
    isBreached: state.isBreached,
    isPaused: state.isPaused,
  }
}
