/** Signing in: contacts and staff by e-mailed link, staff also by password; sessions as cookies. */
import { randomUUID } from 'node:crypto'
import { Hono, type Context } from 'hono'
import type { Session } from '../domain/records.ts'
import { dummyPasswordHash, hashToken, newToken } from '../auth/tokens.ts'
import type { Deps } from '../deps.ts'
import { resolver } from 'hono-openapi'
import { describe, htmlReply } from '../http/describe.ts'
import { MESSAGES } from '../http/errors.ts'
import { localPath } from '../http/local-path.ts'
import { jsonBody, requireJson } from '../middleware/json-body/index.ts'
import { limitByAddress, limitWrongTokens } from '../middleware/rate-limit/index.ts'
import { isSameOrigin } from '../middleware/same-origin/index.ts'
import { type SessionEnv, clearSessionCookie, requireSignedIn, setSessionCookie } from '../middleware/session/index.ts'
import { pageLanguage, signInExpiredPage, signInPage, signInRefusedPage, tooManyTriesPage } from '../present/pages.ts'
import { SignInLinkReply, presentSignInRequested } from '../present/sign-in.ts'
import { Me, StaffSignedIn, Visitor, presentMe, presentStaffSignedIn, presentVisitor } from '../present/viewer.ts'
import { isRefused, refuse } from '../services/result.ts'
import { SignInCallbackInput, SignInLinkInput, StaffLoginInput, checkStaffPassword, sendSignInLink, takeSignInLink } from '../services/sign-in.ts'

/** How long a session lasts: a working month for contacts, a working day for staff. */
const SESSION_DAYS = { contact: 30, staff: 1 }

/** Starts a session for `subject` and sets its cookie. */
export async function startSession(c: Parameters<typeof setSessionCookie>[0], deps: Deps, subject: Session['subject']): Promise<void> {
  const token = newToken()
  const now = deps.clock()
  const expiresAt = new Date(now.getTime() + SESSION_DAYS[subject.kind] * 86_400_000)
  await deps.store.sessions.put({ id: randomUUID(), tokenHash: hashToken(token), subject, createdAt: now.toISOString(), expiresAt: expiresAt.toISOString() })
  setSessionCookie(c, token, expiresAt, deps.baseUrl)
}

export const auth = (deps: Deps) => {
  /** A landing page's language and desk: the `lang` the e-mailed link carries, kept by the page's form. */
  const pageOf = (c: Context) => ({ lang: pageLanguage(c.req.query('lang')), desk: deps.desk })
  // Made now, so that not even the first sign-in of an unknown address waits for it.
  void dummyPasswordHash()
  return new Hono<SessionEnv>()
    .post('/link', describe('requestSignInLink', 'Sign-in', 'E-mail a single-use sign-in link', { 202: SignInLinkReply }, {
      description: 'The same 202 whether or not the address is known. A known contact who may not sign in (not authorised, deactivated) is mailed why and whom to ask, with no link. After 3 requests for one address in 10 minutes, known or not, no e-mail goes and the reply says from when a new link can be asked (`nextLinkAt`).',
    }), limitByAddress(deps.limits.signInPerAddress, 'sign-in'), requireJson, jsonBody(SignInLinkInput), async (c) => {
      const input = c.req.valid('json')
      const requested = await sendSignInLink(deps, input)
      // The same answer whether or not the address is known: nobody learns who our contacts are.
      return c.json(presentSignInRequested(requested, input.lang ?? 'nl', deps.desk.timeZone), 202)
    })
    // The e-mailed link opens a page with one button: mail scanners that open links (common in
    // company mailboxes) would otherwise use up the single-use token before the person clicks.
    .get('/callback', describe('signInPage', 'Sign-in', 'The e-mailed link: a page with one button that posts the token, in the link\'s `lang` (default Dutch)', { 200: htmlReply('The page.') }), (c) => {
      const page = pageOf(c)
      return c.html(signInPage(c.req.query('token') ?? '', page, deps.desk.name[page.lang]))
    })
    .post('/callback', describe('signInCallback', 'Sign-in', 'Sign in with the token from the link: a session cookie and a redirect to `next`', {
      303: { description: 'Signed in.', headers: { Location: { schema: { type: 'string' } }, 'Set-Cookie': { description: 'The session cookie.', schema: { type: 'string' } } } },
      400: htmlReply('The link is unknown, used or expired: the way to the sign-in page.'), 403: htmlReply('Posted from another site, or the person may no longer sign in.'),
    }, { requestBody: { required: true, content: { 'application/x-www-form-urlencoded': { schema: resolver(SignInCallbackInput) } } } }),
    // An unknown, used or expired token (400) is a guess: counted per address, as wrong remote-view codes are.
    limitWrongTokens(deps.limits.wrongTokensPerAddress, 'sign-in-token', { isWrong: (res) => res.status === 400, page: (wait, c) => tooManyTriesPage(wait, pageOf(c)) }), async (c) => {
      // A form post from another site could sign a visitor in as someone else: same origin only, decided
      // as for every signed-in change (by host, not scheme: behind a TLS proxy the request arrives over http).
      const isOwn = isSameOrigin({ secFetchSite: c.req.header('sec-fetch-site'), origin: c.req.header('origin'), host: c.req.header('host') ?? new URL(c.req.url).host })
      if (!isOwn) return c.html(signInExpiredPage(pageOf(c)), 403)
      const form = SignInCallbackInput.safeParse(await c.req.parseBody().catch(() => ({})))
      const outcome = await takeSignInLink(deps, form.success ? form.data.token : undefined)
      if (isRefused(outcome)) return outcome.refused === 'token_invalid' ? c.html(signInExpiredPage(pageOf(c)), 400) : c.html(signInRefusedPage(pageOf(c)), 403)
      await startSession(c, deps, outcome.subject)
      // `next` was checked when the link was made; made local again, as every redirect is.
      return c.redirect(localPath(outcome.next), 303)
    })
    .post('/staff', describe('staffSignIn', 'Sign-in', 'Staff sign in with a password', { 200: StaffSignedIn }, { refuses: { wrong_credentials: [401, MESSAGES.wrongPassword] } }), limitByAddress(deps.limits.signInPerAddress, 'staff-login'), requireJson, jsonBody(StaffLoginInput), async (c) => {
      const outcome = await checkStaffPassword(deps, c.req.valid('json'))
      if (isRefused(outcome)) return refuse(c, outcome, { wrong_credentials: [401, MESSAGES.wrongPassword] })
      await startSession(c, deps, { kind: 'staff', id: outcome.staff.id })
      return c.json(presentStaffSignedIn(outcome.staff))
    })
    .post('/logout', describe('signOut', 'Sign-in', 'Sign out: ends the session, if any, and clears the cookie', { 204: { description: 'Signed out.' } }), async (c) => {
      const viewer = c.get('viewer')
      if (viewer.kind !== 'anonymous') await deps.store.sessions.delete(viewer.sessionId)
      clearSessionCookie(c)
      return c.body(null, 204)
    })
    .get('/me', describe('getMe', 'Sign-in', 'Who is signed in', { 200: Me }, {
      description: 'Answers 401 `sign_in_required` when nobody is: a page that asks before it knows uses GET /api/auth/session.',
    }), requireSignedIn, (c) => c.json(presentMe(c.var.signedIn)))
    .get('/session', describe('getSession', 'Sign-in', 'Who is signed in, if anyone: 200 either way', { 200: Visitor }, {
      description: 'For a page that must learn whether anyone is signed in before it shows a sign-in form: nobody signed in (no cookie, or a session that ran out or was ended) is `{ "kind": "anonymous" }` with 200, not a 401 a browser would log as an error.',
    }), (c) => {
      // Whose it is depends on the cookie: never kept by a shared cache.
      c.header('Cache-Control', 'private, no-store')
      return c.json(presentVisitor(c.get('viewer')))
    })
}
