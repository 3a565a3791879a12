/** The search box and its results: as you type, highlighted excerpts as text, then "did this answer your question?". */
import { Component, createRef } from 'preact'
import { format } from '#lib/format.ts'
import { excerptParts } from '#lib/excerpt.ts'
import type { Found } from '../search.ts'
import { ArticleLink } from './ArticleLink.tsx'
import type { Strings } from '../strings.ts'

export interface ResultsProps {
  strings: Strings
  query: string
  onQuery(query: string): void
  /** The latest answer, `null` while none came; `'error'` when searching failed. */
  found: Found | null | 'error'
  isSearching: boolean
  /** Starts loading Pagefind: the box got focus. */
  onWarm(): void
  onOpenResult(url: string): void
  onAsk(): void
  /** Whether links leave the page for another site: then they open in a new tab. */
  isForeign: boolean
  inputRef: { current: HTMLInputElement | null }
}

export class Results extends Component<ResultsProps, { isAnswered: boolean }> {
  state = { isAnswered: false }
  list = createRef<HTMLUListElement>()

  render({ strings, query, onQuery, found, isSearching, onWarm, onOpenResult, onAsk, isForeign, inputRef }: ResultsProps, { isAnswered }: { isAnswered: boolean }) {
    const list = this.list
    const setAnswered = (isAnswered: boolean) => this.setState({ isAnswered })
    const hasResults = found !== null && found !== 'error' && found.total > 0
    const isEmpty = found !== null && found !== 'error' && found.query !== '' && found.total === 0
    const status =
      found === 'error' ? strings.searchError
      : isSearching && !found ? strings.searching
      : found === null || !found.query ? ''
      : found.total === 0 ? format(strings.noResults, { query: found.query })
      : found.total === 1 ? strings.oneResult
      : format(strings.results, { count: found.total })

    function onListKey(event: KeyboardEvent) {
      const links = [...(list.current?.querySelectorAll('a') ?? [])]
      const at = links.indexOf((list.current?.getRootNode() as ShadowRoot).activeElement as HTMLAnchorElement)
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault()
        const next = at + (event.key === 'ArrowDown' ? 1 : -1)
        if (next < 0) inputRef.current?.focus()
        else links[Math.min(next, links.length - 1)]?.focus()
      }
    }

    return (
      <div class="lw-search">
        <form role="search" onSubmit={(e) => { e.preventDefault(); list.current?.querySelector('a')?.focus() }}>
          <label class="lw-label" for="lw-q">{strings.searchLabel}</label>
          <input
            ref={inputRef}
            id="lw-q"
            class="lw-input"
            type="search"
            autocomplete="off"
            placeholder={strings.searchPlaceholder}
            value={query}
            onFocus={onWarm}
            onInput={(e) => { setAnswered(false); onQuery(e.currentTarget.value) }}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown' && hasResults) {
                e.preventDefault()
                list.current?.querySelector('a')?.focus()
              }
            }}
          />
        </form>
        <p class="lw-status" role="status" aria-live="polite">{status}</p>
        {hasResults && found.corrected && <p>{format(strings.didYouMean, { query: found.corrected })}</p>}
        {hasResults && (
          <ul class="lw-results" ref={list} onKeyDown={onListKey}>
            {found.results.map((r) => (
              <li key={r.url}>
                <ArticleLink result={r} isForeign={isForeign} onOpen={onOpenResult} />
                <p class="lw-excerpt">{excerptParts(r.excerpt).map((p, i) => (p.isMark ? <mark key={i}>{p.text}</mark> : p.text))}</p>
              </li>
            ))}
          </ul>
        )}
        {hasResults && (isAnswered ? <p class="lw-answered">{strings.thanks}</p> : (
          <div class="lw-answered" role="group" aria-labelledby="lw-answered">
            <p id="lw-answered">{strings.answered}</p>
            <button type="button" class="lw-secondary" onClick={() => setAnswered(true)}>{strings.yes}</button>
            <button type="button" class="lw-secondary" onClick={onAsk}>{strings.no}</button>
          </div>
        ))}
        {isEmpty && <p>{strings.noResultsHelp}</p>}
        {(isEmpty || found === 'error') && <button type="button" class="lw-primary" onClick={onAsk}>{strings.askSupport}</button>}
      </div>
    )
  }
}
