/** Signals for Customer Care: contact moments per organisation over a rolling window, the thresholds crossed, and follow-ups. */
import { tzOffset } from '@date-fns/tz'
import { z } from 'zod'
import { addDays, isoWeek, mondayOf } from '#lib/iso-week.ts'
import type { DeskConfig, Localized } from './desk.ts'
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
export type ThresholdOf = DeskConfig['signals']['thresholds'][number]['of']

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

/** The contact moment of an incident's registration. */
export function registrationMoment(incident: Incident): ContactMoment {
  return {
    organisationId: incident.organisationId, kind: incident.kind, productArea: incident.productArea, source: 'incident', at: new Date(incident.registeredAt),
    ...(incident.kbQuery ? { kbQuery: incident.kbQuery } : {}),
  }
}

/**
 * The contact moment a message is, if any: a public message a contact wrote (a reaction) or a
 * logged phone contact (channel 'phone', whoever logged it); staff replies and notes are none.
 */
export function messageMoment(message: Message, incident: Pick<Incident, 'organisationId' | 'kind' | 'productArea'>): ContactMoment | undefined {
  const source = momentSource(message)
  return source && { organisationId: incident.organisationId, kind: incident.kind, productArea: incident.productArea, source, at: new Date(message.at) }
}

/** What kind of contact moment a message is: `phone` (a logged phone contact), `reaction` (a contact's public message), or none. */
export function momentSource(message: Pick<Message, 'channel' | 'visibility' | 'author'>): 'reaction' | 'phone' | undefined {
  return message.channel === 'phone' ? 'phone' : message.visibility === 'public' && message.author.startsWith('contact:') ? 'reaction' : undefined
}

/**
 * The contact moments in `incidents` and `messages`: each incident's registration, each public
 * message a contact wrote (a reaction), and each logged phone contact (channel 'phone', whoever
 * logged it). A message whose incident is not among `incidents` is left out.
 */
export function contactMoments(incidents: Incident[], messages: Message[]): ContactMoment[] {
  const byId = new Map(incidents.map((i) => [i.id, i]))
  const moments: ContactMoment[] = incidents.map(registrationMoment)
  for (const m of messages) {
    const incident = byId.get(m.incidentId)
    const moment = incident && messageMoment(m, incident)
    if (moment) moments.push(moment)
  }
  return moments
}

/**
 * A counter of contact moments, as the stores keep them: per organisation, local day in the
 * desk's time zone, and all the signals group by. The stores raise it on every write that makes
 * a contact moment, so signals read counters, not every incident and message.
 */
export interface MomentCount {
  organisationId: string
  /** The local date of the moments in the desk's time zone, "YYYY-MM-DD". */
  day: string
  kind: IncidentKind
  productArea: string
  source: ContactMoment['source']
  /** The KB search behind a registration, normalised (normaliseQuery); '' for none, and for reactions and phone contacts. */
  kbQuery: string
  /** Moments with these keys: at least 1. */
  count: number
}

/** The counter a moment raises, in `timeZone`. */
export function countKeyOf(moment: ContactMoment, timeZone: string): Omit<MomentCount, 'count'> {
  return {
    organisationId: moment.organisationId, day: localDate(moment.at, timeZone), kind: moment.kind, productArea: moment.productArea, source: moment.source,
    kbQuery: moment.source === 'incident' && moment.kbQuery ? normaliseQuery(moment.kbQuery) : '',
  }
}

/** `moments` counted per key, in `timeZone`: what a store holds after writing them. */
export function countMoments(moments: ContactMoment[], timeZone: string): MomentCount[] {
  const counts = new Map<string, MomentCount>()
  for (const m of moments) {
    const key = countKeyOf(m, timeZone)
    const id = JSON.stringify(key)
    const found = counts.get(id)
    if (found) found.count++
    else counts.set(id, { ...key, count: 1 })
  }
  return [...counts.values()]
}

/**
 * The days signals at `now` read: counters from `from` up to `today` inclusive (the series' first
 * Monday, or the window's first day if earlier); the moments of `windowStartDay`, the window's
 * first day, which the window cuts in two at `windowStart`; and of today only those later than
 * `now`, taken off its counters (today ends at `now`). So the answer is the same to the millisecond
 * as counting every moment, while only part of one day, a past one, is read moment by moment.
 */
export function signalDays(now: Date, desk: Pick<DeskConfig, 'signals' | 'timeZone'>): { from: string; today: string; windowStartDay: string; windowStart: Date } {
  const today = localDate(now, desk.timeZone)
  const windowStart = new Date(now.getTime() - desk.signals.windowDays * DAY_MS)
  const windowStartDay = localDate(windowStart, desk.timeZone)
  const seriesStart = weeksEndingAt(now, desk.timeZone, SERIES_WEEKS)[0]!.startsOn
  return { from: windowStartDay < seriesStart ? windowStartDay : seriesStart, today, windowStartDay, windowStart }
}

/** Contact moments in the window, counted. */
export interface SignalCounts {
  total: number
  /** Contact moments per incident kind: a reaction or phone contact counts as the kind of its incident. */
  byKind: Record<IncidentKind, number>
  /** Incidents registered per kind: each incident once, whatever followed it. */
  incidentsByKind: Record<IncidentKind, number>
  /** Per way of contact: incidents registered, customer reactions, logged phone contacts. */
  bySource: { incidents: number; reactions: number; phoneContacts: number }
}

/** A threshold of desk.yaml the organisation reached: `count` is the threshold, `reached` the moments counted. */
export interface CrossedThreshold {
  kind: ThresholdKind
  /** What it counts: contact moments, or incidents registered. */
  of: ThresholdOf
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
  // Counted as the stores count them, so this and the counters give one answer by one rule.
  const moments = contactMoments(records.incidents, records.messages)
  const { today, windowStartDay } = signalDays(context.now, context.desk)
  const dayOf = (m: ContactMoment) => localDate(m.at, context.desk.timeZone)
  const edge = moments.filter((m) => dayOf(m) === windowStartDay)
  const later = moments.filter((m) => m.at > context.now && dayOf(m) === today)
  return signalsFromCounts({ organisations: records.organisations, counts: countMoments(moments, context.desk.timeZone), edge, later }, context)
}

/**
 * Signals per organisation at `now`, as organisationSignals, from the stores' counters: `counts`
 * of the days signalDays names (others are ignored), per day or summed over several days of one
 * ISO week that lie on the same side of the window's first day (`day` then the first of them);
 * `edge`, the moments of the window's first day, whose counters the window does not use (of that
 * day only the moments within the window count: those before it may be left out); and `later`,
 * today's moments later than `now`, taken off today's counters.
 */
export function signalsFromCounts(
  records: { organisations: SignalOrganisation[]; counts: MomentCount[]; edge: ContactMoment[]; later: ContactMoment[] },
  context: { now: Date; desk: Pick<DeskConfig, 'signals' | 'timeZone' | 'productAreas'> },
): OrganisationSignal[] {
  const { now, desk } = context
  const { from, today, windowStartDay } = signalDays(now, desk)
  const weeks = weeksEndingAt(now, desk.timeZone, SERIES_WEEKS)
  const byOrganisation = new Map<string, { window: MomentCount[]; series: MomentCount[] }>()
  const of = (id: string) => byOrganisation.get(id) ?? byOrganisation.set(id, { window: [], series: [] }).get(id)!
  for (const c of records.counts) {
    if (c.day < from || c.day > today) continue
    const counted = of(c.organisationId)
    counted.series.push(c)
    if (c.day > windowStartDay) counted.window.push(c)
  }
  for (const m of records.edge) {
    if (isInWindow(m.at, now, desk.signals.windowDays)) of(m.organisationId).window.push({ ...countKeyOf(m, desk.timeZone), count: 1 })
  }
  for (const m of records.later) {
    const counted = of(m.organisationId)
    const count = { ...countKeyOf(m, desk.timeZone), count: -1 }
    counted.series.push(count)
    // Today's counters are in the window unless today is the window's first day (read moment by moment).
    if (today > windowStartDay) counted.window.push(count)
  }
  const areaNames = new Map(desk.productAreas.map((a) => [a.key, a.name]))
  // The Monday of each day, shared by every organisation's series: the same few days recur in all.
  const mondays = new Map<string, string>()
  const signals = records.organisations.map((organisation): OrganisationSignal => {
    const { window, series } = byOrganisation.get(organisation.id) ?? { window: [], series: [] }
    return {
      ...rankedOf(organisation, countsOf(window), desk),
      weekly: weeklySeries(series, weeks, mondays),
      productAreas: top(window.map((c) => [c.productArea, c.count])).map(([key, count]) => ({ key, name: areaNames.get(key) ?? { nl: key, en: key }, count })),
      kbQueries: top(window.flatMap((c): [string, number][] => (c.source === 'incident' && c.kbQuery ? [[c.kbQuery, c.count]] : [])))
        .map(([query, count]) => ({ query, count })),
    }
  })
  return signals.sort(bySignalOrder)
}

/** What signals list an organisation by: its id, name and whether it is a first-class customer. */
export type SignalOrganisation = Pick<Organisation, 'id' | 'name' | 'isFirstClass'>

/** Contact moments of some days, summed per organisation, kind and source: what ranking the signals needs of the counters. */
export type WindowCount = Pick<MomentCount, 'organisationId' | 'kind' | 'source' | 'count'>

/** An organisation's place among the signals: its counts in the window and the thresholds it reaches, without the series and top lists. */
export type RankedSignal = Pick<OrganisationSignal, 'organisationId' | 'name' | 'isFirstClass' | 'isFlagged' | 'counts' | 'crossed'>

/**
 * Every organisation's counts in the window and thresholds crossed at `now`, in no particular order
 * (pageOfSignals orders only what a page needs): the same as signalsFromCounts gives, from `totals`
 * (the counters of the days after the window's first day up to today, inclusive, summed per
 * organisation, kind and source), `edge` and `later` (as signalsFromCounts takes them). Cheap enough
 * for every organisation; the series and top lists are then computed for one page only.
 */
export function rankedSignals(
  records: { organisations: SignalOrganisation[]; totals: WindowCount[]; edge: ContactMoment[]; later: ContactMoment[] },
  context: { now: Date; desk: Pick<DeskConfig, 'signals' | 'timeZone'> },
): RankedSignal[] {
  const { now, desk } = context
  const { today, windowStartDay } = signalDays(now, desk)
  // Summed straight into each organisation's counts: thousands of organisations, no list per one.
  const byOrganisation = new Map<string, SignalCounts>()
  // An organisation's sums mostly come one after another: the last one found is tried first.
  let lastId = ''
  let last = noCounts()
  const add = (c: Pick<MomentCount, 'organisationId' | 'kind' | 'source'>, count: number) => {
    if (c.organisationId !== lastId) {
      lastId = c.organisationId
      last = byOrganisation.get(lastId) ?? byOrganisation.set(lastId, noCounts()).get(lastId)!
    }
    tally(last, c, count)
  }
  for (const c of records.totals) add(c, c.count)
  for (const m of records.edge) if (isInWindow(m.at, now, desk.signals.windowDays)) add(m, 1)
  if (today > windowStartDay) for (const m of records.later) add(m, -1)
  return records.organisations.map((o) => rankedOf(o, byOrganisation.get(o.id) ?? noCounts(), desk))
}

/**
 * The first `limit` of `signals` in the signals' order after `after` (when given), and whether more
 * follow. Ordered by their counts first and by name only within the counts the page reaches, so a
 * page of thousands of organisations compares few names.
 */
export function pageOfSignals<T extends SignalOrderKeys>(signals: readonly T[], { after, limit }: { after?: SignalOrderKeys; limit: number }): { page: T[]; hasMore: boolean } {
  const rest = after ? signals.filter((s) => bySignalOrder(s, after) > 0) : [...signals]
  const rank = (s: SignalOrderKeys) => (s.isFlagged ? 1 : 0) * 2 ** 40 + s.counts.total
  rest.sort((a, b) => rank(b) - rank(a))
  if (rest.length <= limit) return { page: rest.sort(bySignalOrder), hasMore: false }
  // Every signal up to the end of the last one's group (same flag and total) is ordered in full.
  const edge = rank(rest[limit - 1]!)
  let end = limit
  while (end < rest.length && rank(rest[end]!) === edge) end++
  return { page: rest.slice(0, end).sort(bySignalOrder).slice(0, limit), hasMore: true }
}

/** An organisation's counts with the thresholds of desk.yaml they reach. */
function rankedOf(organisation: SignalOrganisation, counts: SignalCounts, desk: Pick<DeskConfig, 'signals'>): RankedSignal {
  const crossed = desk.signals.thresholds
    .map((t) => ({ kind: t.kind, of: t.of, count: t.count, reached: reachedOf(t, counts) }))
    .filter((t) => t.reached >= t.count)
  return { organisationId: organisation.id, name: organisation.name, isFirstClass: organisation.isFirstClass, isFlagged: crossed.length > 0, counts, crossed }
}

/** Compares names as String#localeCompare does (the same default collation), without building it for every comparison. */
const byName = new Intl.Collator().compare

/** What the signals' order looks at. */
export type SignalOrderKeys = Pick<OrganisationSignal, 'isFlagged' | 'name' | 'organisationId'> & { counts: Pick<SignalCounts, 'total'> }

/** The order signals are listed in: flagged first, then most contact moments in the window, then by name (and id, so pages are stable). */
export function bySignalOrder(a: SignalOrderKeys, b: SignalOrderKeys): number {
  return Number(b.isFlagged) - Number(a.isFlagged) || b.counts.total - a.counts.total || byName(a.name, b.name) ||
    (a.organisationId < b.organisationId ? -1 : a.organisationId > b.organisationId ? 1 : 0)
}

/** What a threshold counts of `counts`: contact moments of its kind (or all), or incidents registered of its kind (or all). */
function reachedOf(threshold: { kind: ThresholdKind; of: ThresholdOf }, counts: SignalCounts): number {
  if (threshold.of === 'incidents') return threshold.kind === 'any' ? counts.bySource.incidents : counts.incidentsByKind[threshold.kind]
  return threshold.kind === 'any' ? counts.total : counts.byKind[threshold.kind]
}

function countsOf(counted: Pick<MomentCount, 'kind' | 'source' | 'count'>[]): SignalCounts {
  const counts = noCounts()
  for (const c of counted) tally(counts, c, c.count)
  return counts
}

/** Counts of nothing: made for thousands of organisations per request, so written out (one shape, no list to build it from). */
function noCounts(): SignalCounts {
  return {
    total: 0, byKind: { bug: 0, outage: 0, wish: 0, question: 0 } satisfies Record<IncidentKind, number>,
    incidentsByKind: { bug: 0, outage: 0, wish: 0, question: 0 } satisfies Record<IncidentKind, number>, bySource: { incidents: 0, reactions: 0, phoneContacts: 0 },
  }
}

/** Adds `count` moments of a kind and source to `counts`. */
function tally(counts: SignalCounts, c: Pick<MomentCount, 'kind' | 'source'>, count: number): void {
  counts.total += count
  counts.byKind[c.kind] += count
  if (c.source === 'incident') counts.incidentsByKind[c.kind] += count
  counts.bySource[c.source === 'incident' ? 'incidents' : c.source === 'reaction' ? 'reactions' : 'phoneContacts'] += count
}

/** A KB search as it is counted: lowercased, trimmed, inner runs of spaces as one. @example normaliseQuery('  BTW  Fout ') === 'btw fout' */
export function normaliseQuery(query: string): string {
  return query.trim().replace(/\s+/g, ' ').toLowerCase()
}

/** The most frequent values, most first; ties in alphabetical order so the list is stable. */
function top(values: [string, number][], size = TOP_SIZE): [string, number][] {
  const counts = new Map<string, number>()
  for (const [v, n] of values) counts.set(v, (counts.get(v) ?? 0) + n)
  // A value whose every moment is later than now (taken off again) is none.
  return [...counts].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || byName(a[0], b[0])).slice(0, size)
}

/** The weekly series of `counted`; `mondays` caches the Monday of each day (shared between calls). */
function weeklySeries(counted: MomentCount[], weeks: Omit<WeekCount, 'count'>[], mondays = new Map<string, string>()): WeekCount[] {
  const counts = new Map(weeks.map((w) => [w.startsOn, 0]))
  // Counters are per day (or week) and kind: a few days recur in thousands of them.
  for (const c of counted) {
    const monday = mondays.get(c.day) ?? mondays.set(c.day, mondayOf(c.day)).get(c.day)!
    const count = counts.get(monday)
    if (count !== undefined) counts.set(monday, count + c.count)
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
