/** GET /api/desk: open now or not, until when, coming exceptions, phone and priority guidance, and a notice of exceptional busyness. */
import { Hono } from 'hono'
import type { Deps } from '../deps.ts'
import { deskStatus } from '../domain/desk-status.ts'
import { describe } from '../http/describe.ts'
import { DeskStatus } from '../present/desk.ts'
import { presentRunningNotice } from '../present/desk-notice.ts'
import { runningNotice } from '../services/desk-notice.ts'

export const desk = (deps: Deps) =>
  new Hono().get('/', describe('getDesk', 'Desk', 'Open now or not, until when, special days, hours, phone, priorities, product areas and a busyness notice', { 200: DeskStatus }), async (c) => {
    // Widgets on many sites ask this often; a minute of caching keeps "open until 17:00" right.
    c.header('Cache-Control', 'public, max-age=60')
    // The widget already asks this: the notice comes along, so it needs no request of its own.
    const status: DeskStatus = { ...deskStatus(deps.desk, deps.calendar, deps.clock()), notice: presentRunningNotice(await runningNotice(deps)) }
    return c.json(status)
  })
