/** Business calendar: when the desk is open, built from desk.yaml, computed without I/O or a clock. */
import { offsetAt } from './time-zone.ts'
import type { DayHours, Localized } from './desk.ts'
import { WEEKDAYS, type Weekday } from './weekdays.ts'

export { WEEKDAYS, type Weekday }

/** Opening hours of one day, in minutes since local midnight. */
export interface Span {
  open: number
  close: number
}

/** A date whose hours differ from the regular week: closed (`span: null`) or other hours. */
export interface SpecialDay {
  span: Span | null
  /** Why, in both languages: the holiday's name or the exception's note. */
  note: Localized
  /** `holiday` for a public holiday, `exception` for a published exception. */
  source: 'holiday' | 'exception'
}

/**
 * Everything needed to answer "is the desk open?" for any moment: plain data, so the site can
 * hand it to the browser as JSON and the server can compute targets with it.
 */
export interface BusinessCalendar {
  timeZone: string
  /** Regular hours, Monday first; `null` is closed. */
  weekly: (Span | null)[]
  /** Special days by local date (YYYY-MM-DD). */
  days: Record<string, SpecialDay>
}

/** What the desk is doing at one moment. */
export interface DeskStatus {
  isOpen: boolean
  /** Open: when it closes. Closed: when it opens next; `null` when no opening is known ahead. */
  changesAt: Date | null
  /** Today's special day, if any: why it is closed or why the hours differ. */
  today: SpecialDay | null
}

/** Minutes since midnight of "HH:MM". @example minutes('08:30') === 510 */
export function minutes(clock: string): number {
  const [h, m] = clock.split(':').map(Number)
  return h * 60 + m
}

/** "HH:MM" of minutes since midnight. @example clock(1020) === '17:00' */
export function clock(total: number): string {
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`
}

export function spanOf(hours: DayHours): Span {
  return { open: minutes(hours.open), close: minutes(hours.close) }
}

/** The weekly hours as a Monday-first list, from desk.yaml's weekday map. */
export function weeklySpans(hours: Partial<Record<Weekday, DayHours>>): (Span | null)[] {
  return WEEKDAYS.map((day) => (hours[day] ? spanOf(hours[day]) : null))
}

/** `at` moved by the time zone's offset, so its UTC fields read as local wall-clock time. */
function wallClock(calendar: BusinessCalendar, at: Date): Date {
  return new Date(at.getTime() + offsetAt(calendar.timeZone, at) * 60_000)
}

/** The local date (YYYY-MM-DD) of `at` in the calendar's time zone. */
export function localDate(calendar: BusinessCalendar, at: Date): string {
  const local = wallClock(calendar, at)
  return isoDay(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate())
}

/** Minutes past local midnight of `at` in the calendar's time zone. */
export function localMinutes(calendar: BusinessCalendar, at: Date): number {
  const local = wallClock(calendar, at)
  return local.getUTCHours() * 60 + local.getUTCMinutes()
}

/**
 * The instant of local `date` at `minute` past midnight in the calendar's time zone. The offset is
 * looked up twice because the first guess can sit on the other side of a clock change.
 */
export function instantOf(calendar: BusinessCalendar, date: string, minute: number): Date {
  const [y, m, d] = date.split('-').map(Number)
  const asUtc = Date.UTC(y, m - 1, d, Math.floor(minute / 60), minute % 60)
  const guess = asUtc - offsetAt(calendar.timeZone, new Date(asUtc)) * 60_000
  return new Date(asUtc - offsetAt(calendar.timeZone, new Date(guess)) * 60_000)
}

/** The day after local `date`. @example nextDate('2026-12-31') === '2027-01-01' */
export function nextDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number)
  const next = new Date(Date.UTC(y, m - 1, d + 1))
  return isoDay(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate())
}

/** One local day of a calendar as instants (milliseconds since the epoch): what business time is counted from. */
export interface CalendarDay {
  readonly date: string
  /** Local midnight, and the next day's: the day is [start, end). */
  readonly start: number
  readonly end: number
  /** The opening hours as [open, close), or null when closed. */
  readonly hours: readonly [number, number] | null
  /** The local date after this one. */
  readonly next: string
}

/** Days already worked out, per calendar (a calendar is plain data, never changed once built); shared, so read-only. */
const daysOf = new WeakMap<BusinessCalendar, Map<string, CalendarDay>>()
const DAYS_KEPT = 20_000

/**
 * Local `date` of `calendar` as instants. Targets walk the same days for every open incident of a
 * list, so each day is worked out once per calendar.
 */
export function dayOf(calendar: BusinessCalendar, date: string): CalendarDay {
  let days = daysOf.get(calendar)
  if (!days) daysOf.set(calendar, (days = new Map()))
  let day = days.get(date)
  if (!day) {
    const next = nextDate(date)
    const span = hoursOn(calendar, date)
    day = {
      date, next, start: instantOf(calendar, date, 0).getTime(), end: instantOf(calendar, next, 0).getTime(),
      hours: span ? [instantOf(calendar, date, span.open).getTime(), instantOf(calendar, date, span.close).getTime()] : null,
    }
    if (days.size >= DAYS_KEPT) days.clear()
    days.set(date, day)
  }
  return day
}

/** Weekday of a local date, 0 = Monday … 6 = Sunday. */
export function weekdayIndex(date: string): number {
  const [y, m, d] = date.split('-').map(Number)
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7
}

/** The hours of a local date: the special day's if there is one, else the weekly hours. */
export function hoursOn(calendar: BusinessCalendar, date: string): Span | null {
  const special = calendar.days[date]
  return special ? special.span : calendar.weekly[weekdayIndex(date)]
}

/** How far ahead an opening is searched for before giving up (a desk closed for two years). */
const SEARCH_DAYS = 731

/** Whether the desk is open at `at`, and when that changes next. */
export function statusAt(calendar: BusinessCalendar, at: Date): DeskStatus {
  const today = localDate(calendar, at)
  const span = hoursOn(calendar, today)
  const special = calendar.days[today] ?? null
  if (span) {
    const opens = instantOf(calendar, today, span.open)
    const closes = instantOf(calendar, today, span.close)
    if (at >= opens && at < closes) return { isOpen: true, changesAt: closes, today: special }
    if (at < opens) return { isOpen: false, changesAt: opens, today: special }
  }
  return { isOpen: false, changesAt: nextOpeningAfter(calendar, today), today: special }
}

/** The first opening on a day after local `date`, or null when none within two years. */
function nextOpeningAfter(calendar: BusinessCalendar, date: string): Date | null {
  let day = date
  for (let i = 0; i < SEARCH_DAYS; i++) {
    day = nextDate(day)
    const span = hoursOn(calendar, day)
    if (span) return instantOf(calendar, day, span.open)
  }
  return null
}

/** Special days from `from` (inclusive) up to `until` (exclusive), in date order. */
export function specialDaysBetween(calendar: BusinessCalendar, from: string, until: string): (SpecialDay & { date: string })[] {
  return Object.entries(calendar.days)
    .filter(([date]) => date >= from && date < until)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, day]) => ({ date, ...day }))
}

/** A calendar restricted to special days in [from, until): what a page needs to ship to the browser. */
export function calendarWindow(calendar: BusinessCalendar, from: string, until: string): BusinessCalendar {
  const days = Object.fromEntries(specialDaysBetween(calendar, from, until).map(({ date, ...day }) => [date, day]))
  return { timeZone: calendar.timeZone, weekly: calendar.weekly, days }
}

function isoDay(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}
