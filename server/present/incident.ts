/** The JSON shapes of incidents as callers see them: staff see everything, customers not the internal. */
import { z } from 'zod'
import type { Deps } from '../deps.ts'
import { isTargetRunning, slaOf, type ExtraWindows } from '../domain/incident.ts'
import { INCIDENT_KINDS, LANGUAGES } from '../domain/desk.ts'
import { INCIDENT_STATUSES, type Contact, type Incident, type Organisation } from '../domain/records.ts'

/** The incident with its target's state as of `now`. */
export function presentIncident(incident: Incident, deps: Pick<Deps, 'calendar' | 'desk'>, now: Date, windows: ExtraWindows): IncidentReply {
  // The stored due time only orders the queue; callers get the live target in `sla`.
  const { queueDueAt: _queueDueAt, ...shown } = incident
  return { ...shown, sla: isTargetRunning(incident) ? slaOf(incident, deps, now, windows) : null }
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

const instant = z.iso.datetime()

/** The incident's target in business time, as of the answer. */
export const SlaReply = z.object({
  dueAt: instant.nullable().meta({ description: 'When the target falls; null without one (no priority yet, or priority 5).' }),
  remainingBusinessMinutes: z.number().int().nullable().meta({ description: 'Business minutes left until dueAt; negative once breached; null without a target.' }),
  isBreached: z.boolean(),
  isPaused: z.boolean().meta({ description: 'True while waiting for the customer: that time does not count.' }),
}).meta({ id: 'Sla', description: 'The incident\'s target in business time (the desk\'s opening hours), as of the answer.' })

/** One status an incident had, who set it and when. */
export const StatusChangeReply = z.object({
  status: z.enum(INCIDENT_STATUSES),
  at: instant,
  by: z.string().meta({ description: '"contact:<id>", "staff:<id>" or "system".' }),
}).meta({ id: 'StatusChange' })

/** An incident as callers see it. */
export const IncidentReply = z.object({
  id: z.uuid(),
  number: z.string().regex(/^\d+$/).meta({ description: 'Digits only, unique and increasing; what the customer quotes. Not enough on its own to reach the incident.' }),
  organisationId: z.string(),
  contactId: z.string().meta({ description: 'The contact who filed it: the requester, who gets the status e-mails.' }),
  kind: z.enum(INCIDENT_KINDS),
  channel: z.literal('phone').optional().meta({ description: 'Present when support registered it during a phone call; absent for the portal or widget.' }),
  productArea: z.string(),
  subject: z.string(),
  description: z.string(),
  kbQuery: z.string().optional().meta({ description: 'The KnowledgeBase search that led here, when there was one.' }),
  kbArticles: z.array(z.string()).meta({ description: 'The articles the customer was shown.' }),
  lang: z.enum(LANGUAGES),
  status: z.enum(INCIDENT_STATUSES),
  priority: z.number().int().min(1).max(5).nullable().meta({ description: 'Set by support at triage; null until then.' }),
  team: z.string(),
  assigneeId: z.string().nullable().meta({ description: 'The staff member working on it, or null.' }),
  registeredAt: instant,
  statusHistory: z.array(StatusChangeReply),
  updatedAt: instant,
  version: z.number().int().min(1).meta({ description: 'Raised on every change; send it with PATCH.' }),
  sla: SlaReply.nullable().meta({ description: 'The target as of now; null once resolved or closed.' }),
}).meta({ id: 'Incident', description: 'An incident as callers see it.' })
export type IncidentReply = z.infer<typeof IncidentReply>

/** An incident in a list, with the requester's name. */
export const IncidentRowReply = IncidentReply.extend({
  contactName: z.string().meta({ description: 'The name of the contact who filed it.' }),
}).meta({ id: 'IncidentRow', description: 'An incident in the list: as callers see it, with the requester\'s name.' })

/** A message on an incident, as stored. */
export const MessageReply = z.object({
  id: z.uuid(),
  incidentId: z.string(),
  visibility: z.enum(['public', 'internal']).meta({ description: 'internal: a staff note, never shown or mailed to the customer.' }),
  channel: z.literal('phone').optional().meta({ description: 'Present for a phone call support logged, which is always internal; absent for a message written in the portal or console.' }),
  direction: z.enum(['inbound', 'outbound']).optional().meta({ description: 'With `channel`: `inbound`, the customer called; `outbound`, support called them.' }),
  author: z.string().meta({ description: '"contact:<id>" or "staff:<id>".' }),
  text: z.string(),
  attachmentIds: z.array(z.string()),
  at: instant,
}).meta({ id: 'Message', description: 'A reply, reaction or internal note on an incident.' })

/** A 409 on an incident: the change was made against an older version. */
export const VersionConflict = z.object({
  code: z.literal('version_conflict'),
  message: z.string(),
  current: IncidentReply.meta({ description: 'The incident as it is now.' }),
}).meta({ id: 'VersionConflict', description: 'A 409: the change was made against an older version.' })
