/** Phone intake's replies: callers found with the verdict on their authorisation, and the refusals' replies. */
import { z } from 'zod'
import { CALLER_VERDICTS, type CallerVerdict } from '../domain/caller.ts'
import { LANGUAGES } from '../domain/desk.ts'
import { CONTACT_ROLES, type Contact } from '../domain/records.ts'
import { MESSAGES } from '../http/errors.ts'
import { PageReply } from '../http/paging.ts'
import type { CallerHit, PhoneIntakeRefusal } from '../services/phone-intake.ts'
import type { RefusalReplies } from '../services/result.ts'
import { Localized } from './desk.ts'

export const PHONE_INTAKE_REFUSALS: RefusalReplies<PhoneIntakeRefusal> = {
  invalid_input: [400, MESSAGES.invalidInput],
  caller_not_found: [404, MESSAGES.callerNotFound],
  // The reason support may not help is in the code and the message: the console shows it as it is.
  caller_not_authorised: [403, MESSAGES.callerNotAuthorised],
  caller_deactivated: [403, MESSAGES.callerDeactivated],
  caller_unknown: [403, MESSAGES.callerUnknown],
  caller_authorised: [409, MESSAGES.callerAuthorised],
  caller_without_organisation: [409, MESSAGES.callerWithoutOrganisation],
  organisation_without_admins: [409, MESSAGES.organisationWithoutAdmins],
}

/** The verdict's words in both languages. */
const VERDICT_MESSAGE = {
  authorised: MESSAGES.verdictAuthorised, not_authorised: MESSAGES.verdictNotAuthorised, deactivated: MESSAGES.verdictDeactivated, unknown: MESSAGES.verdictUnknown,
} as const satisfies Record<CallerVerdict, unknown>

/** One caller a search found. */
export const CallerReply = z.object({
  id: z.string().meta({ description: 'The contact\'s id: send it as `contactId` to register, or to tell the admins.' }),
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable().meta({ description: 'Their own number as stored; null when none.' }),
  role: z.enum(CONTACT_ROLES),
  lang: z.enum(LANGUAGES).meta({ description: 'The language of their mail.' }),
  organisation: z.object({ id: z.string(), name: z.string(), customerNumber: z.string(), isFirstClass: z.boolean() }).nullable()
    .meta({ description: 'Their organisation; null when it is not (any longer) a customer.' }),
  verdict: z.object({
    code: z.enum(CALLER_VERDICTS).meta({ description: '`authorised`: support may help; `not_authorised`, `deactivated` or `unknown`: it may not, for that reason.' }),
    mayHelp: z.boolean().meta({ description: 'Whether support may register incidents for them.' }),
    message: Localized.meta({ description: 'The verdict for people, in Dutch and English.' }),
  }),
}).meta({ id: 'Caller', description: 'A contact a caller search found, with whether support may help them.' })

/** A page of callers found. */
export const CallerPageReply = z.object({ callers: z.array(CallerReply), ...PageReply }).meta({ id: 'CallerPage' })

/** What was told to whom: the admins mailed. */
export const AdminsToldReply = z.object({
  told: z.array(z.object({ name: z.string(), email: z.string() })).min(1).meta({ description: 'The admins mailed, each in their language.' }),
}).meta({ id: 'AdminsTold' })

export function presentCaller({ contact, organisation, verdict }: CallerHit): z.infer<typeof CallerReply> {
  return {
    id: contact.id, name: contact.name, email: contact.email, phone: contact.phone ?? null, role: contact.role, lang: contact.lang,
    organisation: organisation ? { id: organisation.id, name: organisation.name, customerNumber: organisation.customerNumber, isFirstClass: organisation.isFirstClass } : null,
    verdict: { code: verdict, mayHelp: verdict === 'authorised', message: VERDICT_MESSAGE[verdict] },
  }
}

export function presentAdminsTold(told: Contact[]): z.infer<typeof AdminsToldReply> {
  return { told: told.map((a) => ({ name: a.name, email: a.email })) }
}
