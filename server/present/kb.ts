/** Replies of the KnowledgeBase routes: an anonymous record kept, and the insight report staff read. */
import { z } from 'zod'
import { LANGUAGES } from '../domain/desk.ts'
import { MIN_VOTES, TOP } from '../domain/kb-insight-report.ts'

/** The answer to a vote or search event: it was kept; nothing else is said. */
export const Recorded = z.strictObject({
  recorded: z.literal(true).meta({ description: 'Always true: the record was kept.' }),
}).meta({ id: 'Recorded', description: 'An anonymous record was kept.' })
export type Recorded = z.infer<typeof Recorded>

/** The reply once a record is kept. */
export const presentRecorded = (): Recorded => ({ recorded: true })

/** A search as the report counts it. */
export const QueryCount = z.object({
  query: z.string().meta({ description: 'Normalised: trimmed, lowercase, runs of spaces as one.' }),
  sessions: z.number().int().min(1).meta({ description: 'The visits that searched it: a visitor who retries counts once.' }),
  lastSeen: z.iso.datetime().meta({ description: 'The latest time it was counted, to the minute.' }),
}).meta({ id: 'QueryCount', description: 'A search as the report counts it.' })

/** A search after which the visit sent an incident, with the language searched in. */
export const IncidentQueryCount = QueryCount.extend({ lang: z.enum(LANGUAGES).meta({ description: 'The language searched in.' }) })
  .meta({ id: 'IncidentQueryCount', description: 'A search as the report counts it, with the language it was searched in.' })

const share = z.number().min(0).max(1)
const count = z.number().int().min(0)

/** GET /api/kb/insight's reply; computed by domain/kb-insight-report.ts. */
export const InsightReport = z.object({
  period: z.object({
    weeks: z.number().int().min(1).max(52),
    from: z.iso.datetime().meta({ description: 'Monday 00:00 of the first week in the desk\'s time zone, in UTC.' }),
    to: z.iso.datetime().meta({ description: 'Now: the current week is counted so far.' }),
    timeZone: z.string().meta({ description: 'The desk\'s, e.g. Europe/Amsterdam.' }),
  }),
  noResults: z.object(Object.fromEntries(LANGUAGES.map((l) => [l, z.array(QueryCount)])) as Record<(typeof LANGUAGES)[number], z.ZodArray<typeof QueryCount>>)
    .meta({ description: `Searches that found nothing, per language; most visits first, at most ${TOP} each.` }),
  incidentQueries: z.array(IncidentQueryCount)
    .meta({ description: `Searches after which the visit sent an incident, in the language searched; most visits first, at most ${TOP}.` }),
  worstArticles: z.array(z.object({
    article: z.string().meta({ description: 'The article\'s translation key.' }), lang: z.enum(LANGUAGES),
    helpful: count, notHelpful: count,
    ratio: share.meta({ description: 'helpful / (helpful + notHelpful): the lower, the worse.' }),
  })).meta({ description: `Articles with at least ${MIN_VOTES} votes in a language, the lowest ratio first (on a tie, more unhelpful votes first); at most ${TOP}.` }),
  missed: z.array(z.object({
    article: z.string().meta({ description: 'The article\'s translation key.' }),
    texts: z.array(z.object({
      text: z.string().meta({ description: 'What the reader missed, as written: plain text, to be shown as such, never as markup.' }),
      lang: z.enum(LANGUAGES).meta({ description: 'The language the article was read in.' }),
      at: z.iso.datetime().meta({ description: 'When it was sent, to the minute.' }),
    })).meta({ description: `Newest first, at most ${TOP}.` }),
    total: count.meta({ description: 'All texts on the article in the period, also those not listed.' }),
  })).meta({ description: `What readers who found an article not helpful said was missing, per article (both languages): the article with the newest text first, at most ${TOP} articles.` }),
  deflection: z.object({
    searching: count, deflected: count,
    rate: share.nullable().meta({ description: 'deflected / searching; null without searching visits.' }),
    weeks: z.array(z.object({
      week: z.string().regex(/^\d{4}-W\d{2}$/).meta({ description: 'e.g. 2026-W49' }),
      start: z.iso.date().meta({ description: 'Its Monday, in the desk\'s time zone.' }),
      searching: count, deflected: count, rate: share.nullable(),
    })).meta({ description: 'Per ISO week, oldest first; a visit counts in the week of its first search.' }),
  }).meta({ description: 'Visits that searched, and of those the ones that sent no incident, over the whole period.' }),
}).meta({ id: 'InsightReport', description: 'What the KnowledgeBase\'s insight log says over whole weeks.' })
export type InsightReportReply = z.infer<typeof InsightReport>
