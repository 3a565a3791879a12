/** Routes describe themselves: a compact describeRoute, the replies guards carry, and the step that folds them into the document. */
import type { MiddlewareHandler } from 'hono'
import { describeRoute, resolver, uniqueSymbol, type DescribeRouteOptions } from 'hono-openapi'
import type { OpenAPIV3_1 } from 'openapi-types'
import type { StandardSchemaV1 } from '@standard-schema/spec'
import type { Localized } from '#domain/desk.ts'
import { MESSAGES, type ApiError } from './errors.ts'
import type { Example } from './openapi-types.ts'

/** The methods that change something: the body limit and the same-origin check answer only these. */
export const WRITE_METHODS = ['post', 'put', 'patch', 'delete'] as const

/**
 * A reply a guard middleware gives instead of the route: the shared response of that name in
 * `components.responses`. Several guards on one status are combined into one response.
 */
export interface GuardReply {
  status: number
  /** The name of the response in `components.responses`, e.g. `SignInRequired`. */
  response: string
  /** Only operations with these methods get the reply; default every method. */
  methods?: readonly string[]
  /** Left out where the route documents its own reply on this status (attachments have their own 413). */
  unlessOwn?: boolean
}

/** The extension key the fold step reads and removes: an array, so hono-openapi concatenates it across middlewares. */
const REPLIES = 'x-loket-replies'

/** Attaches `replies` to a guard middleware: every route it guards documents them, written once here. */
export function withReplies<M extends MiddlewareHandler<any, any, any>>(middleware: M, replies: GuardReply[]): M {
  return Object.assign(middleware, { [uniqueSymbol]: { spec: { [REPLIES]: replies } } })
}


/** A reply by status: a zod schema from present/ (JSON), or a whole response (HTML, a file, a reply with its own description). */
export type Reply = StandardSchemaV1 | DescribedResponse
type DescribedResponse = NonNullable<DescribeRouteOptions['responses']>[string]

/** The refusals a route gives beyond its guards': by code, the status and message, as the route's refusal table has them. */
export type Refusals = Record<string, readonly [status: number, message: Localized]>

/** The rest of an operation, when a route needs it: a description, parameters, security other than its guards'. */
export type RouteOptions = Omit<DescribeRouteOptions, 'operationId' | 'tags' | 'summary' | 'responses'> & { refuses?: Refusals }

/** What a success status says when the route does not say more. */
const SUCCESS: Record<number, string> = { 200: 'Done; the answer.', 201: 'Created.', 202: 'Accepted.' }
/** What a refusal status says; the code and its message say the rest. */
const REFUSED: Record<number, string> = {
  400: 'Not valid; `fields` says what to fix.', 401: 'Not signed in, or not with this token.', 403: 'Not for this caller.',
  404: 'Not there, or not the caller\'s to see: the answer is the same.', 409: 'It changed meanwhile, or its state does not allow this: nothing changed.',
  410: 'Used up or expired.', 413: 'Too large.', 415: 'Not a type this route takes.', 422: 'A rule refuses it: nothing changed.', 429: 'Too many tries: wait the seconds in Retry-After.', 503: 'Not available here.',
}
const isSchema = (reply: Reply): reply is StandardSchemaV1 => '~standard' in reply
/** `incident_closed` → `incidentClosed`: a refusal's example name. */
const camel = (code: string) => code.replace(/_(\w)/g, (_, letter: string) => letter.toUpperCase())

/**
 * A route's operation in the document: its id, tag and summary, its own replies by status and the
 * refusals it gives; its guards add theirs, its validators the request, the story the examples.
 */
export function describe(operationId: string, tag: string, summary: string, replies: Record<number, Reply>, { refuses = {}, ...more }: RouteOptions = {}): MiddlewareHandler {
  const responses: Record<string, DescribedResponse> = {}
  for (const [status, reply] of Object.entries(replies)) responses[status] = isSchema(reply) ? jsonReply(SUCCESS[Number(status)] ?? REFUSED[Number(status)] ?? '', reply) : reply
  for (const [code, [status, message]] of Object.entries(refuses)) {
    const reply = (responses[status] ??= errorReply(REFUSED[status] ?? '', {})) as { content: Record<string, { examples?: Record<string, Example> }> }
    const media = reply.content['application/json']!
    media.examples = { ...media.examples, [camel(code)]: { value: { code, message: message.nl } } }
  }
  return describeRoute({ operationId, tags: [tag], summary, responses, ...more } as DescribeRouteOptions)
}

type Operation = OpenAPIV3_1.OperationObject & { [REPLIES]?: GuardReply[] }
type Response = OpenAPIV3_1.ResponseObject
type MediaType = OpenAPIV3_1.MediaTypeObject
const isRef = (value: object): value is { $ref: string } => '$ref' in value

/**
 * Folds the guards' replies into every operation of `paths`: one
 * guard's reply as a reference to the shared response, several on one status (and a route's own
 * on it) as one response with every example.
 */
export function foldReplies(paths: Record<string, Record<string, Operation | undefined>>, shared: Record<string, Response>): void {
  for (const item of Object.values(paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!operation || typeof operation !== 'object') continue
      const replies = operation[REPLIES] ?? []
      delete operation[REPLIES]
      // A route behind a sign-in guard needs the session, unless it says otherwise.
      if (!operation.security && replies.some((r) => r.response === 'SignInRequired')) operation.security = SESSION_REQUIRED
      const own = new Set(Object.keys(operation.responses ?? {}))
      const byStatus = new Map<string, string[]>()
      for (const reply of replies) {
        if (reply.methods && !reply.methods.includes(method)) continue
        if (reply.unlessOwn && own.has(String(reply.status))) continue
        const names = byStatus.get(String(reply.status)) ?? []
        if (!names.includes(reply.response)) names.push(reply.response)
        byStatus.set(String(reply.status), names)
      }
      operation.responses ??= {}
      for (const [status, names] of byStatus) {
        const current = operation.responses[status]
        if (!current && names.length === 1) {
          operation.responses[status] = { $ref: `#/components/responses/${names[0]}` }
          continue
        }
        // The route's own reply first, then its guards from the nearest out (app-wide ones come first in `replies`).
        const parts = [...(current ? [current] : []), ...[...names].reverse().map((name) => ({ $ref: `#/components/responses/${name}` }))]
          .map((part) => (isRef(part) ? shared[part.$ref.split('/').at(-1)!]! : part as Response))
        operation.responses[status] = combined(parts)
      }
      operation.responses = Object.fromEntries(Object.entries(operation.responses).sort(([a], [b]) => a.localeCompare(b)))
    }
  }
}

/** One response from several on a status: the descriptions in turn, every example, the headers of all. */
function combined(parts: Response[]): Response {
  const content: Record<string, MediaType> = {}
  for (const part of parts) {
    for (const [type, media] of Object.entries(part.content ?? {})) {
      const into = (content[type] ??= { ...media, examples: {} })
      into.examples = { ...into.examples, ...media.examples }
    }
  }
  const headers = Object.assign({}, ...parts.map((p) => p.headers ?? {}))
  return {
    description: parts.map((p) => p.description.replace(/\.$/, '')).join('; or: ') + '.',
    ...(Object.keys(headers).length ? { headers } : {}),
    content,
  }
}

/** A JSON reply: the zod schema from present/ (by its `.meta({ id })` a named schema), with examples. */
export function jsonReply(description: string, schema: StandardSchemaV1, examples?: Record<string, Example>) {
  return { description, content: { 'application/json': { schema: resolver(schema), ...(examples ? { examples } : {}) } } }
}

/** An error reply: the shared `Error` schema, with examples. */
export function errorReply(description: string, examples: Record<string, Example>) {
  return { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' }, examples } } }
}

/** Why a request is refused: its code, the catalogue key of its message, and optionally a summary and the fields. */
export type Reason = [code: string, message: keyof typeof MESSAGES, summary?: string, fields?: ApiError['fields']]

/** An error reply with one example per reason, named by the key: the bodies come from the catalogue, not written out. */
export function refusal(description: string, reasons: Record<string, Reason>) {
  const examples = Object.entries(reasons).map(([name, [code, message, summary, fields]]) => [name, { ...(summary ? { summary } : {}), value: { code, message: MESSAGES[message].nl, ...(fields ? { fields } : {}) } }])
  return errorReply(description, Object.fromEntries(examples))
}

/** An HTML page as the reply. */
export const htmlReply = (description: string) => ({ description, content: { 'text/html': { schema: { type: 'string' as const } } } })

/** The caller must be signed in (the session cookie). */
export const SESSION_REQUIRED: Record<string, string[]>[] = [{ cookieAuth: [] }]
/** Anonymous callers are welcome; a signed-in one is recognised. */
export const SESSION_OPTIONAL: Record<string, string[]>[] = [{}, { cookieAuth: [] }]

/** A transition table (status → the statuses it may become) as a Markdown list, for a route's description. */
export const movesOf = (table: Record<string, readonly string[]>) => Object.entries(table)
  .filter(([, to]) => to.length > 0).map(([from, to]) => `- \`${from}\` → ${to.map((s) => `\`${s}\``).join(', ')}`).join('\n')

/** The refusals `codes` of a route's refusal table. */
export const only = <T extends Refusals, K extends keyof T & string>(table: T, ...codes: K[]): Refusals => Object.fromEntries(codes.map((code) => [code, table[code]!]))

/** Query parameters a route reads without a validator, by name: what each does. */
export const queryParameters = (described: Record<string, string>) =>
  Object.entries(described).map(([name, description]) => ({ name, in: 'query' as const, description, schema: { type: 'string' as const } }))
