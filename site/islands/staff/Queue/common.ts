/** What the queue's parts share: the API's shapes of the queue and its teams. */
import type { ClientResponse } from 'hono/client'
import type { PortalApi, Success } from '../../lib/api.ts'

// Only the JSON replies: the 304 has no body, which would make Success<> unknown.
export type QueueReply = Success<Extract<Awaited<ReturnType<PortalApi['staff']['queue']['$get']>>, ClientResponse<unknown, number, 'json'>>>
export type Row = QueueReply['incidents'][number]
export type Team = Success<Awaited<ReturnType<PortalApi['staff']['people']['$get']>>>['teams'][number]
