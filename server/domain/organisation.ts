/** An organisation's own data in the portal: what each role sees, what an admin may change, and the contacts rules. */
import { z } from 'zod'
import { Language } from './desk.ts'
import { personName } from './names.ts'
import { CONTACT_ROLES, type Contact, type Organisation } from './records.ts'

const optionalText = (max: number) => z.string().trim().max(max)

/** The company details an admin edits; a field left out stays as it is, an empty one is cleared. */
export const OrganisationDetailsInput = z.strictObject({
  name: personName().optional().meta({ description: 'The company name, with at least one letter; it cannot be emptied. Kept composed (NFC), trimmed, without direction controls or zero-width characters.' }),
  address: optionalText(300).optional().meta({ description: 'Postal address, on one line. Empty: removed.' }),
  /** @example "050 123 45 67" */
  phone: optionalText(40).regex(/^[\d\s+()-]*$/, { error: 'digits, spaces, +, ( ) and - only' }).optional()
    .meta({ description: 'The switchboard number, as the customer writes it: digits, spaces, `+`, `( )` and `-`. Empty: removed.' }),
  invoiceEmail: z.union([z.literal(''), z.email().max(254)]).optional().meta({ description: 'Where invoices go. Empty: removed, and invoices go to the admin\'s own address.' }),
}).refine((d) => Object.keys(d).length > 0, { error: 'give at least one field to change', path: ['name'] })
  .meta({ id: 'OrganisationDetailsInput', title: 'OrganisationDetailsInput', description: 'The company details the admin may change: at least one field. A field left out stays as it is; an empty one is removed (`name` cannot be empty).' })
export type OrganisationDetailsInput = z.input<typeof OrganisationDetailsInput>

/** A contact an admin adds. */
export const ContactInput = z.strictObject({
  name: personName().meta({ description: 'Their name, with at least one letter; kept composed (NFC), trimmed, without direction controls or zero-width characters.' }),
  email: z.email().max(254).transform((e) => e.toLowerCase())
    .meta({ description: 'Their e-mail address, kept in lowercase: it is how they sign in, so it must be in use nowhere else on the desk.' }),
  /** employee (default) or admin. */
  role: z.enum(CONTACT_ROLES).default('employee')
    .meta({ description: '`employee` (default) sees and files their own incidents; `admin` sees all of the organisation\'s and manages its contacts and details.' }),
  /** Language of the e-mails; default Dutch. */
  lang: Language.default('nl').meta({ description: 'The language of their e-mails; default Dutch.' }),
  /** Whether they may file incidents and sign in at once; default yes. */
  isAuthorised: z.boolean().default(true).meta({ description: 'Whether they may sign in and file incidents at once; default yes.' }),
}).meta({ id: 'ContactInput', title: 'ContactInput', description: 'A contact the admin adds to their organisation.' })
export type ContactInput = z.input<typeof ContactInput>

/** A change to a contact; a field left out stays as it is. */
export const ContactChangeInput = z.strictObject({
  name: personName().optional().meta({ description: 'Their name, with at least one letter; kept composed (NFC), trimmed, without direction controls or zero-width characters.' }),
  role: z.enum(CONTACT_ROLES).optional().meta({ description: '`employee` or `admin`.' }),
  lang: Language.optional().meta({ description: 'The language of their e-mails.' }),
  /** false withdraws the authorisation: no incidents, no sign-in, at once. */
  isAuthorised: z.boolean().optional().meta({ description: '`false` withdraws the authorisation: no sign-in, no incidents, at once; `true` grants it.' }),
  /** false deactivates the contact (they leave the company); their incidents stay. */
  isActive: z.boolean().optional().meta({ description: '`false` deactivates the contact (they left the company): signed out at once, their incidents stay.' }),
}).refine((d) => Object.keys(d).length > 0, { error: 'give at least one field to change', path: ['role'] })
  .meta({ id: 'ContactChangeInput', title: 'ContactChangeInput', description: 'A change to a contact: at least one field; a field left out stays as it is.' })
export type ContactChangeInput = z.input<typeof ContactChangeInput>

/** What an employee sees of their own organisation: name, customer number, First Class or not. */
export function briefOrganisation(organisation: Organisation) {
  const { id, name, customerNumber, isFirstClass } = organisation
  return { id, name, customerNumber, isFirstClass }
}

/** An admin who may act as one: signed in means authorised and active, so counting those is enough. */
const isActingAdmin = (c: Contact) => c.role === 'admin' && c.isAuthorised && c.isActive

/**
 * Why a change to a contact may not be made, or undefined when it may: an organisation always
 * keeps one admin who can sign in, or nobody could manage its contacts any more.
 */
export function contactChangeRefusal(contacts: Contact[], target: Contact, change: z.output<typeof ContactChangeInput>): 'last_admin' | undefined {
  const after = { ...target, ...change }
  if (!isActingAdmin(target) || isActingAdmin(after)) return undefined
  return contacts.some((c) => c.id !== target.id && isActingAdmin(c)) ? undefined : 'last_admin'
}

/**
 * The admins a contact of the organisation can turn to: active and authorised, by name, leaving
 * out `exceptId` (the contact asking, who cannot help themselves).
 */
export function adminsToAsk(colleagues: readonly Contact[], exceptId?: string): Contact[] {
  return colleagues
    .filter((c) => c.id !== exceptId && c.role === 'admin' && c.isAuthorised && c.isActive)
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'))
}
