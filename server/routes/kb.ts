/**
 * KnowledgeBase insight: readers post anonymously to POST /api/kb/votes ("was this helpful?") and
 * POST /api/kb/events (searches); staff read the report at GET /api/kb/insight and download an
 * article template for a search that found nothing at GET /api/kb/insight/template.
 */
import { Hono, type MiddlewareHandler } from 'hono'
import type { DeskConfig } from '../domain/desk.ts'
import { recordSearchEvent, recordVote, SearchEventInput, VoteInput, type KbInsight } from '../domain/kb-insight.ts'
import { InsightQuery, insightReport, TemplateQuery, templateFor } from '../domain/kb-insight-report.ts'
import type { Limits } from '../deps.ts'
import { MESSAGES, apiError, fieldsOf } from '../http/errors.ts'
import { jsonBody, requireJson } from '../middleware/json-body/index.ts'
import { limitByAddress } from '../middleware/rate-limit/index.ts'
import { requireStaff, type SessionEnv } from '../middleware/session/index.ts'
import type { AppendLog } from '../store/append-log.ts'
import { describe } from '../http/describe.ts'
import { presentRecorded, type InsightReportReply } from '../present/kb.ts'
import { EVENT, INSIGHT, TEMPLATE, VOTE } from './kb.openapi.ts'

export interface KbDeps {
  clock: () => Date
  /** Where insight records go, votes and search events alike; append-only. */
  insight: AppendLog<KbInsight>
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
    .post('/votes', describe(VOTE), limitByAddress(deps.limits.kbEventsPerAddress, 'kb-votes'), requireJson, jsonBody(VoteInput), async (c) => {
      await deps.insight.append(recordVote(c.req.valid('json'), deps.clock()))
      return c.json(presentRecorded(), 201)
    })
    .post('/events', describe(EVENT), limitByAddress(deps.limits.kbEventsPerAddress, 'kb-events'), requireJson, jsonBody(SearchEventInput), async (c) => {
      await deps.insight.append(recordSearchEvent(c.req.valid('json'), deps.clock()))
      return c.json(presentRecorded(), 201)
    })
    .get('/insight', describe(INSIGHT), noStore, requireStaff, async (c) => {
      const parsed = InsightQuery.safeParse(c.req.query())
      if (!parsed.success) return apiError(c, 400, 'invalid_input', MESSAGES.invalidInput, fieldsOf(parsed.error))
      const report: InsightReportReply = insightReport(await deps.insight.readAll(), { now: deps.clock(), timeZone: deps.desk.timeZone, weeks: parsed.data.weeks })
      return c.json(report)
    })
    .get('/insight/template', describe(TEMPLATE), noStore, requireStaff, async (c) => {
      const parsed = TemplateQuery.safeParse(c.req.query())
      if (!parsed.success) return apiError(c, 400, 'invalid_input', MESSAGES.invalidInput, fieldsOf(parsed.error))
      const { query, lang } = parsed.data
      const template = templateFor(await deps.insight.readAll(), query, lang, { now: deps.clock(), timeZone: deps.desk.timeZone })
      c.header('Content-Disposition', `attachment; filename="${template.slug}.md"`)
      return c.body(template.markdown, 200, { 'Content-Type': 'text/markdown; charset=utf-8' })
    })
