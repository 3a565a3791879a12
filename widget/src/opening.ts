/** "Open now until 17:00" / "Closed now — opens Monday at 08:30", from the API's desk reply, in the desk's time zone. */
import { type Language, localeOf } from '#lib/language.ts'
import type { DeskStatusReply } from '#domain/desk-status.ts'
import { format } from '#lib/format.ts'
import type { Strings } from './strings.ts'
import { dateFormat } from '#lib/date-format.ts'

export interface OpeningLine {
  isOpen: boolean
  text: string
  /** Why today differs: a holiday or a published exception, named. */
  note: string | null
}

/**
 * The desk's status at `now`. The reply may be a few minutes old (it is cached): once its
 * `changesAt` has passed, the status has turned, and the line says so rather than stay wrong.
 */
export function describeDesk(desk: DeskStatusReply, now: Date, lang: Language, strings: Strings): OpeningLine {
  const note = desk.today ? format(desk.today.hours ? strings.changedToday : strings.closedToday, { note: desk.today.note[lang] }) : null
  const changesAt = desk.changesAt ? new Date(desk.changesAt) : null
  const hasTurned = changesAt !== null && changesAt <= now
  const isOpen = hasTurned ? !desk.isOpen : desk.isOpen
  if (!changesAt || hasTurned) return { isOpen, text: isOpen ? strings.openNow : strings.closedNoOpening, note }
  const time = localTime(changesAt, desk.timeZone, lang)
  if (isOpen) return { isOpen, text: format(strings.openUntil, { time }), note }
  const day = localDay(changesAt, desk.timeZone)
  const today = localDay(now, desk.timeZone)
  const dayName = day === today ? strings.today
    : day === dayAfter(today) ? strings.tomorrow
    : dateFormat(lang, { weekday: 'long', timeZone: desk.timeZone }).format(changesAt)
  return { isOpen, text: format(strings.closedOpens, { day: dayName, time }), note }
}

/** "08:30": hours and minutes in `timeZone`, 24-hour clock. */
function localTime(at: Date, timeZone: string, lang: Language): string {
  return dateFormat(localeOf(lang), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(at)
}

/** "2026-11-30": the calendar date in `timeZone`. */
function localDay(at: Date, timeZone: string): string {
  return dateFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(at)
}

/** The date after "2026-11-30", by the calendar, whatever the clock does that night. */
function dayAfter(date: string): string {
  const next = new Date(`${date}T12:00:00Z`)
  next.setUTCDate(next.getUTCDate() + 1)
  return next.toISOString().slice(0, 10)
}
