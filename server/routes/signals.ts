/** Signals for Customer Care: organisations that contact support often, and the follow-ups recorded for them. */
import { Hono, type MiddlewareHandler } from 'hono'
import { z } from 'zod'
import { FollowUpInput } from '../domain/signals.ts'
import type { Deps } from '../deps.ts'
import { describe, queryParameters } from '../http/describe.ts'
import { MESSAGES, apiError } from '../http/errors.ts'
import { jsonBody, requireJson } from '../middleware/json-body/index.ts'
import { type SessionEnv, type StaffEnv, requireStaff } from '../middleware/session/index.ts'
import { signalsPolicy } from '../policies/signals.ts'
import { FollowUpReply, SignalsReply, presentFollowUps, presentSignals } from '../present/signals.ts'
import { addFollowUp, listSignals, type SignalsCursor } from '../services/signals.ts'

const ROLE_NOT_ALLOWED = { role_not_allowed: [403, MESSAGES.roleNotAllowed] } as const
const DEFAULT_LIMIT = 50
const MAX_LIMIT = 200

/** A signals cursor as it travels: opaque, URL-safe. */
const encodeCursor = (cursor: SignalsCursor) => Buffer.from(JSON.stringify(cursor)).toString('base64url')
const CursorShape = z.tuple([z.boolean(), z.number().int().min(0), z.string(), z.string()])

/** `limit` and `cursor` of the query, or the fields that are wrong. */
function pageQuery(limit: string | undefined, cursor: string | undefined): { limit: number; after?: SignalsCursor } | { fields: { path: string; message: string }[] } {
  const fields: { path: string; message: string }[] = []
  const parsedLimit = limit === undefined ? DEFAULT_LIMIT : /^\d{1,3}$/.test(limit) ? Number(limit) : NaN
  if (!(parsedLimit >= 1 && parsedLimit <= MAX_LIMIT)) fields.push({ path: 'limit', message: `a whole number from 1 to ${MAX_LIMIT}` })
  let after: SignalsCursor | undefined
  if (cursor !== undefined) {
    try {
      after = CursorShape.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')))
    } catch {
      fields.push({ path: 'cursor', message: 'not a cursor this list gave: use the `next` of the page before' })
    }
  }
  return fields.length ? { fields } : { limit: parsedLimit, ...(after ? { after } : {}) }
}

/** After requireStaff: 403 for an agent, before anything reads the body. */
const customerCareOnly: MiddlewareHandler<StaffEnv> = async (c, next) => {
  if (!signalsPolicy.maySee(c.var.staff)) return apiError(c, 403, 'role_not_allowed', MESSAGES.roleNotAllowed)
  await next()
}

export const signals = (deps: Deps) =>
  new Hono<SessionEnv>()
    .get('/', describe('listSignals', 'Signals', 'Organisations whose contact moments reach a threshold of desk.yaml, with their follow-ups (Customer Care), a page at a time', { 200: SignalsReply }, {
      parameters: queryParameters({
        all: '`1`: every organisation, the flagged ones first.',
        limit: `Organisations per page: 1 to ${MAX_LIMIT}; default ${DEFAULT_LIMIT}.`,
        cursor: 'The `next` of the page before; leave it out for the first page.',
      }),
      refuses: { ...ROLE_NOT_ALLOWED, invalid_input: [400, MESSAGES.invalidInput] },
    }), requireStaff, customerCareOnly, async (c) => {
      const page = pageQuery(c.req.query('limit'), c.req.query('cursor'))
      if ('fields' in page) return apiError(c, 400, 'invalid_input', MESSAGES.invalidInput, page.fields)
      const listed = await listSignals(deps, { isAll: c.req.query('all') === '1', ...page })
      c.header('Cache-Control', 'private, no-store')
      return c.json(await presentSignals(deps, { ...listed, next: listed.next && encodeCursor(listed.next) }))
    })
    .post('/:organisationId/follow-ups', describe('addFollowUp', 'Signals', 'Record a follow-up for an organisation: a course or a visit (Customer Care)', { 201: z.object({ followUp: FollowUpReply }) }, {
      refuses: { ...ROLE_NOT_ALLOWED, not_found: [404, MESSAGES.organisationNotFound] },
    }), requireStaff, customerCareOnly, requireJson, jsonBody(FollowUpInput), async (c) => {
      const followUp = await addFollowUp(deps, c.var.staff, c.req.param('organisationId'), c.req.valid('json'))
      if ('refused' in followUp) return apiError(c, 404, 'not_found', MESSAGES.organisationNotFound)
      const [presented] = await presentFollowUps(deps, [followUp])
      return c.json({ followUp: presented! }, 201)
    })
