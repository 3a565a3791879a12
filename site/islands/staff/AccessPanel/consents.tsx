/** The consent records as the console lists them, what their actions answer, and what the access parts share. */
import type { Language } from '#lib/language.ts'
import type { StaffStrings } from '../../../i18n/index.ts'
import type { PortalApi, Success } from '../../lib/api.ts'
import type { Badge } from '../access-view.ts'

export type Consent = Success<Awaited<ReturnType<PortalApi['consents']['$get']>>>['consents'][number]
// The API's kinds share one `kind` type, so each is picked out by a field only it has.
export type Grant = Extract<Consent, { level: unknown }>
export type Backup = Extract<Consent, { isPurgeDue: unknown }>
export type ExtraSupport = Extract<Consent, { isBilled: unknown }>

/**
 * What the backup routes answer. Their handlers may also return a refusal built apart, which
 * leaves the client's type unknown; the shape is the one GET /api/consents lists.
 */
export type BackupReply = { backup: Backup }

export const isGrant = (c: Consent): c is Grant => c.kind === 'grant'
export const isBackup = (c: Consent): c is Backup => c.kind === 'backup'
export const isExtraSupport = (c: Consent): c is ExtraSupport => c.kind === 'extra_support'

export interface ListProps {
  lang: Language
  strings: StaffStrings
  /** An action here succeeded (or was refused with the current record). */
  onActed: (record?: Consent) => void
  /** Reads the records again, e.g. after someone else was first. */
  onReload: () => Promise<void>
}

export function BadgeOf({ badge }: { badge: Badge }) {
  return <span class={badge.tone ? `badge ${badge.tone}` : 'badge'}>{badge.text}</span>
}
