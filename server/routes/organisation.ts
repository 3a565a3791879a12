/** The signed-in contact's organisation: company details by role, and the admin's management of contacts. */
import { randomUUID } from 'node:crypto'
import { Hono, type Context, type MiddlewareHandler } from 'hono'
import type { Contact, Organisation } from '../domain/records.ts'
import { ContactChangeInput, ContactInput, OrganisationDetailsInput, briefOrganisation, contactChangeRefusal } from '../domain/organisation.ts'
import type { Deps } from '../deps.ts'
import { MESSAGES, apiError } from '../http/errors.ts'
import { jsonBody, requireJson } from '../middleware/json-body/index.ts'
import type { SessionEnv } from '../middleware/session/index.ts'

/** What an admin sees of a contact. */
export const presentContact = ({ id, name, email, role, lang, isAuthorised, isActive }: Contact) => ({ id, name, email, role, lang, isAuthorised, isActive })

/** 401 for nobody, 403 for staff (they have the console), 403 for an employee: the organisation's admin only. */
const requireAdmin: MiddlewareHandler<SessionEnv> = async (c, next) => {
  const viewer = c.get('viewer')
  if (viewer.kind === 'anonymous') return apiError(c, 401, 'sign_in_required', MESSAGES.signInRequired)
  if (viewer.kind !== 'contact') return apiError(c, 403, 'contacts_only', MESSAGES.contactsOnly)
  if (viewer.contact.role !== 'admin') return apiError(c, 403, 'admin_only', MESSAGES.adminOnly)
  await next()
}

/** The signed-in contact; the middleware before the handler guarantees one. */
function contactOf(c: Context<SessionEnv>): Contact {
  const viewer = c.get('viewer')
  if (viewer.kind !== 'contact') throw new Error('unreachable: requireAdmin or a contact check ran first')
  return viewer.contact
}

export const organisation = (deps: Deps) => {
  const audit = (actor: Contact, action: string, details: Record<string, unknown>) =>
    deps.store.audit.append({ id: randomUUID(), at: deps.clock().toISOString(), actor: `contact:${actor.id}`, action, target: `organisation:${actor.organisationId}`, details })

  async function organisationOf(contact: Contact): Promise<Organisation> {
    const found = await deps.store.organisations.get(contact.organisationId)
    if (!found) throw new Error(`contact ${contact.id} belongs to missing organisation ${contact.organisationId}`)
    return found
  }

  return new Hono<SessionEnv>()
    .get('/', async (c) => {
      const viewer = c.get('viewer')
      if (viewer.kind === 'anonymous') return apiError(c, 401, 'sign_in_required', MESSAGES.signInRequired)
      if (viewer.kind !== 'contact') return apiError(c, 403, 'contacts_only', MESSAGES.contactsOnly)
      const found = await organisationOf(viewer.contact)
      c.header('Cache-Control', 'private, no-store')
      if (viewer.contact.role !== 'admin') return c.json({ role: 'employee' as const, organisation: briefOrganisation(found) })
      return c.json({ role: 'admin' as const, organisation: found })
    })
    .patch('/', requireAdmin, requireJson, jsonBody(OrganisationDetailsInput), async (c) => {
      const admin = contactOf(c)
      const change = c.req.valid('json')
      const current = await organisationOf(admin)
      const next: Organisation = { ...current }
      for (const [field, value] of Object.entries(change) as [keyof typeof change, string][]) {
        // An emptied optional field is removed rather than kept as "".
        if (value === '' && field !== 'name') delete next[field]
        else next[field] = value
      }
      await deps.store.organisations.put(next)
      await audit(admin, 'organisation.changed', change)
      return c.json({ role: 'admin' as const, organisation: next })
    })
    .get('/contacts', requireAdmin, async (c) => {
      const contacts = await deps.store.contacts.listByOrganisation(contactOf(c).organisationId)
      c.header('Cache-Control', 'private, no-store')
      return c.json({ contacts: contacts.sort((a, b) => a.name.localeCompare(b.name, 'nl')).map(presentContact) })
    })
    .post('/contacts', requireAdmin, requireJson, jsonBody(ContactInput), async (c) => {
      const admin = contactOf(c)
      const input = c.req.valid('json')
      // Addresses are unique across the desk: the address decides who signs in and for which organisation.
      if ((await deps.store.contacts.byEmail(input.email)) || (await deps.store.staff.byEmail(input.email))) {
        return apiError(c, 409, 'email_in_use', MESSAGES.emailInUse, [{ path: 'email', message: 'already in use' }])
      }
      const added: Contact = { id: randomUUID(), organisationId: admin.organisationId, ...input, isActive: true }
      await deps.store.contacts.put(added)
      await audit(admin, 'contact.added', { contactId: added.id, role: added.role, isAuthorised: added.isAuthorised })
      return c.json({ contact: presentContact(added) }, 201)
    })
    .patch('/contacts/:id', requireAdmin, requireJson, jsonBody(ContactChangeInput), async (c) => {
      const admin = contactOf(c)
      const change = c.req.valid('json')
      const contacts = await deps.store.contacts.listByOrganisation(admin.organisationId)
      const target = contacts.find((x) => x.id === c.req.param('id'))
      // Another organisation's contact is answered like a missing one.
      if (!target) return apiError(c, 404, 'not_found', MESSAGES.contactNotFound)
      if (contactChangeRefusal(contacts, target, change)) {
        return apiError(c, 422, 'last_admin', MESSAGES.lastAdmin, [{ path: Object.keys(change)[0] ?? 'role', message: 'the organisation would have no admin who can sign in' }])
      }
      const updated: Contact = { ...target, ...change }
      await deps.store.contacts.put(updated)
      // Sessions are checked on every request anyway; ending them also clears them from the store.
      if (!updated.isAuthorised || !updated.isActive) await deps.store.sessions.deleteFor({ kind: 'contact', id: updated.id })
      await audit(admin, 'contact.changed', { contactId: updated.id, ...change })
      return c.json({ contact: presentContact(updated) })
    })
}
