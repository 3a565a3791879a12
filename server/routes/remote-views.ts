/**
 * Remote view, after support started it on an incident: the customer's public page looks the code
 * up and consents with it; then both sides read the session, relay the WebRTC handshake and end it.
 * The customer's page speaks with the bearer token consent gave it; staff with their session.
 */
import { Hono, type Context } from 'hono'
import { z } from 'zod'
import { REMOTE_VIEW_MAX_SIGNALS, REMOTE_VIEW_TRY_WINDOW_MINUTES, REMOTE_VIEW_WRONG_TRIES, RemoteViewCodeInput, RemoteViewSignalInput } from '../domain/consent.ts'
import type { Deps } from '../deps.ts'
import { describe, issuesOf, jsonReply, refusal, type RouteDescription } from '../http/describe.ts'
import { named } from '../http/examples.ts'
import { MESSAGES, apiError } from '../http/errors.ts'
import { jsonBody, requireJson } from '../middleware/json-body/index.ts'
import { privateNoStore } from '../middleware/no-store/index.ts'
import { clientAddress, limitWrongTokens, oneAtATimePerAddress } from '../middleware/rate-limit/index.ts'
import type { SessionEnv } from '../middleware/session/index.ts'
import { REMOTE_VIEW_TOKEN, REQUEST_EXAMPLES, answerSignal, offerData } from '../openapi.ts'
import { RemoteViewPreviewReply, RemoteViewSessionReply, RemoteViewSignalReply, presentPreview, presentSession } from '../present/consent.ts'
import { refusalReply } from '../present/consent-refusal.ts'
import { isRefused } from '../services/result.ts'
import { consentToRemoteView, endRemoteView, remoteViewFor, sendSignal, sessionForCode, signalsFor } from '../services/remote-view.ts'

/** The bearer token the request carries, and whether it carries an Authorization header at all. */
const bearerOf = (c: Context) => {
  const header = c.req.header('authorization')
  return { isPresent: header !== undefined, token: /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1] }
}

const SIDES: Record<string, string[]>[] = [{ cookieAuth: [] }, { remoteViewToken: [] }]
const PARAMETERS = [{ $ref: '#/components/parameters/RemoteViewId' }]
const TOKEN_INVALID = refusal('A token that is not this session\'s.', { token: ['remote_view_token_invalid', 'remoteViewTokenInvalid'] })
const NOT_FOUND = refusal('No such session, or not the caller\'s.', { notFound: ['not_found', 'consentNotFound'] })
const UNKNOWN = refusal('No session has this code; counted as a wrong try.', { unknown: ['code_unknown', 'codeUnknown'] })
const TOO_MANY = (description: string) => ({
  ...refusal(description, { tooMany: ['too_many_wrong_codes', 'codeTriesExceeded'] }),
  headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } },
})
const Session = z.object({ session: RemoteViewSessionReply })

const LOOKUP: RouteDescription = {
  operationId: 'lookUpRemoteViewCode', tags: ['Consent'], summary: 'What a code opens: who looks along, for which incident (public)',
  description: `The public page's first step, before consent: anonymous, nothing changes and the code stays usable. A wrong code counts against the caller's address: after ${REMOTE_VIEW_WRONG_TRIES} wrong codes in ${REMOTE_VIEW_TRY_WINDOW_MINUTES} minutes every try is 429 \`too_many_wrong_codes\` with \`Retry-After\`, also with a right code, until the window passes. A used or expired code is 410 and does not count as wrong.`,
  requestExamples: { code: REQUEST_EXAMPLES.remoteViewCode },
  responses: {
    200: jsonReply('The session the code opens, to show before asking for consent.', z.object({ remoteView: RemoteViewPreviewReply }), { found: { value: { remoteView: named('remoteViewPreview') } } }),
    400: refusal('Not six digits.', { code: ['invalid_input', 'invalidInput', 'Five digits', issuesOf(RemoteViewCodeInput, { code: '48291' })] }),
    404: UNKNOWN,
    410: refusal('The code was used, or its ten minutes passed (or support ended the session): ask for a new one.', { used: ['code_used', 'codeUsed'], expired: ['code_expired', 'codeExpired'] }),
    429: TOO_MANY(`${REMOTE_VIEW_WRONG_TRIES} wrong codes from this address in ${REMOTE_VIEW_TRY_WINDOW_MINUTES} minutes: wait the seconds in Retry-After.`),
  },
}

const CONSENT: RouteDescription = {
  operationId: 'consentToRemoteView', tags: ['Consent'], summary: 'Consent with the code: the session opens (public)',
  description: 'The customer\'s consent, after the page showed what `lookup` answered: the code is used up, the session is open, and the page gets a `token` to signal and end with (`Authorization: Bearer <token>`, the `remoteViewToken` scheme). The token is shown once and kept only as a hash. Two pages consenting with one code at once: the first opens it, the other gets 410 `code_used`. The same limits and refusals as `lookup`. On the timeline as `remote_view.consented` by the requester, with the address in the audit log.',
  requestExamples: { code: REQUEST_EXAMPLES.remoteViewCode },
  responses: {
    200: jsonReply('Open.', Session.extend({ token: z.string().meta({ description: 'The page\'s bearer token for this session.' }) }), {
      opened: { value: { session: named('remoteViewSession'), token: REMOTE_VIEW_TOKEN } },
    }),
    400: refusal('Not six digits.', { code: ['invalid_input', 'invalidInput', 'Letters', issuesOf(RemoteViewCodeInput, { code: 'abcdef' })] }),
    404: UNKNOWN,
    410: refusal('The code was used, or its ten minutes passed.', { used: ['code_used', 'codeUsed'], expired: ['code_expired', 'codeExpired'] }),
    429: TOO_MANY('Too many wrong codes from this address.'),
  },
}

const READ: RouteDescription = {
  operationId: 'getRemoteView', tags: ['Consent'], summary: 'The state of a remote-view session, for either side',
  description: 'For staff (by session) and for the page that consented (by its token). Both pages ask this to see the other end: `state` becomes `ended` the moment either side ends it. A wrong token is 401; anyone else gets 404 as for a missing session.',
  security: SIDES, parameters: PARAMETERS,
  responses: {
    200: jsonReply('The session as this side sees it.', Session, { open: { value: { session: named('remoteViewSession', { lastSignal: 3 }) } } }),
    401: TOKEN_INVALID,
    404: NOT_FOUND,
  },
}

const END: RouteDescription = {
  operationId: 'endRemoteView', tags: ['Consent'], summary: 'End a remote-view session, from either side',
  description: 'Staff (by session) or the customer\'s page (by its token) ends the session, waiting or open; the code stops working and no more signals are taken. On the timeline as `remote_view.ended`, by whom. No body.',
  security: SIDES, parameters: PARAMETERS,
  responses: {
    200: jsonReply('Ended.', Session, {
      ended: { summary: 'The customer stopped it', value: { session: named('remoteViewSession', { state: 'ended', endedAt: '2026-11-30T09:44:00.000Z', endedBy: 'customer', lastSignal: 7 }) } },
    }),
    401: TOKEN_INVALID,
    404: NOT_FOUND,
    409: refusal('Ended already, or its code expired unused.', { ended: ['remote_view_ended', 'remoteViewEnded'] }),
  },
}

const READ_SIGNALS: RouteDescription = {
  operationId: 'readRemoteViewSignals', tags: ['Consent'], summary: 'The other side\'s WebRTC handshake messages since the last one read',
  description: 'The API relays the WebRTC handshake between the customer\'s browser (which offers its screen, send-only) and the employee\'s (which answers, receive-only); the picture itself goes browser to browser. Each side reads what the other sent after `after`, and the session\'s state, so it also notices an end.',
  security: SIDES,
  parameters: [...PARAMETERS, { name: 'after', in: 'query', description: 'The last `seq` this side read; 0 or absent for all.', schema: { type: 'integer', minimum: 0, default: 0 }, example: 1 }],
  responses: {
    200: jsonReply('The other side\'s signals after `after`, the state, and the last `seq` of either side.', z.object({
      state: RemoteViewSessionReply.shape.state, signals: z.array(RemoteViewSignalReply), last: z.number().int().min(0),
    }), { answer: { summary: 'The customer\'s page reads the employee\'s answer', value: { state: 'open', signals: [answerSignal], last: 2 } } }),
    400: refusal('`after` is not a whole number from 0.', { after: ['invalid_input', 'invalidInput', undefined, [{ path: 'after', message: 'a whole number, 0 or more' }]] }),
    401: TOKEN_INVALID,
    404: NOT_FOUND,
  },
}

const SEND_SIGNAL: RouteDescription = {
  operationId: 'sendRemoteViewSignal', tags: ['Consent'], summary: 'Send a WebRTC handshake message to the other side',
  description: `Only while the session is open (409 \`remote_view_not_open\` before consent and after the end). A session keeps at most ${REMOTE_VIEW_MAX_SIGNALS} messages (409 \`too_many_signals\`): start a new one. Two sides sending at once are both kept, in order.`,
  security: SIDES, parameters: PARAMETERS,
  requestExamples: { offer: REQUEST_EXAMPLES.offerSignal },
  responses: {
    201: jsonReply('Kept, with its `seq`.', z.object({ signal: RemoteViewSignalReply }), { offer: { value: { signal: { seq: 1, from: 'customer', type: 'offer', data: offerData, at: '2026-11-30T09:23:01.000Z' } } } }),
    400: refusal('Not valid.', { type: ['invalid_input', 'invalidInput', 'An unknown type', issuesOf(RemoteViewSignalInput, { type: 'hello', data: '{}' })] }),
    401: TOKEN_INVALID,
    404: NOT_FOUND,
    409: refusal('The session is not open, or holds the most messages it may.', { notOpen: ['remote_view_not_open', 'remoteViewNotOpen'], tooMany: ['too_many_signals', 'tooManySignals'] }),
  },
}

export const remoteViews = (deps: Deps) => {
  /** The session of the path for the side the request speaks for, or the refusal. */
  const sessionOfPath = (c: Context<SessionEnv>) => remoteViewFor(deps, c.req.param('id') ?? '', c.var.viewer, bearerOf(c))
  /** A page token that opens no session (401) is a guess, counted per address; staff, who send none, are not counted. */
  // Wrong codes are checked before and counted after: codes sent at once are looked up one after another.
  const codeTries = oneAtATimePerAddress()
  const tokenGuesses = limitWrongTokens(deps.limits.wrongTokensPerAddress, 'remote-view-token', { isWrong: (res) => res.status === 401, unless: (c) => !bearerOf(c).isPresent })

  return new Hono<SessionEnv>()
    .use('*', privateNoStore)
    .post('/lookup', describe(LOOKUP), codeTries, requireJson, jsonBody(RemoteViewCodeInput), async (c) => {
      const view = await sessionForCode(deps, c.req.valid('json').code, clientAddress(c))
      if (isRefused(view)) return refusalReply(c, view, { deps, viewer: c.var.viewer })
      return c.json({ remoteView: await presentPreview(deps, view) })
    })
    .post('/consent', describe(CONSENT), codeTries, requireJson, jsonBody(RemoteViewCodeInput), async (c) => {
      const consented = await consentToRemoteView(deps, c.req.valid('json').code, clientAddress(c))
      if (isRefused(consented)) return refusalReply(c, consented, { deps, viewer: c.var.viewer })
      return c.json({ session: await presentSession(deps, consented.view, 'customer'), token: consented.token })
    })
    .get('/:id', describe(READ), tokenGuesses, async (c) => {
      const found = await sessionOfPath(c)
      if (isRefused(found)) return refusalReply(c, found, { deps, viewer: c.var.viewer })
      return c.json({ session: await presentSession(deps, found.view, found.side) })
    })
    .post('/:id/end', describe(END), tokenGuesses, async (c) => {
      const found = await sessionOfPath(c)
      if (isRefused(found)) return refusalReply(c, found, { deps, viewer: c.var.viewer })
      const ended = await endRemoteView(deps, found.view, found.side, c.var.viewer)
      if (isRefused(ended)) return refusalReply(c, ended, { deps, viewer: c.var.viewer })
      return c.json({ session: await presentSession(deps, ended, found.side) })
    })
    .get('/:id/signals', describe(READ_SIGNALS), tokenGuesses, async (c) => {
      const found = await sessionOfPath(c)
      if (isRefused(found)) return refusalReply(c, found, { deps, viewer: c.var.viewer })
      // Read after the session is found, so who is no side of it learns nothing of the rules either.
      const after = Number(c.req.query('after') ?? 0)
      if (!Number.isInteger(after) || after < 0) return apiError(c, 400, 'invalid_input', MESSAGES.invalidInput, [{ path: 'after', message: 'a whole number, 0 or more' }])
      return c.json(signalsFor(deps, found.view, found.side, after))
    })
    .post('/:id/signals', describe(SEND_SIGNAL), tokenGuesses, requireJson, jsonBody(RemoteViewSignalInput), async (c) => {
      const found = await sessionOfPath(c)
      if (isRefused(found)) return refusalReply(c, found, { deps, viewer: c.var.viewer })
      const signal = await sendSignal(deps, found, c.req.valid('json'))
      if (isRefused(signal)) return refusalReply(c, signal, { deps, viewer: c.var.viewer })
      return c.json({ signal }, 201)
    })
}
