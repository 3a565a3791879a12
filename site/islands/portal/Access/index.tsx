/**
 * The portal's access page: the remote-view code while it waits, temporary access grants, backup
 * requests and extra support outside business hours. An admin sees and decides everything of the
 * organisation; an employee sees what concerns their own incidents and requests extra support.
 */
import { call, portalApi } from '../../lib/api.ts'
import { Pending } from '../../lib/ResultMessage.tsx'
import { SignedIn, type Viewer } from '../../lib/SignedIn.tsx'
import { useLoad } from '../../lib/use-load.ts'
import { withRecord } from '../access-view.ts'
import type { PortalProps } from '../paths.ts'
import { isBackup, isExtraSupport, isGrant, type Consent } from './consents.ts'
import { Backups } from './Backups.tsx'
import { ExtraSupportSection } from './ExtraSupport.tsx'
import { Grants } from './Grants.tsx'
import { WaitingCodes } from './WaitingCodes.tsx'

export default function Access({ lang, strings, paths }: PortalProps) {
  return <SignedIn as="contact" lang={lang} strings={strings}>{(viewer) => <AccessPage viewer={viewer} lang={lang} strings={strings} paths={paths} />}</SignedIn>
}

function AccessPage({ viewer, lang, strings, paths }: PortalProps & { viewer: Viewer }) {
  const isAdmin = viewer.role === 'admin'
  // Reading again after a refusal: if that fails too, the page stays as it was, under the refusal's message.
  // The newest 200 (the most a page holds): what waits for a decision or runs is recent.
  const list = useLoad(async () => (await call(portalApi(lang).consents.$get({ query: { limit: '200' } }), strings)).consents, [lang], strings)
  const consents = list.data

  if (!consents) return <Pending message={list.message} loading={strings.loading} />
  // Actions answer with the record as it now stands; it takes its place at once, without asking for the whole list again.
  const put = (record: Consent) => list.update((shown) => withRecord(shown, record))
  const common = { lang, strings, paths, isAdmin, onActed: put, onStale: list.reload }
  return (
    <div class="access">
      <p>{strings[isAdmin ? 'access.introAdmin' : 'access.introEmployee']}</p>
      <WaitingCodes lang={lang} strings={strings} paths={paths} />
      <Grants grants={consents.filter(isGrant)} {...common} />
      <Backups backups={consents.filter(isBackup)} {...common} />
      <ExtraSupportSection requests={consents.filter(isExtraSupport)} {...common} />
    </div>
  )
}
