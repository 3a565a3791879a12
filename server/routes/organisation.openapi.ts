/** What the organisation routes say about themselves in the OpenAPI document, beside routes/organisation.ts. */
import { z } from 'zod'
import { NO_STORE, SESSION_REQUIRED, jsonReply, refusal, type RouteDescription } from '../http/describe.ts'
import { contactsExample, organisationAsAdmin, organisationAsEmployee } from '../http/examples.ts'
import { REQUEST_EXAMPLES } from '../openapi.ts'
import { ContactReply, OrganisationReply, OrganisationView } from '../present/organisation.ts'

const contactReply = z.object({ contact: ContactReply })

export const READ: RouteDescription = {
  operationId: 'getOrganisation', tags: ['Organisation'], summary: 'The signed-in contact\'s organisation: all of it for the admin, the essentials for an employee',
  description: 'The admin gets the whole record (details, subscriptions, invoices, projects, courses); an employee the name, customer number and First Class. `role` says which.',
  security: SESSION_REQUIRED,
  responses: {
    200: {
      ...jsonReply('The organisation as the contact\'s role may see it.', OrganisationView, {
        admin: { summary: 'Marieke Jansen, the admin', value: organisationAsAdmin },
        employee: { summary: 'Tom Bakker, an employee', value: organisationAsEmployee },
      }),
      headers: NO_STORE,
    },
  },
}

export const CHANGE: RouteDescription = {
  operationId: 'updateOrganisation', tags: ['Organisation'], summary: 'Change the company details (admin)',
  description: 'Only the fields sent change; an empty `address`, `phone` or `invoiceEmail` is removed. The customer number, First Class and the records are kept by Noordwind. Written to the audit log.',
  security: SESSION_REQUIRED,
  requestExamples: { details: REQUEST_EXAMPLES.organisationDetails },
  responses: { 200: jsonReply('Changed: the whole organisation, as the admin sees it.', z.object({ role: z.literal('admin'), organisation: OrganisationReply })) },
}

export const LIST_CONTACTS: RouteDescription = {
  operationId: 'listContacts', tags: ['Organisation'], summary: 'The organisation\'s contacts, authorised or not, active or not, by name (admin)',
  security: SESSION_REQUIRED,
  responses: { 200: { ...jsonReply('The contacts, by name.', z.object({ contacts: z.array(ContactReply) }), { jansen: { summary: 'Bakkerij Jansen', value: { contacts: contactsExample } } }), headers: NO_STORE } },
}

export const ADD_CONTACT: RouteDescription = {
  operationId: 'addContact', tags: ['Organisation'], summary: 'Add a contact (admin)',
  description: 'The contact joins the admin\'s organisation, active and by default authorised: they can sign in and file incidents at once; no e-mail is sent. An address belongs to one person across the desk (contacts and staff alike). Written to the audit log.',
  security: SESSION_REQUIRED,
  requestExamples: { colleague: REQUEST_EXAMPLES.addColleague },
  responses: {
    201: jsonReply('Added.', contactReply),
    409: refusal('A contact (of any organisation) or a staff member has this address already; nothing is added.', { emailInUse: ['email_in_use', 'emailInUse', undefined, [{ path: 'email', message: 'already in use' }]] }),
  },
}

export const CHANGE_CONTACT: RouteDescription = {
  operationId: 'changeContact', tags: ['Organisation'], summary: 'Change a contact: name, role, language, authorisation or active (admin)',
  description: 'For a contact of the admin\'s own organisation; only the fields sent change, not the e-mail address. Withdrawing the authorisation or deactivating signs the contact out at once; what they filed stays. The organisation always keeps one admin who can sign in (422 `last_admin`). Written to the audit log.',
  security: SESSION_REQUIRED,
  parameters: [{ $ref: '#/components/parameters/ContactId' }],
  requestExamples: { authorise: REQUEST_EXAMPLES.authoriseContact },
  responses: {
    200: jsonReply('Changed: the contact as it is now.', contactReply),
    404: refusal('No such contact in the admin\'s organisation: one of another organisation gets the same answer.', { notFound: ['not_found', 'contactNotFound'] }),
    422: refusal('The organisation would have no admin left who can sign in; nothing changed.', {
      lastAdmin: ['last_admin', 'lastAdmin', 'The only admin makes herself an employee', [{ path: 'role', message: 'the organisation would have no admin who can sign in' }]],
    }),
  },
}
