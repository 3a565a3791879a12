/** GET /api/consents: every consent record the viewer may see, of every kind; each kind has its own routes beside this one. */
import { Hono } from 'hono'
import { z } from 'zod'
import { CONSENT_KINDS } from '../domain/consent.ts'
import type { Deps } from '../deps.ts'
import { describe, jsonReply, refusal, type RouteDescription } from '../http/describe.ts'
import { named } from '../http/examples.ts'
import { queryOf } from '../middleware/json-body/index.ts'
import { privateNoStore } from '../middleware/no-store/index.ts'
import { requireSignedIn, type SessionEnv } from '../middleware/session/index.ts'
import { INCIDENT_ID } from '../openapi.ts'
import { ConsentReply, presentConsents } from '../present/consent.ts'
import { incidentReader, listConsents } from '../services/consents.ts'

/** What the list may be narrowed to; a contact's list is always their own organisation's. */
export const ConsentQuery = z.object({
  kind: z.enum(CONSENT_KINDS, { error: `one of: ${CONSENT_KINDS.join(', ')}` }).optional().meta({ description: 'Only this kind.', example: 'grant' }),
  incidentId: z.string().optional().meta({ description: 'Only those on this incident.', example: INCIDENT_ID }),
  organisationId: z.string().optional().meta({ description: 'Staff only: one organisation\'s. A contact always gets their own organisation\'s.', example: 'org-jansen' }),
})

const LIST: RouteDescription = {
  operationId: 'listConsents', tags: ['Consent'], summary: 'Remote views, backups, access grants and extra-support requests the caller may see',
  description: 'For every signed-in caller, newest first, each with `kind`: staff see all (narrowed by `organisationId`), an organisation\'s admin all of their organisation\'s, an employee those on incidents they may see and their own extra-support requests. A record of another organisation is never listed, whatever the parameters say. States are computed at the moment of asking: a remote view whose code ran out reads `expired`, a grant past its end or revoked `isActive: false`, without anything having had to run. The code of a waiting remote view is in it only for the contact it was sent to. Every answer is `Cache-Control: private, no-store`.',
  security: [{ cookieAuth: [] }],
  responses: {
    200: {
      ...jsonReply('The records, newest first.', z.object({ consents: z.array(ConsentReply) }), {
        admin: { summary: 'Marieke Jansen, the admin, on Monday morning', value: { consents: [named('extraSupport'), named('grant'), named('backup'), named('remoteView')] } },
      }),
      headers: { 'Cache-Control': { $ref: '#/components/headers/NoStore' } },
    },
    400: refusal('An unknown `kind`.', { kind: ['invalid_input', 'invalidInput', undefined, [{ path: 'kind', message: 'one of: remote_view, backup, grant, extra_support' }]] }),
  },
}

export const consents = (deps: Deps) =>
  new Hono<SessionEnv>()
    .get('/', describe(LIST), privateNoStore, requireSignedIn, queryOf(ConsentQuery), async (c) => {
      const viewer = c.var.signedIn
      const read = incidentReader(deps.store)
      const records = await listConsents(deps, viewer, c.req.valid('query'), read)
      return c.json({ consents: await presentConsents(deps, records, viewer, read) })
    })
