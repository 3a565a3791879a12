/** The staff console's reads: the triage queue with live targets, and the people and teams to assign to. */
import { createHash } from 'node:crypto'
import { inQueue, queueOrder, type QueueFilter, type QueueItem } from '../domain/queue.ts'
import type { Incident, Staff } from '../domain/records.ts'
import type { Deps } from '../deps.ts'
import { queuePolicy } from '../policies/queue.ts'
import { presentIncident } from '../present/incident.ts'
import { extraWindowsOf } from './extra-windows.ts'

/** The queue's filters as the query gives them; each one left out filters nothing (status: the open ones). */
export interface QueueRequest {
  team?: string | undefined
  mine?: '1' | undefined
  status?: Incident['status'][] | undefined
  priority?: number[] | undefined
  kind?: Incident['kind'][] | undefined
  productArea?: string | undefined
  organisationId?: string | undefined
  due?: 'breached' | 'soon' | undefined
}

/** Why a queue is not shown: a team the desk does not have, or one the staff member may not see. */
export type QueueRefusal = { refused: 'unknown_team'; teams: string[] } | { refused: 'team_not_allowed' }

/** The incidents of a queue, in queue order, each with its live target. */
export type QueueRow = QueueItem & { presented: ReturnType<typeof presentIncident> }

/** A queue as of `asOf`, the teams the staff member may see, and a tag that changes whenever a row would. */
export interface Queue { asOf: Date; teams: string[]; rows: QueueRow[]; etag: string }

/** The queue `staff` asked for, ordered: new first, then by due time. */
export async function staffQueue(deps: Pick<Deps, 'store' | 'desk' | 'calendar' | 'clock'>, staff: Staff, query: QueueRequest): Promise<Queue | QueueRefusal> {
  const allTeams = deps.desk.teams.map((t) => t.key)
  const teams = queuePolicy.teamsOf(staff, allTeams)
  if (query.team && !allTeams.includes(query.team)) return { refused: 'unknown_team', teams: allTeams }
  if (query.team && !queuePolicy.mayViewTeam(staff, query.team, allTeams)) return { refused: 'team_not_allowed' }
  const filter: QueueFilter = {
    ...(query.team ? { team: query.team } : {}), isMine: query.mine === '1',
    ...(query.status ? { status: query.status } : { status: ['new', 'in_progress', 'waiting_for_customer'] }),
    ...(query.priority ? { priority: query.priority } : {}), ...(query.kind ? { kind: query.kind } : {}),
    ...(query.productArea ? { productArea: query.productArea } : {}), ...(query.organisationId ? { organisationId: query.organisationId } : {}),
    ...(query.due ? { due: query.due } : {}),
  }
  const now = deps.clock()
  const windows = await extraWindowsOf(deps.store)
  const rows: QueueRow[] = (await deps.store.incidents.list(filter.status ? { status: filter.status } : {}))
    .map((incident) => {
      const presented = presentIncident(incident, deps, now, windows)
      return { incident, sla: presented.sla, presented }
    })
    .filter((item) => inQueue(item, staff, teams, filter))
    .sort(queueOrder)
  const etag = `"${createHash('sha256').update(rows.map((i) => `${i.incident.id}:${i.incident.version}:${i.sla?.isBreached}:${i.sla?.remainingBusinessMinutes}`).join('|')).digest('base64url').slice(0, 27)}"`
  return { asOf: now, teams, rows, etag }
}

/** Active staff by name, and the desk's teams: whom an incident can be assigned to. */
export async function staffPeople(deps: Pick<Deps, 'store' | 'desk'>) {
  const people = (await deps.store.staff.list()).filter((s) => s.isActive)
  return { people, teams: deps.desk.teams }
}
