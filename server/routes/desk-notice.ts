/** Exceptional busyness: GET /api/desk/notice for everyone (briefly cached), and the admin's PUT and DELETE under /api/staff/desk-notice. */
import { Hono } from 'hono'
import { z } from 'zod'
import type { Deps } from '../deps.ts'
import { DeskNoticeInput, isNoticeRunning } from '../domain/desk-notice.ts'
import { describe, only } from '../http/describe.ts'
import { jsonBody, requireJson } from '../middleware/json-body/index.ts'
import { type SessionEnv, requireStaff } from '../middleware/session/index.ts'
import { DESK_NOTICE_REFUSALS, RunningNoticeReply, StoredNoticeReply, presentRunningNotice, presentStoredNotice } from '../present/desk-notice.ts'
import { clearNotice, runningNotice, setNotice, storedNotice } from '../services/desk-notice.ts'
import { isRefused, refuse } from '../services/result.ts'

/** How long a public answer may be kept: a notice that ends is gone from caches within this. */
export const NOTICE_MAX_AGE_SECONDS = 30

/** The public read: the widget on other sites, the KB's help box and the portal ask it. */
export const deskNotice = (deps: Deps) =>
  new Hono().get('/', describe('getDeskNotice', 'Desk', 'The notice of exceptional busyness running now, or null', { 200: RunningNoticeReply }, {
    description: `Cached for ${NOTICE_MAX_AGE_SECONDS} seconds. A notice before its start or after its end is not given: it disappears by itself. GET /api/desk carries the same notice as \`notice\`.`,
  }), async (c) => {
    c.header('Cache-Control', `public, max-age=${NOTICE_MAX_AGE_SECONDS}`)
    return c.json({ notice: presentRunningNotice(await runningNotice(deps)) })
  })

/** The admin's side: read the stored notice (any staff), set or clear it (support admins only). */
export const staffDeskNotice = (deps: Deps) =>
  new Hono<SessionEnv>()
    .use('*', requireStaff)
    .get('/', describe('getStoredDeskNotice', 'Console', 'The stored desk notice, also before its start or after its end (staff)', { 200: StoredNoticeReply }), async (c) => {
      const notice = await storedNotice(deps)
      c.header('Cache-Control', 'private, no-store')
      return c.json(presentStoredNotice(notice, isNoticeRunning(notice, deps.clock())))
    })
    .put('/', describe('setDeskNotice', 'Console', 'Set the desk notice of exceptional busyness: both texts, until when, optionally from when (support admins)', { 200: StoredNoticeReply }, {
      description: 'Replaces any notice set before. `endsAt` must lie in the future (and after `startsAt`), at most 90 days ahead. While it runs it shows on the KB\'s help box, in the widget and the portal, and registration mail mentions it.',
      refuses: only(DESK_NOTICE_REFUSALS, 'invalid_input', 'role_not_allowed'),
    }), requireJson, jsonBody(DeskNoticeInput), async (c) => {
      const outcome = await setNotice(deps, c.var.staff, c.req.valid('json'))
      if (isRefused(outcome)) return refuse(c, outcome, DESK_NOTICE_REFUSALS)
      return c.json(presentStoredNotice(outcome.notice, isNoticeRunning(outcome.notice, deps.clock())))
    })
    .delete('/', describe('clearDeskNotice', 'Console', 'Clear the desk notice before its end (support admins)', { 200: z.object({ notice: z.null() }) }, {
      refuses: only(DESK_NOTICE_REFUSALS, 'role_not_allowed'),
    }), async (c) => {
      const outcome = await clearNotice(deps, c.var.staff)
      if (isRefused(outcome)) return refuse(c, outcome, DESK_NOTICE_REFUSALS)
      return c.json({ notice: null })
    })
