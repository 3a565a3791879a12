/** What the console's header islands share: the few words they need (not the whole console catalogue) and the paths they lead to. */
import type { StaffStrings } from '../../../i18n/index.ts'
import type { StaffPaths } from '../props.ts'

/** The words of the header's islands, picked from the console's strings. */
export const CONSOLE_WORDS = [
  'network', 'unexpected', 'account.signedInAs', 'account.signOut',
  'keys.open', 'keys.title', 'keys.close', 'keys.intro',
  'keys.help', 'keys.search', 'keys.queue', 'keys.next', 'keys.previous', 'keys.open.item', 'keys.then',
] as const satisfies readonly (keyof StaffStrings)[]

export type ConsoleWords = Pick<StaffStrings, (typeof CONSOLE_WORDS)[number]>

/** The header islands' words out of the console's strings, so a page carries only these twice. */
export function consoleWords(strings: StaffStrings): ConsoleWords {
  return Object.fromEntries(CONSOLE_WORDS.map((key) => [key, strings[key]])) as ConsoleWords
}

/** What the header's islands get from the page. */
export interface ConsoleBarProps {
  lang: import('#lib/language.ts').Language
  words: ConsoleWords
  paths: StaffPaths
}
