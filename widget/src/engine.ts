/**
 * What the widget needs once a visitor starts to search: Pagefind's loader, the search with its
 * stale-answer counter, and the insight reporter. A chunk of its own, loaded with Pagefind on
 * first focus, so a page that never searches never pays for it.
 */
import type { WidgetConfig } from './config.ts'
import { createInsight, type Insight } from './insight.ts'
import { incidentQuery } from '#lib/search/query-words.ts'
import { createSearch, pagefindOf, vocabularyOf, type Found } from './search.ts'

export interface Engine {
  search: ReturnType<typeof createSearch>
  /** Articles for an incident being typed: its subject's and description's meaningful words. */
  suggest(subject: string, description: string, limit: number): Promise<Found | undefined>
  insight: Insight
  warm(): Promise<unknown>
}

/** The engine of one widget: its KB, language and API. */
export function createEngine(config: WidgetConfig): Engine {
  const pagefind = pagefindOf(config.kb, config.lang)
  const relax = { lang: config.lang, vocabulary: vocabularyOf(config.kb, config.lang) }
  const suggest = createSearch(pagefind, relax)
  return {
    search: createSearch(pagefind, relax),
    suggest: (subject, description, limit) => suggest(incidentQuery(subject, description, config.lang), limit),
    insight: createInsight({ api: config.api, lang: config.lang, source: 'widget' }),
    warm: pagefind,
  }
}
