/** What GET /api/desk and GET /api/health say about themselves in the OpenAPI document, beside routes/desk.ts. */
import { z } from 'zod'
import type { Deps } from '../deps.ts'
import { deskStatus } from '../domain/desk-status.ts'
import { jsonReply, type RouteDescription } from '../http/describe.ts'
import { DeskStatus } from '../present/desk.ts'
import { DESK_EXAMPLE_MOMENT } from '../openapi.ts'

export const HEALTH: RouteDescription = {
  operationId: 'getHealth', tags: ['Desk'], summary: 'Whether the API is up',
  responses: { 200: jsonReply('The API answers.', z.object({ status: z.literal('ok') }), { up: { value: { status: 'ok' } } }) },
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
