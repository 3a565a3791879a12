/** A refused form as a person reads it: a sentence beside each field the server named, and one for the rest. */
import { ApiFailure, messageOf, type FailureTexts } from './api.ts'

/** What to show for a refused form: `fields` by path, and `summary` for what no field explains. */
export interface FormErrors {
  fields: Record<string, string>
  summary?: string
}

/**
 * The errors of `error` for a form with the fields in `known` (path → our own sentence of what the
 * field accepts, in the page's language). Invalid input gets that sentence beside the field and the
 * server's general message above the form; any other refusal that names a field (e.g. an address
 * already in use) gets the server's own message beside that field only.
 * @example formErrors(new ApiFailure(409, 'email_in_use', 'In use.', [{ path: 'email', message: 'already in use' }]), { email: 'A valid address.' }, texts)
 *   // → { fields: { email: 'In use.' } }
 */
export function formErrors(error: unknown, known: Record<string, string>, texts: FailureTexts): FormErrors {
  if (!(error instanceof ApiFailure)) return { fields: {}, summary: messageOf(error, texts) }
  const fields: Record<string, string> = {}
  const isInvalidInput = error.code === 'invalid_input'
  for (const { path } of error.fields ?? []) {
    const sentence = known[path]
    if (sentence !== undefined && !(path in fields)) fields[path] = isInvalidInput ? sentence : error.message
  }
  const isExplained = !isInvalidInput && Object.keys(fields).length > 0
  return isExplained ? { fields } : { fields, summary: error.message }
}
