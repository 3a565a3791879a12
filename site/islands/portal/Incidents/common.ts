/** The shapes the incidents pages read from the API. */
import type { PortalApi, Success } from '../../lib/api.ts'

export type Row = Success<Awaited<ReturnType<PortalApi['incidents']['$get']>>>['incidents'][number]
export type Detail = Success<Awaited<ReturnType<PortalApi['incidents'][':id']['$get']>>>
export type Entry = Detail['timeline'][number]
