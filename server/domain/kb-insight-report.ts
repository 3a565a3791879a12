/** What the KB insight log tells editors: searches that found nothing or ended in an incident, unhelpful articles, what readers missed in them, and deflection per week. */
import { z } from 'zod'
import { addDays, isoWeek, mondayOf } from '#lib/iso-week.ts'
import { t } from '#lib/i18n/index.ts'
import { instantOf, localDate, type BusinessCalendar } from './calendar.ts'
import { Language } from './desk.ts'
import type { KbInsight } from './kb-insight.ts'

/** How many weeks a report covers when none are asked for. */
export const DEFAULT_REPORT_WEEKS = 12
/** How many entries each top list holds. */
export const TOP = 20
/** Votes an article needs in one language before its ratio is listed: fewer say little. */
export const MIN_VOTES = 3

/** The query string of GET /api/kb/insight. @example ?weeks=12 */
export const InsightQuery = z.strictObject({
  weeks: z.string()
    .regex(/^\d{1,2}$/, { error: 'expected a whole number of weeks from 1 to 52, e.g. 12' })
    .transform(Number)
    .pipe(z.number().int().min(1, { error: 'expected at least 1 week' }).max(52, { error: 'expected at most 52 weeks' }))
    .default(DEFAULT_REPORT_WEEKS).meta({ description: 'Whole weeks to cover, 1 to 52, ending with the current week; default 12.' }),
})
export type InsightQuery = z.input<typeof InsightQuery>

/** The query string of GET /api/kb/insight/template. @example ?query=btw%20aangifte&lang=nl */
export const TemplateQuery = z.strictObject({
  query: z.string().trim().min(1).max(200).meta({ description: 'The search that found nothing, as the report lists it; trimmed, 1 to 200 characters.' }),
  lang: Language.meta({ description: 'The language it was searched in, and the article will be written in.' }),
})
export type TemplateQuery = z.input<typeof TemplateQuery>

/** Where and when a report looks. */
export interface ReportOptions {
  now: Date
  /** The desk's time zone (desk.timeZone): weeks start on Monday 00:00 there. @example "Europe/Amsterdam" */
  timeZone: string
  /** Whole weeks ending with the week of `now`; default 12. */
  weeks?: number
}

/** A query as the report counts it, with the visits (sessions) that searched it. */
export interface QueryCount {
  /** Normalised: trimmed, lowercase, inner spaces collapsed. */
  query: string
  /** Distinct visits that searched it: one visitor retrying counts once. */
  sessions: number
  /** The latest event counted, ISO to the minute. */
  lastSeen: string
}

/** A query that ended in an incident, in the language it was searched in. */
export interface IncidentQuery extends QueryCount {
  lang: Language
}

/** The "was this helpful?" votes of one article in one language. */
export interface ArticleVotes {
  /** The article's translation key. */
  article: string
  lang: Language
  helpful: number
  notHelpful: number
  /** helpful / (helpful + notHelpful), 0 to 1: the lower, the worse. */
  ratio: number
}

/** One reader's words on what an article missed. */
export interface MissedText {
  /** As the reader wrote it (trimmed); plain text, never markup. */
  text: string
  /** The language the article was read in. */
  lang: Language
  /** When it was sent, ISO to the minute. */
  at: string
}

/** What readers missed in one article (both languages together), newest first. */
export interface ArticleMissed {
  /** The article's translation key. */
  article: string
  /** At most 20, newest first. */
  texts: MissedText[]
  /** All the texts in the period, also those beyond the 20 listed. */
  total: number
}

/** One ISO week of deflection: how many searching visits did without an incident. */
export interface DeflectionWeek {
  /** ISO week. @example "2026-W49" */
  week: string
  /** Its Monday, a local date in the desk's time zone. @example "2026-11-30" */
  start: string
  /** Visits with at least one search, counted in the week of their first search. */
  searching: number
  /** Of those, the visits that sent no incident. */
  deflected: number
  /** deflected / searching; null when there were no searching visits. */
  rate: number | null
}

/** The report GET /api/kb/insight answers with. */
export interface InsightReport {
  period: {
    weeks: number
    /** Monday 00:00 of the first week in the desk's time zone, as ISO (UTC). */
    from: string
    /** `now`, as ISO: the current week is counted so far. */
    to: string
    timeZone: string
  }
  /** Searches with no results, per language; most sessions first, at most 20 each. */
  noResults: Record<Language, QueryCount[]>
  /** Queries after which the visit sent an incident; most sessions first, at most 20. */
  incidentQueries: IncidentQuery[]
  /** Articles with at least 3 votes in a language, lowest ratio first, at most 20. */
  worstArticles: ArticleVotes[]
  /** What readers missed, per article: the article with the newest text first, at most 20 articles of at most 20 texts each. */
  missed: ArticleMissed[]
  /** Deflection over the whole period and per week, oldest week first, weeks without data as zeros. */
  deflection: {
    searching: number
    deflected: number
    rate: number | null
    weeks: DeflectionWeek[]
  }
}

/**
 * A query as it is counted: trimmed, lowercase, runs of white space made one space, and composed
 * (NFC) so "financiën" typed two ways is one query.
 * @example normaliseQuery('  BTW   Aangifte ') === 'btw aangifte'
 */
export function normaliseQuery(query: string): string {
  return query.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ')
}

/**
 * The insight report over the `weeks` whole weeks ending with the current one. `events` are the
 * log's records oldest first; records after `now` are left out.
 *
 * An incident is attributed to its own query, or else to the visit's last search before it.
 * A searching visit that sent an incident at any point is not deflected.
 */
export function insightReport(events: readonly KbInsight[], options: ReportOptions): InsightReport {
  const period = periodOf(options)
  const noResults = { nl: new Tally(), en: new Tally() }
  const incidents = new Tally()
  const votes = new Map<string, ArticleVotes>()
  const missed = new Map<string, MissedText[]>()
  const lastSearch = new Map<string, string>()
  const firstSearchWeek = new Map<string, number>()
  const withIncident = new Set<string>()

  for (const event of events) {
    const at = Date.parse(event.at)
    if (!(at <= period.to.getTime())) continue
    const isInPeriod = at >= period.from.getTime()
    switch (event.type) {
      case 'vote': {
        if (!isInPeriod) break
        const key = `${event.lang}\n${event.article}`
        const tally = votes.get(key) ?? { article: event.article, lang: event.lang, helpful: 0, notHelpful: 0, ratio: 0 }
        if (event.isHelpful) tally.helpful++
        else tally.notHelpful++
        votes.set(key, tally)
        break
      }
      case 'missing': {
        if (!isInPeriod) break
        const texts = missed.get(event.article) ?? []
        texts.push({ text: event.text, lang: event.lang, at: event.at })
        missed.set(event.article, texts)
        break
      }
      case 'search': {
        // Kept from before the period too: an incident early in the period may follow it.
        lastSearch.set(event.session, event.query)
        if (!isInPeriod) break
        if (!firstSearchWeek.has(event.session)) firstSearchWeek.set(event.session, period.weekOf(event.at))
        if (event.results === 0) noResults[event.lang].add(normaliseQuery(event.query), event.session, event.at)
        break
      }
      case 'incident': {
        withIncident.add(event.session)
        const query = event.query ?? lastSearch.get(event.session)
        if (isInPeriod && query !== undefined) incidents.add(`${event.lang}\n${normaliseQuery(query)}`, event.session, event.at)
        break
      }
    }
  }

  const firstSearches = new Map<number, { searching: number; deflected: number }>()
  for (const [session, index] of firstSearchWeek) {
    const week = firstSearches.get(index) ?? { searching: 0, deflected: 0 }
    week.searching++
    if (!withIncident.has(session)) week.deflected++
    firstSearches.set(index, week)
  }
  return assembleReport(period, options.timeZone, {
    noResults: { nl: noResults.nl.counts(), en: noResults.en.counts() },
    incidentQueries: incidents.counts().map(({ query: key, ...count }) => {
      const [lang, query] = key.split('\n') as [Language, string]
      return { query, lang, ...count }
    }),
    votes: [...votes.values()],
    missed,
    firstSearches: [...firstSearches].map(([week, counts]) => ({ week, ...counts })),
  })
}

/**
 * What a report is made of over its period, before ranking: counted from the log by
 * `insightReport`, or read from a store's rollups (counters kept up to date on every write).
 */
export interface ReportParts {
  /** Per language, every query whose search found nothing, with its visits. */
  noResults: Record<Language, QueryCount[]>
  /** Every query (per language) after which a visit sent an incident. */
  incidentQueries: IncidentQuery[]
  /** The votes per article and language; `ratio` is computed here. */
  votes: Omit<ArticleVotes, 'ratio'>[]
  /** What readers missed per article, in the order it was written. */
  missed: ReadonlyMap<string, readonly MissedText[]>
  /** Per article, all its texts in the period, when `missed` holds only the newest (at least 20 of each article listed). */
  missedTotals?: ReadonlyMap<string, number>
  /** Per week (index into the period's weeks): the visits whose first search in the period fell in it, and of those the ones without an incident. */
  firstSearches: { week: number; searching: number; deflected: number }[]
}

/** The report from its parts: each top list ranked and cut, the weeks of deflection filled in. */
export function assembleReport(period: Period, timeZone: string, parts: ReportParts): InsightReport {
  const weeks: DeflectionWeek[] = period.mondays.map((start) => ({ week: isoWeek(start), start, searching: 0, deflected: 0, rate: null }))
  for (const { week, searching, deflected } of parts.firstSearches) {
    weeks[week].searching += searching
    weeks[week].deflected += deflected
  }
  for (const week of weeks) week.rate = rateOf(week.deflected, week.searching)
  const searching = weeks.reduce((sum, w) => sum + w.searching, 0)
  const deflected = weeks.reduce((sum, w) => sum + w.deflected, 0)

  return {
    period: { weeks: period.mondays.length, from: period.from.toISOString(), to: period.to.toISOString(), timeZone },
    noResults: { nl: topOf(parts.noResults.nl), en: topOf(parts.noResults.en) },
    // Ties between languages as the log's tally kept them: by language, then query.
    incidentQueries: topOf(parts.incidentQueries, (q) => `${q.lang}\n${q.query}`).map(({ query, lang, sessions, lastSeen }) => ({ query, lang, sessions, lastSeen })),
    worstArticles: parts.votes
      .filter((v) => v.helpful + v.notHelpful >= MIN_VOTES)
      .map((v) => ({ article: v.article, lang: v.lang, helpful: v.helpful, notHelpful: v.notHelpful, ratio: v.helpful / (v.helpful + v.notHelpful) }))
      // Equal ratios: the article more readers found unhelpful first.
      .sort((a, b) => a.ratio - b.ratio || b.notHelpful - a.notHelpful || a.article.localeCompare(b.article) || a.lang.localeCompare(b.lang))
      .slice(0, TOP),
    missed: missedPerArticle(parts.missed, parts.missedTotals),
    deflection: { searching, deflected, rate: rateOf(deflected, searching), weeks },
  }
}

/** Most sessions first; then the most recent; then alphabetical (by `key`), so the order is stable; at most 20. */
function topOf<T extends QueryCount>(counts: readonly T[], key: (count: T) => string = (count) => count.query): T[] {
  return [...counts].sort((a, b) => b.sessions - a.sessions || b.lastSeen.localeCompare(a.lastSeen) || key(a).localeCompare(key(b))).slice(0, TOP)
}

/**
 * The texts of each article newest first, at most 20, and the articles with the newest text
 * first, at most 20. Texts of the same minute keep the log's order, the later one first.
 */
export function missedPerArticle(missed: ReadonlyMap<string, readonly MissedText[]>, totals?: ReadonlyMap<string, number>): ArticleMissed[] {
  return [...missed]
    .map(([article, texts]) => {
      // Reversed first: a stable sort then puts the later of two texts in the same minute first.
      const newest = [...texts].reverse().sort((a, b) => b.at.localeCompare(a.at))
      return { article, texts: newest.slice(0, TOP), total: totals?.get(article) ?? texts.length }
    })
    .sort((a, b) => b.texts[0].at.localeCompare(a.texts[0].at) || a.article.localeCompare(b.article))
    .slice(0, TOP)
}

/**
 * How many visits searched `query` in `lang` and found nothing, over the report's period: the
 * number an article template names.
 */
export function noResultSessions(events: readonly KbInsight[], query: string, lang: Language, options: ReportOptions): number {
  const period = periodOf(options)
  const wanted = normaliseQuery(query)
  const sessions = new Set<string>()
  for (const event of events) {
    if (event.type !== 'search' || event.results !== 0 || event.lang !== lang) continue
    const at = Date.parse(event.at)
    if (at >= period.from.getTime() && at <= period.to.getTime() && normaliseQuery(event.query) === wanted) sessions.add(event.session)
  }
  return sessions.size
}

/** A new article for a query that found nothing: its Markdown, its slug, and where to save it. */
export interface ArticleTemplate {
  /** File name without extension, and the translation key. @example "btw-aangifte" */
  slug: string
  /** Where the editor saves it; `<category>` is theirs to choose. @example "content/articles/nl/<category>/btw-aangifte.md" */
  path: string
  markdown: string
}

/** What the template's comment says about the query: how many visits found nothing, in how many weeks. */
export interface SearchedFor {
  sessions: number
  weeks: number
}

/** Left for the editor: the build stops on each until it is filled (a description under 20 characters, an unknown key, an uppercase tag). */
export const PLACEHOLDER = 'TODO'


/**
 * A new article for `query` in `lang`, dated `today` (YYYY-MM-DD): the frontmatter of
 * content/README.md, with the title, translation key and tags taken from the query, and
 * `TODO` where the editor must choose (description, category, product area).
 * @example articleTemplate('btw aangifte', 'nl', '2026-11-30', { sessions: 4, weeks: 12 }).path === 'content/articles/nl/<category>/btw-aangifte.md'
 */
export function articleTemplate(query: string, lang: Language, today: string, searchedFor: SearchedFor): ArticleTemplate {
  const normalised = normaliseQuery(query)
  const slug = slugOf(normalised)
  const path = `content/articles/${lang}/<category>/${slug}.md`
  const tags = tagsOf(normalised)
  const sessions = `${searchedFor.sessions} ${searchedFor.sessions === 1 ? 'session' : 'sessions'}`
  const weeks = `${searchedFor.weeks} ${searchedFor.weeks === 1 ? 'week' : 'weeks'}`
  const markdown = [
    '---',
    `# New article for the search ${JSON.stringify(normalised)} (${lang}): ${sessions} found nothing in the last ${weeks}.`,
    `# Fill in every ${PLACEHOLDER}: the category is a key from content/categories.yaml and the folder you save in; the product area a key from content/desk.yaml, or general.`,
    `# Save it as ${path}, with <category> replaced; content/README.md explains each field.`,
    `title: ${JSON.stringify(titleOf(query))}`,
    `description: ${PLACEHOLDER}`,
    `category: ${PLACEHOLDER}`,
    `productArea: ${PLACEHOLDER}`,
    `tags: [${tags.length > 0 ? tags.map((t) => JSON.stringify(t)).join(', ') : PLACEHOLDER}]`,
    `updated: ${today}`,
    `translationKey: ${slug}`,
    '---',
    '',
    t(lang, 'staff.insight.template.bodyHint'),
    '',
  ].join('\n')
  return { slug, path, markdown }
}

/**
 * The article template for `query` in `lang` as the report sees it at `now`: dated today in the
 * desk's time zone. `searched`: the log's records, or the visits a store's counters gave already.
 */
export function templateFor(searched: readonly KbInsight[] | number, query: string, lang: Language, options: ReportOptions): ArticleTemplate {
  const weeks = options.weeks ?? DEFAULT_REPORT_WEEKS
  const today = localDate(zone(options.timeZone), options.now)
  const sessions = typeof searched === 'number' ? searched : noResultSessions(searched, query, lang, options)
  return articleTemplate(query, lang, today, { sessions, weeks })
}

/** The title: the query as typed, spaces collapsed, first letter capital, cut at a word to 120 characters. */
function titleOf(query: string): string {
  const text = query.normalize('NFC').trim().replace(/\s+/g, ' ')
  const cut = text.length <= 120 ? text : text.slice(0, 121).replace(/\s+\S*$/, '') || text.slice(0, 120)
  return cut.charAt(0).toUpperCase() + cut.slice(1)
}

/** A lowercase ASCII slug with hyphens, at most 80 characters, cut at a hyphen. @example slugOf('financiën: período') === 'financien-periodo' */
function slugOf(normalised: string): string {
  const slug = normalised.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')
  const cut = slug.length <= 80 ? slug : slug.slice(0, 81).replace(/-[^-]*$/, '') || slug.slice(0, 80)
  return cut || 'new-article'
}

/** The query's words as tags: lowercase letters, digits and hyphens only, at most eight. */
function tagsOf(normalised: string): string[] {
  const words = normalised.split(' ').map((w) => w.replace(/[^\p{Ll}0-9-]/gu, '').replace(/^-+|-+$/g, '')).filter(Boolean)
  return [...new Set(words)].slice(0, 8)
}

/** Counts distinct sessions per key, and when the key was last seen. */
class Tally {
  readonly #entries = new Map<string, { sessions: Set<string>; lastSeen: string }>()

  add(key: string, session: string, at: string): void {
    const entry = this.#entries.get(key)
    if (!entry) this.#entries.set(key, { sessions: new Set([session]), lastSeen: at })
    else {
      entry.sessions.add(session)
      if (at > entry.lastSeen) entry.lastSeen = at
    }
  }

  /** Every key with its distinct sessions and when it was last seen, unranked. */
  counts(): QueryCount[] {
    return [...this.#entries].map(([query, { sessions, lastSeen }]) => ({ query, sessions: sessions.size, lastSeen }))
  }
}

/** The weeks of a report: their Mondays (local dates), the instants and local days it spans, and the week an event falls in. */
export interface Period {
  /** Each week's Monday, a local date, oldest first. */
  mondays: string[]
  /** Monday 00:00 of the first week in the desk's time zone. */
  from: Date
  /** `now`: the current week is counted so far. */
  to: Date
  /** The local days the period spans: the first Monday to today, "YYYY-MM-DD". */
  firstDay: string
  lastDay: string
  /** The index in `mondays` of the week `at` falls in; only for instants inside the period. */
  weekOf(at: string): number
  /** The index in `mondays` of the week a local day (inside the period) falls in. */
  weekOfDay(day: string): number
}

/** The period a report with `options` covers. */
export function periodOf(options: ReportOptions): Period {
  const weeks = options.weeks ?? DEFAULT_REPORT_WEEKS
  const tz = zone(options.timeZone)
  const today = localDate(tz, options.now)
  const thisMonday = mondayOf(today)
  const mondays = Array.from({ length: weeks }, (_, i) => addDays(thisMonday, 7 * (i - weeks + 1)))
  const index = new Map(mondays.map((monday, i) => [monday, i]))
  const weekOfDay = (day: string) => index.get(mondayOf(day))!
  return {
    mondays,
    from: instantOf(tz, mondays[0], 0),
    to: options.now,
    firstDay: mondays[0],
    lastDay: today,
    weekOf: (at) => weekOfDay(localDate(tz, new Date(at))),
    weekOfDay,
  }
}

/**
 * The local day (in the desk's time zone) an insight record of `at` falls on: the day its
 * counters are kept under. @example dayOf('2026-11-29T23:30:00.000Z', 'Europe/Amsterdam') === '2026-11-30'
 */
export function dayOf(at: string, timeZone: string): string {
  return localDate(zone(timeZone), new Date(at))
}

/** A calendar that carries only the time zone: the local-date helpers read nothing else. */
function zone(timeZone: string): BusinessCalendar {
  return { timeZone, weekly: [], days: {} }
}

function rateOf(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole
}
