/** What the page hands every console island: its language, its strings and the console's own paths. */
import type { Language } from '#lib/language.ts'
import type { StaffStrings } from '../../i18n/index.ts'

export interface StaffProps {
  lang: Language
  strings: StaffStrings
  paths: StaffPaths
}

/** What a console island's parts share: the language and the strings. */
export type StaffCommon = Pick<StaffProps, 'lang' | 'strings'>

/** The console's pages in the page's language. */
export interface StaffPaths {
  queue: string
  /** The incident page; add `?id=<incident id>`. */
  incident: string
  /** The console's search of every incident; add `?q=<words>`. */
  search: string
  signals: string
  insight: string
  /** The complaints desk; add `?id=<complaint id>` for one. */
  complaints: string
  /** The inbox: the staff member's notifications. */
  inbox: string
  /** The settings page: saved replies, mail preferences and, for admins, the desk notice. */
  settings: string
}
