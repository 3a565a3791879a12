/** Who may use and who may manage saved replies: staff use their teams' and the general ones; admins manage (and may use) every one. */
import type { SavedReply, Staff } from '../domain/records.ts'

export const savedReplyPolicy = {
  /** Creating, changing and removing them: console admins only. */
  mayManage: (staff: Pick<Staff, 'role'>): boolean => staff.role === 'admin',

  /**
   * Inserting one into a reply (and seeing it listed): a general one (no team) or one of the
   * staff member's teams; an admin every one, as they manage them. Any other reads as not there.
   */
  mayUse: (staff: Pick<Staff, 'role' | 'teams'>, reply: Pick<SavedReply, 'team'>): boolean =>
    reply.team === null || staff.teams.includes(reply.team) || savedReplyPolicy.mayManage(staff),
}
