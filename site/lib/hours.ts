/** Opening hours as people read them: consecutive days with the same hours grouped together. */
import { type BusinessCalendar, type Span, calendarWindow, clock, localDate } from '#domain/calendar.ts'
import type { Language } from '#lib/language.ts'
import { dictionaries, translator, type MessageKey } from '../i18n/index.ts'
import type { StatusStrings } from './opening-status.ts'

export const DAY_KEYS = ['day.monday', 'day.tuesday', 'day.wednesday', 'day.thursday', 'day.friday', 'day.saturday', 'day.sunday'] as const satisfies MessageKey[]

export interface DayGroup {
  /** Weekday indexes, Monday = 0. */
  first: number
  last: number
  span: Span | null
}

/** Groups Monday–Sunday into runs of equal hours. @example Mon–Thu 08:30–17:00, Fri 08:30–16:00, Sat–Sun closed */
export function groupWeekly(weekly: (Span | null)[]): DayGroup[] {
  const groups: DayGroup[] = []
  weekly.forEach((span, day) => {
    const last = groups.at(-1)
    if (last && sameSpan(last.span, span)) last.last = day
    else groups.push({ first: day, last: day, span })
  })
  return groups
}

/** "maandag – donderdag" or "vrijdag". */
export function dayRange(lang: Language, group: DayGroup): string {
  const tr = translator(lang)
  const first = tr(DAY_KEYS[group.first])
  return group.first === group.last ? first : `${first} – ${tr(DAY_KEYS[group.last])}`
}

/** "08:30 – 17:00", or "" for a closed day (the caller says "closed" in its own words). */
export function spanText(span: Span | null): string {
  return span ? `${clock(span.open)} – ${clock(span.close)}` : ''
}

/** The strings the live status needs, from the dictionary of `lang`. */
export function statusStrings(lang: Language): StatusStrings {
  const d = dictionaries[lang]
  return {
    openUntil: d['contact.openUntil'],
    closedOpens: d['contact.closedOpens'],
    closedToday: d['contact.closedToday'],
    changedToday: d['contact.changedToday'],
    noOpening: d['contact.noOpening'],
    today: d['day.today'],
    tomorrow: d['day.tomorrow'],
    days: DAY_KEYS.map((k) => d[k]),
  }
}

/** The part of the calendar a page ships to the browser: special days of the coming 400 days. */
export function calendarForBrowser(calendar: BusinessCalendar, now = new Date()): BusinessCalendar {
  const from = localDate(calendar, new Date(now.getTime() - 86_400_000))
  const until = localDate(calendar, new Date(now.getTime() + 400 * 86_400_000))
  return calendarWindow(calendar, from, until)
}

function sameSpan(a: Span | null, b: Span | null): boolean {
  return a === b || (a !== null && b !== null && a.open === b.open && a.close === b.close)
}
