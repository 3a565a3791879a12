/** The languages the desk speaks: one list for the server, the site and the widget (no zod, no framework). */

/** The languages the desk speaks, default first. */
export const LANGUAGES = ['nl', 'en'] as const

/** One of the desk's languages: `nl` (the default) or `en`. */
export type Language = (typeof LANGUAGES)[number]

/** Whether a value is one of the desk's languages. @example isLanguage('de') // → false */
export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value)
}

/** The locale a language's dates and numbers are written in. @example localeOf('en') === 'en-GB' */
export function localeOf(lang: Language): string {
  return lang === 'nl' ? 'nl-NL' : 'en-GB'
}
