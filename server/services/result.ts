/** What a use case returns: its value, or a typed refusal that the route turns into an HTTP error. */
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { Localized } from '../domain/desk.ts'
import { apiError } from '../http/errors.ts'

/** A field named in a refusal, as the API's error bodies carry it. */
export interface RefusalField { path: string; message: string }

/** Why a use case did not do what was asked: `refused` is the API's error code; `fields` say what to fix. */
export interface Refusal<C extends string> { refused: C; fields?: RefusalField[]; retryAfterSeconds?: number }

/** A use case's answer: the value (an object), or why not. */
export type Outcome<T extends object, C extends string> = T | Refusal<C>

/** Whether an outcome is a refusal, with whatever a refusal of that use case carries besides its code. */
export const isRefused = <O extends object>(outcome: O): outcome is Extract<O, { refused: string }> => 'refused' in outcome

/** A refusal with `code`, and the fields at fault if any. */
export const refusal = <C extends string>(code: C, fields?: RefusalField[]): Refusal<C> => ({ refused: code, ...(fields ? { fields } : {}) })

/** The HTTP reply of each refusal a route can meet: its status and message. */
export type RefusalReplies<C extends string> = { readonly [K in C]: readonly [ContentfulStatusCode, Localized] }

/** The route's reply to a refusal: status and message from `replies`, the refusal's code as the error code. */
export function refuse<C extends string>(c: Context, refused: Refusal<C>, replies: RefusalReplies<C>) {
  const [status, message] = replies[refused.refused]
  if (refused.retryAfterSeconds) c.header('Retry-After', String(refused.retryAfterSeconds))
  return apiError(c, status, refused.refused, message, refused.fields)
}
