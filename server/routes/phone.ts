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
import { describe, issuesOf, jsonReply, refusal, type RouteDescription } from '../http/describe.ts'
import { MESSAGES, apiError } from '../http/errors.ts'
import { queryOf } from '../middleware/json-body/index.ts'
import { limitWrongTokens } from '../middleware/rate-limit/index.ts'
import { named } from '../http/examples.ts'
import { PhoneRouteReply } from '../present/phone.ts'
import { routeCall } from '../services/phone-routing.ts'

const NO_STORE = { 'Cache-Control': { $ref: '#/components/headers/NoStoreAnyCache' } }

const ROUTE: RouteDescription = {
  operationId: 'routePhoneCall', tags: ['Telephony'], summary: 'Where to put through a caller who typed an incident number',
  description: `For the telephone system, not for browsers. It sends the shared secret \`PHONE_ROUTING_SECRET\` as \`Authorization: Bearer <secret>\` (the scheme in any case); a staff or contact session does not open this route. The secret is checked before the number, so a caller without it learns nothing, not even the input rules. Every answer, refusals included, is \`Cache-Control: no-store\`.

How a telephony webhook uses it:

1. The caller dials the desk; the IVR asks "type your incident number and press hash", and collects the digits.

2. The IVR calls \`GET /api/phone/route?number=100042\` with \`Authorization: Bearer …\` (timeout about 2 s).

3. It acts on \`route\`: \`assignee\` → transfer to \`handler.extension\`, and on no answer after N rings to the hunt group of \`team.key\`; \`team\` → the hunt group of \`team.key\`, optionally announcing \`team.name\`; \`general\` → the general queue (the caller is not told whether the number exists).

4. If \`isOpen\` is false: play "we are closed, we open again on {opensAt in Europe/Amsterdam}" (or only "we are closed" when \`opensAt\` is null), and offer voicemail.

5. On a timeout, a 5xx, 401 or 503: transfer to the general queue; log 401 and 503 as configuration errors.

The route:

- \`assignee\` when an active staff member with an extension handles the incident and it is not closed; a resolved one still goes to its handler, as the customer may reopen it. \`team\` is the fallback.
- \`team\` when the incident is unassigned, its handler is inactive or has no extension, or it is closed.
- \`general\` for an unknown number, and alike for an incident still awaiting e-mail confirmation (its number is only given once confirmed) or one whose team is no longer in desk.yaml.

It is decided whatever the hour; \`isOpen\` and \`opensAt\` say whether to put the call through now. The answer never holds the subject, the organisation or anything about the customer. Parameters other than \`number\` (a caller id, a call id) are ignored.`,
  security: [{ phoneSecret: [] }],
  responses: {
    200: {
      ...jsonReply('Where the call goes, and whether the desk is open.', PhoneRouteReply, {
        assignee: { summary: 'Tom Bakker\'s incident, handled by Lotte Smit: to extension 201, the finance team as fallback', value: named('phoneToAssignee') },
        team: { summary: 'An unassigned incident: to the finance team', value: named('phoneToTeam') },
        general: { summary: 'An unknown number: the general queue, nothing more', value: named('phoneToGeneral') },
        closed: { summary: 'Saturday 28 November 2026: the route, and the desk opens Monday 08:30 in Amsterdam', value: named('phoneClosed') },
      }),
      headers: NO_STORE,
    },
    400: {
      ...refusal('No number, or not 1 to 12 digits (letters, a `#`, empty); `fields` names it. Only with the right secret.', { letters: ['invalid_input', 'invalidInput', 'number=10004a', issuesOf(PhoneRouteQuery, { number: '10004a' })], missing: ['invalid_input', 'invalidInput', 'No number', issuesOf(PhoneRouteQuery, {})] }),
      headers: NO_STORE,
    },
    401: {
      ...refusal('No secret, or a wrong one, or under another scheme than Bearer: the same body whatever the number, so it tells nothing about the incident.', { secretInvalid: ['phone_secret_invalid', 'phoneSecretInvalid'] }),
      headers: { 'WWW-Authenticate': { description: 'The scheme to use.', schema: { type: 'string' }, example: 'Bearer realm="loket-phone"' }, ...NO_STORE },
    },
    503: {
      ...refusal('Telephone routing is off: the server has no `PHONE_ROUTING_SECRET` (or an empty one). The same whatever is sent.', { disabled: ['phone_routing_disabled', 'phoneRoutingDisabled'] }),
      headers: NO_STORE,
    },
  },
}

export const phone = (deps: Deps) =>
  new Hono()
    // Where a caller is put through says who handles what: never kept by a cache, refusals included.
    .use('*', async (c, next) => {
      c.header('Cache-Control', 'no-store')
      await next()
    })
    // A wrong secret (401) is a guess, counted per address: the right secret from that address waits too, until the window passes.
    .get('/route', describe(ROUTE), limitWrongTokens(deps.limits.wrongTokensPerAddress, 'phone-secret', { isWrong: (res) => res.status === 401 }), requirePhoneSecret(deps.phoneRoutingSecret), queryOf(PhoneRouteQuery), async (c) => c.json(await routeCall(deps, c.req.valid('query').number)))

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
