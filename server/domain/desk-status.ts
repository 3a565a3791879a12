/** What the widget shows about the desk (GET /api/desk): open or not, special days, hours, phone, priorities, product areas. */
import { type BusinessCalendar, clock, localDate, nextDate, type Span, specialDaysBetween, statusAt, WEEKDAYS, type Weekday } from './calendar.ts'
import type { DeskConfig, Localized, Priority } from './desk.ts'

/** Opening and closing time of one day, local "HH:MM". */
export interface Hours {
  open: string
  close: string
}

/** The desk as the widget shows it, ready for JSON. */
export interface DeskStatusReply {
  isOpen: boolean
  /** ISO instant: when it closes while open, when it opens next while closed; `null` when no opening is known. */
  changesAt: string | null
  /** Today's special day: why it is closed (`hours: null`) or why the hours differ; `null` on an ordinary day. */
  today: { note: Localized; hours: Hours | null } | null
  /** Special days from today on, in date order. */
  upcoming: { date: string; closed: boolean; hours: Hours | null; note: Localized }[]
  /** The regular week, Monday first. */
  weekly: ({ day: Weekday } & (Hours | { closed: true }))[]
  phone: DeskConfig['phone']
  timeZone: string
  priorities: { level: Priority; name: Localized; description: Localized; targetText: Localized; firstClassOnly: boolean }[]
  /** The product areas the incident form offers, in desk.yaml's order: the key to send, the name to show. */
  productAreas: { key: string; name: Localized }[]
  /** The notice of exceptional busyness running now, added by the API from the stored one (deskStatus leaves it out); null when none runs. */
  notice?: { text: Localized; endsAt: string } | null
}

/**
 * The desk at `now` for the widget: whether it is open and until or from when, today's and the
 * upcoming special days (those in the `daysAhead` days from today on, today included; default 30),
 * the weekly hours, the phone number, the priorities with their targets in words and the product
 * areas for the incident form.
 */
export function deskStatus(desk: DeskConfig, calendar: BusinessCalendar, now: Date, options: { daysAhead?: number } = {}): DeskStatusReply {
  const daysAhead = options.daysAhead ?? 30
  if (!Number.isInteger(daysAhead) || daysAhead < 0) throw new RangeError(`daysAhead must be a whole number of days, zero or more, got ${daysAhead}`)
  const status = statusAt(calendar, now)
  const today = localDate(calendar, now)
  let until = today
  for (let i = 0; i < daysAhead; i++) until = nextDate(until)
  return {
    isOpen: status.isOpen,
    changesAt: status.changesAt?.toISOString() ?? null,
    today: status.today && { note: status.today.note, hours: hoursOf(status.today.span) },
    upcoming: specialDaysBetween(calendar, today, until).map(({ date, span, note }) => ({ date, closed: span === null, hours: hoursOf(span), note })),
    weekly: WEEKDAYS.map((day, i) => {
      const hours = hoursOf(calendar.weekly[i] ?? null)
      return hours ? { day, ...hours } : { day, closed: true as const }
    }),
    phone: desk.phone,
    timeZone: calendar.timeZone,
    priorities: desk.priorities.map(({ level, name, description, targetText, firstClassOnly }) => ({ level, name, description, targetText, firstClassOnly })),
    productAreas: desk.productAreas.map(({ key, name }) => ({ key, name })),
  }
}

function hoursOf(span: Span | null): Hours | null {
  return span && { open: clock(span.open), close: clock(span.close) }
}
