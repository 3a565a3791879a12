/** The console's complaints desk: the queue of complaints and opinions by due time, one with its internal notes, and support's changes to it. */
import { Hono } from 'hono'
import { z } from 'zod'
import type { Deps } from '../deps.ts'
import { describe } from '../http/describe.ts'
import { MESSAGES, requestLanguage } from '../http/errors.ts'
import { PageReply, pageQuery } from '../http/paging.ts'
import { jsonBody, queryOf, requireJson } from '../middleware/json-body/index.ts'
import { requireStaff, type SessionEnv } from '../middleware/session/index.ts'
import { ComplaintChangeInput } from '../domain/complaint.ts'
import { COMPLAINT_STATUSES } from '../domain/records.ts'
import { StaffComplaintReply, StaffComplaintVersionConflict, presentStaffComplaint } from '../present/complaint.ts'
import { answerComplaint, complaintQueue, readComplaint } from '../services/complaints.ts'
import { isRefused, refuse, type RefusalReplies } from '../services/result.ts'
import { CURSOR_SHAPES } from '../store/cursor.ts'

const REFUSALS: RefusalReplies<'invalid_input' | 'not_found' | 'transition_refused'> = {
  invalid_input: [400, MESSAGES.invalidInput],
  not_found: [404, MESSAGES.complaintNotFound],
  transition_refused: [422, MESSAGES.transitionRefused],
}
const StaffComplaint = z.object({ complaint: StaffComplaintReply })
/** The queue's query: statuses (comma-separated; unknown ones ignored), an assignee and a page. */
const ComplaintQueueQuery = z.object({
  status: z.string().max(100).optional().meta({ description: `Statuses, comma-separated (${COMPLAINT_STATUSES.join(', ')}); default all.`, example: 'received,in_progress' }),
  assignee: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, { error: 'an assignee is "me", "none" or a staff id' }).optional()
    .meta({ description: '`me` (the caller\'s), `none` (nobody\'s yet) or a staff id; default anyone\'s.', example: 'me' }),
  ...pageQuery(CURSOR_SHAPES.complaintQueue),
})

export const staffComplaints = (deps: Deps) =>
  new Hono<SessionEnv>()
    .use('*', requireStaff)
    .get('/', describe('getComplaintQueue', 'Console', 'A page of the complaints queue: open ones earliest due first (opinions after them), then resolved ones newest first (staff)', {
      200: z.object({ complaints: z.array(StaffComplaintReply), ...PageReply }),
    }), queryOf(ComplaintQueueQuery), async (c) => {
      const page = await complaintQueue(deps, c.var.staff, c.req.valid('query'))
      c.header('Cache-Control', 'private, no-store')
      return c.json({ complaints: await Promise.all(page.items.map((complaint) => presentStaffComplaint(deps, complaint))), next: page.next, total: page.total })
    })
    .get('/:id', describe('getStaffComplaint', 'Console', 'One complaint or opinion with its internal notes and assignee (staff)', { 200: StaffComplaint }, { refuses: { not_found: REFUSALS.not_found } }), async (c) => {
      const outcome = await readComplaint(deps, c.var.viewer, c.req.param('id'))
      if (isRefused(outcome)) return refuse(c, outcome, REFUSALS)
      c.header('Cache-Control', 'private, no-store')
      return c.json({ complaint: await presentStaffComplaint(deps, outcome.complaint) })
    })
    .patch('/:id', describe('changeStaffComplaint', 'Console', 'Answer, note, assign or move a complaint; only a reply or a new status is mailed to whoever filed it (staff)', { 200: StaffComplaint, 409: StaffComplaintVersionConflict }, {
      refuses: { invalid_input: REFUSALS.invalid_input, not_found: REFUSALS.not_found, transition_refused: REFUSALS.transition_refused },
      description: 'A `note` is internal: never shown to the customer nor mailed. `assigneeId` names an active staff member (see `GET /api/staff/people`), or null for nobody.',
    }), requireJson, jsonBody(ComplaintChangeInput), async (c) => {
      const outcome = await answerComplaint(deps, c.var.staff, c.req.param('id'), c.req.valid('json'))
      if ('current' in outcome) {
        return c.json({ code: 'version_conflict' as const, message: MESSAGES.complaintConflict[requestLanguage(c)], current: await presentStaffComplaint(deps, outcome.current) }, 409)
      }
      if (isRefused(outcome)) return refuse(c, outcome, REFUSALS)
      return c.json({ complaint: await presentStaffComplaint(deps, outcome.complaint) })
    })
