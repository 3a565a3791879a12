/** What the complaints desk's parts share: the API's shapes of a complaint in the console, and the people to assign to. */
import type { Language } from '#lib/language.ts'
import type { PortalApi, Success } from '../../lib/api.ts'
import type { StaffStrings } from '../../../i18n/index.ts'

export type QueueReply = Success<Awaited<ReturnType<PortalApi['staff']['complaints']['$get']>>>
export type StaffComplaint = QueueReply['complaints'][number]
export type People = Success<Awaited<ReturnType<PortalApi['staff']['people']['$get']>>>

/** The props every part takes. */
export interface PartProps {
  lang: Language
  strings: StaffStrings
}
