/**
 * KnowledgeBase insight: readers post anonymously to POST /api/kb/votes ("was this helpful?"),
 * POST /api/kb/missing (what an unhelpful article missed) and POST /api/kb/events (searches); staff read the report at GET /api/kb/insight and download an
 * article template for a search that found nothing at GET /api/kb/insight/template.
 */
import { Hono, type MiddlewareHandler } from 'hono'
import type { DeskConfig } from '../domain/desk.ts'
import { MissingInput, recordMissing, recordSearchEvent, recordVote, SearchEventInput, VoteInput } from '../domain/kb-insight.ts'
import { InsightQuery, TemplateQuery, templateFor } from '../domain/kb-insight-report.ts'
import type { Limits } from '../deps.ts'
import { jsonBody, queryOf, requireJson } from '../middleware/json-body/index.ts'
import { limitByAddress } from '../middleware/rate-limit/index.ts'
import { requireStaff, type SessionEnv } from '../middleware/session/index.ts'
import type { InsightStore } from '../store/insight-store.ts'
import { describe } from '../http/describe.ts'
import { InsightReport, Recorded, presentRecorded, type InsightReportReply } from '../present/kb.ts'

export interface KbDeps {
  clock: () => Date
  /** Where insight records go, votes and search events alike, and where the report's counters are read. */
  insight: InsightStore
  limits: Pick<Limits, 'kbEventsPerAddress'>
  /** The desk's time zone: the report's weeks start on Monday 00:00 there. */
  desk: Pick<DeskConfig, 'timeZone'>
}

/** What readers search for is not for any cache to keep, errors included. */
const noStore: MiddlewareHandler = async (c, next) => {
  c.header('Cache-Control', 'private, no-store')
  await next()
}

/** The routes under /api/kb: readers' posts each record one anonymous insight record and answer 201; staff read the report. */
export const kb = (deps: KbDeps) =>
  new Hono<SessionEnv>()
    // Anyone may post without signing in: a limit per address keeps one caller from filling the disk.
    // Votes and events share the limit's size but are counted apart, so searching never blocks a vote.
    .post('/votes', describe('recordVote', 'KnowledgeBase', 'Record a "was this helpful?" vote on an article', { 201: Recorded }), limitByAddress(deps.limits.kbEventsPerAddress, 'kb-votes'), requireJson, jsonBody(VoteInput), async (c) => {
      await deps.insight.append(recordVote(c.req.valid('json'), deps.clock()))
      return c.json(presentRecorded(), 201)
    })
    // What was missing follows a "no" vote: limited like votes, counted apart from them.
    .post('/missing', describe('recordMissing', 'KnowledgeBase', 'Record what a reader missed in an article they found not helpful', { 201: Recorded }, {
      description: 'Anonymous, like a vote: the article, the language and the reader\'s words (1 to 500 characters, trimmed, no control characters), the time to the minute. Staff see the words as plain text on the insight page.',
    }), limitByAddress(deps.limits.kbEventsPerAddress, 'kb-missing'), requireJson, jsonBody(MissingInput), async (c) => {
      await deps.insight.append(recordMissing(c.req.valid('json'), deps.clock()))
      return c.json(presentRecorded(), 201)
    })
    .post('/events', describe('recordSearchEvent', 'KnowledgeBase', 'Record a step of a visit: a search that settled, a result opened, the incident form sent', { 201: Recorded }, {
      description: 'Anonymous: no cookie, address or user agent is kept, the time to the minute; `session` is a random id the browser makes for one visit.',
    }), limitByAddress(deps.limits.kbEventsPerAddress, 'kb-events'), requireJson, jsonBody(SearchEventInput), async (c) => {
      await deps.insight.append(recordSearchEvent(c.req.valid('json'), deps.clock()))
      return c.json(presentRecorded(), 201)
    })
    .get('/insight', describe('getKbInsight', 'KB insight', 'What readers searched, missed and voted over whole weeks, Monday to Sunday (staff)', { 200: InsightReport }), noStore, requireStaff, queryOf(InsightQuery), async (c) => {
      const report: InsightReportReply = await deps.insight.report({ now: deps.clock(), timeZone: deps.desk.timeZone, weeks: c.req.valid('query').weeks })
      return c.json(report)
    })
    .get('/insight/template', describe('getArticleTemplate', 'KB insight', 'A Markdown article to start from, for a search that found nothing (staff)', {
      200: { description: 'The article, as an attachment named by its slug.', content: { 'text/markdown': { schema: { type: 'string' } } } },
    }), noStore, requireStaff, queryOf(TemplateQuery), async (c) => {
      const { query, lang } = c.req.valid('query')
      const options = { now: deps.clock(), timeZone: deps.desk.timeZone }
      const template = templateFor(await deps.insight.noResultSessions(query, lang, options), query, lang, options)
      c.header('Content-Disposition', `attachment; filename="${template.slug}.md"`)
      return c.body(template.markdown, 200, { 'Content-Type': 'text/markdown; charset=utf-8' })
    })
