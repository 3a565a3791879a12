/** The portal's complaints and feedback: send a complaint or opinion, see the list by role, and follow one with support's replies. */
import { call, messageOf, portalApi } from '../../lib/api.ts'
import { SignedIn, type Viewer } from '../../lib/SignedIn.tsx'
import { useLoad } from '../../lib/use-load.ts'
import { useMore } from '../../lib/use-more.ts'
import type { Props } from './common.ts'
import { ComplaintPage } from './Complaint.tsx'
import { ComplaintForm } from './Form.tsx'
import { ComplaintList } from './List.tsx'

export default function Complaints({ lang, strings, paths }: Props) {
  const id = typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('id')
  return (
    <SignedIn as="contact" lang={lang} strings={strings}>
      {(viewer) => (id ? <ComplaintPage id={id} lang={lang} strings={strings} paths={paths} /> : <Overview viewer={viewer} lang={lang} strings={strings} paths={paths} />)}
    </SignedIn>
  )
}

/** The form, and below it what the contact may see; a sent complaint appears in the list at once. */
function Overview({ viewer, lang, strings, paths }: Props & { viewer: Viewer }) {
  const list = useLoad(() => call(portalApi(lang).complaints.$get({ query: {} }), strings), [lang], strings)
  // Further pages with "more"; a new first page (a complaint just sent) starts them again.
  const more = useMore(async (cursor) => {
    const page = await call(portalApi(lang).complaints.$get({ query: { cursor } }), strings)
    return { rows: page.complaints, next: page.next }
  }, list.data?.next, list.data?.complaints[0]?.id ?? '')
  const rows = list.data && [...list.data.complaints, ...more.rows.filter((row) => !list.data!.complaints.some((first) => first.id === row.id))]
  return (
    <>
      <ComplaintForm lang={lang} strings={strings} paths={paths} onSent={() => void list.reload()} />
      <ComplaintList viewer={viewer} lang={lang} strings={strings} paths={paths} rows={rows} error={list.message ?? (more.failure === undefined ? undefined : messageOf(more.failure, strings))} />
      {rows && more.next && (
        <p><button type="button" onClick={more.load} disabled={more.isLoading} aria-busy={more.isLoading}>{more.isLoading ? strings['complaints.loadingMore'] : strings['complaints.more']}</button></p>
      )}
    </>
  )
}
