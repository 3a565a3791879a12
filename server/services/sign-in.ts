/** Signing in: the single-use links e-mailed to contacts and staff (also inside tracking links), and staff passwords. */
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { Language } from '../domain/desk.ts'
import { dummyPasswordHash, hashToken, newToken, verifyPassword } from '../auth/tokens.ts'
import { FillTime, MIN_FILL_MS, isTooQuick } from '../domain/fill-time.ts'
import { mayFile } from '../domain/incident.ts'
import { mailboxKey } from '../domain/mailbox.ts'
import { adminsToAsk } from '../domain/organisation.ts'
import type { Contact, Session, Staff } from '../domain/records.ts'
import type { Deps } from '../deps.ts'
import { SIGN_IN_MINUTES } from '../mail/notifier.ts'
import { viewerOf } from '../middleware/session/index.ts'
import { refusal, type Outcome } from './result.ts'

/** Creates a single-use sign-in token, valid `minutes`, landing on `next`. Returns the token for the e-mail. */
export async function signInToken(deps: Pick<Deps, 'store' | 'clock'>, subject: Session['subject'], minutes: number, next?: string): Promise<{ id: string; token: string }> {
  const token = newToken()
  const id = randomUUID()
  const expiresAt = new Date(deps.clock().getTime() + minutes * 60_000).toISOString()
  await deps.store.signInTokens.put({ id, tokenHash: hashToken(token), subject, ...(next ? { next } : {}), expiresAt })
  return { id, token }
}

/** A path on this site to land on after signing in; anything else lands on the home page. */
const SafeNext = z.string().max(300).regex(/^\/(?!\/)[\w\-./?=&%#]*$/).optional()

/** Who asks for a sign-in link, and where it should land. */
export const SignInLinkInput = z.strictObject({
  email: z.email().max(254).transform((e) => e.toLowerCase()),
  lang: Language.optional().meta({ description: 'Language of the e-mail; default the contact\'s own.' }),
  next: SafeNext.meta({ description: 'A path on this site to land on after signing in; default the home page.' }),
  /** How long the sign-in form was open, in milliseconds; default none (not checked). */
  fillMs: FillTime.optional(),
}).meta({ id: 'SignInLinkInput', title: 'SignInLinkInput', description: 'Who asks for a sign-in link, and where it should land.' })

/** The form the sign-in page posts: the token from the e-mailed link. */
export const SignInCallbackInput = z.strictObject({ token: z.string().min(20).max(100).meta({ description: 'The token from the link.' }) })
  .meta({ id: 'SignInCallbackInput', title: 'SignInCallbackInput', description: 'The token from the sign-in e-mail, posted by the sign-in page.' })

/** A staff member's address and password. */
export const StaffLoginInput = z.strictObject({
  email: z.email().max(254).transform((e) => e.toLowerCase()),
  password: z.string().min(1).max(200),
}).meta({ id: 'StaffLoginInput', title: 'StaffLoginInput', description: 'A staff member\'s address and password.' })

/** What a sign-in request did, as far as the caller may learn it: nothing about whether the address is known. */
export interface SignInRequested {
  /** Set when this address (known or not) asked too often: no mail went, and a new link can be asked from then. */
  nextLinkAt?: Date
}

/**
 * E-mails a sign-in link to an active authorised contact or active staff member with this address;
 * a known contact who may not sign in (not authorised, deactivated) gets a mail saying why and whom
 * to ask instead; nothing for anyone else, nor past the per-address limit (counted per mailbox:
 * `+tags` and case do not make a new address), nor for a form sent faster than a person fills it
 * in. The caller answers the same either way, except past the limit, which is counted for every
 * address alike and so tells nothing either.
 */
export async function sendSignInLink(deps: Pick<Deps, 'store' | 'clock' | 'notifier' | 'limits'>, { email, lang, next, fillMs }: z.output<typeof SignInLinkInput>): Promise<SignInRequested> {
  if (isTooQuick(fillMs, MIN_FILL_MS.signIn)) return {}
  const nextLinkAt = await deps.limits.signInPerEmail.hitUntil(mailboxKey(email))
  if (nextLinkAt) return { nextLinkAt }
  const contact = await deps.store.contacts.byEmail(email)
  if (mayFile(contact)) {
    const { id, token } = await signInToken(deps, { kind: 'contact', id: contact.id }, SIGN_IN_MINUTES, next)
    await deps.notifier.signInLink({ tokenId: id, to: contact.email, lang: lang ?? contact.lang, name: contact.name, token })
    return {}
  }
  // Known, but not authorised or deactivated: told why, and whom to ask. (mayFile's guard would
  // narrow `contact` to undefined here, though a contact it turns down is still a contact.)
  const known = contact as Contact | undefined
  if (known) {
    await tellWhyNot(deps, known, lang ?? known.lang)
    return {}
  }
  const staff = await deps.store.staff.byEmail(email)
  if (staff?.isActive) {
    const { id, token } = await signInToken(deps, { kind: 'staff', id: staff.id }, SIGN_IN_MINUTES, next)
    await deps.notifier.signInLink({ tokenId: id, to: staff.email, lang: lang ?? 'nl', name: staff.name, token })
  }
  return {}
}

/** Mails a contact who may not sign in why not, naming their organisation's active, authorised admins (none: the desk). */
async function tellWhyNot(deps: Pick<Deps, 'store' | 'notifier'>, contact: Contact, lang: Language): Promise<void> {
  const [organisation, colleagues] = await Promise.all([deps.store.organisations.get(contact.organisationId), deps.store.contacts.listByOrganisation(contact.organisationId)])
  await deps.notifier.signInRefused({ eventId: randomUUID(), contact, lang, organisation: { name: organisation?.name ?? '' }, admins: adminsToAsk(colleagues, contact.id) })
}

/** Takes a sign-in link's token (once): who it signs in and where to, if they may still enter. */
export async function takeSignInLink(deps: Pick<Deps, 'store' | 'clock'>, token: string | undefined): Promise<Outcome<{ subject: Session['subject']; next: string }, 'token_invalid' | 'not_authorised'>> {
  const found = token ? await deps.store.signInTokens.take(hashToken(token), deps.clock()) : undefined
  if (!found) return refusal('token_invalid')
  if (!(await viewerOf(deps.store, found.subject, found.id))) return refusal('not_authorised')
  return { subject: found.subject, next: found.next ?? '/' }
}

/**
 * A staff member by address and password, if active; a wrong part is not said, nor shown by the
 * time it takes: an unknown or inactive address is hashed against a dummy, as long as a real check.
 */
export async function checkStaffPassword(deps: Pick<Deps, 'store'>, { email, password }: z.output<typeof StaffLoginInput>): Promise<Outcome<{ staff: Staff }, 'wrong_credentials'>> {
  const staff = await deps.store.staff.byEmail(email)
  const isKnown = staff?.isActive === true && staff.passwordHash !== undefined
  const isRight = await verifyPassword(password, isKnown ? staff.passwordHash : await dummyPasswordHash())
  if (!isKnown || !isRight) return refusal('wrong_credentials')
  return { staff }
}
