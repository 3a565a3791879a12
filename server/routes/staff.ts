/** The staff console's reads: the triage queue with live targets, and the people and teams to assign to. */
import { Hono } from 'hono'
import type { Deps } from '../deps.ts'
import { describe, jsonReply } from '../http/describe.ts'
import { MESSAGES, apiError } from '../http/errors.ts'
import { queryOf } from '../middleware/json-body/index.ts'
import { type SessionEnv, requireStaff } from '../middleware/session/index.ts'
import { PeopleReply, QueueReply, presentPeople, presentQueue } from '../present/staff.ts'
import { QueuePageQuery, staffPeople, staffQueue } from '../services/staff-queue.ts'

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
    .get('/queue', describe('getQueue', 'Console', 'A page of the open incidents of the caller\'s teams, new first, then by due time, with targets as of now (staff)', {
      200: { ...jsonReply('The queue.', QueueReply), headers: { ETag: { description: 'The queue\'s version, for `If-None-Match`.', schema: { type: 'string' } } } }, 304: { description: 'Unchanged since the `ETag` sent in `If-None-Match`.' },
    }, { refuses: { team_not_allowed: [403, MESSAGES.teamNotAllowed] } }), queryOf(QueuePageQuery), async (c) => {
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
    .get('/people', describe('listPeople', 'Console', 'The active staff and the teams, to assign to (staff)', { 200: PeopleReply }), async (c) => c.json(presentPeople(await staffPeople(deps))))
