/** Incidents: register (widget or portal), confirm by e-mail, list and read by role, triage, react. */
import { randomUUID } from 'node:crypto'
import { Hono, type Context } from 'hono'
import { z } from 'zod'
import { PriorityLevel } from '../domain/desk.ts'
import {
  IncidentInput, mayFile, mayMove, newIncident, priorityRefusal, productAreaIssue, reactionRefusal, statusAfterReaction, withStatus,
} from '../domain/incident.ts'
import { INCIDENT_KINDS } from '../domain/desk.ts'
import { INCIDENT_STATUSES, type Contact, type Incident, type Message } from '../domain/records.ts'
import { timelineOf } from '../domain/timeline.ts'
import { contactIncidentFilter } from '../domain/visibility.ts'
import { hashToken, newToken } from '../auth/tokens.ts'
import type { Deps } from '../deps.ts'
import { MESSAGES, apiError } from '../http/errors.ts'
import { CONFIRM_HOURS } from '../mail/notifier.ts'
import { jsonBody, requireJson } from '../middleware/json-body/index.ts'
import { limitByAddress } from '../middleware/rate-limit/index.ts'
import { type SessionEnv, requireStaff } from '../middleware/session/index.ts'
import { VersionConflictError } from '../store/store.ts'
import { incidentEvents, incidentPage, refuseReaction } from './incident-events.ts'
import { actorsOf } from './actors.ts'
import { presentAttachment } from './attachments.ts'
import { TIMELINE_ACTIONS } from './consents.ts'
import { extraWindowsOf, presentIncident } from './present.ts'

/** The registration as it is kept until confirmed: the honeypot was empty, or nothing is kept at all. */
function withoutHoneypot({ website: _honeypot, ...input }: z.output<typeof IncidentInput>) {
  return input
}

/** Signed-in contacts are known and counted by their own actions: colleagues behind one address are not each other's limit. */
const isSignedInContact = (c: Context) => (c as Context<SessionEnv>).get('viewer')?.kind === 'contact'


export const ConfirmInput = z.strictObject({ token: z.string().min(20).max(100) })

export const TriageInput = z.strictObject({
  /** The version the change was made against; an older one is refused with 409. */
  version: z.number().int().positive(),
  priority: PriorityLevel.optional(),
  team: z.string().max(40).optional(),
  assigneeId: z.string().max(60).nullable().optional(),
  status: z.enum(INCIDENT_STATUSES).optional(),
})

/** A phone call support logs on the incident: an internal note, counted as a contact moment. */
export const PhoneContactInput = z.strictObject({
  /** inbound: the customer called; outbound: support called them. */
  direction: z.enum(['inbound', 'outbound']),
  /** What was said and agreed. */
  summary: z.string().trim().min(1).max(5_000),
})

export const MessageInput = z.strictObject({
  text: z.string().trim().min(1).max(20_000),
  /** Staff only: an internal note is never shown or mailed to the customer. Default public. */
  visibility: z.enum(['public', 'internal']).default('public'),
})

export const incidents = (deps: Deps) => {
  const { audit, mailStatus, trackToken, visible } = incidentEvents(deps)

  async function register(contact: Contact, input: z.output<typeof IncidentInput>): Promise<Incident> {
    const incident = await deps.store.incidents.create(newIncident(input, { contact, desk: deps.desk, now: deps.clock() }))
    // Independent records: written side by side, they share the store's flushes.
    await Promise.all([
      audit(`contact:${contact.id}`, 'incident.registered', incident, { team: incident.team }),
      trackToken(incident, contact).then((token) => deps.notifier.incidentRegistered({ incident, contact, trackToken: token })),
    ])
    return incident
  }


  /** What support sees beside an incident: the organisation, the requester's details and the organisation's other incidents. */
  async function staffContext(incident: Incident) {
    const [organisation, contact, others] = await Promise.all([
      deps.store.organisations.get(incident.organisationId),
      deps.store.contacts.get(incident.contactId),
      deps.store.incidents.list({ organisationId: incident.organisationId }),
    ])
    const history = others.filter((i) => i.id !== incident.id).sort((a, b) => b.registeredAt.localeCompare(a.registeredAt)).slice(0, 10)
    return {
      organisation: organisation ? { id: organisation.id, name: organisation.name, customerNumber: organisation.customerNumber, isFirstClass: organisation.isFirstClass } : null,
      contact: contact ? { id: contact.id, name: contact.name, email: contact.email, role: contact.role, lang: contact.lang } : null,
      /** The organisation's latest other incidents, newest first, with whether the same contact filed them. */
      history: history.map((i) => ({ id: i.id, number: i.number, subject: i.subject, status: i.status, kind: i.kind, registeredAt: i.registeredAt, isSameContact: i.contactId === incident.contactId })),
    }
  }

  const checkEmail = (c: Context, lang: 'nl' | 'en') => c.json({ status: 'check_email' as const, message: MESSAGES.checkEmail[lang] }, 202)

  return new Hono<SessionEnv>()
    .post('/', limitByAddress(deps.limits.registrationsPerAddress, 'register', { unless: isSignedInContact }), requireJson, jsonBody(IncidentInput), async (c) => {
      const input = c.req.valid('json')
      const areaIssue = productAreaIssue(deps.desk, input.productArea)
      if (areaIssue) return apiError(c, 400, 'invalid_input', MESSAGES.invalidInput, [{ path: 'productArea', message: areaIssue }])
      const viewer = c.get('viewer')
      if (viewer.kind === 'contact') {
        const incident = await register(viewer.contact, input)
        return c.json({ status: 'registered' as const, number: incident.number, id: incident.id, url: incidentPage(incident, viewer.contact) }, 201)
      }
      // A bot filled the field people never see: it gets the usual answer, and nothing happens.
      if (input.website) return checkEmail(c, input.lang)
      const wait = await deps.limits.registrationsPerEmail.hit(input.email)
      if (wait > 0) {
        c.header('Retry-After', String(wait))
        return apiError(c, 429, 'rate_limited', MESSAGES.rateLimited)
      }
      const contact = await deps.store.contacts.byEmail(input.email)
      const eventId = randomUUID()
      if (mayFile(contact)) {
        const token = newToken()
        const now = deps.clock()
        await deps.store.registrations.put({
          id: eventId, tokenHash: hashToken(token), contactId: contact.id,
          input: withoutHoneypot(input),
          createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + CONFIRM_HOURS * 3_600_000).toISOString(),
        })
        await deps.notifier.confirmRegistration({ registrationId: eventId, to: input.email, lang: input.lang, name: input.name, subject: input.subject, token })
      } else {
        await deps.notifier.notAuthorised({ eventId, to: input.email, lang: input.lang, name: input.name })
      }
      return checkEmail(c, input.lang)
    })
    .get('/confirm', (c) => c.html(confirmPage(c.req.query('token') ?? '')))
    .post('/confirm', async (c) => {
      const isForm = (c.req.header('content-type') ?? '').startsWith('application/x-www-form-urlencoded')
      const raw = isForm ? { token: String((await c.req.parseBody()).token ?? '') } : await c.req.json().catch(() => ({}))
      const parsed = ConfirmInput.safeParse(raw)
      const registration = parsed.success ? await deps.store.registrations.take(hashToken(parsed.data.token), deps.clock()) : undefined
      if (!registration) return isForm ? c.html(resultPage('expired'), 400) : apiError(c, 400, 'token_invalid', MESSAGES.tokenInvalid)
      const contact = await deps.store.contacts.get(registration.contactId)
      // Authorisation may have been withdrawn between the submission and the click.
      if (!mayFile(contact)) return isForm ? c.html(resultPage('refused'), 403) : apiError(c, 403, 'not_authorised', MESSAGES.notAuthorised)
      const incident = await register(contact, IncidentInput.parse(registration.input))
      return isForm ? c.html(resultPage('registered', incident.number, registration.input.lang), 201) : c.json({ status: 'registered' as const, number: incident.number, id: incident.id, url: incidentPage(incident, contact) }, 201)
    })
    .get('/', async (c) => {
      const viewer = c.get('viewer')
      if (viewer.kind === 'anonymous') return apiError(c, 401, 'sign_in_required', MESSAGES.signInRequired)
      const status = c.req.query('status')?.split(',').filter((s): s is Incident['status'] => (INCIDENT_STATUSES as readonly string[]).includes(s))
      const kinds = c.req.query('kind')?.split(',').filter((k): k is Incident['kind'] => (INCIDENT_KINDS as readonly string[]).includes(k))
      const contactId = c.req.query('contactId')
      const filter = viewer.kind === 'contact'
        // An employee's own filter wins over any contactId they send: they see only what they filed.
        ? { ...(contactId ? { contactId } : {}), ...contactIncidentFilter(viewer.contact), ...(status?.length ? { status } : {}) }
        : {
            ...(contactId ? { contactId } : {}),
            ...(c.req.query('team') ? { team: c.req.query('team') } : {}),
            ...(c.req.query('mine') === '1' ? { assigneeId: viewer.staff.id } : {}),
            ...(c.req.query('organisationId') ? { organisationId: c.req.query('organisationId') } : {}),
            ...(status?.length ? { status } : {}),
          }
      const now = deps.clock()
      const list = (await deps.store.incidents.list(filter))
        .filter((i) => !kinds?.length || kinds.includes(i.kind))
        .sort((a, b) => b.registeredAt.localeCompare(a.registeredAt))
      const actorOf = await actorsOf(deps.store, list.map((i) => `contact:${i.contactId}`), deps.desk.name.nl)
      c.header('Cache-Control', 'private, no-store')
      const windows = await extraWindowsOf(deps.store)
      return c.json({ incidents: list.map((i) => ({ ...presentIncident(i, deps, now, windows), contactName: actorOf(`contact:${i.contactId}`).name })) })
    })
    .get('/:id', async (c) => {
      const incident = await visible(c, c.req.param('id'))
      if (!incident) return apiError(c, 404, 'not_found', MESSAGES.incidentNotFound)
      const isStaff = c.get('viewer').kind === 'staff'
      const [allMessages, files, audit] = await Promise.all([
        deps.store.messages.listByIncident(incident.id), deps.store.attachments.listByIncident(incident.id), deps.store.audit.listFor(`incident:${incident.id}`),
      ])
      const consentSteps = audit.filter((entry) => TIMELINE_ACTIONS.test(entry.action))
      const messages = allMessages.filter((m) => isStaff || m.visibility === 'public')
      const refs = [
        `contact:${incident.contactId}`, ...incident.statusHistory.map((h) => h.by), ...allMessages.map((m) => m.author), ...files.map((a) => a.uploadedBy), ...consentSteps.map((s) => s.actor),
      ]
      const actorOf = await actorsOf(deps.store, refs, deps.desk.name.nl)
      const timeline = timelineOf(incident, allMessages, files, actorOf, { isStaff, consentSteps })
      const shown = new Set(timeline.flatMap((e) => (e.type === 'message' ? e.attachments.map((a) => a.id) : e.type === 'attachment' ? [e.attachment.id] : [])))
      const now = deps.clock()
      c.header('Cache-Control', 'private, no-store')
      return c.json({
        incident: presentIncident(incident, deps, now, await extraWindowsOf(deps.store, incident.organisationId)),
        requester: { id: incident.contactId, name: actorOf(`contact:${incident.contactId}`).name },
        ...(isStaff ? await staffContext(incident) : {}),
        messages,
        attachments: files.filter((a) => shown.has(a.id)).map(presentAttachment),
        timeline,
        /** Why the customer may not react any more, if so: the portal then offers a new incident instead. */
        reactionRefusal: isStaff ? null : (reactionRefusal(incident, now, deps.desk) ?? null),
      })
    })
    .patch('/:id', requireStaff, requireJson, jsonBody(TriageInput), async (c) => {
      const viewer = c.get('viewer')
      if (viewer.kind !== 'staff') throw new Error('unreachable: requireStaff')
      const change = c.req.valid('json')
      const incident = await deps.store.incidents.get(c.req.param('id'))
      if (!incident) return apiError(c, 404, 'not_found', MESSAGES.incidentNotFound)
      if (change.priority !== undefined) {
        const organisation = await deps.store.organisations.get(incident.organisationId)
        if (organisation && priorityRefusal(change.priority, organisation, deps.desk)) {
          return apiError(c, 422, 'priority_first_class_only', MESSAGES.firstClassOnly, [{ path: 'priority', message: 'priority 1 is for First Class organisations only' }])
        }
      }
      if (change.team !== undefined && !deps.desk.teams.some((t) => t.key === change.team)) {
        return apiError(c, 400, 'invalid_input', MESSAGES.invalidInput, [{ path: 'team', message: `unknown team; one of: ${deps.desk.teams.map((t) => t.key).join(', ')}` }])
      }
      if (change.assigneeId) {
        const assignee = await deps.store.staff.get(change.assigneeId)
        if (!assignee?.isActive) return apiError(c, 400, 'invalid_input', MESSAGES.invalidInput, [{ path: 'assigneeId', message: 'no active staff member with this id' }])
      }
      if (change.status !== undefined && change.status !== incident.status && !mayMove(incident.status, change.status)) {
        return apiError(c, 422, 'transition_refused', MESSAGES.transitionRefused, [{ path: 'status', message: `${incident.status} cannot become ${change.status}` }])
      }
      const now = deps.clock()
      let updated: Incident
      try {
        updated = await deps.store.incidents.update(incident.id, change.version, (current) => {
          let next: Incident = { ...current, updatedAt: now.toISOString() }
          if (change.priority !== undefined) next.priority = change.priority
          if (change.team !== undefined) next.team = change.team
          if (change.assigneeId !== undefined) next.assigneeId = change.assigneeId
          if (change.status !== undefined) next = withStatus(next, change.status, `staff:${viewer.staff.id}`, now)
          return next
        })
      } catch (error) {
        if (!(error instanceof VersionConflictError)) throw error
        return c.json({ code: 'version_conflict', message: MESSAGES.versionConflict[c.req.header('accept-language')?.startsWith('en') ? 'en' : 'nl'], current: presentIncident(error.current, deps, now, await extraWindowsOf(deps.store, error.current.organisationId)) }, 409)
      }
      const { version: _v, ...fields } = change
      await audit(`staff:${viewer.staff.id}`, 'incident.triaged', updated, fields)
      if (updated.status !== incident.status) await mailStatus(updated)
      return c.json({ incident: presentIncident(updated, deps, now, await extraWindowsOf(deps.store, updated.organisationId)) })
    })
    .post('/:id/phone-contacts', requireStaff, requireJson, jsonBody(PhoneContactInput), async (c) => {
      const viewer = c.get('viewer')
      if (viewer.kind !== 'staff') throw new Error('unreachable: requireStaff')
      const incident = await deps.store.incidents.get(c.req.param('id'))
      if (!incident) return apiError(c, 404, 'not_found', MESSAGES.incidentNotFound)
      const { direction, summary } = c.req.valid('json')
      const author = `staff:${viewer.staff.id}`
      const message: Message = {
        id: randomUUID(), incidentId: incident.id, visibility: 'internal', channel: 'phone', direction, author,
        text: summary, attachmentIds: [], at: deps.clock().toISOString(),
      }
      await deps.store.messages.add(message)
      await audit(author, 'phone.logged', incident, { direction })
      return c.json({ message }, 201)
    })
    .post('/:id/messages', requireJson, jsonBody(MessageInput), async (c) => {
      const viewer = c.get('viewer')
      if (viewer.kind === 'anonymous') return apiError(c, 401, 'sign_in_required', MESSAGES.signInRequired)
      const incident = await visible(c, c.req.param('id'))
      if (!incident) return apiError(c, 404, 'not_found', MESSAGES.incidentNotFound)
      const { text, visibility } = c.req.valid('json')
      const now = deps.clock()
      const isStaff = viewer.kind === 'staff'
      const refusal = isStaff ? undefined : reactionRefusal(incident, now, deps.desk)
      if (refusal) return refuseReaction(c, refusal)
      const author = isStaff ? `staff:${viewer.staff.id}` : `contact:${viewer.contact.id}`
      const message = { id: randomUUID(), incidentId: incident.id, visibility: isStaff ? visibility : 'public' as const, author, text, attachmentIds: [], at: now.toISOString() }
      await deps.store.messages.add(message)
      let current = incident
      if (!isStaff) {
        const next = statusAfterReaction(incident, now, deps.desk)
        if (next !== incident.status) {
          current = await deps.store.incidents.update(incident.id, incident.version, (i) => withStatus(i, next, author, now))
          await mailStatus(current)
        }
      } else if (message.visibility === 'public') {
        await mailStatus(current, text, `message:${message.id}`)
      }
      await audit(author, isStaff && message.visibility === 'internal' ? 'note.added' : 'message.added', current)
      return c.json({ message, incident: presentIncident(current, deps, now, await extraWindowsOf(deps.store, current.organisationId)) }, 201)
    })
}

const PAGE_STYLE = 'font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5'

/** The page an e-mail's confirmation link opens: one button, so a link scanner cannot confirm. */
function confirmPage(token: string): string {
  const safe = token.replace(/[^\w-]/g, '')
  return `<!doctype html><html lang="nl"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Melding bevestigen · Confirm your request</title>
<body style="${PAGE_STYLE}"><h1>Melding bevestigen</h1><p>Bevestig dat u deze melding wilt doen. <span lang="en">Confirm that you want to send this request.</span></p>
<form method="post" action="/api/incidents/confirm"><input type="hidden" name="token" value="${safe}"><button type="submit" style="font:inherit;padding:.5rem 1rem">Bevestigen · <span lang="en">Confirm</span></button></form></body></html>`
}

function resultPage(kind: 'registered' | 'expired' | 'refused', number?: string, lang: 'nl' | 'en' = 'nl'): string {
  const texts = {
    registered: {
      nl: `Uw melding is geregistreerd onder nummer <strong>${number}</strong>. U ontvangt een e-mail met een link om haar te volgen.`,
      en: `Your request is registered as number <strong>${number}</strong>. You will receive an e-mail with a link to follow it.`,
    },
    expired: MESSAGES.tokenInvalid,
    refused: MESSAGES.notAuthorised,
  }[kind]
  const heading = { registered: { nl: 'Melding geregistreerd', en: 'Request registered' }, expired: { nl: 'Link werkt niet meer', en: 'Link no longer works' }, refused: { nl: 'Melding niet geregistreerd', en: 'Request not registered' } }[kind]
  return `<!doctype html><html lang="${lang}"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${heading[lang]}</title>
<body style="${PAGE_STYLE}"><h1>${heading[lang]}</h1><p>${texts[lang]}</p><p><a href="${lang === 'en' ? '/en/' : '/'}">${lang === 'en' ? 'To the knowledge base' : 'Naar de kennisbank'}</a></p></body></html>`
}
