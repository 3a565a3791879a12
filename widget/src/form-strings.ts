/** The incident form's words, from the catalogue's `widgetForm` area: they travel in the form's own chunk, loaded when the form opens. */
import { widgetForm as en } from '#lib/i18n/en/widget-form.ts'
import { widgetForm as nl } from '#lib/i18n/nl/widget-form.ts'
import type { AreaStrings } from '#lib/i18n/index.ts'
import type { Language } from '#lib/language.ts'

export { en, nl }

export type FormStrings = AreaStrings<'widgetForm'>

/** Both languages, for tests; the form takes {@link BUNDLE_FORM_STRINGS}. */
export const FORM_STRINGS: Record<Language, FormStrings> = { nl, en }

declare const LOKET_BUNDLE_LANG: Language | undefined

/** The form's words in this bundle's language (Dutch outside a bundle). */
export const BUNDLE_FORM_STRINGS: FormStrings = typeof LOKET_BUNDLE_LANG !== 'undefined' && LOKET_BUNDLE_LANG === 'en' ? en : nl
