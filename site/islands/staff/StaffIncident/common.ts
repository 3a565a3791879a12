/** What the console's incident page and its parts share: the incident as staff get it, and what a form takes. */
import type { Language } from '#lib/language.ts'
import type { StaffStrings } from '../../../i18n/index.ts'
import type { PortalApi, Success } from '../../lib/api.ts'

type Detail = Success<Awaited<ReturnType<PortalApi['incidents'][':id']['$get']>>>
type StaffContext = 'organisation' | 'contact' | 'history'
/** The incident as staff get it: always with the organisation, the requester's details and the history. */
export type StaffDetail = Omit<Detail, StaffContext> & { [K in StaffContext]-?: Exclude<Detail[K], undefined> }
export type Incident = StaffDetail['incident']
export type Entry = StaffDetail['timeline'][number]
export type People = Success<Awaited<ReturnType<PortalApi['staff']['people']['$get']>>>
export type Desk = Success<Awaited<ReturnType<PortalApi['desk']['$get']>>>

export interface Common {
  lang: Language
  strings: StaffStrings
}

export interface FormProps extends Common {
  incident: Incident
  /** Reads the incident again after a change. */
  onReload: () => Promise<void>
}
