/** What the console's remote-view panel shows of an incident's sessions, as pure functions of the API's list. */
import type { Language } from '#lib/language.ts'
import { format } from '#lib/format.ts'
import type { StaffStrings } from '../../i18n/index.ts'
import type { PortalApi, Success } from '../lib/api.ts'
import { moment } from '../portal/format.ts'

type Consent = Success<Awaited<ReturnType<PortalApi['consents']['$get']>>>['consents'][number]
/** A remote view as `GET /api/consents?kind=remote_view` presents it to staff (never with the code). */
export type RemoteViewItem = Extract<Consent, { codeExpiresAt: string }>

/** How often the panel reads the session while the customer may still act on it. */
export const PANEL_POLL_MS = 3_000

/** The incident's newest remote view, or undefined when there never was one; the API lists newest first. */
export function latestRemoteView(consents: readonly Consent[]): RemoteViewItem | undefined {
  return consents.find((c): c is RemoteViewItem => c.kind === 'remote_view' && 'codeExpiresAt' in c)
}

/** Whether the customer may still act on the session: then the panel keeps reading it and offers to end it. */
export function isLive(view: RemoteViewItem | undefined): boolean {
  return view?.state === 'waiting' || view?.state === 'open'
}

/** The panel's one-line state for its status region: waiting (until when), open (since when), ended (by whom) or expired. */
export function panelStatus(strings: StaffStrings, lang: Language, view: RemoteViewItem | undefined): string {
  if (!view) return strings['remoteView.none']
  const requester = view.contact.name
  switch (view.state) {
    case 'waiting': return format(strings['remoteView.waiting'], { name: requester, time: moment(lang, view.codeExpiresAt) })
    case 'open': return format(strings['remoteView.open'], { name: requester, time: moment(lang, view.consentedAt ?? view.updatedAt) })
    case 'ended': return format(strings['remoteView.ended'], { name: view.endedBy?.name ?? requester, time: moment(lang, view.endedAt ?? view.updatedAt) })
    case 'expired': return format(strings['remoteView.expired'], { name: requester, time: moment(lang, view.codeExpiresAt) })
  }
}
