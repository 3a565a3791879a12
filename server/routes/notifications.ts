/** The console's inbox: a staff member's own notifications (never another's), marked read one by one or all at once, and which come by mail. */
import { Hono } from 'hono'
import { z } from 'zod'
import type { Deps } from '../deps.ts'
import { describe } from '../http/describe.ts'
import { MESSAGES } from '../http/errors.ts'
import { pageQuery } from '../http/paging.ts'
import { jsonBody, queryOf, requireJson } from '../middleware/json-body/index.ts'
import { requireStaff, type SessionEnv } from '../middleware/session/index.ts'
import { InboxReply, NotificationReply, PreferencesReply, UnreadReply, presentNotification } from '../present/notification.ts'
import { NotificationPreferencesInput, changePreferences, inboxOf, markAllNotificationsRead, markNotificationRead, preferencesOf } from '../services/notifications.ts'
import { isRefused, refuse, type RefusalReplies } from '../services/result.ts'
import { CURSOR_SHAPES } from '../store/cursor.ts'

const REFUSALS: RefusalReplies<'not_found'> = { not_found: [404, MESSAGES.notificationNotFound] }
const InboxQuery = z.object(pageQuery(CURSOR_SHAPES.notifications))

export const notifications = (deps: Deps) =>
  new Hono<SessionEnv>()
    .use('*', requireStaff)
    .get('/', describe('listNotifications', 'Console', 'A page of the caller\'s own notifications, newest first, with the unread count (staff)', { 200: InboxReply }), queryOf(InboxQuery), async (c) => {
      const { limit, cursor } = c.req.valid('query')
      const page = await inboxOf(deps, c.var.staff, { limit, ...(cursor ? { cursor } : {}) })
      c.header('Cache-Control', 'private, no-store')
      return c.json({ notifications: page.items.map(presentNotification), unread: page.unread, next: page.next, total: page.total })
    })
    .get('/unread', describe('countUnreadNotifications', 'Console', 'How many of the caller\'s notifications are unread, for the menu (staff)', { 200: UnreadReply }), async (c) => {
      c.header('Cache-Control', 'private, no-store')
      return c.json({ unread: await deps.store.notifications.unreadCount(c.var.staff.id) })
    })
    .post('/read', describe('markAllNotificationsRead', 'Console', 'Mark all of the caller\'s notifications read (staff)', { 200: z.object({ marked: z.number().int(), ...UnreadReply.shape }) }), async (c) => {
      return c.json(await markAllNotificationsRead(deps, c.var.staff))
    })
    .get('/preferences', describe('getNotificationPreferences', 'Console', 'Which notifications also come to the caller by mail, and in which language (staff)', { 200: PreferencesReply }), async (c) => {
      c.header('Cache-Control', 'private, no-store')
      return c.json(preferencesOf((await deps.store.staff.get(c.var.staff.id)) ?? c.var.staff))
    })
    .put('/preferences', describe('changeNotificationPreferences', 'Console', 'Choose which notifications also come by mail, and in which language; what is left out stays (staff)', { 200: PreferencesReply }, {
      refuses: { not_found: REFUSALS.not_found },
    }), requireJson, jsonBody(NotificationPreferencesInput), async (c) => {
      const outcome = await changePreferences(deps, c.var.staff, c.req.valid('json'))
      if (isRefused(outcome)) return refuse(c, outcome, REFUSALS)
      return c.json(outcome)
    })
    .post('/:id/read', describe('markNotificationRead', 'Console', 'Mark one of the caller\'s notifications read; another\'s is not found (staff)', { 200: z.object({ notification: NotificationReply, ...UnreadReply.shape }) }, {
      refuses: { not_found: REFUSALS.not_found },
    }), async (c) => {
      const outcome = await markNotificationRead(deps, c.var.staff, c.req.param('id'))
      if (isRefused(outcome)) return refuse(c, outcome, REFUSALS)
      return c.json({ notification: presentNotification(outcome.notification), unread: outcome.unread })
    })
