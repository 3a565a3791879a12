/** The staff console's reads: the triage queue with live targets, and the people and teams to assign to. */
import { Hono } from 'hono'
import { z } from 'zod'
import { INCIDENT_KINDS } from '../domain/desk.ts'
import { INCIDENT_STATUSES } from '../domain/records.ts'
import type { Deps } from '../deps.ts'
import { MESSAGES, apiError } from '../http/errors.ts'
import { queryOf } from '../middleware/json-body/index.ts'
import { type SessionEnv, requireStaff } from '../middleware/session/index.ts'
import { presentPeople, presentQueue } from '../present/staff.ts'
import { staffPeople, staffQueue } from '../services/staff-queue.ts'

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
    .get('/queue', queryOf(QueueQuery), async (c) => {
      const queue = await staffQueue(deps, c.var.staff, c.req.valid('query'))
      if ('refused' in queue) {
        return queue.refused === 'unknown_team'
          ? apiError(c, 400, 'invalid_input', MESSAGES.invalidInput, [{ path: 'team', message: `unknown team; one of: ${queue.teams.join(', ')}` }])
          : apiError(c, 403, 'team_not_allowed', MESSAGES.teamNotAllowed)
      }
      // The console asks every few seconds: an unchanged queue costs a 304 and no body.
      c.header('ETag', queue.etag)
      c.header('Cache-Control', 'private, no-cache')
      if (matchesEtag(c.req.header('if-none-match'), queue.etag)) return c.body(null, 304)
      return c.json(await presentQueue(deps, queue))
    })
    .get('/people', async (c) => c.json(presentPeople(await staffPeople(deps))))
