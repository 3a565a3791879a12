/** Signals for Customer Care: contact moments per organisation over a rolling window, the thresholds crossed, and follow-ups. */
import { tzOffset } from '@date-fns/tz'
import { z } from 'zod'
import { addDays, isoWeek, mondayOf } from '#lib/iso-week.ts'
import { INCIDENT_KINDS, type DeskConfig, type Localized } from './desk.ts'
import { FOLLOW_UP_KINDS, type FollowUp, type Incident, type Message, type Organisation, type Staff, type StaffRole } from './records.ts'

/** The ISO week of a date: lib/iso-week.ts's, exported here as before. */
export { isoWeek }

const DAY_MS = 86_400_000
/** Weeks in the weekly series, the current (partial) week included. */
export const SERIES_WEEKS = 12
/** Entries in each top list. */
export const TOP_SIZE = 5

type IncidentKind = Incident['kind']
export type ThresholdKind = DeskConfig['signals']['thresholds'][number]['kind']

/** Staff roles that see signals and record follow-ups. */
export const CUSTOMER_CARE_ROLES: readonly StaffRole[] = ['customer_care', 'admin']

/** Whether this staff member works with signals: Customer Care and admins, not agents. */
export function isCustomerCare(staff: Pick<Staff, 'role'>): boolean {
  return CUSTOMER_CARE_ROLES.includes(staff.role)
}

/** One time an organisation contacted support. */
export interface ContactMoment {
  organisationId: string
  /** The kind of the incident it was about. */
  kind: IncidentKind
  productArea: string
  /** `incident`: an incident registered; `reaction`: a customer's public message; `phone`: a logged phone contact. */
  source: 'incident' | 'reaction' | 'phone'
  at: Date
  /** The KB search that led to a registered incident, as typed. */
  kbQuery?: string
}

/**
 * The contact moments in `incidents` and `messages`: each incident's registration, each public
 * message a contact wrote (a reaction), and each logged phone contact (channel 'phone', whoever
 * logged it). A message whose incident is not among `incidents` is left out.
 */
export function contactMoments(incidents: Incident[], messages: Message[]): ContactMoment[] {
  const byId = new Map(incidents.map((i) => [i.id, i]))
  const moments: ContactMoment[] = incidents.map((i) => ({
    organisationId: i.organisationId, kind: i.kind, productArea: i.productArea, source: 'incident', at: new Date(i.registeredAt),
    ...(i.kbQuery ? { kbQuery: i.kbQuery } : {}),
  }))
  for (const m of messages) {
    const incident = byId.get(m.incidentId)
    const source = m.channel === 'phone' ? 'phone' : m.visibility === 'public' && m.author.startsWith('contact:') ? 'reaction' : undefined
    if (!incident || !source) continue
    moments.push({ organisationId: incident.organisationId, kind: incident.kind, productArea: incident.productArea, source, at: new Date(m.at) })
  }
  return moments
}

/** Contact moments in the window, counted. */
export interface SignalCounts {
  total: number
  /** Per incident kind; a reaction or phone contact counts as the kind of its incident. */
  byKind: Record<IncidentKind, number>
  /** Per way of contact: incidents registered, customer reactions, logged phone contacts. */
  bySource: { incidents: number; reactions: number; phoneContacts: number }
}

/** A threshold of desk.yaml the organisation reached: `count` is the threshold, `reached` the moments counted. */
export interface CrossedThreshold {
  kind: ThresholdKind
  count: number
  reached: number
}

/** One ISO week (Monday to Sunday in the desk's time zone) of the weekly series. */
export interface WeekCount {
  /** ISO week, e.g. "2026-W49". */
  week: string
  /** Its Monday, local date "YYYY-MM-DD". */
  startsOn: string
  count: number
}

/** What Customer Care sees of one organisation. */
export interface OrganisationSignal {
  organisationId: string
  name: string
  isFirstClass: boolean
  /** Whether it reaches at least one threshold within the window. */
  isFlagged: boolean
  counts: SignalCounts
  /** The thresholds it reaches, in desk.yaml's order; empty when not flagged. */
  crossed: CrossedThreshold[]
  /** Contact moments per week over the last 12 ISO weeks, oldest first, the current week last. */
  weekly: WeekCount[]
  /** The product areas of its contact moments in the window, most first (at most 5). */
  productAreas: { key: string; name: Localized; count: number }[]
  /** The KB searches behind its incidents registered in the window, lowercased and trimmed, most first (at most 5). */
  kbQueries: { query: string; count: number }[]
}

/**
 * Whether `at` lies in the window of `windowDays` ending at `now`: from exactly `windowDays` days
 * before `now` (inclusive) up to `now` (inclusive); a moment after `now` is not counted.
 */
export function isInWindow(at: Date, now: Date, windowDays: number): boolean {
  const t = at.getTime()
  return t <= now.getTime() && t >= now.getTime() - windowDays * DAY_MS
}

/**
 * Signals per organisation at `now`: counts in the window, thresholds crossed, the weekly series
 * and the top product areas and KB searches. Every organisation is listed, flagged ones first,
 * then by most contact moments in the window, then by name.
 * @example organisationSignals({ organisations, incidents, messages }, { now: new Date(), desk })
 */
export function organisationSignals(
  records: { organisations: Organisation[]; incidents: Incident[]; messages: Message[] },
  context: { now: Date; desk: Pick<DeskConfig, 'signals' | 'timeZone' | 'productAreas'> },
): OrganisationSignal[] {
  const { now, desk } = context
  const moments = new Map<string, ContactMoment[]>()
  for (const m of contactMoments(records.incidents, records.messages)) {
    const list = moments.get(m.organisationId)
    if (list) list.push(m)
    else moments.set(m.organisationId, [m])
  }
  const weeks = weeksEndingAt(now, desk.timeZone, SERIES_WEEKS)
  const areaNames = new Map(desk.productAreas.map((a) => [a.key, a.name]))
  const signals = records.organisations.map((organisation): OrganisationSignal => {
    const all = moments.get(organisation.id) ?? []
    const inWindow = all.filter((m) => isInWindow(m.at, now, desk.signals.windowDays))
    const counts = countsOf(inWindow)
    const crossed = desk.signals.thresholds
      .map((t) => ({ kind: t.kind, count: t.count, reached: t.kind === 'any' ? counts.total : counts.byKind[t.kind] }))
      .filter((t) => t.reached >= t.count)
    return {
      organisationId: organisation.id,
      name: organisation.name,
      isFirstClass: organisation.isFirstClass,
      isFlagged: crossed.length > 0,
      counts,
      crossed,
      weekly: weeklySeries(all.filter((m) => m.at <= now), weeks, desk.timeZone),
      productAreas: top(inWindow.map((m) => m.productArea)).map(([key, count]) => ({ key, name: areaNames.get(key) ?? { nl: key, en: key }, count })),
      kbQueries: top(inWindow.flatMap((m) => (m.source === 'incident' && m.kbQuery ? [normaliseQuery(m.kbQuery)] : [])).filter(Boolean))
        .map(([query, count]) => ({ query, count })),
    }
  })
  return signals.sort((a, b) => Number(b.isFlagged) - Number(a.isFlagged) || b.counts.total - a.counts.total || a.name.localeCompare(b.name))
}

function countsOf(moments: ContactMoment[]): SignalCounts {
  const byKind = Object.fromEntries(INCIDENT_KINDS.map((k) => [k, 0])) as Record<IncidentKind, number>
  const bySource = { incidents: 0, reactions: 0, phoneContacts: 0 }
  for (const m of moments) {
    byKind[m.kind]++
    bySource[m.source === 'incident' ? 'incidents' : m.source === 'reaction' ? 'reactions' : 'phoneContacts']++
  }
  return { total: moments.length, byKind, bySource }
}

/** A KB search as it is counted: lowercased, trimmed, inner runs of spaces as one. @example normaliseQuery('  BTW  Fout ') === 'btw fout' */
export function normaliseQuery(query: string): string {
  return query.trim().replace(/\s+/g, ' ').toLowerCase()
}

/** The most frequent values, most first; ties in alphabetical order so the list is stable. */
function top(values: string[], size = TOP_SIZE): [string, number][] {
  const counts = new Map<string, number>()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, size)
}

function weeklySeries(moments: ContactMoment[], weeks: Omit<WeekCount, 'count'>[], timeZone: string): WeekCount[] {
  const counts = new Map(weeks.map((w) => [w.startsOn, 0]))
  for (const m of moments) {
    const monday = mondayOf(localDate(m.at, timeZone))
    const count = counts.get(monday)
    if (count !== undefined) counts.set(monday, count + 1)
  }
  return weeks.map((w) => ({ ...w, count: counts.get(w.startsOn) ?? 0 }))
}

/** The `count` ISO weeks up to and including the one `now` falls in, in `timeZone`, oldest first. */
export function weeksEndingAt(now: Date, timeZone: string, count: number): Omit<WeekCount, 'count'>[] {
  const monday = mondayOf(localDate(now, timeZone))
  return Array.from({ length: count }, (_, i) => {
    const startsOn = addDays(monday, -7 * (count - 1 - i))
    return { week: isoWeek(startsOn), startsOn }
  })
}

/** The local date "YYYY-MM-DD" of `at` in `timeZone`. */
export function localDate(at: Date, timeZone: string): string {
  return new Date(at.getTime() + tzOffset(timeZone, at) * 60_000).toISOString().slice(0, 10)
}

/** A follow-up Customer Care records for an organisation. */
export const FollowUpInput = z.strictObject({
  /** course, advisor_visit or consultant_visit. */
  kind: z.enum(FOLLOW_UP_KINDS)
    .meta({ description: '`course`: a course; `advisor_visit`: a visit by an advisor; `consultant_visit`: a visit by a consultant.' }),
  /** The day of the course or visit; a real date. @example "2026-12-14" */
  date: z.iso.date({ error: 'expected a real date as YYYY-MM-DD, e.g. 2026-12-14' })
    .meta({ description: 'The day of the course or visit, past or to come: a real date as YYYY-MM-DD.' }),
  /** What was agreed or done, 1 to 2000 characters; trimmed. */
  note: z.string().trim().min(1).max(2000).meta({ description: 'What was agreed or done, trimmed.' }),
}).meta({ id: 'FollowUpInput', title: 'FollowUpInput', description: 'A follow-up Customer Care records for an organisation.' })
export type FollowUpInput = z.input<typeof FollowUpInput>

/** The follow-up to store for `input`, recorded by `by` ("staff:<id>") at `now`. */
export function newFollowUp(input: z.output<typeof FollowUpInput>, context: { id: string; organisationId: string; by: string; now: Date }): FollowUp {
  return { id: context.id, organisationId: context.organisationId, kind: input.kind, date: input.date, note: input.note, by: context.by, at: context.now.toISOString() }
}
