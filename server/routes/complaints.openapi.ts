/** What the complaint routes say about themselves in the OpenAPI document, beside routes/complaints.ts. */
import { z } from 'zod'
import { COMPLAINT_TRANSITIONS } from '../domain/complaint.ts'
import { COMPLAINT_STATUSES } from '../domain/records.ts'
import { NO_STORE, SESSION_REQUIRED, jsonReply, movesOf, refusal, sharedReply, type RouteDescription } from '../http/describe.ts'
import { named } from '../http/examples.ts'
import { MESSAGES } from '../http/errors.ts'
import { COMPLAINT_ID, REQUEST_EXAMPLES } from '../openapi.ts'
import { ComplaintReply, ComplaintVersionConflict } from '../present/complaint.ts'

const complaintId = { $ref: '#/components/parameters/ComplaintId' }
const complaintReply = z.object({ complaint: ComplaintReply })

export const FILE: RouteDescription = {
  operationId: 'fileComplaint', tags: ['Complaints'], summary: 'File a complaint or an opinion',
  description: `Contacts only: the session decides who filed it. A complaint (not an opinion) gets a response target of desk.yaml's \`process.complaintResponseBusinessHours\` in business time, in \`dueAt\`; it is numbered \`K10001\` onwards. \`incidentNumber\` must be an incident the contact may see; any other is refused as unknown. The contact gets a receipt by e-mail with a link to \`url\`.`,
  security: SESSION_REQUIRED,
  requestExamples: { complaint: REQUEST_EXAMPLES.complaint },
  responses: {
    201: jsonReply('Filed; the receipt is mailed.', z.object({ complaint: ComplaintReply, url: z.string().meta({ description: 'The complaint\'s page in the portal, in the contact\'s language (a path).' }) }), {
      filed: { summary: 'Marieke Jansen\'s complaint', value: { complaint: named('complaint'), url: `/portaal/klachten/?id=${COMPLAINT_ID}` } },
    }),
    400: refusal('Not valid, or not JSON, or an incident number the contact may not see; nothing is filed.', {
      unknownIncident: ['invalid_input', 'invalidInput', 'An incident number that does not exist or is someone else\'s', [{ path: 'incidentNumber', message: 'no incident with this number that you may see' }]],
    }),
  },
}

export const LIST: RouteDescription = {
  operationId: 'listComplaints', tags: ['Complaints'], summary: 'List complaints and opinions, newest first',
  description: 'Staff see all of them; an admin the organisation\'s, an employee the ones they filed.',
  security: SESSION_REQUIRED,
  parameters: [
    { name: 'status', in: 'query', description: 'Only these statuses, comma-separated; unknown ones are ignored.', style: 'form', explode: false, schema: { type: 'array', items: { type: 'string', enum: [...COMPLAINT_STATUSES] } } },
  ],
  responses: { 200: { ...jsonReply('The complaints and opinions the caller may see.', z.object({ complaints: z.array(ComplaintReply) })), headers: NO_STORE } },
}

export const READ: RouteDescription = {
  operationId: 'getComplaint', tags: ['Complaints'], summary: 'One complaint or opinion, with its replies',
  security: SESSION_REQUIRED,
  parameters: [complaintId],
  responses: {
    200: { ...jsonReply('The complaint; its replies and status history oldest first.', complaintReply, { filed: { summary: 'Marieke Jansen\'s complaint', value: { complaint: named('complaint') } } }), headers: NO_STORE },
    404: sharedReply('ComplaintNotFound'),
  },
}

export const CHANGE: RouteDescription = {
  operationId: 'changeComplaint', tags: ['Complaints'], summary: 'Answer a complaint or opinion, or move its status (staff)',
  description: `Staff only: a reply, a new status, or both. The first change is the response the target asks for (\`respondedAt\`; \`isBreached\` if after \`dueAt\`). Every change is mailed to the contact who filed it. The moves:

${movesOf(COMPLAINT_TRANSITIONS)}`,
  security: SESSION_REQUIRED,
  parameters: [complaintId],
  requestExamples: { answer: REQUEST_EXAMPLES.complaintAnswer },
  responses: {
    200: jsonReply('Changed, and mailed.', complaintReply),
    404: sharedReply('ComplaintNotFound'),
    409: jsonReply('Someone changed the complaint since `version`: nothing changed or mailed; `current` is the complaint now.', ComplaintVersionConflict, {
      conflict: { value: { code: 'version_conflict', message: MESSAGES.complaintConflict.nl, current: named('complaint', { version: 2, status: 'in_progress' }) } },
    }),
    422: refusal('A move the process does not allow; nothing changed.', {
      transition: ['transition_refused', 'transitionRefused', 'Back to received', [{ path: 'status', message: 'in_progress cannot become received' }]],
    }),
  },
}
