/** Whose queue a staff member may see: an agent their own teams', customer care and admins every team's. */
import { visibleTeams } from '../domain/queue.ts'
import type { Staff } from '../domain/records.ts'

export const queuePolicy = {
  /** The teams whose queues `staff` may see, of the desk's `allTeams`. */
  teamsOf: (staff: Pick<Staff, 'role' | 'teams'>, allTeams: string[]): string[] => visibleTeams(staff, allTeams),

  /** Whether `staff` may see the queue of `team`. */
  mayViewTeam: (staff: Pick<Staff, 'role' | 'teams'>, team: string, allTeams: string[]): boolean => visibleTeams(staff, allTeams).includes(team),
}
