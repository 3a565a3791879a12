/** Complaints and opinions: contacts file and follow them in the portal, support answers them; every change is mailed. */
import { randomUUID } from 'node:crypto'
import { Hono, type Context, type MiddlewareHandler } from 'hono'
import { ComplaintChangeInput, ComplaintInput, changeComplaint, complaintChangeRefusal, isComplaintBreached, newComplaint } from '../domain/complaint.ts'
import { COMPLAINT_STATUSES, type Complaint, type ComplaintStatus, type Contact } from '../domain/records.ts'
import { contactMaySee } from '../policies/incident.ts'
import type { Deps } from '../deps.ts'
import { MESSAGES, apiError, requestLanguage } from '../http/errors.ts'
import { jsonBody, requireJson } from '../middleware/json-body/index.ts'
import { type SessionEnv, requireStaff } from '../middleware/session/index.ts'
import { VersionConflictError } from '../store/store.ts'
import { actorsOf } from '../services/actors.ts'
import { signInToken } from '../services/sign-in.ts'
import { TRACK_LINK_DAYS } from '../services/incident-events.ts'

/** The portal page of a complaint, where a link in its e-mails lands. */
export function complaintPage(complaint: Complaint, contact: Contact): string {
  return `${contact.lang === 'en' ? '/en/portal/complaints' : '/portaal/klachten'}/?id=${complaint.id}`
}

/** 401 for nobody, 403 for staff: only a customer's contact files a complaint, before anything reads the body. */
const contactsOnly: MiddlewareHandler<SessionEnv> = async (c, next) => {
  const viewer = c.get('viewer')
  if (viewer.kind === 'anonymous') return apiError(c, 401, 'sign_in_required', MESSAGES.signInRequired)
  if (viewer.kind !== 'contact') return apiError(c, 403, 'contacts_only', MESSAGES.contactsOnly)
  await next()
}

export const complaints = (deps: Deps) => {
  /** A complaint as its viewer reads it: names instead of references, the incident by number, the target's state. */
  async function present(complaint: Complaint) {
    const refs = [`contact:${complaint.contactId}`, ...complaint.replies.map((r) => r.by), ...complaint.statusHistory.map((h) => h.by)]
    const actorOf = await actorsOf(deps.store, refs, deps.desk.name.nl)
    const incident = complaint.incidentId ? await deps.store.incidents.get(complaint.incidentId) : undefined
    const { incidentId: _id, contactId, statusHistory, replies, ...fields } = complaint
    return {
      ...fields,
      contact: { id: contactId, name: actorOf(`contact:${contactId}`).name },
      incident: incident ? { id: incident.id, number: incident.number, subject: incident.subject } : null,
      statusHistory: statusHistory.map((h) => ({ status: h.status, at: h.at, by: actorOf(h.by) })),
      replies: replies.map((r) => ({ at: r.at, text: r.text, by: actorOf(r.by) })),
      isBreached: isComplaintBreached(complaint, deps.clock()),
    }
  }

  /** The complaint if the viewer may see it: staff all, an admin the organisation's, an employee their own. */
  async function visible(c: Context<SessionEnv>, id: string): Promise<Complaint | undefined> {
    const complaint = await deps.store.complaints.get(id)
    const viewer = c.get('viewer')
    if (!complaint || viewer.kind === 'anonymous') return undefined
    if (viewer.kind === 'staff') return complaint
    return contactMaySee(viewer.contact, complaint) ? complaint : undefined
  }

  async function mail(complaint: Complaint, kind: 'received' | 'changed') {
    const contact = await deps.store.contacts.get(complaint.contactId)
    if (!contact) return
    const { token } = await signInToken(deps, { kind: 'contact', id: contact.id }, TRACK_LINK_DAYS * 24 * 60, complaintPage(complaint, contact))
    if (kind === 'received') await deps.notifier.complaintReceived({ complaint, contact, trackToken: token })
    else await deps.notifier.complaintChanged({ complaint, contact, trackToken: token })
  }

  const audit = (actor: string, action: string, complaint: Complaint, details?: Record<string, unknown>) =>
    deps.store.audit.append({ id: randomUUID(), at: deps.clock().toISOString(), actor, action, target: `complaint:${complaint.id}`, ...(details ? { details } : {}) })

  return new Hono<SessionEnv>()
    .post('/', contactsOnly, requireJson, jsonBody(ComplaintInput), async (c) => {
      const viewer = c.get('viewer')
      if (viewer.kind !== 'contact') throw new Error('unreachable: contactsOnly')
      const input = c.req.valid('json')
      let incidentId: string | null = null
      if (input.incidentNumber) {
        const incident = await deps.store.incidents.byNumber(input.incidentNumber)
        // Someone else's incident is answered as an unknown number: nobody learns it exists.
        if (!incident || !contactMaySee(viewer.contact, incident)) {
          return apiError(c, 400, 'invalid_input', MESSAGES.invalidInput, [{ path: 'incidentNumber', message: 'no incident with this number that you may see' }])
        }
        incidentId = incident.id
      }
      const complaint = await deps.store.complaints.create(newComplaint(input, { contact: viewer.contact, incidentId, desk: deps.desk, calendar: deps.calendar, now: deps.clock() }))
      await Promise.all([audit(`contact:${viewer.contact.id}`, `${complaint.kind}.filed`, complaint), mail(complaint, 'received')])
      return c.json({ complaint: await present(complaint), url: complaintPage(complaint, viewer.contact) }, 201)
    })
    .get('/', async (c) => {
      const viewer = c.get('viewer')
      if (viewer.kind === 'anonymous') return apiError(c, 401, 'sign_in_required', MESSAGES.signInRequired)
      const filter = viewer.kind === 'staff' ? {}
        : viewer.contact.role === 'admin' ? { organisationId: viewer.contact.organisationId }
        : { organisationId: viewer.contact.organisationId, contactId: viewer.contact.id }
      const status = c.req.query('status')?.split(',').filter((s): s is ComplaintStatus => (COMPLAINT_STATUSES as readonly string[]).includes(s))
      const list = (await deps.store.complaints.list(filter))
        .filter((x) => !status?.length || status.includes(x.status))
        .sort((a, b) => b.registeredAt.localeCompare(a.registeredAt))
      c.header('Cache-Control', 'private, no-store')
      return c.json({ complaints: await Promise.all(list.map(present)) })
    })
    .get('/:id', async (c) => {
      if (c.get('viewer').kind === 'anonymous') return apiError(c, 401, 'sign_in_required', MESSAGES.signInRequired)
      const complaint = await visible(c, c.req.param('id'))
      if (!complaint) return apiError(c, 404, 'not_found', MESSAGES.complaintNotFound)
      c.header('Cache-Control', 'private, no-store')
      return c.json({ complaint: await present(complaint) })
    })
    .patch('/:id', requireStaff, requireJson, jsonBody(ComplaintChangeInput), async (c) => {
      const viewer = c.get('viewer')
      if (viewer.kind !== 'staff') throw new Error('unreachable: requireStaff')
      const change = c.req.valid('json')
      const complaint = await deps.store.complaints.get(c.req.param('id'))
      if (!complaint) return apiError(c, 404, 'not_found', MESSAGES.complaintNotFound)
      if (complaintChangeRefusal(complaint, change.status)) {
        return apiError(c, 422, 'transition_refused', MESSAGES.transitionRefused, [{ path: 'status', message: `${complaint.status} cannot become ${change.status}` }])
      }
      const by = `staff:${viewer.staff.id}`
      let updated: Complaint
      try {
        updated = await deps.store.complaints.update(complaint.id, change.version, (current) => changeComplaint(current, change, by, deps.clock()))
      } catch (error) {
        if (!(error instanceof VersionConflictError)) throw error
        return c.json({ code: 'version_conflict', message: MESSAGES.complaintConflict[requestLanguage(c)], current: await present(error.current as Complaint) }, 409)
      }
      await audit(by, 'complaint.changed', updated, { status: change.status, hasReply: change.reply !== undefined })
      await mail(updated, 'changed')
      return c.json({ complaint: await present(updated) })
    })
}
