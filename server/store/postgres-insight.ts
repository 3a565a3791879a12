/**
 * KB insight in PostgreSQL: each record in `kb_insight`, and in the same statement the counters
 * per query and day, per article and day and per visit (migration 004), so every API process on
 * the database reports the same and a report reads its period's counters, not the log.
 */
import { randomUUID } from 'node:crypto'
import type pg from 'pg'
import type { KbInsight } from '../domain/kb-insight.ts'
import { dayOf, normaliseQuery, periodOf, type MissedText } from '../domain/kb-insight-report.ts'
import { reportFromCounters, type QueryCounterRow } from '../domain/kb-insight-rollup.ts'
import type { InsightStore } from './insight-store.ts'

/** What the store's queries go through (its own wrapper turns a lost database into a 503). */
type Query = pg.Pool['query']

/** The id a record of a data folder's log gets when moved: its line, so moving it again adds nothing. @example logRecordId(0) === 'log:1' */
export const logRecordId = (index: number) => `log:${index + 1}`

/**
 * The statement that keeps `record` under `id` and counts it, all at once; when `id` is kept already
 * nothing is counted (`raw` is empty), so a record counts once however often it is sent.
 */
export function recordStatement(record: KbInsight, id: string, timeZone: string): { text: string; values: unknown[] } {
  const day = dayOf(record.at, timeZone)
  const raw = `raw AS (INSERT INTO kb_insight (id, type, day, data) VALUES ($1, $2, $3::date, $4) ON CONFLICT (id) DO NOTHING RETURNING id)`
  const base = [id, record.type, day, JSON.stringify(record)]
  const queryCounter = (kind: string, query: string) => `INSERT INTO kb_query_days (day, kind, lang, query, session, last_at)
    SELECT $3::date, '${kind}', $5::text, ${query}, $6::text, $7::text FROM raw WHERE ${query} IS NOT NULL
    ON CONFLICT (day, kind, lang, query, session) DO UPDATE SET last_at = greatest(kb_query_days.last_at, EXCLUDED.last_at)`
  switch (record.type) {
    case 'vote':
      return {
        text: `WITH ${raw} INSERT INTO kb_vote_days (day, article, lang, helpful, not_helpful) SELECT $3::date, $5::text, $6::text, $7::int, $8::int FROM raw
          ON CONFLICT (day, article, lang) DO UPDATE SET helpful = kb_vote_days.helpful + EXCLUDED.helpful, not_helpful = kb_vote_days.not_helpful + EXCLUDED.not_helpful`,
        values: [...base, record.article, record.lang, record.isHelpful ? 1 : 0, record.isHelpful ? 0 : 1],
      }
    case 'search':
      return {
        text: `WITH ${raw},
          visit AS (INSERT INTO kb_visits (session, last_query) SELECT $6::text, $8::text FROM raw ON CONFLICT (session) DO UPDATE SET last_query = EXCLUDED.last_query),
          searched AS (INSERT INTO kb_search_days (day, session) SELECT $3::date, $6::text FROM raw ON CONFLICT DO NOTHING)
          ${queryCounter('no_results', `(CASE WHEN $9::int = 0 THEN $8::text END)`)}`,
        values: [...base, record.lang, record.session, record.at, normaliseQuery(record.query), record.results],
      }
    case 'incident':
      // Its own query, or else the visit's last search before it (read before this statement's changes).
      return {
        text: `WITH ${raw},
          prior AS (SELECT last_query FROM kb_visits WHERE session = $6::text),
          visit AS (INSERT INTO kb_visits (session, has_incident) SELECT $6::text, true FROM raw ON CONFLICT (session) DO UPDATE SET has_incident = true)
          ${queryCounter('incident', `coalesce($8::text, (SELECT last_query FROM prior))`)}`,
        values: [...base, record.lang, record.session, record.at, record.query === undefined ? null : normaliseQuery(record.query)],
      }
    case 'missing':
    case 'click':
      // What was missing is read from the log itself (few, and listed whole); a click counts nowhere.
      return { text: `WITH ${raw} SELECT count(*) FROM raw`, values: base }
  }
}

/** KB insight on the database behind `query`; records are counted on their local day in `timeZone` (the desk's). */
export function postgresInsight(query: Query, timeZone: string): InsightStore {
  return {
    async append(record) {
      const { text, values } = recordStatement(record, randomUUID(), timeZone)
      await query(text, values)
    },
    async report(options) {
      const period = periodOf(options)
      const days = [period.firstDay, period.lastDay]
      const [queries, votes, missed, firstSearches] = await Promise.all([
        query<QueryCounterRow>(
          `SELECT kind, lang, query, count(DISTINCT session)::int AS sessions, max(last_at) AS "lastSeen"
           FROM kb_query_days WHERE day BETWEEN $1::date AND $2::date GROUP BY kind, lang, query`, days),
        query<{ article: string; lang: 'nl' | 'en'; helpful: number; notHelpful: number }>(
          `SELECT article, lang, sum(helpful)::int AS helpful, sum(not_helpful)::int AS "notHelpful"
           FROM kb_vote_days WHERE day BETWEEN $1::date AND $2::date GROUP BY article, lang`, days),
        query<{ data: KbInsight & { type: 'missing' } }>(`SELECT data FROM kb_insight WHERE type = 'missing' AND day BETWEEN $1::date AND $2::date ORDER BY seq`, days),
        // Each visit in the week of its first search in the period; deflected when it never sent an incident.
        query<{ day: string; searching: number; deflected: number }>(
          `SELECT to_char(first.day, 'YYYY-MM-DD') AS day, count(*)::int AS searching, count(*) FILTER (WHERE NOT coalesce(v.has_incident, false))::int AS deflected
           FROM (SELECT session, min(day) AS day FROM kb_search_days WHERE day BETWEEN $1::date AND $2::date GROUP BY session) first
           LEFT JOIN kb_visits v ON v.session = first.session GROUP BY first.day`, days),
      ])
      const texts = new Map<string, MissedText[]>()
      for (const { data } of missed.rows) {
        const at = Date.parse(data.at)
        if (at < period.from.getTime() || at > period.to.getTime()) continue
        texts.set(data.article, [...(texts.get(data.article) ?? []), { text: data.text, lang: data.lang, at: data.at }])
      }
      return reportFromCounters(period, options.timeZone, { queries: queries.rows, votes: votes.rows, missed: texts, firstSearches: firstSearches.rows })
    },
    async noResultSessions(text, lang, options) {
      const period = periodOf(options)
      const { rows: [row] } = await query<{ n: number }>(
        `SELECT count(DISTINCT session)::int AS n FROM kb_query_days WHERE kind = 'no_results' AND lang = $1 AND query = $2 AND day BETWEEN $3::date AND $4::date`,
        [lang, normaliseQuery(text), period.firstDay, period.lastDay],
      )
      return row!.n
    },
    async readAll() {
      return (await query<{ data: KbInsight }>('SELECT data FROM kb_insight ORDER BY seq')).rows.map((r) => r.data)
    },
    // The store's pool is closed with the store.
    async close() {},
  }
}
