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
  /** The same counters per organisation and day: a page of organisations reads its own only. */
  private readonly countsByOrganisation = new Map<string, Map<string, Map<string, MomentCount>>>()
  private readonly recordsByDay = new Map<string, DayRecords>()
  /** Sums totals gave, by their days, until a counter of one of those days is raised: the window's past days hardly change. */
  private readonly summed = new Map<string, { after: string; before: string; totals: readonly WindowCount[] }>()

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
    const found: MomentCount[] = []
    if (organisationIds) {
      for (const id of new Set(organisationIds)) this.eachOf(id, from, to, (c) => found.push({ ...c }))
      return found
    }
    for (const [day, counts] of this.countsByDay) {
      if (day < from || day > to) continue
      for (const c of counts.values()) found.push({ ...c })
    }
    return found
  }

  /** The counters of `organisationIds` of days `from` to `to`, summed per ISO week and key, the days up to `splitAfter` apart; `day` is each sum's first day. */
  weekly({ from, to, splitAfter, organisationIds }: { from: string; to: string; splitAfter: string; organisationIds: readonly string[] }): MomentCount[] {
    const found: MomentCount[] = []
    // The week and side of each day once; within them, each counter by its own key (hashed once).
    const groups = daysFrom(from, to).map((day) => [day, `${mondayOf(day)}${day > splitAfter ? '+' : '-'}`] as const)
    for (const id of new Set(organisationIds)) {
      const days = this.countsByOrganisation.get(id)
      if (!days) continue
      const byGroup = new Map<string, Map<string, MomentCount>>()
      for (const [day, group] of groups) {
        const counts = days.get(day)
        if (!counts) continue
        const sums = byGroup.get(group) ?? byGroup.set(group, new Map()).get(group)!
        for (const [counter, c] of counts) {
          const sum = sums.get(counter)
          if (!sum) sums.set(counter, { ...c })
          else {
            sum.count += c.count
            if (c.day < sum.day) sum.day = c.day
          }
        }
      }
      for (const sums of byGroup.values()) for (const sum of sums.values()) found.push(sum)
    }
    return found
  }

  /** The counters of the days strictly between `after` and `before`, summed per organisation, kind and source. */
  totals({ after, before }: { after: string; before: string }): WindowCount[] {
    const id = `${after} ${before}`
    const kept = this.summed.get(id)
    if (kept) return [...kept.totals]
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
    const totals = [...sums.values()].map((t) => Object.freeze(t))
    // A few ranges kept (the window's past days and today): the oldest asked goes first.
    if (this.summed.size >= 4) this.summed.delete(this.summed.keys().next().value!)
    this.summed.set(id, { after, before, totals })
    return [...totals]
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

  /** Calls `visit` with every counter of an organisation on the days `from` to `to`. */
  private eachOf(organisationId: string, from: string, to: string, visit: (c: MomentCount) => void): void {
    const days = this.countsByOrganisation.get(organisationId)
    if (!days) return
    for (const [day, counts] of days) if (day >= from && day <= to) for (const c of counts.values()) visit(c)
  }


  private add(moment: ContactMoment, table: keyof DayRecords, id: string): void {
    const key = countKeyOf(moment, this.timeZone)
    const counter = `${key.organisationId}\u0000${key.kind}\u0000${key.source}\u0000${key.productArea}\u0000${key.kbQuery}`
    const counts = this.countsByDay.get(key.day) ?? this.countsByDay.set(key.day, new Map()).get(key.day)!
    const found = counts.get(counter)
    if (found) found.count++
    else {
      const created = { ...key, count: 1 }
      counts.set(counter, created)
      const days = this.countsByOrganisation.get(key.organisationId) ?? this.countsByOrganisation.set(key.organisationId, new Map()).get(key.organisationId)!
      const ofDay = days.get(key.day) ?? days.set(key.day, new Map()).get(key.day)!
      ofDay.set(counter, created)
    }
    for (const [id, { after, before }] of this.summed) if (key.day > after && key.day < before) this.summed.delete(id)
    const records = this.recordsByDay.get(key.day) ?? this.recordsByDay.set(key.day, { incidents: [], messages: [] }).get(key.day)!
    records[table].push(id)
  }
}

/** The local dates `from` to `to`, inclusive: the days a page's counters are looked up by (a few months), not every day an organisation has. */
function daysFrom(from: string, to: string): string[] {
  const days: string[] = []
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day)
  return days
}
