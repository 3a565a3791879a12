/** View logic of saved replies in the console: finding one by its title, naming its team, listing the placeholders, inserting a filled text. */
import { format } from '#lib/format.ts'
import type { Language } from '#lib/language.ts'
import { SAVED_REPLY_PLACEHOLDERS, written, type SavedReplyPlaceholder } from '#lib/saved-reply.ts'
import type { StaffStrings } from '../../i18n/index.ts'

/** What the views need of a saved reply. */
export interface ReplyTitle { id: string; team: string | null; title: { nl: string; en: string } }

const PLACEHOLDER_NAME = {
  'contact.name': 'settings.savedReplies.placeholder.contactName',
  'incident.number': 'settings.savedReplies.placeholder.incidentNumber',
  'incident.subject': 'settings.savedReplies.placeholder.incidentSubject',
  'incident.due': 'settings.savedReplies.placeholder.incidentDue',
  'staff.name': 'settings.savedReplies.placeholder.staffName',
} as const satisfies Record<SavedReplyPlaceholder, keyof StaffStrings>

/** Lowercase without accents, so "cafe" finds "Café". */
const folded = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()

/**
 * The replies whose title (in either language) holds every word of `query`, in their order;
 * all of them for an empty query.
 * @example matchingReplies(replies, 'cert') → the replies titled "Certificaat …" or "… certificate"
 */
export function matchingReplies<R extends ReplyTitle>(replies: R[], query: string): R[] {
  const words = folded(query).split(/\s+/).filter(Boolean)
  return replies.filter((reply) => {
    const titles = folded(`${reply.title.nl}\n${reply.title.en}`)
    return words.every((word) => titles.includes(word))
  })
}

/** The title in the page's language. */
export const titleOf = (reply: ReplyTitle, lang: Language): string => reply.title[lang]

/** The team a reply is for, by its name in `lang`, or "All teams" for a general one. */
export function teamLabel(team: string | null, teams: { key: string; name: Record<Language, string> }[], lang: Language, strings: StaffStrings): string {
  if (team === null) return strings['settings.savedReplies.allTeams']
  return teams.find((t) => t.key === team)?.name[lang] ?? team
}

/** Every placeholder as written, with what it stands for. @example '{{contact.name}} (naam van de klant), …' */
export function placeholderList(strings: StaffStrings): string {
  return SAVED_REPLY_PLACEHOLDERS.map((name) => `${written(name)} (${strings[PLACEHOLDER_NAME[name]]})`).join(', ')
}

/** The body hint's example: the contact's name placeholder as written. */
export const bodyHint = (strings: StaffStrings): string => format(strings['settings.savedReplies.bodyHint'], { example: written('contact.name') })

/** The reply text after inserting `filled`: in place of an empty text, or after what is written, a blank line between. */
export function withInserted(current: string, filled: string): string {
  return current.trim() ? `${current.trimEnd()}\n\n${filled}` : filled
}
