/** Phone intake: find the caller, tell whether support may help them, register their incident, or tell their organisation's admins. */
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { callerQuery, callerVerdict, type CallerVerdict } from '../domain/caller.ts'
import { IncidentInput } from '../domain/incident.ts'
import { adminsToAsk } from '../domain/organisation.ts'
import { localDate } from '../domain/signals.ts'
import type { Contact, Incident, Organisation, Staff } from '../domain/records.ts'
import { pageQuery } from '../http/paging.ts'
import { CURSOR_SHAPES } from '../store/cursor.ts'
import type { Page } from '../store/store.ts'
import type { IncidentDeps } from './incident-events.ts'
import { checkProductArea, registerIncident } from './register-incident.ts'
import { refusal, type Outcome } from './result.ts'

/** Every refusal of phone intake; present/phone-intake.ts has their replies. */
export type PhoneIntakeRefusal =
  | 'invalid_input' | 'caller_not_found' | 'caller_not_authorised' | 'caller_deactivated' | 'caller_unknown'
  | 'caller_authorised' | 'caller_without_organisation' | 'organisation_without_admins'

/** A search for a caller. @example ?q=bakker  ?q=104211  ?q=050 123 4567 */
export const CallerSearchQuery = z.object({
  q: z.string().trim().min(2).max(100)
    .meta({ description: 'A name or e-mail address (or part of one, 2 characters or more), a customer number (that organisation\'s contacts), or a phone number of 6 digits or more in any notation (the contact\'s own or the organisation\'s switchboard).', example: 'bakker' }),
  ...pageQuery(CURSOR_SHAPES.callers),
})
export type CallerSearchQuery = z.output<typeof CallerSearchQuery>

/** An incident support registers for a caller: what the caller said; the requester's name, address and language are the contact's. */
export const PhoneIncidentInput = IncidentInput.pick({ kind: true, productArea: true, subject: true, description: true }).extend({
  contactId: z.string().min(1).max(60).meta({ description: 'The caller: a contact the search found; they must be authorised and active.' }),
}).meta({ id: 'PhoneIncidentInput', title: 'PhoneIncidentInput', description: 'An incident registered by support during a call, for an authorised caller; it carries channel `phone`.' })
export type PhoneIncidentInput = z.output<typeof PhoneIncidentInput>

/** A contact a caller search found, with their organisation and whether support may help them. */
export interface CallerHit {
  contact: Contact
  organisation: Organisation | undefined
  verdict: CallerVerdict
}

/** A page of the contacts the search finds, each with the verdict on their authorisation. */
export async function searchCallers(deps: Pick<IncidentDeps, 'store'>, query: CallerSearchQuery): Promise<Page<CallerHit>> {
  const page = await deps.store.contacts.search(callerQuery(query.q), { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) })
  const ids = [...new Set(page.items.map((c) => c.organisationId))]
  const organisations = new Map(await Promise.all(ids.map(async (id) => [id, await deps.store.organisations.get(id)] as const)))
  return {
    ...page,
    items: page.items.map((contact) => {
      const organisation = organisations.get(contact.organisationId)
      return { contact, organisation, verdict: callerVerdict(contact, organisation) }
    }),
  }
}

/** The refusal for a caller support may not help, by the reason. */
const VERDICT_REFUSAL = { not_authorised: 'caller_not_authorised', deactivated: 'caller_deactivated', unknown: 'caller_unknown' } as const

/**
 * Registers the incident for an authorised, active caller, by `staff`, with channel `phone`: the
 * same rules as any registration (routing, number, audit, the registration mail with the number).
 * The call is its registration: it counts once as a contact moment, as every registration does.
 */
export async function registerByPhone(deps: IncidentDeps, staff: Staff, input: PhoneIncidentInput): Promise<Outcome<{ incident: Incident; contact: Contact }, PhoneIntakeRefusal>> {
  const contact = await deps.store.contacts.get(input.contactId)
  if (!contact) return refusal('caller_not_found', [{ path: 'contactId', message: 'no contact with this id' }])
  const verdict = callerVerdict(contact, await deps.store.organisations.get(contact.organisationId))
  if (verdict !== 'authorised') return refusal(VERDICT_REFUSAL[verdict])
  const registration = {
    name: contact.name, email: contact.email, lang: contact.lang, kbArticles: [],
    kind: input.kind, productArea: input.productArea, subject: input.subject, description: input.description,
  }
  const areaRefused = checkProductArea(deps, registration)
  if (areaRefused) return areaRefused
  const incident = await registerIncident(deps, contact, registration, { channel: 'phone', by: `staff:${staff.id}` })
  return { incident, contact }
}

/**
 * Mails the admins of a caller's organisation (each in their language) that this person called
 * and may not be helped, with how to authorise them. Once per caller, admin and day: telling
 * again the same day sends nothing new. Refused for an authorised caller and one without an
 * organisation or without an admin to tell.
 */
export async function tellAdmins(deps: IncidentDeps, staff: Staff, contactId: string): Promise<Outcome<{ told: Contact[]; caller: Contact }, PhoneIntakeRefusal>> {
  const caller = await deps.store.contacts.get(contactId)
  if (!caller) return refusal('caller_not_found')
  const organisation = await deps.store.organisations.get(caller.organisationId)
  const verdict = callerVerdict(caller, organisation)
  if (verdict === 'authorised') return refusal('caller_authorised')
  if (!organisation) return refusal('caller_without_organisation')
  const admins = adminsToAsk(await deps.store.contacts.listByOrganisation(organisation.id), caller.id)
  if (admins.length === 0) return refusal('organisation_without_admins')
  const now = deps.clock()
  const day = localDate(now, deps.desk.timeZone)
  await Promise.all(admins.map((admin) => deps.notifier.callerNotAuthorised({
    eventKey: `caller:${caller.id}:not-authorised:${day}:${admin.id}`, admin, caller, isDeactivated: verdict === 'deactivated', staffName: staff.name,
  })))
  await deps.store.audit.append({
    id: randomUUID(), at: now.toISOString(), actor: `staff:${staff.id}`, action: 'caller.admins_told', target: `contact:${caller.id}`,
    details: { verdict, admins: admins.map((a) => a.id) },
  })
  return { told: admins, caller }
}
