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

  /** `timeZone`: the desk's; a record is counted on its local day there, as the report's weeks are. */
  constructor(private readonly timeZone: string) {}

  /** Counts one record, as the log's next. */
  add(record: KbInsight): void {
    const day = this.#day(dayOf(record.at, this.timeZone))
    switch (record.type) {
      case 'vote': {
        const key = `${record.lang}\n${record.article}`
        const votes = day.votes.get(key) ?? { article: record.article, lang: record.lang, helpful: 0, notHelpful: 0 }
        if (record.isHelpful) votes.helpful++
        else votes.notHelpful++
        day.votes.set(key, votes)
        break
      }
      case 'missing':
        day.missed.push({ article: record.article, text: { text: record.text, lang: record.lang, at: record.at } })
        break
      case 'search': {
        const query = normaliseQuery(record.query)
        this.#visit(record.session).lastQuery = query
        day.searching.add(record.session)
        if (record.results === 0) countQuery(day, 'no_results', record.lang, query, record.session, record.at)
        break
      }
      case 'incident': {
        const visit = this.#visit(record.session)
        visit.hasIncident = true
        // Its own query, or else the visit's last search before it.
        const query = record.query === undefined ? visit.lastQuery : normaliseQuery(record.query)
        if (query !== undefined) countQuery(day, 'incident', record.lang, query, record.session, record.at)
        break
      }
      case 'click':
        break
    }
  }

  /** The report over `options`' period, from the counters of its days. */
  report(options: ReportOptions): InsightReport {
    const period = periodOf(options)
    const days = this.#daysOf(period)
    const queries = new Map<string, { kind: QueryCounterKind; lang: Language; query: string; sessions: Set<string>; lastSeen: string }>()
    const votes = new Map<string, { article: string; lang: Language; helpful: number; notHelpful: number }>()
    const missed = new Map<string, MissedText[]>()
    const firstDay = new Map<string, string>()
    for (const [date, day] of days) {
      for (const [key, counter] of day.queries) {
        const total = queries.get(key) ?? { kind: counter.kind, lang: counter.lang, query: counter.query, sessions: new Set(), lastSeen: '' }
        for (const [session, at] of counter.lastAt) {
          total.sessions.add(session)
          if (at > total.lastSeen) total.lastSeen = at
        }
        queries.set(key, total)
      }
      for (const [key, counter] of day.votes) {
        const total = votes.get(key) ?? { article: counter.article, lang: counter.lang, helpful: 0, notHelpful: 0 }
        total.helpful += counter.helpful
        total.notHelpful += counter.notHelpful
        votes.set(key, total)
      }
      for (const { article, text } of day.missed) {
        const at = Date.parse(text.at)
        if (at < period.from.getTime() || at > period.to.getTime()) continue
        missed.set(article, [...(missed.get(article) ?? []), text])
      }
      for (const session of day.searching) if (!firstDay.has(session)) firstDay.set(session, date)
    }
    const rows: QueryCounterRow[] = [...queries.values()].map(({ sessions, ...row }) => ({ ...row, sessions: sessions.size }))
    const firstSearches = new Map<string, { searching: number; deflected: number }>()
    for (const [session, date] of firstDay) {
      const counts = firstSearches.get(date) ?? { searching: 0, deflected: 0 }
      counts.searching++
      if (!this.#visits.get(session)?.hasIncident) counts.deflected++
      firstSearches.set(date, counts)
    }
    return reportFromCounters(period, options.timeZone, {
      queries: rows, votes: [...votes.values()], missed, firstSearches: [...firstSearches].map(([day, counts]) => ({ day, ...counts })),
    })
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
    firstSearches: [...weeks].map(([week, counts]) => ({ week, ...counts })),
  })
}
