/** The complaints desk: the queue of complaints and opinions (filters in the URL, further pages with "more"), or one of them by `?id=`. */
import { SignedIn } from '../../lib/SignedIn.tsx'
import type { StaffProps } from '../props.ts'
import { ComplaintDetail } from './Detail.tsx'
import { ComplaintList } from './List.tsx'

export default function Complaints({ lang, strings, paths }: StaffProps) {
  const id = typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('id')
  return (
    <SignedIn as="staff" lang={lang} strings={strings}>
      {(viewer) => (id
        ? <ComplaintDetail id={id} viewer={viewer} lang={lang} strings={strings} paths={paths} />
        : <ComplaintList lang={lang} strings={strings} paths={paths} />)}
    </SignedIn>
  )
}
