/** Routes for machines that share a secret with the server (the telephone system, the metrics scraper): `Authorization: Bearer <secret>`. */
import { createHash, timingSafeEqual } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import type { Localized } from '#domain/desk.ts'
import { apiError } from '../../http/errors.ts'

/** What to answer while no secret is configured, and to a wrong one: status, code and message. */
export interface BearerReplies {
  realm: string
  disabled: readonly [status: 404 | 503, code: string, message: Localized]
  invalid: readonly [code: string, message: Localized]
}

/**
 * `disabled` while no secret is configured; 401 `invalid` unless `Authorization: Bearer <secret>`
 * carries it. Runs before anything else of the route, so a caller without the secret learns nothing.
 */
export function requireBearerSecret(secret: string | undefined, replies: BearerReplies): MiddlewareHandler {
  const expected = secret ? digest(secret) : undefined
  return async (c, next) => {
    if (!expected) return apiError(c, replies.disabled[0], replies.disabled[1], replies.disabled[2])
    const presented = /^Bearer +(\S+) *$/i.exec(c.req.header('authorization') ?? '')?.[1] ?? ''
    // Digests are always 32 bytes, so the comparison is constant-time and the secret's length stays hidden too.
    if (!timingSafeEqual(digest(presented), expected)) {
      c.header('WWW-Authenticate', `Bearer realm="${replies.realm}"`)
      return apiError(c, 401, replies.invalid[0], replies.invalid[1])
    }
    await next()
  }
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest()
}
