/** The answers policies give, and the checks several of them share: staff only, the organisation's admin only. */
import type { Viewer } from '../middleware/session/index.ts'

/**
 * A policy's answer to "may this viewer do this": `allowed`, or why not. `not_found` hides that
 * the record exists from someone who may not see it.
 */
export type Verdict = 'allowed' | 'sign_in_required' | 'contacts_only' | 'staff_only' | 'admin_only' | 'not_authorised' | 'not_found'

/** Staff only: nobody signed in must sign in, a contact is refused. */
export function staffOnly(viewer: Viewer): Verdict {
  if (viewer.kind === 'anonymous') return 'sign_in_required'
  return viewer.kind === 'staff' ? 'allowed' : 'staff_only'
}

/** The admin of `organisationId` only: staff are refused, a contact of another organisation does not learn the record exists. */
export function adminOf(viewer: Viewer, organisationId: string): Verdict {
  if (viewer.kind === 'anonymous') return 'sign_in_required'
  if (viewer.kind !== 'contact') return 'contacts_only'
  if (viewer.contact.organisationId !== organisationId) return 'not_found'
  return viewer.contact.role === 'admin' ? 'allowed' : 'admin_only'
}

/** For a record the viewer may not see: sign in first, or it reads as not there. */
export const unseen = (viewer: Viewer): Verdict => (viewer.kind === 'anonymous' ? 'sign_in_required' : 'not_found')
