/** A backup request after support made it: the organisation's admin decides, staff record its arrival and its purge. */
import { Hono } from 'hono'
import { z } from 'zod'
import { BACKUP_PURGE_DAYS, DecisionInput, VersionInput } from '../domain/consent.ts'
import type { Deps } from '../deps.ts'
import { describe, errorExample, errorReply, jsonReply, refusal, sharedReply, type RouteDescription } from '../http/describe.ts'
import { jsonBody, requireJson } from '../middleware/json-body/index.ts'
import { privateNoStore } from '../middleware/no-store/index.ts'
import { requireStaff, type SessionEnv } from '../middleware/session/index.ts'
import { named } from '../http/examples.ts'
import { REQUEST_EXAMPLES, lotte } from '../openapi.ts'
import { BackupReply, presentConsent } from '../present/consent.ts'
import { refusalReply } from '../present/consent-refusal.ts'
import { decideBackup, recordBackupStep } from '../services/backup.ts'
import { isRefused } from '../services/result.ts'

const SECURITY = [{ cookieAuth: [] }]
const PARAMETERS = [{ $ref: '#/components/parameters/BackupId' }]
const Reply = z.object({ backup: BackupReply })
const received = { status: 'received', receivedBy: lotte, receivedAt: '2026-11-30T14:10:00.000Z', updatedAt: '2026-11-30T14:10:00.000Z', version: 3 }

const DECIDE: RouteDescription = {
  operationId: 'decideBackup', tags: ['Consent'], summary: 'Approve or decline a backup request (the organisation\'s admin)',
  description: 'The admin of the organisation, in the portal, against the `version` they saw (409 `version_conflict` with `current` if a colleague was first). Only a requested backup is decided (409 `move_refused`). On the timeline as `backup.approved` or `backup.declined`, with the note in the audit log.',
  security: SECURITY, parameters: PARAMETERS,
  requestExamples: { approve: REQUEST_EXAMPLES.approve },
  responses: {
    200: jsonReply('Decided.', Reply, { approved: { value: { backup: named('backup') } } }),
    401: sharedReply('SignInRequired'),
    403: refusal('Signed in as staff or as an employee.', { contactsOnly: ['contacts_only', 'contactsOnly', 'Signed in as staff'], adminOnly: ['admin_only', 'adminOnly', 'Signed in as an employee'] }),
    404: refusal('No such backup request, or not the caller\'s organisation\'s.', { notFound: ['not_found', 'consentNotFound'] }),
    409: errorReply('Decided already, or changed since `version`.', {
      moveRefused: { value: errorExample('move_refused', 'moveRefused', [{ path: 'decision', message: 'a backup that is approved cannot become declined' }]) },
      conflict: { value: { ...errorExample('version_conflict', 'consentConflict'), current: named('backup') } },
    }),
  },
}

const RECEIVED: RouteDescription = {
  operationId: 'recordBackupReceived', tags: ['Consent'], summary: 'Record that an approved backup arrived (staff)',
  description: 'Staff only, for an approved backup, against the `version` seen. On the timeline as `backup.received`.',
  security: SECURITY, parameters: PARAMETERS,
  requestExamples: { version: REQUEST_EXAMPLES.backupReceived },
  responses: {
    200: jsonReply('Recorded.', Reply, { received: { value: { backup: named('backup', received) } } }),
    404: refusal('No such backup request.', { notFound: ['not_found', 'consentNotFound'] }),
    409: refusal('Not approved (requested, declined, received or purged), or changed since `version`.', { moveRefused: ['move_refused', 'moveRefused', undefined, [{ path: 'status', message: 'a backup that is requested cannot become received' }]] }),
  },
}

const PURGED: RouteDescription = {
  operationId: 'recordBackupPurged', tags: ['Consent'], summary: 'Record that a received backup was purged (staff)',
  description: `Staff only, for a received backup, against the \`version\` seen. \`isPurgeDue\` says when it is time: ${BACKUP_PURGE_DAYS} days after the incident closed. On the timeline as \`backup.purged\`.`,
  security: SECURITY, parameters: PARAMETERS,
  requestExamples: { version: { summary: 'The version the caller saw', value: { version: 3 } } },
  responses: {
    200: jsonReply('Recorded.', Reply, { purged: { value: { backup: named('backup', { ...received, status: 'purged', purgedBy: lotte, purgedAt: '2027-01-11T08:30:00.000Z', updatedAt: '2027-01-11T08:30:00.000Z', version: 4 }) } } }),
    404: refusal('No such backup request.', { notFound: ['not_found', 'consentNotFound'] }),
    409: refusal('Not received, or changed since `version`.', { moveRefused: ['move_refused', 'moveRefused', undefined, [{ path: 'status', message: 'a backup that is approved cannot become purged' }]] }),
  },
}

export const backups = (deps: Deps) =>
  new Hono<SessionEnv>()
    .use('*', privateNoStore)
    .post('/:id/decision', describe(DECIDE), requireJson, jsonBody(DecisionInput), async (c) => {
      const backup = await decideBackup(deps, c.var.viewer, c.req.param('id'), c.req.valid('json'))
      if (isRefused(backup)) return refusalReply(c, backup, { deps, viewer: c.var.viewer })
      return c.json({ backup: await presentConsent(deps, backup, c.var.viewer) })
    })
    .post('/:id/received', describe(RECEIVED), requireStaff, requireJson, jsonBody(VersionInput), async (c) => {
      const backup = await recordBackupStep(deps, c.var.staff, c.req.param('id'), 'received', c.req.valid('json').version)
      if (isRefused(backup)) return refusalReply(c, backup, { deps, viewer: c.var.viewer })
      return c.json({ backup: await presentConsent(deps, backup, c.var.viewer) })
    })
    .post('/:id/purged', describe(PURGED), requireStaff, requireJson, jsonBody(VersionInput), async (c) => {
      const backup = await recordBackupStep(deps, c.var.staff, c.req.param('id'), 'purged', c.req.valid('json').version)
      if (isRefused(backup)) return refusalReply(c, backup, { deps, viewer: c.var.viewer })
      return c.json({ backup: await presentConsent(deps, backup, c.var.viewer) })
    })
