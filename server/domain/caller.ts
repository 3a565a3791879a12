/** Phone intake's rules: how a caller is found (name, e-mail, phone, customer number) and whether support may help them. */
import type { Contact, Organisation } from './records.ts'

/** Why support may or may not help a caller: an authorised, active contact, or the reason not. */
export const CALLER_VERDICTS = ['authorised', 'not_authorised', 'deactivated', 'unknown'] as const
export type CallerVerdict = (typeof CALLER_VERDICTS)[number]

/** A search for a caller as the stores apply it: `text` for names and addresses, `digits` for numbers. */
export interface CallerQuery {
  /** Lowercased and trimmed, inner runs of spaces as one; '' when shorter than 2 characters. */
  text: string
  /** The digits typed, a Dutch +31/0031 prefix written as 0; '' when fewer than 4. */
  digits: string
}

/** Phone numbers this long or longer are matched anywhere in a stored number; shorter digits only match a customer number. */
export const MIN_PHONE_DIGITS = 6

/**
 * A phone number as digits only, +31 and 0031 written as a leading 0, so "+31 50 123 4567" and
 * "050-1234567" compare equal. @example phoneDigits('+31 (0)50 123') === '050123'
 */
export function phoneDigits(phone: string | undefined): string {
  if (!phone) return ''
  const kept = phone.replace(/\(0\)/g, '').replace(/[^0-9+]/g, '')
  return kept.replace(/^(\+|00)31/, '0').replace(/[^0-9]/g, '')
}

/** What a typed search looks for. @example callerQuery(' Tom ') // { text: 'tom', digits: '' } */
export function callerQuery(q: string): CallerQuery {
  const text = q.trim().replace(/\s+/g, ' ').toLowerCase()
  const digits = /^[\d\s()+./-]+$/.test(text) ? phoneDigits(text) : ''
  return { text: text.length >= 2 ? text : '', digits: digits.length >= 4 ? digits : '' }
}

/**
 * Whether `contact` is found by `query`: a name or e-mail address containing the text, the
 * organisation's customer number exactly, or (6 digits or more) a phone number of the contact or
 * the organisation's switchboard containing the digits. The PostgreSQL store applies the same rule in SQL.
 */
export function isCallerMatch(query: CallerQuery, contact: Contact, organisation: Organisation | undefined): boolean {
  if (query.text && (contact.name.toLowerCase().includes(query.text) || contact.email.includes(query.text))) return true
  if (!query.digits) return false
  if (organisation?.customerNumber === query.digits) return true
  return query.digits.length >= MIN_PHONE_DIGITS &&
    (phoneDigits(contact.phone).includes(query.digits) || phoneDigits(organisation?.phone).includes(query.digits))
}

/** The order callers are listed in: by lowercased name, then id (stable pages). */
export function callerSortKey(contact: Pick<Contact, 'name' | 'id'>): [string, string] {
  return [contact.name.toLowerCase(), contact.id]
}

/**
 * Whether support may help this caller: `unknown` when their organisation is not (any longer) a
 * customer, `deactivated` when the contact was switched off, `not_authorised` when the organisation
 * has not authorised them, else `authorised`.
 */
export function callerVerdict(contact: Pick<Contact, 'isActive' | 'isAuthorised'>, organisation: Organisation | undefined): CallerVerdict {
  if (!organisation) return 'unknown'
  if (!contact.isActive) return 'deactivated'
  return contact.isAuthorised ? 'authorised' : 'not_authorised'
}
