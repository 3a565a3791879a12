/**
 * Date formatters made once per locale and options, for the server, the islands and the widget alike.
 * Making an `Intl.DateTimeFormat` with a time zone costs about a quarter of a millisecond (in a
 * registration, the mail's opening time was its largest cost); formatting with one made costs microseconds.
 */

const made = new Map<string, Intl.DateTimeFormat>()

/** @example dateFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' }).format(at) === '10:00' */
export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`
  let found = made.get(key)
  if (!found) made.set(key, (found = new Intl.DateTimeFormat(locale, options)))
  return found
}
