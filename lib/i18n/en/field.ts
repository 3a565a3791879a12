/** English: the checks of a form field, alike in the portal and the widget's form. */
import type { field as nl } from '../nl/field.ts'
import type { Translation } from '../types.ts'

export const required = 'Please fill in this field.'
export const invalidEmail = 'Enter a valid e-mail address, such as name@company.com.'

export const field = { required, invalidEmail } satisfies Translation<typeof nl>
