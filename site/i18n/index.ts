/** UI strings of the site in Dutch and English: flat dotted keys, the same in both dictionaries. */
import kbNl from './nl.json'
import kbEn from './en.json'
import portalNl from './portal.nl.json'
import portalEn from './portal.en.json'
import organisationNl from './portal-organisation.nl.json'
import organisationEn from './portal-organisation.en.json'
import complaintsNl from './portal-complaints.nl.json'
import complaintsEn from './portal-complaints.en.json'
import { format } from './format.ts'
import type { Language } from '../../server/domain/desk.ts'

/** The KnowledgeBase's strings, and the portal's by area (`portal.*` keys), one dictionary per language. */
const nl = { ...kbNl, ...portalNl, ...organisationNl, ...complaintsNl }
const en = { ...kbEn, ...portalEn, ...organisationEn, ...complaintsEn }

export type MessageKey = keyof typeof nl
export const dictionaries: Record<Language, Record<MessageKey, string>> = { nl, en }

/** A portal string's key without its `portal.` prefix. */
export type PortalKey = MessageKey extends infer K ? (K extends `portal.${infer Rest}` ? Rest : never) : never
/** The strings a portal island gets: every `portal.*` entry of one language. */
export type PortalStrings = Record<PortalKey, string>

/** The portal's strings of `lang`, for an island's props. */
export function portalStrings(lang: Language): PortalStrings {
  const strings: Record<string, string> = {}
  for (const [key, value] of Object.entries(dictionaries[lang])) if (key.startsWith('portal.')) strings[key.slice('portal.'.length)] = value
  return strings as PortalStrings
}

export { format }

/** The translator of one language. @example t('nl')('search.submit') === 'Zoeken' */
export function t(lang: Language) {
  const dictionary = dictionaries[lang]
  return (key: MessageKey, vars?: Record<string, string | number>): string => format(dictionary[key], vars)
}

/** The other language of the site. */
export function otherLanguage(lang: Language): Language {
  return lang === 'nl' ? 'en' : 'nl'
}

/** Locale for Intl formatting. */
export function locale(lang: Language): string {
  return lang === 'nl' ? 'nl-NL' : 'en-GB'
}
