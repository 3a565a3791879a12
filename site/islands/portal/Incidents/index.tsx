/** The portal's incidents: the list by role with filters, and one incident's timeline (with the steps of consented access, and the remote-view code while it waits) with the customer's reaction. */
import { SignedIn } from '../../lib/SignedIn.tsx'
import type { PortalProps } from '../paths.ts'
import { IncidentPage } from './Incident.tsx'
import { IncidentList } from './List.tsx'

export default function Incidents({ lang, strings, paths }: PortalProps) {
  const id = typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('id')
  return (
    <SignedIn as="contact" lang={lang} strings={strings}>
      {(viewer) => (id ? <IncidentPage id={id} viewer={viewer} lang={lang} strings={strings} paths={paths} /> : <IncidentList viewer={viewer} lang={lang} strings={strings} paths={paths} />)}
    </SignedIn>
  )
}
