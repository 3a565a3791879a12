/** The complaints queue's order, as both stores keep it: open ones first, the earliest due at the top; resolved ones after, newest first. */
import type { Complaint } from '../domain/records.ts'
import type { SortKey } from './cursor.ts'

/**
 * A complaint's place in the queue: [rank, due, n], compared ascending. Open ones (rank 0) by due
 * time, an opinion (no due time: '~', after every instant) last, then by number; resolved ones
 * (rank 1) newest first (the number negated).
 * @example complaintQueueKeyOf({ status: 'received', dueAt: '2026-12-01T09:00:00.000Z', number: 'K10001', … }) // [0, '2026-12-01T09:00:00.000Z', 10001]
 */
export function complaintQueueKeyOf(complaint: Pick<Complaint, 'status' | 'dueAt' | 'number'>): SortKey {
  const n = Number(complaint.number.slice(1))
  return complaint.status === 'resolved' ? [1, '', -n] : [0, complaint.dueAt ?? '~', n]
}
