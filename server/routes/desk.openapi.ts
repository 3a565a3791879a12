/** What GET /api/desk and GET /api/health say about themselves in the OpenAPI document, beside routes/desk.ts. */
import { z } from 'zod'
import type { Deps } from '../deps.ts'
import { deskStatus } from '../domain/desk-status.ts'
import { jsonReply, type RouteDescription } from '../http/describe.ts'
import { DeskStatus } from '../present/desk.ts'
import { DESK_EXAMPLE_MOMENT } from '../openapi.ts'

export const HEALTH: RouteDescription = {
  operationId: 'getHealth', tags: ['Desk'], summary: 'Whether the API is up',
  description: 'Answers 503 while the records cannot be written (the disk full or failing, the database out of reach), with the reason; 200 again once a write succeeds. A changing request meanwhile gets 503 `storage_unavailable`.',
  responses: {
    200: jsonReply('The API answers and its records can be written.', z.object({ status: z.literal('ok') }), { up: { value: { status: 'ok' } } }),
    503: jsonReply('The records cannot be written now.', z.object({ status: z.literal('storage_unavailable'), reason: z.string().meta({ description: 'What the disk or database said, without paths.' }) }), {
      diskFull: { summary: 'The data folder\'s disk is full', value: { status: 'storage_unavailable', reason: 'ENOSPC writing the journal: no space left on device' } },
    }),
  },
}

/** GET /api/desk, with the desk's own answer at DESK_EXAMPLE_MOMENT as the example: it never drifts from desk.yaml. */
export const deskDescription = (deps: Pick<Deps, 'desk' | 'calendar'>): RouteDescription => ({
  operationId: 'getDesk', tags: ['Desk'], summary: 'Whether support is open now, until when, special days, hours, phone, priorities and product areas',
  description: 'What the widget shows next to the incident form. Cached for a minute. Times of day are local to `timeZone`; instants are UTC.',
  responses: {
    200: {
      ...jsonReply('The desk now.', DeskStatus, { mondayMorning: { summary: 'Monday 30 November 2026, 10:00 in Amsterdam', value: deskStatus(deps.desk, deps.calendar, DESK_EXAMPLE_MOMENT) } }),
      headers: { 'Cache-Control': { description: 'public, max-age=60', schema: { type: 'string' } } },
    },
  },
})
