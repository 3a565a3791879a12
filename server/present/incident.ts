/** The JSON shapes of incidents as callers see them: staff see everything, customers not the internal. */
import { z } from 'zod'
import type { Deps } from '../deps.ts'
import { extraWindowsByOrganisation } from '../domain/consent.ts'
import { isTargetRunning, waitingIntervals } from '../domain/incident.ts'
import type { Contact, Incident, Organisation } from '../domain/records.ts'
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

/** A list row: the incident with its target's state, and the requester by name. */
export function presentIncidentRow(incident: Incident, deps: Pick<Deps, 'calendar' | 'desk'>, now: Date, windows: ExtraWindows, contactName: string) {
  return { ...presentIncident(incident, deps, now, windows), contactName }
}

/** What support sees beside an incident: the organisation in brief, the requester's details, the organisation's latest other incidents. */
export function presentStaffContext(incident: Incident, { organisation, contact, history }: { organisation: Organisation | undefined; contact: Contact | undefined; history: Incident[] }) {
  return {
    organisation: organisation ? { id: organisation.id, name: organisation.name, customerNumber: organisation.customerNumber, isFirstClass: organisation.isFirstClass } : null,
    contact: contact ? { id: contact.id, name: contact.name, email: contact.email, role: contact.role, lang: contact.lang } : null,
    /** The organisation's latest other incidents, newest first, with whether the same contact filed them. */
    history: history.map((i) => ({ id: i.id, number: i.number, subject: i.subject, status: i.status, kind: i.kind, registeredAt: i.registeredAt, isSameContact: i.contactId === incident.contactId })),
  }
}

/** The reply to an anonymous registration or sign-in request: whatever happened, look in the e-mail. */
export const CheckEmail = z.object({
  status: z.literal('check_email'),
  message: z.string().meta({ description: 'For people, in the language asked for.' }),
}).meta({ id: 'CheckEmail', description: 'The request was taken; what follows is in the e-mail.' })
export type CheckEmail = z.infer<typeof CheckEmail>

/** The reply to a registration that took effect. */
export const Registered = z.object({
  status: z.literal('registered'),
  number: z.string().regex(/^\d+$/).meta({ description: 'The incident number to quote.' }),
  id: z.uuid(),
  url: z.string().meta({ description: 'Where the contact follows the incident on the KB site, in the contact\'s own language (a path): `/portaal/incidenten/?id=…` or `/en/portal/incidents/?id=…`.' }),
}).meta({ id: 'Registered', description: 'An incident was registered.' })
export type Registered = z.infer<typeof Registered>

/** The reply to a registration that took effect: the number, and the incident's page in the contact's language. */
export const presentRegistered = (incident: Incident, page: string): Registered => ({ status: 'registered', number: incident.number, id: incident.id, url: page })

/** The reply that sends the caller to their e-mail, in `lang`. */
export const presentCheckEmail = (message: CheckEmail['message']): CheckEmail => ({ status: 'check_email', message })
