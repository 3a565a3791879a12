/**
 * What the widget needs once a visitor starts to search: Pagefind's loader, the search with its
 * stale-answer counter, and the insight reporter. A chunk of its own, loaded with Pagefind on
 * first focus, so a page that never searches never pays for it.
 */
import type { WidgetConfig } from './config.ts'
import { createInsight, type Insight } from './insight.ts'
import { incidentQuery } from '#lib/search/query-words.ts'
import { withShown } from '#lib/search/shown-articles.ts'
import { createSearch, pagefindOf, vocabularyOf, type Found } from './search.ts'

/** An answer, with every article this widget has shown so far (translation keys, in the order first shown): they go along with an incident. */
export type Shown = Found & { shown: string[] }

export interface Engine {
  /** The search box's results; an answer to an older call than the latest is `undefined`. */
  search(term: string, limit: number): Promise<Shown | undefined>
  /** Articles for an incident being typed: its subject's and description's meaningful words. */
  suggest(subject: string, description: string, limit: number): Promise<Shown | undefined>
  insight: Insight
  warm(): Promise<unknown>
}

/** The engine of one widget: its KB, language and API. */
export function createEngine(config: WidgetConfig): Engine {
  const pagefind = pagefindOf(config.kb, config.lang)
  const relax = { lang: config.lang, vocabulary: vocabularyOf(config.kb, config.lang) }
  const search = createSearch(pagefind, relax)
  const suggest = createSearch(pagefind, relax)
  // Every answer that arrives is shown (a stale one is dropped before): searches and suggestions alike.
  let shown: string[] = []
  const remember = (found: Found | undefined): Shown | undefined => found && { ...found, shown: (shown = withShown(shown, found.results)) }
  return {
    search: async (term, limit) => remember(await search(term, limit)),
    suggest: async (subject, description, limit) => remember(await suggest(incidentQuery(subject, description, config.lang), limit)),
    insight: createInsight({ api: config.api, lang: config.lang, source: 'widget' }),
    warm: pagefind,
  }
}
