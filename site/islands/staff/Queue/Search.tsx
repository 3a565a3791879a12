/** The console's search: every incident the viewer may see (closed ones too) by number or words, with the queue's filters, a page at a time. */
import type { Language } from '#lib/language.ts'
import { format } from '#lib/format.ts'
import type { StaffStrings } from '../../../i18n/index.ts'
import { call, messageOf, portalApi, type PortalApi, type Success } from '../../lib/api.ts'
import { useLoad } from '../../lib/use-load.ts'
import { useMore } from '../../lib/use-more.ts'
import { moment } from '../../portal/format.ts'
import type { QueueFilters } from '../queue-view.ts'
import { statusName } from '../queue-view.ts'
import { joinPages, searchApiQuery } from '../staff-search-view.ts'

type Found = Success<Awaited<ReturnType<PortalApi['incidents']['$get']>>>['incidents'][number]

export function SearchResults({ q, filters, filtersKey, teamName, lang, strings, incidentHref }: {
  q: string
  filters: QueueFilters
  /** The filters as a string: a new one reads again from the first page. */
  filtersKey: string
  teamName: (key: string) => string
  lang: Language
  strings: StaffStrings
  incidentHref: (id: string) => string
}) {
  const read = (cursor?: string) => call(portalApi(lang).incidents.$get({ query: searchApiQuery(filters, q, cursor) }), strings)
  const first = useLoad(() => read(), [q, filtersKey, lang], strings)
  const more = useMore(async (cursor) => {
    const page = await read(cursor)
    return { rows: page.incidents, next: page.next }
  }, first.data?.next, `${q}|${filtersKey}`)
  const rows: Found[] | undefined = first.data && joinPages(first.data.incidents, more.rows)
  const total = first.data?.total ?? null
  const failure = first.message ?? (more.failure === undefined ? undefined : messageOf(more.failure, strings))

  return (
    <section aria-label={strings['queue.search.results']}>
      {failure && <p class="notice error" role="alert">{failure}</p>}
      {rows === undefined && !failure && <p class="meta" role="status">{strings.loading}</p>}
      {rows && (
        <p class="meta" role="status">
          {total !== null && rows.length < total ? format(strings['queue.shown'], { shown: rows.length, count: total })
            : total === null ? format(strings['queue.shownMany'], { shown: rows.length })
            : total === 1 ? strings['queue.search.countOne'] : format(strings['queue.search.count'], { count: total })}
        </p>
      )}
      {rows && rows.length === 0 && <p class="notice">{format(strings['queue.search.none'], { q })}</p>}
      {rows && rows.length > 0 && (
        <div class="table-scroll">
          <table class="stack">
            <caption>{format(strings['queue.search.caption'], { q })}</caption>
            <thead>
              <tr>
                <th scope="col">{strings['queue.column.number']}</th>
                <th scope="col">{strings['queue.column.subject']}</th>
                <th scope="col">{strings['queue.column.status']}</th>
                <th scope="col">{strings['queue.column.priority']}</th>
                <th scope="col">{strings['queue.column.team']}</th>
                <th scope="col">{strings['queue.column.registered']}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td data-label={strings['queue.column.number']}><a href={incidentHref(row.id)} data-console-item data-id={row.id}>{row.number}</a></td>
                  <td data-label={strings['queue.column.subject']}>{row.subject}</td>
                  <td data-label={strings['queue.column.status']}>{statusName(strings, row.status)}</td>
                  <td data-label={strings['queue.column.priority']}>{row.priority ?? <span class="meta">–</span>}</td>
                  <td data-label={strings['queue.column.team']}>{teamName(row.team)}</td>
                  <td data-label={strings['queue.column.registered']}><time dateTime={row.registeredAt}>{moment(lang, row.registeredAt)}</time></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {more.next && rows && (
        <p><button type="button" onClick={more.load} disabled={more.isLoading} aria-busy={more.isLoading}>{more.isLoading ? strings['queue.loadingMore'] : strings['queue.more']}</button></p>
      )}
    </section>
  )
}
