/** Exceptional busyness: the desk notice an admin sets and clears, and the one running now, for the KB, widget, portal and registration mail. */
import { randomUUID } from 'node:crypto'
import { isNoticeRunning, newDeskNotice, noticeTimeIssues, type DeskNotice, type DeskNoticeInput } from '../domain/desk-notice.ts'
import type { Staff } from '../domain/records.ts'
import type { Deps } from '../deps.ts'
import { refusal, type Outcome } from './result.ts'

/** Every refusal of the notice's use cases. */
export type DeskNoticeRefusal = 'invalid_input' | 'role_not_allowed'

type NoticeDeps = Pick<Deps, 'store' | 'clock'>

/** Only support's admins speak for the whole desk. */
export const mayManageNotice = (staff: Pick<Staff, 'role'>) => staff.role === 'admin'

/** The notice showing now, if any: one that has not started or has ended shows nowhere. */
export async function runningNotice(deps: NoticeDeps): Promise<DeskNotice | undefined> {
  const notice = await deps.store.deskNotice.get()
  return isNoticeRunning(notice, deps.clock()) ? notice : undefined
}

/** The stored notice, for the admin: also one still to start or already ended. */
export async function storedNotice(deps: NoticeDeps): Promise<DeskNotice | undefined> {
  return deps.store.deskNotice.get()
}

/** Sets (or replaces) the notice: an admin only, until a moment in the future. */
export async function setNotice(deps: NoticeDeps, staff: Staff, input: DeskNoticeInput): Promise<Outcome<{ notice: DeskNotice }, DeskNoticeRefusal>> {
  if (!mayManageNotice(staff)) return refusal('role_not_allowed')
  const now = deps.clock()
  const issues = noticeTimeIssues(input, now)
  if (issues.length) return refusal('invalid_input', issues)
  const notice = newDeskNotice(input, { by: `staff:${staff.id}`, now })
  await deps.store.deskNotice.put(notice)
  await deps.store.audit.append({ id: randomUUID(), at: now.toISOString(), actor: notice.setBy, action: 'desk.notice_set', target: 'desk:notice', details: { startsAt: notice.startsAt, endsAt: notice.endsAt } })
  return { notice }
}

/** Clears the notice before its end: an admin only; clearing none is no error. */
export async function clearNotice(deps: NoticeDeps, staff: Staff): Promise<Outcome<{ isCleared: true }, DeskNoticeRefusal>> {
  if (!mayManageNotice(staff)) return refusal('role_not_allowed')
  if (await deps.store.deskNotice.get()) {
    await deps.store.deskNotice.clear()
    await deps.store.audit.append({ id: randomUUID(), at: deps.clock().toISOString(), actor: `staff:${staff.id}`, action: 'desk.notice_cleared', target: 'desk:notice' })
  }
  return { isCleared: true }
}
