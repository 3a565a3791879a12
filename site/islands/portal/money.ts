/** Amounts of money as the portal shows them: euros, in the page's language. */
import { type Language, localeOf } from '#lib/language.ts'

const formatters = new Map<Language, Intl.NumberFormat>()

/** An amount kept in cents, in euros. @example euros('nl', 184_500) === '€ 1.845,00' (with a no-break space) */
export function euros(lang: Language, cents: number): string {
  let found = formatters.get(lang)
  if (!found) formatters.set(lang, (found = new Intl.NumberFormat(localeOf(lang), { style: 'currency', currency: 'EUR' })))
  return found.format(cents / 100)
}
