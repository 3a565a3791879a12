/** UI strings of the site in Dutch and English: flat dotted keys, the same in both dictionaries. */
import nl from './nl.json'
import en from './en.json'
import { format } from './format.ts'
import type { Language } from '../../server/domain/desk.ts'

export type MessageKey = keyof typeof nl
export const dictionaries: Record<Language, Record<MessageKey, string>> = { nl, en }

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
