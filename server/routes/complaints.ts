/** Complaints and opinions: contacts file and follow them in the portal, support answers them; every change is mailed. */
import { Hono } from 'hono'
import type { Deps } from '../deps.ts'
import { describe, movesOf } from '../http/describe.ts'
import { MESSAGES, requestLanguage } from '../http/errors.ts'
import { jsonBody, queryOf, requireJson } from '../middleware/json-body/index.ts'
import { PageReply, pageQuery } from '../http/paging.ts'
import { CURSOR_SHAPES } from '../store/cursor.ts'
import { COMPLAINT_STATUSES } from '../domain/records.ts'
import { requireContact, requireSignedIn, requireStaff, type SessionEnv } from '../middleware/session/index.ts'
import { z } from 'zod'
import { ComplaintReply, ComplaintVersionConflict, complaintPage, presentComplaint } from '../present/complaint.ts'
import { COMPLAINT_TRANSITIONS, ComplaintChangeInput, ComplaintInput } from '../domain/complaint.ts'
import { answerComplaint, fileComplaint, listComplaints, readComplaint } from '../services/complaints.ts'
import { isRefused, refuse, type RefusalReplies } from '../services/result.ts'

export { complaintPage }

const REFUSALS: RefusalReplies<'invalid_input' | 'not_found' | 'transition_refused'> = {
  invalid_input: [400, MESSAGES.invalidInput],
  not_found: [404, MESSAGES.complaintNotFound],
  transition_refused: [422, MESSAGES.transitionRefused],
}
const Complaint = z.object({ complaint: ComplaintReply })
/** The list's query: statuses (comma-separated; unknown ones ignored) and a page. */
const ComplaintListQuery = z.object({
  status: z.string().max(100).optional().meta({ description: `Statuses, comma-separated (${COMPLAINT_STATUSES.join(', ')}).`, example: 'received,in_progress' }),
  ...pageQuery(CURSOR_SHAPES.complaints),
})

export const complaints = (deps: Deps) =>
  new Hono<SessionEnv>()
    .post('/', describe('fileComplaint', 'Complaints', 'File a complaint or an opinion; a receipt is mailed', { 201: Complaint.extend({ url: z.string() }) }, {
      description: 'A complaint gets a response target of desk.yaml\'s `process.complaintResponseBusinessHours` business hours (`dueAt`). `incidentNumber` must be one the contact may see.',
    }), requireContact, requireJson, jsonBody(ComplaintInput), async (c) => {
      const outcome = await fileComplaint(deps, c.var.contact, c.req.valid('json'))
      if (isRefused(outcome)) return refuse(c, outcome, REFUSALS)
      return c.json({ complaint: await presentComplaint(deps, outcome.complaint), url: complaintPage(outcome.complaint, c.var.contact) }, 201)
    })
    .get('/', describe('listComplaints', 'Complaints', 'A page of the complaints and opinions the caller may see, newest first', { 200: z.object({ complaints: z.array(ComplaintReply), ...PageReply }) }), requireSignedIn, queryOf(ComplaintListQuery), async (c) => {
      const page = await listComplaints(deps, c.var.signedIn, c.req.valid('query'))
      c.header('Cache-Control', 'private, no-store')
      return c.json({ complaints: await Promise.all(page.items.map((complaint) => presentComplaint(deps, complaint))), next: page.next, total: page.total })
    })
    .get('/:id', describe('getComplaint', 'Complaints', 'One complaint or opinion, with its replies', { 200: Complaint }, { refuses: { not_found: REFUSALS.not_found } }), requireSignedIn, async (c) => {
      const outcome = await readComplaint(deps, c.var.signedIn, c.req.param('id'))
      if (isRefused(outcome)) return refuse(c, outcome, REFUSALS)
      c.header('Cache-Control', 'private, no-store')
      return c.json({ complaint: await presentComplaint(deps, outcome.complaint) })
    })
    .patch('/:id', describe('changeComplaint', 'Complaints', 'Answer a complaint or opinion, or move its status; mailed to whoever filed it (staff)', { 200: Complaint, 409: ComplaintVersionConflict }, {
      refuses: { not_found: REFUSALS.not_found, transition_refused: REFUSALS.transition_refused },
    }), requireStaff, requireJson, jsonBody(ComplaintChangeInput), async (c) => {
      const outcome = await answerComplaint(deps, c.var.staff, c.req.param('id'), c.req.valid('json'))
      if ('current' in outcome) {
        return c.json({ code: 'version_conflict', message: MESSAGES.complaintConflict[requestLanguage(c)], current: await presentComplaint(deps, outcome.current) }, 409)
      }
      if (isRefused(outcome)) return refuse(c, outcome, REFUSALS)
      return c.json({ complaint: await presentComplaint(deps, outcome.complaint) })
    })
