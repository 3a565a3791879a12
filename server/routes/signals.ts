/** Signals for Customer Care: organisations that contact support often, and the follow-ups recorded for them. */
import { Hono, type MiddlewareHandler } from 'hono'
import { z } from 'zod'
import { FollowUpInput } from '../domain/signals.ts'
import type { Deps } from '../deps.ts'
import { describe, errorExample, errorReply, issuesOf, jsonReply, refusal, type RouteDescription } from '../http/describe.ts'
import { MESSAGES, apiError } from '../http/errors.ts'
import { jsonBody, requireJson } from '../middleware/json-body/index.ts'
import { type SessionEnv, type StaffEnv, requireStaff } from '../middleware/session/index.ts'
import { signalsPolicy } from '../policies/signals.ts'
import { named } from '../http/examples.ts'
import { REQUEST_EXAMPLES } from '../openapi.ts'
import { FollowUpReply, SignalsReply, presentFollowUps, presentSignals } from '../present/signals.ts'
import { addFollowUp, listSignals } from '../services/signals.ts'

const ROLE_NOT_ALLOWED = { roleNotAllowed: { summary: 'Signed in as an agent', value: errorExample('role_not_allowed', 'roleNotAllowed') } }

/** After requireStaff: 403 for an agent, before anything reads the body. */
const customerCareOnly: MiddlewareHandler<StaffEnv> = async (c, next) => {
  if (!signalsPolicy.maySee(c.var.staff)) return apiError(c, 403, 'role_not_allowed', MESSAGES.roleNotAllowed)
  await next()
}

const LIST: RouteDescription = {
  operationId: 'listSignals', tags: ['Signals'], summary: 'Organisations that contact support often, with their follow-ups (Customer Care)',
  description: 'Customer Care and admins only: organisations whose contact moments (incidents, customer reactions, logged calls) in the last `windowDays` days reach a threshold of desk.yaml, computed afresh; `all=1` lists every organisation, flagged ones first.',
  security: [{ cookieAuth: [] }],
  parameters: [{ name: 'all', in: 'query', description: '`1` to list every organisation, the flagged ones first; anything else: the flagged ones only.', schema: { type: 'string', enum: ['1'] }, example: '1' }],
  responses: {
    200: {
      ...jsonReply('The window, the thresholds and the organisations.', SignalsReply, {
        flagged: { summary: 'Ruud de Boer on Monday morning: De Vries Installatietechniek asked 9 questions in 30 days', value: named('signalsFlagged') },
        all: { summary: '?all=1: the others too, after the flagged one', value: named('signalsAll') },
      }),
      headers: { 'Cache-Control': { $ref: '#/components/headers/NoStore' } },
    },
    403: errorReply('Signed in as an agent: for Customer Care and admins only.', ROLE_NOT_ALLOWED),
  },
}

const ADD_FOLLOW_UP: RouteDescription = {
  operationId: 'addFollowUp', tags: ['Signals'], summary: 'Record a follow-up for an organisation: a course or a visit (Customer Care)',
  description: 'Customer Care and admins only; an agent gets 403 `role_not_allowed`. Records what was done or agreed about an organisation that contacts support often: a course, a visit by an advisor or by a consultant, on a day past or to come, with a note. It is listed with the organisation in the signals, newest first, with who recorded it, and written to the audit log. Nothing is mailed. Any organisation may get one, flagged or not; the body is checked before the organisation, so an invalid body gets 400 first.',
  security: [{ cookieAuth: [] }],
  parameters: [{ $ref: '#/components/parameters/OrganisationId' }],
  requestExamples: { advisorVisit: REQUEST_EXAMPLES.followUp },
  responses: {
    201: jsonReply('Recorded.', z.object({ followUp: FollowUpReply }), { recorded: { summary: 'Ruud de Boer sends an advisor', value: { followUp: named('followUp') } } }),
    400: refusal('Not valid, or not JSON; nothing is recorded.', { fields: ['invalid_input', 'invalidInput', 'A kind that does not exist, a date that does not, an empty note and an unknown field', issuesOf(FollowUpInput, { kind: 'lunch', date: '2026-02-30', note: '   ', extra: 1 })] }),
    403: errorReply('Signed in as an agent; nothing is recorded.', ROLE_NOT_ALLOWED),
    404: refusal('No such organisation; nothing is recorded.', { notFound: ['not_found', 'organisationNotFound'] }),
  },
}

export const signals = (deps: Deps) =>
  new Hono<SessionEnv>()
    .get('/', describe(LIST), requireStaff, customerCareOnly, async (c) => {
      const listed = await listSignals(deps, { isAll: c.req.query('all') === '1' })
      c.header('Cache-Control', 'private, no-store')
      return c.json(await presentSignals(deps, listed))
    })
    .post('/:organisationId/follow-ups', describe(ADD_FOLLOW_UP), requireStaff, customerCareOnly, requireJson, jsonBody(FollowUpInput), async (c) => {
      const followUp = await addFollowUp(deps, c.var.staff, c.req.param('organisationId'), c.req.valid('json'))
      if ('refused' in followUp) return apiError(c, 404, 'not_found', MESSAGES.organisationNotFound)
      const [presented] = await presentFollowUps(deps, [followUp])
      return c.json({ followUp: presented! }, 201)
    })
