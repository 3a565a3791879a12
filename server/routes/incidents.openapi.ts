/** What the incident routes say about themselves in the OpenAPI document: summaries, prose, replies and examples, beside routes/incidents.ts. */
import { z } from 'zod'
import { CheckEmail, IncidentReply, IncidentRowReply, MessageReply, Registered, VersionConflict } from '../present/incident.ts'
import { INCIDENT_KINDS, LANGUAGES } from '../domain/desk.ts'
import { IncidentInput } from '../domain/incident.ts'
import { CONTACT_ROLES, INCIDENT_STATUSES } from '../domain/records.ts'
import type { RouteDescription } from '../http/describe.ts'
import { MESSAGES } from '../http/errors.ts'
import { CONFIRM_HOURS } from '../mail/notifier.ts'
import {
  INCIDENT_ID, INCIDENT_ID_PARAMETER, PORTAL_INCIDENT_ID, REQUEST_EXAMPLES, SESSION_OPTIONAL, SESSION_REQUIRED, TOKEN, attachmentExample, error, failure, html,
  incidentExample, internalNoteExample, issuesOf, json, lotte, messageExample, phoneCallExample, reactionExample, responseRef, schemaRef, staffContextExample,
  timelineExample, transitions, widgetRegistration,
} from '../openapi.ts'
import { ConfirmInput, PhoneContactInput } from '../services/incident-input.ts'
import { IncidentView } from '../present/incident-view.ts'
import { resolver } from 'hono-openapi'

export const REGISTER: RouteDescription = {
  operationId: 'registerIncident', tags: ['Incidents'], summary: 'Register an incident',
  description: `From the widget or the portal. The customer never chooses the priority: support sets it at triage; the team follows from desk.yaml's routing.

Anonymous (the widget): the answer is always 202 \`check_email\`, whoever the address belongs to. An authorised contact gets an e-mail with a confirmation link, valid ${CONFIRM_HOURS} hours; nothing is registered until it is confirmed. Any other address gets an e-mail explaining that the organisation's admin must authorise it. A request that fills the hidden field \`website\` is taken for a bot: the same 202, and nothing happens. At most one confirmation e-mail per address per 10 minutes (429).

Signed in as a contact (the portal): registered at once, 201 with the number. The session decides who filed it; \`name\` and \`email\` are still required by the schema. Staff are treated as anonymous here.`,
  security: SESSION_OPTIONAL,
  requestExamples: { widget: REQUEST_EXAMPLES.widgetRegistration, portal: REQUEST_EXAMPLES.portalRegistration },
  responses: {
    201: {
      description: 'A signed-in contact: registered. `url` is the incident\'s page in the contact\'s own language.',
      content: json(resolver(Registered), {
        registered: { summary: 'A Dutch contact', value: { status: 'registered', number: '100142', id: INCIDENT_ID, url: `/portaal/incidenten/?id=${INCIDENT_ID}` } },
        registeredEnglish: { summary: 'An English contact (the portal example)', value: { status: 'registered', number: '100143', id: PORTAL_INCIDENT_ID, url: `/en/portal/incidents/?id=${PORTAL_INCIDENT_ID}` } },
      }),
    },
    202: { description: 'Anonymous: look in the e-mail (for a confirmation link, or for why not).', content: json(resolver(CheckEmail), { checkEmail: { value: { status: 'check_email', message: MESSAGES.checkEmail.nl } } }) },
    400: failure('Not valid, or not JSON; `fields` names what to fix.', {
      fields: { summary: 'An address without a domain, and a kind that does not exist', value: error('invalid_input', 'invalidInput', issuesOf(IncidentInput, { ...widgetRegistration, email: 'tom@bakkerij-jansen', kind: 'complaint' })) },
      productArea: { summary: 'A product area desk.yaml does not have', value: error('invalid_input', 'invalidInput', [{ path: 'productArea', message: 'unknown product area; one of: finance, inventory, sales, payroll, platform' }]) },
      priority: { summary: 'A priority chosen by the customer', value: error('invalid_input', 'invalidInput', issuesOf(IncidentInput, { ...widgetRegistration, priority: 1 })) },
    }),
  },
}

export const LIST: RouteDescription = {
  operationId: 'listIncidents', tags: ['Incidents'], summary: 'List incidents, newest first',
  description: 'A contact sees by role: an employee the incidents they filed, an admin all of their organisation\'s. Anyone may filter by `status`, `kind` and `contactId`; staff also by `team`, `mine` and `organisationId`. Each row names the requester in `contactName`. Customers never see internal notes, and this list holds no messages.',
  security: SESSION_REQUIRED,
  parameters: [
    { name: 'status', in: 'query', description: 'Only these statuses, comma-separated; unknown ones are ignored.', style: 'form', explode: false, schema: { type: 'array', items: { type: 'string', enum: [...INCIDENT_STATUSES] } }, example: 'new,in_progress' },
    { name: 'kind', in: 'query', description: 'Only these kinds, comma-separated; unknown ones are ignored.', style: 'form', explode: false, schema: { type: 'array', items: { type: 'string', enum: [...INCIDENT_KINDS] } }, example: 'bug,outage' },
    { name: 'contactId', in: 'query', description: 'Only the incidents this contact filed: for staff any contact, for an admin a colleague. An employee\'s list stays their own, whatever this says.', schema: { type: 'string' }, example: 'c-jansen-emp' },
    { name: 'team', in: 'query', description: 'Staff only: the team key from desk.yaml.', schema: { type: 'string' }, example: 'finance' },
    { name: 'mine', in: 'query', description: 'Staff only: `1` for the incidents assigned to the caller.', schema: { type: 'string', enum: ['1'] }, example: '1' },
    { name: 'organisationId', in: 'query', description: 'Staff only: one organisation\'s incidents.', schema: { type: 'string' }, example: 'org-jansen' },
  ],
  responses: {
    200: {
      description: 'The incidents the caller may see, newest first.',
      headers: { 'Cache-Control': { $ref: '#/components/headers/NoStore' } },
      content: json(resolver(z.object({ incidents: z.array(IncidentRowReply) })), { list: { value: { incidents: [{ ...incidentExample, contactName: 'Tom Bakker' }] } } }),
    },
  },
}

export const CONFIRMATION_PAGE: RouteDescription = {
  operationId: 'confirmationPage', tags: ['Incidents'], summary: 'The page the confirmation e-mail links to',
  description: 'An HTML page with one button that posts the token to `POST /api/incidents/confirm`. Opening the link confirms nothing, so a mail client\'s link scanner cannot register an incident.',
  parameters: [{ name: 'token', in: 'query', required: true, description: 'The token from the e-mailed link.', schema: { type: 'string' }, example: TOKEN }],
  responses: { 200: html('The page with the confirmation button.', 'Melding bevestigen · Confirm your request') },
}

export const CONFIRM: RouteDescription = {
  operationId: 'confirmRegistration', tags: ['Incidents'], summary: 'Confirm a registration: the incident is registered',
  description: `Takes the token once. As JSON it answers JSON; as a form post (the confirmation page's button) it answers an HTML page in the registration's language. A token is valid ${CONFIRM_HOURS} hours; the contact's authorisation is checked again, as it may have been withdrawn since.`,
  requestBody: {
    required: true,
    content: {
      'application/json': { schema: resolver(ConfirmInput), examples: { confirm: REQUEST_EXAMPLES.confirm } },
      'application/x-www-form-urlencoded': { schema: resolver(ConfirmInput), examples: { confirm: REQUEST_EXAMPLES.confirm } },
    },
  },
  responses: {
    201: {
      description: 'Registered: JSON with the number, or for a form post an HTML page that gives it. The requester gets an e-mail with the number and a link to follow the incident.',
      content: {
        ...json(resolver(Registered), { registered: { value: { status: 'registered', number: '100142', id: INCIDENT_ID, url: `/portaal/incidenten/?id=${INCIDENT_ID}` } } }),
        'text/html': { schema: { type: 'string' }, examples: { page: { summary: 'Melding geregistreerd', value: '<!doctype html><html lang="nl">…Uw melding is geregistreerd onder nummer <strong>100142</strong>…</html>' } } },
      },
    },
    400: {
      description: 'The token is unknown, used or expired (or missing): JSON, or an HTML page for a form post.',
      content: { ...json(schemaRef('Error'), { tokenInvalid: { value: error('token_invalid', 'tokenInvalid') } }), 'text/html': { schema: { type: 'string' } } },
    },
    403: {
      description: 'The address is no longer an authorised, active contact: JSON, or an HTML page for a form post. Or a post from another site that carries a session cookie: JSON `cross_origin`. Nothing is registered.',
      content: { ...json(schemaRef('Error'), { notAuthorised: { value: error('not_authorised', 'notAuthorised') }, }), 'text/html': { schema: { type: 'string' } } },
    },
  },
}

export const READ: RouteDescription = {
  operationId: 'getIncident', tags: ['Incidents'], summary: 'One incident with its requester, messages, attachments and timeline',
  description: `Everything the incident page shows. Customers see only public messages, and only the files that hang off them or were added on their own; staff also internal notes and their files. \`timeline\` puts status changes, messages and files in the order they happened, each with who did it by name; a status change a reaction caused comes after the reaction.

For a customer, \`reactionRefusal\` says whether they may still react: \`incident_closed\` for a closed incident, \`reopen_window_passed\` for one resolved longer ago than desk.yaml's \`process.reopenWithinDays\` (14 days as shipped). Then the portal offers a new incident instead, as a reaction would get 409. For staff it is always null.

For staff the answer also holds what the console shows beside the incident: \`organisation\`, \`contact\` (the requester's address, role and language, to call or write them) and \`history\`, the organisation's 10 latest other incidents. Phone calls support logged (see logging a phone call) are internal messages with \`channel: "phone"\` and their \`direction\`, and carry \`phone\` in the timeline; customers never see them.

An incident of another organisation (or, for an employee, a colleague's) answers 404 exactly as a missing one, so ids cannot be probed; so does a request without a session.`,
  security: SESSION_REQUIRED,
  parameters: [INCIDENT_ID_PARAMETER],
  responses: {
    200: {
      description: 'The incident; messages, attachments and timeline oldest first.',
      headers: { 'Cache-Control': { $ref: '#/components/headers/NoStore' } },
      content: json(resolver(IncidentView), {
        customer: { summary: 'Tom Bakker, who filed it', value: { incident: incidentExample, requester: { id: 'c-jansen-emp', name: 'Tom Bakker' }, messages: [messageExample, reactionExample], attachments: [attachmentExample], timeline: timelineExample, reactionRefusal: null } },
        staff: {
          summary: 'Support: the organisation, the requester\'s details, earlier incidents, the internal note and a logged phone call too',
          value: {
            incident: incidentExample, requester: { id: 'c-jansen-emp', name: 'Tom Bakker' }, ...staffContextExample,
            messages: [messageExample, reactionExample, internalNoteExample, phoneCallExample], attachments: [attachmentExample],
            timeline: [
              ...timelineExample,
              { type: 'message', at: internalNoteExample.at, id: internalNoteExample.id, visibility: 'internal', text: internalNoteExample.text, by: lotte, attachments: [] },
              { type: 'message', at: phoneCallExample.at, id: phoneCallExample.id, visibility: 'internal', text: phoneCallExample.text, by: lotte, phone: 'outbound', attachments: [] },
            ],
            reactionRefusal: null,
          },
        },
      }),
    },
    404: responseRef('IncidentNotFound'),
  },
}

export const TRIAGE: RouteDescription = {
  operationId: 'triageIncident', tags: ['Triage'], summary: 'Triage: set priority, team, assignee or status',
  description: `Staff only. Send \`version\` as read: a change against an older version is refused with 409 and the current incident, to look at before trying again. Only the fields sent change. Priority 1 is for First Class organisations only (422). A status change mails the requester. The moves support may make:

${transitions}

\`awaiting_confirmation\` → \`new\` happens only by the customer's confirmation.`,
  security: SESSION_REQUIRED,
  parameters: [INCIDENT_ID_PARAMETER],
  requestExamples: { triage: REQUEST_EXAMPLES.triage, reassign: REQUEST_EXAMPLES.reassign },
  responses: {
    200: { description: 'Changed.', content: json(resolver(z.object({ incident: IncidentReply })), { changed: { value: { incident: incidentExample } } }) },
    400: failure('Not valid, or not JSON; an unknown team or an assignee who is not active staff.', {
      team: { summary: 'A team desk.yaml does not have', value: error('invalid_input', 'invalidInput', [{ path: 'team', message: 'unknown team; one of: first-line, finance, logistics, platform' }]) },
      assignee: { summary: 'No active staff member with this id', value: error('invalid_input', 'invalidInput', [{ path: 'assigneeId', message: 'no active staff member with this id' }]) },
    }),
    404: responseRef('IncidentNotFound'),
    409: {
      description: 'Someone changed the incident since `version`: nothing changed; `current` is the incident now.',
      content: json(resolver(VersionConflict), { conflict: { value: { code: 'version_conflict', message: MESSAGES.versionConflict.nl, current: { ...incidentExample, version: 3, priority: 3 } } } }),
    },
    422: failure('A rule refuses the change; nothing changed.', {
      firstClassOnly: { summary: 'Priority 1 for an organisation without First Class', value: error('priority_first_class_only', 'firstClassOnly', [{ path: 'priority', message: 'priority 1 is for First Class organisations only' }]) },
      transition: { summary: 'A move the process does not allow', value: error('transition_refused', 'transitionRefused', [{ path: 'status', message: 'new cannot become closed' }]) },
    }),
  },
}

export const MESSAGE: RouteDescription = {
  operationId: 'addMessage', tags: ['Incidents'], summary: 'Reply, or add an internal note',
  description: 'A customer\'s message is always public. Their reply hands an incident that waits for them back to support (`waiting_for_customer` → `in_progress`), and reopens a resolved one within desk.yaml\'s `process.reopenWithinDays` (14 days as shipped). A closed incident, or one resolved longer ago, takes no reaction from a customer any more: 409, and they register a new incident instead (GET of the incident says so in advance, in `reactionRefusal`). Staff may always write; their `internal` notes customers never see and are never mailed; a public staff message is mailed to the requester.',
  security: SESSION_REQUIRED,
  parameters: [INCIDENT_ID_PARAMETER],
  requestExamples: { reply: REQUEST_EXAMPLES.reply, internalNote: REQUEST_EXAMPLES.internalNote },
  responses: {
    201: {
      description: 'Added; the incident as it is now (its status may have moved).',
      content: json(resolver(z.object({ message: MessageReply, incident: IncidentReply })), { added: { value: { message: messageExample, incident: incidentExample } } }),
    },
    404: responseRef('IncidentNotFound'),
    409: responseRef('ReactionRefused'),
  },
}

export const LOG_PHONE_CALL: RouteDescription = {
  operationId: 'logPhoneCall', tags: ['Console'], summary: 'Log a phone call on an incident (staff)',
  description: 'Staff only: what was said and agreed in a call with the customer, `inbound` (they called) or `outbound` (support called them), on any incident whatever its status. It is kept as an internal message with `channel: "phone"` and the `direction`: on the staff timeline (with `phone`), never shown or mailed to the customer. The incident itself does not change, not even its `version`. The call counts as a contact moment in Signals, and is written to the audit log.',
  security: SESSION_REQUIRED,
  parameters: [INCIDENT_ID_PARAMETER],
  requestExamples: { inbound: REQUEST_EXAMPLES.phoneInbound, outbound: REQUEST_EXAMPLES.phoneOutbound },
  responses: {
    201: {
      description: 'Logged: the internal message it is kept as.',
      content: json(resolver(z.object({ message: MessageReply })), { logged: { summary: 'Lotte Smit rang Tom Bakker back', value: { message: phoneCallExample } } }),
    },
    400: failure('Not valid, or not JSON; nothing is logged.', {
      fields: { summary: 'A direction that does not exist, and an empty summary', value: error('invalid_input', 'invalidInput', issuesOf(PhoneContactInput, { direction: 'sideways', summary: '  ' })) },
    }),
    404: failure('No such incident.', { notFound: { value: error('not_found', 'incidentNotFound') } }),
  },
}
