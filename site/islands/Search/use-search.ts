/** The search's state machine: the query and filters, Pagefind loaded on demand, results in two batches, the URL kept in step. */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks'
import type { Language } from '#lib/language.ts'
import { loadPagefind, type Pagefind, type PagefindHit, type PagefindResult } from '#lib/pagefind.ts'
import { loadVocabulary, searchRelaxed } from '#lib/search/relaxed-search.ts'
import { createInsight } from '../../../widget/src/insight.ts'
import { FILTER_NAMES, searchFromUrl, urlOfSearch, type Filters } from './url.ts'

/** Where a search stands: nothing asked, waiting, failed, or its results. */
export type SearchState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'error' }
  | { kind: 'done'; query: string; total: number; results: PagefindResult[]; corrected?: string }

/** Results rendered before the rest are fetched. */
const FIRST_BATCH = 3
/** How long a query must stay unchanged before the results after the first batch are fetched. */
const REST_DELAY_MS = 200
/**
 * How long the query and filters must stay unchanged before the URL follows them: each history
 * write makes the browser fetch and draw the page's icon again, some milliseconds of the main
 * thread in the middle of the search it belongs to. Leaving the page writes at once.
 */
const URL_DELAY_MS = 300

/**
 * The search of one island: `page` mode reads and writes the URL and loads the filter values;
 * `limit` results at most. Words typed before the island woke up are searched, not lost.
 */
export function useSearch({ lang, mode, limit, input }: { lang: Language; mode: 'page' | 'inline'; limit: number; input: { current: HTMLInputElement | null } }) {
  const initial = mode === 'page' ? readUrl() : { query: '', filters: {} }
  const [query, setQuery] = useState(initial.query)
  const [filters, setFilters] = useState<Filters>(initial.filters)
  const [options, setOptions] = useState<Record<string, string[]>>({})
  const [state, setState] = useState<SearchState>({ kind: 'idle' })
  // Every search gets a number; an answer that is not the latest one is dropped.
  const counter = useRef(0)
  const filtersAsked = useRef(false)
  // The URL write waiting for the query to rest, if any.
  const urlWrite = useRef<{ timer: ReturnType<typeof setTimeout>; write: () => void }>()
  // What readers search for and open, anonymously, for the editors' insight page.
  const insight = useMemo(() => createInsight({ api: '', lang, source: 'search' }), [lang])

  async function pagefind(): Promise<Pagefind> {
    const loaded = await loadPagefind()
    if (mode === 'page' && !filtersAsked.current) {
      // The filter values load beside the first search, not before it.
      filtersAsked.current = true
      loaded.filters()
        .then((available) => setOptions(Object.fromEntries(FILTER_NAMES.map((name) => [name, Object.keys(available[name] ?? {}).sort()]))))
        .catch((error) => console.warn('[loket] filters unavailable', error))
    }
    return loaded
  }

  /**
   * Searches at once from the event that changed the query or a filter: going through an effect
   * would wait for the next frame, twice, before a result could show.
   */
  function run(nextQuery: string, nextFilters: Filters) {
    const term = nextQuery.trim()
    const active = Object.fromEntries(Object.entries(nextFilters).filter(([, v]) => v)) as Record<string, string>
    if (mode === 'page') followUrl(term, nextFilters)
    const mine = ++counter.current
    if (!term && Object.keys(active).length === 0) {
      setState({ kind: 'idle' })
      return
    }
    setState((s) => (s.kind === 'done' ? s : { kind: 'loading' }))
    ;(async () => {
      try {
        const found = await find(await pagefind(), term, active)
        if (mine !== counter.current) return
        // The first few results render before the rest load: each result is a fetch of its own,
        // all asked at once, and each shows as soon as it and those above it have come.
        const shown: PagefindResult[] = []
        const show = () => setState({ kind: 'done', query: term, total: found.results.length, results: [...shown], corrected: found.corrected })
        const arriving = found.results.slice(0, FIRST_BATCH).map((r) => r.data())
        // A fetch that fails while one above it is awaited is still told, by the loop, once it gets there.
        for (const fetching of arriving) fetching.catch(() => undefined)
        if (arriving.length === 0) show()
        for (const fetching of arriving) {
          shown.push(await fetching)
          if (mine !== counter.current) return
          show()
        }
        insight.searched(term, found.results.length)
        if (found.results.length <= FIRST_BATCH || limit <= FIRST_BATCH) return
        // The rest only once the query has rested: while someone types, fetching results for a
        // query about to change would slow down the next one.
        await new Promise((resolve) => setTimeout(resolve, REST_DELAY_MS))
        if (mine !== counter.current) return
        const rest = await Promise.all(found.results.slice(FIRST_BATCH, limit).map((r) => r.data()))
        if (mine !== counter.current) return
        shown.push(...rest)
        show()
      } catch (error) {
        console.error('[loket] search failed', error)
        if (mine === counter.current) setState({ kind: 'error' })
      }
    })()
  }

  /**
   * A query in the customer's own words: as typed when that finds enough, else relaxed (its
   * meaningful words, typos corrected against the KB's vocabulary). Filters alone list as Pagefind does.
   */
  async function find(loaded: Pagefind, term: string, active: Record<string, string>): Promise<{ results: PagefindHit[]; corrected?: string }> {
    if (!term) return loaded.search(null, { filters: active })
    const answer = await searchRelaxed(loaded, term, { lang, filters: active, vocabulary: () => loadVocabulary('/', lang) })
    return { results: answer.hits, corrected: answer.corrected }
  }

  function changeQuery(value: string) {
    setQuery(value)
    run(value, filters)
  }

  function changeFilter(name: (typeof FILTER_NAMES)[number], value: string | undefined) {
    const next = { ...filters, [name]: value }
    setFilters(next)
    run(query, next)
  }

  /** Writes the URL for the query and filters once they rest, replacing a write still waiting. */
  function followUrl(term: string, nextFilters: Filters) {
    clearTimeout(urlWrite.current?.timer)
    const write = () => {
      urlWrite.current = undefined
      writeUrl(term, nextFilters)
    }
    urlWrite.current = { timer: setTimeout(write, URL_DELAY_MS), write }
  }

  /** Loads Pagefind now (the box got focus): the first search does not wait for it. */
  const warmUp = () => void pagefind().catch(() => setState({ kind: 'error' }))

  useLayoutEffect(() => {
    // A mark per answer put on the page, with its query: the benchmark measures from keystroke or
    // page load to the first of them.
    if (state.kind === 'done') performance.mark('loket:results', { detail: { query: state.query } })
  }, [state])

  useEffect(() => {
    // Words typed before the island woke up are searched, not lost.
    const typed = input.current?.value ?? ''
    if (typed && typed !== query) changeQuery(typed)
    else if (initial.query || initial.filters.category || initial.filters.productArea) run(initial.query, initial.filters)
    if (mode !== 'page') return
    if (initial.query) input.current?.focus()
    // The search page exists to search: load Pagefind and the filter values at once, not on focus.
    warmUp()
    // A result opened (or the page left) before the URL followed the query: written now, so Back finds the search as it was.
    const flush = () => {
      clearTimeout(urlWrite.current?.timer)
      urlWrite.current?.write()
    }
    addEventListener('pagehide', flush)
    document.addEventListener('click', flush, true)
    return () => {
      removeEventListener('pagehide', flush)
      document.removeEventListener('click', flush, true)
    }
  }, [])

  return { query, filters, options, state, insight, changeQuery, changeFilter, warmUp }
}

function readUrl(): { query: string; filters: Filters } {
  return typeof location === 'undefined' ? { query: '', filters: {} } : searchFromUrl(location.search)
}

function writeUrl(query: string, filters: Filters): void {
  const search = urlOfSearch(query, filters)
  history.replaceState(null, '', search ? `?${search}` : location.pathname)
}
