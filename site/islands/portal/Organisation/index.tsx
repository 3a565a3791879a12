/** The Organisation page: brief company information for an employee; for an admin everything, the company details to edit and the contacts to manage. */
import { call, portalApi } from '../../lib/api.ts'
import { Pending } from '../../lib/ResultMessage.tsx'
import { SignedIn, type Viewer } from '../../lib/SignedIn.tsx'
import { useLoad } from '../../lib/use-load.ts'
import type { PortalProps } from '../paths.ts'
import { Brief } from './Brief.tsx'
import type { Common } from './common.ts'
import { Contacts } from './Contacts.tsx'
import { Details } from './Details.tsx'
import { Records } from './Records.tsx'

export default function Organisation({ lang, strings }: PortalProps) {
  return <SignedIn as="contact" lang={lang} strings={strings}>{(viewer) => <OrganisationPage lang={lang} strings={strings} viewer={viewer} />}</SignedIn>
}

function OrganisationPage({ lang, strings, viewer }: Common & { viewer: Viewer }) {
  const page = useLoad(() => call(portalApi(lang).organisation.$get(), strings), [lang], strings)
  const reply = page.data

  if (!reply) return <Pending message={page.message} loading={strings.loading} />
  if (reply.role === 'employee') return <Brief strings={strings} organisation={reply.organisation} />
  return (
    <>
      <Details lang={lang} strings={strings} organisation={reply.organisation}
        onSaved={(organisation) => page.update(() => ({ role: 'admin', organisation }))} />
      <Records lang={lang} strings={strings} organisation={reply.organisation} />
      <Contacts lang={lang} strings={strings} viewer={viewer} />
    </>
  )
}
