/** The console's search page: every incident the viewer may see (closed ones too) by number or words, with the queue, status and kind beside it, kept in the URL, a page at a time. */
import { useEffect, useState } from 'preact/hooks'
import { SignedIn, type StaffViewer } from '../lib/SignedIn.tsx'
import { call, portalApi } from '../lib/api.ts'
import { useLoad } from '../lib/use-load.ts'
import type { Team } from './Queue/common.ts'
import { Filters } from './Queue/Filters.tsx'
import { SearchResults } from './Queue/Search.tsx'
import type { StaffProps } from './props.ts'
import { queueChoiceOf, writeFilters, type QueueFilters } from './queue-view.ts'
import { MAX_SEARCH, SEARCH_FILTERS, readSearch, readSearchFilters, withSearch } from './staff-search-view.ts'

export default function StaffSearch({ lang, strings, paths }: StaffProps) {
  return (
    <SignedIn as="staff" lang={lang} strings={strings}>
      {(viewer) => <SearchPage viewer={viewer} lang={lang} strings={strings} paths={paths} />}
    </SignedIn>
  )
}

function SearchPage({ viewer, lang, strings, paths }: StaffProps & { viewer: StaffViewer }) {
  const [filters, setFilters] = useState<QueueFilters>(() => (typeof location === 'undefined' ? {} : readSearchFilters(location.search)))
  const [q, setQ] = useState(() => (typeof location === 'undefined' ? '' : readSearch(location.search)))
  const [typed, setTyped] = useState(q)
  const query = writeFilters(filters)
  const teamNames: Team[] = useLoad(async () => (await call(portalApi(lang).staff.people.$get(), strings)).teams, [lang], strings).data ?? []

  // A reload, a shared link or "back" from an incident shows the same search.
  useEffect(() => {
    const search = withSearch(query, q)
    const url = `${location.pathname}${search ? `?${search}` : ''}${location.hash}`
    if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(history.state, '', url)
  }, [query, q])

  const teamName = (key: string) => teamNames.find((t) => t.key === key)?.name[lang] ?? key
  const teams = viewer.role === 'agent' ? viewer.teams : teamNames.map((t) => t.key)
  const allLabel = strings[viewer.role === 'agent' ? 'queue.filter.myTeams' : 'queue.filter.allTeams']

  return (
    <>
      <form role="search" class="filters console-search-page" aria-label={strings['queue.search.region']} onSubmit={(e) => { e.preventDefault(); setQ(typed.trim().slice(0, MAX_SEARCH)) }}>
        <label>
          {strings['queue.search.label']}
          <input type="search" name="q" value={typed} maxLength={MAX_SEARCH} aria-describedby="console-search-hint" aria-keyshortcuts="/" data-console-search
            onInput={(e) => setTyped(e.currentTarget.value)} />
        </label>
        <button type="submit">{strings['queue.search.button']}</button>
        <p id="console-search-hint" class="meta">{strings['console.search.intro']}</p>
      </form>
      <Filters filters={filters} choice={queueChoiceOf(filters)} teams={teams} teamName={teamName} allLabel={allLabel} organisations={new Map()}
        fields={SEARCH_FILTERS} anyStatusLabel={strings['console.search.anyStatus']} lang={lang} strings={strings} onChange={setFilters} />
      {q
        ? <SearchResults q={q} filters={filters} filtersKey={query} teamName={teamName} lang={lang} strings={strings} incidentHref={(id) => `${paths.incident}?id=${encodeURIComponent(id)}`} />
        : <p class="meta">{strings['console.search.empty']}</p>}
    </>
  )
}
