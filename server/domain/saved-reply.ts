/** Saved replies: what an admin sends to save one, and the rules it must meet (a known team, only known placeholders). */
import { z } from 'zod'
import { SAVED_REPLY_PLACEHOLDERS, unknownPlaceholders, written } from '#lib/saved-reply.ts'
import type { Language } from './desk.ts'

/** Longest title, per language. */
export const MAX_TITLE_LENGTH = 120
/** Longest body, per language: as long as a reply may be. */
export const MAX_BODY_LENGTH = 20_000

const text = (max: number, what: string) => z.string().trim().min(1).max(max).meta({ description: what })

/** A saved reply as an admin writes it: a title and a body in Dutch and in English, both required. */
export const SavedReplyInput = z.strictObject({
  /** A team key of desk.yaml, or null (the default) for a reply every team may use. */
  team: z.string().min(1).max(40).nullable().default(null).meta({ description: 'A team key of desk.yaml; null (the default) for a reply every team may use.', example: 'finance' }),
  /** What the picker lists it by. */
  title: z.strictObject({
    nl: text(MAX_TITLE_LENGTH, 'The Dutch title.'),
    en: text(MAX_TITLE_LENGTH, 'The English title.'),
  }).meta({ description: 'What the picker lists it by, in both languages.' }),
  /** The reply, with placeholders. */
  body: z.strictObject({
    nl: text(MAX_BODY_LENGTH, 'The Dutch text.'),
    en: text(MAX_BODY_LENGTH, 'The English text.'),
  }).meta({ description: `The reply in both languages. Placeholders, filled for the incident in the customer's language: ${SAVED_REPLY_PLACEHOLDERS.map(written).join(', ')}.` }),
}).meta({ id: 'SavedReplyInput', title: 'SavedReplyInput', description: 'A saved reply: a title and a body in Dutch and in English.' })
export type SavedReplyInput = z.input<typeof SavedReplyInput>
export type ParsedSavedReplyInput = z.output<typeof SavedReplyInput>

/** Why a saved reply cannot be stored as written. */
export type SavedReplyProblem =
  | { code: 'unknown_team'; teams: string[] }
  | { code: 'unknown_placeholder'; placeholder: string; language: Language }

/**
 * The first thing wrong with `input` for a desk with `teams`, or undefined when it may be stored:
 * a team desk.yaml does not name, then a placeholder that is not known (Dutch body first).
 * @example savedReplyProblem({ …, body: { nl: 'Beste {{klant.naam}}', en: '…' } }, teams) → { code: 'unknown_placeholder', placeholder: 'klant.naam', language: 'nl' }
 */
export function savedReplyProblem(input: ParsedSavedReplyInput, teams: readonly string[]): SavedReplyProblem | undefined {
  if (input.team !== null && !teams.includes(input.team)) return { code: 'unknown_team', teams: [...teams] }
  for (const language of ['nl', 'en'] as const) {
    const [placeholder] = unknownPlaceholders(input.body[language])
    if (placeholder !== undefined) return { code: 'unknown_placeholder', placeholder, language }
  }
  return undefined
}
