/** Registering an incident: at once for a signed-in contact, by a confirmation e-mail from the widget, and confirming it. */
import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import { hashToken, newToken } from '../auth/tokens.ts'
import { IncidentInput, mayFile, newIncident, productAreaIssue } from '../domain/incident.ts'
import type { Language } from '../domain/desk.ts'
import type { Contact, Incident } from '../domain/records.ts'
import { MIN_FILL_MS, isTooQuick } from '../domain/fill-time.ts'
import { mailboxKey } from '../domain/mailbox.ts'
import { cleanSubject } from '../domain/names.ts'
import { CONFIRM_HOURS } from '../mail/notifier.ts'
import { runningNotice } from './desk-notice.ts'
import { incidentEvents, type IncidentDeps } from './incident-events.ts'
import { refusal, type Outcome } from './result.ts'

type Input = z.output<typeof IncidentInput>

/** The product area must be one of desk.yaml's: the schema cannot know them. */
export function checkProductArea(deps: Pick<IncidentDeps, 'desk'>, input: Input) {
  const issue = productAreaIssue(deps.desk, input.productArea)
  return issue ? refusal('invalid_input', [{ path: 'productArea', message: issue }]) : undefined
}

/** Who registers an incident for its contact during a phone call: the staff member's actor ("staff:<id>"). */
export interface ByPhone { channel: 'phone'; by: string }

/**
 * Registers the incident for `contact` at once: audit entry and registration mail with a tracking
 * link. `byPhone`: support registers it during a call, and the audit names the staff member.
 */
export async function registerIncident(deps: IncidentDeps, contact: Contact, input: Input, byPhone?: ByPhone): Promise<Incident> {
  const { audit, trackToken } = incidentEvents(deps)
  // In exceptional busyness the customer is told at once, in the mail with the number. Read
  // before the first write: then it needs no turn in the transaction.
  const notice = runningNotice(deps)
  notice.catch(() => undefined) // awaited below; a failure is the request's once the incident is written
  const incident = await deps.store.incidents.create(newIncident(input, { contact, desk: deps.desk, now: deps.clock(), ...byPhone }))
  deps.metrics?.registrations.inc()
  // Independent records: written side by side, they share the store's flushes.
  await Promise.all([
    audit(byPhone?.by ?? `contact:${contact.id}`, 'incident.registered', incident, { team: incident.team, ...(byPhone ? { channel: byPhone.channel } : {}) }),
    Promise.all([trackToken(incident, contact), notice])
      .then(([token, running]) => deps.notifier.incidentRegistered({ incident, contact, trackToken: token, busyNotice: running?.text[contact.lang] })),
  ])
  return incident
}

/**
 * A registration from the widget: an authorised contact gets a confirmation link, anyone else an
 * e-mail saying why not; the caller learns nothing either way. A filled honeypot, or a form sent
 * faster than a person can fill it in, does nothing. One mail per mailbox per window: `+tags` and
 * case do not make a new address for the limit.
 */
export async function requestRegistration(deps: IncidentDeps, input: Input): Promise<Outcome<{ isSent: boolean }, 'rate_limited'>> {
  // A bot filled the field people never see, or was quicker than anyone types: it gets the usual
  // answer, and nothing happens (not even a count against the address it gave).
  if (input.website || isTooQuick(input.fillMs, MIN_FILL_MS.incident)) return { isSent: false }
  const wait = await deps.limits.registrationsPerEmail.hit(mailboxKey(input.email))
  if (wait > 0) return { ...refusal('rate_limited'), retryAfterSeconds: wait }
  const contact = await deps.store.contacts.byEmail(input.email)
  const eventId = randomUUID()
  if (mayFile(contact)) {
    const token = newToken()
    const now = deps.clock()
    const { website: _honeypot, fillMs: _fillMs, ...kept } = input
    await deps.store.registrations.put({
      id: eventId, tokenHash: hashToken(token), contactId: contact.id, input: kept,
      createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + CONFIRM_HOURS * 3_600_000).toISOString(),
    })
    await deps.notifier.confirmRegistration({ registrationId: eventId, to: input.email, lang: input.lang, name: input.name, subject: input.subject, token })
  } else {
    await deps.notifier.notAuthorised({ eventId, to: input.email, lang: input.lang, name: input.name })
  }
  return { isSent: true }
}

/** What a confirmation link led to: the incident, its contact and the mail's language; `isAlreadyConfirmed` when the link had been used for it before. */
export interface Confirmed {
  incident: Incident
  contact: Contact
  lang: Language
  isAlreadyConfirmed: boolean
}

/** The audit target that remembers which incident a confirmation token made: its hash, so the link used again finds the incident. */
const confirmedTarget = (tokenHash: string) => `registration:${tokenHash}`

/**
 * Confirms a registration by its e-mailed token (once), if the contact is still authorised. The
 * same link used again leads to the incident it registered (never "ask for a new link", which
 * would invite a duplicate); an unknown or expired one is refused.
 */
export async function confirmRegistration(deps: IncidentDeps, token: string | undefined): Promise<Outcome<Confirmed, 'token_invalid' | 'not_authorised'>> {
  const tokenHash = token ? hashToken(token) : undefined
  const registration = tokenHash ? await deps.store.registrations.take(tokenHash, deps.clock()) : undefined
  if (!tokenHash || !registration) return (tokenHash ? await confirmedBefore(deps, tokenHash) : undefined) ?? refusal('token_invalid')
  const contact = await deps.store.contacts.get(registration.contactId)
  // Authorisation may have been withdrawn between the submission and the click.
  if (!mayFile(contact)) return refusal('not_authorised')
  // Validated when it was sent, and parsed again for defaults. One sent before a rule grew
  // stricter (a name or subject refused now) is still honoured: its sender was told to confirm.
  const parsed = IncidentInput.safeParse(registration.input)
  const input = parsed.success ? parsed.data : { ...registration.input, subject: cleanSubject(registration.input.subject) }
  const incident = await registerIncident(deps, contact, input)
  await deps.store.audit.append({
    id: randomUUID(), at: deps.clock().toISOString(), actor: `contact:${contact.id}`, action: 'registration.confirmed',
    target: confirmedTarget(tokenHash), details: { incidentId: incident.id, registrationId: registration.id, lang: registration.input.lang },
  })
  return { incident, contact, lang: registration.input.lang, isAlreadyConfirmed: false }
}

/** The incident a used confirmation token registered, if it did and both it and its contact still exist. */
async function confirmedBefore(deps: IncidentDeps, tokenHash: string): Promise<Confirmed | undefined> {
  const entry = (await deps.store.audit.listFor(confirmedTarget(tokenHash))).find((e) => e.action === 'registration.confirmed')
  const incidentId = entry?.details?.incidentId
  const incident = typeof incidentId === 'string' ? await deps.store.incidents.get(incidentId) : undefined
  const contact = incident ? await deps.store.contacts.get(incident.contactId) : undefined
  if (!incident || !contact) return undefined
  const lang = entry?.details?.lang === 'en' || entry?.details?.lang === 'nl' ? entry.details.lang : contact.lang
  return { incident, contact, lang, isAlreadyConfirmed: true }
}
