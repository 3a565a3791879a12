/** What the KnowledgeBase routes say about themselves in the OpenAPI document, beside routes/kb.ts. */
import { LANGUAGES } from '../domain/desk.ts'
import { SearchEventInput, VoteInput } from '../domain/kb-insight.ts'
import { DEFAULT_REPORT_WEEKS, InsightQuery, MIN_VOTES, TOP, TemplateQuery } from '../domain/kb-insight-report.ts'
import { errorExample, errorReply, issuesOf, jsonReply, type RouteDescription } from '../http/describe.ts'
import { REQUEST_EXAMPLES, SESSION_REQUIRED, error, failure, insightReportExample, json, schemaRef, templateExample } from '../openapi.ts'
import { InsightReport, Recorded, presentRecorded } from '../present/kb.ts'
import { resolver } from 'hono-openapi'

const recorded = jsonReply('Recorded.', Recorded, { recorded: { value: presentRecorded() } })

export const VOTE: RouteDescription = {
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

export const EVENT: RouteDescription = {
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

export const INSIGHT: RouteDescription = {
  operationId: 'getKbInsight', tags: ['KB insight'], summary: 'What the KnowledgeBase\'s readers searched, missed and voted, over whole weeks (staff)',
  description: `Staff only, any role: the KnowledgeBase's anonymous votes and search events (see KnowledgeBase) over the last \`weeks\` whole weeks, Monday to Sunday in the desk's time zone, the current week counted so far.

- \`noResults\`: searches that found nothing, per language
- \`incidentQueries\`: searches after which the visit sent the incident form: the incident's own query, or else the visit's last search before it
- \`worstArticles\`: articles with at least ${MIN_VOTES} "was this helpful?" votes in a language, the lowest share of helpful votes first
- \`deflection\`: of the visits that searched, how many sent no incident at all, in total and per week (a visit counts in the week of its first search); a week without searches has zeros and \`rate\` null

Queries are counted normalised (trimmed, lowercase, runs of spaces as one) and by visits, so a visitor who retries counts once; each list holds at most ${TOP}, most visits first, then the most recent. Nothing in it identifies a visitor. Every answer, refusals included, is \`Cache-Control: private, no-store\`.`,
  security: SESSION_REQUIRED,
  parameters: [
    { name: 'weeks', in: 'query', description: `Whole weeks to cover, 1 to 52, ending with the current one; default ${DEFAULT_REPORT_WEEKS}. Any other parameter is 400.`, schema: { type: 'integer', minimum: 1, maximum: 52, default: DEFAULT_REPORT_WEEKS }, example: 12 },
  ],
  responses: {
    200: {
      description: 'The report.',
      headers: { 'Cache-Control': { $ref: '#/components/headers/NoStore' } },
      content: json(resolver(InsightReport), { twelveWeeks: { summary: 'Lotte Smit on Monday 30 November 2026, 10:41 in Amsterdam', value: insightReportExample } }),
    },
    400: failure('`weeks` is not a whole number from 1 to 52, or a parameter is unknown (`(body)`).', {
      weeks: { summary: '53 weeks', value: error('invalid_input', 'invalidInput', issuesOf(InsightQuery, { weeks: '53' })) },
      unknownParameter: { summary: '`week` instead of `weeks`', value: error('invalid_input', 'invalidInput', issuesOf(InsightQuery, { week: '4' })) },
    }),
  },
}

export const TEMPLATE: RouteDescription = {
  operationId: 'getArticleTemplate', tags: ['KB insight'], summary: 'Download a new article to write, for a search that found nothing (staff)',
  description: `Staff only: a KnowledgeBase article to start from, as a Markdown download (\`text/markdown; charset=utf-8\`, \`Content-Disposition: attachment\`). Its frontmatter is the one content/README.md describes: the title is the query as typed (first letter a capital), the file name and translation key a slug of it, the tags its words, \`updated\` today in the desk's time zone; \`TODO\` marks what the editor chooses (description, category, product area), and the build stops on each until it is filled. A comment says how many visits searched the query in \`lang\` and found nothing over the last ${DEFAULT_REPORT_WEEKS} weeks, and where to save the file. Any query is taken, also one the report does not list (then 0 visits). Every answer, refusals included, is \`Cache-Control: private, no-store\`.`,
  security: SESSION_REQUIRED,
  parameters: [
    { name: 'query', in: 'query', required: true, description: 'The search that found nothing, as the report lists it or as typed; 1 to 200 characters once trimmed.', schema: { type: 'string', minLength: 1, maxLength: 200 }, example: 'Loonstrook PDF' },
    { name: 'lang', in: 'query', required: true, description: 'The language it was searched in, and the article will be written in. Any other parameter is 400.', schema: { type: 'string', enum: [...LANGUAGES] }, example: 'nl' },
  ],
  responses: {
    200: {
      description: 'The article template, to save where its comment says.',
      headers: {
        'Content-Disposition': { description: 'Always `attachment`, named by the slug.', schema: { type: 'string' }, example: `attachment; filename="${templateExample.slug}.md"` },
        'Cache-Control': { $ref: '#/components/headers/NoStore' },
      },
      content: { 'text/markdown': { schema: { type: 'string' }, examples: { loonstrook: { summary: '?query=Loonstrook%20PDF&lang=nl: 4 visits found nothing', value: templateExample.markdown } } } },
    },
    400: failure('No query, one too long, or a language the desk does not speak; or an unknown parameter.', {
      fields: { summary: 'An empty query and a language the desk does not speak', value: error('invalid_input', 'invalidInput', issuesOf(TemplateQuery, { query: '  ', lang: 'de' })) },
    }),
  },
}
