/** How typed names and subject lines are cleaned before anything keeps them: NFC, no invisible direction or zero-width characters, trimmed. */
import { z } from 'zod'

/**
 * Characters that change the direction text is shown in: the embeddings and overrides
 * (U+202A–U+202E), the isolates (U+2066–U+2069), the marks LRM, RLM (U+200E, U+200F) and the
 * Arabic letter mark (U+061C). In a name or a subject they can make one person look like another
 * ("Trojan Source"), so they never stay.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g
/** Zero-width space, non-joiner, joiner, word joiner and the byte-order mark: invisible in a name. */
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g
/** A letter of any script. */
const LETTER = /\p{L}/u
/** A letter or digit of any script. */
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u

/**
 * A name as it is kept: bidi controls and zero-width characters removed, composed (NFC),
 * surrounding whitespace trimmed.
 * @example cleanName(' Ann\u200Be de Vr\u0069\u0308es\u202E ') === 'Anne de Vrïes'
 */
export function cleanName(raw: string): string {
  // Stripped before composing: an invisible character between a letter and its accent would
  // otherwise keep the two from composing.
  return raw.replace(BIDI_CONTROLS, '').replace(ZERO_WIDTH, '').normalize('NFC').trim()
}

/**
 * A subject line as it is kept: bidi controls removed, composed (NFC), trimmed. Zero-width
 * joiners stay, as emoji sequences and some scripts (Persian, the Indic ones) need them.
 * @example cleanSubject(' Factuur \u202Efdp.exe ') === 'Factuur fdp.exe'
 */
export function cleanSubject(raw: string): string {
  return raw.replace(BIDI_CONTROLS, '').normalize('NFC').trim()
}

/**
 * The field of a person's or an organisation's name: cleaned by `cleanName`, then `min` to `max`
 * characters with at least one letter; a name of spaces, digits or invisible characters is refused.
 * @example personName().parse(' Anne de Vries ') === 'Anne de Vries'
 */
export function personName(min = 2, max = 120) {
  return z.string().max(max * 4).overwrite(cleanName).min(min).max(max)
    .regex(LETTER, { error: 'must hold at least one letter' })
}

/**
 * The field of a subject line: cleaned by `cleanSubject`, then `min` to `max` characters with at
 * least one letter or digit.
 * @example subjectLine(3, 200).parse('Btw-aangifte \u202Egeeft fout') === 'Btw-aangifte geeft fout'
 */
export function subjectLine(min: number, max: number) {
  return z.string().max(max * 4).overwrite(cleanSubject).min(min).max(max)
    .regex(LETTER_OR_DIGIT, { error: 'must hold at least one letter or digit' })
}
