/** What the incident routes say about themselves in the OpenAPI document, beside routes/incidents.ts. */
import { resolver } from 'hono-openapi'
import { z } from 'zod'
import { INCIDENT_KINDS } from '../domain/desk.ts'
import { MIN_FILL_MS } from '../domain/fill-time.ts'
import { STAFF_TRANSITIONS } from '../domain/incident.ts'
import { INCIDENT_STATUSES } from '../domain/records.ts'
import { NO_STORE, SESSION_OPTIONAL, SESSION_REQUIRED, htmlReply, issuesOf, jsonReply, movesOf, refusal, sharedReply, type RouteDescription } from '../http/describe.ts'
import { MESSAGES } from '../http/errors.ts'
import { CONFIRM_HOURS } from '../mail/notifier.ts'
import { named } from '../http/examples.ts'
import { INCIDENT_ID, REQUEST_EXAMPLES, TOKEN } from '../openapi.ts'
import { CheckEmail, IncidentReply, IncidentRowReply, MessageReply, Registered, VersionConflict } from '../present/incident.ts'
import { IncidentView } from '../present/incident-view.ts'
import { ConfirmInput, RegistrationInput } from '../services/incident-input.ts'

const incidentId = { $ref: '#/components/parameters/IncidentId' }
const registered = { status: 'registered', number: '100142', id: INCIDENT_ID, url: `/portaal/incidenten/?id=${INCIDENT_ID}` }
/** A comma-separated list of values as a query parameter. */
const listOf = (name: string, description: string, values: readonly string[]) =>
  ({ name, in: 'query' as const, description, style: 'form', explode: false, schema: { type: 'array' as const, items: { type: 'string' as const, enum: [...values] } } })

export const REGISTER: RouteDescription = {
  operationId: 'registerIncident', tags: ['Incidents'], summary: 'Register an incident',
  description: `Anonymous (the widget): always 202 \`check_email\`, registered only once the e-mailed link (valid ${CONFIRM_HOURS} hours) is confirmed. Signed in as a contact (the portal): registered at once, 201.

Anonymous requests that look like a bot get the same 202 and nothing happens (nothing kept, no e-mail): the hidden \`website\` field filled, or \`fillMs\` under ${MIN_FILL_MS.incident / 1000} s. One confirmation e-mail per mailbox per 10 minutes: \`tom+1@…\` and \`Tom+2@…\` count as \`tom@…\`, though the mail goes to the address as given. \`name\` and \`subject\` are kept composed (NFC), trimmed and without direction controls (and \`name\` without zero-width characters); a name needs a letter, a subject a letter or digit.`,
  security: SESSION_OPTIONAL,
  requestExamples: { widget: REQUEST_EXAMPLES.widgetRegistration, portal: REQUEST_EXAMPLES.portalRegistration },
  responses: {
    201: jsonReply('A signed-in contact: registered. `url` is the incident\'s page in the contact\'s language.', Registered, { registered: { value: registered } }),
    202: jsonReply('Anonymous: look in the e-mail (for a confirmation link, or for why not).', CheckEmail, { checkEmail: { value: { status: 'check_email', message: MESSAGES.checkEmail.nl } } }),
    400: refusal('Not valid, or not JSON; `fields` names what to fix.', {
      productArea: ['invalid_input', 'invalidInput', 'A product area desk.yaml does not have', [{ path: 'productArea', message: 'unknown product area; one of: finance, inventory, sales, payroll, platform' }]],
      nameWithoutLetter: ['invalid_input', 'invalidInput', 'A name of zero-width spaces only', issuesOf(RegistrationInput, { ...REQUEST_EXAMPLES.widgetRegistration.value, name: '\u200B\u200B\u200B' })],
    }),
  },
}

export const LIST: RouteDescription = {
  operationId: 'listIncidents', tags: ['Incidents'], summary: 'List incidents, newest first',
  description: 'An employee sees the incidents they filed, an admin their organisation\'s, staff all. Each row names the requester in `contactName`.',
  security: SESSION_REQUIRED,
  parameters: [
    listOf('status', 'Only these statuses, comma-separated; unknown ones are ignored.', INCIDENT_STATUSES),
    listOf('kind', 'Only these kinds, comma-separated; unknown ones are ignored.', INCIDENT_KINDS),
    { name: 'contactId', in: 'query', description: 'Only the incidents this contact filed (for an admin: a colleague).', schema: { type: 'string' } },
    { name: 'team', in: 'query', description: 'Staff only: the team key from desk.yaml.', schema: { type: 'string' } },
    { name: 'mine', in: 'query', description: 'Staff only: `1` for the incidents assigned to the caller.', schema: { type: 'string', enum: ['1'] } },
    { name: 'organisationId', in: 'query', description: 'Staff only: one organisation\'s incidents.', schema: { type: 'string' } },
  ],
  responses: { 200: { ...jsonReply('The incidents the caller may see, newest first.', z.object({ incidents: z.array(IncidentRowReply) })), headers: NO_STORE } },
}

export const CONFIRMATION_PAGE: RouteDescription = {
  operationId: 'confirmationPage', tags: ['Incidents'], summary: 'The page the confirmation e-mail links to',
  description: 'One button that posts the token to `POST /api/incidents/confirm`: opening the link confirms nothing, so a mail scanner cannot register an incident.',
  parameters: [{ name: 'token', in: 'query', required: true, description: 'The token from the e-mailed link.', schema: { type: 'string' }, example: TOKEN }],
  responses: { 200: htmlReply('The page with the confirmation button.') },
}

export const CONFIRM: RouteDescription = {
  operationId: 'confirmRegistration', tags: ['Incidents'], summary: 'Confirm a registration: the incident is registered',
  description: `Takes the token once (valid ${CONFIRM_HOURS} hours) and checks the contact's authorisation again. As JSON it answers JSON; as a form post, an HTML page in the registration's language.`,
  requestBody: {
    required: true,
    content: {
      'application/json': { schema: resolver(ConfirmInput), examples: { confirm: REQUEST_EXAMPLES.confirm } },
      'application/x-www-form-urlencoded': { schema: resolver(ConfirmInput), examples: { confirm: REQUEST_EXAMPLES.confirm } },
    },
  },
  responses: {
    201: { description: 'Registered, and the requester mailed the number: JSON, or an HTML page for a form post.', content: { ...jsonReply('', Registered, { registered: { value: registered } }).content, ...htmlReply('').content } },
    400: { description: 'The token is unknown, used or expired: JSON, or an HTML page.', content: { ...refusal('', { tokenInvalid: ['token_invalid', 'tokenInvalid'] }).content, ...htmlReply('').content } },
    403: { description: 'No longer an authorised, active contact (JSON or HTML), or a post from another site with a session cookie.', content: { ...refusal('', { notAuthorised: ['not_authorised', 'notAuthorised'] }).content, ...htmlReply('').content } },
  },
}

export const READ: RouteDescription = {
  operationId: 'getIncident', tags: ['Incidents'], summary: 'One incident with its requester, messages, attachments and timeline',
  description: `Customers see public messages and their files only; staff also internal notes, logged phone calls (\`channel: "phone"\`) and, beside the incident, \`organisation\`, \`contact\` and \`history\` (the organisation's 10 latest other incidents). \`timeline\` puts status changes, messages and files in order, each with who by name; staff also see each mail about the incident that will not be delivered (\`mail_failed\`: the address and the mail server's reply), to reach the customer another way.

For a customer, \`reactionRefusal\` says in advance whether a reaction would be refused (\`incident_closed\`, \`reopen_window_passed\`: after desk.yaml's \`process.reopenWithinDays\`); for staff it is null. One the caller may not see answers 404 exactly as a missing one.`,
  security: SESSION_REQUIRED,
  parameters: [incidentId],
  responses: {
    200: {
      ...jsonReply('The incident; messages, attachments and timeline oldest first.', IncidentView, {
        customer: { summary: 'Tom Bakker, who filed it', value: named('incidentView') },
      }),
      headers: NO_STORE,
    },
    404: sharedReply('IncidentNotFound'),
  },
}

export const TRIAGE: RouteDescription = {
  operationId: 'triageIncident', tags: ['Triage'], summary: 'Triage: set priority, team, assignee or status',
  description: `Staff only; only the fields sent change, and a status change mails the requester. Priority 1 is for First Class organisations only. The moves support may make (\`awaiting_confirmation\` → \`new\` only by the customer's confirmation):

${movesOf(STAFF_TRANSITIONS)}`,
  security: SESSION_REQUIRED,
  parameters: [incidentId],
  requestExamples: { triage: REQUEST_EXAMPLES.triage },
  responses: {
    200: jsonReply('Changed.', z.object({ incident: IncidentReply }), { changed: { value: { incident: named('incident') } } }),
    400: refusal('Not valid, or not JSON; an unknown team or an assignee who is not active staff.', {
      assignee: ['invalid_input', 'invalidInput', 'No active staff member with this id', [{ path: 'assigneeId', message: 'no active staff member with this id' }]],
    }),
    404: sharedReply('IncidentNotFound'),
    409: jsonReply('Someone changed the incident since `version`: nothing changed; `current` is the incident now.', VersionConflict, {
      conflict: { value: { code: 'version_conflict', message: MESSAGES.versionConflict.nl, current: named('incident', { version: 3, priority: 3 }) } },
    }),
    422: refusal('A rule refuses the change; nothing changed.', {
      firstClassOnly: ['priority_first_class_only', 'firstClassOnly', 'Priority 1 without First Class', [{ path: 'priority', message: 'priority 1 is for First Class organisations only' }]],
      transition: ['transition_refused', 'transitionRefused', 'A move the process does not allow', [{ path: 'status', message: 'new cannot become closed' }]],
    }),
  },
}

export const MESSAGE: RouteDescription = {
  operationId: 'addMessage', tags: ['Incidents'], summary: 'Reply, or add an internal note',
  description: 'A customer\'s message is always public; it hands an incident waiting for them back to support, and reopens a resolved one within the reopen window. Staff may always write; their `internal` notes customers never see and are never mailed, a public one is mailed to the requester.',
  security: SESSION_REQUIRED,
  parameters: [incidentId],
  requestExamples: { reply: REQUEST_EXAMPLES.reply },
  responses: {
    201: jsonReply('Added; the incident as it is now (its status may have moved).', z.object({ message: MessageReply, incident: IncidentReply }), { added: { value: { message: named('message'), incident: named('incident') } } }),
    404: sharedReply('IncidentNotFound'),
    409: sharedReply('ReactionRefused'),
  },
}

export const LOG_PHONE_CALL: RouteDescription = {
  operationId: 'logPhoneCall', tags: ['Console'], summary: 'Log a phone call on an incident (staff)',
  description: 'Staff only, on any incident: kept as an internal message with `channel: "phone"` and the `direction`, never shown or mailed to the customer. The incident does not change, not even its `version`; the call counts in Signals and is in the audit log.',
  security: SESSION_REQUIRED,
  parameters: [incidentId],
  requestExamples: { outbound: REQUEST_EXAMPLES.phoneOutbound },
  responses: {
    201: jsonReply('Logged: the internal message it is kept as.', z.object({ message: MessageReply })),
    404: sharedReply('IncidentNotFound'),
  },
}
