/**
 * Remote view, after support started it on an incident: the customer's public page looks the code
 * up and consents with it; then both sides read the session, relay the WebRTC handshake and end it.
 * The customer's page speaks with the bearer token consent gave it; staff with their session.
 */
import { Hono, type Context } from 'hono'
import { z } from 'zod'
import { REMOTE_VIEW_MAX_SIGNALS, REMOTE_VIEW_TRY_WINDOW_MINUTES, REMOTE_VIEW_WRONG_TRIES, RemoteViewCodeInput, RemoteViewSignalInput } from '../domain/consent.ts'
import type { Deps } from '../deps.ts'
import { describe, only } from '../http/describe.ts'
import { MESSAGES, apiError } from '../http/errors.ts'
import { jsonBody, requireJson } from '../middleware/json-body/index.ts'
import { privateNoStore } from '../middleware/no-store/index.ts'
import { clientAddress, limitWrongTokens, oneAtATimePerAddress } from '../middleware/rate-limit/index.ts'
import type { SessionEnv } from '../middleware/session/index.ts'
import { RemoteViewPreviewReply, RemoteViewSessionReply, RemoteViewSignalReply, presentPreview, presentSession } from '../present/consent.ts'
import { CONSENT_REFUSALS, refusalReply } from '../present/consent-refusal.ts'
import { ICE_CREDENTIAL_HOURS, IceReply, iceFor } from '../services/ice.ts'
import { isRefused } from '../services/result.ts'
import { consentToRemoteView, endRemoteView, remoteViewFor, sendSignal, sessionForCode, signalsFor } from '../services/remote-view.ts'

/** The bearer token the request carries, and whether it carries an Authorization header at all. */
const bearerOf = (c: Context) => {
  const header = c.req.header('authorization')
  return { isPresent: header !== undefined, token: /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1] }
}

const SIDES: Record<string, string[]>[] = [{ cookieAuth: [] }, { remoteViewToken: [] }]
const Session = z.object({ session: RemoteViewSessionReply })
/** Either side's refusals on a session of the path. */
const OF_PATH = only(CONSENT_REFUSALS, 'remote_view_token_invalid', 'not_found')
const CODE = only(CONSENT_REFUSALS, 'code_unknown', 'code_used', 'code_expired', 'too_many_wrong_codes')

export const remoteViews = (deps: Deps) => {
  /** The session of the path for the side the request speaks for, or the refusal. */
  const sessionOfPath = (c: Context<SessionEnv>) => remoteViewFor(deps, c.req.param('id') ?? '', c.var.viewer, bearerOf(c))
  /** A page token that opens no session (401) is a guess, counted per address; staff, who send none, are not counted. */
  // Wrong codes are checked before and counted after: codes sent at once are looked up one after another.
  const codeTries = oneAtATimePerAddress()
  const tokenGuesses = limitWrongTokens(deps.limits.wrongTokensPerAddress, 'remote-view-token', { isWrong: (res) => res.status === 401, unless: (c) => !bearerOf(c).isPresent })

  return new Hono<SessionEnv>()
    .use('*', privateNoStore)
    .post('/lookup', describe('lookUpRemoteViewCode', 'Consent', 'What a code opens, before consent: who looks along, on which incident (public)', { 200: z.object({ remoteView: RemoteViewPreviewReply }) }, {
      description: `Nothing changes. After ${REMOTE_VIEW_WRONG_TRIES} wrong codes from an address in ${REMOTE_VIEW_TRY_WINDOW_MINUTES} minutes every try is 429 until the window passes.`, refuses: CODE,
    }), codeTries, requireJson, jsonBody(RemoteViewCodeInput), async (c) => {
      const view = await sessionForCode(deps, c.req.valid('json').code, clientAddress(c))
      if (isRefused(view)) return refusalReply(c, view, { deps, viewer: c.var.viewer })
      return c.json({ remoteView: await presentPreview(deps, view) })
    })
    .post('/consent', describe('consentToRemoteView', 'Consent', 'Consent with the code: the session opens, and the page gets its bearer token, once (public)', {
      200: Session.extend({ token: z.string() }),
    }, { refuses: CODE }), codeTries, requireJson, jsonBody(RemoteViewCodeInput), async (c) => {
      const consented = await consentToRemoteView(deps, c.req.valid('json').code, clientAddress(c))
      if (isRefused(consented)) return refusalReply(c, consented, { deps, viewer: c.var.viewer })
      return c.json({ session: await presentSession(deps, consented.view, 'customer'), token: consented.token })
    })
    .get('/:id', describe('getRemoteView', 'Consent', 'The session as either side sees it: staff by session, the customer\'s page by its token', { 200: Session }, { security: SIDES, refuses: OF_PATH }), tokenGuesses, async (c) => {
      const found = await sessionOfPath(c)
      if (isRefused(found)) return refusalReply(c, found, { deps, viewer: c.var.viewer })
      return c.json({ session: await presentSession(deps, found.view, found.side) })
    })
    .get('/:id/ice', describe('getRemoteViewIce', 'Consent', 'The ICE servers (TURN credentials of its own) this side\'s browser connects with', { 200: IceReply }, {
      description: `TURN credentials are made for the session and expire after ${ICE_CREDENTIAL_HOURS} hours; \`iceTransportPolicy: "relay"\` when the server allows only relayed paths.`, security: SIDES, refuses: OF_PATH,
    }), tokenGuesses, async (c) => {
      const found = await sessionOfPath(c)
      if (isRefused(found)) return refusalReply(c, found, { deps, viewer: c.var.viewer })
      return c.json(iceFor(deps.ice, found.view.id, deps.clock()))
    })
    .post('/:id/end', describe('endRemoteView', 'Consent', 'End the session, from either side', { 200: Session }, { security: SIDES, refuses: { ...OF_PATH, ...only(CONSENT_REFUSALS, 'remote_view_ended') } }), tokenGuesses, async (c) => {
      const found = await sessionOfPath(c)
      if (isRefused(found)) return refusalReply(c, found, { deps, viewer: c.var.viewer })
      const ended = await endRemoteView(deps, found.view, found.side, c.var.viewer)
      if (isRefused(ended)) return refusalReply(c, ended, { deps, viewer: c.var.viewer })
      return c.json({ session: await presentSession(deps, ended, found.side) })
    })
    .get('/:id/signals', describe('readRemoteViewSignals', 'Consent', 'The other side\'s WebRTC handshake messages after `after`, and the state', {
      200: z.object({ state: RemoteViewSessionReply.shape.state, signals: z.array(RemoteViewSignalReply), last: z.number().int().min(0) }),
    }, { security: SIDES, refuses: { ...OF_PATH, invalid_input: [400, MESSAGES.invalidInput] } }), tokenGuesses, async (c) => {
      const found = await sessionOfPath(c)
      if (isRefused(found)) return refusalReply(c, found, { deps, viewer: c.var.viewer })
      // Read after the session is found, so who is no side of it learns nothing of the rules either.
      const after = Number(c.req.query('after') ?? 0)
      if (!Number.isInteger(after) || after < 0) return apiError(c, 400, 'invalid_input', MESSAGES.invalidInput, [{ path: 'after', message: 'a whole number, 0 or more' }])
      return c.json(signalsFor(deps, found.view, found.side, after))
    })
    .post('/:id/signals', describe('sendRemoteViewSignal', 'Consent', 'Send a WebRTC handshake message to the other side, while the session is open', { 201: z.object({ signal: RemoteViewSignalReply }) }, {
      description: `At most ${REMOTE_VIEW_MAX_SIGNALS} messages a session. The picture itself goes browser to browser.`, security: SIDES,
      refuses: { ...OF_PATH, ...only(CONSENT_REFUSALS, 'remote_view_not_open', 'too_many_signals') },
    }), tokenGuesses, requireJson, jsonBody(RemoteViewSignalInput), async (c) => {
      const found = await sessionOfPath(c)
      if (isRefused(found)) return refusalReply(c, found, { deps, viewer: c.var.viewer })
      const signal = await sendSignal(deps, found, c.req.valid('json'))
      if (isRefused(signal)) return refusalReply(c, signal, { deps, viewer: c.var.viewer })
      return c.json({ signal }, 201)
    })
}
