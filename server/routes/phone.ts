/** GET /api/phone/route: where the telephone system puts through a caller who typed an incident number (how it uses it: HOW below). */
import { Hono } from 'hono'
import type { Deps } from '../deps.ts'
import { PhoneRouteQuery } from '../domain/phone-routing.ts'
import { describe } from '../http/describe.ts'
import { MESSAGES, apiError } from '../http/errors.ts'
import { requireBearerSecret } from '../middleware/bearer-secret/index.ts'
import { queryOf } from '../middleware/json-body/index.ts'
import { limitWrongTokens } from '../middleware/rate-limit/index.ts'
import { PhoneRouteReply } from '../present/phone.ts'
import { routeCall } from '../services/phone-routing.ts'

/** The webhook's part of the story, for integrators reading the document. */
const HOW = `For the telephone system, by the shared secret \`PHONE_ROUTING_SECRET\` (\`Authorization: Bearer <secret>\`), checked before the number; no session opens it; never cached.
The IVR collects the digits and acts on \`route\`: \`assignee\` → \`handler.extension\` (on no answer the hunt group of \`team.key\`); \`team\` → that hunt group; \`general\` → the general queue (an unknown number, or one not confirmed yet). A resolved incident still goes to its handler; a closed one to its team.
When \`isOpen\` is false it plays "we are closed until \`opensAt\`" and offers voicemail. On a timeout, 5xx, 401 or 503 it falls back to the general queue. The answer says nothing about the customer.`

/** 503 while PHONE_ROUTING_SECRET is unset; 401 to a wrong one. */
const PHONE_SECRET = { realm: 'loket-phone', disabled: [503, 'phone_routing_disabled', MESSAGES.phoneRoutingDisabled], invalid: ['phone_secret_invalid', MESSAGES.phoneSecretInvalid] } as const

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
    limitWrongTokens(deps.limits.wrongTokensPerAddress, 'phone-secret', { isWrong: (res) => res.status === 401 }), requireBearerSecret(deps.phoneRoutingSecret, PHONE_SECRET), queryOf(PhoneRouteQuery), async (c) => c.json(await routeCall(deps, c.req.valid('query').number)))
