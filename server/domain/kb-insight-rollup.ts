/**
 * KB insight's counters: per query and day the visits that found nothing or sent an incident, per
 * article and day the votes, per day the visits that searched; kept up to date on every record,
 * so a report reads its period's days and never the whole log. The PostgreSQL store keeps the
 * same counters in tables (migration 004); this is the embedded store's, in memory.
 */
import type { Language } from './desk.ts'
import type { KbInsight } from './kb-insight.ts'
import { assembleReport, dayOf, normaliseQuery, periodOf, type IncidentQuery, type InsightReport, type MissedText, type Period, type QueryCount, type ReportOptions } from './kb-insight-report.ts'

/** Which query counter a visit counts in: its search found nothing, or the visit sent an incident after it. */
export type QueryCounterKind = 'no_results' | 'incident'

/** A query counter as a store reads it for a period: the distinct visits and the latest record, per kind, language and query. */
export interface QueryCounterRow extends QueryCount {
  kind: QueryCounterKind
  lang: Language
}

/** One day's counters. */
interface DayCounters {
  /** Per kind, language and normalised query: the visits and the latest record of each. */
  queries: Map<string, { kind: QueryCounterKind; lang: Language; query: string; lastAt: Map<string, string> }>
  /** Per language and article: helpful and not helpful. */
  votes: Map<string, { article: string; lang: Language; helpful: number; notHelpful: number }>
  /** The visits that searched this day. */
  searching: Set<string>
  /** What readers missed, in the order it was written. */
  missed: { article: string; text: MissedText }[]
}

/** What the counters know of one visit: its last search (normalised), and whether it sent an incident. */
interface Visit {
  lastQuery?: string
  hasIncident: boolean
}

/** The counters in memory, filled record by record in the log's order. */
export class InsightRollup {
  readonly #days = new Map<string, DayCounters>()
  readonly #visits = new Map<string, Visit>()
  /** The last period reported, summed over its days and kept up to date by add(): a report then costs its queries and articles, not its records. */
  #period: PeriodSums | undefined

  /** `timeZone`: the desk's; a record is counted on its local day there, as the report's weeks are. */
  constructor(private readonly timeZone: string) {}

  /** Counts one record, as the log's next. */
  add(record: KbInsight): void {
    const date = dayOf(record.at, this.timeZone)
    const day = this.#day(date)
    const sums = this.#period && date >= this.#period.firstDay && date <= this.#period.lastDay ? this.#period : undefined
    switch (record.type) {
      case 'vote': {
        const key = `${record.lang}\n${record.article}`
        const votes = day.votes.get(key) ?? { article: record.article, lang: record.lang, helpful: 0, notHelpful: 0 }
        if (record.isHelpful) votes.helpful++
        else votes.notHelpful++
        day.votes.set(key, votes)
        if (sums) addVotes(sums, key, { article: record.article, lang: record.lang, helpful: record.isHelpful ? 1 : 0, notHelpful: record.isHelpful ? 0 : 1 })
        break
      }
      case 'missing': {
        const missed = { article: record.article, text: { text: record.text, lang: record.lang, at: record.at } }
        day.missed.push(missed)
        if (sums) {
          // Kept in the order of their days: a record of an earlier day than one kept already has the sums made again.
          if (date < sums.lastMissedDay) this.#period = undefined
          else sums.missed.push(missed)
          sums.lastMissedDay = date
        }
        break
      }
      case 'search': {
        const query = normaliseQuery(record.query)
        this.#visit(record.session).lastQuery = query
        day.searching.add(record.session)
        if (record.results === 0) countQuery(day, 'no_results', record.lang, query, record.session, record.at)
        if (sums) {
          this.#searched(sums, record.session, date)
          if (record.results === 0) addQuery(sums, 'no_results', record.lang, query, [record.session], record.at)
        }
        break
      }
      case 'incident': {
        const visit = this.#visit(record.session)
        // A visit counted as deflected in the summed period is deflected no more.
        const firstDay = this.#period?.firstDays.get(record.session)
        if (!visit.hasIncident && firstDay !== undefined) this.#period!.firstSearches.get(firstDay)!.deflected--
        visit.hasIncident = true
        // Its own query, or else the visit's last search before it.
        const query = record.query === undefined ? visit.lastQuery : normaliseQuery(record.query)
        if (query !== undefined) countQuery(day, 'incident', record.lang, query, record.session, record.at)
        if (sums && query !== undefined) addQuery(sums, 'incident', record.lang, query, [record.session], record.at)
        break
      }
      case 'click':
        break
    }
  }

  /** The report over `options`' period, from the counters of its days (summed once, then kept up to date while it is the period asked). */
  report(options: ReportOptions): InsightReport {
    const period = periodOf(options)
    const sums = this.#sumsOf(period)
    const missed = new Map<string, MissedText[]>()
    for (const { article, text } of sums.missed) {
      const at = Date.parse(text.at)
      if (at < period.from.getTime() || at > period.to.getTime()) continue
      missed.set(article, [...(missed.get(article) ?? []), text])
    }
    const rows: QueryCounterRow[] = [...sums.queries.values()].map(({ sessions, ...row }) => ({ ...row, sessions: sessions.size }))
    return reportFromCounters(period, options.timeZone, {
      queries: rows, votes: [...sums.votes.values()].map((v) => ({ ...v })), missed,
      firstSearches: [...sums.firstSearches].filter(([, counts]) => counts.searching > 0).map(([day, counts]) => ({ day, ...counts })),
    })
  }

  /** The period's counters summed over its days: kept from the last report when it is the same period. */
  #sumsOf(period: Period): PeriodSums {
    if (this.#period && this.#period.firstDay === period.firstDay && this.#period.lastDay === period.lastDay) return this.#period
    const sums: PeriodSums = {
      firstDay: period.firstDay, lastDay: period.lastDay, queries: new Map(), votes: new Map(), missed: [], lastMissedDay: '', firstDays: new Map(), firstSearches: new Map(),
    }
    for (const [date, day] of this.#daysOf(period)) {
      for (const [key, counter] of day.queries) {
        let lastSeen = ''
        for (const at of counter.lastAt.values()) if (at > lastSeen) lastSeen = at
        addQuery(sums, counter.kind, counter.lang, counter.query, counter.lastAt.keys(), lastSeen, key)
      }
      for (const [key, counter] of day.votes) addVotes(sums, key, counter)
      if (day.missed.length) {
        sums.missed.push(...day.missed)
        sums.lastMissedDay = date
      }
      for (const session of day.searching) this.#searched(sums, session, date)
    }
    this.#period = sums
    return sums
  }

  /** A visit that searched on `date` of the summed period: counted in the week of its first search there. */
  #searched(sums: PeriodSums, session: string, date: string): void {
    const first = sums.firstDays.get(session)
    if (first !== undefined && first <= date) return
    const isDeflected = !this.#visits.get(session)?.hasIncident
    if (first !== undefined) {
      const before = sums.firstSearches.get(first)!
      before.searching--
      if (isDeflected) before.deflected--
    }
    sums.firstDays.set(session, date)
    const counts = sums.firstSearches.get(date) ?? sums.firstSearches.set(date, { searching: 0, deflected: 0 }).get(date)!
    counts.searching++
    if (isDeflected) counts.deflected++
  }

  /** How many visits searched `query` in `lang` and found nothing, over `options`' period. */
  noResultSessions(query: string, lang: Language, options: ReportOptions): number {
    const key = `no_results\n${lang}\n${normaliseQuery(query)}`
    const sessions = new Set<string>()
    for (const [, day] of this.#daysOf(periodOf(options))) for (const session of day.queries.get(key)?.lastAt.keys() ?? []) sessions.add(session)
    return sessions.size
  }

  /** The counted days of `period`, oldest first. */
  #daysOf(period: Period): [string, DayCounters][] {
    return [...this.#days].filter(([date]) => date >= period.firstDay && date <= period.lastDay).sort(([a], [b]) => a.localeCompare(b))
  }

  #day(date: string): DayCounters {
    let day = this.#days.get(date)
    if (!day) this.#days.set(date, (day = { queries: new Map(), votes: new Map(), searching: new Set(), missed: [] }))
    return day
  }

  #visit(session: string): Visit {
    let visit = this.#visits.get(session)
    if (!visit) this.#visits.set(session, (visit = { hasIncident: false }))
    return visit
  }
}

/** A period's counters summed over its days. */
interface PeriodSums {
  firstDay: string
  lastDay: string
  /** Per kind, language and query: the distinct visits and the latest record. */
  queries: Map<string, { kind: QueryCounterKind; lang: Language; query: string; sessions: Set<string>; lastSeen: string }>
  votes: Map<string, { article: string; lang: Language; helpful: number; notHelpful: number }>
  /** What readers missed, in the order of their days and, within a day, written. */
  missed: { article: string; text: MissedText }[]
  /** The latest day of `missed`. */
  lastMissedDay: string
  /** Per visit that searched in the period: the day of its first search there. */
  firstDays: Map<string, string>
  /** Per day: the visits whose first search in the period fell on it, and of those the ones that sent no incident. */
  firstSearches: Map<string, { searching: number; deflected: number }>
}

/** Visits counted under a query in the summed period, with their latest record. */
function addQuery(sums: PeriodSums, kind: QueryCounterKind, lang: Language, query: string, sessions: Iterable<string>, lastSeen: string, key = `${kind}\n${lang}\n${query}`): void {
  const total = sums.queries.get(key) ?? sums.queries.set(key, { kind, lang, query, sessions: new Set(), lastSeen: '' }).get(key)!
  for (const session of sessions) total.sessions.add(session)
  if (lastSeen > total.lastSeen) total.lastSeen = lastSeen
}

/** Votes added to the summed period's. */
function addVotes(sums: PeriodSums, key: string, votes: { article: string; lang: Language; helpful: number; notHelpful: number }): void {
  const total = sums.votes.get(key) ?? sums.votes.set(key, { article: votes.article, lang: votes.lang, helpful: 0, notHelpful: 0 }).get(key)!
  total.helpful += votes.helpful
  total.notHelpful += votes.notHelpful
}

/** A visit counted under a query on a day, with its latest record there. */
function countQuery(day: DayCounters, kind: QueryCounterKind, lang: Language, query: string, session: string, at: string): void {
  const key = `${kind}\n${lang}\n${query}`
  const counter = day.queries.get(key) ?? { kind, lang, query, lastAt: new Map<string, string>() }
  if ((counter.lastAt.get(session) ?? '') < at) counter.lastAt.set(session, at)
  day.queries.set(key, counter)
}

/** What a store reads from its counters for a period: already summed over the period's days. */
export interface PeriodCounters {
  /** Per kind, language and query: the distinct visits over the period and the latest record. */
  queries: QueryCounterRow[]
  /** Per article and language, summed. */
  votes: { article: string; lang: Language; helpful: number; notHelpful: number }[]
  /** What readers missed in the period (inside its instants), per article in the order written. */
  missed: ReadonlyMap<string, readonly MissedText[]>
  /** Per article, all its texts in the period, when `missed` holds only the newest 20 of each (and of the 20 articles with the newest texts only). */
  missedTotals?: ReadonlyMap<string, number>
  /** Per local day: the visits whose first search in the period fell on it, and of those the ones that sent no incident. */
  firstSearches: { day: string; searching: number; deflected: number }[]
}

/**
 * The report from a period's counters: the same report `insightReport` makes from the whole log.
 * Days are whole, so a record stamped later today than `now` would count (the log's report leaves
 * it out); records are stamped with the clock as they come in, so there are none.
 */
export function reportFromCounters(period: Period, timeZone: string, counters: PeriodCounters): InsightReport {
  const of = (kind: QueryCounterKind, lang?: Language) => counters.queries.filter((q) => q.kind === kind && (lang === undefined || q.lang === lang))
  const plain = ({ query, sessions, lastSeen }: QueryCount): QueryCount => ({ query, sessions, lastSeen })
  const weeks = new Map<number, { searching: number; deflected: number }>()
  for (const { day, searching, deflected } of counters.firstSearches) {
    const week = period.weekOfDay(day)
    const counts = weeks.get(week) ?? { searching: 0, deflected: 0 }
    counts.searching += searching
    counts.deflected += deflected
    weeks.set(week, counts)
  }
  return assembleReport(period, timeZone, {
    noResults: { nl: of('no_results', 'nl').map(plain), en: of('no_results', 'en').map(plain) },
    incidentQueries: of('incident').map(({ query, lang, sessions, lastSeen }): IncidentQuery => ({ query, lang, sessions, lastSeen })),
    votes: counters.votes,
    missed: counters.missed,
    ...(counters.missedTotals ? { missedTotals: counters.missedTotals } : {}),
    firstSearches: [...weeks].map(([week, counts]) => ({ week, ...counts })),
  })
}
