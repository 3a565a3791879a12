/** A temporary access grant after the admin gave it: the admin revokes it, staff use it (checked at every use). */
import { Hono } from 'hono'
import { z } from 'zod'
import { VersionInput } from '../domain/consent.ts'
import type { Deps } from '../deps.ts'
import { describe, errorExample, errorReply, jsonReply, refusal, sharedReply, type RouteDescription } from '../http/describe.ts'
import { named } from '../http/examples.ts'
import { MESSAGES, requestLanguage } from '../http/errors.ts'
import { jsonBody, requireJson } from '../middleware/json-body/index.ts'
import { privateNoStore } from '../middleware/no-store/index.ts'
import { requireStaff, type SessionEnv } from '../middleware/session/index.ts'
import { REQUEST_EXAMPLES, marieke } from '../openapi.ts'
import { GrantReply, presentConsent } from '../present/consent.ts'
import { refusalReply } from '../present/consent-refusal.ts'
import { isRefused } from '../services/result.ts'
import { checkGrant, revokeGrant } from '../services/grant.ts'

const SECURITY = [{ cookieAuth: [] }]
const PARAMETERS = [{ $ref: '#/components/parameters/GrantId' }]
const Reply = z.object({ grant: GrantReply })

const REVOKE: RouteDescription = {
  operationId: 'revokeGrant', tags: ['Consent'], summary: 'Revoke an access grant at once (the organisation\'s admin)',
  description: 'The admin, at any time before the end: the grant is inactive from this moment, on both sides. On the timeline as `grant.revoked`.',
  security: SECURITY, parameters: PARAMETERS,
  requestExamples: { version: REQUEST_EXAMPLES.revokeGrant },
  responses: {
    200: jsonReply('Revoked.', Reply, { revoked: { value: { grant: named('grant', { revokedAt: '2026-12-01T08:00:00.000Z', revokedBy: marieke, isActive: false, updatedAt: '2026-12-01T08:00:00.000Z', version: 2 }) } } }),
    401: sharedReply('SignInRequired'),
    403: refusal('Signed in as staff or as an employee.', { contactsOnly: ['contacts_only', 'contactsOnly', 'Signed in as staff'], adminOnly: ['admin_only', 'adminOnly', 'Signed in as an employee'] }),
    404: refusal('No such grant, or not the caller\'s organisation\'s.', { notFound: ['not_found', 'consentNotFound'] }),
    409: errorReply('Ended or revoked already, or changed since `version`.', {
      inactive: { value: errorExample('grant_inactive', 'grantInactive') },
      conflict: { value: { ...errorExample('version_conflict', 'consentConflict'), current: named('grant') } },
    }),
  },
}

const USE: RouteDescription = {
  operationId: 'useGrant', tags: ['Consent'], summary: 'Check a grant before signing in to the customer\'s environment, and record the use (staff)',
  description: 'Staff only, every time before they use the access: decided on the server against the moment of this request, so a grant is inactive the moment it ends (the end itself is outside) or is revoked, without a timer. A use is `grant.used` on the timeline; a refused one `grant.use_refused` in the audit log. No body.',
  security: SECURITY, parameters: PARAMETERS,
  responses: {
    200: jsonReply('Active: go ahead, at `level`.', Reply, { active: { value: { grant: named('grant') } } }),
    404: refusal('No such grant.', { notFound: ['not_found', 'consentNotFound'] }),
    410: errorReply('Ended or revoked: no access. `grant` is its state.', { inactive: { value: { ...errorExample('grant_inactive', 'grantInactive'), grant: named('grant', { isActive: false }) } } }),
  },
}

export const grants = (deps: Deps) =>
  new Hono<SessionEnv>()
    .use('*', privateNoStore)
    .post('/:id/revoke', describe(REVOKE), requireJson, jsonBody(VersionInput), async (c) => {
      const grant = await revokeGrant(deps, c.var.viewer, c.req.param('id'), c.req.valid('json').version)
      if (isRefused(grant)) return refusalReply(c, grant, { deps, viewer: c.var.viewer })
      return c.json({ grant: await presentConsent(deps, grant, c.var.viewer) })
    })
    .post('/:id/use', describe(USE), requireStaff, async (c) => {
      const checked = await checkGrant(deps, c.var.staff, c.req.param('id'))
      if (isRefused(checked)) return refusalReply(c, checked, { deps, viewer: c.var.viewer })
      const grant = await presentConsent(deps, checked.grant, c.var.viewer)
      // An ended or revoked grant is gone for good: 410, with the grant as it stands.
      if (!checked.isActive) return c.json({ code: 'grant_inactive', message: MESSAGES.grantInactive[requestLanguage(c)], grant }, 410)
      return c.json({ grant })
    })
