/** The JSON shapes of incidents as callers see them: staff see everything, customers not the internal. */
import type { Deps } from '../deps.ts'
import { isTargetRunning, waitingIntervals } from '../domain/incident.ts'
import type { Incident } from '../domain/records.ts'
import { slaState, targetsOf } from '../domain/sla.ts'

/** Due time, remaining business time and whether the target is breached, as of `now`. */
export function slaOf(incident: Incident, deps: Pick<Deps, 'calendar' | 'desk'>, now: Date) {
  const targets = targetsOf(deps.desk.priorities)
  const state = slaState(
    { registeredAt: new Date(incident.registeredAt), priority: incident.priority, pauses: waitingIntervals(incident, now), isPaused: incident.status === 'waiting_for_customer' },
    now, deps.calendar, { targets },
  )
  return {
    dueAt: state.dueAt?.toISOString() ?? null,
    remainingBusinessMinutes: state.remainingMs === null ? null : Math.round(state.remainingMs / 60_000),
    isBreached: state.isBreached,
    isPaused: state.isPaused,
  }
}

export function presentIncident(incident: Incident, deps: Pick<Deps, 'calendar' | 'desk'>, now: Date) {
  return { ...incident, sla: isTargetRunning(incident) ? slaOf(incident, deps, now) : null }
}
