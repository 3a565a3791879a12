/** Exceptional busyness: the desk notice an admin sets (Dutch and English text, until when), and whether it runs at a moment. */
import { z } from 'zod'
import type { Localized } from './desk.ts'

/** The longest notice text per language: a line or two in a help box, a widget and a mail. */
export const MAX_NOTICE_LENGTH = 300

/** The notice as stored: one at a time (id `current`). */
export interface DeskNotice {
  id: 'current'
  text: Localized
  /** When it starts showing; null: as soon as it is set. */
  startsAt: string | null
  /** When it stops showing, by itself. */
  endsAt: string
  /** "staff:<id>" of the admin who set it. */
  setBy: string
  setAt: string
}

const noticeText = (lang: string) => z.string().trim().min(1).max(MAX_NOTICE_LENGTH)
  .meta({ description: `The notice in ${lang}, 1 to ${MAX_NOTICE_LENGTH} characters, trimmed; one or two sentences.` })

/** What an admin sends to set the notice; `now` decides what is in the future, so it is checked by checkNoticeTimes. */
export const DeskNoticeInput = z.strictObject({
  text: z.strictObject({ nl: noticeText('Dutch'), en: noticeText('English') }).meta({ description: 'The notice in both languages; both are required.' }),
  startsAt: z.iso.datetime({ offset: true }).nullable().optional()
    .meta({ description: 'When it starts showing (ISO 8601 with offset); default at once.', example: '2026-12-01T08:30:00+01:00' }),
  endsAt: z.iso.datetime({ offset: true }).meta({ description: 'When it stops showing by itself: in the future, after `startsAt`, at most 90 days ahead.', example: '2026-12-04T17:00:00+01:00' }),
}).meta({ id: 'DeskNoticeInput', title: 'DeskNoticeInput', description: 'A desk notice for exceptional busyness: shown on the KB, in the widget and the portal, and mentioned in registration mail while it runs.' })
export type DeskNoticeInput = z.output<typeof DeskNoticeInput>

/** The longest a notice may run: busyness is exceptional, not the new normal. */
export const MAX_NOTICE_DAYS = 90

/** What is wrong with the times of `input` at `now`, as fields; empty when they are right. */
export function noticeTimeIssues(input: Pick<DeskNoticeInput, 'startsAt' | 'endsAt'>, now: Date): { path: string; message: string }[] {
  const ends = new Date(input.endsAt).getTime()
  const starts = input.startsAt ? new Date(input.startsAt).getTime() : now.getTime()
  const issues: { path: string; message: string }[] = []
  if (ends <= now.getTime()) issues.push({ path: 'endsAt', message: 'must lie in the future' })
  else if (ends <= starts) issues.push({ path: 'endsAt', message: 'must lie after startsAt' })
  if (ends - now.getTime() > MAX_NOTICE_DAYS * 86_400_000) issues.push({ path: 'endsAt', message: `at most ${MAX_NOTICE_DAYS} days ahead` })
  return issues
}

/** The notice to store for `input`, set by `by` at `now`. */
export function newDeskNotice(input: DeskNoticeInput, context: { by: string; now: Date }): DeskNotice {
  return {
    id: 'current', text: { nl: input.text.nl, en: input.text.en }, startsAt: input.startsAt ? new Date(input.startsAt).toISOString() : null,
    endsAt: new Date(input.endsAt).toISOString(), setBy: context.by, setAt: context.now.toISOString(),
  }
}

/** Whether the notice shows at `now`: from its start (or at once) until, not including, its end. */
export function isNoticeRunning(notice: Pick<DeskNotice, 'startsAt' | 'endsAt'> | undefined | null, now: Date): boolean {
  if (!notice) return false
  const t = now.getTime()
  return (!notice.startsAt || new Date(notice.startsAt).getTime() <= t) && t < new Date(notice.endsAt).getTime()
}
