/**
 * GET /api/phone/route: where the telephone system puts through a caller who typed an incident number.
 *
 * How a telephony webhook uses it: the IVR asks the caller for their incident number (digits, `#`
 * to end), strips the `#` and calls `GET /api/phone/route?number=100042` with the header
 * `Authorization: Bearer <PHONE_ROUTING_SECRET>`. By `route` in the answer it transfers to
 * `handler.extension` (and to the hunt group of `team.key` when that extension does not answer),
 * to the hunt group of `team.key`, or to the desk's general queue. When `isOpen` is false it plays
 * "we are closed until `opensAt`" (local time of the desk) and offers voicemail instead. On a
 * timeout, a 5xx, a 401 or a 503 it falls back to the general queue: the caller is never stuck.
 * Only the secret opens this route; a staff or contact session does not.
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import { Hono, type MiddlewareHandler } from 'hono'
import type { Deps } from '../deps.ts'
import { PhoneRouteQuery } from '../domain/phone-routing.ts'
import { MESSAGES, apiError } from '../http/errors.ts'
import { queryOf } from '../middleware/json-body/index.ts'
import { routeCall } from '../services/phone-routing.ts'

export const phone = (deps: Deps) =>
  new Hono()
    // Where a caller is put through says who handles what: never kept by a cache, refusals included.
    .use('*', async (c, next) => {
      c.header('Cache-Control', 'no-store')
      await next()
    })
    .get('/route', requirePhoneSecret(deps.phoneRoutingSecret), queryOf(PhoneRouteQuery), async (c) => c.json(await routeCall(deps, c.req.valid('query').number)))

/**
 * 503 while no secret is configured; 401 unless `Authorization: Bearer <secret>` carries it. Runs
 * before the query is read, so a caller without the secret learns nothing, not even the input rules.
 */
function requirePhoneSecret(secret: string | undefined): MiddlewareHandler {
  const expected = secret ? digest(secret) : undefined
  return async (c, next) => {
    if (!expected) return apiError(c, 503, 'phone_routing_disabled', MESSAGES.phoneRoutingDisabled)
    const presented = /^Bearer +(\S+) *$/i.exec(c.req.header('authorization') ?? '')?.[1] ?? ''
    // Digests are always 32 bytes, so the comparison is constant-time and the secret's length stays hidden too.
    if (!timingSafeEqual(digest(presented), expected)) {
      c.header('WWW-Authenticate', 'Bearer realm="loket-phone"')
      return apiError(c, 401, 'phone_secret_invalid', MESSAGES.phoneSecretInvalid)
    }
    await next()
  }
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest()
}
