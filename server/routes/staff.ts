/** The staff console's reads: the triage queue with live targets, and the people and teams to assign to. */
import { createHash } from 'node:crypto'
import { Hono } from 'hono'
import { z } from 'zod'
import { INCIDENT_KINDS } from '../domain/desk.ts'
import { inQueue, queueOrder, visibleTeams, type QueueFilter, type QueueItem } from '../domain/queue.ts'
import { INCIDENT_STATUSES } from '../domain/records.ts'
import type { Deps } from '../deps.ts'
import { MESSAGES, apiError, fieldsOf } from '../http/errors.ts'
import { type SessionEnv, requireStaff } from '../middleware/session/index.ts'
import { extraWindowsOf, presentIncident } from './present.ts'

const list = <T extends string>(values: readonly T[]) =>
  z.string().max(200).transform((s) => s.split(',').filter(Boolean)).pipe(z.array(z.enum(values)))

/** The queue's query string; every filter is optional. @example ?team=finance&status=new,in_progress&due=soon */
export const QueueQuery = z.strictObject({
  team: z.string().max(40).optional(),
  mine: z.enum(['1']).optional(),
  status: list(INCIDENT_STATUSES).optional(),
  priority: z.string().max(20).regex(/^[1-5](,[1-5])*$/, { error: 'priorities 1 to 5, comma-separated' }).transform((s) => s.split(',').map(Number)).optional(),
  kind: list(INCIDENT_KINDS).optional(),
  productArea: z.string().max(40).optional(),
  organisationId: z.string().max(60).optional(),
  due: z.enum(['breached', 'soon']).optional(),
})

/**
 * Whether `If-None-Match` names `etag`: a list of tags, compared weakly (RFC 9110), since the
 * app's compression marks the tags of compressed replies weak (W/"…").
 */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false
  const strip = (tag: string) => tag.trim().replace(/^W\//, '')
  return header.split(',').some((tag) => strip(tag) === '*' || strip(tag) === strip(etag))
}

export const staff = (deps: Deps) =>
  new Hono<SessionEnv>()
    .use('*', requireStaff)
    .get('/queue', async (c) => {
      const viewer = c.get('viewer')
      if (viewer.kind !== 'staff') throw new Error('unreachable: requireStaff')
      const parsed = QueueQuery.safeParse(c.req.query())
      if (!parsed.success) return apiError(c, 400, 'invalid_input', MESSAGES.invalidInput, fieldsOf(parsed.error))
      const query = parsed.data
      const allTeams = deps.desk.teams.map((t) => t.key)
      const teams = visibleTeams(viewer.staff, allTeams)
      if (query.team && !allTeams.includes(query.team)) {
        return apiError(c, 400, 'invalid_input', MESSAGES.invalidInput, [{ path: 'team', message: `unknown team; one of: ${allTeams.join(', ')}` }])
      }
      if (query.team && !teams.includes(query.team)) return apiError(c, 403, 'team_not_allowed', MESSAGES.teamNotAllowed)
      const filter: QueueFilter = {
        ...(query.team ? { team: query.team } : {}), isMine: query.mine === '1',
        ...(query.status ? { status: query.status } : { status: ['new', 'in_progress', 'waiting_for_customer'] }),
        ...(query.priority ? { priority: query.priority } : {}), ...(query.kind ? { kind: query.kind } : {}),
        ...(query.productArea ? { productArea: query.productArea } : {}), ...(query.organisationId ? { organisationId: query.organisationId } : {}),
        ...(query.due ? { due: query.due } : {}),
      }
      const now = deps.clock()
      const windows = await extraWindowsOf(deps.store)
      const items: (QueueItem & { presented: ReturnType<typeof presentIncident> })[] = (await deps.store.incidents.list(filter.status ? { status: filter.status } : {}))
        .map((incident) => {
          const presented = presentIncident(incident, deps, now, windows)
          return { incident, sla: presented.sla, presented }
        })
        .filter((item) => inQueue(item, viewer.staff, teams, filter))
        .sort(queueOrder)
      // The console asks every few seconds: an unchanged queue costs a 304 and no body.
      const etag = `"${createHash('sha256').update(items.map((i) => `${i.incident.id}:${i.incident.version}:${i.sla?.isBreached}:${i.sla?.remainingBusinessMinutes}`).join('|')).digest('base64url').slice(0, 27)}"`
      c.header('ETag', etag)
      c.header('Cache-Control', 'private, no-cache')
      if (matchesEtag(c.req.header('if-none-match'), etag)) return c.body(null, 304)
      const [organisations, people, contacts] = await Promise.all([
        deps.store.organisations.list(), deps.store.staff.list(),
        Promise.all([...new Set(items.map((i) => i.incident.contactId))].map((id) => deps.store.contacts.get(id))),
      ])
      const organisationOf = new Map(organisations.map((o) => [o.id, { id: o.id, name: o.name, isFirstClass: o.isFirstClass }]))
      const staffName = new Map(people.map((p) => [p.id, p.name]))
      const contactName = new Map(contacts.flatMap((x) => (x ? [[x.id, x.name] as const] : [])))
      return c.json({
        asOf: now.toISOString(),
        teams,
        incidents: items.map(({ presented: { description: _d, statusHistory: _h, kbArticles: _a, ...row } }) => ({
          ...row,
          organisation: organisationOf.get(row.organisationId) ?? null,
          contactName: contactName.get(row.contactId) ?? null,
          assigneeName: row.assigneeId ? staffName.get(row.assigneeId) ?? null : null,
        })),
      })
    })
    .get('/people', async (c) => {
      const people = (await deps.store.staff.list()).filter((s) => s.isActive)
      return c.json({
        staff: people.map(({ id, name, teams, role, extension }) => ({ id, name, teams, role, extension: extension ?? null })).sort((a, b) => a.name.localeCompare(b.name, 'nl')),
        teams: deps.desk.teams.map(({ key, name }) => ({ key, name })),
      })
    })
