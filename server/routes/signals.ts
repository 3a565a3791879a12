/** Signals for Customer Care: organisations that contact support often, and the follow-ups recorded for them. */
import { randomUUID } from 'node:crypto'
import { Hono, type MiddlewareHandler } from 'hono'
import type { FollowUp } from '../domain/records.ts'
import { FollowUpInput, isCustomerCare, newFollowUp, organisationSignals } from '../domain/signals.ts'
import type { Deps } from '../deps.ts'
import { MESSAGES, apiError } from '../http/errors.ts'
import { jsonBody, requireJson } from '../middleware/json-body/index.ts'
import { type SessionEnv, requireStaff } from '../middleware/session/index.ts'
import { actorsOf } from './actors.ts'

/** After requireStaff: 403 for an agent, before anything reads the body. */
const customerCareOnly: MiddlewareHandler<SessionEnv> = async (c, next) => {
  const viewer = c.get('viewer')
  if (viewer.kind !== 'staff' || !isCustomerCare(viewer.staff)) return apiError(c, 403, 'role_not_allowed', MESSAGES.roleNotAllowed)
  await next()
}

export const signals = (deps: Deps) => {
  /** Follow-ups as the console shows them: who recorded them by name. */
  async function present(followUps: FollowUp[]) {
    const actorOf = await actorsOf(deps.store, followUps.map((f) => f.by), deps.desk.name.nl)
    return followUps.map(({ organisationId: _id, by, ...fields }) => ({ ...fields, by: actorOf(by) }))
  }

  return new Hono<SessionEnv>()
    .get('/', requireStaff, customerCareOnly, async (c) => {
      const isAll = c.req.query('all') === '1'
      const [organisations, incidents] = await Promise.all([deps.store.organisations.list(), deps.store.incidents.list({})])
      // Reactions and phone contacts on an old incident still count, so every incident's messages are read.
      const messages = (await Promise.all(incidents.map((i) => deps.store.messages.listByIncident(i.id)))).flat()
      // Computed afresh on every request: a flag stays visible exactly as long as the window holds
      // enough contact moments, and drops off by itself once it falls below the threshold.
      const computed = organisationSignals({ organisations, incidents, messages }, { now: deps.clock(), desk: deps.desk })
      const listed = await Promise.all(computed.filter((s) => isAll || s.isFlagged).map(async ({ organisationId, ...signal }) => ({
        id: organisationId, ...signal, followUps: await present(await deps.store.followUps.listByOrganisation(organisationId)),
      })))
      c.header('Cache-Control', 'private, no-store')
      return c.json({ windowDays: deps.desk.signals.windowDays, thresholds: deps.desk.signals.thresholds, organisations: listed })
    })
    .post('/:organisationId/follow-ups', requireStaff, customerCareOnly, requireJson, jsonBody(FollowUpInput), async (c) => {
      const viewer = c.get('viewer')
      if (viewer.kind !== 'staff') throw new Error('unreachable: requireStaff')
      const organisation = await deps.store.organisations.get(c.req.param('organisationId'))
      if (!organisation) return apiError(c, 404, 'not_found', MESSAGES.organisationNotFound)
      const now = deps.clock()
      const by = `staff:${viewer.staff.id}`
      const followUp = newFollowUp(c.req.valid('json'), { id: randomUUID(), organisationId: organisation.id, by, now })
      await deps.store.followUps.add(followUp)
      await deps.store.audit.append({
        id: randomUUID(), at: now.toISOString(), actor: by, action: 'follow_up.added', target: `organisation:${organisation.id}`,
        details: { followUpId: followUp.id, kind: followUp.kind, date: followUp.date },
      })
      const [presented] = await present([followUp])
      return c.json({ followUp: presented! }, 201)
    })
}
