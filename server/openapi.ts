/** The OpenAPI 3.1 document of Loket's API under /api: request schemas generated from the routes' zod schemas, replies and examples written beside them. */
import { z } from 'zod'
import { ALLOWED_EXTENSIONS, MAX_ATTACHMENT_BYTES } from './domain/attachment.ts'
import { WEEKDAYS } from './domain/calendar.ts'
import { INCIDENT_KINDS, LANGUAGES } from './domain/desk.ts'
import { IncidentInput, STAFF_TRANSITIONS } from './domain/incident.ts'
import { SearchEventInput, VoteInput } from './domain/kb-insight.ts'
import { CONTACT_ROLES, INCIDENT_STATUSES, STAFF_ROLES } from './domain/records.ts'
import { MESSAGES, fieldsOf, type ApiError } from './http/errors.ts'
import { CONFIRM_HOURS, SIGN_IN_MINUTES } from './mail/notifier.ts'
import { SESSION_COOKIE } from './middleware/session/index.ts'
import { SignInCallbackInput, SignInLinkInput, StaffLoginInput } from './routes/auth.ts'
import { ConfirmInput, MessageInput, TriageInput } from './routes/incidents.ts'

/** A JSON Schema (draft 2020-12), as OpenAPI 3.1 takes it. */
export type SchemaObject = { [keyword: string]: unknown }
export type Reference = { $ref: string }
export interface Example { summary?: string; description?: string; value: unknown }
export interface MediaType { schema?: SchemaObject; examples?: Record<string, Example> }
export interface Parameter {
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required?: boolean
  description?: string
  schema: SchemaObject
  style?: 'form' | 'simple'
  explode?: boolean
  example?: unknown
}
export interface Header { description: string; schema: SchemaObject; example?: string }
export interface RequestBody { description?: string; required: boolean; content: Record<string, MediaType & { encoding?: Record<string, { contentType: string }> }> }
export interface Response { description: string; headers?: Record<string, Header | Reference>; content?: Record<string, MediaType> }
export interface Operation {
  operationId: string
  summary: string
  description?: string
  tags: string[]
  parameters?: (Parameter | Reference)[]
  requestBody?: RequestBody
  responses: Record<string, Response | Reference>
  /** Absent: public. `{}` among the options: a session is optional. */
  security?: Record<string, string[]>[]
}
export const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const
export type PathItem = Partial<Record<(typeof HTTP_METHODS)[number], Operation>>
export interface OpenApiDocument {
  openapi: '3.1.0'
  info: { title: string; version: string; description: string }
  servers: { url: string; description: string }[]
  tags: { name: string; description: string }[]
  paths: Record<string, PathItem>
  components: {
    schemas: Record<string, SchemaObject>
    responses: Record<string, Response>
    parameters: Record<string, Parameter>
    headers: Record<string, Header>
    securitySchemes: Record<string, { type: 'apiKey'; in: 'cookie'; name: string; description: string }>
  }
}

/**
 * The zod schemas behind the request bodies, by their name in `components.schemas`: the document's
 * schemas are generated from these, and the tests check every request example against them.
 */
export const REQUEST_SCHEMAS = {
  IncidentInput, ConfirmInput, TriageInput, MessageInput, SignInLinkInput, SignInCallbackInput, StaffLoginInput, VoteInput, SearchEventInput,
} satisfies Record<string, z.ZodType>

const MAX_ATTACHMENT_MB = MAX_ATTACHMENT_BYTES / 1024 / 1024
/** The types attachments are served with, decided by the extension and checked against the content. */
const ATTACHMENT_TYPES = ['image/png', 'image/jpeg', 'application/pdf', 'text/plain; charset=utf-8', 'text/csv; charset=utf-8', 'application/zip']
const extensions = ALLOWED_EXTENSIONS.map((e) => `.${e}`).join(', ')

const schemaRef = (name: string): Reference => ({ $ref: `#/components/schemas/${name}` })
const responseRef = (name: string): Reference => ({ $ref: `#/components/responses/${name}` })
const SESSION_REQUIRED: Record<string, string[]>[] = [{ cookieAuth: [] }]
/** Anonymous callers are welcome; a signed-in one is recognised. */
const SESSION_OPTIONAL: Record<string, string[]>[] = [{}, { cookieAuth: [] }]

/** An error body as `apiError` writes it for a caller without Accept-Language: Dutch. */
function error(code: string, message: keyof typeof MESSAGES, fields?: ApiError['fields']): ApiError {
  return { code, message: MESSAGES[message].nl, ...(fields ? { fields } : {}) }
}

/** The fields zod names when `value` fails `schema`: examples of 400 replies that are right by construction. */
function issuesOf(schema: z.ZodType, value: unknown): ApiError['fields'] {
  const result = schema.safeParse(value)
  if (result.success) throw new Error('[loket] openapi: the invalid example is valid; change it so it shows an error')
  return fieldsOf(result.error)
}

const json = (schema: SchemaObject | Reference, examples: Record<string, Example>): Record<string, MediaType> => ({ 'application/json': { schema, examples } })
const failure = (description: string, examples: Record<string, Example>): Response => ({ description, content: json(schemaRef('Error'), examples) })
const html = (description: string, summary: string): Response => ({
  description, content: { 'text/html': { schema: { type: 'string' }, examples: { page: { summary, value: '<!doctype html><html lang="nl">…</html>' } } } },
})

/**
 * The request schema generated from its zod schema (input side: defaults make a field optional),
 * with the field descriptions a reader needs; a description of a field the schema lacks throws.
 * A union on `type` (a oneOf of objects) gets each description in every option that has the field,
 * each option titled by its `type`, and the discriminator named.
 */
function fromZod(name: keyof typeof REQUEST_SCHEMAS, description: string, fields: Record<string, string>): SchemaObject {
  const { $schema: _dialect, ...schema } = z.toJSONSchema(REQUEST_SCHEMAS[name], { target: 'draft-2020-12', io: 'input' }) as SchemaObject
  const options = schema.oneOf as SchemaObject[] | undefined
  const objects = options ?? [schema]
  for (const [field, text] of Object.entries(fields)) {
    const holders = objects.map((o) => o.properties as Record<string, SchemaObject>).filter((properties) => properties?.[field])
    if (!holders.length) throw new Error(`[loket] openapi: ${name} has no field "${field}" to describe`)
    for (const properties of holders) properties[field] = { ...properties[field], description: text }
  }
  if (options) {
    const types = options.map((o) => (o.properties as Record<string, SchemaObject> | undefined)?.type?.const)
    if (types.some((t) => typeof t !== 'string')) throw new Error(`[loket] openapi: ${name} is a union, but not one on "type"`)
    options.forEach((o, i) => { o.title = `type "${String(types[i])}"` })
    return { title: name, description, ...schema, discriminator: { propertyName: 'type' } }
  }
  return { title: name, description, ...schema }
}

// Examples: one Noordwind ERP customer, Bakkerij Jansen, whose VAT return fails; the same people as the demo data.
const INCIDENT_ID = '3f6c2a9e-8b1d-4c57-9a0e-2d4b7e51c8a3'
const TOKEN = 'mF3kQ9vZ2xT7bLr0cW8yNp4sHd6aJu1eGi5oKq2VtXw'
/** A visit's random id, as the widget makes it. */
const SESSION = '7c1e9a4b2f6d4e08b3a5c9d17e2f6a40'

const widgetRegistration = {
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

const incidentExample = {
  id: INCIDENT_ID,
  number: '100142',
  organisationId: 'org-jansen',
  contactId: 'c-jansen-emp',
  kind: 'bug',
  productArea: 'finance',
  subject: widgetRegistration.subject,
  description: widgetRegistration.description,
  kbQuery: widgetRegistration.kbQuery,
  kbArticles: widgetRegistration.kbArticles,
  lang: 'nl',
  status: 'in_progress',
  priority: 2,
  team: 'finance',
  assigneeId: 's-lotte',
  registeredAt: '2026-11-30T09:00:00.000Z',
  statusHistory: [
    { status: 'new', at: '2026-11-30T09:00:00.000Z', by: 'contact:c-jansen-emp' },
    { status: 'in_progress', at: '2026-11-30T09:12:00.000Z', by: 'staff:s-lotte' },
  ],
  updatedAt: '2026-11-30T09:12:00.000Z',
  version: 2,
  sla: { dueAt: '2026-12-01T09:00:00.000Z', remainingBusinessMinutes: 498, isBreached: false, isPaused: false },
}

const messageExample = {
  id: '9b2e4f71-5c3a-4d8e-b6f0-1a7c9e3d5b24',
  incidentId: INCIDENT_ID,
  visibility: 'public',
  author: 'staff:s-lotte',
  text: 'Goedemorgen Tom, Digipoort weigert de aangifte omdat het PKIoverheid-certificaat op 28 november is vernieuwd. Wilt u het nieuwe certificaat opnieuw koppelen onder Financiën › Instellingen › Digipoort?',
  attachmentIds: [],
  at: '2026-11-30T09:40:00.000Z',
}

const attachmentExample = {
  id: '5d1f8a3c-2e7b-4f90-8c6d-3b9a1e4f7c02',
  fileName: 'digipoort-fout-500.png',
  contentType: 'image/png',
  size: 184_233,
  at: '2026-11-30T09:45:00.000Z',
}

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
  reassign: { summary: 'Hand it to the platform team, unassigned', value: { version: 2, team: 'platform', assigneeId: null } },
  reply: { summary: 'The customer answers', value: { text: 'Het nieuwe certificaat is gekoppeld, maar de aangifte geeft nog steeds fout 500. Schermafdruk volgt als bijlage.' } },
  internalNote: { summary: 'Staff: an internal note, never shown or mailed to the customer', value: { text: 'Certificaat gecontroleerd met Fatima (platform): geldig tot 2029. Mogelijk storing bij Digipoort zelf.', visibility: 'internal' } },
} satisfies Record<string, Example>

const transitions = Object.entries(STAFF_TRANSITIONS)
  .filter(([, to]) => to.length > 0)
  .map(([from, to]) => `- \`${from}\` → ${to.map((s) => `\`${s}\``).join(', ')}`)
  .join('\n')

const DESCRIPTION = `The API of Loket, Noordwind Software's support desk: the embeddable widget, the customer portal and the staff console use it. Every path is under \`/api\`; an unknown one answers 404 \`not_found\`.

### Errors

Every error is JSON \`{ code, message, fields? }\`. \`code\` is stable and meant for programs; \`message\` is for people, in the caller's language: English when \`Accept-Language\` starts with \`en\`, Dutch (\`nl\`) otherwise. \`fields\` names each invalid field by its path (\`(body)\` for the body as a whole, such as an unknown field) with what is wrong, in English for developers. The codes:

- \`invalid_input\` (400): the body does not match the schema; see \`fields\`
- \`malformed_json\` (400): the body is not readable JSON
- \`token_invalid\` (400): a link's token is unknown, used or expired
- \`sign_in_required\` (401), \`wrong_credentials\` (401)
- \`staff_only\` (403), \`not_authorised\` (403): the e-mail address is not an authorised contact
- \`not_found\` (404): also for an incident the caller may not see
- \`version_conflict\` (409): the body also holds \`current\`, the incident as it is now
- \`payload_too_large\` (413), \`unsupported_media_type\` (415)
- \`attachment_type_not_allowed\` (415), \`attachment_content_mismatch\` (415): a file that may not be attached, or whose content is not what its extension says
- \`priority_first_class_only\` (422), \`transition_refused\` (422)
- \`rate_limited\` (429), with \`Retry-After\` in seconds
- \`internal\` (500)

### Sessions

Signing in (by an e-mailed link, or by password for staff) sets the HttpOnly cookie \`${SESSION_COOKIE}\` (SameSite=Lax, Secure over https), which the browser sends along. A contact's session lasts 30 days, a staff member's one day. It is checked on every request: a contact who is deactivated, or whose authorisation is withdrawn, is signed out at once.

### Cross-origin use

Pages on the configured origins (\`ALLOWED_ORIGINS\`: the sites that embed the widget) may call the API across origins, without credentials: \`Access-Control-Allow-Credentials\` is never sent, so a cross-origin call is always anonymous. That serves the public endpoints: the desk status, KnowledgeBase votes and search events, registering and confirming an incident, asking for a sign-in link. Whatever needs a session is for pages on Loket's own origin.

### Rate limits

Per window of 10 minutes:

- Registering an incident: 20 requests per IP address (signed-in contacts are exempt), and one confirmation e-mail per e-mail address. Over either: 429 \`rate_limited\` with \`Retry-After\`.
- Signing in: 10 requests per IP address for the sign-in link and, counted apart, 10 for the staff password sign-in; over that: 429 with \`Retry-After\`. Per e-mail address 3 sign-in links: a fourth request gets the same 202 as ever but no e-mail, so the answer never tells whether an address is known.

Per minute:

- KnowledgeBase search events: 120 requests per IP address; over that: 429 with \`Retry-After\`, and nothing is recorded.

### Sizes

Request bodies are JSON of at most 64 KB (413 \`payload_too_large\`; 415 for another content type); attachments are files of at most ${MAX_ATTACHMENT_MB} MB.`

/** Loket's API as an OpenAPI 3.1.0 document; `serverUrl` is where it is served, by default the origin of the document itself. */
/**
 * The OpenAPI document. `deskExample` is GET /api/desk's reply at DESK_EXAMPLE_MOMENT, computed
 * from the desk in use, so the example never drifts from desk.yaml.
 */
export function openApiDocument(options: { serverUrl?: string; deskExample: unknown }): OpenApiDocument {
  const deskExample = options.deskExample
  const incidentId: Reference = { $ref: '#/components/parameters/IncidentId' }

  return {
    openapi: '3.1.0',
    info: { title: 'Loket API', version: '0.1.0', description: DESCRIPTION },
    servers: [{ url: options.serverUrl ?? '/', description: options.serverUrl ? 'Loket' : 'The server that serves this document' }],
    tags: [
      { name: 'Desk', description: 'Whether the desk is open, its hours and priorities; whether the API is up.' },
      { name: 'KnowledgeBase', description: 'What readers tell the KnowledgeBase, anonymously.' },
      { name: 'Sign-in', description: 'Sessions: contacts sign in by an e-mailed link, staff by link or password.' },
      { name: 'Incidents', description: 'Registering an incident (confirmed by e-mail, or at once when signed in), reading and following it, replying, attaching files.' },
      { name: 'Triage', description: 'Support staff set the priority, team, assignee and status.' },
    ],
    paths: {
      '/api/health': {
        get: {
          operationId: 'getHealth', tags: ['Desk'], summary: 'Whether the API is up',
          responses: { 200: { description: 'The API answers.', content: json({ type: 'object', required: ['status'], properties: { status: { const: 'ok' } } }, { up: { value: { status: 'ok' } } }) } },
        },
      },
      '/api/desk': {
        get: {
          operationId: 'getDesk', tags: ['Desk'], summary: 'Whether support is open now, until when, special days, hours, phone, priorities and product areas',
          description: 'What the widget shows next to the incident form. Cached for a minute, so "open until 17:00" stays right. Times of day are local to `timeZone`; instants are UTC.',
          responses: {
            200: {
              description: 'The desk now.',
              headers: { 'Cache-Control': { description: 'public, max-age=60', schema: { type: 'string' } } },
              content: json(schemaRef('DeskStatus'), { mondayMorning: { summary: 'Monday 30 November 2026, 10:00 in Amsterdam', value: deskExample } }),
            },
          },
        },
      },
      '/api/kb/votes': {
        post: {
          operationId: 'recordVote', tags: ['KnowledgeBase'], summary: 'Record a "was this helpful?" vote on an article',
          description: 'Anonymous: the vote holds the article, the language and the answer, and is stored with the time to the minute. Nothing else is accepted, so nothing identifies the reader. At most 120 votes a minute per address (429).',
          requestBody: { required: true, content: json(schemaRef('VoteInput'), { vote: REQUEST_EXAMPLES.vote }) },
          responses: {
            201: { description: 'Recorded.', content: json({ type: 'object', required: ['recorded'], properties: { recorded: { const: true } } }, { recorded: { value: { recorded: true } } }) },
            400: failure('The vote is not valid, or not JSON.', {
              unknownLanguage: { summary: 'A language the desk does not speak', value: error('invalid_input', 'invalidInput', issuesOf(VoteInput, { ...REQUEST_EXAMPLES.vote.value, lang: 'de' })) },
              extraField: { summary: 'A field that could identify the reader', value: error('invalid_input', 'invalidInput', issuesOf(VoteInput, { ...REQUEST_EXAMPLES.vote.value, email: 'tom@bakkerij-jansen.example' })) },
            }),
            413: responseRef('PayloadTooLarge'),
            415: responseRef('UnsupportedMediaType'),
            429: responseRef('RateLimited'),
          },
        },
      },
      '/api/kb/events': {
        post: {
          operationId: 'recordSearchEvent', tags: ['KnowledgeBase'], summary: 'Record a step of a visitor\'s search: a search, a click on a result, or an incident sent',
          description: `Anonymous, from the widget and the KnowledgeBase's search page, so support can see what visitors look for, what they find and when searching did not help. One event per request: \`search\` once a query has settled, \`click\` when a result is opened, \`incident\` when the incident form was sent.

Nothing identifies the visitor: no cookie is read or set, the IP address and user agent are not stored, and the time is kept to the minute. \`session\` is a random id the browser makes for one visit, only to tie its events together. Nothing but the fields of the event's type is accepted.`,
          requestBody: { required: true, content: json(schemaRef('SearchEventInput'), { search: REQUEST_EXAMPLES.searchEvent, click: REQUEST_EXAMPLES.clickEvent, incident: REQUEST_EXAMPLES.incidentEvent }) },
          responses: {
            201: { description: 'Recorded.', content: json({ type: 'object', required: ['recorded'], properties: { recorded: { const: true } } }, { recorded: { value: { recorded: true } } }) },
            400: failure('The event is not valid, or not JSON; nothing is recorded.', {
              unknownType: { summary: 'A type of event that does not exist', value: error('invalid_input', 'invalidInput', issuesOf(SearchEventInput, { ...REQUEST_EXAMPLES.searchEvent.value, type: 'view' })) },
              notAPath: { summary: 'An article given as a full address instead of a path', value: error('invalid_input', 'invalidInput', issuesOf(SearchEventInput, { ...REQUEST_EXAMPLES.clickEvent.value, article: 'https://kb.noordwind.example/support/btw-aangifte/' })) },
              extraField: { summary: 'A field that could identify the visitor', value: error('invalid_input', 'invalidInput', issuesOf(SearchEventInput, { ...REQUEST_EXAMPLES.searchEvent.value, email: 'tom@bakkerij-jansen.example' })) },
            }),
            413: responseRef('PayloadTooLarge'),
            415: responseRef('UnsupportedMediaType'),
            429: responseRef('RateLimited'),
          },
        },
      },
      '/api/auth/link': {
        post: {
          operationId: 'requestSignInLink', tags: ['Sign-in'], summary: 'E-mail a sign-in link',
          description: `Sends a single-use link, valid ${SIGN_IN_MINUTES} minutes, to an active authorised contact or an active staff member with this address. The answer is the same 202 whether or not the address is known, and also once the address has had 3 links in 10 minutes (then no e-mail is sent). \`next\` is a path on this site to land on after signing in; \`lang\` is the e-mail's language, by default the contact's own.`,
          requestBody: { required: true, content: json(schemaRef('SignInLinkInput'), { link: REQUEST_EXAMPLES.signInLink }) },
          responses: {
            202: { description: 'Whatever the address: look in the e-mail.', content: json(schemaRef('CheckEmail'), { sent: { value: { status: 'check_email', message: MESSAGES.signInSent.nl } } }) },
            400: failure('Not a valid request, or not JSON.', {
              badNext: { summary: 'A `next` that leads off the site', value: error('invalid_input', 'invalidInput', issuesOf(SignInLinkInput, { ...REQUEST_EXAMPLES.signInLink.value, next: '//phishing.example/' })) },
            }),
            413: responseRef('PayloadTooLarge'),
            415: responseRef('UnsupportedMediaType'),
            429: responseRef('RateLimited'),
          },
        },
      },
      '/api/auth/callback': {
        get: {
          operationId: 'signInPage', tags: ['Sign-in'], summary: 'Open the e-mailed sign-in link',
          description: 'Opened by the browser from the e-mail. Shows a page with one button that posts the token: opening the link does not use it up, so a mail scanner that opens links cannot spend it.',
          parameters: [{ name: 'token', in: 'query', required: true, description: 'The token from the e-mailed link.', schema: { type: 'string' }, example: TOKEN }],
          responses: {
            200: html('A page with one button that signs in (posts the token to this address).', 'Inloggen · Sign in'),
          },
        },
        post: {
          operationId: 'signInCallback', tags: ['Sign-in'], summary: 'Sign in with the token from the link',
          description: 'Posted by the page above as a form (`token=…`). Takes the token (once), starts a session and redirects; a used or expired link gets a page that says so, in Dutch and English. A post whose Origin is another site is refused.',
          requestBody: { required: true, content: { 'application/x-www-form-urlencoded': { schema: schemaRef('SignInCallbackInput'), examples: { signIn: REQUEST_EXAMPLES.signInCallback } } } },
          responses: {
            303: {
              description: 'Signed in: the session cookie is set, and the browser goes on to `next`, or to the home page.',
              headers: {
                Location: { description: 'The `next` path asked for with the link, or `/`.', schema: { type: 'string' }, example: `/portaal/incidenten/?id=${INCIDENT_ID}` },
                'Set-Cookie': { $ref: '#/components/headers/SetSession' },
              },
            },
            400: html('The link is unknown, used or expired (an HTML page).', 'Link verlopen · Link expired'),
            403: html('Posted from another site, or the contact or staff member was deactivated or is no longer authorised (an HTML page).', 'Link verlopen · Link expired'),
          },
        },
      },
      '/api/auth/staff': {
        post: {
          operationId: 'staffSignIn', tags: ['Sign-in'], summary: 'Staff sign in with a password',
          description: 'A wrong password and an unknown or inactive address get the same 401, which does not say which part was wrong.',
          requestBody: { required: true, content: json(schemaRef('StaffLoginInput'), { login: REQUEST_EXAMPLES.staffLogin }) },
          responses: {
            200: {
              description: 'Signed in; the session cookie is set.',
              headers: { 'Set-Cookie': { $ref: '#/components/headers/SetSession' } },
              content: json(schemaRef('StaffSignedIn'), { lotte: { value: { id: 's-lotte', name: 'Lotte Smit', role: 'agent', teams: ['first-line', 'finance'] } } }),
            },
            400: failure('Not valid, or not JSON.', {
              noPassword: { summary: 'No password', value: error('invalid_input', 'invalidInput', issuesOf(StaffLoginInput, { email: REQUEST_EXAMPLES.staffLogin.value.email })) },
            }),
            401: failure('Address or password not right.', { wrong: { value: error('wrong_credentials', 'wrongPassword') } }),
            413: responseRef('PayloadTooLarge'),
            415: responseRef('UnsupportedMediaType'),
            429: responseRef('RateLimited'),
          },
        },
      },
      '/api/auth/logout': {
        post: {
          operationId: 'signOut', tags: ['Sign-in'], summary: 'Sign out',
          description: 'Ends the session and clears the cookie; without a session it only clears the cookie. No body.',
          security: SESSION_OPTIONAL,
          responses: {
            204: { description: 'Signed out.', headers: { 'Set-Cookie': { description: `Clears \`${SESSION_COOKIE}\`.`, schema: { type: 'string' }, example: `${SESSION_COOKIE}=; Max-Age=0; Path=/` } } },
          },
        },
      },
      '/api/auth/me': {
        get: {
          operationId: 'getMe', tags: ['Sign-in'], summary: 'Who is signed in',
          security: SESSION_REQUIRED,
          responses: {
            200: {
              description: 'The contact or staff member of the session.',
              content: json(schemaRef('Me'), {
                contact: { summary: 'A contact', value: { kind: 'contact', id: 'c-jansen-emp', name: 'Tom Bakker', email: 'tom@bakkerij-jansen.example', role: 'employee', organisationId: 'org-jansen', lang: 'nl' } },
                staff: { summary: 'A staff member', value: { kind: 'staff', id: 's-lotte', name: 'Lotte Smit', email: 'lotte@noordwind.example', role: 'agent', teams: ['first-line', 'finance'] } },
              }),
            },
            401: responseRef('SignInRequired'),
          },
        },
      },
      '/api/incidents': {
        post: {
          operationId: 'registerIncident', tags: ['Incidents'], summary: 'Register an incident',
          description: `From the widget or the portal. The customer never chooses the priority: support sets it at triage; the team follows from desk.yaml's routing.

Anonymous (the widget): the answer is always 202 \`check_email\`, whoever the address belongs to. An authorised contact gets an e-mail with a confirmation link, valid ${CONFIRM_HOURS} hours; nothing is registered until it is confirmed. Any other address gets an e-mail explaining that the organisation's admin must authorise it. A request that fills the hidden field \`website\` is taken for a bot: the same 202, and nothing happens. At most one confirmation e-mail per address per 10 minutes (429).

Signed in as a contact (the portal): registered at once, 201 with the number. The session decides who filed it; \`name\` and \`email\` are still required by the schema. Staff are treated as anonymous here.`,
          security: SESSION_OPTIONAL,
          requestBody: { required: true, content: json(schemaRef('IncidentInput'), { widget: REQUEST_EXAMPLES.widgetRegistration, portal: REQUEST_EXAMPLES.portalRegistration }) },
          responses: {
            201: { description: 'A signed-in contact: registered.', content: json(schemaRef('Registered'), { registered: { value: { status: 'registered', number: '100142', id: INCIDENT_ID, url: `/portaal/incidenten/?id=${INCIDENT_ID}` } } }) },
            202: { description: 'Anonymous: look in the e-mail (for a confirmation link, or for why not).', content: json(schemaRef('CheckEmail'), { checkEmail: { value: { status: 'check_email', message: MESSAGES.checkEmail.nl } } }) },
            400: failure('Not valid, or not JSON; `fields` names what to fix.', {
              fields: { summary: 'An address without a domain, and a kind that does not exist', value: error('invalid_input', 'invalidInput', issuesOf(IncidentInput, { ...widgetRegistration, email: 'tom@bakkerij-jansen', kind: 'complaint' })) },
              productArea: { summary: 'A product area desk.yaml does not have', value: error('invalid_input', 'invalidInput', [{ path: 'productArea', message: 'unknown product area; one of: finance, inventory, sales, payroll, platform' }]) },
              priority: { summary: 'A priority chosen by the customer', value: error('invalid_input', 'invalidInput', issuesOf(IncidentInput, { ...widgetRegistration, priority: 1 })) },
            }),
            413: responseRef('PayloadTooLarge'),
            415: responseRef('UnsupportedMediaType'),
            429: responseRef('RateLimited'),
          },
        },
        get: {
          operationId: 'listIncidents', tags: ['Incidents'], summary: 'List incidents, newest first',
          description: 'A contact sees by role: an employee the incidents they filed, an admin all of their organisation\'s; only `status` filters for them. Staff see all incidents and may filter by `team`, `mine` and `organisationId` as well. Customers never see internal notes, and this list holds no messages.',
          security: SESSION_REQUIRED,
          parameters: [
            { name: 'status', in: 'query', description: 'Only these statuses, comma-separated; unknown ones are ignored.', style: 'form', explode: false, schema: { type: 'array', items: { type: 'string', enum: [...INCIDENT_STATUSES] } }, example: 'new,in_progress' },
            { name: 'team', in: 'query', description: 'Staff only: the team key from desk.yaml.', schema: { type: 'string' }, example: 'finance' },
            { name: 'mine', in: 'query', description: 'Staff only: `1` for the incidents assigned to the caller.', schema: { type: 'string', enum: ['1'] }, example: '1' },
            { name: 'organisationId', in: 'query', description: 'Staff only: one organisation\'s incidents.', schema: { type: 'string' }, example: 'org-jansen' },
          ],
          responses: {
            200: { description: 'The incidents the caller may see.', content: json({ type: 'object', required: ['incidents'], properties: { incidents: { type: 'array', items: schemaRef('Incident') } } }, { list: { value: { incidents: [incidentExample] } } }) },
            401: responseRef('SignInRequired'),
          },
        },
      },
      '/api/incidents/confirm': {
        get: {
          operationId: 'confirmationPage', tags: ['Incidents'], summary: 'The page the confirmation e-mail links to',
          description: 'An HTML page with one button that posts the token to `POST /api/incidents/confirm`. Opening the link confirms nothing, so a mail client\'s link scanner cannot register an incident.',
          parameters: [{ name: 'token', in: 'query', required: true, description: 'The token from the e-mailed link.', schema: { type: 'string' }, example: TOKEN }],
          responses: { 200: html('The page with the confirmation button.', 'Melding bevestigen · Confirm your request') },
        },
        post: {
          operationId: 'confirmRegistration', tags: ['Incidents'], summary: 'Confirm a registration: the incident is registered',
          description: `Takes the token once. As JSON it answers JSON; as a form post (the confirmation page's button) it answers an HTML page in the registration's language. A token is valid ${CONFIRM_HOURS} hours; the contact's authorisation is checked again, as it may have been withdrawn since.`,
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: schemaRef('ConfirmInput'), examples: { confirm: REQUEST_EXAMPLES.confirm } },
              'application/x-www-form-urlencoded': { schema: schemaRef('ConfirmInput'), examples: { confirm: REQUEST_EXAMPLES.confirm } },
            },
          },
          responses: {
            201: {
              description: 'Registered: JSON with the number, or for a form post an HTML page that gives it. The requester gets an e-mail with the number and a link to follow the incident.',
              content: {
                ...json(schemaRef('Registered'), { registered: { value: { status: 'registered', number: '100142', id: INCIDENT_ID, url: `/portaal/incidenten/?id=${INCIDENT_ID}` } } }),
                'text/html': { schema: { type: 'string' }, examples: { page: { summary: 'Melding geregistreerd', value: '<!doctype html><html lang="nl">…Uw melding is geregistreerd onder nummer <strong>100142</strong>…</html>' } } },
              },
            },
            400: {
              description: 'The token is unknown, used or expired (or missing): JSON, or an HTML page for a form post.',
              content: { ...json(schemaRef('Error'), { tokenInvalid: { value: error('token_invalid', 'tokenInvalid') } }), 'text/html': { schema: { type: 'string' } } },
            },
            403: {
              description: 'The address is no longer an authorised, active contact: JSON, or an HTML page for a form post. Nothing is registered.',
              content: { ...json(schemaRef('Error'), { notAuthorised: { value: error('not_authorised', 'notAuthorised') } }), 'text/html': { schema: { type: 'string' } } },
            },
            413: responseRef('PayloadTooLarge'),
          },
        },
      },
      '/api/incidents/{id}': {
        get: {
          operationId: 'getIncident', tags: ['Incidents'], summary: 'One incident with its messages',
          description: 'Customers see only public messages; staff also internal notes. An incident of another organisation (or, for an employee, a colleague\'s) answers 404 exactly as a missing one, so ids cannot be probed; so does a request without a session.',
          security: SESSION_REQUIRED,
          parameters: [incidentId],
          responses: {
            200: {
              description: 'The incident and its messages, oldest first.',
              content: json({ type: 'object', required: ['incident', 'messages'], properties: { incident: schemaRef('Incident'), messages: { type: 'array', items: schemaRef('Message') } } }, { incident: { value: { incident: incidentExample, messages: [messageExample] } } }),
            },
            404: responseRef('IncidentNotFound'),
          },
        },
        patch: {
          operationId: 'triageIncident', tags: ['Triage'], summary: 'Triage: set priority, team, assignee or status',
          description: `Staff only. Send \`version\` as read: a change against an older version is refused with 409 and the current incident, to look at before trying again. Only the fields sent change. Priority 1 is for First Class organisations only (422). A status change mails the requester. The moves support may make:

${transitions}

\`awaiting_confirmation\` → \`new\` happens only by the customer's confirmation.`,
          security: SESSION_REQUIRED,
          parameters: [incidentId],
          requestBody: { required: true, content: json(schemaRef('TriageInput'), { triage: REQUEST_EXAMPLES.triage, reassign: REQUEST_EXAMPLES.reassign }) },
          responses: {
            200: { description: 'Changed.', content: json({ type: 'object', required: ['incident'], properties: { incident: schemaRef('Incident') } }, { changed: { value: { incident: incidentExample } } }) },
            400: failure('Not valid, or not JSON; an unknown team or an assignee who is not active staff.', {
              team: { summary: 'A team desk.yaml does not have', value: error('invalid_input', 'invalidInput', [{ path: 'team', message: 'unknown team; one of: first-line, finance, logistics, platform' }]) },
              assignee: { summary: 'No active staff member with this id', value: error('invalid_input', 'invalidInput', [{ path: 'assigneeId', message: 'no active staff member with this id' }]) },
            }),
            401: responseRef('SignInRequired'),
            403: responseRef('StaffOnly'),
            404: responseRef('IncidentNotFound'),
            409: {
              description: 'Someone changed the incident since `version`: nothing changed; `current` is the incident now.',
              content: json(schemaRef('VersionConflict'), { conflict: { value: { code: 'version_conflict', message: MESSAGES.versionConflict.nl, current: { ...incidentExample, version: 3, priority: 3 } } } }),
            },
            413: responseRef('PayloadTooLarge'),
            415: responseRef('UnsupportedMediaType'),
            422: failure('A rule refuses the change; nothing changed.', {
              firstClassOnly: { summary: 'Priority 1 for an organisation without First Class', value: error('priority_first_class_only', 'firstClassOnly', [{ path: 'priority', message: 'priority 1 is for First Class organisations only' }]) },
              transition: { summary: 'A move the process does not allow', value: error('transition_refused', 'transitionRefused', [{ path: 'status', message: 'new cannot become closed' }]) },
            }),
          },
        },
      },
      '/api/incidents/{id}/messages': {
        post: {
          operationId: 'addMessage', tags: ['Incidents'], summary: 'Reply, or add an internal note',
          description: 'A customer\'s message is always public. Their reply hands an incident that waits for them back to support (`waiting_for_customer` → `in_progress`), and reopens a resolved one within desk.yaml\'s `process.reopenWithinDays` (14 days as shipped). Staff may write `internal` notes, which customers never see and which are never mailed; a public staff message is mailed to the requester.',
          security: SESSION_REQUIRED,
          parameters: [incidentId],
          requestBody: { required: true, content: json(schemaRef('MessageInput'), { reply: REQUEST_EXAMPLES.reply, internalNote: REQUEST_EXAMPLES.internalNote }) },
          responses: {
            201: {
              description: 'Added; the incident as it is now (its status may have moved).',
              content: json({ type: 'object', required: ['message', 'incident'], properties: { message: schemaRef('Message'), incident: schemaRef('Incident') } }, { added: { value: { message: messageExample, incident: incidentExample } } }),
            },
            400: responseRef('InvalidInput'),
            401: responseRef('SignInRequired'),
            404: responseRef('IncidentNotFound'),
            413: responseRef('PayloadTooLarge'),
            415: responseRef('UnsupportedMediaType'),
          },
        },
      },
      '/api/incidents/{id}/attachments': {
        post: {
          operationId: 'uploadAttachment', tags: ['Incidents'], summary: 'Attach a file, optionally as a reaction',
          description: `Whoever may see the incident may attach a file: a multipart/form-data upload with one file in the part \`file\` (${extensions}; at most ${MAX_ATTACHMENT_MB} MB). The extension decides the type the file is served with, and the content must match it: a renamed program is refused, and text and csv must be UTF-8. The file name is cleaned up (path, odd characters) and the file is kept outside the web root, only ever served as a download.

With a part \`text\` as well, the upload is a reaction: a public message with the file, which moves the incident on as a reply does (see adding a message) and, from staff, is mailed to the requester.

For example: \`curl -b ${SESSION_COOKIE}=… -F file=@digipoort-fout-500.png -F text="Schermafdruk van de foutmelding" https://support.example.nl/api/incidents/${INCIDENT_ID}/attachments\``,
          security: SESSION_REQUIRED,
          parameters: [incidentId],
          requestBody: {
            required: true,
            content: {
              'multipart/form-data': {
                schema: {
                  type: 'object', required: ['file'],
                  properties: {
                    file: { type: 'string', contentMediaType: 'application/octet-stream', description: `The file: ${extensions}; at most ${MAX_ATTACHMENT_MB} MB.` },
                    text: { type: 'string', maxLength: 20_000, description: 'A reaction to go with the file: makes the upload a public message. Default none.' },
                  },
                },
                encoding: { file: { contentType: 'image/png, image/jpeg, application/pdf, text/plain, text/csv, application/zip' } },
              },
            },
          },
          responses: {
            201: {
              description: 'Stored; with a text, the message it came with too.',
              content: json({ type: 'object', required: ['attachment'], properties: { attachment: schemaRef('Attachment'), message: { ...schemaRef('Message'), description: 'Only when a text was sent.' } } }, {
                stored: { summary: 'A file alone', value: { attachment: attachmentExample } },
                reaction: { summary: 'A file with a text', value: { attachment: attachmentExample, message: { ...messageExample, id: '2c7e9d14-6a3b-4f58-9e21-8d0b5c7a4f16', author: 'contact:c-jansen-emp', text: 'Schermafdruk van de foutmelding', attachmentIds: [attachmentExample.id], at: attachmentExample.at } } },
              }),
            },
            400: failure('No file in the part `file`, an empty file, a text that is too long, or a body that is not readable as multipart/form-data.', {
              noFile: { value: error('invalid_input', 'invalidInput', [{ path: 'file', message: 'exactly one file is required in the field "file"' }]) },
              empty: { value: error('invalid_input', 'invalidInput', [{ path: 'file', message: 'the file is empty' }]) },
            }),
            401: responseRef('SignInRequired'),
            404: responseRef('IncidentNotFound'),
            413: failure(`The file is larger than ${MAX_ATTACHMENT_MB} MB.`, { tooLarge: { value: error('payload_too_large', 'attachmentTooLarge') } }),
            415: failure('Not a multipart/form-data upload, a file type that may not be attached, or content that is not what the extension says.', {
              notMultipart: { summary: 'Not multipart/form-data', value: error('unsupported_media_type', 'multipartRequired') },
              typeNotAllowed: { summary: 'A file type that may not be attached', value: error('attachment_type_not_allowed', 'attachmentTypeNotAllowed', [{ path: 'file', message: `one of: ${ALLOWED_EXTENSIONS.join(', ')}` }]) },
              contentMismatch: { summary: 'A program renamed to .pdf', value: error('attachment_content_mismatch', 'attachmentContentMismatch', [{ path: 'file', message: 'the content is not what the extension says' }]) },
            }),
          },
        },
      },
      '/api/incidents/{id}/attachments/{attachmentId}': {
        get: {
          operationId: 'downloadAttachment', tags: ['Incidents'], summary: 'Download an attachment',
          description: 'Always a download (`Content-Disposition: attachment`), never shown inline, with the type decided at upload; sandboxed and not cached. The same visibility as the incident: 404 for one the caller may not see, as for a missing one.',
          security: SESSION_REQUIRED,
          parameters: [incidentId, { name: 'attachmentId', in: 'path', required: true, description: 'The attachment\'s id.', schema: { type: 'string' }, example: attachmentExample.id }],
          responses: {
            200: {
              description: 'The file.',
              headers: {
                'Content-Disposition': { description: 'Always `attachment`, with the name in ASCII and exactly in UTF-8 (RFC 6266).', schema: { type: 'string' }, example: `attachment; filename="${attachmentExample.fileName}"; filename*=UTF-8''${attachmentExample.fileName}` },
                'Content-Type': { description: `The type decided at upload: ${ATTACHMENT_TYPES.join(', ')}.`, schema: { type: 'string' }, example: 'image/png' },
                'Cache-Control': { description: 'private, no-store, no-transform', schema: { type: 'string' } },
              },
              content: { 'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } },
            },
            401: responseRef('SignInRequired'),
            404: failure('No such incident or attachment, or not one the caller may see: the answer is the same.', {
              incident: { summary: 'The incident', value: error('not_found', 'incidentNotFound') },
              attachment: { summary: 'The attachment', value: error('not_found', 'attachmentNotFound') },
            }),
          },
        },
      },
    },
    components: {
      schemas: {
        IncidentInput: fromZod('IncidentInput', 'A registration from the widget or the portal. The server decides everything else: number, status, team and, at triage, the priority.', {
          name: 'The requester\'s name as they typed it.',
          email: 'Their e-mail address: the confirmation goes there, and it decides the organisation. Compared in lower case.',
          kind: 'bug (fout), outage (storing), wish (wens) or question (gebruikersvraag).',
          productArea: 'A product area key from desk.yaml: finance, inventory, sales, payroll or platform as shipped.',
          kbQuery: 'The KnowledgeBase search that led here; default none.',
          kbArticles: 'Translation keys of the articles the visitor was shown; default none.',
          lang: 'Language of the e-mails; default Dutch.',
          website: 'A field people never see: leave it out. A request that fills it is taken for a bot.',
        }),
        ConfirmInput: fromZod('ConfirmInput', 'The token from the confirmation e-mail.', { token: 'The token from the link.' }),
        SignInCallbackInput: fromZod('SignInCallbackInput', 'The token from the sign-in e-mail, posted by the sign-in page.', { token: 'The token from the link.' }),
        TriageInput: fromZod('TriageInput', 'A triage change by staff; only the fields sent change.', {
          version: 'The version the change was made against; an older one is refused with 409.',
          priority: '1 (production down, First Class only) to 5 (wish).',
          team: 'A team key from desk.yaml: first-line, finance, logistics or platform as shipped.',
          assigneeId: 'An active staff member\'s id, or null for nobody.',
          status: 'The new status; see the moves allowed.',
        }),
        MessageInput: fromZod('MessageInput', 'A reply or an internal note.', {
          visibility: 'Staff only: an internal note is never shown or mailed to the customer. Default public; a customer\'s message is always public.',
        }),
        SignInLinkInput: fromZod('SignInLinkInput', 'Who asks for a sign-in link, and where it should land.', {
          lang: 'Language of the e-mail; default the contact\'s own.',
          next: 'A path on this site to land on after signing in; default the home page.',
        }),
        StaffLoginInput: fromZod('StaffLoginInput', 'A staff member\'s address and password.', {}),
        VoteInput: fromZod('VoteInput', 'A reader\'s vote on an article; nothing in it identifies the reader.', {
          article: 'The article\'s translation key, the same in both languages.',
          lang: 'The language the article was read in.',
          isHelpful: 'Whether the article answered the reader\'s question.',
        }),
        SearchEventInput: fromZod('SearchEventInput', 'One step of a visitor\'s search, by `type`; nothing in it identifies the visitor.', {
          type: '`search`: a search the visitor settled on; `click`: they opened a result; `incident`: they sent the incident form.',
          session: 'A random id the browser made for this visit (not a cookie): 8 to 64 letters, digits, `_` or `-`. Ties the visit\'s events together.',
          source: '`widget`, or `search` for the KnowledgeBase\'s search page.',
          lang: 'The language the visitor searched in.',
          query: 'What was searched, trimmed. For `incident`: the last search, if there was one.',
          results: 'How many results the search gave.',
          article: 'The opened article\'s path on the KnowledgeBase site, without origin, query or fragment, e.g. `/support/incident-melden/`.',
        }),
        Error: {
          type: 'object', required: ['code', 'message'], description: 'Every error answer.',
          properties: {
            code: { type: 'string', description: 'Stable, for programs.', examples: ['invalid_input', 'rate_limited'] },
            message: { type: 'string', description: 'For people: English when Accept-Language starts with `en`, Dutch otherwise.' },
            fields: {
              type: 'array', description: 'With `invalid_input` and the 422 refusals: each field and what is wrong with it.',
              items: {
                type: 'object', required: ['path', 'message'],
                properties: {
                  path: { type: 'string', description: 'Dotted path of the field, e.g. `kbArticles.0`; `(body)` for the body as a whole.' },
                  message: { type: 'string', description: 'What is wrong, in English whatever the language asked for: it is meant for developers.' },
                },
              },
            },
          },
        },
        VersionConflict: {
          type: 'object', required: ['code', 'message', 'current'], description: 'A 409: the change was made against an older version.',
          properties: { code: { const: 'version_conflict' }, message: { type: 'string' }, current: { ...schemaRef('Incident'), description: 'The incident as it is now.' } },
        },
        CheckEmail: {
          type: 'object', required: ['status', 'message'], description: 'The request was taken; what follows is in the e-mail.',
          properties: { status: { const: 'check_email' }, message: { type: 'string', description: 'For people, in the language asked for.' } },
        },
        Registered: {
          type: 'object', required: ['status', 'number', 'id', 'url'], description: 'An incident was registered.',
          properties: {
            status: { const: 'registered' }, number: { type: 'string', pattern: '^\\d+$', description: 'The incident number to quote.' }, id: { type: 'string', format: 'uuid' },
            url: { type: 'string', description: 'Where the contact follows the incident on the KB site, in their language (a path).' },
          },
        },
        Incident: {
          type: 'object', description: 'An incident as callers see it.',
          required: ['id', 'number', 'organisationId', 'contactId', 'kind', 'productArea', 'subject', 'description', 'kbArticles', 'lang', 'status', 'priority', 'team', 'assigneeId', 'registeredAt', 'statusHistory', 'updatedAt', 'version', 'sla'],
          properties: {
            id: { type: 'string', format: 'uuid' },
            number: { type: 'string', pattern: '^\\d+$', description: 'Digits only, unique and increasing; what the customer quotes. Not enough on its own to reach the incident.' },
            organisationId: { type: 'string' },
            contactId: { type: 'string', description: 'The contact who filed it: the requester, who gets the status e-mails.' },
            kind: { type: 'string', enum: [...INCIDENT_KINDS] },
            productArea: { type: 'string' },
            subject: { type: 'string' },
            description: { type: 'string' },
            kbQuery: { type: 'string', description: 'The KnowledgeBase search that led here, when there was one.' },
            kbArticles: { type: 'array', items: { type: 'string' }, description: 'The articles the customer was shown.' },
            lang: { type: 'string', enum: [...LANGUAGES] },
            status: { type: 'string', enum: [...INCIDENT_STATUSES] },
            priority: { type: ['integer', 'null'], minimum: 1, maximum: 5, description: 'Set by support at triage; null until then.' },
            team: { type: 'string' },
            assigneeId: { type: ['string', 'null'], description: 'The staff member working on it, or null.' },
            registeredAt: { type: 'string', format: 'date-time' },
            statusHistory: { type: 'array', items: schemaRef('StatusChange') },
            updatedAt: { type: 'string', format: 'date-time' },
            version: { type: 'integer', minimum: 1, description: 'Raised on every change; send it with PATCH.' },
            sla: { oneOf: [schemaRef('Sla'), { type: 'null' }], description: 'The target as of now; null once resolved or closed.' },
          },
        },
        Sla: {
          type: 'object', required: ['dueAt', 'remainingBusinessMinutes', 'isBreached', 'isPaused'], description: 'The incident\'s target in business time (the desk\'s opening hours), as of the answer.',
          properties: {
            dueAt: { type: ['string', 'null'], format: 'date-time', description: 'When the target falls; null without one (no priority yet, or priority 5).' },
            remainingBusinessMinutes: { type: ['integer', 'null'], description: 'Business minutes left until dueAt; negative once breached; null without a target.' },
            isBreached: { type: 'boolean' },
            isPaused: { type: 'boolean', description: 'True while waiting for the customer: that time does not count.' },
          },
        },
        StatusChange: {
          type: 'object', required: ['status', 'at', 'by'],
          properties: {
            status: { type: 'string', enum: [...INCIDENT_STATUSES] },
            at: { type: 'string', format: 'date-time' },
            by: { type: 'string', description: '"contact:<id>", "staff:<id>" or "system".' },
          },
        },
        Message: {
          type: 'object', required: ['id', 'incidentId', 'visibility', 'author', 'text', 'attachmentIds', 'at'], description: 'A reply, reaction or internal note on an incident.',
          properties: {
            id: { type: 'string', format: 'uuid' },
            incidentId: { type: 'string' },
            visibility: { type: 'string', enum: ['public', 'internal'], description: 'internal: a staff note, never shown or mailed to the customer.' },
            author: { type: 'string', description: '"contact:<id>" or "staff:<id>".' },
            text: { type: 'string' },
            attachmentIds: { type: 'array', items: { type: 'string' } },
            at: { type: 'string', format: 'date-time' },
          },
        },
        Attachment: {
          type: 'object', required: ['id', 'fileName', 'contentType', 'size', 'at'], description: 'A file attached to an incident; download it by its id.',
          properties: {
            id: { type: 'string', format: 'uuid' },
            fileName: { type: 'string', maxLength: 120, description: 'The name as stored: cleaned of paths and odd characters.' },
            contentType: { type: 'string', enum: ATTACHMENT_TYPES },
            size: { type: 'integer', minimum: 1, maximum: MAX_ATTACHMENT_BYTES, description: 'In bytes.' },
            at: { type: 'string', format: 'date-time' },
          },
        },
        Me: {
          description: 'The signed-in contact or staff member.',
          oneOf: [
            {
              title: 'Contact', type: 'object', required: ['kind', 'id', 'name', 'email', 'role', 'organisationId', 'lang'],
              properties: { kind: { const: 'contact' }, id: { type: 'string' }, name: { type: 'string' }, email: { type: 'string', format: 'email' }, role: { type: 'string', enum: [...CONTACT_ROLES] }, organisationId: { type: 'string' }, lang: { type: 'string', enum: [...LANGUAGES] } },
            },
            {
              title: 'Staff', type: 'object', required: ['kind', 'id', 'name', 'email', 'role', 'teams'],
              properties: { kind: { const: 'staff' }, id: { type: 'string' }, name: { type: 'string' }, email: { type: 'string', format: 'email' }, role: { type: 'string', enum: [...STAFF_ROLES] }, teams: { type: 'array', items: { type: 'string' } } },
            },
          ],
        },
        StaffSignedIn: {
          type: 'object', required: ['id', 'name', 'role', 'teams'], description: 'The staff member who signed in.',
          properties: { id: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', enum: [...STAFF_ROLES] }, teams: { type: 'array', items: { type: 'string' } } },
        },
        Localized: {
          type: 'object', required: ['nl', 'en'], description: 'A text in both languages of the desk.',
          properties: { nl: { type: 'string' }, en: { type: 'string' } },
        },
        Hours: {
          type: 'object', required: ['open', 'close'], description: 'Opening and closing time of one day, local time.',
          properties: { open: { type: 'string', pattern: '^\\d{2}:\\d{2}$', description: 'HH:MM' }, close: { type: 'string', pattern: '^\\d{2}:\\d{2}$', description: 'HH:MM' } },
        },
        DeskStatus: {
          type: 'object', description: 'The desk as the widget shows it.',
          required: ['isOpen', 'changesAt', 'today', 'upcoming', 'weekly', 'phone', 'timeZone', 'priorities', 'productAreas'],
          properties: {
            isOpen: { type: 'boolean' },
            changesAt: { type: ['string', 'null'], format: 'date-time', description: 'When it closes while open, when it opens next while closed; null when no opening is known.' },
            today: {
              description: 'Today\'s special day: why it is closed (`hours: null`) or why the hours differ; null on an ordinary day.',
              oneOf: [{ type: 'object', required: ['note', 'hours'], properties: { note: schemaRef('Localized'), hours: { oneOf: [schemaRef('Hours'), { type: 'null' }] } } }, { type: 'null' }],
            },
            upcoming: {
              type: 'array', description: 'Special days from today on, 30 days ahead, in date order.',
              items: { type: 'object', required: ['date', 'closed', 'hours', 'note'], properties: { date: { type: 'string', format: 'date' }, closed: { type: 'boolean' }, hours: { oneOf: [schemaRef('Hours'), { type: 'null' }] }, note: schemaRef('Localized') } },
            },
            weekly: {
              type: 'array', description: 'The regular week, Monday first.',
              items: {
                oneOf: [
                  { type: 'object', required: ['day', 'open', 'close'], properties: { day: { type: 'string', enum: [...WEEKDAYS] }, open: { type: 'string' }, close: { type: 'string' } } },
                  { type: 'object', required: ['day', 'closed'], properties: { day: { type: 'string', enum: [...WEEKDAYS] }, closed: { const: true } } },
                ],
              },
            },
            phone: { type: 'object', required: ['display', 'international'], properties: { display: { type: 'string' }, international: { type: 'string' } } },
            timeZone: { type: 'string', description: 'IANA time zone of the desk, e.g. Europe/Amsterdam.' },
            priorities: {
              type: 'array',
              items: {
                type: 'object', required: ['level', 'name', 'description', 'targetText', 'firstClassOnly'],
                properties: { level: { type: 'integer', minimum: 1, maximum: 5 }, name: schemaRef('Localized'), description: schemaRef('Localized'), targetText: schemaRef('Localized'), firstClassOnly: { type: 'boolean' } },
              },
            },
            productAreas: {
              type: 'array', description: 'The product areas the incident form offers, in desk.yaml\'s order. Send the `key` as the registration\'s `productArea`; show the `name`.',
              items: { type: 'object', required: ['key', 'name'], properties: { key: { type: 'string', description: 'e.g. finance' }, name: schemaRef('Localized') } },
            },
          },
        },
      },
      responses: {
        InvalidInput: failure('The body does not match the schema (`fields` says what to fix), or is not readable JSON.', {
          invalidInput: { summary: 'A field missing and an unknown one', value: error('invalid_input', 'invalidInput', issuesOf(MessageInput, { body: 'Zie bijlage' })) },
          malformedJson: { summary: 'Not readable JSON', value: error('malformed_json', 'malformedJson') },
        }),
        SignInRequired: failure('No session, or it ended.', { signInRequired: { value: error('sign_in_required', 'signInRequired') } }),
        StaffOnly: failure('Signed in as a contact: for staff only.', { staffOnly: { value: error('staff_only', 'staffOnly') } }),
        IncidentNotFound: failure('No such incident, or not one the caller may see: the answer is the same.', { notFound: { value: error('not_found', 'incidentNotFound') } }),
        PayloadTooLarge: failure('The body is larger than 64 KB.', { tooLarge: { value: error('payload_too_large', 'tooLarge') } }),
        UnsupportedMediaType: failure('The body is not declared as JSON.', { notJson: { value: error('unsupported_media_type', 'unsupportedMediaType') } }),
        RateLimited: {
          description: 'Too many requests: wait the seconds in Retry-After.',
          headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } },
          content: json(schemaRef('Error'), { rateLimited: { value: error('rate_limited', 'rateLimited') } }),
        },
      },
      parameters: {
        IncidentId: { name: 'id', in: 'path', required: true, description: 'The incident\'s id (a UUID), not its number.', schema: { type: 'string' }, example: INCIDENT_ID },
      },
      headers: {
        RetryAfter: { description: 'Seconds until the window ends and a request is welcome again.', schema: { type: 'integer', minimum: 1 }, example: '360' },
        SetSession: { description: `The session cookie \`${SESSION_COOKIE}\`: HttpOnly, SameSite=Lax, Secure over https.`, schema: { type: 'string' }, example: `${SESSION_COOKIE}=…; Path=/; Expires=Wed, 30 Dec 2026 09:00:00 GMT; HttpOnly; SameSite=Lax; Secure` },
      },
      securitySchemes: {
        cookieAuth: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'The session, set by signing in (HttpOnly: scripts cannot read it).' },
      },
    },
  }
}
