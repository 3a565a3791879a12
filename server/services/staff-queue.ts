/** The staff console's reads: the triage queue with live targets, and the people and teams to assign to. */
import { createHash } from 'node:crypto'
import { DUE_SOON_MINUTES, QueueQuery, inQueue, withQueueDueAt, type QueueFilter, type QueueItem } from '../domain/queue.ts'
import { addBusinessTime } from '../domain/sla.ts'
import type { Incident, Staff } from '../domain/records.ts'
import type { Deps } from '../deps.ts'
import { queuePolicy } from '../policies/queue.ts'
import { pageQuery } from '../http/paging.ts'
import { CURSOR_SHAPES } from '../store/cursor.ts'
import { VersionConflictError, type QueueSearch } from '../store/store.ts'
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
  /** Rows per page; default 50. */
  limit?: number | undefined
  /** The `next` of the page before. */
  cursor?: string | undefined
}

/** Why a queue is not shown: a team the desk does not have, or one the staff member may not see. */
export type QueueRefusal = { refused: 'unknown_team'; teams: string[] } | { refused: 'team_not_allowed' }

/** The incidents of a queue, in queue order, each with its live target. */
export type QueueRow = QueueItem & { presented: ReturnType<typeof presentIncident> }

/** A page of a queue as of `asOf`, the teams the staff member may see, where the next page starts, and a tag that changes whenever a row would. */
export interface Queue {
  asOf: Date; teams: string[]; rows: QueueRow[]; next: string | null; total: number | null; etag: string
  /** The ids of the rows with a customer reaction no staff member has opened since. */
  unreadReactions: Set<string>
}

/** The queue's query with a page: its filters, `limit` and `cursor`. @example ?team=finance&limit=50 */
export const QueuePageQuery = QueueQuery.extend(pageQuery(CURSOR_SHAPES.queue))

/** Store pages read at most to fill one page when the due filter leaves rows out. */
const MAX_ROUNDS = 5

/**
 * A page of the queue `staff` asked for: new first, then by due time (the one stored at the last
 * change, so the order pages). Targets are computed for the rows shown only.
 */
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
  const search: QueueSearch = {
    status: filter.status!,
    // A team's queue, or every visible team's with what is assigned to the caller elsewhere.
    ...(filter.team ? { teams: [filter.team] } : { teams, orAssigneeId: staff.id }),
    ...(filter.isMine ? { assigneeId: staff.id } : {}),
    ...(filter.priority ? { priority: filter.priority } : {}), ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.productArea ? { productArea: filter.productArea } : {}), ...(filter.organisationId ? { organisationId: filter.organisationId } : {}),
    // The stored due time is never later than the live one: these bounds keep every row the live filter keeps, which decides.
    ...(filter.due === 'breached' ? { dueBefore: now.toISOString() } : {}),
    ...(filter.due === 'soon' ? { dueBefore: new Date(addBusinessTime(now, DUE_SOON_MINUTES * 60_000, deps.calendar).getTime() + 1).toISOString() } : {}),
  }
  const limit = query.limit ?? 50
  const rows: QueueRow[] = []
  let cursor = query.cursor
  let next: string | null = null
  let total: number | null = null
  const windows = await extraWindowsOf(deps.store)
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const page = await deps.store.incidents.queuePage(search, { limit: limit - rows.length, ...(cursor ? { cursor } : {}) })
    if (round === 0) total = filter.due ? null : page.total
    for (const incident of page.items) {
      const presented = presentIncident(incident, deps, now, windows)
      const item = { incident, sla: presented.sla, presented }
      if (inQueue(item, staff, teams, filter)) rows.push(item)
    }
    next = page.next
    if (rows.length >= limit || !next) break
    cursor = next
  }
  const unreadReactions = new Set(await deps.store.unreadReactions.among(rows.map((i) => i.incident.id)))
  const etag = `"${createHash('sha256').update([next, total, ...rows.map((i) => `${i.incident.id}:${i.incident.version}:${i.sla?.isBreached}:${i.sla?.remainingBusinessMinutes}:${unreadReactions.has(i.incident.id)}`)].join('|')).digest('base64url').slice(0, 27)}"`
  return { asOf: now, teams, rows, next, total, etag, unreadReactions }
}

/**
 * Gives the open incidents stored before the queue kept its order's due time (triaged, with a
 * priority, without `queueDueAt`) that due time, so they take their place in the queue. A change
 * like any other (the version rises); one another process made first is left to it. Run at start:
 * once done it only reads the open incidents. Returns how many it filled.
 */
export async function fillQueueDueTimes(deps: Pick<Deps, 'store' | 'desk' | 'calendar' | 'clock'>): Promise<number> {
  const now = deps.clock()
  const windows = await extraWindowsOf(deps.store)
  let filled = 0
  let cursor: string | undefined
  do {
    const page = await deps.store.incidents.queuePage({ status: ['new', 'in_progress', 'waiting_for_customer'] }, { limit: 200, ...(cursor ? { cursor } : {}) })
    for (const incident of page.items) {
      if (incident.queueDueAt !== undefined || incident.priority === null) continue
      try {
        await deps.store.incidents.update(incident.id, incident.version, (current) => withQueueDueAt(current, deps, now, windows))
        filled++
      } catch (error) {
        if (!(error instanceof VersionConflictError)) throw error
      }
    }
    cursor = page.next ?? undefined
  } while (cursor)
  return filled
}

/** Active staff by name, and the desk's teams: whom an incident can be assigned to. */
export async function staffPeople(deps: Pick<Deps, 'store' | 'desk'>) {
  const people = (await deps.store.staff.list()).filter((s) => s.isActive)
  return { people, teams: deps.desk.teams }
}
