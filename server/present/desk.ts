/** GET /api/desk's reply schema: whether support is open, its special days, hours, phone, priorities and product areas. */
import { z } from 'zod'
import { WEEKDAYS } from '../domain/calendar.ts'

/** A text in both languages of the desk. */
export const Localized = z.object({ nl: z.string(), en: z.string() }).meta({ id: 'Localized', description: 'A text in both languages of the desk.' })

const time = z.string().regex(/^\d{2}:\d{2}$/).meta({ description: 'HH:MM' })

/** Opening and closing time of one day, local time. */
export const Hours = z.object({ open: time, close: time }).meta({ id: 'Hours', description: 'Opening and closing time of one day, local time.' })

/** The notice of exceptional busyness as the KB, widget and portal show it, while it runs. */
export const NoticeReply = z.object({
  text: Localized.meta({ description: 'The notice in Dutch and English: show the page\'s language.' }),
  endsAt: z.iso.datetime().meta({ description: 'When it stops showing: a page open longer hides it then by itself.' }),
}).meta({ id: 'DeskNotice', description: 'A notice of exceptional busyness, while it runs.' })
export type NoticeReply = z.infer<typeof NoticeReply>

/** The desk as the widget shows it; computed by domain/desk-status.ts. */
export const DeskStatus = z.object({
  isOpen: z.boolean(),
  changesAt: z.iso.datetime().nullable().meta({ description: 'When it closes while open, when it opens next while closed; null when no opening is known.' }),
  today: z.object({ note: Localized, hours: Hours.nullable() }).nullable()
    .meta({ description: 'Today\'s special day: why it is closed (`hours: null`) or why the hours differ; null on an ordinary day.' }),
  upcoming: z.array(z.object({ date: z.iso.date(), closed: z.boolean(), hours: Hours.nullable(), note: Localized }))
    .meta({ description: 'Special days from today on, 30 days ahead, in date order.' }),
  weekly: z.array(z.union([
    z.object({ day: z.enum(WEEKDAYS), open: z.string(), close: z.string() }),
    z.object({ day: z.enum(WEEKDAYS), closed: z.literal(true) }),
  ])).meta({ description: 'The regular week, Monday first.' }),
  phone: z.object({ display: z.string(), international: z.string() }),
  timeZone: z.string().meta({ description: 'IANA time zone of the desk, e.g. Europe/Amsterdam.' }),
  priorities: z.array(z.object({ level: z.number().int().min(1).max(5), name: Localized, description: Localized, targetText: Localized, firstClassOnly: z.boolean() })),
  productAreas: z.array(z.object({ key: z.string().meta({ description: 'e.g. finance' }), name: Localized }))
    .meta({ description: 'The product areas the incident form offers, in desk.yaml\'s order. Send the `key` as the registration\'s `productArea`; show the `name`.' }),
  notice: NoticeReply.nullable().meta({ description: 'The notice of exceptional busyness running now (as GET /api/desk/notice); null when none runs.' }),
}).meta({ id: 'DeskStatus', description: 'The desk as the widget shows it.' })
export type DeskStatus = z.infer<typeof DeskStatus>
