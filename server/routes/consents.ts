/** GET /api/consents: every consent record the viewer may see, of every kind; each kind has its own routes beside this one. */
import { Hono } from 'hono'
import { z } from 'zod'
import { CONSENT_KINDS } from '../domain/consent.ts'
import type { Deps } from '../deps.ts'
import { describe } from '../http/describe.ts'
import { PageReply, pageQuery } from '../http/paging.ts'
import { CURSOR_SHAPES } from '../store/cursor.ts'
import { queryOf } from '../middleware/json-body/index.ts'
import { privateNoStore } from '../middleware/no-store/index.ts'
import { requireSignedIn, type SessionEnv } from '../middleware/session/index.ts'
import { ConsentReply, presentConsents } from '../present/consent.ts'
import { incidentReader, listConsents } from '../services/consents.ts'

/** What the list may be narrowed to; a contact's list is always their own organisation's. */
export const ConsentQuery = z.object({
  kind: z.enum(CONSENT_KINDS, { error: `one of: ${CONSENT_KINDS.join(', ')}` }).optional().meta({ description: 'Only this kind.' }),
  incidentId: z.string().optional().meta({ description: 'Only those on this incident.' }),
  organisationId: z.string().optional().meta({ description: 'Staff only: one organisation\'s. A contact always gets their own organisation\'s.' }),
  ...pageQuery(CURSOR_SHAPES.consents),
})

export const consents = (deps: Deps) =>
  new Hono<SessionEnv>()
    .get('/', describe('listConsents', 'Consent', 'Remote views, backups, access grants and extra-support requests the caller may see, newest first', { 200: z.object({ consents: z.array(ConsentReply), ...PageReply }) }, {
      description: 'States are as of the moment of asking (a code that ran out reads `expired`). The code of a waiting remote view is shown only to the contact it was sent to.',
    }), privateNoStore, requireSignedIn, queryOf(ConsentQuery), async (c) => {
      const viewer = c.var.signedIn
      const read = incidentReader(deps.store)
      const page = await listConsents(deps, viewer, c.req.valid('query'), read)
      return c.json({ consents: await presentConsents(deps, page.items, viewer, read), next: page.next, total: page.total })
    })
