/** Extra support outside business hours: an authorised contact asks for a window, staff approve or decline it. */
import { Hono } from 'hono'
import { z } from 'zod'
import { DecisionInput, EXTRA_SUPPORT_MAX_HOURS, EXTRA_SUPPORT_NOTICE_DAYS, ExtraSupportInput } from '../domain/consent.ts'
import type { Deps } from '../deps.ts'
import { describe, errorExample, errorReply, issuesOf, jsonReply, refusal, sharedReply, type RouteDescription } from '../http/describe.ts'
import { named } from '../http/examples.ts'
import { jsonBody, requireJson } from '../middleware/json-body/index.ts'
import { privateNoStore } from '../middleware/no-store/index.ts'
import { requireStaff, type SessionEnv } from '../middleware/session/index.ts'
import { REQUEST_EXAMPLES, extraSupportInput } from '../openapi.ts'
import { ExtraSupportReply, presentConsent } from '../present/consent.ts'
import { refusalReply } from '../present/consent-refusal.ts'
import { isRefused } from '../services/result.ts'
import { decideExtraSupport, requestExtraSupport } from '../services/extra-support.ts'

const SECURITY = [{ cookieAuth: [] }]
const Reply = z.object({ extraSupport: ExtraSupportReply })

const REQUEST: RouteDescription = {
  operationId: 'requestExtraSupport', tags: ['Consent'], summary: 'Ask for support outside business hours, for one window (contacts)',
  description: `An authorised contact of the organisation asks for a window outside the regular hours, such as a year-end close on a Saturday, at least ${EXTRA_SUPPORT_NOTICE_DAYS} days before it starts: earlier is 422 \`too_soon\`, whose message and \`earliestStart\` name the earliest start allowed now. One request covers at most ${EXTRA_SUPPORT_MAX_HOURS} hours, and not a window wholly inside business hours. \`isBilled\`: billed afterwards (nacalculatie), always except for First Class organisations. Staff approve or decline; an approved window counts as business time for the organisation's incidents, so a prio 1 incident registered inside it is due 4 business hours later, inside the window.`,
  security: SECURITY,
  requestExamples: { yearEnd: REQUEST_EXAMPLES.extraSupport },
  responses: {
    201: jsonReply('Requested.', Reply, { requested: { value: { extraSupport: named('extraSupport') } } }),
    400: refusal('Not valid: an end before the start, say.', { order: ['invalid_input', 'invalidInput', undefined, issuesOf(ExtraSupportInput, { ...extraSupportInput, endsAt: '2027-01-02T08:00:00+01:00' })] }),
    401: sharedReply('SignInRequired'),
    403: refusal('Signed in as staff, or not authorised.', { contactsOnly: ['contacts_only', 'contactsOnly', 'Signed in as staff'], notAuthorised: ['not_authorised', 'notAuthorised'] }),
    422: errorReply('Too soon, too long, or wholly within business hours.', {
      tooSoon: {
        summary: 'On Monday 30 November 2026 at 10:00, for Thursday 3 December',
        value: {
          code: 'too_soon', message: 'Extra ondersteuning vraagt u minstens 5 dagen van tevoren aan. De vroegste start die u nu kunt aanvragen is zaterdag 5 december om 10:00.',
          fields: [{ path: 'startsAt', message: 'at or after 2026-12-05T09:00:00.000Z' }], earliestStart: '2026-12-05T09:00:00.000Z',
        },
      },
      tooLong: { value: errorExample('window_too_long', 'extraSupportTooLong', [{ path: 'endsAt', message: 'at most 72 hours after startsAt' }]) },
      withinHours: { value: errorExample('within_business_hours', 'extraSupportWithinHours', [{ path: 'startsAt', message: 'the window lies wholly within business hours' }]) },
    }),
  },
}

const DECIDE: RouteDescription = {
  operationId: 'decideExtraSupport', tags: ['Consent'], summary: 'Approve or decline an extra-support request (staff)',
  description: 'Staff only, against the `version` seen; only a requested one is decided. The contact who asked is mailed the decision, with whether it will be billed. An approved window is business time for the organisation\'s incidents from then on.',
  security: SECURITY, parameters: [{ $ref: '#/components/parameters/ExtraSupportId' }],
  requestExamples: { approve: REQUEST_EXAMPLES.approveExtraSupport },
  responses: {
    200: jsonReply('Decided.', Reply, { approved: { value: { extraSupport: named('extraSupport', { status: 'approved', decidedBy: { kind: 'staff', name: 'Ingrid Postma' }, decidedAt: '2026-11-30T11:00:00.000Z', decisionNote: 'Daan Mulder is die zaterdag bereikbaar.', updatedAt: '2026-11-30T11:00:00.000Z', version: 2 }) } } }),
    404: refusal('No such request.', { notFound: ['not_found', 'consentNotFound'] }),
    409: refusal('Decided already, or changed since `version`.', { moveRefused: ['move_refused', 'moveRefused', undefined, [{ path: 'decision', message: 'the request is approved already' }]] }),
  },
}

export const extraSupport = (deps: Deps) =>
  new Hono<SessionEnv>()
    .use('*', privateNoStore)
    .post('/', describe(REQUEST), requireJson, jsonBody(ExtraSupportInput), async (c) => {
      const request = await requestExtraSupport(deps, c.var.viewer, c.req.valid('json'))
      if (isRefused(request)) return refusalReply(c, request, { deps, viewer: c.var.viewer })
      return c.json({ extraSupport: await presentConsent(deps, request, c.var.viewer) }, 201)
    })
    .post('/:id/decision', describe(DECIDE), requireStaff, requireJson, jsonBody(DecisionInput), async (c) => {
      const request = await decideExtraSupport(deps, c.var.staff, c.req.param('id'), c.req.valid('json'))
      if (isRefused(request)) return refusalReply(c, request, { deps, viewer: c.var.viewer })
      return c.json({ extraSupport: await presentConsent(deps, request, c.var.viewer) })
    })
