/** The OpenAPI document's hand-written shell: its intro, tags and the replies guards share; routes describe their operations, http/examples.ts plays the examples, http/document.ts puts it together. */
import { z } from 'zod'
import { MAX_ATTACHMENT_BYTES } from './domain/attachment.ts'
import { MIN_FILL_MS } from './domain/fill-time.ts'
import { REMOTE_VIEW_WRONG_TRIES } from './domain/consent.ts'
import { WRONG_TOKEN_TRIES, WRONG_TOKEN_WINDOW_MINUTES } from './deps.ts'
import { format } from '#lib/format.ts'
import { errorReply, htmlReply, refusal } from './http/describe.ts'
import { MESSAGES } from './http/errors.ts'
import type { OpenApiDocument, Response } from './http/openapi-types.ts'
import { SESSION_COOKIE } from './middleware/session/index.ts'

export * from './http/openapi-types.ts'

/** The document's intro, around `codes`: the error codes, made from the replies the routes document (http/document.ts). */
export const apiDescription = (codes = '') => `The API of Loket, Noordwind Software's support desk: the embeddable widget, the customer portal and the staff console use it. Every path is under \`/api\`; an unknown one answers 404 \`not_found\`.

### Errors

Every error is JSON \`{ code, message, fields? }\`. \`code\` is stable and meant for programs; \`message\` is for people, in the caller's language: English when \`Accept-Language\` starts with \`en\`, Dutch (\`nl\`) otherwise. \`fields\` names each invalid field by its path (\`(body)\` for the body as a whole, such as an unknown field) with what is wrong, in English for developers. The codes, with the statuses they come with and their message in English where it is always the same:

${codes}
- \`internal\` (500): Something went wrong on the server.

### Sessions

Signing in (by an e-mailed link, or by password for staff) sets the HttpOnly cookie \`${SESSION_COOKIE}\` (SameSite=Lax; Secure when the server's \`BASE_URL\` is https, whatever scheme the request came by), which the browser sends along. A contact's session lasts 30 days, a staff member's one day. It is checked on every request: a contact who is deactivated, or whose authorisation is withdrawn, is signed out at once.

Against cross-site request forgery (CSRF), every changing request (POST, PUT, PATCH, DELETE) that carries the session cookie must come from a page of Loket's own site, on any path. The browser says where a request comes from: \`Sec-Fetch-Site\` must be \`same-origin\` (or \`none\`: typed or bookmarked), or, from a browser that does not send it, \`Origin\` must name this host. Otherwise the answer is 403 \`cross_origin\`, before the session is read, and nothing changes. A request with neither header is no browser's cross-site request and passes, so scripts and servers that send the cookie themselves are not affected. SameSite=Lax already keeps the cookie off most cross-site posts; this also refuses pages of the same site on another origin, such as another subdomain. Reading (GET) is not affected, nor are requests without the cookie, such as the widget's on other sites.

The telephone system does not sign in: \`GET /api/phone/route\` takes the shared secret \`PHONE_ROUTING_SECRET\` as \`Authorization: Bearer <secret>\` (the security scheme \`phoneSecret\`), and a session does not open it.

### Cross-origin use

Pages on the configured origins (\`ALLOWED_ORIGINS\`: the sites that embed the widget) may call the API across origins, without credentials: \`Access-Control-Allow-Credentials\` is never sent, so a cross-origin call is always anonymous. That serves the public endpoints: the desk status, KnowledgeBase votes and search events, registering and confirming an incident, asking for a sign-in link. Whatever needs a session is for pages on Loket's own origin. A page of any other site gets 403 \`origin_not_allowed\` to whatever it asks, readable by that page (with support's phone and e-mail for the visitor), and its preflights are not answered; the console's embedding page counts such sites.

### Rate limits

An IP address is the connection's; only behind a trusted reverse proxy (the server's \`TRUST_PROXY\`) the first address in \`X-Forwarded-For\`. Per window of 10 minutes:

- Secret tokens: ${WRONG_TOKEN_TRIES} wrong ones per IP address and endpoint (an unknown, used or expired sign-in or confirmation link, a wrong phone routing secret, a remote-view page token that opens no session); after that every try, right or wrong, is 429 \`too_many_wrong_tokens\` with \`Retry-After\` (a form post from a link's page gets an HTML page saying so) until the window has passed. Right tokens never count.
- Remote-view codes: ${REMOTE_VIEW_WRONG_TRIES} wrong codes per IP address; after that every try, right or wrong, is 429 \`too_many_wrong_codes\` with \`Retry-After\` until the window has passed.
- Registering an incident: 20 requests per IP address (signed-in contacts are exempt), and one confirmation e-mail per e-mail address. Over either: 429 \`rate_limited\` with \`Retry-After\`.
- An e-mail address counts as its mailbox, in any case and without a \`+tag\`: \`tom+1@…\` and \`Tom+2@…\` are \`tom@…\` for these limits. The mail still goes to the address as given.
- Signing in: 10 requests per IP address for the sign-in link and, counted apart, 10 for the staff password sign-in; over that: 429 with \`Retry-After\`. Per e-mail address 3 sign-in links: a fourth request gets a 202 without e-mail that says from when a new link can be asked (\`nextLinkAt\`); it is counted for every address, known or not, so the answer never tells whether an address is known.

Per minute:

- KnowledgeBase search events: 120 requests per IP address; over that: 429 with \`Retry-After\`, and nothing is recorded.

### Anonymous forms

The widget's incident form and the sign-in form send \`fillMs\`: how long the form was open before it was sent. One sent faster than a person can fill it in (under ${MIN_FILL_MS.incident / 1000} s for an incident, ${MIN_FILL_MS.signIn / 1000} s for a sign-in link) gets the usual 202 and nothing happens: nothing stored, no e-mail, as with the hidden \`website\` field. A request without \`fillMs\` (an older widget, a script) is not held to it. Signed-in contacts are not either.

### Security headers

Every answer carries a \`Content-Security-Policy\`: JSON and other data \`default-src 'none'; frame-ancestors 'none'\`; the API's own HTML pages a strict one without any script: the confirmation and sign-in buttons and their results load only the site's stylesheet (\`style-src 'self'\`, no inline style), this reference its one style element by its hash. None may be framed (\`X-Frame-Options: DENY\`); \`X-Content-Type-Options: nosniff\` and \`Referrer-Policy: strict-origin-when-cross-origin\` are always sent.

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
  InvalidInput: refusal('The body or query does not match the schema (`fields` says what to fix), or is not readable JSON.', {
    invalidInput: ['invalid_input', 'invalidInput', 'A field missing and an unknown one', [{ path: 'text', message: 'Invalid input: expected string, received undefined' }, { path: '(body)', message: 'Unrecognized key: "body"' }]],
    malformedJson: ['malformed_json', 'malformedJson', 'Not readable JSON'],
  }),
  SignInRequired: refusal('No session, or it ended.', { signInRequired: ['sign_in_required', 'signInRequired'] }),
  StaffOnly: refusal('Signed in as a contact: for staff only.', { staffOnly: ['staff_only', 'staffOnly'] }),
  ContactsOnly: refusal('Signed in as staff: for a customer\'s contacts only (staff have the console).', { contactsOnly: ['contacts_only', 'contactsOnly'] }),
  AdminOnly: refusal('Signed in as an employee: for the organisation\'s admin only.', { adminOnly: ['admin_only', 'adminOnly'] }),
  CrossOrigin: refusal('A changing request that carries the session cookie, sent from a page of another site (see Sessions): refused before the session is read; nothing changed.', { crossOrigin: ['cross_origin', 'crossOrigin'] }),
  OriginNotAllowed: errorReply('Sent from a page of a site that is not in `ALLOWED_ORIGINS` (and not Loket\'s own): nothing was done. The answer carries `Access-Control-Allow-Origin` for that page, so the widget there can read it: the origin refused, and support\'s phone and e-mail (desk.yaml) to show the visitor instead of the form. Preflights from such a page are not answered, so it cannot send a changing request. Each refusal is counted for the console\'s embedding page (`GET /api/staff/embedding`).', {
    originNotAllowed: { value: { code: 'origin_not_allowed', message: format(MESSAGES.originNotAllowed.nl, { origin: 'https://partner.example' }), origin: 'https://partner.example', support: { phone: { display: '050 760 41 00', international: '+31 50 760 41 00' }, email: 'support@noordwind.example' } } },
  }),
  PayloadTooLarge: refusal('The body is larger than 64 KB.', { tooLarge: ['payload_too_large', 'tooLarge'] }),
  UnsupportedMediaType: refusal('The body is not declared as JSON.', { notJson: ['unsupported_media_type', 'unsupportedMediaType'] }),
  StorageUnavailable: refusal('The records cannot be written now (the disk is full or failing, or the database cannot be reached): nothing changed. `GET /api/health` says why; try again later. The desk takes writes again by itself once storage does.', {
    storageUnavailable: ['storage_unavailable', 'storageUnavailable'],
  }),
  RateLimited: { ...refusal('Too many requests: wait the seconds in Retry-After.', { rateLimited: ['rate_limited', 'rateLimited'] }), headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } } },
  TooManyWrongTokens: {
    ...refusal(`${WRONG_TOKEN_TRIES} wrong secrets or tokens from this address to this endpoint in ${WRONG_TOKEN_WINDOW_MINUTES} minutes: every try waits the seconds in Retry-After, a right one too.`, { tooManyWrongTokens: ['too_many_wrong_tokens', 'tokenTriesExceeded'] }),
    headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } },
  },
  TooManyWrongLinks: {
    description: `${WRONG_TOKEN_TRIES} unknown, used or expired link tokens from this address to this endpoint in ${WRONG_TOKEN_WINDOW_MINUTES} minutes: every try waits the seconds in Retry-After; a form post gets an HTML page that says when to try again.`,
    headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } },
    content: { ...refusal('', { tooManyWrongTokens: ['too_many_wrong_tokens', 'tokenTriesExceeded'] }).content, ...htmlReply('').content },
  },
}

/** The path parameters of record ids, by the path that ends in them: what they are. */
export const PATH_IDS: Record<string, string> = {
  '/api/incidents/{id}': 'The incident\'s id (a UUID), not its number.', '/api/complaints/{id}': 'The complaint\'s id (a UUID), not its number.',
  '/api/organisation/contacts/{id}': 'The contact\'s id.', '/api/signals/{organisationId}': 'The organisation\'s id, as the signals give it.',
  '/api/remote-views/{id}': 'The remote-view session\'s id.', '/api/backups/{id}': 'The backup request\'s id.', '/api/grants/{id}': 'The access grant\'s id.', '/api/extra-support/{id}': 'The extra-support request\'s id.',
  '/api/staff/phone/callers/{id}': 'The caller\'s contact id, as the caller search gives it.',
  '/api/saved-replies/{id}': 'The saved reply\'s id.',
}

/** The document's shell: intro, tags, the shared replies, parameters, headers and security schemes; the routes add their operations (http/document.ts). */
export function openApiDocument(options: { serverUrl?: string } = {}): OpenApiDocument {
  return {
    openapi: '3.1.0',
    info: { title: 'Loket API', version: '0.1.0', description: apiDescription() },
    servers: [{ url: options.serverUrl ?? '/', description: options.serverUrl ? 'Loket' : 'The server that serves this document' }],
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    paths: {},
    components: {
      schemas: { Error: ERROR },
      responses: REPLIES,
      parameters: {},
      headers: { RetryAfter: { description: 'Seconds until a request is welcome again.', schema: { type: 'integer', minimum: 1 }, example: '360' } },
      securitySchemes: {
        cookieAuth: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'The session, set by signing in (HttpOnly: scripts cannot read it).' },
        phoneSecret: { type: 'http', scheme: 'bearer', description: 'The telephone system\'s shared secret, the server\'s `PHONE_ROUTING_SECRET`, as `Authorization: Bearer <secret>`. Without it configured, the route answers 503.' },
        remoteViewToken: { type: 'http', scheme: 'bearer', description: 'The token the customer\'s page got when it consented to a remote-view session, as `Authorization: Bearer <token>`: it opens that session only.' },
      },
    },
  }
}
