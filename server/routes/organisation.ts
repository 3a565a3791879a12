/** The signed-in contact's organisation: company details by role, and the admin's management of contacts. */
import { Hono } from 'hono'
import { z } from 'zod'
import type { Deps } from '../deps.ts'
import { describe } from '../http/describe.ts'
import { MESSAGES } from '../http/errors.ts'
import { jsonBody, requireJson } from '../middleware/json-body/index.ts'
import { requireAdmin, requireContact, type SessionEnv } from '../middleware/session/index.ts'
import { organisationPolicy } from '../policies/organisation.ts'
import { ContactReply, OrganisationReply, OrganisationView, presentAdminView, presentContact, presentOrganisation } from '../present/organisation.ts'
import { ContactChangeInput, ContactInput, OrganisationDetailsInput } from '../domain/organisation.ts'
import { addContact, changeContact, changeDetails, listContacts, organisationOf } from '../services/organisation.ts'
import { isRefused, refuse, type RefusalReplies } from '../services/result.ts'

const REFUSALS: RefusalReplies<'email_in_use' | 'not_found' | 'last_admin'> = {
  email_in_use: [409, MESSAGES.emailInUse],
  not_found: [404, MESSAGES.contactNotFound],
  last_admin: [422, MESSAGES.lastAdmin],
}
const Contact = z.object({ contact: ContactReply })

export const organisation = (deps: Deps) =>
  new Hono<SessionEnv>()
    .get('/', describe('getOrganisation', 'Organisation', 'The contact\'s organisation: all of it for the admin, the essentials for an employee', { 200: OrganisationView }), requireContact, async (c) => {
      const found = await organisationOf(deps, c.var.contact)
      c.header('Cache-Control', 'private, no-store')
      return c.json(presentOrganisation(found, organisationPolicy.detail(c.var.contact)))
    })
    .patch('/', describe('updateOrganisation', 'Organisation', 'Change the address, phone or invoice address (admin)', { 200: z.object({ role: z.literal('admin'), organisation: OrganisationReply }) }), requireAdmin, requireJson, jsonBody(OrganisationDetailsInput), async (c) => {
      const changed = await changeDetails(deps, c.var.contact, c.req.valid('json'))
      return c.json(presentAdminView(changed))
    })
    .get('/contacts', describe('listContacts', 'Organisation', 'The organisation\'s contacts, by name (admin)', { 200: z.object({ contacts: z.array(ContactReply) }) }), requireAdmin, async (c) => {
      const contacts = await listContacts(deps, c.var.contact)
      c.header('Cache-Control', 'private, no-store')
      return c.json({ contacts: contacts.map(presentContact) })
    })
    .post('/contacts', describe('addContact', 'Organisation', 'Add a colleague who may file incidents (admin)', { 201: Contact }, { refuses: { email_in_use: REFUSALS.email_in_use } }), requireAdmin, requireJson, jsonBody(ContactInput), async (c) => {
      const outcome = await addContact(deps, c.var.contact, c.req.valid('json'))
      if (isRefused(outcome)) return refuse(c, outcome, REFUSALS)
      return c.json({ contact: presentContact(outcome.contact) }, 201)
    })
    .patch('/contacts/:id', describe('changeContact', 'Organisation', 'Authorise, deactivate or change a colleague (admin)', { 200: Contact }, { refuses: { not_found: REFUSALS.not_found, last_admin: REFUSALS.last_admin } }), requireAdmin, requireJson, jsonBody(ContactChangeInput), async (c) => {
      const outcome = await changeContact(deps, c.var.contact, c.req.param('id'), c.req.valid('json'))
      if (isRefused(outcome)) return refuse(c, outcome, REFUSALS)
      return c.json({ contact: presentContact(outcome.contact) })
    })
