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
import { describe, errorExample, errorReply, issuesOf, jsonReply, type RouteDescription } from '../http/describe.ts'
import { Recorded, presentRecorded } from '../present/kb.ts'
import { REQUEST_EXAMPLES } from '../openapi.ts'

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

const recorded = jsonReply('Recorded.', Recorded, { recorded: { value: presentRecorded() } })

const VOTE: RouteDescription = {
  operationId: 'recordVote', tags: ['KnowledgeBase'], summary: 'Record a "was this helpful?" vote on an article',
  description: 'Anonymous: the vote holds the article, the language and the answer, and is stored with the time to the minute. Nothing else is accepted, so nothing identifies the reader. At most 120 votes a minute per address (429).',
  requestExamples: { vote: REQUEST_EXAMPLES.vote },
  responses: {
    201: recorded,
    400: errorReply('The vote is not valid, or not JSON.', {
      unknownLanguage: { summary: 'A language the desk does not speak', value: errorExample('invalid_input', 'invalidInput', issuesOf(VoteInput, { ...REQUEST_EXAMPLES.vote.value, lang: 'de' })) },
      extraField: { summary: 'A field that could identify the reader', value: errorExample('invalid_input', 'invalidInput', issuesOf(VoteInput, { ...REQUEST_EXAMPLES.vote.value, email: 'tom@bakkerij-jansen.example' })) },
    }),
  },
}

const EVENT: RouteDescription = {
  operationId: 'recordSearchEvent', tags: ['KnowledgeBase'], summary: 'Record a step of a visitor\'s search: a search, a click on a result, or an incident sent',
  description: `Anonymous, from the widget and the KnowledgeBase's search page, so support can see what visitors look for, what they find and when searching did not help. One event per request: \`search\` once a query has settled, \`click\` when a result is opened, \`incident\` when the incident form was sent.

Nothing identifies the visitor: no cookie is read or set, the IP address and user agent are not stored, and the time is kept to the minute. \`session\` is a random id the browser makes for one visit, only to tie its events together. Nothing but the fields of the event's type is accepted.`,
  requestExamples: { search: REQUEST_EXAMPLES.searchEvent, click: REQUEST_EXAMPLES.clickEvent, incident: REQUEST_EXAMPLES.incidentEvent },
  responses: {
    201: recorded,
    400: errorReply('The event is not valid, or not JSON; nothing is recorded.', {
      unknownType: { summary: 'A type of event that does not exist', value: errorExample('invalid_input', 'invalidInput', issuesOf(SearchEventInput, { ...REQUEST_EXAMPLES.searchEvent.value, type: 'view' })) },
      notAPath: { summary: 'An article given as a full address instead of a path', value: errorExample('invalid_input', 'invalidInput', issuesOf(SearchEventInput, { ...REQUEST_EXAMPLES.clickEvent.value, article: 'https://kb.noordwind.example/support/btw-aangifte/' })) },
      extraField: { summary: 'A field that could identify the visitor', value: errorExample('invalid_input', 'invalidInput', issuesOf(SearchEventInput, { ...REQUEST_EXAMPLES.searchEvent.value, email: 'tom@bakkerij-jansen.example' })) },
    }),
  },
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
    .get('/insight', noStore, requireStaff, async (c) => {
      const parsed = InsightQuery.safeParse(c.req.query())
      if (!parsed.success) return apiError(c, 400, 'invalid_input', MESSAGES.invalidInput, fieldsOf(parsed.error))
      const report = insightReport(await deps.insight.readAll(), { now: deps.clock(), timeZone: deps.desk.timeZone, weeks: parsed.data.weeks })
      return c.json(report)
    })
    .get('/insight/template', noStore, requireStaff, async (c) => {
      const parsed = TemplateQuery.safeParse(c.req.query())
      if (!parsed.success) return apiError(c, 400, 'invalid_input', MESSAGES.invalidInput, fieldsOf(parsed.error))
      const { query, lang } = parsed.data
      const template = templateFor(await deps.insight.readAll(), query, lang, { now: deps.clock(), timeZone: deps.desk.timeZone })
      c.header('Content-Disposition', `attachment; filename="${template.slug}.md"`)
      return c.body(template.markdown, 200, { 'Content-Type': 'text/markdown; charset=utf-8' })
    })
