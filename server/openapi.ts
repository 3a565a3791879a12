/** The OpenAPI 3.1 document of Loket's API under /api: request schemas generated from the routes' zod schemas, replies and examples written beside them. */
import { z } from 'zod'
import { ALLOWED_EXTENSIONS, MAX_ATTACHMENT_BYTES } from './domain/attachment.ts'
import { COMPLAINT_TRANSITIONS, ComplaintChangeInput, ComplaintInput } from './domain/complaint.ts'
import { BackupInput, DecisionInput, ExtraSupportInput, GrantInput, REMOTE_VIEW_CODE_MINUTES, REMOTE_VIEW_TRY_WINDOW_MINUTES, REMOTE_VIEW_WRONG_TRIES, RemoteViewCodeInput, RemoteViewSignalInput, VersionInput } from './domain/consent.ts'
import { INCIDENT_KINDS, LANGUAGES } from './domain/desk.ts'
import { IncidentInput, STAFF_TRANSITIONS } from './domain/incident.ts'
import { SearchEventInput, VoteInput } from './domain/kb-insight.ts'
import { DEFAULT_REPORT_WEEKS, MIN_VOTES, TOP, articleTemplate } from './domain/kb-insight-report.ts'
import { ContactChangeInput, ContactInput, OrganisationDetailsInput } from './domain/organisation.ts'
import { INCIDENT_STATUSES } from './domain/records.ts'
import { FollowUpInput } from './domain/signals.ts'
import { MESSAGES, fieldsOf, type ApiError } from './http/errors.ts'
import { SESSION_COOKIE } from './middleware/session/index.ts'
import { SignInCallbackInput, SignInLinkInput, StaffLoginInput } from './services/sign-in.ts'
import { ConfirmInput, MessageInput, PhoneContactInput, TriageInput } from './services/incident-input.ts'

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
  /** Absent: public. `{}` among the options: a session is optional. `phoneSecret`: the telephone system's bearer secret, not a session. */
  security?: Record<string, string[]>[]
}
/** How a caller is recognised: the session cookie, or (the telephone system) a shared secret as a bearer token. */
export type SecurityScheme =
  | { type: 'apiKey'; in: 'cookie'; name: string; description: string }
  | { type: 'http'; scheme: 'bearer'; description: string }
/** The shared path parameter of an incident's id. */
export const INCIDENT_ID_PARAMETER: Reference = { $ref: '#/components/parameters/IncidentId' }

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
    /** `cookieAuth` is always there: the reference names its cookie. */
    securitySchemes: { cookieAuth: Extract<SecurityScheme, { type: 'apiKey' }> } & Record<string, SecurityScheme>
  }
}

/**
 * The zod schemas behind the request bodies, by their name in `components.schemas`: the document's
 * schemas are generated from these, and the tests check every request example against them.
 */
export const REQUEST_SCHEMAS = {
  IncidentInput, ConfirmInput, TriageInput, MessageInput, SignInLinkInput, SignInCallbackInput, StaffLoginInput, VoteInput, SearchEventInput,
  OrganisationDetailsInput, ContactInput, ContactChangeInput, ComplaintInput, ComplaintChangeInput, PhoneContactInput, FollowUpInput,
  RemoteViewCodeInput, RemoteViewSignalInput, BackupInput, DecisionInput, VersionInput, GrantInput, ExtraSupportInput,
} satisfies Record<string, z.ZodType>

export const MAX_ATTACHMENT_MB = MAX_ATTACHMENT_BYTES / 1024 / 1024
export const extensions = ALLOWED_EXTENSIONS.map((e) => `.${e}`).join(', ')

export const schemaRef = (name: string): Reference => ({ $ref: `#/components/schemas/${name}` })
export const responseRef = (name: string): Reference => ({ $ref: `#/components/responses/${name}` })
export const SESSION_REQUIRED: Record<string, string[]>[] = [{ cookieAuth: [] }]
/** Anonymous callers are welcome; a signed-in one is recognised. */
export const SESSION_OPTIONAL: Record<string, string[]>[] = [{}, { cookieAuth: [] }]

/** An error body as `apiError` writes it for a caller without Accept-Language: Dutch. */
export function error(code: string, message: keyof typeof MESSAGES, fields?: ApiError['fields']): ApiError {
  return { code, message: MESSAGES[message].nl, ...(fields ? { fields } : {}) }
}

/** The fields zod names when `value` fails `schema`: examples of 400 replies that are right by construction. */
export function issuesOf(schema: z.ZodType, value: unknown): ApiError['fields'] {
  const result = schema.safeParse(value)
  if (result.success) throw new Error('[loket] openapi: the invalid example is valid; change it so it shows an error')
  return fieldsOf(result.error)
}

export const json = (schema: SchemaObject | Reference, examples: Record<string, Example>): Record<string, MediaType> => ({ 'application/json': { schema, examples } })
export const failure = (description: string, examples: Record<string, Example>): Response => ({ description, content: json(schemaRef('Error'), examples) })
export const html = (description: string, summary: string): Response => ({
  description, content: { 'text/html': { schema: { type: 'string' }, examples: { page: { summary, value: '<!doctype html><html lang="nl">…</html>' } } } },
})

/** The 403 examples, to combine where a route has more than one reason to refuse. */
export const CROSS_ORIGIN: Record<string, Example> = { crossOrigin: { summary: 'Sent with the session cookie from a page of another site', value: error('cross_origin', 'crossOrigin') } }
export const CONTACTS_ONLY: Record<string, Example> = { contactsOnly: { summary: 'Signed in as staff', value: error('contacts_only', 'contactsOnly') } }
export const ADMIN_ONLY: Record<string, Example> = { adminOnly: { summary: 'Signed in as an employee', value: error('admin_only', 'adminOnly') } }
export const STAFF_ONLY: Record<string, Example> = { staffOnly: { summary: 'Signed in as a contact', value: error('staff_only', 'staffOnly') } }
export const ROLE_NOT_ALLOWED: Record<string, Example> = { roleNotAllowed: { summary: 'Signed in as an agent', value: error('role_not_allowed', 'roleNotAllowed') } }

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
export const INCIDENT_ID = '3f6c2a9e-8b1d-4c57-9a0e-2d4b7e51c8a3'
/** Aisha el Amrani's incident from the portal, in English. */
export const PORTAL_INCIDENT_ID = 'e1a7c3d9-4b6f-4e28-9d5a-7c0b3f8e2a61'
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

export const incidentExample = {
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

export const messageExample = {
  id: '9b2e4f71-5c3a-4d8e-b6f0-1a7c9e3d5b24',
  incidentId: INCIDENT_ID,
  visibility: 'public',
  author: 'staff:s-lotte',
  text: 'Goedemorgen Tom, Digipoort weigert de aangifte omdat het PKIoverheid-certificaat op 28 november is vernieuwd. Wilt u het nieuwe certificaat opnieuw koppelen onder Financiën › Instellingen › Digipoort?',
  attachmentIds: [],
  at: '2026-11-30T09:40:00.000Z',
}

export const attachmentExample = {
  id: '5d1f8a3c-2e7b-4f90-8c6d-3b9a1e4f7c02',
  fileName: 'digipoort-fout-500.png',
  contentType: 'image/png',
  size: 184_233,
  at: '2026-11-30T09:45:00.000Z',
}

/** Tom's reaction with the screenshot: a file sent with a text. */
export const reactionExample = {
  ...messageExample,
  id: '2c7e9d14-6a3b-4f58-9e21-8d0b5c7a4f16',
  author: 'contact:c-jansen-emp',
  text: 'Schermafdruk van de foutmelding',
  attachmentIds: [attachmentExample.id],
  at: attachmentExample.at,
}

export const internalNoteExample = {
  ...messageExample,
  id: '6e3a1c58-9d2f-4b07-a4e6-5f8b2d1c9e73',
  visibility: 'internal',
  text: 'Certificaat gecontroleerd met Fatima (platform): geldig tot 2029. Mogelijk storing bij Digipoort zelf.',
  at: '2026-11-30T10:05:00.000Z',
}

export const tom = { kind: 'contact', name: 'Tom Bakker' }
export const lotte = { kind: 'staff', name: 'Lotte Smit' }
const { at: _uploadedAt, ...attachmentView } = attachmentExample

/** The incident's timeline as Tom sees it; staff also see the internal note. */
export const timelineExample = [
  { type: 'status', at: '2026-11-30T09:00:00.000Z', status: 'new', by: tom },
  { type: 'status', at: '2026-11-30T09:12:00.000Z', status: 'in_progress', by: lotte },
  { type: 'message', at: messageExample.at, id: messageExample.id, visibility: 'public', text: messageExample.text, by: lotte, attachments: [] },
  { type: 'message', at: reactionExample.at, id: reactionExample.id, visibility: 'public', text: reactionExample.text, by: tom, attachments: [attachmentView] },
]

/** Bakkerij Jansen as its admin, Marieke Jansen, sees it: the demo data. */
export const organisationExample = {
  id: 'org-jansen', name: 'Bakkerij Jansen B.V.', customerNumber: '104211', isFirstClass: true, address: 'Molenstraat 12, 9711 AB Groningen',
  subscriptions: [{ name: 'Noordwind ERP Compleet', since: '2021-03-01' }, { name: 'First Class support', since: '2023-01-01', isFirstClass: true }],
  invoices: [{ number: 'F26-0412', date: '2026-10-01', amountCents: 184_500, isPaid: true }, { number: 'F26-0533', date: '2026-11-01', amountCents: 184_500, isPaid: false }],
  projects: [{ name: 'Koppeling webwinkel', status: 'in uitvoering' }],
  courses: [{ name: 'Voorraadbeheer voor gevorderden', date: '2026-09-17', participants: 3 }],
}

/** What Tom Bakker, an employee, sees of it. */
export const briefOrganisationExample = { id: organisationExample.id, name: organisationExample.name, customerNumber: organisationExample.customerNumber, isFirstClass: organisationExample.isFirstClass }

/** Bakkerij Jansen's contacts, by name: Sanne asked through the widget and is not authorised yet. */
export const contactsExample = [
  { id: 'c-jansen-admin', name: 'Marieke Jansen', email: 'marieke@bakkerij-jansen.example', role: 'admin', lang: 'nl', isAuthorised: true, isActive: true },
  { id: 'c-jansen-new', name: 'Sanne Visser', email: 'sanne@bakkerij-jansen.example', role: 'employee', lang: 'nl', isAuthorised: false, isActive: true },
  { id: 'c-jansen-emp', name: 'Tom Bakker', email: 'tom@bakkerij-jansen.example', role: 'employee', lang: 'nl', isAuthorised: true, isActive: true },
]

export const COMPLAINT_ID = 'b84d2f6a-1c9e-4a37-8f50-6e2d9c1b7a45'

export const complaintInput = {
  kind: 'complaint',
  subject: 'Btw-aangifte Q3 nog steeds niet opgelost',
  text: 'Incident 100142 staat sinds maandag open en de btw-aangifte moet deze week de deur uit. Als First Class-klant verwachten wij dat hier vaart achter wordt gezet.',
  incidentNumber: '100142',
} satisfies z.input<typeof ComplaintInput>

export const complaintAnswer = {
  version: 1,
  status: 'in_progress',
  reply: 'Beste mevrouw Jansen, u hebt gelijk dat dit te lang duurt. Lotte Smit en ons platformteam zoeken het vandaag uit; ik bel u vóór 15:00 uur met de stand van zaken. Met vriendelijke groet, Ruud de Boer',
} satisfies z.input<typeof ComplaintChangeInput>

export const marieke = { kind: 'contact', name: 'Marieke Jansen' }
export const ruud = { kind: 'staff', name: 'Ruud de Boer' }

/** Marieke's complaint as it was filed: the target is one working day later. */
export const complaintFiledExample = {
  id: COMPLAINT_ID,
  number: 'K10001',
  organisationId: 'org-jansen',
  kind: complaintInput.kind,
  subject: complaintInput.subject,
  text: complaintInput.text,
  lang: 'nl',
  status: 'received',
  registeredAt: '2026-12-01T09:00:00.000Z',
  dueAt: '2026-12-02T09:00:00.000Z',
  respondedAt: null,
  updatedAt: '2026-12-01T09:00:00.000Z',
  version: 1,
  contact: { id: 'c-jansen-admin', name: 'Marieke Jansen' },
  incident: { id: INCIDENT_ID, number: '100142', subject: widgetRegistration.subject },
  statusHistory: [{ status: 'received', at: '2026-12-01T09:00:00.000Z', by: marieke }],
  replies: [] as { at: string; text: string; by: typeof ruud }[],
  isBreached: false,
}

/** The same complaint once customer care answered it (complaintAnswer). */
export const complaintExample = {
  ...complaintFiledExample,
  status: 'in_progress',
  respondedAt: '2026-12-01T10:30:00.000Z',
  updatedAt: '2026-12-01T10:30:00.000Z',
  version: 2,
  statusHistory: [...complaintFiledExample.statusHistory, { status: 'in_progress', at: '2026-12-01T10:30:00.000Z', by: ruud }],
  replies: [{ at: '2026-12-01T10:30:00.000Z', text: complaintAnswer.reply, by: ruud }],
}

/** The queue example's tag, as the console sends it back in If-None-Match (quoted). */
export const QUEUE_ETAG = 'vDLUlI1kiY2IpJOcLagqZE5140H'

/** Lotte Smit rang Tom back after the internal note: a logged phone call, internal, on the staff timeline only. */
export const phoneCallExample = {
  id: 'e946d99e-8329-45b1-ab3f-a49837b49324',
  incidentId: INCIDENT_ID,
  visibility: 'internal',
  channel: 'phone',
  direction: 'outbound',
  author: 'staff:s-lotte',
  text: 'Tom Bakker teruggebeld: Digipoort meldt zelf een storing. Hij dient de aangifte vanmiddag opnieuw in en belt als het weer misgaat.',
  attachmentIds: [],
  at: '2026-11-30T10:15:00.000Z',
}

/** What support sees beside Tom's incident: the organisation, Tom's details, and Bakkerij Jansen's earlier incidents. */
export const staffContextExample = {
  organisation: briefOrganisationExample,
  contact: { id: 'c-jansen-emp', name: 'Tom Bakker', email: 'tom@bakkerij-jansen.example', role: 'employee', lang: 'nl' },
  history: [
    { id: '2573d762-6b04-401f-9c67-298298d83626', number: '100098', subject: 'Bankafschrift ING wordt niet ingelezen', status: 'closed', kind: 'bug', registeredAt: '2026-10-12T08:15:00.000Z', isSameContact: true },
    { id: '4cd1747c-06fe-4e95-a0f7-6c3bbec33cdc', number: '100061', subject: 'Rechten voor een nieuwe medewerker in de salarisadministratie', status: 'resolved', kind: 'question', registeredAt: '2026-09-21T13:40:00.000Z', isSameContact: false },
  ],
}

/** Tom's incident as a row of Lotte Smit's queue: no description, status history or KB articles; names beside the ids. */
const { description: _description, statusHistory: _statusHistory, kbArticles: _kbArticles, ...incidentRowFields } = incidentExample
export const queueExample = {
  asOf: '2026-11-30T09:12:00.000Z',
  teams: ['first-line', 'finance'],
  incidents: [
    {
      id: 'de5c5729-c9c9-4544-a66f-a81d351e6a81', number: '100144', organisationId: 'org-devries', contactId: 'c-devries-admin', kind: 'question', productArea: 'finance',
      subject: 'Suppletie btw indienen via Digipoort', lang: 'nl', status: 'new', priority: null, team: 'finance', assigneeId: null,
      registeredAt: '2026-11-30T09:06:00.000Z', updatedAt: '2026-11-30T09:06:00.000Z', version: 1,
      sla: { dueAt: null, remainingBusinessMinutes: null, isBreached: false, isPaused: false },
      organisation: { id: 'org-devries', name: 'De Vries Installatietechniek', isFirstClass: false }, contactName: 'Peter de Vries', assigneeName: null,
    },
    {
      ...incidentRowFields,
      organisation: { id: 'org-jansen', name: organisationExample.name, isFirstClass: true }, contactName: 'Tom Bakker', assigneeName: 'Lotte Smit',
    },
  ],
}

/** The demo staff and desk.yaml's teams, as the console's pickers get them. */
export const peopleExample = {
  staff: [
    { id: 's-daan', name: 'Daan Mulder', teams: ['logistics'], role: 'agent', extension: '202' },
    { id: 's-fatima', name: 'Fatima Yilmaz', teams: ['platform'], role: 'agent', extension: '203' },
    { id: 's-admin', name: 'Ingrid Postma', teams: ['first-line', 'finance', 'logistics', 'platform'], role: 'admin', extension: '200' },
    { id: 's-lotte', name: 'Lotte Smit', teams: ['first-line', 'finance'], role: 'agent', extension: '201' },
    { id: 's-ruud', name: 'Ruud de Boer', teams: ['first-line'], role: 'customer_care', extension: '210' },
  ],
  teams: [
    { key: 'first-line', name: { nl: 'Eerste lijn', en: 'First line' } },
    { key: 'finance', name: { nl: 'Team Financieel', en: 'Finance team' } },
    { key: 'logistics', name: { nl: 'Team Logistiek', en: 'Logistics team' } },
    { key: 'platform', name: { nl: 'Team Platform', en: 'Platform team' } },
  ],
}

export const financeTeam = peopleExample.teams[1]!
/** Where a call about Tom's incident goes on Monday morning: to Lotte Smit, with the finance team as fallback. */
export const phoneRouteExample = { route: 'assignee', incident: { number: '100142', status: 'in_progress' }, handler: { name: 'Lotte Smit', extension: '201' }, team: financeTeam, isOpen: true, opensAt: null }

/** The 12 ISO weeks up to the one of Monday 30 November 2026 (2026-W49), oldest first: the weekly series of the examples. */
const EXAMPLE_WEEKS = Array.from({ length: 12 }, (_, i) => ({ week: `2026-W${38 + i}`, monday: new Date(Date.UTC(2026, 8, 14 + 7 * i)).toISOString().slice(0, 10) }))
const weeklyOf = (counts: number[]) => EXAMPLE_WEEKS.map(({ week, monday }, i) => ({ week, startsOn: monday, count: counts[i] ?? 0 }))

/** Customer Care's follow-up for De Vries Installatietechniek. */
const followUpInput = { kind: 'advisor_visit', date: '2026-12-08', note: 'Adviseur bespreekt de btw-suppletie op locatie met de administratie.' } satisfies z.input<typeof FollowUpInput>
export const followUpExample = { id: '51f97d1c-b6c2-4ca7-bcb1-29649e3b8480', ...followUpInput, by: ruud, at: '2026-11-30T10:20:00.000Z' }

/**
 * De Vries Installatietechniek as Ruud de Boer (Customer Care) sees it on Monday 30 November 2026 at 10:30:
 * 9 questions and 2 bugs in 30 days (8 registered, 2 reactions, 1 phone call), past the threshold of 8 questions.
 */
export const devriesSignal = {
  id: 'org-devries', name: 'De Vries Installatietechniek', isFirstClass: false, isFlagged: true,
  counts: { total: 11, byKind: { bug: 2, outage: 0, wish: 0, question: 9 }, bySource: { incidents: 8, reactions: 2, phoneContacts: 1 } },
  crossed: [{ kind: 'question', count: 8, reached: 9 }],
  weekly: weeklyOf([0, 1, 0, 0, 1, 0, 0, 0, 2, 3, 4, 2]),
  productAreas: [{ key: 'finance', name: { nl: 'Financiën', en: 'Finance' }, count: 9 }, { key: 'inventory', name: { nl: 'Voorraad en logistiek', en: 'Inventory and logistics' }, count: 2 }],
  kbQueries: [{ query: 'btw suppletie', count: 5 }, { query: 'digipoort certificaat', count: 2 }],
  followUps: [followUpExample],
}

/** Bakkerij Jansen the same morning: Tom's incident, his reaction and Lotte's call in the window, its two earlier incidents before it; no threshold reached. */
export const jansenSignal = {
  id: 'org-jansen', name: organisationExample.name, isFirstClass: true, isFlagged: false,
  counts: { total: 3, byKind: { bug: 3, outage: 0, wish: 0, question: 0 }, bySource: { incidents: 1, reactions: 1, phoneContacts: 1 } },
  crossed: [],
  weekly: weeklyOf([0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 3]),
  productAreas: [{ key: 'finance', name: { nl: 'Financiën', en: 'Finance' }, count: 3 }],
  kbQueries: [{ query: 'btw aangifte fout 500', count: 1 }],
  followUps: [],
}

export const hoekstraSignal = {
  id: 'org-hoekstra', name: 'Hoekstra Logistiek', isFirstClass: false, isFlagged: false,
  counts: { total: 0, byKind: { bug: 0, outage: 0, wish: 0, question: 0 }, bySource: { incidents: 0, reactions: 0, phoneContacts: 0 } },
  crossed: [], weekly: weeklyOf([]), productAreas: [], kbQueries: [], followUps: [],
}

/** The KB insight report's deflection over the example weeks: visits that searched, and those that sent no incident. */
const deflectionWeeks = EXAMPLE_WEEKS.map(({ week, monday }, i) => {
  const searching = [31, 28, 35, 40, 37, 29, 33, 41, 38, 36, 30, 12][i]!
  const deflected = [27, 25, 30, 36, 33, 26, 29, 37, 33, 32, 27, 10][i]!
  return { week, start: monday, searching, deflected, rate: deflected / searching }
})
const searchingVisits = deflectionWeeks.reduce((sum, w) => sum + w.searching, 0)
const deflectedVisits = deflectionWeeks.reduce((sum, w) => sum + w.deflected, 0)

/** What the KnowledgeBase's readers did over 12 weeks, as Lotte Smit reads it on Monday 30 November 2026 at 10:41. */
export const insightReportExample = {
  period: { weeks: DEFAULT_REPORT_WEEKS, from: '2026-09-13T22:00:00.000Z', to: '2026-11-30T09:41:27.512Z', timeZone: 'Europe/Amsterdam' },
  noResults: {
    nl: [{ query: 'loonstrook pdf', sessions: 4, lastSeen: '2026-11-30T09:41:00.000Z' }, { query: 'btw suppletie', sessions: 2, lastSeen: '2026-11-26T14:03:00.000Z' }],
    en: [{ query: 'payslip pdf', sessions: 1, lastSeen: '2026-11-24T08:12:00.000Z' }],
  },
  incidentQueries: [
    { query: 'btw aangifte fout 500', lang: 'nl', sessions: 3, lastSeen: '2026-11-30T08:59:00.000Z' },
    { query: 'loonstrook pdf', lang: 'nl', sessions: 1, lastSeen: '2026-11-27T15:20:00.000Z' },
  ],
  worstArticles: [
    { article: 'payroll-run', lang: 'nl', helpful: 1, notHelpful: 2, ratio: 1 / 3 },
    { article: 'vat-return', lang: 'nl', helpful: 5, notHelpful: 4, ratio: 5 / 9 },
  ],
  deflection: { searching: searchingVisits, deflected: deflectedVisits, rate: deflectedVisits / searchingVisits, weeks: deflectionWeeks },
}

/** The article template for the most searched query that found nothing: made by the same function the route uses. */
export const templateExample = articleTemplate('Loonstrook PDF', 'nl', '2026-11-30', { sessions: 4, weeks: DEFAULT_REPORT_WEEKS })

/** The moment the GET /api/desk example shows: Monday 30 November 2026, 10:00 in Amsterdam. */
// Consented access: Lotte Smit looks along with Tom Bakker on Monday 30 November 2026; Marieke Jansen, the admin, decides for the bakery.
const REMOTE_VIEW_ID = '9d2e4f71-3a6b-4c80-b5e9-1f7a2c6d8e04'
const BACKUP_ID = 'c5a81e3f-7d24-4b96-a0c1-8e6f2b9d4a37'
const GRANT_ID = '2b7f9c4e-6a13-4d58-9e21-5c8a0f3b7d62'
const EXTRA_SUPPORT_ID = 'f4c6a2d8-1e9b-4f73-8a05-3d7b9e1c5f28'
const REMOTE_VIEW_CODE = '482913'
export const REMOTE_VIEW_TOKEN = 'Xq8vR2mT5kLw9pZc3nJh7bYd1fGs4aUe6oKi0tVxNyQ'
const incidentBrief = { id: INCIDENT_ID, number: '100142', subject: widgetRegistration.subject, status: 'in_progress' }
const jansenBrief = { id: 'org-jansen', name: 'Bakkerij Jansen B.V.' }

export const remoteViewExample = {
  id: REMOTE_VIEW_ID, kind: 'remote_view', organisation: jansenBrief, createdAt: '2026-11-30T09:20:00.000Z', updatedAt: '2026-11-30T09:20:00.000Z', version: 1,
  incident: incidentBrief, staff: lotte, contact: tom, state: 'waiting', codeExpiresAt: '2026-11-30T09:30:00.000Z', consentedAt: null, endedAt: null, endedBy: null, code: null,
}
export const remoteViewPreviewExample = {
  id: REMOTE_VIEW_ID, staff: { name: 'Lotte Smit' }, organisation: { name: jansenBrief.name }, incident: { number: incidentBrief.number, subject: incidentBrief.subject },
  codeExpiresAt: remoteViewExample.codeExpiresAt,
}
export const remoteViewSessionExample = { ...remoteViewPreviewExample, state: 'open', side: 'customer', consentedAt: '2026-11-30T09:23:00.000Z', endedAt: null, endedBy: null, lastSignal: 0 }
export const offerData = JSON.stringify({ description: { type: 'offer', sdp: 'v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\n…' } })
const candidateData = JSON.stringify({ candidate: { candidate: 'candidate:1 1 udp 2122260223 192.168.1.23 54400 typ host', sdpMid: '0', sdpMLineIndex: 0 } })
export const answerSignal = { seq: 2, from: 'staff', type: 'answer', data: JSON.stringify({ offer: 1, description: { type: 'answer', sdp: 'v=0\r\no=- 8132620964227408542 2 IN IP4 127.0.0.1\r\n…' } }), at: '2026-11-30T09:23:03.000Z' }

const backupInput = { reason: 'De btw-aangifte over Q3 faalt alleen in deze administratie; we willen de fout met uw gegevens nabootsen op een testomgeving.' }
export const backupExample = {
  id: BACKUP_ID, kind: 'backup', organisation: jansenBrief, createdAt: '2026-11-30T09:40:00.000Z', updatedAt: '2026-11-30T10:05:00.000Z', version: 2,
  incident: incidentBrief, status: 'approved', reason: backupInput.reason, requestedBy: lotte, decidedBy: marieke, decidedAt: '2026-11-30T10:05:00.000Z',
  decisionNote: 'Akkoord; de back-up staat vanmiddag klaar op de gebruikelijke plek.', receivedBy: null, receivedAt: null, purgedBy: null, purgedAt: null,
  purgeDate: null, isPurgeDue: false,
}

export const grantExample = {
  id: GRANT_ID, kind: 'grant', organisation: jansenBrief, createdAt: '2026-11-30T10:15:00.000Z', updatedAt: '2026-11-30T10:15:00.000Z', version: 1,
  incident: incidentBrief, level: 'functional_user', grantedBy: marieke, endsAt: '2026-12-04T17:00:00.000Z', revokedAt: null, revokedBy: null, isActive: true,
}

export const extraSupportInput = { startsAt: '2027-01-02T09:00:00+01:00', endsAt: '2027-01-02T16:00:00+01:00', reason: 'Jaarafsluiting 2026 op zaterdag: we willen support kunnen bellen als de afsluiting vastloopt.' }
export const extraSupportExample = {
  id: EXTRA_SUPPORT_ID, kind: 'extra_support', organisation: jansenBrief, createdAt: '2026-11-30T10:30:00.000Z', updatedAt: '2026-11-30T10:30:00.000Z', version: 1,
  contact: marieke, startsAt: '2027-01-02T08:00:00.000Z', endsAt: '2027-01-02T15:00:00.000Z', reason: extraSupportInput.reason, status: 'requested',
  isBilled: false, decidedBy: null, decidedAt: null, decisionNote: null,
}

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
  internalNote: { summary: 'Staff: an internal note, never shown or mailed to the customer', value: { text: internalNoteExample.text, visibility: 'internal' } },
  organisationDetails: { summary: 'The admin updates the address, phone and invoice address', value: { address: 'Molenstraat 14, 9711 AB Groningen', phone: '050 123 45 67', invoiceEmail: 'administratie@bakkerij-jansen.example' } },
  clearInvoiceEmail: { summary: 'An emptied field is removed: invoices go to the admin again', value: { invoiceEmail: '' } },
  addColleague: { summary: 'A new colleague, with the defaults: employee, Dutch, authorised', value: { name: 'Joost Meijer', email: 'joost@bakkerij-jansen.example' } },
  addEnglishContact: { summary: 'Every field: an employee who reads English, to authorise later', value: { name: 'Emma Dijkstra', email: 'emma@bakkerij-jansen.example', role: 'employee', lang: 'en', isAuthorised: false } },
  authoriseContact: { summary: 'Authorise Sanne Visser, who asked through the widget', value: { isAuthorised: true } },
  makeAdmin: { summary: 'Make Tom Bakker an admin too', value: { role: 'admin' } },
  deactivateContact: { summary: 'A contact who left the company: signed out, their incidents stay', value: { isActive: false } },
  complaint: { summary: 'Marieke Jansen complains about an incident that takes long', value: complaintInput },
  opinion: { summary: 'Tom Bakker gives his opinion, in the language of his profile', value: { kind: 'opinion', subject: 'Fijne nieuwe kennisbank', text: 'De artikelen over de btw-aangifte zijn helder. Een korte video bij de Digipoort-koppeling zou nog mooier zijn.' } },
  complaintAnswer: { summary: 'Customer care answers and takes it up', value: complaintAnswer },
  complaintResolve: { summary: 'Resolved, with a last word to the customer', value: { version: 2, status: 'resolved', reply: 'De aangifte is vanmiddag ingediend; het incident is opgelost. Dank voor uw geduld.' } },
  phoneInbound: { summary: 'Tom Bakker called the desk', value: { direction: 'inbound', summary: 'Tom Bakker belde: de fout komt alleen bij de aangifte over Q3; Q2 opnieuw indienen lukt wel. Terugbellen toegezegd vóór 12:00.' } },
  phoneOutbound: { summary: 'Lotte Smit rang him back', value: { direction: phoneCallExample.direction, summary: phoneCallExample.text } },
  followUp: { summary: 'Customer Care sends an advisor to De Vries Installatietechniek', value: followUpInput },
  followUpCourse: { summary: 'A course, booked for January', value: { kind: 'course', date: '2027-01-12', note: 'Twee medewerkers volgen de cursus Btw en Digipoort in Zwolle.' } },
  remoteViewCode: { summary: 'The six digits Tom Bakker got by e-mail and in the portal', value: { code: REMOTE_VIEW_CODE } },
  remoteViewCodeSpaced: { summary: 'As read aloud, with a space: spaces are ignored', value: { code: '482 913' } },
  offerSignal: { summary: 'The customer\'s browser offers its screen', value: { type: 'offer', data: offerData } },
  candidateSignal: { summary: 'A network path it found', value: { type: 'candidate', data: candidateData } },
  backupRequest: { summary: 'Lotte Smit asks for a backup to reproduce the VAT error', value: backupInput },
  approve: { summary: 'Marieke Jansen approves, with a note', value: { decision: 'approve', note: backupExample.decisionNote, version: 1 } },
  decline: { summary: 'Declined, without a note', value: { decision: 'decline', version: 1 } },
  backupReceived: { summary: 'The version the caller saw', value: { version: 2 } },
  grant: { summary: 'Marieke Jansen lets support in as a functional user until Friday 18:00', value: { level: 'functional_user', endsAt: '2026-12-04T18:00:00+01:00' } },
  revokeGrant: { summary: 'The version the admin saw', value: { version: 1 } },
  extraSupport: { summary: 'Support during the year-end close on Saturday 2 January 2027', value: extraSupportInput },
  approveExtraSupport: { summary: 'Ingrid Postma approves', value: { decision: 'approve', note: 'Daan Mulder is die zaterdag bereikbaar.', version: 1 } },
} satisfies Record<string, Example>

export const transitions = Object.entries(STAFF_TRANSITIONS)
  .filter(([, to]) => to.length > 0)
  .map(([from, to]) => `- \`${from}\` → ${to.map((s) => `\`${s}\``).join(', ')}`)
  .join('\n')

export const complaintTransitions = Object.entries(COMPLAINT_TRANSITIONS)
  .map(([from, to]) => `- \`${from}\` → ${to.map((s) => `\`${s}\``).join(', ')}`)
  .join('\n')

const DESCRIPTION = `The API of Loket, Noordwind Software's support desk: the embeddable widget, the customer portal and the staff console use it. Every path is under \`/api\`; an unknown one answers 404 \`not_found\`.

### Errors

Every error is JSON \`{ code, message, fields? }\`. \`code\` is stable and meant for programs; \`message\` is for people, in the caller's language: English when \`Accept-Language\` starts with \`en\`, Dutch (\`nl\`) otherwise. \`fields\` names each invalid field by its path (\`(body)\` for the body as a whole, such as an unknown field) with what is wrong, in English for developers. The codes:

- \`invalid_input\` (400): the body does not match the schema; see \`fields\`
- \`malformed_json\` (400): the body is not readable JSON
- \`token_invalid\` (400): a link's token is unknown, used or expired
- \`sign_in_required\` (401), \`wrong_credentials\` (401)
- \`phone_secret_invalid\` (401): the telephone system sent no secret or a wrong one (see Telephony), with \`WWW-Authenticate: Bearer\`
- \`staff_only\` (403), \`not_authorised\` (403): the e-mail address is not an authorised contact
- \`contacts_only\` (403): for a customer's contacts, not for staff; \`admin_only\` (403): for the organisation's admin, not for an employee
- \`team_not_allowed\` (403): an agent asked for the queue of a team they are not in
- \`role_not_allowed\` (403): the staff member's role gives no access to this part of the console; signals are for Customer Care and admins
- \`cross_origin\` (403): a changing request with the session cookie from a page of another site (see Sessions)
- \`not_found\` (404): also for an incident, attachment, complaint or contact the caller may not see; and for an unknown organisation
- \`version_conflict\` (409): the body also holds \`current\`, the incident or complaint as it is now
- \`email_in_use\` (409): a contact or staff member already has this e-mail address
- \`incident_closed\` (409), \`reopen_window_passed\` (409): a customer's reaction to an incident that is closed, or was resolved longer ago than the reopen window; register a new incident instead
- \`payload_too_large\` (413), \`unsupported_media_type\` (415)
- \`attachment_type_not_allowed\` (415), \`attachment_content_mismatch\` (415): a file that may not be attached, or whose content is not what its extension says
- \`priority_first_class_only\` (422), \`transition_refused\` (422): for incidents and complaints
- \`last_admin\` (422): the change would leave the organisation without an admin who can sign in
- \`rate_limited\` (429), with \`Retry-After\` in seconds
- \`too_many_wrong_codes\` (429): ${REMOTE_VIEW_WRONG_TRIES} wrong remote-view codes from one address in ${REMOTE_VIEW_TRY_WINDOW_MINUTES} minutes, with \`Retry-After\`
- \`code_unknown\` (404), \`code_used\` (410), \`code_expired\` (410): a remote-view code that no session has, that opened one already, or whose ${REMOTE_VIEW_CODE_MINUTES} minutes passed
- \`remote_view_active\` (409), \`remote_view_ended\` (409), \`remote_view_not_open\` (409), \`too_many_signals\` (409), \`remote_view_token_invalid\` (401): see Consent
- \`move_refused\` (409): a step a backup or extra-support request cannot take from its state; \`grant_inactive\` (409 on revoking, 410 on use): the grant ended or was revoked
- \`incident_not_open\` (422), \`grant_end_out_of_range\` (422), \`too_soon\` (422, with \`earliestStart\`), \`window_too_long\` (422), \`within_business_hours\` (422): see Consent
- \`internal\` (500)
- \`phone_routing_disabled\` (503): telephone routing is off, as the server has no \`PHONE_ROUTING_SECRET\`

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

Request bodies are JSON of at most 64 KB (413 \`payload_too_large\`; 415 for another content type); attachments are files of at most ${MAX_ATTACHMENT_MB} MB.`

/** Whether the desk is open, in every answer of the phone route. */
/** Loket's API as an OpenAPI 3.1.0 document; `serverUrl` is where it is served, by default the origin of the document itself. */
/** The document's shell: prose, tags, shared replies, parameters and headers; the routes add their operations (http/document.ts). */
export function openApiDocument(options: { serverUrl?: string; deskExample?: unknown } = {}): OpenApiDocument {
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
      { name: 'Organisation', description: 'The signed-in contact\'s own organisation in the portal: the company details by role, and the admin\'s management of the contacts who may file incidents.' },
      { name: 'Complaints', description: 'Complaints and opinions: contacts file and follow them in the portal, support answers them; every change is mailed to the contact who filed it.' },
      { name: 'Console', description: 'The staff console: the triage queue with live targets, the people and teams to assign to, and phone calls logged on an incident.' },
      { name: 'Signals', description: 'For Customer Care and admins: the organisations that contact support often, by desk.yaml\'s thresholds, and the follow-ups (a course, a visit) recorded for them.' },
      { name: 'KB insight', description: 'For staff: what the KnowledgeBase\'s readers searched and did not find, which searches ended in an incident, which articles did not help, and how many visits did without an incident; with an article template for a search that found nothing.' },
      { name: 'Consent', description: 'Access to the customer\'s environment only with their consent, and support outside business hours: remote-view sessions opened with the customer\'s code, backups the organisation\'s admin approves, temporary access grants the admin gives and revokes, extra-support windows staff approve. Every step is in the audit log, and those on an incident on its timeline (`type: "consent"`).' },
      { name: 'Telephony', description: 'For the telephone system, by a shared secret: where to put through a caller who typed an incident number.' },
    ],
    paths: {
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
      },
      responses: {
        InvalidInput: failure('The body does not match the schema (`fields` says what to fix), or is not readable JSON.', {
          invalidInput: { summary: 'A field missing and an unknown one', value: error('invalid_input', 'invalidInput', issuesOf(MessageInput, { body: 'Zie bijlage' })) },
          malformedJson: { summary: 'Not readable JSON', value: error('malformed_json', 'malformedJson') },
        }),
        SignInRequired: failure('No session, or it ended.', { signInRequired: { value: error('sign_in_required', 'signInRequired') } }),
        StaffOnly: failure('Signed in as a contact: for staff only.', { staffOnly: { value: error('staff_only', 'staffOnly') } }),
        ContactsOnly: failure('Signed in as staff: for a customer\'s contacts only (staff have the console).', CONTACTS_ONLY),
        AdminOnly: failure('Signed in as an employee: for the organisation\'s admin only.', ADMIN_ONLY),
        IncidentNotFound: failure('No such incident, or not one the caller may see: the answer is the same.', { notFound: { value: error('not_found', 'incidentNotFound') } }),
        ComplaintNotFound: failure('No such complaint or opinion, or not one the caller may see: the answer is the same.', { notFound: { value: error('not_found', 'complaintNotFound') } }),
        CrossOrigin: failure('A changing request that carries the session cookie, sent from a page of another site (see Sessions): refused before the session is read; nothing changed.', CROSS_ORIGIN),
        ReactionRefused: failure('A customer reacts to an incident that takes no reaction any more: it is closed, or was resolved longer ago than the reopen window. Nothing is added; register a new incident and mention this number.', {
          incidentClosed: { summary: 'The incident is closed', value: error('incident_closed', 'incidentClosed') },
          reopenWindowPassed: { summary: 'Resolved more than 14 days ago', value: error('reopen_window_passed', 'reopenWindowPassed') },
        }),
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
        ContactId: { name: 'id', in: 'path', required: true, description: 'The contact\'s id, as the list of contacts gives it.', schema: { type: 'string' }, example: 'c-jansen-new' },
        ComplaintId: { name: 'id', in: 'path', required: true, description: 'The complaint\'s id (a UUID), not its number.', schema: { type: 'string' }, example: COMPLAINT_ID },
        OrganisationId: { name: 'organisationId', in: 'path', required: true, description: 'The organisation\'s id, as the signals give it.', schema: { type: 'string' }, example: 'org-devries' },
        RemoteViewId: { name: 'id', in: 'path', required: true, description: 'The remote-view session\'s id, as starting or consenting gave it.', schema: { type: 'string' }, example: REMOTE_VIEW_ID },
        BackupId: { name: 'id', in: 'path', required: true, description: 'The backup request\'s id, as GET /api/consents gives it.', schema: { type: 'string' }, example: BACKUP_ID },
        GrantId: { name: 'id', in: 'path', required: true, description: 'The access grant\'s id, as GET /api/consents gives it.', schema: { type: 'string' }, example: GRANT_ID },
        ExtraSupportId: { name: 'id', in: 'path', required: true, description: 'The extra-support request\'s id, as GET /api/consents gives it.', schema: { type: 'string' }, example: EXTRA_SUPPORT_ID },
      },
      headers: {
        RetryAfter: { description: 'Seconds until the window ends and a request is welcome again.', schema: { type: 'integer', minimum: 1 }, example: '360' },
        NoStore: { description: 'private, no-store: personal data, kept by no cache.', schema: { type: 'string' }, example: 'private, no-store' },
        NoStoreAnyCache: { description: 'no-store: where a call goes says who handles what; kept by no cache, refusals included.', schema: { type: 'string' }, example: 'no-store' },
        QueueETag: { description: 'The queue\'s version: send it back in `If-None-Match`.', schema: { type: 'string' }, example: `"${QUEUE_ETAG}"` },
        SetSession: { description: `The session cookie \`${SESSION_COOKIE}\`: HttpOnly, SameSite=Lax, Secure over https.`, schema: { type: 'string' }, example: `${SESSION_COOKIE}=…; Path=/; Expires=Wed, 30 Dec 2026 09:00:00 GMT; HttpOnly; SameSite=Lax; Secure` },
      },
      securitySchemes: {
        cookieAuth: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'The session, set by signing in (HttpOnly: scripts cannot read it).' },
        phoneSecret: { type: 'http', scheme: 'bearer', description: 'The telephone system\'s shared secret, the server\'s `PHONE_ROUTING_SECRET`, as `Authorization: Bearer <secret>`. Without it configured, the route answers 503.' },
        remoteViewToken: { type: 'http', scheme: 'bearer', description: 'The token the customer\'s page got when it consented to a remote-view session, as `Authorization: Bearer <token>`: it opens that session only.' },
      },
    },
  }
}
