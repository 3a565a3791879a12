/** Signals for Customer Care: organisations that contact support often, and the follow-ups recorded for them. */
import { Hono, type MiddlewareHandler } from 'hono'
import { z } from 'zod'
import { FollowUpInput } from '../domain/signals.ts'
import type { Deps } from '../deps.ts'
import { describe, queryParameters } from '../http/describe.ts'
import { MESSAGES, apiError } from '../http/errors.ts'
import { jsonBody, requireJson } from '../middleware/json-body/index.ts'
import { type SessionEnv, type StaffEnv, requireStaff } from '../middleware/session/index.ts'
import { signalsPolicy } from '../policies/signals.ts'
import { FollowUpReply, SignalsReply, presentFollowUps, presentSignals } from '../present/signals.ts'
import { addFollowUp, listSignals } from '../services/signals.ts'

const ROLE_NOT_ALLOWED = { role_not_allowed: [403, MESSAGES.roleNotAllowed] } as const

/** After requireStaff: 403 for an agent, before anything reads the body. */
const customerCareOnly: MiddlewareHandler<StaffEnv> = async (c, next) => {
  if (!signalsPolicy.maySee(c.var.staff)) return apiError(c, 403, 'role_not_allowed', MESSAGES.roleNotAllowed)
  await next()
}

export const signals = (deps: Deps) =>
  new Hono<SessionEnv>()
    .get('/', describe('listSignals', 'Signals', 'Organisations whose contact moments reach a threshold of desk.yaml, with their follow-ups (Customer Care)', { 200: SignalsReply }, {
      parameters: queryParameters({ all: '`1`: every organisation, the flagged ones first.' }), refuses: ROLE_NOT_ALLOWED,
    }), requireStaff, customerCareOnly, async (c) => {
      const listed = await listSignals(deps, { isAll: c.req.query('all') === '1' })
      c.header('Cache-Control', 'private, no-store')
      return c.json(await presentSignals(deps, listed))
    })
    .post('/:organisationId/follow-ups', describe('addFollowUp', 'Signals', 'Record a follow-up for an organisation: a course or a visit (Customer Care)', { 201: z.object({ followUp: FollowUpReply }) }, {
      refuses: { ...ROLE_NOT_ALLOWED, not_found: [404, MESSAGES.organisationNotFound] },
    }), requireStaff, customerCareOnly, requireJson, jsonBody(FollowUpInput), async (c) => {
      const followUp = await addFollowUp(deps, c.var.staff, c.req.param('organisationId'), c.req.valid('json'))
      if ('refused' in followUp) return apiError(c, 404, 'not_found', MESSAGES.organisationNotFound)
      const [presented] = await presentFollowUps(deps, [followUp])
      return c.json({ followUp: presented! }, 201)
    })
