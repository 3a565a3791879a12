/** Every word the widget shows, from the catalogue's `widget` area; a bundle keeps one language of it. */
import { widget as en } from '#lib/i18n/en/widget.ts'
import { widget as nl } from '#lib/i18n/nl/widget.ts'
import type { AreaStrings } from '#lib/i18n/index.ts'
import type { Language } from '#lib/language.ts'

export { en, nl }

export type StringKey = keyof typeof nl
export type Strings = AreaStrings<'widget'>

/** Both languages, for tests and the server; a widget bundle takes {@link BUNDLE_STRINGS}. */
export const STRINGS: Record<Language, Strings> = { nl, en }

/** Set per bundle at build time: each widget bundle carries the words of one language only. */
declare const LOKET_BUNDLE_LANG: Language | undefined

/** This bundle's language (Dutch outside a bundle). */
export const BUNDLE_LANG: Language = typeof LOKET_BUNDLE_LANG !== 'undefined' && LOKET_BUNDLE_LANG === 'en' ? 'en' : 'nl'
/** The words of this bundle's language. */
export const BUNDLE_STRINGS: Strings = typeof LOKET_BUNDLE_LANG !== 'undefined' && LOKET_BUNDLE_LANG === 'en' ? en : nl
