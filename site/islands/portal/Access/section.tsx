/** What every section of the access page takes, and the small pieces they share: a badge, an incident's link, a window in words. */
import type { Language } from '#lib/language.ts'
import { format } from '#lib/format.ts'
import type { PortalStrings } from '../../../i18n/index.ts'
import type { Badge } from '../access-view.ts'
import { moment } from '../format.ts'
import type { PortalPaths } from '../paths.ts'
import type { Reactions } from './consents.ts'

export interface Common {
  lang: Language
  strings: PortalStrings
}

export interface SectionProps extends Common, Reactions {
  paths: PortalPaths
  isAdmin: boolean
}

export function BadgeOf({ badge }: { badge: Badge }) {
  return <span class={badge.tone ? `badge ${badge.tone}` : 'badge'}>{badge.text}</span>
}

/** The incident's portal page, named by its number and subject. */
export const incidentLink = (paths: PortalPaths, incident: { id: string; number: string; subject: string } | null, strings: PortalStrings) =>
  incident && <a href={`${paths.incidents}?id=${encodeURIComponent(incident.id)}`}>{format(strings['access.grantForm.incidentOption'], { number: incident.number, subject: incident.subject })}</a>

/** An extra-support window in the desk's clock, in words. */
export const windowText = (lang: Language, strings: PortalStrings, request: { startsAt: string; endsAt: string }) =>
  format(strings['access.extra.windowText'], { start: moment(lang, request.startsAt), end: moment(lang, request.endsAt) })
