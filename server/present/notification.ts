/** The inbox's replies: a staff member's notifications, their unread count, and their preferences. */
import { z } from 'zod'
import { NOTIFICATION_KINDS, type StaffNotification } from '../domain/notifications.ts'
import { PageReply } from '../http/paging.ts'

/** One notification as its owner sees it. */
export const NotificationReply = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS).meta({ description: '`assigned` to you, a customer `reaction` on one you handle, one of yours `nearing` its target, a `complaint` for your team.' }),
  at: z.string().meta({ format: 'date-time', description: 'When it was made.' }),
  incidentId: z.string().nullable().meta({ description: 'The incident it is about (its console page); null for a complaint about no incident.' }),
  complaintId: z.string().nullable().meta({ description: 'The complaint it is about (kind `complaint`), else null.' }),
  number: z.string().meta({ description: 'The incident\'s number ("100123") or the complaint\'s ("K10001").', example: '100123' }),
  subject: z.string().meta({ description: 'The subject, as it was then.' }),
  readAt: z.string().nullable().meta({ format: 'date-time', description: 'When you marked it read; null while unread.' }),
}).meta({ id: 'Notification', description: 'One entry in a staff member\'s inbox.' })

/** A page of the caller's inbox and their unread count. */
export const InboxReply = z.object({
  notifications: z.array(NotificationReply),
  unread: z.number().int().meta({ description: 'How many of the caller\'s notifications are unread (all pages).', example: 3 }),
  ...PageReply,
})
export type InboxReply = z.infer<typeof InboxReply>

/** The unread count alone, for the console's menu. */
export const UnreadReply = z.object({ unread: z.number().int().meta({ description: 'How many of the caller\'s notifications are unread.', example: 3 }) })

/** Which kinds also come by mail, and the mails' language. */
export const PreferencesReply = z.object({
  mail: z.object(Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, z.boolean()])) as Record<(typeof NOTIFICATION_KINDS)[number], z.ZodBoolean>)
    .meta({ description: 'Per kind: true, also by mail; false, in the console only. Default all true.' }),
  lang: z.enum(['nl', 'en']).meta({ description: 'The language of the mails; default nl.' }),
}).meta({ id: 'NotificationPreferences' })

/** A notification as its owner sees it: the record without its key and owner. */
export function presentNotification({ key: _key, staffId: _staffId, ...shown }: StaffNotification): z.infer<typeof NotificationReply> {
  return shown
}
