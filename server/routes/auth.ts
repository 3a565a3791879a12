/** Signing in: contacts and staff by e-mailed link, staff also by password; sessions as cookies. */
import { randomUUID } from 'node:crypto'
import { Hono } from 'hono'
import { z } from 'zod'
import { Language } from '../domain/desk.ts'
import type { Session } from '../domain/records.ts'
import { hashToken, newToken, verifyPassword } from '../auth/tokens.ts'
import type { Deps } from '../deps.ts'
import { MESSAGES, apiError } from '../http/errors.ts'
import { jsonBody, requireJson } from '../middleware/json-body/index.ts'
import { limitByAddress } from '../middleware/rate-limit/index.ts'
import { type SessionEnv, clearSessionCookie, setSessionCookie, viewerOf } from '../middleware/session/index.ts'
import { mayFile } from '../domain/incident.ts'
import { SIGN_IN_MINUTES } from '../mail/notifier.ts'
import { signInToken } from '../services/sign-in.ts'

/** How long a session lasts: a working month for contacts, a working day for staff. */
const SESSION_DAYS = { contact: 30, staff: 1 }

/** A path on this site to land on after signing in; anything else lands on the home page. */
const SafeNext = z.string().max(300).regex(/^\/(?!\/)[\w\-./?=&%#]*$/).optional()

export const SignInLinkInput = z.strictObject({
  email: z.email().max(254).transform((e) => e.toLowerCase()),
  lang: Language.optional(),
  next: SafeNext,
})

/** The form the sign-in page posts: the token from the e-mailed link. */
export const SignInCallbackInput = z.strictObject({ token: z.string().min(20).max(100) })

export const StaffLoginInput = z.strictObject({
  email: z.email().max(254).transform((e) => e.toLowerCase()),
  password: z.string().min(1).max(200),
})

/** Starts a session for `subject` and sets its cookie. */
export async function startSession(c: Parameters<typeof setSessionCookie>[0], deps: Deps, subject: Session['subject']): Promise<void> {
  const token = newToken()
  const now = deps.clock()
  const expiresAt = new Date(now.getTime() + SESSION_DAYS[subject.kind] * 86_400_000)
  await deps.store.sessions.put({ id: randomUUID(), tokenHash: hashToken(token), subject, createdAt: now.toISOString(), expiresAt: expiresAt.toISOString() })
  setSessionCookie(c, token, expiresAt)
}

export const auth = (deps: Deps) =>
  new Hono<SessionEnv>()
    .post('/link', limitByAddress(deps.limits.signInPerAddress, 'sign-in'), requireJson, jsonBody(SignInLinkInput), async (c) => {
      const { email, lang, next } = c.req.valid('json')
      // The same answer whether or not the address is known: nobody learns who our contacts are.
      const answer = () => c.json({ status: 'check_email', message: MESSAGES.signInSent[lang ?? 'nl'] }, 202)
      if (await deps.limits.signInPerEmail.hit(email) > 0) return answer()
      const contact = await deps.store.contacts.byEmail(email)
      if (mayFile(contact)) {
        const { id, token } = await signInToken(deps, { kind: 'contact', id: contact.id }, SIGN_IN_MINUTES, next)
        await deps.notifier.signInLink({ tokenId: id, to: contact.email, lang: lang ?? contact.lang, name: contact.name, token })
        return answer()
      }
      const staff = await deps.store.staff.byEmail(email)
      if (staff?.isActive) {
        const { id, token } = await signInToken(deps, { kind: 'staff', id: staff.id }, SIGN_IN_MINUTES, next)
        await deps.notifier.signInLink({ tokenId: id, to: staff.email, lang: lang ?? 'nl', name: staff.name, token })
      }
      return answer()
    })
    // The e-mailed link opens a page with one button: mail scanners that open links (common in
    // company mailboxes) would otherwise use up the single-use token before the person clicks.
    .get('/callback', (c) => c.html(signInPage(c.req.query('token') ?? '')))
    .post('/callback', async (c) => {
      // A form post from another site could sign a visitor in as someone else: same origin only.
      const origin = c.req.header('origin')
      if (origin && origin !== new URL(c.req.url).origin) return c.html(expiredPage(), 403)
      const form = SignInCallbackInput.safeParse(await c.req.parseBody().catch(() => ({})))
      const found = form.success ? await deps.store.signInTokens.take(hashToken(form.data.token), deps.clock()) : undefined
      if (!found) return c.html(expiredPage(), 400)
      if (!(await viewerOf(deps.store, found.subject, found.id))) return c.html(expiredPage(), 403)
      await startSession(c, deps, found.subject)
      return c.redirect(found.next ?? '/', 303)
    })
    .post('/staff', limitByAddress(deps.limits.signInPerAddress, 'staff-login'), requireJson, jsonBody(StaffLoginInput), async (c) => {
      const { email, password } = c.req.valid('json')
      const staff = await deps.store.staff.byEmail(email)
      if (!staff?.isActive || !(await verifyPassword(password, staff.passwordHash))) {
        return apiError(c, 401, 'wrong_credentials', MESSAGES.wrongPassword)
      }
      await startSession(c, deps, { kind: 'staff', id: staff.id })
      return c.json({ id: staff.id, name: staff.name, role: staff.role, teams: staff.teams })
    })
    .post('/logout', async (c) => {
      const viewer = c.get('viewer')
      if (viewer.kind !== 'anonymous') await deps.store.sessions.delete(viewer.sessionId)
      clearSessionCookie(c)
      return c.body(null, 204)
    })
    .get('/me', (c) => {
      const viewer = c.get('viewer')
      if (viewer.kind === 'contact') {
        const { id, name, email, role, organisationId, lang } = viewer.contact
        return c.json({ kind: 'contact' as const, id, name, email, role, organisationId, lang })
      }
      if (viewer.kind === 'staff') {
        const { id, name, email, role, teams } = viewer.staff
        return c.json({ kind: 'staff' as const, id, name, email, role, teams })
      }
      return apiError(c, 401, 'sign_in_required', MESSAGES.signInRequired)
    })

const PAGE_STYLE = 'font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5'

/** The page a sign-in link opens: one button that signs in, in Dutch and English. */
function signInPage(token: string): string {
  const safe = token.replace(/[^\w-]/g, '')
  return `<!doctype html><html lang="nl"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Inloggen · Sign in</title>
<body style="${PAGE_STYLE}"><h1>Inloggen bij Noordwind Support</h1><p>Klik op de knop om in te loggen. <span lang="en">Click the button to sign in.</span></p>
<form method="post" action="/api/auth/callback"><input type="hidden" name="token" value="${safe}"><button type="submit" style="font:inherit;padding:.5rem 1rem">Inloggen · <span lang="en">Sign in</span></button></form></body></html>`
}

/** A link that was used, expired or withdrawn: said plainly in both languages, with a way on. */
function expiredPage(): string {
  return `<!doctype html><html lang="nl"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Link verlopen · Link expired</title>
<body style="${PAGE_STYLE}">
<h1>Deze link werkt niet meer</h1><p>${MESSAGES.tokenInvalid.nl}</p><p><a href="/">Naar de kennisbank</a></p>
<h2 lang="en">This link no longer works</h2><p lang="en">${MESSAGES.tokenInvalid.en}</p><p lang="en"><a href="/en/">To the knowledge base</a></p></body></html>`
}
