/** Names of statuses and kinds in the page's language, and the desk's product areas and priorities. */
import type { Language } from '#lib/language.ts'
import type { PortalStrings } from '../../i18n/index.ts'
import { call, portalApi, type Success } from '../lib/api.ts'
import { useLoad } from '../lib/use-load.ts'

const NO_TEXTS = { network: '', unexpected: '' }

export const STATUSES = ['new', 'in_progress', 'waiting_for_customer', 'resolved', 'closed'] as const
export const KINDS = ['bug', 'outage', 'wish', 'question'] as const

type Status = (typeof STATUSES)[number] | 'awaiting_confirmation'
type Kind = (typeof KINDS)[number]

export function statusName(strings: PortalStrings, status: Status): string {
  return strings[`status.${status === 'awaiting_confirmation' ? 'awaitingConfirmation' : status === 'in_progress' ? 'inProgress' : status === 'waiting_for_customer' ? 'waitingForCustomer' : status}`]
}

export function kindName(strings: PortalStrings, kind: Kind): string {
  return strings[`kind.${kind}`]
}

export type Desk = Success<Awaited<ReturnType<ReturnType<typeof portalApi>['desk']['$get']>>>

/** GET /api/desk once per page: product area names and the priorities. */
export function useDesk(lang: Language): Desk | undefined {
  // Without the desk the pages show keys instead of names: no message of its own.
  return useLoad(() => call(portalApi(lang).desk.$get(), NO_TEXTS), [lang], NO_TEXTS).data
}
