/** JSON request bodies: 415 for anything but JSON, 400 with the fields named for invalid input; both documented here, once. */
import type { Context, MiddlewareHandler } from 'hono'
import { validator } from 'hono-openapi'
import type { z } from 'zod'
import { withReplies } from '../../http/describe.ts'
import { MESSAGES, apiError, type ApiError } from '../../http/errors.ts'

/** Refuses a request whose body is not declared as JSON, before anything reads it. */
export const requireJson: MiddlewareHandler = withReplies(async (c, next) => {
  if (!/^application\/([a-z.-]+\+)?json\b/i.test(c.req.header('content-type') ?? '')) {
    return apiError(c, 415, 'unsupported_media_type', MESSAGES.unsupportedMediaType)
  }
  await next()
}, [{ status: 415, response: 'UnsupportedMediaType' }])

/** Standard Schema issues as fields, as fieldsOf writes zod's: "lang: Invalid option". */
function fieldsOfIssues(issues: readonly { message: string; path?: readonly (PropertyKey | { key: PropertyKey })[] }[]): ApiError['fields'] {
  return issues.map((i) => ({ path: (i.path ?? []).map((p) => String(typeof p === 'object' ? p.key : p)).join('.') || '(body)', message: i.message }))
}

/** 400 `invalid_input` naming the fields, for any validator target. */
export const invalidInput = (result: { success: boolean; error?: readonly { message: string; path?: readonly (PropertyKey | { key: PropertyKey })[] }[] }, c: Context) =>
  result.success ? undefined : apiError(c, 400, 'invalid_input', MESSAGES.invalidInput, fieldsOfIssues(result.error ?? []))

/**
 * Validates the JSON body with `schema`; the route reads it with `c.req.valid('json')`. The
 * schema is the request body of the route's OpenAPI operation (its `.meta({ id })` names it).
 */
// The typed client (hc<AppType>) sees the parsed side as the request type, as Hono's own validator gave it:
// the islands are written against it (a Date where the JSON carries its ISO string).
export function jsonBody<S extends z.ZodType>(schema: S): MiddlewareHandler<any, string, { in: { json: z.output<S> }; out: { json: z.output<S> } }> {
  return validator('json', schema, invalidInput) as never
}

/** Validates the query string with `schema`, as jsonBody does the body; `c.req.valid('query')`. */
export function queryOf<S extends z.ZodType>(schema: S): MiddlewareHandler<any, string, { in: { query: Record<string, string | string[]> }; out: { query: z.output<S> } }> {
  return validator('query', schema, invalidInput) as never
}
