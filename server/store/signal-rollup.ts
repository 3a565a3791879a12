/** The embedded store's signal counters: contact moments per organisation, local day and kind, in memory, built at open and raised on write. */
import { addDays, mondayOf } from '#lib/iso-week.ts'
import { countKeyOf, messageMoment, registrationMoment, type ContactMoment, type MomentCount, type WindowCount } from '../domain/signals.ts'
import type { Incident, Message } from '../domain/records.ts'

/** The records a moment came from, looked up again for the moments of a day. */
interface DayRecords {
  incidents: string[]
  messages: string[]
}

/**
 * Counters of contact moments kept beside the records: per day, the counters (by key) and the ids
 * of the records whose moments fall on it, so a day the window cuts can be read moment by moment.
 */
export class SignalRollup {
  private readonly countsByDay = new Map<string, Map<string, MomentCount>>()
  private readonly recordsByDay = new Map<string, DayRecords>()
  /** Sums totals gave, by their days, until a counter of one of those days is raised: the window's past days hardly change. */
  private readonly summed = new Map<string, { after: string; before: string; totals: readonly WindowCount[] }>()
  /** The weekly sums of the series' past days (`from` up to `to`), per organisation, for the last series asked. */
  private weeks: { id: string; from: string; to: string; sums: Map<string, Map<string, MomentCount>> } | undefined

  /**
   * @param timeZone the desk's time zone: days are its local dates.
   * @param lookup the records by id, as the store holds them.
   */
  constructor(
    private readonly timeZone: string,
    private readonly lookup: { incident(id: string): Incident | undefined; message(id: string): Message | undefined },
  ) {}

  /** Counts an incident's registration. */
  addIncident(incident: Incident): void {
    this.add(registrationMoment(incident), 'incidents', incident.id)
  }

  /** Counts a message if it is a contact moment (a reaction or a phone contact) on a known incident. */
  addMessage(message: Message): void {
    const incident = this.lookup.incident(message.incidentId)
    const moment = incident && messageMoment(message, incident)
    if (moment) this.add(moment, 'messages', message.id)
  }

  /** The counters of days `from` to `to`, inclusive; only of `organisationIds` when given. */
  counts({ from, to, organisationIds }: { from: string; to: string; organisationIds?: readonly string[] }): MomentCount[] {
    const only = organisationIds && new Set(organisationIds)
    const found: MomentCount[] = []
    for (const [day, counts] of this.countsByDay) {
      if (day < from || day > to) continue
      for (const c of counts.values()) if (!only || only.has(c.organisationId)) found.push({ ...c })
    }
    return found
  }

  /** The counters of `organisationIds` of days `from` to `to`, summed per ISO week and key, the days up to `splitAfter` apart; `day` is each sum's first day. */
  weekly({ from, to, splitAfter, organisationIds }: { from: string; to: string; splitAfter: string; organisationIds: readonly string[] }): MomentCount[] {
    const only = new Set(organisationIds)
    if (only.size === 0 || to < from) return []
    // The days before `to` come summed for every organisation at once and kept; `to` (today, as
    // the service asks) changes with nearly every write, so its few counters are added each time.
    const past = this.pastWeekly(from, to, splitAfter)
    const sums = new Map<string, MomentCount>()
    for (const organisationId of only) for (const [key, sum] of past.get(organisationId) ?? []) sums.set(key, { ...sum })
    const group = groupOf(to, splitAfter)
    for (const [counter, c] of this.countsByDay.get(to) ?? []) {
      if (!only.has(c.organisationId)) continue
      addTo(sums, `${group}\u0001${counter}`, c)
    }
    return [...sums.values()]
  }

  /**
   * The counters of days `from` up to (not including) `to`, summed per organisation, week, side of
   * `splitAfter` and key; kept until the series moves (once a day) or a counter of those days is raised.
   */
  private pastWeekly(from: string, to: string, splitAfter: string): Map<string, Map<string, MomentCount>> {
    const id = `${from} ${to} ${splitAfter}`
    if (this.weeks?.id === id) return this.weeks.sums
    const sums = new Map<string, Map<string, MomentCount>>()
    for (const day of daysFrom(from, addDays(to, -1))) {
      const counts = this.countsByDay.get(day)
      if (!counts) continue
      const group = groupOf(day, splitAfter)
      for (const [counter, c] of counts) {
        const own = sums.get(c.organisationId) ?? sums.set(c.organisationId, new Map()).get(c.organisationId)!
        addTo(own, `${group}\u0001${counter}`, c)
      }
    }
    this.weeks = { id, from, to, sums }
    return sums
  }

  /**
   * The counters of the days strictly between `after` and `before`, summed per organisation, kind
   * and source: the same (frozen) list while none of those days changes, so what a reader works
   * out of it can be kept as long.
   */
  totals({ after, before }: { after: string; before: string }): readonly WindowCount[] {
    const id = `${after} ${before}`
    const kept = this.summed.get(id)
    if (kept) return kept.totals
    const sums = new Map<string, WindowCount>()
    for (const [day, counts] of this.countsByDay) {
      if (day <= after || day >= before) continue
      for (const c of counts.values()) {
        const key = `${c.organisationId}\u0000${c.kind}\u0000${c.source}`
        const sum = sums.get(key)
        if (sum) sum.count += c.count
        else sums.set(key, { organisationId: c.organisationId, kind: c.kind, source: c.source, count: c.count })
      }
    }
    const totals = Object.freeze([...sums.values()].map((t) => Object.freeze(t)))
    // A few ranges kept (the window's past days and today): the oldest asked goes first.
    if (this.summed.size >= 4) this.summed.delete(this.summed.keys().next().value!)
    this.summed.set(id, { after, before, totals })
    return totals
  }

  /** Every contact moment on these days; only those later than `after` when given. */
  momentsOn(days: string[], { after }: { after?: Date } = {}): ContactMoment[] {
    const moments: ContactMoment[] = []
    const since = after?.getTime() ?? -Infinity
    for (const day of days) {
      const records = this.recordsByDay.get(day)
      if (!records) continue
      for (const id of records.incidents) {
        const incident = this.lookup.incident(id)
        if (incident && Date.parse(incident.registeredAt) > since) moments.push(registrationMoment(incident))
      }
      for (const id of records.messages) {
        const message = this.lookup.message(id)
        if (!message || Date.parse(message.at) <= since) continue
        const incident = this.lookup.incident(message.incidentId)
        const moment = incident && messageMoment(message, incident)
        if (moment) moments.push(moment)
      }
    }
    return moments
  }


  private add(moment: ContactMoment, table: keyof DayRecords, id: string): void {
    const key = countKeyOf(moment, this.timeZone)
    // Joined into one string: a template literal makes a string of nine pieces linked together,
    // which the map would keep as its key (a million such pieces at 100,000 incidents).
    const counter = [key.organisationId, key.kind, key.source, key.productArea, key.kbQuery].join('\u0000')
    let counts = this.countsByDay.get(key.day)
    if (!counts) this.countsByDay.set(key.day, (counts = new Map()))
    const found = counts.get(counter)
    if (found) found.count++
    else {
      // Written out, not spread from `key`: on Node 20 each object a spread makes gets a hidden class
      // of its own, 31 MB of them at 100,000 incidents. The day as the day's first counter holds it:
      // one string per day, not one per counter.
      const day = counts.values().next().value?.day ?? key.day
      counts.set(counter, { organisationId: key.organisationId, day, kind: key.kind, source: key.source, productArea: key.productArea, kbQuery: key.kbQuery, count: 1 })
    }
    for (const [id, { after, before }] of this.summed) if (key.day > after && key.day < before) this.summed.delete(id)
    if (this.weeks && key.day >= this.weeks.from && key.day < this.weeks.to) this.weeks = undefined
    const records = this.recordsByDay.get(key.day) ?? this.recordsByDay.set(key.day, { incidents: [], messages: [] }).get(key.day)!
    records[table].push(id)
  }
}

/** Adds a counter to the sum kept under `key` (a copy of it when there is none yet); a sum's day is its first day. */
export function addTo(sums: Map<string, MomentCount>, key: string, c: MomentCount): void {
  const sum = sums.get(key)
  if (!sum) sums.set(key, { ...c })
  else {
    sum.count += c.count
    if (c.day < sum.day) sum.day = c.day
  }
}

/** The group a day's counters are summed in: its ISO week, and which side of `splitAfter` it lies. */
export function groupOf(day: string, splitAfter: string): string {
  return `${mondayOf(day)}${day > splitAfter ? '+' : '-'}`
}

/** The local dates `from` to `to`, inclusive: the days a page's weekly sums look up (a few months), not every day kept. */
function daysFrom(from: string, to: string): string[] {
  const days: string[] = []
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day)
  return days
}
