/** GET /api/phone/route: where the telephone system puts through a caller who typed an incident number (how it uses it: HOW below). */
import { createHash, timingSafeEqual } from 'node:crypto'
import { Hono, type MiddlewareHandler } from 'hono'
import type { Deps } from '../deps.ts'
import { PhoneRouteQuery } from '../domain/phone-routing.ts'
import { describe } from '../http/describe.ts'
import { MESSAGES, apiError } from '../http/errors.ts'
import { queryOf } from '../middleware/json-body/index.ts'
import { limitWrongTokens } from '../middleware/rate-limit/index.ts'
import { PhoneRouteReply } from '../present/phone.ts'
import { routeCall } from '../services/phone-routing.ts'

/** The webhook's part of the story, for integrators reading the document. */
const HOW = `For the telephone system, by the shared secret \`PHONE_ROUTING_SECRET\` (\`Authorization: Bearer <secret>\`), checked before the number; no session opens it; never cached.
The IVR collects the digits and acts on \`route\`: \`assignee\` → \`handler.extension\` (on no answer the hunt group of \`team.key\`); \`team\` → that hunt group; \`general\` → the general queue (an unknown number, or one not confirmed yet). A resolved incident still goes to its handler; a closed one to its team.
When \`isOpen\` is false it plays "we are closed until \`opensAt\`" and offers voicemail. On a timeout, 5xx, 401 or 503 it falls back to the general queue. The answer says nothing about the customer.`

export const phone = (deps: Deps) =>
  new Hono()
    // Where a caller is put through says who handles what: never kept by a cache, refusals included.
    .use('*', async (c, next) => {
      c.header('Cache-Control', 'no-store')
      await next()
    })
    .get('/route', describe('routePhoneCall', 'Telephony', 'Where to put through a caller who typed an incident number', { 200: PhoneRouteReply }, {
      description: HOW, security: [{ phoneSecret: [] }],
      refuses: { phone_secret_invalid: [401, MESSAGES.phoneSecretInvalid], phone_routing_disabled: [503, MESSAGES.phoneRoutingDisabled] },
    }),
    // A wrong secret (401) is a guess, counted per address: the right secret from that address waits too, until the window passes.
    limitWrongTokens(deps.limits.wrongTokensPerAddress, 'phone-secret', { isWrong: (res) => res.status === 401 }), requirePhoneSecret(deps.phoneRoutingSecret), queryOf(PhoneRouteQuery), async (c) => c.json(await routeCall(deps, c.req.valid('query').number)))

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
