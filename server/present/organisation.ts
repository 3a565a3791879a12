/** The organisation as its contacts see it: in full for the admin, in brief for an employee; contacts as the admin sees them. */
import { briefOrganisation } from '../domain/organisation.ts'
import type { Contact, Organisation } from '../domain/records.ts'

/** What an admin sees of a contact. */
export const presentContact = ({ id, name, email, role, lang, isAuthorised, isActive }: Contact) => ({ id, name, email, role, lang, isAuthorised, isActive })

/** The organisation at the detail the contact's role allows. */
export const presentOrganisation = (organisation: Organisation, detail: 'full' | 'brief') =>
  detail === 'full' ? { role: 'admin' as const, organisation } : { role: 'employee' as const, organisation: briefOrganisation(organisation) }
