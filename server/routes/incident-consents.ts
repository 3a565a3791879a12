/** What support and the customer's admin start on an incident: a remote-view session, a backup request, an access grant. */
import { Hono } from 'hono'
import { z } from 'zod'
import { BACKUP_PURGE_DAYS, BackupInput, GRANT_MAX_DAYS, GrantInput, REMOTE_VIEW_CODE_MINUTES } from '../domain/consent.ts'
import type { Deps } from '../deps.ts'
import { describe, errorExample, errorReply, issuesOf, jsonReply, refusal, sharedReply, type RouteDescription } from '../http/describe.ts'
import { named } from '../http/examples.ts'
import { MESSAGES } from '../http/errors.ts'
import { jsonBody, requireJson } from '../middleware/json-body/index.ts'
import { privateNoStore } from '../middleware/no-store/index.ts'
import { requireStaff, type SessionEnv } from '../middleware/session/index.ts'
import { REQUEST_EXAMPLES } from '../openapi.ts'
import { BackupReply, GrantReply, RemoteViewReply, presentConsent } from '../present/consent.ts'
import { refusalReply } from '../present/consent-refusal.ts'
import { isRefused } from '../services/result.ts'
import { requestBackup } from '../services/backup.ts'
import { giveGrant } from '../services/grant.ts'
import { startRemoteView } from '../services/remote-view.ts'

const PARAMETERS = [{ $ref: '#/components/parameters/IncidentId' }]
const NOT_OPEN = { value: errorExample('incident_not_open', 'incidentNotOpen') }

const START_REMOTE_VIEW: RouteDescription = {
  operationId: 'startRemoteView', tags: ['Consent'], summary: 'Start a remote-view session: the requester gets a personal code (staff)',
  description: `Staff only. Makes a personal code of 6 digits for the incident's requester, valid ${REMOTE_VIEW_CODE_MINUTES} minutes and once; it is mailed to them and shown in their portal (\`code\` in GET /api/consents, for them only), never to staff. The requester enters it on the KnowledgeBase's public page (\`/meekijken\`, \`/en/remote-view\`), sees who looks along for which incident, and consents: only then is the session open. One session per incident at a time: while one waits or is open, 409 \`remote_view_active\` with it as \`current\`. The incident must be registered and not closed, its requester active (422 \`incident_not_open\`). On the timeline and in the audit log as \`remote_view.started\`. No body.`,
  security: [{ cookieAuth: [] }], parameters: PARAMETERS,
  responses: {
    201: jsonReply('Started: the session, waiting for the customer. The code is not in it.', z.object({ remoteView: RemoteViewReply }), { started: { summary: 'Lotte Smit starts one on Tom Bakker\'s incident', value: { remoteView: named('remoteView') } } }),
    404: sharedReply('IncidentNotFound'),
    409: errorReply('A session of this incident waits or is open: end it first. `current` is that session.', { active: { value: { ...errorExample('remote_view_active', 'remoteViewActive'), current: named('remoteView') } } }),
    422: errorReply('The incident awaits confirmation or is closed, or its requester was deactivated.', { notOpen: NOT_OPEN }),
  },
}

const REQUEST_BACKUP: RouteDescription = {
  operationId: 'requestBackup', tags: ['Consent'], summary: 'Ask the customer for a backup of their environment, for an incident (staff)',
  description: `Staff only, on an open incident, with the reason. Every active admin of the organisation is mailed and decides in the portal (POST /api/backups/{id}/decision). An approved backup is purged ${BACKUP_PURGE_DAYS} days after the incident closes: \`purgeDate\` shows it to both sides once it is closed. On the timeline as \`backup.requested\`.`,
  security: [{ cookieAuth: [] }], parameters: PARAMETERS,
  requestExamples: { request: REQUEST_EXAMPLES.backupRequest },
  responses: {
    201: jsonReply('Requested.', z.object({ backup: BackupReply }), { requested: { value: { backup: named('backup', { status: 'requested', decidedBy: null, decidedAt: null, decisionNote: null, updatedAt: '2026-11-30T09:20:00.000Z', version: 1 }) } } }),
    400: refusal('No reason, or not valid.', { reason: ['invalid_input', 'invalidInput', undefined, issuesOf(BackupInput, { reason: '  ' })] }),
    404: sharedReply('IncidentNotFound'),
    422: errorReply('The incident awaits confirmation or is closed.', { notOpen: NOT_OPEN }),
  },
}

const GIVE_GRANT: RouteDescription = {
  operationId: 'grantAccess', tags: ['Consent'], summary: 'Let support into the environment for a while (the organisation\'s admin)',
  description: `The admin of the incident's organisation, in the portal: support may sign in to their environment as a user of \`level\` (\`read_only\`, \`functional_user\`, \`administrator\`) until \`endsAt\`, at most ${GRANT_MAX_DAYS} days ahead, unless revoked earlier. Listed on both sides. On the timeline as \`grant.given\` with the level and end.`,
  security: [{ cookieAuth: [] }], parameters: PARAMETERS,
  requestExamples: { grant: REQUEST_EXAMPLES.grant },
  responses: {
    201: jsonReply('Given.', z.object({ grant: GrantReply }), { given: { value: { grant: named('grant') } } }),
    400: refusal('Not valid.', { level: ['invalid_input', 'invalidInput', 'A level that does not exist', issuesOf(GrantInput, { level: 'root', endsAt: '2026-12-04T18:00:00+01:00' })] }),
    401: sharedReply('SignInRequired'),
    403: refusal('Signed in as staff or as an employee.', { contactsOnly: ['contacts_only', 'contactsOnly', 'Signed in as staff'], adminOnly: ['admin_only', 'adminOnly', 'Signed in as an employee'] }),
    404: sharedReply('IncidentNotFound'),
    422: errorReply(`The end is past, or more than ${GRANT_MAX_DAYS} days ahead (\`fields\` names the latest end); or the incident awaits confirmation or is closed.`, {
      tooLong: { value: errorExample('grant_end_out_of_range', 'grantTooLong', [{ path: 'endsAt', message: `after now and at most ${GRANT_MAX_DAYS} days ahead (2026-12-14T10:15:00.000Z)` }]) },
      notOpen: NOT_OPEN,
    }),
  },
}

export const incidentConsents = (deps: Deps) =>
  new Hono<SessionEnv>()
    .post('/:id/remote-views', describe(START_REMOTE_VIEW), privateNoStore, requireStaff, async (c) => {
      const view = await startRemoteView(deps, c.var.staff, c.req.param('id'))
      if (isRefused(view)) return refusalReply(c, view, { deps, viewer: c.var.viewer, notFound: MESSAGES.incidentNotFound })
      return c.json({ remoteView: await presentConsent(deps, view, c.var.viewer) }, 201)
    })
    .post('/:id/backups', describe(REQUEST_BACKUP), privateNoStore, requireStaff, requireJson, jsonBody(BackupInput), async (c) => {
      const backup = await requestBackup(deps, c.var.staff, c.req.param('id'), c.req.valid('json').reason)
      if (isRefused(backup)) return refusalReply(c, backup, { deps, viewer: c.var.viewer, notFound: MESSAGES.incidentNotFound })
      return c.json({ backup: await presentConsent(deps, backup, c.var.viewer) }, 201)
    })
    .post('/:id/grants', describe(GIVE_GRANT), privateNoStore, requireJson, jsonBody(GrantInput), async (c) => {
      const grant = await giveGrant(deps, c.var.viewer, c.req.param('id'), c.req.valid('json'))
      if (isRefused(grant)) return refusalReply(c, grant, { deps, viewer: c.var.viewer, notFound: MESSAGES.incidentNotFound })
      return c.json({ grant: await presentConsent(deps, grant, c.var.viewer) }, 201)
    })
