/** The requester's remote-view code while it waits for their consent: shown prominently on the access page and on the incident's page. */
import type { Language } from '#lib/language.ts'
import { format } from '#lib/format.ts'
import type { PortalStrings } from '../../i18n/index.ts'
import { usePolling } from '../lib/polling.ts'
import { useLoad } from '../lib/use-load.ts'
import { clockTime, spacedCode, waitingCodes } from './access-view.ts'
import { call, portalApi, type PortalApi, type Success } from '../lib/api.ts'
import type { PortalPaths } from './paths.ts'

type Consent = Success<Awaited<ReturnType<PortalApi['consents']['$get']>>>['consents'][number]
/** A remote view as GET /api/consents lists it, with the code the requester alone reads while it waits. */
export type WaitingView = Extract<Consent, { codeExpiresAt: unknown }> & { code: string }

interface Props {
  view: WaitingView
  strings: PortalStrings
  paths: PortalPaths
}

/** The code in two groups, who asks and for which incident, until when it works, and the page to enter it on. */
export function RemoteViewCode({ view, strings, paths }: Props) {
  return (
    <div class="notice code-notice">
      <p>{strings['access.remoteView.code']} <strong class="code">{spacedCode(view.code)}</strong></p>
      {view.incident && (
        <p>{format(strings['access.remoteView.who'], { name: format(strings['incidents.bySupport'], { name: view.staff.name }), number: view.incident.number, subject: view.incident.subject })}</p>
      )}
      <p>{format(strings['access.remoteView.expires'], { time: clockTime(view.codeExpiresAt) })}</p>
      <p><a href={paths.remoteView}>{strings['access.remoteView.link']}</a></p>
    </div>
  )
}

/**
 * The waiting remote views whose code the viewer reads — of one incident, or all — asked again
 * every few seconds while the page is visible, so a code support just asked for appears while the
 * customer is on the phone with them. None when there is none, or the question failed (the mail has the code too).
 */
export function useWaitingCodes(lang: Language, strings: PortalStrings, incidentId?: string): WaitingView[] {
  const codes = useLoad(
    async () => waitingCodes((await call(portalApi(lang).consents.$get({ query: { kind: 'remote_view', ...(incidentId ? { incidentId } : {}) } }), strings)).consents) as WaitingView[],
    null, strings,
  )
  usePolling(() => void codes.reload(), incidentId ?? '')
  return codes.state.kind === 'loaded' ? codes.state.data : []
}
