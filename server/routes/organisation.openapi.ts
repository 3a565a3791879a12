/** What the organisation routes say about themselves in the OpenAPI document, beside routes/organisation.ts. */
import { ContactChangeInput, ContactInput, OrganisationDetailsInput } from '../domain/organisation.ts'
import { resolver } from 'hono-openapi'
import { z } from 'zod'
import type { RouteDescription } from '../http/describe.ts'
import { ContactReply, OrganisationReply, OrganisationView } from '../present/organisation.ts'
import { REQUEST_EXAMPLES, SESSION_REQUIRED, briefOrganisationExample, contactsExample, error, failure, issuesOf, json, organisationExample, schemaRef } from '../openapi.ts'

export const READ: RouteDescription = {
  operationId: 'getOrganisation', tags: ['Organisation'], summary: 'The signed-in contact\'s organisation: all of it for the admin, the essentials for an employee',
  description: 'For contacts, in the portal. The admin gets the whole record: company details, subscriptions (First Class among them), invoices, projects and courses. An employee gets the name, the customer number and whether the organisation is First Class. `role` says which of the two it is. Staff have the console and get 403.',
  security: SESSION_REQUIRED,
  responses: {
    200: {
      description: 'The organisation as the contact\'s role may see it.',
      headers: { 'Cache-Control': { $ref: '#/components/headers/NoStore' } },
      content: json(resolver(OrganisationView), {
        admin: { summary: 'Marieke Jansen, the admin', value: { role: 'admin', organisation: organisationExample } },
        employee: { summary: 'Tom Bakker, an employee', value: { role: 'employee', organisation: briefOrganisationExample } },
      }),
    },
  },
}

export const CHANGE: RouteDescription = {
  operationId: 'updateOrganisation', tags: ['Organisation'], summary: 'Change the company details (admin)',
  description: 'The organisation\'s admin only. Only the fields sent change; an empty `address`, `phone` or `invoiceEmail` is removed, and `name` cannot be emptied. The customer number, First Class and the records (subscriptions, invoices, projects, courses) are kept by Noordwind: a field the schema does not have is refused (400). The change is written to the audit log.',
  security: SESSION_REQUIRED,
  requestExamples: { details: REQUEST_EXAMPLES.organisationDetails, clearField: REQUEST_EXAMPLES.clearInvoiceEmail },
  responses: {
    200: {
      description: 'Changed: the whole organisation, as the admin sees it.',
      content: json(resolver(z.object({ role: z.literal('admin'), organisation: OrganisationReply })), {
        changed: { value: { role: 'admin', organisation: { ...organisationExample, ...REQUEST_EXAMPLES.organisationDetails.value } } },
      }),
    },
    400: failure('Not valid, or not JSON; nothing changed.', {
      customerNumber: { summary: 'A field the admin may not change', value: error('invalid_input', 'invalidInput', issuesOf(OrganisationDetailsInput, { customerNumber: '104299' })) },
      phone: { summary: 'A phone number with letters', value: error('invalid_input', 'invalidInput', issuesOf(OrganisationDetailsInput, { phone: 'tel. 050-1234567' })) },
      nothing: { summary: 'No field at all', value: error('invalid_input', 'invalidInput', issuesOf(OrganisationDetailsInput, {})) },
    }),
  },
}

export const LIST_CONTACTS: RouteDescription = {
  operationId: 'listContacts', tags: ['Organisation'], summary: 'The organisation\'s contacts (admin)',
  description: 'The organisation\'s admin only: every contact of the organisation, authorised or not, active or not, sorted by name.',
  security: SESSION_REQUIRED,
  responses: {
    200: {
      description: 'The contacts, by name.',
      headers: { 'Cache-Control': { $ref: '#/components/headers/NoStore' } },
      content: json(resolver(z.object({ contacts: z.array(ContactReply) })), { jansen: { summary: 'Bakkerij Jansen', value: { contacts: contactsExample } } }),
    },
  },
}

export const ADD_CONTACT: RouteDescription = {
  operationId: 'addContact', tags: ['Organisation'], summary: 'Add a contact (admin)',
  description: 'The organisation\'s admin only. The contact joins the admin\'s organisation, active, and by default authorised: they can sign in (by an e-mailed link they ask for) and file incidents at once; no e-mail is sent now. An e-mail address belongs to one person across the desk, contacts of every organisation and staff alike: an address in use is refused with 409 and nothing is added. The address is kept in lowercase. The addition is written to the audit log.',
  security: SESSION_REQUIRED,
  requestExamples: { colleague: REQUEST_EXAMPLES.addColleague, everyField: REQUEST_EXAMPLES.addEnglishContact },
  responses: {
    201: {
      description: 'Added.',
      content: json(resolver(z.object({ contact: ContactReply })), {
        added: { summary: 'Joost Meijer, with the defaults', value: { contact: { id: '0f4b8e27-3d1a-4c96-b5e8-2a7d9f1c6e30', ...REQUEST_EXAMPLES.addColleague.value, role: 'employee', lang: 'nl', isAuthorised: true, isActive: true } } },
      }),
    },
    400: failure('Not valid, or not JSON; nothing is added.', {
      email: { summary: 'An address without a domain, and a role that does not exist', value: error('invalid_input', 'invalidInput', issuesOf(ContactInput, { name: 'Joost Meijer', email: 'joost@bakkerij-jansen', role: 'owner' })) },
    }),
    409: failure('A contact (of any organisation) or a staff member has this address already; nothing is added.', {
      emailInUse: { value: error('email_in_use', 'emailInUse', [{ path: 'email', message: 'already in use' }]) },
    }),
  },
}

export const CHANGE_CONTACT: RouteDescription = {
  operationId: 'changeContact', tags: ['Organisation'], summary: 'Change a contact: name, role, language, authorisation or active (admin)',
  description: `The organisation's admin only, for a contact of their own organisation; one of another organisation answers 404 as a missing one. Only the fields sent change; the e-mail address cannot be changed.

Withdrawing the authorisation (\`isAuthorised: false\`) or deactivating (\`isActive: false\`, for someone who left) signs the contact out at once: no more sign-in, no more incidents; what they filed stays. The organisation always keeps one admin who can sign in (authorised and active): a change that would take away the last one, the admin's own included, is refused with 422 \`last_admin\`. Make someone else admin first. The change is written to the audit log.`,
  security: SESSION_REQUIRED,
  parameters: [{ $ref: '#/components/parameters/ContactId' }],
  requestExamples: { authorise: REQUEST_EXAMPLES.authoriseContact, makeAdmin: REQUEST_EXAMPLES.makeAdmin, deactivate: REQUEST_EXAMPLES.deactivateContact },
  responses: {
    200: {
      description: 'Changed: the contact as it is now.',
      content: json(resolver(z.object({ contact: ContactReply })), {
        authorised: { summary: 'Sanne Visser, authorised', value: { contact: { ...contactsExample[1], isAuthorised: true } } },
      }),
    },
    400: failure('Not valid, or not JSON; nothing changed.', {
      email: { summary: 'The address, which cannot be changed', value: error('invalid_input', 'invalidInput', issuesOf(ContactChangeInput, { email: 'sanne.visser@bakkerij-jansen.example' })) },
      nothing: { summary: 'No field at all', value: error('invalid_input', 'invalidInput', issuesOf(ContactChangeInput, {})) },
    }),
    404: failure('No such contact in the admin\'s organisation: one of another organisation gets the same answer.', { notFound: { value: error('not_found', 'contactNotFound') } }),
    422: failure('The organisation would have no admin left who can sign in; nothing changed. `fields` names the first field sent.', {
      lastAdmin: { summary: 'Marieke Jansen, the only admin, makes herself an employee', value: error('last_admin', 'lastAdmin', [{ path: 'role', message: 'the organisation would have no admin who can sign in' }]) },
    }),
  },
}
