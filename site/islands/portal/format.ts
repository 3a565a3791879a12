/** Dates and sizes as the portal shows them: in the desk's time zone and the page's language. */
import { type Language, localeOf } from '#lib/language.ts'
import { dateFormat } from '#lib/date-format.ts'

/** The desk's time zone: targets and hours are kept in it, whatever the visitor's own clock says. */
export const DESK_TIME_ZONE = 'Europe/Amsterdam'

const formatter = (lang: Language, options: Intl.DateTimeFormatOptions) => dateFormat(localeOf(lang), { timeZone: DESK_TIME_ZONE, ...options })

/** @example moment('nl', '2026-12-01T09:00:00Z') === '1 dec 2026, 10:00' */
export function moment(lang: Language, iso: string): string {
  return formatter(lang, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(iso))
}

/** @example day('en', '2026-12-01T09:00:00Z') === '1 Dec 2026' */
export function day(lang: Language, iso: string): string {
  return formatter(lang, { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(iso))
}

/** A file size people read: bytes, kB or MB with one decimal. */
export function fileSize(lang: Language, bytes: number): string {
  const number = (n: number) => n.toLocaleString(localeOf(lang), { maximumFractionDigits: 1 })
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${number(bytes / 1024)} kB`
  return `${number(bytes / 1024 / 1024)} MB`
}
