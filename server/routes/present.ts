/** The JSON shapes of incidents as callers see them: staff see everything, customers not the internal. */
import type { Deps } from '../deps.ts'
import { extraWindowsByOrganisation } from '../domain/consent.ts'
import { isTargetRunning, waitingIntervals } from '../domain/incident.ts'
import type { Incident } from '../domain/records.ts'
import { slaState, targetsOf, type Interval } from '../domain/sla.ts'
import type { Store } from '../store/store.ts'

/** Approved extra-support windows per organisation, read once per request: they count as that organisation's business time. */
export type ExtraWindows = Map<string, Interval[]>

/** The windows of every organisation, for a list; of one, for that organisation's incident. */
export async function extraWindowsOf(store: Store, organisationId?: string): Promise<ExtraWindows> {
  return extraWindowsByOrganisation(await store.consents.list({ kind: 'extra_support', ...(organisationId ? { organisationId } : {}) }))
}

/** Due time, remaining business time and whether the target is breached, as of `now`. */
export function slaOf(incident: Incident, deps: Pick<Deps, 'calendar' | 'desk'>, now: Date, windows: ExtraWindows) {
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

export function presentIncident(incident: Incident, deps: Pick<Deps, 'calendar' | 'desk'>, now: Date, windows: ExtraWindows) {
  return { ...incident, sla: isTargetRunning(incident) ? slaOf(incident, deps, now, windows) : null }
}
