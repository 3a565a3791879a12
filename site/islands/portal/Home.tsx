/** The portal's overview: who you are signed in as, your organisation in brief, open incidents and where to go next. */
import { format } from '#lib/format.ts'
import { call, portalApi } from '../lib/api.ts'
import { FailureNote } from '../lib/ResultMessage.tsx'
import { useLoad } from '../lib/use-load.ts'
import { moment } from './format.ts'
import { SignedIn, type Viewer } from '../lib/SignedIn.tsx'
import { statusName } from './labels.ts'
import type { PortalProps } from './paths.ts'

type Props = PortalProps

/** Incidents still open, as the overview lists them. */
const OPEN = 'new,in_progress,waiting_for_customer'

export default function Home(props: Props) {
  return <SignedIn as="contact" lang={props.lang} strings={props.strings}>{(viewer) => <Overview {...props} viewer={viewer} />}</SignedIn>
}

function Overview({ lang, strings, paths, viewer }: Props & { viewer: Viewer }) {
  const overview = useLoad(async () => {
    const api = portalApi(lang)
    const [organisation, incidents] = await Promise.all([call(api.organisation.$get(), strings), call(api.incidents.$get({ query: { status: OPEN } }), strings)])
    return { company: organisation.organisation, open: incidents.incidents }
  }, [lang], strings)
  const error = overview.message
  const { company, open } = overview.data ?? {}

  return (
    <>
      <p class="lead">{format(strings['home.welcome'], { name: viewer.name })}</p>
      <FailureNote message={error} />
      {company && (
        <p>
          {format(strings['home.company'], { name: company.name, number: company.customerNumber })}{' '}
          {company.isFirstClass && <span class="badge ok">First Class</span>}
        </p>
      )}
      <h2>{strings['home.openIncidents']}</h2>
      {open === undefined && !error && <p class="meta">{strings.loading}</p>}
      {open?.length === 0 && <p>{strings['home.noneOpen']}</p>}
      {open && open.length > 0 && (
        <ul class="article-list">
          {open.slice(0, 5).map((row) => (
            <li key={row.id}>
              <a href={`${paths.incidents}?id=${encodeURIComponent(row.id)}`}>{row.number} · {row.subject}</a>
              <p>{statusName(strings, row.status)}{row.sla?.dueAt ? ` · ${format(strings['home.due'], { when: moment(lang, row.sla.dueAt) })}` : ''}</p>
            </li>
          ))}
        </ul>
      )}
      {open && open.length > 5 && <p><a href={paths.incidents}>{format(strings['home.allOpen'], { count: open.length })}</a></p>}
      <h2>{strings['home.next']}</h2>
      <ul class="grid">
        <li class="card"><h3><a href={paths.newIncident}>{strings['nav.new']}</a></h3><p>{strings['home.newText']}</p></li>
        <li class="card"><h3><a href={paths.incidents}>{strings['nav.incidents']}</a></h3><p>{viewer.role === 'admin' ? strings['incidents.introAdmin'] : strings['incidents.introEmployee']}</p></li>
        <li class="card"><h3><a href={paths.organisation}>{strings['nav.organisation']}</a></h3><p>{viewer.role === 'admin' ? strings['home.organisationAdmin'] : strings['home.organisationEmployee']}</p></li>
        <li class="card"><h3><a href={paths.complaints}>{strings['nav.complaints']}</a></h3><p>{strings['home.complaintsText']}</p></li>
        <li class="card"><h3><a href={paths.search}>{strings['home.search']}</a></h3><p>{strings['home.searchText']}</p></li>
      </ul>
    </>
  )
}
