/** The organisation as its contacts see it: in full for the admin, in brief for an employee; contacts as the admin sees them. */
import { z } from 'zod'
import { LANGUAGES } from '../domain/desk.ts'
import { briefOrganisation } from '../domain/organisation.ts'
import { CONTACT_ROLES, type Contact, type Organisation } from '../domain/records.ts'

const day = z.iso.date()

/** A customer organisation, all of it: what its admin sees. */
export const OrganisationReply = z.object({
  id: z.string(),
  name: z.string(),
  customerNumber: z.string().regex(/^\d+$/).meta({ description: 'Digits, as on invoices; kept by Noordwind.' }),
  isFirstClass: z.boolean().meta({ description: 'Whether it has First Class support: only then is priority 1 possible.' }),
  address: z.string().optional().meta({ description: 'Absent when not known.' }),
  phone: z.string().optional().meta({ description: 'The switchboard number; absent when not known.' }),
  invoiceEmail: z.email().optional().meta({ description: 'Where invoices go; absent: to the admin\'s own address.' }),
  subscriptions: z.array(z.object({ name: z.string(), since: day, isFirstClass: z.boolean().optional().meta({ description: 'Present and true for the First Class subscription.' }) }))
    .meta({ description: 'What the organisation has from Noordwind.' }),
  invoices: z.array(z.object({ number: z.string(), date: day, amountCents: z.number().int().meta({ description: 'In euro cents.' }), isPaid: z.boolean() })),
  projects: z.array(z.object({ name: z.string(), status: z.string().meta({ description: 'In words, in Dutch.' }) })),
  courses: z.array(z.object({ name: z.string(), date: day, participants: z.number().int().min(0) })),
}).meta({ id: 'Organisation', description: 'A customer organisation, all of it: what its admin sees.' })

/** The essentials of an organisation. */
export const OrganisationBrief = z.object({ id: z.string(), name: z.string(), customerNumber: z.string().regex(/^\d+$/), isFirstClass: z.boolean() })
  .meta({ id: 'OrganisationBrief', description: 'The essentials of an organisation: what an employee sees of their own, and staff beside an incident.' })

/** The organisation as the signed-in contact's role may see it. */
export const OrganisationView = z.discriminatedUnion('role', [
  z.object({ role: z.literal('admin'), organisation: OrganisationReply }).meta({ title: 'Admin' }),
  z.object({ role: z.literal('employee'), organisation: OrganisationBrief }).meta({ title: 'Employee' }),
]).meta({ id: 'OrganisationView', description: 'The organisation as the signed-in contact\'s role may see it; `role` says which.' })
export type OrganisationView = z.infer<typeof OrganisationView>

/** A contact of the organisation, as its admin sees them. */
export const ContactReply = z.object({
  id: z.string(),
  name: z.string(),
  email: z.email().meta({ description: 'Lowercase; how they sign in.' }),
  role: z.enum(CONTACT_ROLES),
  lang: z.enum(LANGUAGES).meta({ description: 'The language of their e-mails.' }),
  isAuthorised: z.boolean().meta({ description: 'Whether they may sign in and file incidents.' }),
  isActive: z.boolean().meta({ description: 'False once deactivated: they left the company.' }),
}).meta({ id: 'Contact', description: 'A contact of the organisation, as its admin sees them.' })
export type ContactReply = z.infer<typeof ContactReply>

/** What an admin sees of a contact. */
export const presentContact = ({ id, name, email, role, lang, isAuthorised, isActive }: Contact): ContactReply => ({ id, name, email, role, lang, isAuthorised, isActive })

/** The organisation in full, as its admin sees it. */
export const presentAdminView = (organisation: Organisation) => ({ role: 'admin' as const, organisation })

/** The organisation at the detail the contact's role allows. */
export const presentOrganisation = (organisation: Organisation, detail: 'full' | 'brief'): OrganisationView =>
  detail === 'full' ? presentAdminView(organisation) : { role: 'employee', organisation: briefOrganisation(organisation) }
