/** GET /api/desk: open now or not, until when, coming exceptions, phone and priority guidance. */
import { Hono } from 'hono'
import type { Deps } from '../deps.ts'
import { deskStatus } from '../domain/desk-status.ts'
import { describe } from '../http/describe.ts'
import { DeskStatus } from '../present/desk.ts'

export const desk = (deps: Deps) =>
  new Hono().get('/', describe('getDesk', 'Desk', 'Open now or not, until when, special days, hours, phone, priorities and product areas', { 200: DeskStatus }), (c) => {
    // Widgets on many sites ask this often; a minute of caching keeps "open until 17:00" right.
    c.header('Cache-Control', 'public, max-age=60')
    const status: DeskStatus = deskStatus(deps.desk, deps.calendar, deps.clock())
    return c.json(status)
  })
