/** Extra support outside business hours: an authorised contact asks for a window, staff approve or decline it. */
import { randomUUID } from 'node:crypto'
import { earliestExtraSupportStart, extraSupportRefusal, isBilledAfterwards } from '../domain/consent.ts'
import type { ExtraSupportRequest, Staff } from '../domain/records.ts'
import type { Viewer } from '../middleware/session/index.ts'
import { extraSupportPolicy } from '../policies/extra-support.ts'
import { audit, changeConsent, findConsent, refusalOf, type ConsentDeps, type Outcome } from './consents.ts'

/** The window asked for, and why. */
export interface ExtraSupportWindow { startsAt: Date; endsAt: Date; reason: string }

/** A contact asks for support in a window outside business hours, at least five days ahead; billed afterwards unless First Class. */
export async function requestExtraSupport(deps: ConsentDeps, viewer: Viewer, { startsAt, endsAt, reason }: ExtraSupportWindow): Promise<Outcome<ExtraSupportRequest>> {
  const refusal = refusalOf(extraSupportPolicy.request(viewer))
  if (refusal) return refusal
  if (viewer.kind !== 'contact') return { refused: 'contacts_only' }
  const at = deps.clock()
  const problem = extraSupportRefusal({ startsAt, endsAt }, at, deps.calendar)
  if (problem === 'too_soon') {
    const earliest = earliestExtraSupportStart(at)
    return { refused: 'too_soon', earliestStart: earliest, fields: [{ path: 'startsAt', message: `at or after ${earliest.toISOString()}` }] }
  }
  if (problem === 'window_too_long') return { refused: problem, fields: [{ path: 'endsAt', message: 'at most 72 hours after startsAt' }] }
  if (problem === 'within_business_hours') return { refused: problem, fields: [{ path: 'startsAt', message: 'the window lies wholly within business hours' }] }
  const { contact } = viewer
  const organisation = await deps.store.organisations.get(contact.organisationId)
  const request = await deps.store.consents.create<ExtraSupportRequest>({
    kind: 'extra_support', id: randomUUID(), organisationId: contact.organisationId, contactId: contact.id,
    startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), reason, status: 'requested', isBilled: isBilledAfterwards(organisation),
    decidedBy: null, decidedAt: null, decisionNote: null, createdAt: at.toISOString(), updatedAt: at.toISOString(),
  })
  await audit(deps, `contact:${contact.id}`, 'extra_support.requested', request, { startsAt: request.startsAt, endsAt: request.endsAt })
  return request
}

/** Staff approve or decline a request that is still open, against the version they saw; the requester is mailed. */
export async function decideExtraSupport(deps: ConsentDeps, staff: Staff, id: string, { decision, note, version }: { decision: 'approve' | 'decline'; note?: string | undefined; version: number }): Promise<Outcome<ExtraSupportRequest>> {
  const found = await findConsent(deps, 'extra_support', id)
  if (!found) return { refused: 'not_found' }
  const request = found.record
  if (request.status !== 'requested') return { refused: 'move_refused', fields: [{ path: 'decision', message: `the request is ${request.status} already` }] }
  const at = deps.clock().toISOString()
  const status = decision === 'approve' ? 'approved' as const : 'declined' as const
  const by = `staff:${staff.id}`
  const decided = await changeConsent(deps, request, version, (r) => ({ ...r, status, decidedBy: by, decidedAt: at, decisionNote: note || null, updatedAt: at }))
  if ('refused' in decided) return decided
  await audit(deps, by, `extra_support.${status}`, decided, note ? { note } : {})
  const contact = await deps.store.contacts.get(decided.contactId)
  if (contact) await deps.notifier.extraSupportDecided({ request: decided, contact })
  return decided
}
