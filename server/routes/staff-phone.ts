/** Phone intake in the console: find the caller with the verdict on their authorisation, register their incident, or tell their organisation's admins. */
import { Hono } from 'hono'
import { z } from 'zod'
import type { Deps } from '../deps.ts'
import { describe, only } from '../http/describe.ts'
import { jsonBody, queryOf, requireJson } from '../middleware/json-body/index.ts'
import { type SessionEnv, requireStaff } from '../middleware/session/index.ts'
import { IncidentReply, Registered, presentIncident } from '../present/incident.ts'
import { AdminsToldReply, CallerPageReply, PHONE_INTAKE_REFUSALS, presentAdminsTold, presentCaller } from '../present/phone-intake.ts'
import { extraWindowsOf } from '../services/extra-windows.ts'
import { CallerSearchQuery, PhoneIncidentInput, registerByPhone, searchCallers, tellAdmins } from '../services/phone-intake.ts'
import { isRefused, refuse } from '../services/result.ts'

/** A phone registration's reply: the number to tell the caller, and the incident as the console shows it. */
const PhoneRegistered = z.object({ number: Registered.shape.number, incident: IncidentReply }).meta({ id: 'PhoneRegistered' })

export const staffPhone = (deps: Deps) =>
  new Hono<SessionEnv>()
    .use('*', requireStaff)
    // Who called, and whether they may be helped: personal data, never kept by a cache.
    .use('*', async (c, next) => {
      await next()
      c.header('Cache-Control', 'private, no-store')
    })
    .get('/callers', describe('searchCallers', 'Console', 'Find a caller by name, e-mail, phone or customer number, each with whether support may help them (staff)', { 200: CallerPageReply }),
      queryOf(CallerSearchQuery), async (c) => {
        const page = await searchCallers(deps, c.req.valid('query'))
        return c.json({ callers: page.items.map(presentCaller), next: page.next, total: page.total })
      })
    .post('/incidents', describe('registerByPhone', 'Console', 'Register an incident for an authorised caller, with channel `phone`: the caller gets the registration mail with the number (staff)', { 201: PhoneRegistered }, {
      description: 'The same rules as any registration: routing to a team, the next number, the audit (naming the staff member) and the registration mail in the caller\'s language. The call counts once as a contact moment for signals: as the incident registered. A caller who is not an authorised, active contact is refused with the reason as the code.',
      refuses: only(PHONE_INTAKE_REFUSALS, 'invalid_input', 'caller_not_found', 'caller_not_authorised', 'caller_deactivated', 'caller_unknown'),
    }), requireJson, jsonBody(PhoneIncidentInput), async (c) => {
      const outcome = await registerByPhone(deps, c.var.staff, c.req.valid('json'))
      if (isRefused(outcome)) return refuse(c, outcome, PHONE_INTAKE_REFUSALS)
      const { incident } = outcome
      return c.json({ number: incident.number, incident: presentIncident(incident, deps, deps.clock(), await extraWindowsOf(deps.store, incident.organisationId)) }, 201)
    })
    .post('/callers/:id/tell-admins', describe('tellCallerAdmins', 'Console', 'Mail the admins of a caller\'s organisation that this person called and is not authorised, with how to authorise them (staff)', { 200: AdminsToldReply }, {
      description: 'Each active, authorised admin of the organisation gets one mail in their language, once per caller and day (telling again the same day sends nothing new).',
      refuses: only(PHONE_INTAKE_REFUSALS, 'caller_not_found', 'caller_authorised', 'caller_without_organisation', 'organisation_without_admins'),
    }), async (c) => {
      const outcome = await tellAdmins(deps, c.var.staff, c.req.param('id'))
      if (isRefused(outcome)) return refuse(c, outcome, PHONE_INTAKE_REFUSALS)
      return c.json(presentAdminsTold(outcome.told))
    })
