/** Extra support outside business hours: an authorised contact asks for a window, staff approve or decline it. */
import { Hono } from 'hono'
import { z } from 'zod'
import { DecisionInput, EXTRA_SUPPORT_MAX_HOURS, EXTRA_SUPPORT_NOTICE_DAYS, ExtraSupportInput } from '../domain/consent.ts'
import type { Deps } from '../deps.ts'
import { describe, only } from '../http/describe.ts'
import { jsonBody, requireJson } from '../middleware/json-body/index.ts'
import { privateNoStore } from '../middleware/no-store/index.ts'
import { requireStaff, type SessionEnv } from '../middleware/session/index.ts'
import { ExtraSupportReply, presentConsent } from '../present/consent.ts'
import { CONSENT_REFUSALS, refusalReply } from '../present/consent-refusal.ts'
import { isRefused } from '../services/result.ts'
import { decideExtraSupport, requestExtraSupport } from '../services/extra-support.ts'

const Reply = z.object({ extraSupport: ExtraSupportReply })

export const extraSupport = (deps: Deps) =>
  new Hono<SessionEnv>()
    .use('*', privateNoStore)
    .post('/', describe('requestExtraSupport', 'Consent', 'Ask for support outside business hours, for one window (contacts)', { 201: Reply }, {
      description: `At least ${EXTRA_SUPPORT_NOTICE_DAYS} days ahead (422 \`too_soon\` names the earliest start), at most ${EXTRA_SUPPORT_MAX_HOURS} hours. Billed afterwards (\`isBilled\`) except for First Class. An approved window is business time for the organisation's incidents.`,
      security: [{ cookieAuth: [] }], refuses: only(CONSENT_REFUSALS, 'contacts_only', 'not_authorised', 'window_too_long', 'within_business_hours'),
    }), requireJson, jsonBody(ExtraSupportInput), async (c) => {
      const request = await requestExtraSupport(deps, c.var.viewer, c.req.valid('json'))
      if (isRefused(request)) return refusalReply(c, request, { deps, viewer: c.var.viewer })
      return c.json({ extraSupport: await presentConsent(deps, request, c.var.viewer) }, 201)
    })
    .post('/:id/decision', describe('decideExtraSupport', 'Consent', 'Approve or decline an extra-support request; the contact is mailed (staff)', { 200: Reply }, {
      refuses: only(CONSENT_REFUSALS, 'not_found', 'move_refused'),
    }), requireStaff, requireJson, jsonBody(DecisionInput), async (c) => {
      const request = await decideExtraSupport(deps, c.var.staff, c.req.param('id'), c.req.valid('json'))
      if (isRefused(request)) return refusalReply(c, request, { deps, viewer: c.var.viewer })
      return c.json({ extraSupport: await presentConsent(deps, request, c.var.viewer) })
    })
