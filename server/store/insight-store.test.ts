import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, test } from 'vitest'
import type { KbInsight } from '../domain/kb-insight.ts'
import { dayOf, insightReport, noResultSessions, type ReportOptions } from '../domain/kb-insight-report.ts'
import { appendLog } from './append-log.ts'
import { logInsight, type InsightStore } from './insight-store.ts'
import { memoryLog } from './memory-log.ts'
import { logRecordId, postgresInsight, recordStatement } from './postgres-insight.ts'
import { migrations } from './postgres-store.ts'
import { dropSchemas, freshSchema, openTestStore, TEST_DATABASE_URL } from './postgres-testing.ts'

afterAll(dropSchemas)

const TIME_ZONE = 'Europe/Amsterdam'
/** Wednesday 2026-12-09, 10:00 in Amsterdam. */
const NOW = new Date('2026-12-09T09:00:00Z')

/** A small generator of numbers from a seed: the same log every run. */
function random(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
}

/**
 * Fourteen weeks of a KB's readers: visits that search (some in both languages, some across local
 * midnight), find nothing, open a result, send an incident with or without a query of their own;
 * votes and what readers missed, also in the minutes either side of Monday 00:00 in Amsterdam.
 */
function readersLog(seed = 7): KbInsight[] {
  const next = random(seed)
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!
  const queries = ['btw aangifte', 'Loonstrook  PDF', 'LOONSTROOK pdf', 'payslip', 'wachtwoord vergeten', 'financiën', 'Financiën', 'export csv']
  const articles = ['vat-return', 'payroll-run', 'reset-password', 'export']
  const records: KbInsight[] = []
  let at = Date.parse('2026-09-01T06:00:00Z')
  // Records are stamped with the clock when they come in: none is after `now`.
  for (let visit = 0; at < NOW.getTime() - 12 * 3_600_000; visit++) {
    const session = `visit-${String(visit).padStart(5, '0')}`
    const lang = pick(['nl', 'en'] as const)
    const source = pick(['widget', 'search'] as const)
    const steps = 1 + Math.floor(next() * 4)
    let last: string | undefined
    for (let step = 0; step < steps; step++) {
      // Now and then a step hours later: a visit that runs past local midnight.
      at += next() < 0.1 ? 5 * 3_600_000 : Math.floor(next() * 40) * 60_000
      const minute = new Date(Math.floor(at / 60_000) * 60_000).toISOString()
      const roll = next()
      if (roll < 0.5) {
        last = pick(queries)
        records.push({ type: 'search', session, source, lang: next() < 0.1 ? (lang === 'nl' ? 'en' : 'nl') : lang, query: last, results: next() < 0.4 ? 0 : 3, at: minute })
      } else if (roll < 0.6 && last) {
        records.push({ type: 'click', session, source, lang, query: last, article: `/x/${pick(articles)}/`, at: minute })
      } else if (roll < 0.72) {
        records.push({ type: 'incident', session, source, lang, ...(next() < 0.3 ? { query: pick(queries) } : {}), at: minute })
      } else if (roll < 0.92) {
        records.push({ type: 'vote', article: pick(articles), lang, isHelpful: next() < 0.4, at: minute })
      } else {
        records.push({ type: 'missing', article: pick(articles), lang, text: `Mist stap ${visit}`, at: minute })
      }
    }
  }
  // Either side of Monday 2026-12-07 00:00 in Amsterdam (Sunday 23:00 UTC).
  records.push({ type: 'search', session: 'visit-midnight', source: 'widget', lang: 'nl', query: 'btw aangifte', results: 0, at: '2026-12-06T22:59:00.000Z' })
  records.push({ type: 'search', session: 'visit-midnight', source: 'widget', lang: 'nl', query: 'btw aangifte', results: 0, at: '2026-12-06T23:00:00.000Z' })
  records.push({ type: 'vote', article: 'vat-return', lang: 'nl', isHelpful: false, at: '2026-12-06T22:59:00.000Z' })
  records.push({ type: 'missing', article: 'vat-return', lang: 'nl', text: 'Net voor maandag', at: '2026-12-06T22:59:00.000Z' })
  return records.sort((a, b) => a.at.localeCompare(b.at))
}

const reportOptions = (weeks: number): ReportOptions => ({ now: NOW, timeZone: TIME_ZONE, weeks })

/** What every InsightStore must answer: the log's own report, from its counters. */
function insightContract(name: string, open: () => Promise<InsightStore>) {
  describe(`${name}: the KB insight contract`, () => {
    test('reports from its counters exactly what the whole log reports, over 1, 2, 5 and 12 weeks', { timeout: 60_000 }, async () => {
      const insight = await open()
      const records = readersLog()
      for (const record of records) await insight.append(record)
      // Enough of everything that the comparison says something.
      const report = await insight.report(reportOptions(12))
      expect(report.noResults.nl.length).toBeGreaterThan(3)
      expect(report.incidentQueries.length).toBeGreaterThan(3)
      expect(report.worstArticles.length).toBeGreaterThan(3)
      expect(report.missed.length).toBeGreaterThan(3)
      expect(report.deflection.searching).toBeGreaterThan(50)
      for (const weeks of [1, 2, 5, 12]) expect(await insight.report(reportOptions(weeks)), `${weeks} weeks`).toEqual(insightReport(records, reportOptions(weeks)))
      for (const query of ['btw aangifte', 'loonstrook pdf', ' FINANCIËN ', 'never searched']) {
        for (const lang of ['nl', 'en'] as const) {
          expect(await insight.noResultSessions(query, lang, reportOptions(12)), `${query} ${lang}`).toBe(noResultSessions(records, query, lang, reportOptions(12)))
        }
      }
      expect(await insight.readAll()).toEqual(records)
      await insight.close()
    })

    test('counts records added after a report as well as those before it, and one added while the counters fill', { timeout: 60_000 }, async () => {
      const insight = await open()
      const records = readersLog(11)
      const half = Math.floor(records.length / 2)
      for (const record of records.slice(0, half)) await insight.append(record)
      // A record that comes in while the first report fills the counters is counted once.
      await Promise.all([insight.report(reportOptions(12)), insight.append(records[half]!)])
      expect(await insight.report(reportOptions(12))).toEqual(insightReport(records.slice(0, half + 1), reportOptions(12)))
      for (const record of records.slice(half + 1)) await insight.append(record)
      expect(await insight.report(reportOptions(12))).toEqual(insightReport(records, reportOptions(12)))
      await insight.close()
    })

    test('reports exactly what the log reports after every few records, a report kept up to date by the records after it', { timeout: 60_000 }, async () => {
      const insight = await open()
      const records = readersLog(5)
      const start = records.findIndex((r) => r.at >= '2026-11-20')
      for (const record of records.slice(0, start)) await insight.append(record)
      const kept = records.slice(0, start)
      for (let i = start; i < records.length; i += 40) {
        expect(await insight.report(reportOptions(12))).toEqual(insightReport(kept, reportOptions(12)))
        for (const record of records.slice(i, i + 40)) {
          await insight.append(record)
          kept.push(record)
        }
      }
      // Records are stamped with the clock as they come in: an incident that ends a visit counted as deflected, what was missed, a vote.
      const deflected = kept.findLast((r) => r.type === 'search' && r.at >= '2026-12-01' && !kept.some((k) => k.type === 'incident' && k.session === r.session)) as { session: string }
      const late: KbInsight[] = [
        { type: 'incident', session: deflected.session, source: 'search', lang: 'nl', at: '2026-12-09T08:58:00.000Z' },
        { type: 'missing', article: 'export', lang: 'nl', text: 'Op het laatst', at: '2026-12-09T08:59:00.000Z' },
        { type: 'vote', article: 'export', lang: 'nl', isHelpful: false, at: '2026-12-09T08:59:00.000Z' },
      ]
      for (const record of late) {
        await insight.append(record)
        kept.push(record)
        expect(await insight.report(reportOptions(12)), record.type).toEqual(insightReport(kept, reportOptions(12)))
      }
      await insight.close()
    })

    test('counts a visit once, in the week of its first search in the period, its weeks starting Monday 00:00 in the desk\'s time zone', async () => {
      const insight = await open()
      const search = (session: string, at: string, query = 'btw aangifte'): KbInsight => ({ type: 'search', session, source: 'widget', lang: 'nl', query, results: 0, at })
      const records = [
        search('visit-early01', '2026-11-24T08:00:00.000Z'),
        search('visit-weeks01', '2026-11-24T09:00:00.000Z'),
        // Sunday 23:59 and Monday 00:00 in Amsterdam: two weeks.
        search('visit-edge001', '2026-12-06T22:59:00.000Z'),
        search('visit-edge001', '2026-12-06T23:00:00.000Z'),
        search('visit-twice01', '2026-12-07T08:00:00.000Z'),
        search('visit-twice01', '2026-12-08T08:00:00.000Z', 'BTW  Aangifte'),
        search('visit-weeks01', '2026-12-08T09:00:00.000Z'),
      ]
      for (const record of records) await insight.append(record)
      const weeksOf = async (weeks: number) => (await insight.report(reportOptions(weeks))).deflection.weeks.map((w) => `${w.start} ${w.searching}/${w.deflected}`)
      expect(await weeksOf(4)).toEqual(['2026-11-16 0/0', '2026-11-23 2/2', '2026-11-30 1/1', '2026-12-07 1/1'])
      expect(await weeksOf(2)).toEqual(['2026-11-30 1/1', '2026-12-07 2/2'])
      expect(await weeksOf(1)).toEqual(['2026-12-07 3/3'])
      expect((await insight.report(reportOptions(4))).noResults.nl).toEqual([{ query: 'btw aangifte', sessions: 4, lastSeen: '2026-12-08T09:00:00.000Z' }])
      expect((await insight.report(reportOptions(1))).noResults.nl).toEqual([{ query: 'btw aangifte', sessions: 3, lastSeen: '2026-12-08T09:00:00.000Z' }])
      for (const weeks of [1, 2, 4]) {
        expect(await insight.report(reportOptions(weeks)), `${weeks} weeks`).toEqual(insightReport(records, reportOptions(weeks)))
        expect(await insight.noResultSessions('btw aangifte', 'nl', reportOptions(weeks)), `${weeks} weeks`).toBe(noResultSessions(records, 'btw aangifte', 'nl', reportOptions(weeks)))
      }
      await insight.close()
    })

    test('counts a visit in the earliest week it searched in, whatever order its records came in; its incident later makes it not deflected', async () => {
      const insight = await open()
      const search = (at: string, query: string, results: number): KbInsight => ({ type: 'search', session: 'visit-moved01', source: 'widget', lang: 'nl', query, results, at })
      // A log moved in out of order: the week of 7 December first, then 23 November, then 30 November.
      for (const record of [
        search('2026-12-08T09:00:00.000Z', 'btw aangifte', 0),
        search('2026-11-24T09:00:00.000Z', 'btw aangifte', 0),
        search('2026-11-25T09:00:00.000Z', 'loonstrook', 3),
        search('2026-12-01T09:00:00.000Z', 'btw aangifte', 0),
      ]) await insight.append(record)
      const seen = async (weeks: number) => {
        const report = await insight.report(reportOptions(weeks))
        return { weeks: report.deflection.weeks.map((w) => `${w.start} ${w.searching}/${w.deflected}`), noResults: report.noResults.nl, incidents: report.incidentQueries }
      }
      const noResults = [{ query: 'btw aangifte', sessions: 1, lastSeen: '2026-12-08T09:00:00.000Z' }]
      expect(await seen(4)).toEqual({ weeks: ['2026-11-16 0/0', '2026-11-23 1/1', '2026-11-30 0/0', '2026-12-07 0/0'], noResults, incidents: [] })
      expect(await seen(2)).toEqual({ weeks: ['2026-11-30 1/1', '2026-12-07 0/0'], noResults, incidents: [] })
      expect(await seen(1)).toEqual({ weeks: ['2026-12-07 1/1'], noResults, incidents: [] })
      expect(await insight.noResultSessions('btw aangifte', 'nl', reportOptions(1))).toBe(1)

      // Without a query of its own: counted under the visit's last search as it came in.
      await insight.append({ type: 'incident', session: 'visit-moved01', source: 'widget', lang: 'nl', at: '2026-12-09T08:00:00.000Z' })
      const incidents = [{ query: 'btw aangifte', lang: 'nl', sessions: 1, lastSeen: '2026-12-09T08:00:00.000Z' }]
      expect(await seen(4)).toEqual({ weeks: ['2026-11-16 0/0', '2026-11-23 1/0', '2026-11-30 0/0', '2026-12-07 0/0'], noResults, incidents })
      expect(await seen(2)).toEqual({ weeks: ['2026-11-30 1/0', '2026-12-07 0/0'], noResults, incidents })
      // A second incident changes nothing more.
      await insight.append({ type: 'incident', session: 'visit-moved01', source: 'widget', lang: 'nl', at: '2026-12-09T08:01:00.000Z' })
      expect(await seen(1)).toEqual({ weeks: ['2026-12-07 1/0'], noResults, incidents: [{ ...incidents[0], lastSeen: '2026-12-09T08:01:00.000Z' }] })
      await insight.close()
    })

    test('lists what readers missed in the 20 articles with the newest texts, 20 texts each and the total, also when more tie in a minute', async () => {
      const insight = await open()
      const records: KbInsight[] = []
      const missing = (article: string, minute: number, text: string): KbInsight => ({ type: 'missing', article, lang: minute % 3 ? 'nl' : 'en', text, at: new Date(Date.parse('2026-11-27T08:00:00Z') + minute * 60_000).toISOString() })
      // 30 texts in one article over the last two weeks, three of them in one minute.
      for (let i = 0; i < 30; i++) records.push(missing('payroll-run', i * 400, `Stap ${i}`))
      records.push(missing('payroll-run', 29 * 400, 'Dezelfde minuut'), missing('payroll-run', 29 * 400, 'Nog eens die minuut'))
      // 25 more articles: 17 with newer texts, then five whose newest text is of one minute, the 19th to 23rd place.
      for (let a = 0; a < 25; a++) records.push(missing(`article-${String(a).padStart(2, '0')}`, a < 5 ? 7450 : 7000 + a * 60, `Mist iets ${a}`))
      records.sort((x, y) => x.at.localeCompare(y.at))
      for (const record of records) await insight.append(record)
      for (const weeks of [1, 2, 3]) expect(await insight.report(reportOptions(weeks)), `${weeks} weeks`).toEqual(insightReport(records, reportOptions(weeks)))
      const { missed } = await insight.report(reportOptions(3))
      expect(missed.map((m) => m.article).slice(18)).toEqual(['article-00', 'article-01'])
      expect(missed[0]).toMatchObject({ article: 'payroll-run', total: 32 })
      expect(missed[0]!.texts.map((t) => t.text).slice(0, 4)).toEqual(['Nog eens die minuut', 'Dezelfde minuut', 'Stap 29', 'Stap 28'])
      expect(missed[0]!.texts).toHaveLength(20)
      await insight.close()
    })

    test('counts a vote once: three votes on an article are three, in its language only', async () => {
      const insight = await open()
      const at = '2026-12-09T08:30:00.000Z'
      for (const isHelpful of [false, true, false]) await insight.append({ type: 'vote', article: 'payroll-run', lang: 'nl', isHelpful, at })
      await insight.append({ type: 'vote', article: 'payroll-run', lang: 'en', isHelpful: false, at })
      expect((await insight.report(reportOptions(1))).worstArticles).toEqual([{ article: 'payroll-run', lang: 'nl', helpful: 1, notHelpful: 2, ratio: 1 / 3 }])
      await insight.close()
    })
  })
}

insightContract('log in memory', async () => logInsight(memoryLog<KbInsight>()))
insightContract('log on disk', async () => logInsight(appendLog<KbInsight>(join(mkdtempSync(join(tmpdir(), 'loket-insight-')), 'kb-insight.jsonl'))))
insightContract('postgres', async () => {
  const store = await openTestStore()
  // Prepared as the server prepares them: after a few records each connection plans them once, for any values.
  const insight = postgresInsight(store.query, TIME_ZONE, store.prepare)
  return { ...insight, close: () => store.close() }
})

describe('KB insight in PostgreSQL', () => {
  test('a record kept under an id already there is not counted again: moving a log twice counts it once', async () => {
    const store = await openTestStore()
    try {
      const vote: KbInsight = { type: 'vote', article: 'payroll-run', lang: 'nl', isHelpful: false, at: '2026-12-09T08:30:00.000Z' }
      const search: KbInsight = { type: 'search', session: 'visit-once', source: 'widget', lang: 'nl', query: 'loonstrook', results: 0, at: '2026-12-09T08:31:00.000Z' }
      for (let run = 0; run < 2; run++) {
        for (const [i, record] of [vote, search].entries()) {
          const { text, values } = recordStatement(record, logRecordId(i), TIME_ZONE)
          await store.query(text, values)
        }
      }
      const insight = postgresInsight(store.query, TIME_ZONE)
      expect(await insight.readAll()).toEqual([vote, search])
      expect(await insight.report(reportOptions(1))).toEqual(insightReport([vote, search], reportOptions(1)))
      const { rows: [votes] } = await store.pool.query('SELECT helpful, not_helpful FROM kb_vote_days')
      expect(votes).toEqual({ helpful: 0, not_helpful: 1 })
    } finally {
      await store.close()
    }
  })

  test('two processes on one database report the same, whichever one a record went to', async () => {
    const first = await openTestStore()
    const second = await openTestStore((await first.pool.query<{ schema: string }>('SELECT current_schema() AS schema')).rows[0]!.schema)
    try {
      const [one, two] = [postgresInsight(first.query, TIME_ZONE), postgresInsight(second.query, TIME_ZONE)]
      const records = readersLog(3).slice(-200)
      for (const [i, record] of records.entries()) await (i % 2 ? one : two).append(record)
      expect(await one.report(reportOptions(4))).toEqual(insightReport(records, reportOptions(4)))
      expect(await two.report(reportOptions(4))).toEqual(await one.report(reportOptions(4)))
    } finally {
      await Promise.all([first.close(), second.close()])
    }
  })

  test('012 fills the week counters from the day counters of 004 and the counts of what readers missed from the log, so a report after it says what it said before', async () => {
    const schema = freshSchema()
    const records: KbInsight[] = [
      { type: 'search', session: 'visit-filled1', source: 'widget', lang: 'nl', query: 'BTW aangifte', results: 0, at: '2026-11-24T09:00:00.000Z' },
      { type: 'search', session: 'visit-filled1', source: 'widget', lang: 'nl', query: 'btw aangifte', results: 0, at: '2026-12-08T09:00:00.000Z' },
      { type: 'search', session: 'visit-filled2', source: 'search', lang: 'en', query: 'payslip', results: 2, at: '2026-12-08T10:00:00.000Z' },
      { type: 'incident', session: 'visit-filled2', source: 'search', lang: 'en', at: '2026-12-08T10:05:00.000Z' },
      { type: 'search', session: 'visit-filled3', source: 'widget', lang: 'nl', query: 'export', results: 0, at: '2026-12-06T22:59:00.000Z' },
      { type: 'missing', article: 'vat-return', lang: 'nl', text: 'Waar staat de knop?', at: '2026-12-06T22:59:00.000Z' },
      { type: 'missing', article: 'vat-return', lang: 'en', text: 'Which form?', at: '2026-12-08T11:00:00.000Z' },
    ]
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL })
    await client.connect()
    try {
      // The database as 011 left it, with those records counted per day as 004's statements counted them.
      await client.query(`CREATE SCHEMA ${schema}`)
      await client.query(`SET search_path = ${schema}`)
      await client.query('CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())')
      for (const migration of migrations().filter((m) => m.version <= 11)) {
        await client.query(migration.sql)
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name])
      }
      for (const [i, record] of records.entries()) {
        await client.query('INSERT INTO kb_insight (id, type, day, data) VALUES ($1, $2, $3, $4)', [logRecordId(i), record.type, dayOf(record.at, TIME_ZONE), JSON.stringify(record)])
      }
      await client.query(`INSERT INTO kb_search_days (day, session) VALUES ('2026-11-24', 'visit-filled1'), ('2026-12-08', 'visit-filled1'), ('2026-12-08', 'visit-filled2'), ('2026-12-06', 'visit-filled3')`)
      await client.query(`INSERT INTO kb_query_days (day, kind, lang, query, session, last_at) VALUES
        ('2026-11-24', 'no_results', 'nl', 'btw aangifte', 'visit-filled1', '2026-11-24T09:00:00.000Z'),
        ('2026-12-08', 'no_results', 'nl', 'btw aangifte', 'visit-filled1', '2026-12-08T09:00:00.000Z'),
        ('2026-12-08', 'incident', 'en', 'payslip', 'visit-filled2', '2026-12-08T10:05:00.000Z'),
        ('2026-12-06', 'no_results', 'nl', 'export', 'visit-filled3', '2026-12-06T22:59:00.000Z')`)
      await client.query(`INSERT INTO kb_visits (session, last_query, has_incident) VALUES ('visit-filled1', 'btw aangifte', false), ('visit-filled2', 'payslip', true), ('visit-filled3', 'export', false)`)
    } finally {
      await client.end()
    }
    const store = await openTestStore(schema)
    try {
      const insight = postgresInsight(store.query, TIME_ZONE)
      for (const weeks of [1, 2, 3, 4]) expect(await insight.report(reportOptions(weeks)), `${weeks} weeks`).toEqual(insightReport(records, reportOptions(weeks)))
      expect((await insight.report(reportOptions(3))).deflection.searching).toBe(3)
      expect((await insight.report(reportOptions(2))).missed).toMatchObject([{ article: 'vat-return', total: 2 }])
      // Counted on from there: the first visit again, and its incident.
      const later: KbInsight[] = [
        { type: 'search', session: 'visit-filled1', source: 'widget', lang: 'nl', query: 'btw aangifte', results: 0, at: '2026-12-09T08:00:00.000Z' },
        { type: 'incident', session: 'visit-filled1', source: 'widget', lang: 'nl', at: '2026-12-09T08:30:00.000Z' },
        { type: 'missing', article: 'vat-return', lang: 'nl', text: 'En de bijlage?', at: '2026-12-09T08:31:00.000Z' },
      ]
      for (const record of later) await insight.append(record)
      for (const weeks of [1, 2, 3, 4]) expect(await insight.report(reportOptions(weeks)), `${weeks} weeks`).toEqual(insightReport([...records, ...later], reportOptions(weeks)))
      expect(await insight.noResultSessions('btw aangifte', 'nl', reportOptions(3))).toBe(1)
    } finally {
      await store.close()
    }
  })
})
