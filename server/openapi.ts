/** The OpenAPI document's hand-written part: its intro, tags, shared replies and request examples; the routes describe their operations, http/examples.ts makes the reply examples, http/document.ts puts it together. */
import { z } from 'zod'
import { MAX_ATTACHMENT_BYTES } from './domain/attachment.ts'
import { ComplaintChangeInput, ComplaintInput } from './domain/complaint.ts'
import { REMOTE_VIEW_WRONG_TRIES } from './domain/consent.ts'
import { IncidentInput } from './domain/incident.ts'
import { DEFAULT_REPORT_WEEKS, articleTemplate } from './domain/kb-insight-report.ts'
import { FollowUpInput } from './domain/signals.ts'
import { MessageInput } from './services/incident-input.ts'
import { issuesOf, refusal } from './http/describe.ts'
import { BACKUP_DECISION_NOTE, BACKUP_ID, COMPLAINT_ID, EXTRA_SUPPORT_ID, GRANT_ID, REMOTE_VIEW_CODE, REMOTE_VIEW_ID, backupInput, complaintInput, extraSupportInput, followUpInput } from './http/examples.ts'
import type { Example, OpenApiDocument, Parameter, Response } from './http/openapi-types.ts'
import { SESSION_COOKIE } from './middleware/session/index.ts'

export { COMPLAINT_ID, extraSupportInput }

export * from './http/openapi-types.ts'

// Examples: one Noordwind ERP customer, Bakkerij Jansen, whose VAT return fails; the same people as the demo data.
export const INCIDENT_ID = '3f6c2a9e-8b1d-4c57-9a0e-2d4b7e51c8a3'
export const TOKEN = 'mF3kQ9vZ2xT7bLr0cW8yNp4sHd6aJu1eGi5oKq2VtXw'
/** A visit's random id, as the widget makes it. */
const SESSION = '7c1e9a4b2f6d4e08b3a5c9d17e2f6a40'

export const widgetRegistration = {
  name: 'Tom Bakker',
  email: 'tom@bakkerij-jansen.example',
  kind: 'bug',
  productArea: 'finance',
  subject: 'Btw-aangifte Q3 geeft fout 500 bij indienen',
  description: 'Bij het indienen van de btw-aangifte over het derde kwartaal via Digipoort krijg ik fout 500. Vorige maand lukte het nog wel; het certificaat is niet veranderd.',
  kbQuery: 'btw aangifte fout 500',
  kbArticles: ['vat-return'],
  lang: 'nl',
} satisfies z.input<typeof IncidentInput>

const portalRegistration = {
  name: 'Aisha el Amrani',
  email: 'aisha@devries-installatie.example',
  kind: 'question',
  productArea: 'inventory',
  subject: 'Stock differs after goods receipt',
  description: 'After booking the goods receipt of purchase order PO-2026-0871, Noordwind ERP shows 40 units of article 3021-B instead of 48.',
  lang: 'en',
} satisfies z.input<typeof IncidentInput>

export const lotte = { kind: 'staff', name: 'Lotte Smit' }

export const complaintAnswer = {
  version: 1,
  status: 'in_progress',
  reply: 'Beste mevrouw Jansen, u hebt gelijk dat dit te lang duurt. Lotte Smit en ons platformteam zoeken het vandaag uit; ik bel u vóór 15:00 uur met de stand van zaken. Met vriendelijke groet, Ruud de Boer',
} satisfies z.input<typeof ComplaintChangeInput>

export const marieke = { kind: 'contact', name: 'Marieke Jansen' }

/** The queue example's tag, as the console sends it back in If-None-Match (quoted). */
export const QUEUE_ETAG = 'vDLUlI1kiY2IpJOcLagqZE5140H'

/** The article template for the most searched query that found nothing: made by the same function the route uses. */
export const templateExample = articleTemplate('Loonstrook PDF', 'nl', '2026-11-30', { sessions: 4, weeks: DEFAULT_REPORT_WEEKS })

/** The token the customer's page gets when it consents to a remote-view session. */
export const REMOTE_VIEW_TOKEN = 'Xq8vR2mT5kLw9pZc3nJh7bYd1fGs4aUe6oKi0tVxNyQ'

/** The WebRTC handshake: the customer's offer and the employee's answer. */
export const offerData = JSON.stringify({ description: { type: 'offer', sdp: 'v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\n…' } })
export const answerSignal = { seq: 2, from: 'staff', type: 'answer', data: JSON.stringify({ offer: 1, description: { type: 'answer', sdp: 'v=0\r\no=- 8132620964227408542 2 IN IP4 127.0.0.1\r\n…' } }), at: '2026-11-30T09:23:03.000Z' }

/** The moment the GET /api/desk example shows: Monday 30 November 2026, 10:00 in Amsterdam. */
export const DESK_EXAMPLE_MOMENT = new Date('2026-11-30T09:00:00Z')

/** Example request bodies by operation, for the document and for the tests that run them. */
export const REQUEST_EXAMPLES = {
  vote: { summary: 'The VAT-return article did not help', value: { article: 'vat-return', lang: 'nl', isHelpful: false } },
  searchEvent: { summary: 'In the widget, a search the visitor settled on', value: { type: 'search', session: SESSION, source: 'widget', lang: 'nl', query: 'btw aangifte fout 500', results: 3 } },
  clickEvent: { summary: 'They opened a result', value: { type: 'click', session: SESSION, source: 'widget', lang: 'nl', query: 'btw aangifte fout 500', article: '/support/btw-aangifte/' } },
  incidentEvent: { summary: 'And sent the incident form after all', value: { type: 'incident', session: SESSION, source: 'widget', lang: 'nl', query: 'btw aangifte fout 500' } },
  signInLink: { summary: 'A contact asks for a link that lands on their incident', value: { email: 'tom@bakkerij-jansen.example', lang: 'nl', next: `/portaal/incidenten/?id=${INCIDENT_ID}` } },
  staffLogin: { summary: 'A support agent signs in', value: { email: 'lotte@noordwind.example', password: 'correct horse battery staple' } },
  widgetRegistration: { summary: 'From the widget, after a KB search found nothing', value: widgetRegistration },
  portalRegistration: { summary: 'From the portal, signed in, in English', value: portalRegistration },
  confirm: { summary: 'The token from the e-mailed link', value: { token: TOKEN } },
  signInCallback: { summary: 'The token from the e-mailed sign-in link', value: { token: TOKEN } },
  triage: { summary: 'Pick it up: priority 2, in progress, to oneself', value: { version: 1, priority: 2, status: 'in_progress', assigneeId: 's-lotte' } },
  reply: { summary: 'The customer answers', value: { text: 'Het nieuwe certificaat is gekoppeld, maar de aangifte geeft nog steeds fout 500. Schermafdruk volgt als bijlage.' } },
  organisationDetails: { summary: 'The admin updates the address, phone and invoice address', value: { address: 'Molenstraat 14, 9711 AB Groningen', phone: '050 123 45 67', invoiceEmail: 'administratie@bakkerij-jansen.example' } },
  addColleague: { summary: 'A new colleague, with the defaults: employee, Dutch, authorised', value: { name: 'Joost Meijer', email: 'joost@bakkerij-jansen.example' } },
  authoriseContact: { summary: 'Authorise Sanne Visser, who asked through the widget', value: { isAuthorised: true } },
  complaint: { summary: 'Marieke Jansen complains about an incident that takes long', value: complaintInput },
  complaintAnswer: { summary: 'Customer care answers and takes it up', value: complaintAnswer },
  phoneOutbound: { summary: 'Lotte Smit rang Tom Bakker back', value: { direction: 'outbound', summary: 'Tom Bakker teruggebeld: Digipoort meldt zelf een storing. Hij dient de aangifte vanmiddag opnieuw in en belt als het weer misgaat.' } },
  followUp: { summary: 'Customer Care sends an advisor to De Vries Installatietechniek', value: followUpInput },
  remoteViewCode: { summary: 'The six digits Tom Bakker got by e-mail and in the portal', value: { code: REMOTE_VIEW_CODE } },
  offerSignal: { summary: 'The customer\'s browser offers its screen', value: { type: 'offer', data: offerData } },
  backupRequest: { summary: 'Lotte Smit asks for a backup to reproduce the VAT error', value: backupInput },
  approve: { summary: 'Marieke Jansen approves, with a note', value: { decision: 'approve', note: BACKUP_DECISION_NOTE, version: 1 } },
  backupReceived: { summary: 'The version the caller saw', value: { version: 2 } },
  grant: { summary: 'Marieke Jansen lets support in as a functional user until Friday 18:00', value: { level: 'functional_user', endsAt: '2026-12-04T18:00:00+01:00' } },
  revokeGrant: { summary: 'The version the admin saw', value: { version: 1 } },
  extraSupport: { summary: 'Support during the year-end close on Saturday 2 January 2027', value: extraSupportInput },
  approveExtraSupport: { summary: 'Ingrid Postma approves', value: { decision: 'approve', note: 'Daan Mulder is die zaterdag bereikbaar.', version: 1 } },
} satisfies Record<string, Example>

/** The document's intro, around `codes`: the error codes, made from the replies the routes document (http/document.ts). */
export const apiDescription = (codes = '') => `The API of Loket, Noordwind Software's support desk: the embeddable widget, the customer portal and the staff console use it. Every path is under \`/api\`; an unknown one answers 404 \`not_found\`.

### Errors

Every error is JSON \`{ code, message, fields? }\`. \`code\` is stable and meant for programs; \`message\` is for people, in the caller's language: English when \`Accept-Language\` starts with \`en\`, Dutch (\`nl\`) otherwise. \`fields\` names each invalid field by its path (\`(body)\` for the body as a whole, such as an unknown field) with what is wrong, in English for developers. The codes, with the statuses they come with and their message in English where it is always the same:

${codes}
- \`internal\` (500): Something went wrong on the server.

### Sessions

Signing in (by an e-mailed link, or by password for staff) sets the HttpOnly cookie \`${SESSION_COOKIE}\` (SameSite=Lax, Secure over https), which the browser sends along. A contact's session lasts 30 days, a staff member's one day. It is checked on every request: a contact who is deactivated, or whose authorisation is withdrawn, is signed out at once.

Against cross-site request forgery (CSRF), every changing request (POST, PUT, PATCH, DELETE) that carries the session cookie must come from a page of Loket's own site, on any path. The browser says where a request comes from: \`Sec-Fetch-Site\` must be \`same-origin\` (or \`none\`: typed or bookmarked), or, from a browser that does not send it, \`Origin\` must name this host. Otherwise the answer is 403 \`cross_origin\`, before the session is read, and nothing changes. A request with neither header is no browser's cross-site request and passes, so scripts and servers that send the cookie themselves are not affected. SameSite=Lax already keeps the cookie off most cross-site posts; this also refuses pages of the same site on another origin, such as another subdomain. Reading (GET) is not affected, nor are requests without the cookie, such as the widget's on other sites.

The telephone system does not sign in: \`GET /api/phone/route\` takes the shared secret \`PHONE_ROUTING_SECRET\` as \`Authorization: Bearer <secret>\` (the security scheme \`phoneSecret\`), and a session does not open it.

### Cross-origin use

Pages on the configured origins (\`ALLOWED_ORIGINS\`: the sites that embed the widget) may call the API across origins, without credentials: \`Access-Control-Allow-Credentials\` is never sent, so a cross-origin call is always anonymous. That serves the public endpoints: the desk status, KnowledgeBase votes and search events, registering and confirming an incident, asking for a sign-in link. Whatever needs a session is for pages on Loket's own origin.

### Rate limits

Per window of 10 minutes:

- Remote-view codes: ${REMOTE_VIEW_WRONG_TRIES} wrong codes per IP address; after that every try, right or wrong, is 429 \`too_many_wrong_codes\` with \`Retry-After\` until the window has passed.
- Registering an incident: 20 requests per IP address (signed-in contacts are exempt), and one confirmation e-mail per e-mail address. Over either: 429 \`rate_limited\` with \`Retry-After\`.
- Signing in: 10 requests per IP address for the sign-in link and, counted apart, 10 for the staff password sign-in; over that: 429 with \`Retry-After\`. Per e-mail address 3 sign-in links: a fourth request gets the same 202 as ever but no e-mail, so the answer never tells whether an address is known.

Per minute:

- KnowledgeBase search events: 120 requests per IP address; over that: 429 with \`Retry-After\`, and nothing is recorded.

### Sizes

Request bodies are JSON of at most 64 KB (413 \`payload_too_large\`; 415 for another content type); attachments are files of at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.`

/** Every error answer, as http/errors.ts writes it. */
const { $schema: _dialect, ...ERROR } = z.toJSONSchema(z.object({
  code: z.string().meta({ description: 'Stable, for programs.', examples: ['invalid_input', 'rate_limited'] }),
  message: z.string().meta({ description: 'For people: English when Accept-Language starts with `en`, Dutch otherwise.' }),
  fields: z.array(z.object({
    path: z.string().meta({ description: 'Dotted path of the field, e.g. `kbArticles.0`; `(body)` for the body as a whole.' }),
    message: z.string().meta({ description: 'What is wrong, in English whatever the language asked for: it is meant for developers.' }),
  })).optional().meta({ description: 'With `invalid_input` and the 422 refusals: each field and what is wrong with it.' }),
}).meta({ description: 'Every error answer.' }), { io: 'input' })

const TAGS: Record<string, string> = {
  Desk: 'Whether the desk is open, its hours and priorities; whether the API is up.',
  KnowledgeBase: 'What readers tell the KnowledgeBase, anonymously.',
  'Sign-in': 'Sessions: contacts sign in by an e-mailed link, staff by link or password.',
  Incidents: 'Registering an incident (confirmed by e-mail, or at once when signed in), reading and following it, replying, attaching files.',
  Triage: 'Support staff set the priority, team, assignee and status.',
  Organisation: 'The signed-in contact\'s own organisation in the portal: the company details by role, and the admin\'s management of the contacts who may file incidents.',
  Complaints: 'Complaints and opinions: contacts file and follow them in the portal, support answers them; every change is mailed to the contact who filed it.',
  Console: 'The staff console: the triage queue with live targets, the people and teams to assign to, and phone calls logged on an incident.',
  Signals: 'For Customer Care and admins: the organisations that contact support often, by desk.yaml\'s thresholds, and the follow-ups (a course, a visit) recorded for them.',
  'KB insight': 'For staff: what the KnowledgeBase\'s readers searched and did not find, which searches ended in an incident, which articles did not help, and how many visits did without an incident; with an article template for a search that found nothing.',
  Consent: 'Access to the customer\'s environment only with their consent, and support outside business hours: remote-view sessions opened with the customer\'s code, backups the organisation\'s admin approves, temporary access grants the admin gives and revokes, extra-support windows staff approve. Every step is in the audit log, and those on an incident on its timeline (`type: "consent"`).',
  Telephony: 'For the telephone system, by a shared secret: where to put through a caller who typed an incident number.',
}

/** The shared refusals the guards and routes point to, by name: what it means, and the reasons with their example. */
const REPLIES: Record<string, Response> = {
  InvalidInput: refusal('The body does not match the schema (`fields` says what to fix), or is not readable JSON.', {
    invalidInput: ['invalid_input', 'invalidInput', 'A field missing and an unknown one', issuesOf(MessageInput, { body: 'Zie bijlage' })],
    malformedJson: ['malformed_json', 'malformedJson', 'Not readable JSON'],
  }),
  SignInRequired: refusal('No session, or it ended.', { signInRequired: ['sign_in_required', 'signInRequired'] }),
  StaffOnly: refusal('Signed in as a contact: for staff only.', { staffOnly: ['staff_only', 'staffOnly'] }),
  ContactsOnly: refusal('Signed in as staff: for a customer\'s contacts only (staff have the console).', { contactsOnly: ['contacts_only', 'contactsOnly'] }),
  AdminOnly: refusal('Signed in as an employee: for the organisation\'s admin only.', { adminOnly: ['admin_only', 'adminOnly'] }),
  IncidentNotFound: refusal('No such incident, or not one the caller may see: the answer is the same.', { notFound: ['not_found', 'incidentNotFound'] }),
  ComplaintNotFound: refusal('No such complaint or opinion, or not one the caller may see: the answer is the same.', { notFound: ['not_found', 'complaintNotFound'] }),
  CrossOrigin: refusal('A changing request that carries the session cookie, sent from a page of another site (see Sessions): refused before the session is read; nothing changed.', { crossOrigin: ['cross_origin', 'crossOrigin'] }),
  ReactionRefused: refusal('A customer reacts to an incident that is closed, or was resolved longer ago than the reopen window: nothing is added; register a new incident and mention this number.', {
    incidentClosed: ['incident_closed', 'incidentClosed'], reopenWindowPassed: ['reopen_window_passed', 'reopenWindowPassed'],
  }),
  PayloadTooLarge: refusal('The body is larger than 64 KB.', { tooLarge: ['payload_too_large', 'tooLarge'] }),
  UnsupportedMediaType: refusal('The body is not declared as JSON.', { notJson: ['unsupported_media_type', 'unsupportedMediaType'] }),
  StorageUnavailable: refusal('The records cannot be written now (the disk is full or failing, or the database cannot be reached): nothing changed. `GET /api/health` says why; try again later. The desk takes writes again by itself once storage does.', {
    storageUnavailable: ['storage_unavailable', 'storageUnavailable'],
  }),
  RateLimited: { ...refusal('Too many requests: wait the seconds in Retry-After.', { rateLimited: ['rate_limited', 'rateLimited'] }), headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } } },
}

/** The path parameters of record ids, by component name: the parameter's name, what it is and an example. */
const IDS: Record<string, [name: string, description: string, example: string]> = {
  IncidentId: ['id', 'The incident\'s id (a UUID), not its number.', INCIDENT_ID],
  ContactId: ['id', 'The contact\'s id, as the list of contacts gives it.', 'c-jansen-new'],
  ComplaintId: ['id', 'The complaint\'s id (a UUID), not its number.', COMPLAINT_ID],
  OrganisationId: ['organisationId', 'The organisation\'s id, as the signals give it.', 'org-devries'],
  RemoteViewId: ['id', 'The remote-view session\'s id, as starting or consenting gave it.', REMOTE_VIEW_ID],
  BackupId: ['id', 'The backup request\'s id, as GET /api/consents gives it.', BACKUP_ID],
  GrantId: ['id', 'The access grant\'s id, as GET /api/consents gives it.', GRANT_ID],
  ExtraSupportId: ['id', 'The extra-support request\'s id, as GET /api/consents gives it.', EXTRA_SUPPORT_ID],
}
const parameters = Object.fromEntries(Object.entries(IDS).map(([key, [name, description, example]]): [string, Parameter] =>
  [key, { name, in: 'path', required: true, description, schema: { type: 'string' }, example }]))

/** The shared headers, by component name: what it says and an example. */
const HEADERS: Record<string, [description: string, example: string]> = {
  RetryAfter: ['Seconds until the window ends and a request is welcome again.', '360'],
  NoStore: ['private, no-store: personal data, kept by no cache.', 'private, no-store'],
  NoStoreAnyCache: ['no-store: where a call goes says who handles what; kept by no cache, refusals included.', 'no-store'],
  QueueETag: ['The queue\'s version: send it back in `If-None-Match`.', `"${QUEUE_ETAG}"`],
  SetSession: [`The session cookie \`${SESSION_COOKIE}\`: HttpOnly, SameSite=Lax, Secure over https.`, `${SESSION_COOKIE}=…; Path=/; Expires=Wed, 30 Dec 2026 09:00:00 GMT; HttpOnly; SameSite=Lax; Secure`],
}
const headers = Object.fromEntries(Object.entries(HEADERS).map(([key, [description, example]]) =>
  [key, { description, schema: key === 'RetryAfter' ? { type: 'integer', minimum: 1 } : { type: 'string' }, example }]))

/** The document's shell: intro, tags, the shared replies, parameters, headers and security schemes; the routes add their operations (http/document.ts). */
export function openApiDocument(options: { serverUrl?: string; deskExample?: unknown } = {}): OpenApiDocument {
  return {
    openapi: '3.1.0',
    info: { title: 'Loket API', version: '0.1.0', description: apiDescription() },
    servers: [{ url: options.serverUrl ?? '/', description: options.serverUrl ? 'Loket' : 'The server that serves this document' }],
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    paths: {},
    components: {
      schemas: { Error: ERROR },
      responses: REPLIES,
      parameters,
      headers,
      securitySchemes: {
        cookieAuth: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'The session, set by signing in (HttpOnly: scripts cannot read it).' },
        phoneSecret: { type: 'http', scheme: 'bearer', description: 'The telephone system\'s shared secret, the server\'s `PHONE_ROUTING_SECRET`, as `Authorization: Bearer <secret>`. Without it configured, the route answers 503.' },
        remoteViewToken: { type: 'http', scheme: 'bearer', description: 'The token the customer\'s page got when it consented to a remote-view session, as `Authorization: Bearer <token>`: it opens that session only.' },
      },
    },
  }
}
