/** The staff console's reads: the triage queue with live targets, and the people and teams to assign to. */
import { Hono } from 'hono'
import { QueueQuery } from '../domain/queue.ts'
import type { Deps } from '../deps.ts'
import { describe, issuesOf, jsonReply, refusal, type RouteDescription } from '../http/describe.ts'
import { MESSAGES, apiError } from '../http/errors.ts'
import { queryOf } from '../middleware/json-body/index.ts'
import { type SessionEnv, requireStaff } from '../middleware/session/index.ts'
import { named, peopleExample } from '../http/examples.ts'
import { QUEUE_ETAG } from '../openapi.ts'
import { PeopleReply, QueueReply, presentPeople, presentQueue } from '../present/staff.ts'
import { staffPeople, staffQueue } from '../services/staff-queue.ts'

/**
 * Whether `If-None-Match` names `etag`: a list of tags, compared weakly (RFC 9110), since the
 * app's compression marks the tags of compressed replies weak (W/"…").
 */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false
  const strip = (tag: string) => tag.trim().replace(/^W\//, '')
  return header.split(',').some((tag) => strip(tag) === '*' || strip(tag) === strip(etag))
}

const PRIVATE_NO_CACHE = { description: 'private, no-cache: a browser keeps it only to ask again with `If-None-Match`.', schema: { type: 'string' as const }, example: 'private, no-cache' }

const QUEUE: RouteDescription = {
  operationId: 'getQueue', tags: ['Console'], summary: 'The triage queue, with each incident\'s target as of now (staff)',
  description: 'Staff only: the open incidents of the teams the caller may see (an agent also their own elsewhere), new first, then by due time; unknown parameters are 400. Send the `ETag` back in `If-None-Match`: an unchanged queue answers 304.',
  security: [{ cookieAuth: [] }],
  parameters: [
    { name: 'If-None-Match', in: 'header', description: 'The `ETag` of the last answer, exactly as received: an unchanged queue answers 304 without a body.', schema: { type: 'string' }, example: `"${QUEUE_ETAG}"` },
  ],
  responses: {
    200: {
      headers: { ETag: { $ref: '#/components/headers/QueueETag' }, 'Cache-Control': PRIVATE_NO_CACHE },
      ...jsonReply('The queue, in its order.', QueueReply, {
        lotte: { summary: 'Lotte Smit (first line, finance) on Monday morning: a new question first, then her own incident', value: named('queue') },
      }),
    },
    304: {
      description: 'Nothing changed since the `ETag` sent in `If-None-Match`: no body.',
      headers: { ETag: { $ref: '#/components/headers/QueueETag' }, 'Cache-Control': { ...PRIVATE_NO_CACHE, description: 'private, no-cache' } },
    },
    400: refusal('A parameter is not valid, or unknown; `fields` names it.', { fields: ['invalid_input', 'invalidInput', 'A priority beyond 5 and a due filter that does not exist', issuesOf(QueueQuery, { priority: '7', due: 'later' })], team: ['invalid_input', 'invalidInput', 'A team desk.yaml does not have', [{ path: 'team', message: 'unknown team; one of: first-line, finance, logistics, platform' }]], unknownParameter: ['invalid_input', 'invalidInput', 'A parameter the queue does not take', issuesOf(QueueQuery, { assignee: 's-lotte' })] }),
    403: refusal('An agent asked for a team they are not in.', { teamNotAllowed: ['team_not_allowed', 'teamNotAllowed', 'Lotte Smit (first line, finance) asks for ?team=platform'] }),
  },
}

const PEOPLE: RouteDescription = {
  operationId: 'listPeople', tags: ['Console'], summary: 'The active staff and the teams, to assign to (staff)',
  description: 'Staff only: every active staff member by name, with their teams, role and phone extension, and desk.yaml\'s teams, for the console\'s assignee and team pickers. No e-mail address or password hash.',
  security: [{ cookieAuth: [] }],
  responses: {
    200: jsonReply('The active staff, by name, and the teams in desk.yaml\'s order.', PeopleReply, { demo: { summary: 'The demo desk', value: peopleExample } }),
  },
}

export const staff = (deps: Deps) =>
  new Hono<SessionEnv>()
    .use('*', requireStaff)
    .get('/queue', describe(QUEUE), queryOf(QueueQuery), async (c) => {
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
    .get('/people', describe(PEOPLE), async (c) => c.json(presentPeople(await staffPeople(deps))))
