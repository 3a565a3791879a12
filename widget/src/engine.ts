/**
 * What the widget needs once a visitor starts to search: Pagefind's loader, the search with its
 * stale-answer counter, and the insight reporter. A chunk of its own, loaded with Pagefind on
 * first focus, so a page that never searches never pays for it.
 */
import type { WidgetConfig } from './config.ts'
import { createInsight, type Insight } from './insight.ts'
import { createSearch, pagefindOf, vocabularyOf } from './search.ts'

export interface Engine {
  search: ReturnType<typeof createSearch>
  suggest: ReturnType<typeof createSearch>
  insight: Insight
  warm(): Promise<unknown>
}

/** The engine of one widget: its KB, language and API. */
export function createEngine(config: WidgetConfig): Engine {
  const pagefind = pagefindOf(config.kb, config.lang)
  const relax = { lang: config.lang, vocabulary: vocabularyOf(config.kb, config.lang) }
  return {
    search: createSearch(pagefind, relax),
    suggest: createSearch(pagefind, relax),
    insight: createInsight({ api: config.api, lang: config.lang, source: 'widget' }),
    warm: pagefind,
  }
}
