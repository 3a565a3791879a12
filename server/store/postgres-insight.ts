/**
 * KB insight in PostgreSQL: each record in `kb_insight`, and in the same statement the counters
 * per article and day, per visit (migration 004), the distinct visits per query and week and what
 * readers missed per article and day (migration 012), so every API process on the database reports the same and a report reads its
 * period's counters, a few rows per week, not the log nor a row per visit.
 */
import { randomUUID } from 'node:crypto'
import type pg from 'pg'
import { mondayOf } from '#lib/iso-week.ts'
import type { KbInsight } from '../domain/kb-insight.ts'
import { dayOf, normaliseQuery, periodOf, TOP, type MissedText } from '../domain/kb-insight-report.ts'
import { reportFromCounters, type QueryCounterRow } from '../domain/kb-insight-rollup.ts'
import type { InsightStore } from './insight-store.ts'

/** What the store's queries go through (its own wrapper turns a lost database into a 503). */
type Query = pg.Pool['query']

/** The id a record of a data folder's log gets when moved: its line, so moving it again adds nothing. @example logRecordId(0) === 'log:1' */
export const logRecordId = (index: number) => `log:${index + 1}`

/** The since of a visit seen in `week` whose last week before it was `prev` (NULL: none): '-infinity' when no report reaches back to it (migration 012). */
const sinceOf = (week: string, prev: string) => `(CASE WHEN ${prev} >= ${week} - 357 THEN ${prev} ELSE '-infinity'::date END)`

/**
 * The common table expressions (named `name`_…) that count the visit ($7) as seen under a key in
 * the record's week ($5) at $8, and the counters' changes they make, as rows to add: a visit seen
 * again in a week is counted once, and a week seen before a later one the visit was already seen in
 * (a log moved out of order) makes that later week's `since` this week. `lang` and `query` are SQL;
 * nothing is counted when `query` is NULL. `deflect`: 1 when the visit counts as deflected, else 0.
 */
function seenIn(name: string, kind: string, lang: string, query: string, deflect: string): { ctes: string; changes: string } {
  const key = (table: string) => `${table}.kind = '${kind}' AND ${table}.lang = ${lang} AND ${table}.query = ${query} AND ${table}.session = $7::text`
  const since = sinceOf('$5::date', `(SELECT week FROM ${name}_prev)`)
  return {
    ctes: `${name}_prev AS (SELECT max(week) AS week FROM kb_visit_weeks v WHERE ${key('v')} AND v.week < $5::date),
      ${name}_cur AS (SELECT since FROM kb_visit_weeks v WHERE ${key('v')} AND v.week = $5::date),
      ${name}_new AS (INSERT INTO kb_visit_weeks (kind, lang, query, session, week, since)
        SELECT '${kind}', ${lang}, ${query}, $7::text, $5::date, ${since} FROM raw WHERE ${query} IS NOT NULL ON CONFLICT DO NOTHING RETURNING since),
      ${name}_next AS (SELECT week, since FROM kb_visit_weeks v WHERE ${key('v')} AND v.week > $5::date AND EXISTS (SELECT 1 FROM ${name}_new) ORDER BY v.week LIMIT 1),
      ${name}_moved AS (UPDATE kb_visit_weeks v SET since = ${sinceOf('n.week', '$5::date')} FROM ${name}_next n WHERE ${key('v')} AND v.week = n.week)`,
    changes: `SELECT '${kind}'::text AS kind, ${lang}::text AS lang, ${query}::text AS query, $5::date AS week,
        coalesce((SELECT since FROM ${name}_new), (SELECT since FROM ${name}_cur), ${since}) AS since,
        (SELECT count(*) FROM ${name}_new)::int AS visits, (SELECT count(*) FROM ${name}_new)::int * ${deflect} AS deflected, $8::text AS last_at
        FROM raw WHERE ${query} IS NOT NULL
      UNION ALL SELECT '${kind}', ${lang}, ${query}, week, since, -1, -${deflect}, '' FROM ${name}_next
      UNION ALL SELECT '${kind}', ${lang}, ${query}, week, ${sinceOf('week', '$5::date')}, 1, ${deflect}, '' FROM ${name}_next`,
  }
}

/** The changes of `seenIn`, added to the week counters at once (one row per key, week and since). */
const countChanges = (changes: string[]) => `INSERT INTO kb_week_counts (kind, lang, query, week, since, visits, deflected, last_at)
  SELECT kind, lang, query, week, since, sum(visits)::int, sum(deflected)::int, max(last_at) FROM (${changes.join(' UNION ALL ')}) c
  GROUP BY kind, lang, query, week, since
  ON CONFLICT (kind, lang, query, week, since) DO UPDATE SET visits = kb_week_counts.visits + EXCLUDED.visits,
    deflected = kb_week_counts.deflected + EXCLUDED.deflected, last_at = greatest(kb_week_counts.last_at, EXCLUDED.last_at)`

/** 1 while the visit ($7) has sent no incident (read before this statement's changes), else 0. */
const NO_INCIDENT_YET = `(CASE WHEN coalesce((SELECT has_incident FROM kb_visits WHERE session = $7::text), false) THEN 0 ELSE 1 END)`

/**
 * The statement that keeps `record` under `id` and counts it, all at once; when `id` is kept already
 * nothing is counted (`raw` is empty), so a record counts once however often it is sent.
 */
export function recordStatement(record: KbInsight, id: string, timeZone: string): { text: string; values: unknown[] } {
  const day = dayOf(record.at, timeZone)
  const raw = `raw AS (INSERT INTO kb_insight (id, type, day, data) VALUES ($1, $2, $3::date, $4) ON CONFLICT (id) DO NOTHING RETURNING id)`
  const base = [id, record.type, day, JSON.stringify(record)]
  // A visit's records are counted under their week: its Monday.
  const week = mondayOf(day)
  switch (record.type) {
    case 'vote':
      return {
        text: `WITH ${raw} INSERT INTO kb_vote_days (day, article, lang, helpful, not_helpful) SELECT $3::date, $5::text, $6::text, $7::int, $8::int FROM raw
          ON CONFLICT (day, article, lang) DO UPDATE SET helpful = kb_vote_days.helpful + EXCLUDED.helpful, not_helpful = kb_vote_days.not_helpful + EXCLUDED.not_helpful`,
        values: [...base, record.article, record.lang, record.isHelpful ? 1 : 0, record.isHelpful ? 0 : 1],
      }
    case 'search': {
      const searched = seenIn('searched', 'searched', `''`, `''`, NO_INCIDENT_YET)
      const missed = seenIn('missed', 'no_results', '$6::text', `(CASE WHEN $10::int = 0 THEN $9::text END)`, '0')
      return {
        text: `WITH ${raw},
          visit AS (INSERT INTO kb_visits (session, last_query) SELECT $7::text, $9::text FROM raw ON CONFLICT (session) DO UPDATE SET last_query = EXCLUDED.last_query),
          ${searched.ctes}, ${missed.ctes}
          ${countChanges([searched.changes, missed.changes])}`,
        values: [...base, week, record.lang, record.session, record.at, normaliseQuery(record.query), record.results],
      }
    }
    case 'incident': {
      // Its own query, or else the visit's last search before it (read before this statement's changes).
      const sent = seenIn('sent', 'incident', '$6::text', `coalesce($9::text, (SELECT last_query FROM prior))`, '0')
      return {
        text: `WITH ${raw},
          prior AS (SELECT last_query FROM kb_visits WHERE session = $7::text),
          visit AS (INSERT INTO kb_visits (session, has_incident) SELECT $7::text, true FROM raw ON CONFLICT (session) DO UPDATE SET has_incident = true),
          -- A visit's first incident: the weeks it searched in count it as deflected no more.
          undeflected AS (UPDATE kb_week_counts c SET deflected = c.deflected - 1 FROM kb_visit_weeks v
            WHERE EXISTS (SELECT 1 FROM raw) AND ${NO_INCIDENT_YET} = 1
              AND v.kind = 'searched' AND v.lang = '' AND v.query = '' AND v.session = $7::text
              AND c.kind = 'searched' AND c.lang = '' AND c.query = '' AND c.week = v.week AND c.since = v.since),
          ${sent.ctes}
          ${countChanges([sent.changes])}`,
        values: [...base, week, record.lang, record.session, record.at, record.query === undefined ? null : normaliseQuery(record.query)],
      }
    }
    case 'missing':
      // Counted per article and day; a report reads the texts of the articles it lists from the log itself.
      return {
        text: `WITH ${raw} INSERT INTO kb_missed_days (day, article, texts, newest_at) SELECT $3::date, $5::text, 1, $6::text FROM raw
          ON CONFLICT (day, article) DO UPDATE SET texts = kb_missed_days.texts + 1, newest_at = greatest(kb_missed_days.newest_at, EXCLUDED.newest_at)`,
        values: [...base, record.article, record.at],
      }
    case 'click':
      // A click counts nowhere.
      return { text: `WITH ${raw} SELECT count(*) FROM raw`, values: base }
  }
}

/**
 * KB insight on the database behind `query`; records are counted on their local day in `timeZone`
 * (the desk's). `prepare`: the store's, so the record statements (a few fixed texts, long to plan)
 * are planned once per connection instead of on every record.
 */
export function postgresInsight(query: Query, timeZone: string, prepare: (sql: string) => string = (sql) => sql): InsightStore {
  return {
    async append(record) {
      const { text, values } = recordStatement(record, randomUUID(), timeZone)
      await query(prepare(text), values)
    },
    async report(options) {
      const period = periodOf(options)
      const days = [period.firstDay, period.lastDay]
      const [queries, votes, missed, firstSearches] = await Promise.all([
        // A visit counts in the first week of the period it was seen in under the query: the one with `since` before the period.
        query<QueryCounterRow>(
          `SELECT kind, lang, query, (sum(visits) FILTER (WHERE since < $1::date))::int AS sessions, max(last_at) AS "lastSeen"
           FROM kb_week_counts WHERE week BETWEEN $1::date AND $2::date AND kind <> 'searched' GROUP BY kind, lang, query`, days),
        query<{ article: string; lang: 'nl' | 'en'; helpful: number; notHelpful: number }>(
          `SELECT article, lang, sum(helpful)::int AS helpful, sum(not_helpful)::int AS "notHelpful"
           FROM kb_vote_days WHERE day BETWEEN $1::date AND $2::date GROUP BY article, lang`, days),
        // The articles with the newest texts (all those tied with the 20th: the report cuts them), each with its newest 20 texts, in the order written.
        query<{ article: string; total: number; data: KbInsight & { type: 'missing' } }>(
          `WITH sums AS (SELECT article, sum(texts)::int AS total, max(newest_at) AS newest FROM kb_missed_days WHERE day BETWEEN $1::date AND $2::date GROUP BY article),
             top AS (SELECT * FROM sums WHERE newest >= coalesce((SELECT newest FROM sums ORDER BY newest DESC OFFSET ${TOP - 1} LIMIT 1), ''))
           SELECT top.article, top.total, t.data FROM top CROSS JOIN LATERAL (
             SELECT data, seq FROM kb_insight WHERE type = 'missing' AND data->>'article' = top.article AND day BETWEEN $1::date AND $2::date
             ORDER BY day DESC, (data->>'at') COLLATE "C" DESC, seq DESC LIMIT ${TOP}) t
           ORDER BY t.seq`, days),
        // Each visit in the week of its first search in the period; deflected when it never sent an incident.
        query<{ day: string; searching: number; deflected: number }>(
          `SELECT to_char(week, 'YYYY-MM-DD') AS day, sum(visits)::int AS searching, sum(deflected)::int AS deflected FROM kb_week_counts
           WHERE kind = 'searched' AND lang = '' AND query = '' AND week BETWEEN $1::date AND $2::date AND since < $1::date GROUP BY week`, days),
      ])
      const texts = new Map<string, MissedText[]>()
      const totals = new Map<string, number>()
      for (const { article, total, data } of missed.rows) {
        texts.set(article, [...(texts.get(article) ?? []), { text: data.text, lang: data.lang, at: data.at }])
        totals.set(article, total)
      }
      return reportFromCounters(period, options.timeZone, { queries: queries.rows, votes: votes.rows, missed: texts, missedTotals: totals, firstSearches: firstSearches.rows })
    },
    async noResultSessions(text, lang, options) {
      const period = periodOf(options)
      const { rows: [row] } = await query<{ n: number }>(
        `SELECT coalesce(sum(visits), 0)::int AS n FROM kb_week_counts
         WHERE kind = 'no_results' AND lang = $1 AND query = $2 AND week BETWEEN $3::date AND $4::date AND since < $3::date`,
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
