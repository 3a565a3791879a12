/** The organisation use cases of its admin: change the company details, add and change the contacts who may file incidents. */
import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import { ContactChangeInput, ContactInput, OrganisationDetailsInput, adminsToAsk, contactChangeRefusal } from '../domain/organisation.ts'
import type { Contact, Organisation } from '../domain/records.ts'
import type { Deps } from '../deps.ts'
import { refusal, type Outcome } from './result.ts'

type OrganisationDeps = Pick<Deps, 'store' | 'clock' | 'notifier'>

const audit = (deps: OrganisationDeps, actor: Contact, action: string, details: Record<string, unknown>) =>
  deps.store.audit.append({ id: randomUUID(), at: deps.clock().toISOString(), actor: `contact:${actor.id}`, action, target: `organisation:${actor.organisationId}`, details })

/** The contact's own organisation; a contact without one is a broken store. */
export async function organisationOf(deps: OrganisationDeps, contact: Contact): Promise<Organisation> {
  const found = await deps.store.organisations.get(contact.organisationId)
  if (!found) throw new Error(`contact ${contact.id} belongs to missing organisation ${contact.organisationId}`)
  return found
}

/** Changes the company details: an emptied optional field is removed rather than kept as "". */
export async function changeDetails(deps: OrganisationDeps, admin: Contact, change: z.output<typeof OrganisationDetailsInput>): Promise<Organisation> {
  const next: Organisation = { ...(await organisationOf(deps, admin)) }
  for (const [field, value] of Object.entries(change) as [keyof typeof change, string][]) {
    if (value === '' && field !== 'name') delete next[field]
    else next[field] = value
  }
  await deps.store.organisations.put(next)
  await audit(deps, admin, 'organisation.changed', change)
  return next
}

/** The organisation's contacts, by name. */
export async function listContacts(deps: OrganisationDeps, admin: Contact): Promise<Contact[]> {
  return (await deps.store.contacts.listByOrganisation(admin.organisationId)).sort((a, b) => a.name.localeCompare(b.name, 'nl'))
}

/** Adds a contact to the admin's organisation, unless the address is in use anywhere on the desk. */
export async function addContact(deps: OrganisationDeps, admin: Contact, input: z.output<typeof ContactInput>): Promise<Outcome<{ contact: Contact }, 'email_in_use'>> {
  // Addresses are unique across the desk: the address decides who signs in and for which organisation.
  if ((await deps.store.contacts.byEmail(input.email)) || (await deps.store.staff.byEmail(input.email))) {
    return refusal('email_in_use', [{ path: 'email', message: 'already in use' }])
  }
  const added: Contact = { id: randomUUID(), organisationId: admin.organisationId, ...input, isActive: true }
  await deps.store.contacts.put(added)
  await audit(deps, admin, 'contact.added', { contactId: added.id, role: added.role, isAuthorised: added.isAuthorised })
  await welcomeContact(deps, added)
  return { contact: added }
}

/**
 * Mails a new contact, in their language, how to sign in to the portal, whether they may file
 * incidents and who their organisation's admins are; once per contact, whoever created them.
 */
export async function welcomeContact(deps: Pick<Deps, 'store' | 'notifier'>, contact: Contact): Promise<void> {
  const [organisation, colleagues] = await Promise.all([deps.store.organisations.get(contact.organisationId), deps.store.contacts.listByOrganisation(contact.organisationId)])
  if (!organisation) return
  await deps.notifier.contactWelcome({ contact, organisation, admins: adminsToAsk(colleagues) })
}

/** Changes a contact of the admin's organisation; the organisation keeps an admin who can sign in; a withdrawn contact's sessions end. */
export async function changeContact(deps: OrganisationDeps, admin: Contact, id: string, change: z.output<typeof ContactChangeInput>): Promise<Outcome<{ contact: Contact }, 'not_found' | 'last_admin'>> {
  const contacts = await deps.store.contacts.listByOrganisation(admin.organisationId)
  const target = contacts.find((x) => x.id === id)
  // Only the admin's own organisation is searched (organisationPolicy.changeContact): another's contact is answered like a missing one.
  if (!target) return refusal('not_found')
  if (contactChangeRefusal(contacts, target, change)) {
    return refusal('last_admin', [{ path: Object.keys(change)[0] ?? 'role', message: 'the organisation would have no admin who can sign in' }])
  }
  const updated: Contact = { ...target, ...change }
  await deps.store.contacts.put(updated)
  // Sessions are checked on every request anyway; ending them also clears them from the store.
  if (!updated.isAuthorised || !updated.isActive) await deps.store.sessions.deleteFor({ kind: 'contact', id: updated.id })
  await audit(deps, admin, 'contact.changed', { contactId: updated.id, ...change })
  return { contact: updated }
}
