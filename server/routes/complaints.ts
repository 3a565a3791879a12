/** Complaints and opinions: contacts file and follow them in the portal, support answers them; every change is mailed. */
import { Hono } from 'hono'
import type { Deps } from '../deps.ts'
import { describe } from '../http/describe.ts'
import { MESSAGES, requestLanguage } from '../http/errors.ts'
import { jsonBody, requireJson } from '../middleware/json-body/index.ts'
import { requireContact, requireSignedIn, requireStaff, type SessionEnv } from '../middleware/session/index.ts'
import { complaintPage, presentComplaint } from '../present/complaint.ts'
import { ComplaintChangeInput, ComplaintInput } from '../domain/complaint.ts'
import { answerComplaint, fileComplaint, listComplaints, readComplaint } from '../services/complaints.ts'
import { isRefused, refuse, type RefusalReplies } from '../services/result.ts'
import { CHANGE, FILE, LIST, READ } from './complaints.openapi.ts'

export { complaintPage }

const REFUSALS: RefusalReplies<'invalid_input' | 'not_found' | 'transition_refused'> = {
  invalid_input: [400, MESSAGES.invalidInput],
  not_found: [404, MESSAGES.complaintNotFound],
  transition_refused: [422, MESSAGES.transitionRefused],
}

export const complaints = (deps: Deps) =>
  new Hono<SessionEnv>()
    .post('/', describe(FILE), requireContact, requireJson, jsonBody(ComplaintInput), async (c) => {
      const outcome = await fileComplaint(deps, c.var.contact, c.req.valid('json'))
      if (isRefused(outcome)) return refuse(c, outcome, REFUSALS)
      return c.json({ complaint: await presentComplaint(deps, outcome.complaint), url: complaintPage(outcome.complaint, c.var.contact) }, 201)
    })
    .get('/', describe(LIST), requireSignedIn, async (c) => {
      const list = await listComplaints(deps, c.var.signedIn, c.req.query('status'))
      c.header('Cache-Control', 'private, no-store')
      return c.json({ complaints: await Promise.all(list.map((complaint) => presentComplaint(deps, complaint))) })
    })
    .get('/:id', describe(READ), requireSignedIn, async (c) => {
      const outcome = await readComplaint(deps, c.var.signedIn, c.req.param('id'))
      if (isRefused(outcome)) return refuse(c, outcome, REFUSALS)
      c.header('Cache-Control', 'private, no-store')
      return c.json({ complaint: await presentComplaint(deps, outcome.complaint) })
    })
    .patch('/:id', describe(CHANGE), requireStaff, requireJson, jsonBody(ComplaintChangeInput), async (c) => {
      const outcome = await answerComplaint(deps, c.var.staff, c.req.param('id'), c.req.valid('json'))
      if ('current' in outcome) {
        return c.json({ code: 'version_conflict', message: MESSAGES.complaintConflict[requestLanguage(c)], current: await presentComplaint(deps, outcome.current) }, 409)
      }
      if (isRefused(outcome)) return refuse(c, outcome, REFUSALS)
      return c.json({ complaint: await presentComplaint(deps, outcome.complaint) })
    })
