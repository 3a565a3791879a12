/** What support and the customer's admin start on an incident: a remote-view session, a backup request, an access grant. */
import { Hono } from 'hono'
import { z } from 'zod'
import { BACKUP_PURGE_DAYS, BackupInput, GRANT_MAX_DAYS, GrantInput, REMOTE_VIEW_CODE_MINUTES } from '../domain/consent.ts'
import type { Deps } from '../deps.ts'
import { describe, only } from '../http/describe.ts'
import { MESSAGES } from '../http/errors.ts'
import { jsonBody, requireJson } from '../middleware/json-body/index.ts'
import { privateNoStore } from '../middleware/no-store/index.ts'
import { requireStaff, type SessionEnv } from '../middleware/session/index.ts'
import { BackupReply, GrantReply, RemoteViewReply, presentConsent } from '../present/consent.ts'
import { CONSENT_REFUSALS, refusalReply } from '../present/consent-refusal.ts'
import { isRefused } from '../services/result.ts'
import { requestBackup } from '../services/backup.ts'
import { giveGrant } from '../services/grant.ts'
import { startRemoteView } from '../services/remote-view.ts'

/** On an incident: 404 as for the incident, and 422 when it awaits confirmation or is closed. */
const ON_INCIDENT = { not_found: [404, MESSAGES.incidentNotFound], ...only(CONSENT_REFUSALS, 'incident_not_open') } as const

export const incidentConsents = (deps: Deps) =>
  new Hono<SessionEnv>()
    .post('/:id/remote-views', describe('startRemoteView', 'Consent', 'Start a remote-view session: the requester gets a personal code, by mail and in the portal (staff)', { 201: z.object({ remoteView: RemoteViewReply }) }, {
      description: `The code has 6 digits and is valid ${REMOTE_VIEW_CODE_MINUTES} minutes, once; staff never see it. One session per incident at a time.`,
      refuses: { ...ON_INCIDENT, remote_view_active: [409, MESSAGES.remoteViewActive] },
    }), privateNoStore, requireStaff, async (c) => {
      const view = await startRemoteView(deps, c.var.staff, c.req.param('id'))
      if (isRefused(view)) return refusalReply(c, view, { deps, viewer: c.var.viewer, notFound: MESSAGES.incidentNotFound })
      return c.json({ remoteView: await presentConsent(deps, view, c.var.viewer) }, 201)
    })
    .post('/:id/backups', describe('requestBackup', 'Consent', 'Ask for a backup of the customer\'s environment; the organisation\'s admins decide (staff)', { 201: z.object({ backup: BackupReply }) }, {
      description: `An approved backup is purged ${BACKUP_PURGE_DAYS} days after the incident closes.`, refuses: ON_INCIDENT,
    }), privateNoStore, requireStaff, requireJson, jsonBody(BackupInput), async (c) => {
      const backup = await requestBackup(deps, c.var.staff, c.req.param('id'), c.req.valid('json').reason)
      if (isRefused(backup)) return refusalReply(c, backup, { deps, viewer: c.var.viewer, notFound: MESSAGES.incidentNotFound })
      return c.json({ backup: await presentConsent(deps, backup, c.var.viewer) }, 201)
    })
    .post('/:id/grants', describe('grantAccess', 'Consent', 'Let support into the environment at a level, until `endsAt` (the organisation\'s admin)', { 201: z.object({ grant: GrantReply }) }, {
      description: `At most ${GRANT_MAX_DAYS} days ahead; revocable at any time.`, security: [{ cookieAuth: [] }],
      refuses: { ...ON_INCIDENT, ...only(CONSENT_REFUSALS, 'contacts_only', 'admin_only', 'grant_end_out_of_range') },
    }), privateNoStore, requireJson, jsonBody(GrantInput), async (c) => {
      const grant = await giveGrant(deps, c.var.viewer, c.req.param('id'), c.req.valid('json'))
      if (isRefused(grant)) return refusalReply(c, grant, { deps, viewer: c.var.viewer, notFound: MESSAGES.incidentNotFound })
      return c.json({ grant: await presentConsent(deps, grant, c.var.viewer) }, 201)
    })
