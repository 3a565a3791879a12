/** The phone page's view logic as plain functions: what a caller row says, and the registration form's own checks. */
import { format } from '#lib/format.ts'
import type { StaffStrings } from '../../../i18n/index.ts'

/** A caller as GET /api/staff/phone/callers gives one (the fields the page shows). */
export interface CallerRow {
  id: string
  name: string
  email: string
  phone: string | null
  organisation: { name: string; customerNumber: string } | null
  verdict: { code: 'authorised' | 'not_authorised' | 'deactivated' | 'unknown'; mayHelp: boolean; message: { nl: string; en: string } }
}

/** The line under a caller's name: organisation with customer number, and their phone if known. */
export function callerLine(strings: StaffStrings, caller: Pick<CallerRow, 'organisation' | 'phone'>): string {
  const organisation = caller.organisation
    ? format(strings['phone.caller.organisation'], { organisation: caller.organisation.name, customerNumber: caller.organisation.customerNumber })
    : strings['phone.caller.noOrganisation']
  return caller.phone ? `${organisation} · ${format(strings['phone.caller.phone'], { phone: caller.phone })}` : organisation
}

/** What the registration form holds. */
export interface PhoneForm { kind: string; productArea: string; subject: string; description: string }

/** The browser's own checks, worded by us; the server checks again and has the last word. */
export function formIssues(strings: StaffStrings, form: PhoneForm): Partial<Record<keyof PhoneForm, string>> {
  const found: Partial<Record<keyof PhoneForm, string>> = {}
  if (!form.kind) found.kind = strings['phone.register.required']
  if (!form.productArea) found.productArea = strings['phone.register.required']
  if (form.subject.trim().length < 3) found.subject = format(strings['phone.register.tooShort'], { count: 3 })
  if (form.description.trim().length < 10) found.description = format(strings['phone.register.tooShort'], { count: 10 })
  return found
}

/** A `datetime-local` value (the browser's local time) as an ISO instant, or undefined when empty or no time. */
export function instantOf(local: string): string | undefined {
  if (!local) return undefined
  const at = new Date(local)
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString()
}
