/** Routes describe themselves: describeRoute with request examples, the reply fragments guards carry, and the step that folds both into the document. */
import type { MiddlewareHandler } from 'hono'
import { describeRoute, resolver, uniqueSymbol, type DescribeRouteOptions } from 'hono-openapi'
import type { OpenAPIV3_1 } from 'openapi-types'
import type { StandardSchemaV1 } from '@standard-schema/spec'
import type { z } from 'zod'
import { MESSAGES, fieldsOf, type ApiError } from './errors.ts'

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

/** Extension keys the fold step reads and removes: arrays, so hono-openapi concatenates them across middlewares. */
const REPLIES = 'x-loket-replies'
const REQUEST_EXAMPLES = 'x-loket-request-examples'

/** Attaches `replies` to a guard middleware: every route it guards documents them, written once here. */
export function withReplies<M extends MiddlewareHandler<any, any, any>>(middleware: M, replies: GuardReply[]): M {
  return Object.assign(middleware, { [uniqueSymbol]: { spec: { [REPLIES]: replies } } })
}

/** An OpenAPI example: a summary and the value. */
export interface Example { summary?: string; description?: string; value: unknown }

/** What a route says about itself: describeRoute's operation, plus the examples of its validated request body by media type. */
export type RouteDescription = DescribeRouteOptions & {
  operationId: string
  summary: string
  tags: [string, ...string[]]
  /** Examples of the JSON body the route's validator parses; the validator gives the schema. */
  requestExamples?: Record<string, Example>
}

/** describeRoute with the request examples kept apart until the fold step puts them beside the validator's schema. */
export function describe({ requestExamples, ...spec }: RouteDescription): MiddlewareHandler {
  return describeRoute({ ...spec, ...(requestExamples ? { [REQUEST_EXAMPLES]: [requestExamples] } : {}) } as DescribeRouteOptions)
}

type Operation = OpenAPIV3_1.OperationObject & { [REPLIES]?: GuardReply[]; [REQUEST_EXAMPLES]?: Record<string, Example>[] }
type Response = OpenAPIV3_1.ResponseObject
type MediaType = OpenAPIV3_1.MediaTypeObject
const isRef = (value: object): value is { $ref: string } => '$ref' in value

/**
 * Folds the guards' replies and the request examples into every operation of `paths`: one
 * guard's reply as a reference to the shared response, several on one status (and a route's own
 * on it) as one response with every example.
 */
export function foldReplies(paths: Record<string, Record<string, Operation | undefined>>, shared: Record<string, Response>): void {
  for (const item of Object.values(paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!operation || typeof operation !== 'object') continue
      const examples = operation[REQUEST_EXAMPLES]
      delete operation[REQUEST_EXAMPLES]
      const media = operation.requestBody && !isRef(operation.requestBody) ? operation.requestBody.content['application/json'] : undefined
      if (examples && media) media.examples = Object.assign({}, ...examples)
      const replies = operation[REPLIES] ?? []
      delete operation[REPLIES]
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

/** An error reply (the shared `Error` schema) with examples made by errorExample. */
export function errorReply(description: string, examples: Record<string, Example>) {
  return { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' }, examples } } }
}

/** An error body as `apiError` writes it for a caller without Accept-Language: Dutch. */
export function errorExample(code: string, message: keyof typeof MESSAGES, fields?: ApiError['fields']): ApiError {
  return { code, message: MESSAGES[message].nl, ...(fields ? { fields } : {}) }
}

/** The fields zod names when `value` fails `schema`: examples of 400 replies that are right by construction. */
export function issuesOf(schema: z.ZodType, value: unknown): ApiError['fields'] {
  const result = schema.safeParse(value)
  if (result.success) throw new Error('[loket] openapi: the invalid example is valid; change it so it shows an error')
  return fieldsOf(result.error)
}

/** A shared response of the shell by name, e.g. `IncidentNotFound`. */
export const sharedReply = (name: string) => ({ $ref: `#/components/responses/${name}` })

/** Why a request is refused: its code, the catalogue key of its message, and optionally a summary and the fields. */
export type Reason = [code: string, message: keyof typeof MESSAGES, summary?: string, fields?: ApiError['fields']]

/** An error reply with one example per reason, named by the key: the bodies come from the catalogue, not written out. */
export function refusal(description: string, reasons: Record<string, Reason>) {
  const examples = Object.entries(reasons).map(([name, [code, message, summary, fields]]) => [name, { ...(summary ? { summary } : {}), value: errorExample(code, message, fields) }])
  return errorReply(description, Object.fromEntries(examples))
}

/** An HTML page as the reply. */
export const htmlReply = (description: string) => ({ description, content: { 'text/html': { schema: { type: 'string' as const } } } })

/** The caller must be signed in (the session cookie). */
export const SESSION_REQUIRED: Record<string, string[]>[] = [{ cookieAuth: [] }]
/** Anonymous callers are welcome; a signed-in one is recognised. */
export const SESSION_OPTIONAL: Record<string, string[]>[] = [{}, { cookieAuth: [] }]
/** The reply is personal: `Cache-Control: private, no-store`. */
export const NO_STORE = { 'Cache-Control': { $ref: '#/components/headers/NoStore' } }

/** A transition table (status → the statuses it may become) as a Markdown list, for a route's description. */
export const movesOf = (table: Record<string, readonly string[]>) => Object.entries(table)
  .filter(([, to]) => to.length > 0).map(([from, to]) => `- \`${from}\` → ${to.map((s) => `\`${s}\``).join(', ')}`).join('\n')
