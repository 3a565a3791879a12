/** The incident form's checks in the browser: the field's own HTML constraints, messages in the widget's language. */
import { format } from '#lib/format.ts'
import type { FormStrings } from './form-strings.ts'

/** What a field declares in its markup: the constraints the server also holds. */
export interface FieldConstraints {
  value: string
  required?: boolean
  minLength?: number
  maxLength?: number
  type?: string
  /** A name: at least one letter of any script, as the server requires. */
  needsLetter?: boolean
}

/** A loose shape check; the server decides for real. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/**
 * Why a field's value is not acceptable yet, or `null`. Lengths count trimmed text: the server
 * trims too. Checked by hand because the browser's own `tooShort` ignores prefilled values and
 * speaks the browser's language rather than the widget's.
 */
export function fieldIssue(field: FieldConstraints, strings: FormStrings): string | null {
  const value = field.value.trim()
  if (!value) return field.required ? strings.required : null
  if (field.type === 'email' && !EMAIL.test(value)) return strings.invalidEmail
  if (field.needsLetter && !/\p{L}/u.test(value)) return strings.needsLetter
  if (field.minLength && field.minLength > 0 && value.length < field.minLength) return format(strings.tooShort, { min: field.minLength })
  if (field.maxLength && field.maxLength > 0 && value.length > field.maxLength) return format(strings.tooLong, { max: field.maxLength })
  return null
}
