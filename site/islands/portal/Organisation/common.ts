/** What the Organisation page's parts share: the API's shapes of the organisation and its contacts, and the page's props. */
import type { Language } from '#lib/language.ts'
import type { PortalStrings } from '../../../i18n/index.ts'
import type { PortalApi, Success } from '../../lib/api.ts'

export type OrganisationReply = Success<Awaited<ReturnType<PortalApi['organisation']['$get']>>>
export type BriefOrganisation = Extract<OrganisationReply, { role: 'employee' }>['organisation']
export type FullOrganisation = Extract<OrganisationReply, { role: 'admin' }>['organisation']
export type Contact = Success<Awaited<ReturnType<PortalApi['organisation']['contacts']['$get']>>>['contacts'][number]
export type ContactChange = Parameters<PortalApi['organisation']['contacts'][':id']['$patch']>[0]['json']

export interface Common {
  lang: Language
  strings: PortalStrings
}

/** "Yes" or "No" in the page's language. */
export const yesNo = (strings: PortalStrings, isYes: boolean) => strings[isYes ? 'organisation.yes' : 'organisation.no']
