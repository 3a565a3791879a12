/** What the Complaints page shows beside the API's data: the due moment in words and one ordered history. */
import type { Language } from '#lib/language.ts'
import { format } from '#lib/format.ts'
import { DESK_TIME_ZONE } from './format.ts'
import { dayAndTime } from '#lib/date-format.ts'

/**
 * A moment as the e-mails say it, in the desk's time zone: `template` gets `{day}` and `{time}`.
 * @example longMoment('nl', '2026-12-01T09:00:00Z', '{day} om {time}') === 'dinsdag 1 december om 10:00'
 */
export function longMoment(lang: Language, iso: string, template: string): string {
  return format(template, dayAndTime(new Date(iso), DESK_TIME_ZONE, lang))
}

/** The state of a complaint's response target: none (an opinion), open, met or missed. */
export type TargetState = 'none' | 'open' | 'met' | 'missed'

/** Where the response target stands; `isBreached` is the server's verdict, which knows the time. */
export function targetState(complaint: { dueAt: string | null; respondedAt: string | null; isBreached: boolean }): TargetState {
  if (!complaint.dueAt) return 'none'
  if (complaint.isBreached) return 'missed'
  return complaint.respondedAt ? 'met' : 'open'
}

interface Actor {
  kind: 'contact' | 'staff' | 'system'
  name: string
}
export type HistoryEntry<S extends string> =
  | { type: 'status'; at: string; status: S; by: Actor }
  | { type: 'reply'; at: string; text: string; by: Actor }

/**
 * Status changes and replies in the order they happened. A change made together with a reply
 * shows the new status first, as the e-mail about it does.
 */
export function historyOf<S extends string>(complaint: {
  statusHistory: { status: S; at: string; by: Actor }[]
  replies: { at: string; text: string; by: Actor }[]
}): HistoryEntry<S>[] {
  const entries: HistoryEntry<S>[] = [
    ...complaint.statusHistory.map((h) => ({ type: 'status' as const, ...h })),
    ...complaint.replies.map((r) => ({ type: 'reply' as const, ...r })),
  ]
  // Array.prototype.sort is stable: equal moments keep statuses before replies.
  return entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
}
