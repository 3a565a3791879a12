/** Incidents: register (widget or portal), confirm by e-mail, list and read by role, triage, react, log a phone call. */
import { Hono, type Context } from 'hono'
import { resolver } from 'hono-openapi'
import { z } from 'zod'
import type { Deps } from '../deps.ts'
import { SESSION_OPTIONAL, describe, errorReply, htmlReply, jsonReply, movesOf, only } from '../http/describe.ts'
import { STAFF_TRANSITIONS } from '#domain/transitions.ts'
import { MESSAGES, requestLanguage } from '../http/errors.ts'
import { jsonBody, queryOf, requireJson } from '../middleware/json-body/index.ts'
import { limitByAddress, limitWrongTokens } from '../middleware/rate-limit/index.ts'
import { requireSignedIn, requireStaff, type SessionEnv } from '../middleware/session/index.ts'
import { actorsOf } from '../services/actors.ts'
import { incidentPage } from '../services/incident-events.ts'
import { addMessage, listIncidents, logPhoneContact, readIncident, triageIncident } from '../services/incidents.ts'
import { checkProductArea, confirmRegistration, registerIncident, requestRegistration } from '../services/register-incident.ts'
import { extraWindowsOf } from '../services/extra-windows.ts'
import { isRefused, refuse } from '../services/result.ts'
import { CheckEmail, IncidentReply, IncidentRowReply, MessageReply, Registered, VersionConflict, presentCheckEmail, presentIncident, presentIncidentRow, presentRegistered } from '../present/incident.ts'
import { INCIDENT_REFUSALS } from '../present/incident-refusal.ts'
import { IncidentView, presentIncidentView } from '../present/incident-view.ts'
import { confirmExpiredPage, confirmPage, pageLanguage, refusedPage, registeredPage, tooManyTriesPage } from '../present/pages.ts'
import { ConfirmInput, IncidentListQuery, MessageInput, PhoneContactInput, RegistrationInput, TriageInput } from '../services/incident-input.ts'
import { PageReply } from '../http/paging.ts'

/** Signed-in contacts are known and counted by their own actions: colleagues behind one address are not each other's limit. */
const isSignedInContact = (c: Context) => (c as Context<SessionEnv>).get('viewer')?.kind === 'contact'
const Incident = z.object({ incident: IncidentReply })
/** The confirmation answers JSON, or an HTML page to a form post. */
const orPage = (description: string, json: { content: object }) => ({ description, content: { ...json.content, ...htmlReply('').content } })

export const incidents = (deps: Deps) => {
  const checkEmail = (c: Context, lang: 'nl' | 'en') => c.json(presentCheckEmail(MESSAGES.checkEmail[lang]), 202)
  /** A landing page's language and desk: the `lang` the e-mailed link carries, kept by the page's form. */
  const pageOf = (c: Context) => ({ lang: pageLanguage(c.req.query('lang')), desk: deps.desk })

  return new Hono<SessionEnv>()
    .post('/', describe('registerIncident', 'Incidents', 'Register an incident: anonymous, confirmed by e-mail (202); signed in as a contact, at once (201)', { 201: Registered, 202: CheckEmail }, {
      security: SESSION_OPTIONAL, refuses: only(INCIDENT_REFUSALS, 'invalid_input', 'rate_limited'),
    }), limitByAddress(deps.limits.registrationsPerAddress, 'register', { unless: isSignedInContact }), requireJson, jsonBody(RegistrationInput), async (c) => {
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
    .get('/confirm', describe('confirmationPage', 'Incidents', 'The e-mailed link: a page with one button that posts the token, in the link\'s `lang` (default Dutch)', { 200: htmlReply('The page.') }), (c) => c.html(confirmPage(c.req.query('token') ?? '', pageOf(c))))
    .post('/confirm', describe('confirmRegistration', 'Incidents', 'Confirm a registration with the e-mailed token: the incident is registered', {
      200: orPage('The link was used before: the incident it registered.', jsonReply('', Registered)),
      201: orPage('Registered.', jsonReply('', Registered)), 400: orPage('The token is unknown or expired.', errorReply('', {})), 403: orPage('No longer an authorised, active contact.', errorReply('', {})),
    }, {
      description: 'A form post answers a page in the mail\'s language (`lang` in the query, default Dutch); a token used before answers the incident it registered (200), so that nobody registers it twice.',
      requestBody: { required: true, content: { 'application/json': { schema: resolver(ConfirmInput) }, 'application/x-www-form-urlencoded': { schema: resolver(ConfirmInput) } } },
      refuses: only(INCIDENT_REFUSALS, 'token_invalid', 'not_authorised'),
    }),
    // An unknown, used or expired token (400) is a guess: counted per address, as wrong remote-view codes are.
    limitWrongTokens(deps.limits.wrongTokensPerAddress, 'confirm-token', { isWrong: (res) => res.status === 400, page: (wait, c) => tooManyTriesPage(wait, pageOf(c)) }), async (c) => {
      const isForm = (c.req.header('content-type') ?? '').startsWith('application/x-www-form-urlencoded')
      const raw = isForm ? { token: String((await c.req.parseBody()).token ?? '') } : await c.req.json().catch(() => ({}))
      const parsed = ConfirmInput.safeParse(raw)
      const outcome = await confirmRegistration(deps, parsed.success ? parsed.data.token : undefined)
      if (isRefused(outcome)) {
        if (!isForm) return refuse(c, outcome, INCIDENT_REFUSALS)
        return outcome.refused === 'token_invalid' ? c.html(confirmExpiredPage(pageOf(c)), 400) : c.html(refusedPage(pageOf(c)), 403)
      }
      const { incident, contact, lang, isAlreadyConfirmed } = outcome
      const status = isAlreadyConfirmed ? 200 : 201
      return isForm ? c.html(registeredPage(incident, isAlreadyConfirmed, { lang, desk: deps.desk }), status) : c.json(presentRegistered(incident, incidentPage(incident, contact)), status)
    })
    .get('/', describe('listIncidents', 'Incidents', 'A page of the incidents the caller may see, newest first, optionally searched: an employee their own, an admin the organisation\'s, staff all', {
      200: z.object({ incidents: z.array(IncidentRowReply), ...PageReply }),
    }), requireSignedIn, queryOf(IncidentListQuery), async (c) => {
      const page = await listIncidents(deps, c.var.signedIn, c.req.valid('query'))
      const now = deps.clock()
      const actorOf = await actorsOf(deps.store, page.items.map((i) => `contact:${i.contactId}`), deps.desk.name.nl)
      // Targets for the page shown only, with the windows of its organisations.
      const organisations = [...new Set(page.items.map((i) => i.organisationId))]
      const windows = organisations.length === 1 ? await extraWindowsOf(deps.store, organisations[0]) : await extraWindowsOf(deps.store)
      c.header('Cache-Control', 'private, no-store')
      return c.json({ incidents: page.items.map((i) => presentIncidentRow(i, deps, now, windows, actorOf(`contact:${i.contactId}`).name)), next: page.next, total: page.total })
    })
    .get('/:id', describe('getIncident', 'Incidents', 'One incident with its messages, files and timeline; staff also see internal notes and the customer', { 200: IncidentView }, {
      security: [{ cookieAuth: [] }], refuses: only(INCIDENT_REFUSALS, 'not_found'),
    }), async (c) => {
      const viewer = c.get('viewer')
      const found = await readIncident(deps, viewer, c.req.param('id'))
      if (isRefused(found)) return refuse(c, found, INCIDENT_REFUSALS)
      const view = await presentIncidentView(deps, found, viewer.kind === 'staff')
      c.header('Cache-Control', 'private, no-store')
      return c.json(view)
    })
    .patch('/:id', describe('triageIncident', 'Triage', 'Set priority, team, assignee or status; a status change is mailed (staff)', { 200: Incident, 409: VersionConflict }, {
      description: `Priority 1 is for First Class organisations. The moves:\n\n${movesOf(STAFF_TRANSITIONS)}`, refuses: only(INCIDENT_REFUSALS, 'not_found', 'priority_first_class_only', 'transition_refused'),
    }), requireStaff, requireJson, jsonBody(TriageInput), async (c) => {
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
    .post('/:id/phone-contacts', describe('logPhoneCall', 'Console', 'Log a phone call: an internal message the customer never sees (staff)', { 201: z.object({ message: MessageReply }) }, {
      refuses: only(INCIDENT_REFUSALS, 'not_found'),
    }), requireStaff, requireJson, jsonBody(PhoneContactInput), async (c) => {
      const outcome = await logPhoneContact(deps, c.var.staff, c.req.param('id'), c.req.valid('json'))
      if (isRefused(outcome)) return refuse(c, outcome, INCIDENT_REFUSALS)
      return c.json({ message: outcome.message }, 201)
    })
    .post('/:id/messages', describe('addMessage', 'Incidents', 'React, or add an internal note (staff); a customer\'s reaction hands the incident back to support', {
      201: z.object({ message: MessageReply, incident: IncidentReply }),
    }, { refuses: only(INCIDENT_REFUSALS, 'not_found', 'incident_closed', 'reopen_window_passed', 'transition_refused') }), requireJson, jsonBody(MessageInput), requireSignedIn, async (c) => {
      const outcome = await addMessage(deps, c.var.signedIn, c.req.param('id'), c.req.valid('json'))
      if (isRefused(outcome)) return refuse(c, outcome, INCIDENT_REFUSALS)
      const { message, incident } = outcome
      return c.json({ message, incident: presentIncident(incident, deps, deps.clock(), await extraWindowsOf(deps.store, incident.organisationId)) }, 201)
    })
}
