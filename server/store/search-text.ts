/** What an incident's search finds it by: its words (subject, description, messages, names), split and stemmed in Dutch and English as PostgreSQL's text search does. */
import snowball from 'snowball-stemmers'
import type { Incident, Message } from '../domain/records.ts'

const dutch = snowball.newStemmer('dutch')
const english = snowball.newStemmer('english')
/** Stems already made: a desk's vocabulary is small beside its number of words. */
const stems = new Map<string, readonly string[]>()
const STEM_CACHE_MAX = 200_000

/** The words of `text`, lower case: runs of letters and digits. @example wordsOf('Btw-aangifte: fout!') // ['btw', 'aangifte', 'fout'] */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
}

/** The Dutch and English stems of one lower-case word (one when they agree). @example stemsOf('printers') // ['printer'] */
export function stemsOf(word: string): readonly string[] {
  let found = stems.get(word)
  if (!found) {
    const nl = dutch.stem(word)
    const en = english.stem(word)
    found = nl === en ? [nl] : [nl, en]
    if (stems.size >= STEM_CACHE_MAX) stems.clear()
    stems.set(word, found)
  }
  return found
}

/** The terms a text is found by: every stem of every word. */
export function termsOf(text: string): Set<string> {
  const terms = new Set<string>()
  for (const word of wordsOf(text)) for (const stem of stemsOf(word)) terms.add(stem)
  return terms
}

/** The part of an incident's search text that is its own: subject, description, the requester's and organisation's names. */
export function headText(incident: Pick<Incident, 'subject' | 'description'>, names: { contact?: string | undefined; organisation?: string | undefined }): string {
  return [incident.subject, incident.description, names.contact, names.organisation].filter(Boolean).join('\n')
}

/** Whether a message's words are for staff only: internal notes and logged calls. */
export const isInternalText = (message: Pick<Message, 'visibility'>) => message.visibility !== 'public'

/** A search as asked: an incident number (digits only), or the words that must all match. */
export type SearchQuery = { number: string } | { words: string[] } | { nothing: true }

/** Reads `q`: digits alone are a number; else its words. A query without words finds nothing. */
export function parseQuery(q: string): SearchQuery {
  const trimmed = q.trim()
  if (/^\d{1,18}$/.test(trimmed)) return { number: trimmed }
  const words = [...new Set(wordsOf(trimmed))].slice(0, 12)
  return words.length ? { words } : { nothing: true }
}
