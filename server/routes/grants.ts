/** A temporary access grant after the admin gave it: the admin revokes it, staff use it (checked at every use). */
import { Hono } from 'hono'
import { z } from 'zod'
import { VersionInput } from '../domain/consent.ts'
import type { Deps } from '../deps.ts'
import { describe, only } from '../http/describe.ts'
import { MESSAGES, requestLanguage } from '../http/errors.ts'
import { jsonBody, requireJson } from '../middleware/json-body/index.ts'
import { privateNoStore } from '../middleware/no-store/index.ts'
import { requireStaff, type SessionEnv } from '../middleware/session/index.ts'
import { GrantReply, presentConsent } from '../present/consent.ts'
import { CONSENT_REFUSALS, refusalReply } from '../present/consent-refusal.ts'
import { isRefused } from '../services/result.ts'
import { checkGrant, revokeGrant } from '../services/grant.ts'

const Reply = z.object({ grant: GrantReply })

export const grants = (deps: Deps) =>
  new Hono<SessionEnv>()
    .use('*', privateNoStore)
    .post('/:id/revoke', describe('revokeGrant', 'Consent', 'Revoke an access grant at once (the organisation\'s admin)', { 200: Reply }, {
      security: [{ cookieAuth: [] }], refuses: { ...only(CONSENT_REFUSALS, 'contacts_only', 'admin_only', 'not_found', 'grant_inactive'), version_conflict: [409, MESSAGES.consentConflict] },
    }), requireJson, jsonBody(VersionInput), async (c) => {
      const grant = await revokeGrant(deps, c.var.viewer, c.req.param('id'), c.req.valid('json').version)
      if (isRefused(grant)) return refusalReply(c, grant, { deps, viewer: c.var.viewer })
      return c.json({ grant: await presentConsent(deps, grant, c.var.viewer) })
    })
    .post('/:id/use', describe('useGrant', 'Consent', 'Check a grant before each use of the access, and record the use (staff)', { 200: Reply }, {
      refuses: { ...only(CONSENT_REFUSALS, 'not_found'), grant_inactive: [410, MESSAGES.grantInactive] },
    }), requireStaff, async (c) => {
      const checked = await checkGrant(deps, c.var.staff, c.req.param('id'))
      if (isRefused(checked)) return refusalReply(c, checked, { deps, viewer: c.var.viewer })
      const grant = await presentConsent(deps, checked.grant, c.var.viewer)
      // An ended or revoked grant is gone for good: 410, with the grant as it stands.
      if (!checked.isActive) return c.json({ code: 'grant_inactive', message: MESSAGES.grantInactive[requestLanguage(c)], grant }, 410)
      return c.json({ grant })
    })
