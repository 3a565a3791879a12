/** What the KnowledgeBase routes say about themselves in the OpenAPI document, beside routes/kb.ts. */
import { LANGUAGES } from '../domain/desk.ts'
import { SearchEventInput } from '../domain/kb-insight.ts'
import { DEFAULT_REPORT_WEEKS, MIN_VOTES, TOP } from '../domain/kb-insight-report.ts'
import { NO_STORE, SESSION_REQUIRED, issuesOf, jsonReply, refusal, type RouteDescription } from '../http/describe.ts'
import { named } from '../http/examples.ts'
import { REQUEST_EXAMPLES, templateExample } from '../openapi.ts'
import { InsightReport, Recorded, presentRecorded } from '../present/kb.ts'

const recorded = jsonReply('Recorded.', Recorded, { recorded: { value: presentRecorded() } })

export const VOTE: RouteDescription = {
  operationId: 'recordVote', tags: ['KnowledgeBase'], summary: 'Record a "was this helpful?" vote on an article',
  description: 'Anonymous: the article, the language and the answer, stored with the time to the minute; nothing else is accepted. At most 120 votes a minute per address (429).',
  requestExamples: { vote: REQUEST_EXAMPLES.vote },
  responses: { 201: recorded },
}

export const EVENT: RouteDescription = {
  operationId: 'recordSearchEvent', tags: ['KnowledgeBase'], summary: 'Record a step of a visitor\'s search: a search, a click on a result, or an incident sent',
  description: 'Anonymous, from the widget and the search page: `search` once a query settled, `click` when a result is opened, `incident` when the incident form was sent. No cookie, IP address or user agent is kept, the time to the minute; `session` is a random id the browser makes for one visit.',
  requestExamples: { search: REQUEST_EXAMPLES.searchEvent, click: REQUEST_EXAMPLES.clickEvent, incident: REQUEST_EXAMPLES.incidentEvent },
  responses: {
    201: recorded,
    400: refusal('The event is not valid, or not JSON; nothing is recorded.', {
      notAPath: ['invalid_input', 'invalidInput', 'An article given as a full address instead of a path', issuesOf(SearchEventInput, { ...REQUEST_EXAMPLES.clickEvent.value, article: 'https://kb.noordwind.example/support/btw-aangifte/' })],
    }),
  },
}

export const INSIGHT: RouteDescription = {
  operationId: 'getKbInsight', tags: ['KB insight'], summary: 'What the KnowledgeBase\'s readers searched, missed and voted, over whole weeks (staff)',
  description: `Staff only: the anonymous votes and search events over the last \`weeks\` whole weeks (Monday to Sunday in the desk's time zone, the current one so far). \`incidentQueries\`: the searches of visits that sent the incident form; \`worstArticles\`: at least ${MIN_VOTES} votes, least helpful first; \`deflection\`: visits that searched and sent no incident. Queries are normalised and counted by visits, at most ${TOP} per list.`,
  security: SESSION_REQUIRED,
  parameters: [{ name: 'weeks', in: 'query', description: `Whole weeks, 1 to 52, ending with the current one; default ${DEFAULT_REPORT_WEEKS}.`, schema: { type: 'integer', minimum: 1, maximum: 52, default: DEFAULT_REPORT_WEEKS } }],
  responses: { 200: { ...jsonReply('The report.', InsightReport, { twelveWeeks: { summary: 'Monday 30 November 2026, 10:45 in Amsterdam', value: named('insightReport') } }), headers: NO_STORE } },
}

export const TEMPLATE: RouteDescription = {
  operationId: 'getArticleTemplate', tags: ['KB insight'], summary: 'Download a new article to write, for a search that found nothing (staff)',
  description: `Staff only: a Markdown article to start from, as content/README.md describes it; \`TODO\` marks what the editor chooses, and a comment says how many visits searched the query in \`lang\` without result over the last ${DEFAULT_REPORT_WEEKS} weeks.`,
  security: SESSION_REQUIRED,
  parameters: [
    { name: 'query', in: 'query', required: true, description: 'The search that found nothing; 1 to 200 characters once trimmed.', schema: { type: 'string', minLength: 1, maxLength: 200 }, example: 'Loonstrook PDF' },
    { name: 'lang', in: 'query', required: true, description: 'The language it was searched in, and the article will be written in.', schema: { type: 'string', enum: [...LANGUAGES] }, example: 'nl' },
  ],
  responses: {
    200: {
      description: 'The article template, to save where its comment says.',
      headers: { 'Content-Disposition': { description: 'Always `attachment`, named by the slug.', schema: { type: 'string' }, example: `attachment; filename="${templateExample.slug}.md"` }, ...NO_STORE },
      content: { 'text/markdown': { schema: { type: 'string' }, examples: { loonstrook: { summary: '?query=Loonstrook%20PDF&lang=nl', value: templateExample.markdown } } } },
    },
  },
}
