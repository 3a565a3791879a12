/** The complaints desk's pure parts: filters ⇄ query string, the due time in words, the history in order, the statuses a complaint may move to. */
import { COMPLAINT_TRANSITIONS } from '#domain/transitions.ts'
import { format } from '#lib/format.ts'
import type { StaffStrings } from '../../i18n/index.ts'
import { duration } from './queue-view.ts'

export const COMPLAINT_STATUSES = ['received', 'in_progress', 'resolved'] as const
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number]
/** What the status filter offers: every open one (the default), one status, or all. */
export type StatusChoice = 'open' | ComplaintStatus | 'all'
/** What the handler filter offers: anyone's (the default), the viewer's own, or nobody's yet. */
export type AssigneeChoice = 'me' | 'none'

/** The console's complaint filters; each left out is its default. */
export interface ComplaintFilters {
  status?: Exclude<StatusChoice, 'open'>
  assignee?: AssigneeChoice
}

const STATUS_KEYS = { received: 'received', in_progress: 'inProgress', resolved: 'resolved' } as const

/** A status's name in the console. */
export function complaintStatusName(strings: StaffStrings, status: ComplaintStatus): string {
  return strings[`complaints.status.${STATUS_KEYS[status]}`]
}

/**
 * The filters a page's query string holds; anything unknown is left out.
 * @example readComplaintFilters('?status=resolved&assignee=me') → { status: 'resolved', assignee: 'me' }
 */
export function readComplaintFilters(search: string): ComplaintFilters {
  const query = new URLSearchParams(search)
  const status = query.get('status')
  const assignee = query.get('assignee')
  return {
    ...(status === 'all' || (COMPLAINT_STATUSES as readonly string[]).includes(status ?? '') ? { status: status as ComplaintFilters['status'] } : {}),
    ...(assignee === 'me' || assignee === 'none' ? { assignee } : {}),
  }
}

/** The page's query string of `filters`, without "?", in a fixed order. @example writeComplaintFilters({ assignee: 'me' }) === 'assignee=me' */
export function writeComplaintFilters(filters: ComplaintFilters): string {
  const query = new URLSearchParams()
  if (filters.status) query.set('status', filters.status)
  if (filters.assignee) query.set('assignee', filters.assignee)
  return query.toString()
}

/** The API's query for `filters`: no status means the open ones, "all" means no status filter. */
export function complaintQuery(filters: ComplaintFilters): { status?: string; assignee?: string } {
  const status = filters.status === 'all' ? undefined : filters.status ?? 'received,in_progress'
  return { ...(status ? { status } : {}), ...(filters.assignee ? { assignee: filters.assignee } : {}) }
}

/** What the console knows of a complaint's target, as the API tells it. */
export interface ComplaintTarget {
  dueAt: string | null
  respondedAt: string | null
  isBreached: boolean
  isNearing: boolean
  remainingBusinessMinutes: number | null
}

/** none: an opinion; answered: the first response came; ok; nearing: within the lead time; breached: past it without a response. */
export type ComplaintUrgency = 'none' | 'answered' | 'ok' | 'nearing' | 'breached'

export function complaintUrgency(target: ComplaintTarget): ComplaintUrgency {
  if (!target.dueAt) return 'none'
  if (target.respondedAt || target.remainingBusinessMinutes === null) return target.isBreached ? 'breached' : 'answered'
  if (target.isBreached) return 'breached'
  return target.isNearing ? 'nearing' : 'ok'
}

/**
 * The response target in words: the business time left, nearing, or overdue.
 * @example dueText(strings_nl, { remainingBusinessMinutes: 90, isNearing: true, … }) === 'bijna over tijd: nog 1 u 30 min'
 */
export function dueText(strings: StaffStrings, target: ComplaintTarget): string {
  const urgency = complaintUrgency(target)
  if (urgency === 'none') return strings['complaints.noTarget']
  if (urgency === 'answered' || target.remainingBusinessMinutes === null) return strings['complaints.answered']
  const time = duration(strings, target.remainingBusinessMinutes)
  if (urgency === 'breached') return format(strings['complaints.overdue'], { time })
  return format(strings[urgency === 'nearing' ? 'complaints.nearing' : 'complaints.remaining'], { time })
}

interface Actor {
  kind: 'contact' | 'staff' | 'system'
  name: string
}
export type ComplaintHistoryEntry =
  | { type: 'status'; at: string; status: ComplaintStatus; by: Actor }
  | { type: 'reply' | 'note'; at: string; text: string; by: Actor }
  | { type: 'assignment'; at: string; assignee: { name: string } | null; by: Actor }

/** Status changes, replies, internal notes and assignments in the order they happened; at the same moment in that order. */
export function complaintHistory(complaint: {
  statusHistory: { status: ComplaintStatus; at: string; by: Actor }[]
  replies: { at: string; text: string; by: Actor }[]
  notes: { at: string; text: string; by: Actor }[]
  assignments?: { at: string; assignee: { name: string } | null; by: Actor }[]
}): ComplaintHistoryEntry[] {
  const entries: ComplaintHistoryEntry[] = [
    ...complaint.statusHistory.map((h) => ({ type: 'status' as const, ...h })),
    ...complaint.replies.map((r) => ({ type: 'reply' as const, ...r })),
    ...complaint.notes.map((n) => ({ type: 'note' as const, ...n })),
    ...(complaint.assignments ?? []).map((a) => ({ type: 'assignment' as const, ...a })),
  ]
  // Array.prototype.sort is stable: equal moments keep the order above.
  return entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
}

/** The statuses support may move a complaint in `status` to. */
export function nextStatuses(status: ComplaintStatus): readonly ComplaintStatus[] {
  return COMPLAINT_TRANSITIONS[status]
}
