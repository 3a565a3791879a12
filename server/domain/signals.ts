/** Signals for Customer Care: contact moments per organisation over a rolling window, the thresholds crossed, and follow-ups. */
import { z } from 'zod'
import { addDays, isoWeek, mondayOf } from '#lib/iso-week.ts'
import { offsetAt } from './time-zone.ts'
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
  // The week of each day, shared by every organisation's series: the same few days recur in all.
  const weekOf = new Map<string, number>()
  const weekIndex = (day: string) => {
    let k = weekOf.get(day)
    if (k === undefined) {
      const monday = mondayOf(day)
      weekOf.set(day, (k = weeks.findIndex((w) => w.startsOn === monday)))
    }
    return k
  }
  const signals = records.organisations.map((organisation): OrganisationSignal => {
    const { window, series } = byOrganisation.get(organisation.id) ?? { window: [], series: [] }
    // One pass over each: the counts, product areas and KB searches of the window, and the weeks.
    const counts = noCounts()
    const areas = new Map<string, number>()
    const queries = new Map<string, number>()
    for (const c of window) {
      tally(counts, c, c.count)
      areas.set(c.productArea, (areas.get(c.productArea) ?? 0) + c.count)
      if (c.source === 'incident' && c.kbQuery) queries.set(c.kbQuery, (queries.get(c.kbQuery) ?? 0) + c.count)
    }
    const perWeek = weeks.map(() => 0)
    for (const c of series) {
      const k = weekIndex(c.day)
      if (k >= 0) perWeek[k]! += c.count
    }
    return {
      ...rankedOf(organisation, counts, desk),
      weekly: weeks.map((w, k) => ({ ...w, count: perWeek[k]! })),
      productAreas: top(areas).map(([key, count]) => ({ key, name: areaNames.get(key) ?? { nl: key, en: key }, count })),
      kbQueries: top(queries).map(([query, count]) => ({ query, count })),
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
 * Every organisation ranked by the counters of the window's whole past days alone: what a page of
 * signals starts from. It changes only when those days do (once a day, or a counter of a past day
 * written), so it is kept between requests; today's counters and the window's edges are added to
 * it per page (pageOfSignals), for the organisations they touch only.
 */
export interface SignalBase {
  /** Each organisation's signal of the past days, by id. */
  byId: ReadonlyMap<string, RankedSignal>
  /** Every organisation in the signals' order: the flagged ones first. */
  ordered: readonly RankedSignal[]
  /** How many of `ordered` are flagged (its first ones). */
  flagged: number
}

/**
 * The base of every organisation's signal: `past`, the counters of the days strictly between the
 * window's first day and today, summed per organisation, kind and source; counters of an
 * organisation not among `organisations` are left out.
 */
export function signalBase(organisations: readonly SignalOrganisation[], past: readonly WindowCount[], desk: Pick<DeskConfig, 'signals'>): SignalBase {
  const byId = new Map(organisations.map((o) => [o.id, o]))
  const counts = new Map<string, SignalCounts>()
  // An organisation's sums mostly come one after another: the last one found is tried first.
  let lastId = ''
  let last: SignalCounts | undefined
  for (const c of past) {
    if (c.organisationId !== lastId) {
      lastId = c.organisationId
      last = byId.has(lastId) ? counts.get(lastId) ?? counts.set(lastId, noCounts()).get(lastId)! : undefined
    }
    if (last) tally(last, c, c.count)
  }
  const ranked = organisations.map((o) => rankedOf(o, counts.get(o.id) ?? noCounts(), desk))
  const ordered = [...ranked].sort(bySignalOrder)
  let flagged = 0
  while (flagged < ordered.length && ordered[flagged]!.isFlagged) flagged++
  return { byId: new Map(ranked.map((r) => [r.organisationId, r])), ordered, flagged }
}

/**
 * A page of signals at `now`: the first `limit` after `after` (when given) of every organisation
 * (`isAll`) or of the flagged ones, in the signals' order, with whether more follow and how many
 * are listed and flagged in all. The same as ranking every organisation afresh: `base` with
 * `todays` (today's counters summed per organisation, kind and source), `edge` and `later` (as
 * signalsFromCounts takes them) added for the organisations they touch, which are then merged into
 * the base's order. So a page costs its own length and the day's contact moments, not every
 * organisation of the desk.
 */
export function pageOfSignals(
  base: SignalBase,
  records: { todays: readonly WindowCount[]; edge: readonly ContactMoment[]; later: readonly ContactMoment[] },
  context: { now: Date; desk: Pick<DeskConfig, 'signals' | 'timeZone'>; isAll: boolean; after?: SignalOrderKeys; limit: number },
): { page: RankedSignal[]; hasMore: boolean; total: number; flagged: number } {
  const { now, desk, isAll, after, limit } = context
  const { today, windowStartDay } = signalDays(now, desk)
  const touched = new Map<string, SignalCounts>()
  const add = (c: Pick<MomentCount, 'organisationId' | 'kind' | 'source'>, count: number) => {
    let counts = touched.get(c.organisationId)
    if (!counts) {
      const signal = base.byId.get(c.organisationId)
      if (!signal) return
      touched.set(c.organisationId, (counts = copyOf(signal.counts)))
    }
    tally(counts, c, count)
  }
  // Today's counters are in the window unless today is its first day (read moment by moment).
  if (today > windowStartDay) for (const c of records.todays) add(c, c.count)
  for (const m of records.edge) if (isInWindow(m.at, now, desk.signals.windowDays)) add(m, 1)
  if (today > windowStartDay) for (const m of records.later) add(m, -1)
  let flagged = base.flagged
  const changed: RankedSignal[] = []
  for (const [id, counts] of touched) {
    const was = base.byId.get(id)!
    const signal = rankedOf({ id, name: was.name, isFirstClass: was.isFirstClass }, counts, desk)
    flagged += Number(signal.isFlagged) - Number(was.isFlagged)
    if ((isAll || signal.isFlagged) && (!after || bySignalOrder(signal, after) > 0)) changed.push(signal)
  }
  changed.sort(bySignalOrder)
  // The base's signals from `after` on, those touched skipped (they are among `changed` if listed).
  const end = isAll ? base.ordered.length : base.flagged
  let i = after ? firstAfter(base.ordered, after, end) : 0
  let j = 0
  const page: RankedSignal[] = []
  while (page.length <= limit) {
    while (i < end && touched.has(base.ordered[i]!.organisationId)) i++
    const fromBase = base.ordered[i]
    const fromChanged = changed[j]
    if (i < end && (!fromChanged || bySignalOrder(fromBase!, fromChanged) < 0)) {
      page.push(fromBase!)
      i++
    } else if (fromChanged) {
      page.push(fromChanged)
      j++
    } else break
  }
  const hasMore = page.length > limit
  return { page: page.slice(0, limit), hasMore, total: isAll ? base.ordered.length : flagged, flagged }
}

/** The index of the first of `ordered[0..end)` that comes after `after` in the signals' order (`end` if none). */
function firstAfter(ordered: readonly RankedSignal[], after: SignalOrderKeys, end: number): number {
  let lo = 0
  let hi = end
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (bySignalOrder(ordered[mid]!, after) > 0) hi = mid
    else lo = mid + 1
  }
  return lo
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

/** A copy of `counts` to add to. */
function copyOf(counts: SignalCounts): SignalCounts {
  return { total: counts.total, byKind: { ...counts.byKind }, incidentsByKind: { ...counts.incidentsByKind }, bySource: { ...counts.bySource } }
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

/** The most frequent values of `counts` (value → count), most first; ties in alphabetical order so the list is stable. */
function top(counts: ReadonlyMap<string, number>, size = TOP_SIZE): [string, number][] {
  // Picked in one pass, not sorted whole: a busy organisation has hundreds of different KB
  // searches, most of them once, and only the first few are shown.
  const best: [string, number][] = []
  for (const entry of counts) {
    // A value whose every moment is later than now (taken off again) is none.
    if (entry[1] <= 0) continue
    if (best.length === size && byCount(entry, best[size - 1]!) >= 0) continue
    if (best.length === size) best.pop()
    let k = best.length
    while (k > 0 && byCount(entry, best[k - 1]!) < 0) k--
    best.splice(k, 0, entry)
  }
  return best
}

/** Most first, then alphabetically. */
function byCount(a: [string, number], b: [string, number]): number {
  return b[1] - a[1] || byName(a[0], b[0])
}

/** The `count` ISO weeks up to and including the one `now` falls in, in `timeZone`, oldest first. */
export function weeksEndingAt(now: Date, timeZone: string, count: number): readonly Omit<WeekCount, 'count'>[] {
  const monday = mondayOf(localDate(now, timeZone))
  const id = `${monday} ${count}`
  if (lastWeeks?.id === id) return lastWeeks.weeks
  const weeks = Object.freeze(Array.from({ length: count }, (_, i) => {
    const startsOn = addDays(monday, -7 * (count - 1 - i))
    return Object.freeze({ week: isoWeek(startsOn), startsOn })
  }))
  lastWeeks = { id, weeks }
  return weeks
}
/** The weeks weeksEndingAt gave last: every request of a week asks for the same ones. */
let lastWeeks: { id: string; weeks: readonly Omit<WeekCount, 'count'>[] } | undefined

/** The local date "YYYY-MM-DD" of `at` in `timeZone`. */
export function localDate(at: Date, timeZone: string): string {
  return new Date(at.getTime() + offsetAt(timeZone, at) * 60_000).toISOString().slice(0, 10)
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
