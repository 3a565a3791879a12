/** The portal's complaints and feedback: send a complaint or opinion, see the list by role, and follow one with support's replies. */
import { call, portalApi } from '../../lib/api.ts'
import { SignedIn, type Viewer } from '../../lib/SignedIn.tsx'
import { useLoad } from '../../lib/use-load.ts'
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
  const list = useLoad(async () => (await call(portalApi(lang).complaints.$get({ query: {} }), strings)).complaints, [lang], strings)
  return (
    <>
      <ComplaintForm lang={lang} strings={strings} paths={paths} onSent={() => void list.reload()} />
      <ComplaintList viewer={viewer} lang={lang} strings={strings} paths={paths} list={list} />
    </>
  )
}
