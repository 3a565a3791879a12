/** Who is calling: the session cookie resolved to an active contact or staff member, or nobody. */
import type { Context, MiddlewareHandler } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { mayFile } from '#domain/incident.ts'
import type { Contact, Session, Staff } from '#domain/records.ts'
import { hashToken } from '../../auth/tokens.ts'
import { withReplies, type GuardReply } from '../../http/describe.ts'
import { MESSAGES, apiError } from '../../http/errors.ts'
import type { SessionWithSubject, Store } from '../../store/store.ts'

export const SESSION_COOKIE = 'loket_session'

export type Viewer =
  | { kind: 'contact'; contact: Contact; sessionId: string }
  | { kind: 'staff'; staff: Staff; sessionId: string }
  | { kind: 'anonymous' }

export type SessionEnv = { Variables: { viewer: Viewer } }

/**
 * Resolves the cookie on every request, so a deactivated contact or one whose authorisation was
 * withdrawn is signed out at once, whatever their cookie says.
 */
export function session(deps: { store: Store; clock: () => Date }): MiddlewareHandler<SessionEnv> {
  return async (c, next) => {
    c.set('viewer', await resolve(c, deps))
    await next()
  }
}

async function resolve(c: Context, deps: { store: Store; clock: () => Date }): Promise<Viewer> {
  const token = getCookie(c, SESSION_COOKIE)
  if (!token) return { kind: 'anonymous' }
  // The session and whom it signs in, in one read.
  const found = await deps.store.sessions.withSubject(hashToken(token))
  if (!found || new Date(found.session.expiresAt) <= deps.clock()) return { kind: 'anonymous' }
  return admitted(found, found.session.id) ?? { kind: 'anonymous' }
}

/**
 * The contact or staff member behind a session or sign-in link, if they may still enter: a
 * contact while authorised and active (mayFile), staff while active.
 */
export async function viewerOf(store: Store, subject: Session['subject'], sessionId: string): Promise<Exclude<Viewer, { kind: 'anonymous' }> | undefined> {
  return admitted(subject.kind === 'contact' ? { contact: await store.contacts.get(subject.id) } : { staff: await store.staff.get(subject.id) }, sessionId)
}

/** The viewer a contact or staff member record makes, if they may still enter (see viewerOf). */
function admitted(record: Pick<SessionWithSubject, 'contact' | 'staff'>, sessionId: string): Exclude<Viewer, { kind: 'anonymous' }> | undefined {
  if (record.contact !== undefined || !record.staff) return mayFile(record.contact) ? { kind: 'contact', contact: record.contact, sessionId } : undefined
  return record.staff.isActive ? { kind: 'staff', staff: record.staff, sessionId } : undefined
}

/**
 * Sets the session cookie: HttpOnly, SameSite=Lax, and Secure when the site's public address
 * (BASE_URL) is https. Never from the request: behind a TLS proxy the request arrives over http,
 * and a forged X-Forwarded-Proto must not decide it either.
 */
export function setSessionCookie(c: Context, token: string, expiresAt: Date, baseUrl: string): void {
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure: isHttpsUrl(baseUrl), path: '/', expires: expiresAt })
}

/** Whether `url` (BASE_URL) is served over https. */
export const isHttpsUrl = (url: string): boolean => new URL(url).protocol === 'https:'

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' })
}

/** After requireSignedIn: the caller, a contact or staff member. */
export type SignedInEnv = { Variables: { viewer: Viewer; signedIn: SignedIn } }
/** After requireContact or requireAdmin: the signed-in contact as `c.var.contact`. */
export type ContactEnv = { Variables: { viewer: Viewer; contact: Contact } }
/** After requireStaff: the signed-in staff member as `c.var.staff`. */
export type StaffEnv = { Variables: { viewer: Viewer; staff: Staff } }
/** A viewer who is signed in. */
export type SignedIn = Exclude<Viewer, { kind: 'anonymous' }>

const signInRequired: GuardReply = { status: 401, response: 'SignInRequired' }

/** 401 for nobody: a contact or staff member, as `c.var.signedIn`. */
export const requireSignedIn = withReplies<MiddlewareHandler<SignedInEnv>>(async (c, next) => {
  const viewer = c.get('viewer')
  if (viewer.kind === 'anonymous') return apiError(c, 401, 'sign_in_required', MESSAGES.signInRequired)
  c.set('signedIn', viewer)
  await next()
}, [signInRequired])

/** 401 for nobody, 403 for staff (they have the console): a customer's contact, as `c.var.contact`. */
export const requireContact = withReplies<MiddlewareHandler<ContactEnv>>(async (c, next) => {
  const viewer = c.get('viewer')
  if (viewer.kind === 'anonymous') return apiError(c, 401, 'sign_in_required', MESSAGES.signInRequired)
  if (viewer.kind !== 'contact') return apiError(c, 403, 'contacts_only', MESSAGES.contactsOnly)
  c.set('contact', viewer.contact)
  await next()
}, [signInRequired, { status: 403, response: 'ContactsOnly' }])

/** As requireContact, and 403 for an employee: the organisation's admin, as `c.var.contact`. */
export const requireAdmin = withReplies<MiddlewareHandler<ContactEnv>>(async (c, next) => {
  const viewer = c.get('viewer')
  if (viewer.kind === 'anonymous') return apiError(c, 401, 'sign_in_required', MESSAGES.signInRequired)
  if (viewer.kind !== 'contact') return apiError(c, 403, 'contacts_only', MESSAGES.contactsOnly)
  if (viewer.contact.role !== 'admin') return apiError(c, 403, 'admin_only', MESSAGES.adminOnly)
  c.set('contact', viewer.contact)
  await next()
}, [signInRequired, { status: 403, response: 'ContactsOnly' }, { status: 403, response: 'AdminOnly' }])

/** 401 for nobody, 403 for a contact: staff only, as `c.var.staff`. */
export const requireStaff = withReplies<MiddlewareHandler<StaffEnv>>(async (c, next) => {
  const viewer = c.get('viewer')
  if (viewer.kind === 'anonymous') return apiError(c, 401, 'sign_in_required', MESSAGES.signInRequired)
  if (viewer.kind !== 'staff') return apiError(c, 403, 'staff_only', MESSAGES.staffOnly)
  c.set('staff', viewer.staff)
  await next()
}, [signInRequired, { status: 403, response: 'StaffOnly' }])
