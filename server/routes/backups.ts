/** A backup request after support made it: the organisation's admin decides, staff record its arrival and its purge. */
import { Hono } from 'hono'
import { z } from 'zod'
import { BACKUP_PURGE_DAYS, DecisionInput, VersionInput } from '../domain/consent.ts'
import type { Deps } from '../deps.ts'
import { describe, only } from '../http/describe.ts'
import { MESSAGES } from '../http/errors.ts'
import { jsonBody, requireJson } from '../middleware/json-body/index.ts'
import { privateNoStore } from '../middleware/no-store/index.ts'
import { requireStaff, type SessionEnv } from '../middleware/session/index.ts'
import { BackupReply, presentConsent } from '../present/consent.ts'
import { CONSENT_REFUSALS, refusalReply } from '../present/consent-refusal.ts'
import { decideBackup, recordBackupStep } from '../services/backup.ts'
import { isRefused } from '../services/result.ts'

const Reply = z.object({ backup: BackupReply })
const STEP = only(CONSENT_REFUSALS, 'not_found', 'move_refused')

export const backups = (deps: Deps) =>
  new Hono<SessionEnv>()
    .use('*', privateNoStore)
    .post('/:id/decision', describe('decideBackup', 'Consent', 'Approve or decline a backup request (the organisation\'s admin)', { 200: Reply }, {
      security: [{ cookieAuth: [] }], refuses: { ...only(CONSENT_REFUSALS, 'contacts_only', 'admin_only'), ...STEP, version_conflict: [409, MESSAGES.consentConflict] },
    }), requireJson, jsonBody(DecisionInput), async (c) => {
      const backup = await decideBackup(deps, c.var.viewer, c.req.param('id'), c.req.valid('json'))
      if (isRefused(backup)) return refusalReply(c, backup, { deps, viewer: c.var.viewer })
      return c.json({ backup: await presentConsent(deps, backup, c.var.viewer) })
    })
    .post('/:id/received', describe('recordBackupReceived', 'Consent', 'Record that an approved backup arrived (staff)', { 200: Reply }, { refuses: STEP }), requireStaff, requireJson, jsonBody(VersionInput), async (c) => {
      const backup = await recordBackupStep(deps, c.var.staff, c.req.param('id'), 'received', c.req.valid('json').version)
      if (isRefused(backup)) return refusalReply(c, backup, { deps, viewer: c.var.viewer })
      return c.json({ backup: await presentConsent(deps, backup, c.var.viewer) })
    })
    .post('/:id/purged', describe('recordBackupPurged', 'Consent', 'Record that a received backup was purged (staff)', { 200: Reply }, {
      description: `\`isPurgeDue\` says when: ${BACKUP_PURGE_DAYS} days after the incident closed.`, refuses: STEP,
    }), requireStaff, requireJson, jsonBody(VersionInput), async (c) => {
      const backup = await recordBackupStep(deps, c.var.staff, c.req.param('id'), 'purged', c.req.valid('json').version)
      if (isRefused(backup)) return refusalReply(c, backup, { deps, viewer: c.var.viewer })
      return c.json({ backup: await presentConsent(deps, backup, c.var.viewer) })
    })
