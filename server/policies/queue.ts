/** Whose queue a staff member may see: an agent their own teams', customer care and admins every team's. */
import { visibleTeams } from '../domain/queue.ts'
import type { Staff } from '../domain/records.ts'

export const queuePolicy = {
  /** The teams whose queues `staff` may see, of the desk's `allTeams`. */
  teamsOf: (staff: Pick<Staff, 'role' | 'teams'>, allTeams: string[]): string[] => visibleTeams(staff, allTeams),

  /** Whether `staff` is told of a change to an incident: one that is, or was, in a queue they may see or assigned to them. */
  mayHear: (staff: Pick<Staff, 'id' | 'role' | 'teams'>, change: { teams: string[]; assigneeIds: string[] }, allTeams: string[]): boolean => {
    const teams = visibleTeams(staff, allTeams)
    return change.teams.some((team) => teams.includes(team)) || change.assigneeIds.includes(staff.id)
  },

  /** Whether `staff` may see the queue of `team`. */
  mayViewTeam: (staff: Pick<Staff, 'role' | 'teams'>, team: string, allTeams: string[]): boolean => visibleTeams(staff, allTeams).includes(team),
}
