/**
 * Dates as the desk writes them, with formatters made once per locale and options, for the server,
 * the islands and the widget alike. Making an `Intl.DateTimeFormat` with a time zone costs about a
 * quarter of a millisecond (in a registration, the mail's opening time was its largest cost);
 * formatting with one made costs microseconds.
 */
import { localeOf, type Language } from './language.ts'

const made = new Map<string, Intl.DateTimeFormat>()

/** @example dateFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' }).format(at) === '10:00' */
export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`
  let found = made.get(key)
  if (!found) made.set(key, (found = new Intl.DateTimeFormat(locale, options)))
  return found
}

/**
 * The time of day on the clock of `timeZone`: the 24-hour clock in both languages, as the desk's
 * hours are written. @example clockTimeIn(new Date('2026-12-01T09:05:00Z'), 'Europe/Amsterdam') === '10:05'
 */
export function clockTimeIn(at: Date, timeZone: string): string {
  return dateFormat('nl-NL', { timeZone, hour: '2-digit', minute: '2-digit' }).format(at)
}

/**
 * A moment's day in words and its time, in `timeZone`, for a sentence such as "{day} om {time}".
 * @example dayAndTime(new Date('2026-12-01T09:00:00Z'), 'Europe/Amsterdam', 'nl') // { day: 'dinsdag 1 december', time: '10:00' }
 */
export function dayAndTime(at: Date, timeZone: string, lang: Language): { day: string; time: string } {
  return { day: dateFormat(localeOf(lang), { timeZone, weekday: 'long', day: 'numeric', month: 'long' }).format(at), time: clockTimeIn(at, timeZone) }
}
