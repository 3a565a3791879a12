/** What the complaints pages share: the API's shapes, names of kinds and statuses, and a complaint's page. */
import type { Language } from '#lib/language.ts'
import type { ComplaintStatus, FeedbackKind } from '#domain/records.ts'
import type { PortalStrings } from '../../../i18n/index.ts'
import type { PortalApi, Success } from '../../lib/api.ts'
import type { PortalPaths } from '../paths.ts'

export interface Props {
  lang: Language
  strings: PortalStrings
  paths: PortalPaths
}

export type Row = Success<Awaited<ReturnType<PortalApi['complaints']['$get']>>>['complaints'][number]
export type Detail = Success<Awaited<ReturnType<PortalApi['complaints'][':id']['$get']>>>['complaint']

export function kindName(strings: PortalStrings, kind: FeedbackKind): string {
  return strings[`complaints.kindName.${kind}`]
}

export function statusName(strings: PortalStrings, status: ComplaintStatus): string {
  return strings[`complaints.status.${status === 'in_progress' ? 'inProgress' : status}`]
}

export const pageOf = (paths: PortalPaths, id: string) => `${paths.complaints}?id=${encodeURIComponent(id)}`
