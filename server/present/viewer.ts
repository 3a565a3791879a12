/** Who is signed in, as GET /api/auth/me, GET /api/auth/session and the staff sign-in answer say it. */
import { z } from 'zod'
import { LANGUAGES } from '../domain/desk.ts'
import { CONTACT_ROLES, STAFF_ROLES, type Staff } from '../domain/records.ts'
import type { SignedIn, Viewer } from '../middleware/session/index.ts'

/** The signed-in contact or staff member, by `kind`. */
export const Me = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('contact'), id: z.string(), name: z.string(), email: z.email(), role: z.enum(CONTACT_ROLES), organisationId: z.string(), lang: z.enum(LANGUAGES) }).meta({ title: 'Contact' }),
  z.object({ kind: z.literal('staff'), id: z.string(), name: z.string(), email: z.email(), role: z.enum(STAFF_ROLES), teams: z.array(z.string()) }).meta({ title: 'Staff' }),
]).meta({ id: 'Me', description: 'The signed-in contact or staff member.' })
export type Me = z.infer<typeof Me>

/** Nobody signed in: no session cookie, or one that ran out or was ended. */
export const Anonymous = z.object({ kind: z.literal('anonymous') }).meta({ title: 'Anonymous' })

/** Who is signed in, if anyone: the signed-in contact or staff member, or `anonymous`. */
export const Visitor = z.union([Me, Anonymous]).meta({ id: 'Visitor', description: 'The signed-in contact or staff member, or `{ "kind": "anonymous" }` when nobody is signed in.' })
export type Visitor = z.infer<typeof Visitor>

/** The staff member who signed in with a password. */
export const StaffSignedIn = z.object({ id: z.string(), name: z.string(), role: z.enum(STAFF_ROLES), teams: z.array(z.string()) })
  .meta({ id: 'StaffSignedIn', description: 'The staff member who signed in.' })
export type StaffSignedIn = z.infer<typeof StaffSignedIn>

/** The signed-in contact or staff member, without anything secret. */
export function presentMe(viewer: SignedIn): Me {
  if (viewer.kind === 'contact') {
    const { id, name, email, role, organisationId, lang } = viewer.contact
    return { kind: 'contact', id, name, email, role, organisationId, lang }
  }
  const { id, name, email, role, teams } = viewer.staff
  return { kind: 'staff', id, name, email, role, teams }
}

/** Who is signed in, if anyone, without anything secret. */
export const presentVisitor = (viewer: Viewer): Visitor => (viewer.kind === 'anonymous' ? { kind: 'anonymous' } : presentMe(viewer))

/** The answer to a staff member's password sign-in. */
export const presentStaffSignedIn = ({ id, name, role, teams }: Staff): StaffSignedIn => ({ id, name, role, teams })
