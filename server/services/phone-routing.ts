/** Where the telephone system puts a caller through who typed an incident number: the handler, the team, or the desk. */
import { phoneRoute } from '../domain/phone-routing.ts'
import type { Deps } from '../deps.ts'

/** The route for the incident with this number (none found: the desk's general queue), with the desk's hours as of now. */
export async function routeCall(deps: Pick<Deps, 'store' | 'desk' | 'calendar' | 'clock'>, number: string) {
  const incident = (await deps.store.incidents.byNumber(number)) ?? null
  const assignee = incident?.assigneeId ? (await deps.store.staff.get(incident.assigneeId)) ?? null : null
  return phoneRoute({ incident, assignee, desk: deps.desk, calendar: deps.calendar, now: deps.clock() })
}
