/** The KnowledgeBase search: results as you type, filters, keyboard use and the hand-off to support. */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks'
import type { Language } from '#lib/language.ts'
import { createInsight } from '../../widget/src/insight.ts'
import { format } from '#lib/format.ts'
import { excerptParts } from '#lib/excerpt.ts'
import { loadPagefind, type Pagefind, type PagefindResult } from '#lib/pagefind.ts'
import { FILTER_NAMES, searchFromUrl, urlOfSearch, type Filters } from './search-url.ts'

/** The strings the island shows, taken from the site's dictionary of one language. */
export interface SearchStrings {
  label: string
  placeholder: string
  submit: string
  results: string
  oneResult: string
  filtered: string
  noResults: string
  loading: string
  error: string
  filterCategory: string
  filterProductArea: string
  filterAll: string
  allResults: string
  keyboardHint: string
  handoffTitle: string
  handoffText: string
  handoffButton: string
}

export interface SearchProps {
  strings: SearchStrings
  /** The page's language: the index searched, and the language insight is recorded in. */
  lang: Language
  /** `page`: the full search page (filters, URL kept in step); `inline`: a box with a few results. */
  mode: 'page' | 'inline'
  /** The search page, for "see all results" from the inline box. */
  searchUrl: string
  /** Where "ask support" leads when no widget takes the question over. */
  handoffUrl: string
  /** Results shown at most; default 20 on the page, 5 inline. */
  limit?: number
}

type State =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'error' }
  | { kind: 'done'; query: string; total: number; results: PagefindResult[] }

/** Results rendered before the rest are fetched. */
const FIRST_BATCH = 3
/** How long a query must stay unchanged before the results after the first batch are fetched. */
const REST_DELAY_MS = 200

export default function Search({ strings, lang, mode, searchUrl, handoffUrl, limit = mode === 'page' ? 20 : 5 }: SearchProps) {
  const initial = mode === 'page' ? readUrl() : { query: '', filters: {} }
  const [query, setQuery] = useState(initial.query)
  const [filters, setFilters] = useState<Filters>(initial.filters)
  const [options, setOptions] = useState<Record<string, string[]>>({})
  const [state, setState] = useState<State>({ kind: 'idle' })
  const input = useRef<HTMLInputElement>(null)
  const list = useRef<HTMLUListElement>(null)
  // Every search gets a number; an answer that is not the latest one is dropped.
  const counter = useRef(0)
  const filtersAsked = useRef(false)
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
    if (mode === 'page') writeUrl(term, nextFilters)
    const mine = ++counter.current
    if (!term && Object.keys(active).length === 0) {
      setState({ kind: 'idle' })
      return
    }
    setState((s) => (s.kind === 'done' ? s : { kind: 'loading' }))
    ;(async () => {
      try {
        const found = await (await pagefind()).search(term || null, { filters: active })
        if (mine !== counter.current) return
        // The first few results render before the rest load: each result is a fetch of its own.
        const first = await Promise.all(found.results.slice(0, FIRST_BATCH).map((r) => r.data()))
        if (mine !== counter.current) return
        setState({ kind: 'done', query: term, total: found.results.length, results: first })
        insight.searched(term, found.results.length)
        if (found.results.length <= FIRST_BATCH || limit <= FIRST_BATCH) return
        // The rest only once the query has rested: while someone types, fetching results for a
        // query about to change would slow down the next one.
        await new Promise((resolve) => setTimeout(resolve, REST_DELAY_MS))
        if (mine !== counter.current) return
        const rest = await Promise.all(found.results.slice(FIRST_BATCH, limit).map((r) => r.data()))
        if (mine !== counter.current) return
        setState({ kind: 'done', query: term, total: found.results.length, results: [...first, ...rest] })
      } catch (error) {
        console.error('[loket] search failed', error)
        if (mine === counter.current) setState({ kind: 'error' })
      }
    })()
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

  useLayoutEffect(() => {
    // A mark per answer put on the page: the benchmark measures from keystroke or page load to here.
    if (state.kind === 'done') performance.mark('loket:results')
  }, [state])

  useEffect(() => {
    // Words typed before the island woke up are searched, not lost.
    const typed = input.current?.value ?? ''
    if (typed && typed !== query) changeQuery(typed)
    else if (initial.query || initial.filters.category || initial.filters.productArea) run(initial.query, initial.filters)
    if (mode === 'page' && initial.query) input.current?.focus()
    // The search page exists to search: load Pagefind and the filter values at once, not on focus.
    if (mode === 'page') void pagefind().catch(() => setState({ kind: 'error' }))
  }, [])

  function onInputKey(event: KeyboardEvent) {
    if (event.key === 'ArrowDown') {
      const first = list.current?.querySelector('a')
      if (first) {
        event.preventDefault()
        first.focus()
      }
    } else if (event.key === 'Escape' && query) {
      changeQuery('')
    }
  }

  function onListKey(event: KeyboardEvent) {
    const links = [...(list.current?.querySelectorAll('a') ?? [])]
    const at = links.indexOf(document.activeElement as HTMLAnchorElement)
    const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: links.length - 1 }
    if (event.key === 'Escape') {
      event.preventDefault()
      input.current?.focus()
    } else if (event.key in moves) {
      event.preventDefault()
      if (moves[event.key] < 0) input.current?.focus()
      else links[Math.min(moves[event.key], links.length - 1)]?.focus()
    }
  }

  function onSubmit(event: Event) {
    if (mode === 'inline') return // the form goes to the search page with ?q=
    event.preventDefault()
    list.current?.querySelector('a')?.focus()
  }

  function askSupport(event: MouseEvent) {
    // A widget on the page may take the question over; without one the link leads on.
    const handed = !window.dispatchEvent(new CustomEvent('loket:ask', { detail: { query: query.trim() }, cancelable: true }))
    if (handed) event.preventDefault()
  }

  const term = query.trim()
  const status =
    state.kind === 'loading' ? strings.loading
    : state.kind === 'error' ? strings.error
    : state.kind === 'done' && !state.query ? format(strings.filtered, { count: state.total })
    : state.kind === 'done' && state.total === 0 ? format(strings.noResults, { query: state.query })
    : state.kind === 'done' && state.total === 1 ? format(strings.oneResult, { query: state.query })
    : state.kind === 'done' ? format(strings.results, { count: state.total, query: state.query })
    : ''
  const handoffHref = `${handoffUrl}?q=${encodeURIComponent(term)}`

  return (
    <div class="search" data-search-state={state.kind}>
      <form class="search-box" role="search" action={searchUrl} method="get" onSubmit={onSubmit}>
        <label class="visually-hidden" for={`q-${mode}`}>{strings.label}</label>
        <input
          ref={input}
          id={`q-${mode}`}
          type="search"
          name="q"
          value={query}
          placeholder={strings.placeholder}
          autocomplete="off"
          aria-describedby={`hint-${mode}`}
          onFocus={() => void pagefind().catch(() => setState({ kind: 'error' }))}
          onInput={(e) => changeQuery((e.target as HTMLInputElement).value)}
          onKeyDown={onInputKey}
        />
        <button type="submit">{strings.submit}</button>
        <span id={`hint-${mode}`} class="visually-hidden">{strings.keyboardHint}</span>
      </form>
      {mode === 'page' && (
        <div class="search-filters">
          {FILTER_NAMES.map((name) => (
            <label key={name}>
              {name === 'category' ? strings.filterCategory : strings.filterProductArea}
              <select
                name={name}
                value={filters[name] ?? ''}
                onChange={(e) => changeFilter(name, (e.target as HTMLSelectElement).value || undefined)}
              >
                <option value="">{strings.filterAll}</option>
                {(options[name] ?? (filters[name] ? [filters[name]!] : [])).map((value) => <option key={value} value={value}>{value}</option>)}
              </select>
            </label>
          ))}
        </div>
      )}
      <p class="search-count" role="status" aria-live="polite">{status}</p>
      {state.kind === 'done' && state.results.length > 0 && (
        <ul class="search-results" ref={list} onKeyDown={onListKey}>
          {state.results.map((result) => (
            <li key={result.url}>
              <a href={result.url} onClick={() => insight.clicked(term, new URL(result.url, location.href).pathname)}>{result.meta.title ?? result.url}</a>
              <p>{excerptParts(result.excerpt).map((part, i) => (part.isMark ? <mark key={i}>{part.text}</mark> : part.text))}</p>
            </li>
          ))}
        </ul>
      )}
      {mode === 'inline' && state.kind === 'done' && state.total > state.results.length && (
        <p><a href={`${searchUrl}?q=${encodeURIComponent(term)}`}>{strings.allResults}</a></p>
      )}
      {state.kind === 'done' && term.length >= 2 && (
        <section class="handoff" aria-labelledby={`handoff-${mode}`} data-handoff={state.total === 0 ? 'no-results' : 'more'}>
          <h2 id={`handoff-${mode}`}>{strings.handoffTitle}</h2>
          <p>{strings.handoffText}</p>
          <a class="button" href={handoffHref} onClick={askSupport}>{strings.handoffButton}</a>
        </section>
      )}
    </div>
  )
}

function readUrl(): { query: string; filters: Filters } {
  return typeof location === 'undefined' ? { query: '', filters: {} } : searchFromUrl(location.search)
}

function writeUrl(query: string, filters: Filters): void {
  const search = urlOfSearch(query, filters)
  history.replaceState(null, '', search ? `?${search}` : location.pathname)
}
