/** Where KB insight is kept (votes, what readers missed, search events) and how its report is read: from counters kept up to date on every record. */
import type { Language } from '../domain/desk.ts'
import type { KbInsight } from '../domain/kb-insight.ts'
import type { InsightReport, ReportOptions } from '../domain/kb-insight-report.ts'
import { InsightRollup } from '../domain/kb-insight-rollup.ts'
import type { AppendLog } from './append-log.ts'

/**
 * KB insight beside the Store: the embedded store keeps the log in DATA_DIR and its counters in
 * memory; PostgreSQL keeps both in tables (server/store/postgres-insight.ts), for every API process.
 */
export interface InsightStore {
  /** Keeps one record and counts it; resolves once it is durable. A record is counted once. */
  append(record: KbInsight): Promise<void>
  /** The report over `options`' weeks, read from the counters of those days. */
  report(options: ReportOptions): Promise<InsightReport>
  /** How many visits searched `query` in `lang` and found nothing over `options`' weeks: what an article template names. */
  noResultSessions(query: string, lang: Language, options: ReportOptions): Promise<number>
  /** Every record kept, oldest first: for moving and checking, never for a report. */
  readAll(): Promise<KbInsight[]>
  close(): Promise<void>
}

/**
 * The embedded store's insight: records in `log` (DATA_DIR/kb-insight.jsonl), counters in memory,
 * filled from the log once, on the first report after a start, and counted on from there.
 */
export function logInsight(log: AppendLog<KbInsight>): InsightStore & { log: AppendLog<KbInsight> } {
  let rollup: Promise<InsightRollup> | undefined
  let rollupZone = ''
  // One after the other: a record is counted once, whether the counters are filled before or after it.
  let queue: Promise<unknown> = Promise.resolve()
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task)
    queue = run.catch(() => {})
    return run
  }
  const countersFor = (timeZone: string) => serial(async () => {
    if (!rollup || rollupZone !== timeZone) {
      rollupZone = timeZone
      rollup = log.readAll().then((records) => {
        const counters = new InsightRollup(timeZone)
        for (const record of records) counters.add(record)
        return counters
      })
      // A log that could not be read is read again next time.
      rollup.catch(() => (rollup = undefined))
    }
    return rollup
  })
  return {
    log,
    append: (record) => serial(async () => {
      await log.append(record)
      // Counters not filled yet (or failing) are filled from the log, this record included.
      if (rollup) await rollup.then((counters) => counters.add(record), () => {})
    }),
    report: async (options) => (await countersFor(options.timeZone)).report(options),
    noResultSessions: async (query, lang, options) => (await countersFor(options.timeZone)).noResultSessions(query, lang, options),
    readAll: () => log.readAll(),
    close: () => log.close(),
  }
}
