/** The KnowledgeBase search: results as you type, filters, keyboard use and the hand-off to support. */
import { useRef } from 'preact/hooks'
import { excerptParts } from '#lib/excerpt.ts'
import { format } from '#lib/format.ts'
import { rememberSearch } from '#lib/search/last-search.ts'
import type { Language } from '#lib/language.ts'
import { onInputKey, onListKey } from './keyboard.ts'
import { FILTER_NAMES } from './url.ts'
import { useSearch } from './use-search.ts'

/** The strings the island shows, taken from the site's dictionary of one language. */
export interface SearchStrings {
  label: string
  placeholder: string
  submit: string
  results: string
  oneResult: string
  filtered: string
  noResults: string
  /** "Bedoelde u {query}?": the corrected query offered, and already searched. */
  didYouMean: string
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

export default function Search({ strings, lang, mode, searchUrl, handoffUrl, limit = mode === 'page' ? 20 : 5 }: SearchProps) {
  const input = useRef<HTMLInputElement>(null)
  const list = useRef<HTMLUListElement>(null)
  const { query, filters, options, state, insight, changeQuery, changeFilter, warmUp } = useSearch({ lang, mode, limit, input })

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
          onFocus={warmUp}
          onInput={(e) => changeQuery((e.target as HTMLInputElement).value)}
          onKeyDown={(e) => onInputKey(e, list.current, query, () => changeQuery(''))}
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
      {state.kind === 'done' && state.corrected && <DidYouMean text={strings.didYouMean} corrected={state.corrected} onPick={changeQuery} />}
      {state.kind === 'done' && state.results.length > 0 && (
        <ul class="search-results" ref={list} onKeyDown={(e) => onListKey(e, list.current, input.current)}>
          {state.results.map((result) => (
            <li key={result.url}>
              <a href={result.url} onClick={() => { rememberSearch(term); insight.clicked(term, new URL(result.url, location.href).pathname) }}>{result.meta.title ?? result.url}</a>
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

/** "Bedoelde u …?" with the corrected query as a button that makes it the query. */
function DidYouMean({ text, corrected, onPick }: { text: string; corrected: string; onPick: (query: string) => void }) {
  const [before, after = ''] = text.split('{query}')
  return (
    <p class="search-did-you-mean">
      {before}<button type="button" class="link-button" onClick={() => onPick(corrected)}>{corrected}</button>{after}
    </p>
  )
}
