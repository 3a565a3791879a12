/** The approved extra-support windows, read from the store once per request: business time for their organisation's incidents. */
import { extraWindowsByOrganisation } from '../domain/consent.ts'
import type { ExtraWindows } from '../domain/incident.ts'
import type { Store } from '../store/store.ts'

/** The windows of every organisation, for a list; of one, for that organisation's incident. */
export async function extraWindowsOf(store: Store, organisationId?: string): Promise<ExtraWindows> {
  return extraWindowsByOrganisation(await store.consents.list({ kind: 'extra_support', ...(organisationId ? { organisationId } : {}) }))
}
