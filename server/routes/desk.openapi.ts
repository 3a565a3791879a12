/** What GET /api/desk and GET /api/health say about themselves in the OpenAPI document, beside routes/desk.ts. */
import type { Deps } from '../deps.ts'
import { deskStatus } from '../domain/desk-status.ts'
import { resolver } from 'hono-openapi'
import type { RouteDescription } from '../http/describe.ts'
import { DeskStatus } from '../present/desk.ts'
import { DESK_EXAMPLE_MOMENT, json } from '../openapi.ts'

export const HEALTH: RouteDescription = {
  operationId: 'getHealth', tags: ['Desk'], summary: 'Whether the API is up',
  responses: { 200: { description: 'The API answers.', content: json({ type: 'object', required: ['status'], properties: { status: { const: 'ok' } } }, { up: { value: { status: 'ok' } } }) } },
}

/** GET /api/desk, with the desk's own answer at DESK_EXAMPLE_MOMENT as the example: it never drifts from desk.yaml. */
export const deskDescription = (deps: Pick<Deps, 'desk' | 'calendar'>): RouteDescription => ({
  operationId: 'getDesk', tags: ['Desk'], summary: 'Whether support is open now, until when, special days, hours, phone, priorities and product areas',
  description: 'What the widget shows next to the incident form. Cached for a minute, so "open until 17:00" stays right. Times of day are local to `timeZone`; instants are UTC.',
  responses: {
    200: {
      description: 'The desk now.',
      headers: { 'Cache-Control': { description: 'public, max-age=60', schema: { type: 'string' } } },
      content: json(resolver(DeskStatus), { mondayMorning: { summary: 'Monday 30 November 2026, 10:00 in Amsterdam', value: deskStatus(deps.desk, deps.calendar, DESK_EXAMPLE_MOMENT) } }),
    },
  },
})
