/** Temporary access grants: the organisation's admin gives and revokes them; staff check one at every use. */
import { randomUUID } from 'node:crypto'
import { GRANT_MAX_DAYS, isGrantActive, isGrantEndAllowed, latestGrantEnd } from '../domain/consent.ts'
import type { AccessGrant, AccessLevel, Staff } from '../domain/records.ts'
import type { Viewer } from '../middleware/session/index.ts'
import { grantPolicy } from '../policies/grant.ts'
import { audit, changeConsent, findConsent, refusalOf, type ConsentDeps, type Outcome } from './consents.ts'

/** The admin gives support access of `level` to the environment until `endsAt`, for an open incident of theirs. */
export async function giveGrant(deps: ConsentDeps, viewer: Viewer, incidentId: string, { level, endsAt }: { level: AccessLevel; endsAt: Date }): Promise<Outcome<AccessGrant>> {
  if (viewer.kind === 'anonymous') return { refused: 'sign_in_required' }
  if (viewer.kind !== 'contact') return { refused: 'contacts_only' }
  const incident = await deps.store.incidents.get(incidentId)
  if (!incident) return { refused: 'not_found' }
  // A contact who may not see the incident learns nothing of it: not_found, as for a missing one.
  const refusal = refusalOf(grantPolicy.give(viewer, incident))
  if (refusal) return refusal
  if (incident.status === 'awaiting_confirmation' || incident.status === 'closed') return { refused: 'incident_not_open' }
  const at = deps.clock()
  if (!isGrantEndAllowed(endsAt, at)) {
    return { refused: 'grant_end_out_of_range', fields: [{ path: 'endsAt', message: `after now and at most ${GRANT_MAX_DAYS} days ahead (${latestGrantEnd(at).toISOString()})` }] }
  }
  const by = `contact:${viewer.contact.id}`
  const grant = await deps.store.consents.create<AccessGrant>({
    kind: 'grant', id: randomUUID(), organisationId: incident.organisationId, incidentId: incident.id, level, grantedBy: by,
    endsAt: endsAt.toISOString(), revokedAt: null, revokedBy: null, createdAt: at.toISOString(), updatedAt: at.toISOString(),
  })
  await audit(deps, by, 'grant.given', grant, { level, endsAt: grant.endsAt })
  return grant
}

/** The admin revokes an active grant, against the version they saw. */
export async function revokeGrant(deps: ConsentDeps, viewer: Viewer, id: string, version: number): Promise<Outcome<AccessGrant>> {
  const found = await findConsent(deps, 'grant', id)
  if (!found) return { refused: viewer.kind === 'anonymous' ? 'sign_in_required' : 'not_found' }
  const refusal = refusalOf(grantPolicy.revoke(viewer, found.record, found.incident))
  if (refusal) return refusal
  // Only the organisation's admin is allowed, a contact: this narrows the viewer to one.
  if (viewer.kind !== 'contact') return { refused: 'contacts_only' }
  if (!isGrantActive(found.record, deps.clock())) return { refused: 'grant_inactive' }
  const at = deps.clock().toISOString()
  const by = `contact:${viewer.contact.id}`
  const revoked = await changeConsent(deps, found.record, version, (g) => ({ ...g, revokedAt: at, revokedBy: by, updatedAt: at }))
  if ('refused' in revoked) return revoked
  await audit(deps, by, 'grant.revoked', revoked)
  return revoked
}

/**
 * Staff use a grant: checked here, against the clock of this request, so an ended or revoked
 * grant lets nobody in. Both a use and a refused use are written to the audit log.
 */
export async function checkGrant(deps: ConsentDeps, staff: Staff, id: string): Promise<Outcome<{ grant: AccessGrant; isActive: boolean }>> {
  const found = await findConsent(deps, 'grant', id)
  if (!found) return { refused: 'not_found' }
  const grant = found.record
  const isActive = isGrantActive(grant, deps.clock())
  if (isActive) await audit(deps, `staff:${staff.id}`, 'grant.used', grant, { level: grant.level })
  else await audit(deps, `staff:${staff.id}`, 'grant.use_refused', grant)
  return { grant, isActive }
}
