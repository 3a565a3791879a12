/** Where the telephone system puts a caller through who typed an incident number: its handler, its team or the desk. */
import { z } from 'zod'
import { type BusinessCalendar, statusAt } from './calendar.ts'
import type { DeskConfig, Localized } from './desk.ts'
import type { Incident, IncidentStatus, Staff } from './records.ts'

/** The query of `GET /api/phone/route`; other parameters a phone system adds (a caller id, a call id) are ignored. */
export const PhoneRouteQuery = z.object({
  /** The incident number as the caller typed it on the keypad: 1 to 12 digits. @example "100042" */
  number: z.string({ error: 'expected the incident number the caller typed' })
    .regex(/^\d{1,12}$/, { error: 'expected 1 to 12 digits, e.g. "100042"' })
    .meta({ description: 'The incident number as the caller typed it on the keypad, without the `#`: 1 to 12 digits.', example: '100142' }),
})
export type PhoneRouteQuery = z.input<typeof PhoneRouteQuery>

/** The desk's hours as the caller hears them. */
interface DeskHours {
  /** Whether the desk is open now; when closed, the phone system plays "closed until `opensAt`". */
  isOpen: boolean
  /** ISO instant of the next opening while closed; `null` while open, or when no opening is known. */
  opensAt: string | null
}

/** A team as the phone system knows it: its hunt group is found by `key`; `name` is for announcements. */
export interface PhoneTeam {
  key: string
  name: Localized
}

/** The incident as the caller may hear it back: the number they typed and where it stands, nothing more. */
export interface PhoneIncident {
  number: string
  status: IncidentStatus
}

/** Where the call goes. Never more than this: no subject, no organisation, nothing about the customer. */
export type PhoneRoute = DeskHours & (
  /** To the staff member handling it; `team` is the fallback when the extension does not answer. */
  | { route: 'assignee'; incident: PhoneIncident; handler: { name: string; extension: string }; team: PhoneTeam }
  | { route: 'team'; incident: PhoneIncident; team: PhoneTeam }
  /** The desk's general line: an unknown number, and nothing that tells it apart from one. */
  | { route: 'general' }
)

/** What the decision needs, all passed in: the incident found by number, its assignee and the moment. */
export interface PhoneRoutingContext {
  /** The incident with the typed number; `null` when there is none. */
  incident: Pick<Incident, 'number' | 'status' | 'team'> | null
  /** The staff record of `incident.assigneeId`; `null` when unassigned or no longer on record. */
  assignee: Pick<Staff, 'name' | 'extension' | 'isActive'> | null
  desk: Pick<DeskConfig, 'teams'>
  calendar: BusinessCalendar
  now: Date
}

/**
 * Decides where a caller with an incident number is put through:
 * - `assignee` when an active staff member with an extension handles it (with the team as fallback);
 * - `team` when it is unassigned, or its assignee is inactive or has no extension;
 * - `team` too for a `closed` incident: whoever handled it has moved on, and a call about it is
 *   either a recurrence (a new incident, triaged by the team) or a question the team's queue can
 *   answer. A `resolved` incident still goes to its assignee: the customer may reopen it by
 *   reacting, and the person who just solved it knows it best;
 * - `general` for an unknown number, and for a number the caller cannot legitimately know: an
 *   incident still awaiting e-mail confirmation (its number is given only on confirmation) or one
 *   whose team is no longer in desk.yaml (the phone system has no group to send it to).
 * The route is decided whatever the hour; `isOpen` and `opensAt` tell the phone system whether to
 * put the call through or say when the desk opens.
 * @example phoneRoute({ incident: null, assignee: null, desk, calendar, now }) // { route: 'general', isOpen: true, opensAt: null }
 */
export function phoneRoute(context: PhoneRoutingContext): PhoneRoute {
  const status = statusAt(context.calendar, context.now)
  const hours: DeskHours = { isOpen: status.isOpen, opensAt: status.isOpen ? null : status.changesAt?.toISOString() ?? null }
  const { incident, assignee } = context
  const found = context.desk.teams.find((t) => t.key === incident?.team)
  if (!incident || incident.status === 'awaiting_confirmation' || !found) return { route: 'general', ...hours }
  const team = { key: found.key, name: found.name }
  const told = { number: incident.number, status: incident.status }
  if (incident.status !== 'closed' && assignee?.isActive && assignee.extension) {
    return { route: 'assignee', incident: told, handler: { name: assignee.name, extension: assignee.extension }, team, ...hours }
  }
  return { route: 'team', incident: told, team, ...hours }
}
