/**
 * Relaxed matching: when the whole query finds little, each meaningful word is searched on its own
 * and pages rank by how many of the words they hold (Pagefind's weights, so title, tags and
 * aliases, break ties); a word nothing holds is corrected against the KB's vocabulary.
 */
import type { Language } from '../language.ts'
import type { Pagefind, PagefindHit } from '../pagefind.ts'
import { closestWord } from './did-you-mean.ts'
import { meaningfulWords, splitWords } from './query-words.ts'

/** With this many results for the whole query, it is answered as typed. */
export const ENOUGH = 3

/** The pages one word found, in Pagefind's order. */
export interface WordHits {
  word: string
  hits: readonly PagefindHit[]
}

/**
 * Ranks pages by how many of the words they hold; between pages holding as many, by the sum of
 * their scores, each relative to the best score for that word (so a word in a title, weighted
 * high in the index, counts more than the same word in a paragraph).
 */
export function rankByWords(perWord: readonly WordHits[]): PagefindHit[] {
  const pages = new Map<string, { hit: PagefindHit; count: number; weight: number; first: number }>()
  let order = 0
  for (const { hits } of perWord) {
    if (hits.length === 0) continue
    const best = Math.max(...hits.map((h) => h.score)) || 1
    for (const hit of hits) {
      const page = pages.get(hit.id) ?? { hit, count: 0, weight: 0, first: order++ }
      page.count += 1
      page.weight += (hit.score || 0) / best
      pages.set(hit.id, page)
    }
  }
  return [...pages.values()]
    .sort((a, b) => b.count - a.count || b.weight - a.weight || a.first - b.first)
    .map((p) => p.hit)
}

/** A relaxed answer: the pages in order, and the query as corrected when a typo was corrected. */
export interface RelaxedAnswer {
  hits: PagefindHit[]
  /** The query with its misspelt words corrected; absent when none was. */
  corrected?: string
}

/** What the relaxed search is given besides the query. */
export interface RelaxedOptions {
  lang: Language
  filters?: Record<string, string>
  /** The KB's vocabulary for did-you-mean, loaded only when a word finds nothing; none: no correction. */
  vocabulary?: () => Promise<readonly string[]>
}

/**
 * Searches `query` as typed; when that finds fewer than {@link ENOUGH} pages, or the query holds
 * stop, question or problem words, searches each meaningful word and ranks the pages holding most
 * of them. The whole query's own pages come first when it held meaningful words only.
 */
export async function searchRelaxed(pagefind: Pagefind, query: string, options: RelaxedOptions): Promise<RelaxedAnswer> {
  const filters = options.filters ?? {}
  const whole = (await pagefind.search(query, { filters })).results
  const { words, dropped } = meaningfulWords(query, options.lang)
  // A query of meaningful words only that finds enough is answered as typed; one with question or
  // problem words ("can't log in") is not: Pagefind matched those words too, often elsewhere.
  if (whole.length >= ENOUGH && dropped.length === 0) return { hits: whole }
  const typed = splitWords(query)
  // One word as typed: its search is the whole query's, no need to ask again.
  const same = words.length === 1 && typed.length === 1 && typed[0] === words[0]
  const perWord: WordHits[] = same
    ? [{ word: words[0], hits: whole }]
    : await Promise.all(words.map(async (word) => ({ word, hits: (await pagefind.search(word, { filters })).results })))
  const corrections = new Map<string, string>()
  const missing = perWord.filter((w) => w.hits.length === 0)
  if (missing.length > 0 && options.vocabulary) {
    const vocabulary = await options.vocabulary().catch(() => [] as readonly string[])
    await Promise.all(missing.map(async (entry) => {
      const better = closestWord(entry.word, vocabulary)
      if (!better) return
      const hits = (await pagefind.search(better, { filters })).results
      if (hits.length === 0) return
      corrections.set(entry.word, better)
      entry.hits = hits
    }))
  }
  // The whole query's pages first when it held only meaningful words; else the pages holding most of them.
  const first = dropped.length === 0 ? whole : []
  const seen = new Set(first.map((h) => h.id))
  const hits = [...first, ...rankByWords(perWord).filter((h) => !seen.has(h.id))]
  return corrections.size > 0 ? { hits, corrected: correctQuery(query, corrections) } : { hits }
}

/** `query` with each corrected word replaced, the rest as typed. */
export function correctQuery(query: string, corrections: ReadonlyMap<string, string>): string {
  return query.replace(/[\p{L}\p{N}']+/gu, (word) => corrections.get(word.toLowerCase()) ?? word)
}

const vocabularies = new Map<string, Promise<readonly string[]>>()

/** The KB's vocabulary of one language, fetched once from `<base>pagefind/vocabulary-<lang>.json`. */
export function loadVocabulary(base: string, lang: Language): Promise<readonly string[]> {
  const key = `${base}|${lang}`
  let loaded = vocabularies.get(key)
  if (!loaded) {
    loaded = fetch(`${base}pagefind/vocabulary-${lang}.json`).then((r) => {
      if (!r.ok) throw new Error(`vocabulary ${r.status}`)
      return r.json() as Promise<string[]>
    })
    vocabularies.set(key, loaded)
    loaded.catch(() => vocabularies.delete(key))
  }
  return loaded
}
