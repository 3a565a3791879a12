/** "Open now until 17:00" / "Closed — opens Monday at 08:30": the live desk status as one sentence. */
import { type BusinessCalendar, clock, localDate, localMinutes, nextDate, statusAt, weekdayIndex } from '#domain/calendar.ts'
import type { Language } from '#lib/language.ts'
import { format } from '#lib/format.ts'

/** The strings the sentence is made of, in one language (taken from the site's dictionary). */
export interface StatusStrings {
  openUntil: string
  closedOpens: string
  closedToday: string
  changedToday: string
  noOpening: string
  today: string
  tomorrow: string
  /** Weekday names, Monday first. */
  days: string[]
}

export interface StatusSentence {
  isOpen: boolean
  /** The main line, e.g. "Nu geopend tot 17:00". */
  text: string
  /** Why today differs (a holiday or a published exception), if it does. */
  note: string | null
}

/** Describes the desk at `now` in `lang`. */
export function describeStatus(calendar: BusinessCalendar, now: Date, lang: Language, strings: StatusStrings): StatusSentence {
  const status = statusAt(calendar, now)
  const today = localDate(calendar, now)
  const note = status.today
    ? format(status.today.span ? strings.changedToday : strings.closedToday, { note: status.today.note[lang] })
    : null
  if (!status.changesAt) return { isOpen: false, text: strings.noOpening, note }
  const time = clock(localMinutes(calendar, status.changesAt))
  if (status.isOpen) return { isOpen: true, text: format(strings.openUntil, { time }), note }
  const day = localDate(calendar, status.changesAt)
  const dayName = day === today ? strings.today : day === nextDate(today) ? strings.tomorrow : strings.days[weekdayIndex(day)]
  return { isOpen: false, text: format(strings.closedOpens, { day: dayName, time }), note }
}

