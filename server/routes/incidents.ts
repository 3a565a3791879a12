/** Incidents: register (widget or portal), confirm by e-mail, list and read by role, triage, react, log a phone call. */
import { Hono, type Context } from 'hono'
import type { Deps } from '../deps.ts'
import { describe } from '../http/describe.ts'
import { MESSAGES, requestLanguage } from '../http/errors.ts'
import { jsonBody, requireJson } from '../middleware/json-body/index.ts'
import { limitByAddress, limitWrongTokens } from '../middleware/rate-limit/index.ts'
import { requireSignedIn, requireStaff, type SessionEnv } from '../middleware/session/index.ts'
import { actorsOf } from '../services/actors.ts'
import { incidentPage } from '../services/incident-events.ts'
import { addMessage, listIncidents, logPhoneContact, readIncident, triageIncident } from '../services/incidents.ts'
import { checkProductArea, confirmRegistration, registerIncident, requestRegistration } from '../services/register-incident.ts'
import { isRefused, refuse } from '../services/result.ts'
import { extraWindowsOf, presentCheckEmail, presentIncident, presentIncidentRow, presentRegistered } from '../present/incident.ts'
import { INCIDENT_REFUSALS } from '../present/incident-refusal.ts'
import { presentIncidentView } from '../present/incident-view.ts'
import { confirmPage, resultPage, tooManyTriesPage } from '../present/pages.ts'
import { ConfirmInput, MessageInput, PhoneContactInput, RegistrationInput, TriageInput } from '../services/incident-input.ts'
import { CONFIRM, CONFIRMATION_PAGE, LIST, LOG_PHONE_CALL, MESSAGE, READ, REGISTER, TRIAGE } from './incidents.openapi.ts'

/** Signed-in contacts are known and counted by their own actions: colleagues behind one address are not each other's limit. */
const isSignedInContact = (c: Context) => (c as Context<SessionEnv>).get('viewer')?.kind === 'contact'

export const incidents = (deps: Deps) => {
  const checkEmail = (c: Context, lang: 'nl' | 'en') => c.json(presentCheckEmail(MESSAGES.checkEmail[lang]), 202)

  return new Hono<SessionEnv>()
    .post('/', describe(REGISTER), limitByAddress(deps.limits.registrationsPerAddress, 'register', { unless: isSignedInContact }), requireJson, jsonBody(RegistrationInput), async (c) => {
      const input = c.req.valid('json')
      const areaRefused = checkProductArea(deps, input)
      if (areaRefused) return refuse(c, areaRefused, INCIDENT_REFUSALS)
      const viewer = c.get('viewer')
      if (viewer.kind === 'contact') {
        const incident = await registerIncident(deps, viewer.contact, input)
        return c.json(presentRegistered(incident, incidentPage(incident, viewer.contact)), 201)
      }
      const outcome = await requestRegistration(deps, input)
      if (isRefused(outcome)) return refuse(c, outcome, INCIDENT_REFUSALS)
      return checkEmail(c, input.lang)
    })
    .get('/confirm', describe(CONFIRMATION_PAGE), (c) => c.html(confirmPage(c.req.query('token') ?? '')))
    // An unknown, used or expired token (400) is a guess: counted per address, as wrong remote-view codes are.
    .post('/confirm', describe(CONFIRM), limitWrongTokens(deps.limits.wrongTokensPerAddress, 'confirm-token', { isWrong: (res) => res.status === 400, page: tooManyTriesPage }), async (c) => {
      const isForm = (c.req.header('content-type') ?? '').startsWith('application/x-www-form-urlencoded')
      const raw = isForm ? { token: String((await c.req.parseBody()).token ?? '') } : await c.req.json().catch(() => ({}))
      const parsed = ConfirmInput.safeParse(raw)
      const outcome = await confirmRegistration(deps, parsed.success ? parsed.data.token : undefined)
      if (isRefused(outcome)) {
        if (!isForm) return refuse(c, outcome, INCIDENT_REFUSALS)
        return outcome.refused === 'token_invalid' ? c.html(resultPage('expired'), 400) : c.html(resultPage('refused'), 403)
      }
      const { incident, contact, lang } = outcome
      return isForm ? c.html(resultPage('registered', incident.number, lang), 201) : c.json(presentRegistered(incident, incidentPage(incident, contact)), 201)
    })
    .get('/', describe(LIST), requireSignedIn, async (c) => {
      const list = await listIncidents(deps, c.var.signedIn, c.req.query())
      const now = deps.clock()
      const actorOf = await actorsOf(deps.store, list.map((i) => `contact:${i.contactId}`), deps.desk.name.nl)
      const windows = await extraWindowsOf(deps.store)
      c.header('Cache-Control', 'private, no-store')
      return c.json({ incidents: list.map((i) => presentIncidentRow(i, deps, now, windows, actorOf(`contact:${i.contactId}`).name)) })
    })
    .get('/:id', describe(READ), async (c) => {
      const viewer = c.get('viewer')
      const found = await readIncident(deps, viewer, c.req.param('id'))
      if (isRefused(found)) return refuse(c, found, INCIDENT_REFUSALS)
      const view = await presentIncidentView(deps, found, viewer.kind === 'staff')
      c.header('Cache-Control', 'private, no-store')
      return c.json(view)
    })
    .patch('/:id', describe(TRIAGE), requireStaff, requireJson, jsonBody(TriageInput), async (c) => {
      const outcome = await triageIncident(deps, c.var.staff, c.req.param('id'), c.req.valid('json'))
      const now = deps.clock()
      if ('current' in outcome) {
        const { current } = outcome
        return c.json({ code: 'version_conflict', message: MESSAGES.versionConflict[requestLanguage(c)], current: presentIncident(current, deps, now, await extraWindowsOf(deps.store, current.organisationId)) }, 409)
      }
      if (isRefused(outcome)) return refuse(c, outcome, INCIDENT_REFUSALS)
      const { incident } = outcome
      return c.json({ incident: presentIncident(incident, deps, now, await extraWindowsOf(deps.store, incident.organisationId)) })
    })
    .post('/:id/phone-contacts', describe(LOG_PHONE_CALL), requireStaff, requireJson, jsonBody(PhoneContactInput), async (c) => {
      const outcome = await logPhoneContact(deps, c.var.staff, c.req.param('id'), c.req.valid('json'))
      if (isRefused(outcome)) return refuse(c, outcome, INCIDENT_REFUSALS)
      return c.json({ message: outcome.message }, 201)
    })
    .post('/:id/messages', describe(MESSAGE), requireJson, jsonBody(MessageInput), requireSignedIn, async (c) => {
      const outcome = await addMessage(deps, c.var.signedIn, c.req.param('id'), c.req.valid('json'))
      if (isRefused(outcome)) return refuse(c, outcome, INCIDENT_REFUSALS)
      const { message, incident } = outcome
      return c.json({ message, incident: presentIncident(incident, deps, deps.clock(), await extraWindowsOf(deps.store, incident.organisationId)) }, 201)
    })
}
