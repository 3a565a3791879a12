/** SLA targets in business time: business time between two moments, and when a priority's target falls. */
import { type BusinessCalendar, dayOf, localDate } from './calendar.ts'
import type { Priority, PriorityDefinition, PriorityTarget } from './desk.ts'

/** A stretch of time from `from` (inclusive) up to `to` (exclusive). */
export interface Interval {
  from: Date
  to: Date
}

/** What counts as business time besides the calendar's hours. */
export interface BusinessTimeOptions {
  /** Approved extra-support windows; they count as business time. Default: none. */
  extraWindows?: Interval[]
}

/** How targets are measured: the desk's targets and the organisation's extra windows. */
export interface TargetOptions extends BusinessTimeOptions {
  /** The target per priority; default DEFAULT_TARGETS (pass `targetsOf(desk.priorities)`). */
  targets?: Record<Priority, PriorityTarget>
}

/** The SLA of an incident at one moment. */
export interface SlaState {
  /** When the target falls; `null` when there is none (no priority yet, or priority 5). */
  dueAt: Date | null
  /** Business time left until `dueAt`, negative (business time past it) once breached; `null` without target. */
  remainingMs: number | null
  /** Whether `now` lies after `dueAt`. */
  isBreached: boolean
  /** Whether the clock stands still now (waiting for the customer), as the caller says. */
  isPaused: boolean
}

/** The targets of DESIGN.md's priority table, the same as content/desk.yaml ships with. */
export const DEFAULT_TARGETS: Record<Priority, PriorityTarget> = {
  1: { businessHours: 4 },
  2: { businessHours: 8.5 },
  3: { businessHours: 41.5 },
  4: { closeOfNextBusinessDay: true },
  5: { none: true },
}

/** The targets of desk.yaml's priorities, by level, in the shape `dueAt` takes. */
export function targetsOf(priorities: PriorityDefinition[]): Record<Priority, PriorityTarget> {
  return Object.fromEntries(priorities.map((p) => [p.level, p.target]))
}

const HOUR = 3_600_000

/** How many days in a row without business time a search walks before it gives up. */
const MAX_IDLE_DAYS = 3 * 366

/** Milliseconds since the epoch, [start, end). */
type Range = [number, number]

/**
 * Business time in [from, to): inside the calendar's opening hours or an extra window, outside
 * every pause; overlaps count once. 0 when `to` is not after `from`.
 */
export function businessMsBetween(from: Date, to: Date, calendar: BusinessCalendar, pauses: Interval[] = [], options: BusinessTimeOptions = {}): number {
  if (!(to.getTime() > from.getTime())) return 0
  let total = 0
  for (const [start, end] of businessRanges(calendar, from, to.getTime(), pauses, options.extraWindows ?? [])) total += end - start
  return total
}

/**
 * The earliest instant at which `ms` of business time (as in `businessMsBetween`) has passed since
 * `start`; the clock starts at the first business moment at or after `start`, so `ms = 0` gives
 * that moment. Throws when three years pass without business time.
 */
export function addBusinessTime(start: Date, ms: number, calendar: BusinessCalendar, pauses: Interval[] = [], options: BusinessTimeOptions = {}): Date {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`business time to add must be zero or more milliseconds, got ${ms}`)
  let left = ms
  for (const [from, to] of businessRanges(calendar, start, null, pauses, options.extraWindows ?? [])) {
    // `<=` so a target that uses up a day exactly falls at closing time, not at the next opening.
    if (left <= to - from) return new Date(from + left)
    left -= to - from
  }
  throw new Error('unreachable: the search for business time ends by throwing')
}

/** The first business moment at or after `at` (pauses aside): when a registration's clock starts. */
export function clockStartsAt(at: Date, calendar: BusinessCalendar, options: BusinessTimeOptions = {}): Date {
  return addBusinessTime(at, 0, calendar, [], options)
}

/**
 * When the target for `priority` falls, counting only business time of `calendar` and not the
 * `pauses` (time waiting for the customer). Business hours count from the first business moment at
 * or after registration; "close of next business day" is the closing time of the first day with
 * hours after the day the clock starts, moved later by the business time paused before it.
 * `null` when the priority has no target. Targets default to DEFAULT_TARGETS, extra windows to none.
 */
export function dueAt(registeredAt: Date, priority: Priority, calendar: BusinessCalendar, pauses: Interval[] = [], options: TargetOptions = {}): Date | null {
  const target = (options.targets ?? DEFAULT_TARGETS)[priority]
  if (!target) throw new RangeError(`no target for priority ${priority}: expected a priority from 1 to 5`)
  const windows = { extraWindows: options.extraWindows }
  if ('none' in target) return null
  if ('businessHours' in target) return addBusinessTime(registeredAt, Math.round(target.businessHours * HOUR), calendar, pauses, windows)
  const start = clockStartsAt(registeredAt, calendar, windows)
  const close = closeOfNextBusinessDay(calendar, localDate(calendar, start))
  // Extra windows count on both sides, so a window before the close leaves the deadline where it is.
  const budget = businessMsBetween(start, close, calendar, [], windows)
  return addBusinessTime(start, budget, calendar, pauses, windows)
}

/**
 * The SLA of an incident at `now`: its due time, the business time left (negative once breached)
 * and whether it is breached. Pauses count only as given: pass the waiting time up to `now`.
 * Options as for `dueAt`.
 */
export function slaState(
  incident: { registeredAt: Date; priority: Priority | null; pauses: Interval[]; isPaused: boolean },
  now: Date,
  calendar: BusinessCalendar,
  options: TargetOptions = {},
): SlaState {
  const due = incident.priority === null ? null : dueAt(incident.registeredAt, incident.priority, calendar, incident.pauses, options)
  if (!due) return { dueAt: null, remainingMs: null, isBreached: false, isPaused: incident.isPaused }
  const windows = { extraWindows: options.extraWindows }
  const isBreached = now.getTime() > due.getTime()
  // `0 - x` rather than `-x`: a breach with no business time since is 0, not -0.
  const remainingMs = isBreached
    ? 0 - businessMsBetween(due, now, calendar, incident.pauses, windows)
    : businessMsBetween(now, due, calendar, incident.pauses, windows)
  return { dueAt: due, remainingMs, isBreached, isPaused: incident.isPaused }
}

/** Closing time of the first day after local `date` that has hours. */
function closeOfNextBusinessDay(calendar: BusinessCalendar, date: string): Date {
  let day = dayOf(calendar, date)
  for (let i = 0; i < MAX_IDLE_DAYS; i++) {
    day = dayOf(calendar, day.next)
    if (day.hours) return new Date(day.hours[1])
  }
  throw new Error(`no business day within ${MAX_IDLE_DAYS} days after ${date}: check hours, holidays and exceptions in desk.yaml`)
}

/**
 * The business time from `from` on, as disjoint ranges in order, walking one local day at a time:
 * each day's opening hours joined with the extra windows, less the pauses. Stops before `until`;
 * without `until` it goes on, and throws after MAX_IDLE_DAYS days in a row without business time.
 */
function* businessRanges(calendar: BusinessCalendar, from: Date, until: number | null, pauses: Interval[], windows: Interval[]): Generator<Range> {
  const start = from.getTime()
  if (Number.isNaN(start)) throw new RangeError('business time cannot start at an invalid date')
  const cuts = union(pauses.map(toRange))
  const extra = union(windows.map(toRange))
  let day = dayOf(calendar, localDate(calendar, from))
  let idle = 0
  while (until === null || day.start < until) {
    const { start: dayStart, end: dayEnd } = day
    let open: Range[] = day.hours ? [[day.hours[0], day.hours[1]]] : []
    // Most days have no extra window and no pause: their hours are the answer, with nothing to merge or cut.
    if (extra.length > 0) {
      for (const [a, b] of extra) if (a < dayEnd && b > dayStart) open.push([Math.max(a, dayStart), Math.min(b, dayEnd)])
      open = union(open)
    }
    if (cuts.length > 0) open = subtract(open, cuts)
    const low = Math.max(start, dayStart)
    const high = until === null ? dayEnd : Math.min(until, dayEnd)
    let isIdle = true
    for (const [a, b] of open) {
      const begin = Math.max(a, low)
      const end = Math.min(b, high)
      if (begin >= end) continue
      isIdle = false
      yield [begin, end]
    }
    if (!isIdle) {
      idle = 0
    } else if (until === null && ++idle > MAX_IDLE_DAYS) {
      throw new Error(`no business time within ${MAX_IDLE_DAYS} days after ${from.toISOString()}: check hours, holidays and exceptions in desk.yaml, and the pauses`)
    }
    day = dayOf(calendar, day.next)
  }
}

function toRange(interval: Interval): Range {
  return [interval.from.getTime(), interval.to.getTime()]
}

/** Ranges sorted and merged where they overlap or touch; empty ones dropped. */
function union(ranges: Range[]): Range[] {
  const sorted = ranges.filter(([a, b]) => a < b).sort(([a], [b]) => a - b)
  const merged: Range[] = []
  for (const [a, b] of sorted) {
    const last = merged.at(-1)
    if (last && a <= last[1]) last[1] = Math.max(last[1], b)
    else merged.push([a, b])
  }
  return merged
}

/** `ranges` without `cuts`; both sorted and merged. */
function subtract(ranges: Range[], cuts: Range[]): Range[] {
  const out: Range[] = []
  for (const [from, to] of ranges) {
    let at = from
    for (const [a, b] of cuts) {
      if (b <= at) continue
      if (a >= to) break
      if (a > at) out.push([at, a])
      at = b
      if (at >= to) break
    }
    if (at < to) out.push([at, to])
  }
  return out
}
