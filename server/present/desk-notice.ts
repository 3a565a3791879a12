/** The desk notice's replies: what the public sees while it runs, and what the admin sees of the stored one. */
import { z } from 'zod'
import type { DeskNotice } from '../domain/desk-notice.ts'
import { MESSAGES } from '../http/errors.ts'
import type { DeskNoticeRefusal } from '../services/desk-notice.ts'
import type { RefusalReplies } from '../services/result.ts'
import { Localized, NoticeReply } from './desk.ts'

export const DESK_NOTICE_REFUSALS: RefusalReplies<DeskNoticeRefusal> = {
  invalid_input: [400, MESSAGES.invalidInput],
  role_not_allowed: [403, MESSAGES.staffAdminOnly],
}

export { NoticeReply }

/** GET /api/desk/notice: the running notice, or null. */
export const RunningNoticeReply = z.object({ notice: NoticeReply.nullable().meta({ description: 'The notice running now; null when none runs.' }) }).meta({ id: 'RunningNotice' })

/** The stored notice as the admin sees it, also before its start and after its end. */
export const StoredNoticeReply = z.object({
  notice: z.object({
    text: Localized,
    startsAt: z.iso.datetime().nullable().meta({ description: 'When it starts showing; null: as soon as it was set.' }),
    endsAt: z.iso.datetime(),
    isRunning: z.boolean().meta({ description: 'Whether it shows now.' }),
    setBy: z.string().meta({ description: '"staff:<id>" of the admin who set it.' }),
    setAt: z.iso.datetime(),
  }).nullable().meta({ description: 'The stored notice; null when none is set.' }),
}).meta({ id: 'StoredNotice' })

export function presentRunningNotice(notice: DeskNotice | undefined): NoticeReply | null {
  return notice ? { text: notice.text, endsAt: notice.endsAt } : null
}

export function presentStoredNotice(notice: DeskNotice | undefined, isRunning: boolean): z.infer<typeof StoredNoticeReply> {
  return { notice: notice ? { text: notice.text, startsAt: notice.startsAt, endsAt: notice.endsAt, isRunning, setBy: notice.setBy, setAt: notice.setAt } : null }
}
