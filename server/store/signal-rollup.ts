/** The embedded store's signal counters: contact moments per organisation, local day and kind, in memory, built at open and raised on write. */
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

  /** The counters of the days strictly between `after` and `before`, summed per organisation, kind and source. */
  totals({ after, before }: { after: string; before: string }): WindowCount[] {
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
    return [...sums.values()]
  }

  /** Every contact moment on these days. */
  momentsOn(days: string[]): ContactMoment[] {
    const moments: ContactMoment[] = []
    for (const day of days) {
      const records = this.recordsByDay.get(day)
      if (!records) continue
      for (const id of records.incidents) {
        const incident = this.lookup.incident(id)
        if (incident) moments.push(registrationMoment(incident))
      }
      for (const id of records.messages) {
        const message = this.lookup.message(id)
        const incident = message && this.lookup.incident(message.incidentId)
        const moment = incident && messageMoment(message, incident)
        if (moment) moments.push(moment)
      }
    }
    return moments
  }

  private add(moment: ContactMoment, table: keyof DayRecords, id: string): void {
    const key = countKeyOf(moment, this.timeZone)
    const counter = `${key.organisationId}\u0000${key.kind}\u0000${key.source}\u0000${key.productArea}\u0000${key.kbQuery}`
    const counts = this.countsByDay.get(key.day) ?? this.countsByDay.set(key.day, new Map()).get(key.day)!
    const found = counts.get(counter)
    if (found) found.count++
    else counts.set(counter, { ...key, count: 1 })
    const records = this.recordsByDay.get(key.day) ?? this.recordsByDay.set(key.day, { incidents: [], messages: [] }).get(key.day)!
    records[table].push(id)
  }
}
