/** Who is signed in, as GET /api/auth/me and the staff sign-in answer say it. */
import type { Staff } from '../domain/records.ts'
import type { SignedIn } from '../middleware/session/index.ts'

/** The signed-in contact or staff member, without anything secret. */
export function presentMe(viewer: SignedIn) {
  if (viewer.kind === 'contact') {
    const { id, name, email, role, organisationId, lang } = viewer.contact
    return { kind: 'contact' as const, id, name, email, role, organisationId, lang }
  }
  const { id, name, email, role, teams } = viewer.staff
  return { kind: 'staff' as const, id, name, email, role, teams }
}

/** The answer to a staff member's password sign-in. */
export const presentStaffSignedIn = ({ id, name, role, teams }: Staff) => ({ id, name, role, teams })
