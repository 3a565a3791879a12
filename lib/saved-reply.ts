/** Saved replies' placeholders: the one syntax (`{{contact.name}}`), which names exist, and how a text is filled. */

/**
 * The placeholders a saved reply may hold, the same in Dutch and English texts: the requester's
 * name, the incident's number and subject, its due time in words, the support employee's name.
 */
export const SAVED_REPLY_PLACEHOLDERS = ['contact.name', 'incident.number', 'incident.subject', 'incident.due', 'staff.name'] as const
export type SavedReplyPlaceholder = (typeof SAVED_REPLY_PLACEHOLDERS)[number]

/** `{{ name }}`: two braces each side, spaces inside allowed. */
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g

/** A placeholder as written in a text. @example written('incident.due') === '{{incident.due}}' */
export const written = (name: string): string => `{{${name}}}`

/** Every placeholder written in `text`, in order, each once. @example placeholdersIn('Beste {{contact.name}}') → ['contact.name'] */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))]
}

/** The placeholders in `text` that are not known (in order, each once); [] when all are. @example unknownPlaceholders('{{klant.naam}}') → ['klant.naam'] */
export function unknownPlaceholders(text: string): string[] {
  return placeholdersIn(text).filter((name) => !(SAVED_REPLY_PLACEHOLDERS as readonly string[]).includes(name))
}

/**
 * `text` with each known placeholder replaced by its value; an unknown one stays as written (saving
 * refuses those, so none is stored).
 * @example fillPlaceholders('Beste {{contact.name}},', { 'contact.name': 'Tom', … }) === 'Beste Tom,'
 */
export function fillPlaceholders(text: string, values: Record<SavedReplyPlaceholder, string>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(values, name) ? values[name as SavedReplyPlaceholder] : whole))
}
