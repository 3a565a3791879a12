/** What the complaint routes say about themselves in the OpenAPI document, beside routes/complaints.ts. */
import { ComplaintChangeInput, ComplaintInput } from '../domain/complaint.ts'
import { COMPLAINT_STATUSES } from '../domain/records.ts'
import { resolver } from 'hono-openapi'
import { z } from 'zod'
import type { RouteDescription } from '../http/describe.ts'
import { ComplaintReply, ComplaintVersionConflict } from '../present/complaint.ts'
import { MESSAGES } from '../http/errors.ts'
import {
  COMPLAINT_ID, REQUEST_EXAMPLES, SESSION_REQUIRED, complaintAnswer, complaintExample, complaintFiledExample, complaintInput, complaintTransitions,
  error, failure, issuesOf, json, responseRef, schemaRef,
} from '../openapi.ts'

export const FILE: RouteDescription = {
  operationId: 'fileComplaint', tags: ['Complaints'], summary: 'File a complaint or an opinion',
  description: `Contacts only, in the portal: the session decides who filed it and for which organisation. \`kind\` is \`complaint\` (klacht) or \`opinion\` (mening). A complaint gets a response target: desk.yaml's \`process.complaintResponseBusinessHours\` of business time (8.5 hours, one working day, as shipped), in \`dueAt\`; an opinion has none. It is numbered in its own series, \`K10001\` onwards.

\`incidentNumber\` ties it to an incident the contact may see (an employee their own, an admin their organisation's); any other number is refused as unknown, so nobody learns whether it exists. The contact gets a receipt by e-mail, in \`lang\` (by default their own language), with a link that signs them in on the complaint's page; \`url\` is that page, in the contact's language.`,
  security: SESSION_REQUIRED,
  requestExamples: { complaint: REQUEST_EXAMPLES.complaint, opinion: REQUEST_EXAMPLES.opinion },
  responses: {
    201: {
      description: 'Filed; the receipt is mailed.',
      content: json(resolver(z.object({ complaint: ComplaintReply, url: z.string().meta({ description: 'The complaint\'s page in the portal, in the contact\'s language (a path): `/portaal/klachten/?id=…` or `/en/portal/complaints/?id=…`.' }) })), {
        filed: { summary: 'Marieke Jansen\'s complaint', value: { complaint: complaintFiledExample, url: `/portaal/klachten/?id=${COMPLAINT_ID}` } },
      }),
    },
    400: failure('Not valid, or not JSON, or an incident number the contact may not see; nothing is filed.', {
      unknownIncident: { summary: 'An incident number that does not exist or is someone else\'s', value: error('invalid_input', 'invalidInput', [{ path: 'incidentNumber', message: 'no incident with this number that you may see' }]) },
      fields: { summary: 'A kind that does not exist, and a number with a #', value: error('invalid_input', 'invalidInput', issuesOf(ComplaintInput, { ...complaintInput, kind: 'praise', incidentNumber: '#100142' })) },
    }),
  },
}

export const LIST: RouteDescription = {
  operationId: 'listComplaints', tags: ['Complaints'], summary: 'List complaints and opinions, newest first',
  description: 'Staff see all of them; a contact by role: an admin the organisation\'s, an employee the ones they filed.',
  security: SESSION_REQUIRED,
  parameters: [
    { name: 'status', in: 'query', description: 'Only these statuses, comma-separated; unknown ones are ignored.', style: 'form', explode: false, schema: { type: 'array', items: { type: 'string', enum: [...COMPLAINT_STATUSES] } }, example: 'received,in_progress' },
  ],
  responses: {
    200: {
      description: 'The complaints and opinions the caller may see.',
      headers: { 'Cache-Control': { $ref: '#/components/headers/NoStore' } },
      content: json(resolver(z.object({ complaints: z.array(ComplaintReply) })), { list: { value: { complaints: [complaintExample] } } }),
    },
  },
}

export const READ: RouteDescription = {
  operationId: 'getComplaint', tags: ['Complaints'], summary: 'One complaint or opinion, with its replies',
  description: 'Staff may see every one; a contact by role, as in the list. One the caller may not see answers 404 exactly as a missing one.',
  security: SESSION_REQUIRED,
  parameters: [{ $ref: '#/components/parameters/ComplaintId' }],
  responses: {
    200: {
      description: 'The complaint; its replies and status history oldest first.',
      headers: { 'Cache-Control': { $ref: '#/components/headers/NoStore' } },
      content: json(resolver(z.object({ complaint: ComplaintReply })), { answered: { summary: 'Answered by customer care', value: { complaint: complaintExample } } }),
    },
    404: responseRef('ComplaintNotFound'),
  },
}

export const CHANGE: RouteDescription = {
  operationId: 'changeComplaint', tags: ['Complaints'], summary: 'Answer a complaint or opinion, or move its status (staff)',
  description: `Staff only: a reply to the customer, a new status, or both. Send \`version\` as read: a change against an older version is refused with 409 and the current complaint. A reply is added to \`replies\`; the first change of any kind is the response the target asks for (\`respondedAt\`), and \`isBreached\` says whether it came after \`dueAt\`. Every change is mailed to the contact who filed it, with the reply, in the complaint's language. The moves support may make:

${complaintTransitions}`,
  security: SESSION_REQUIRED,
  parameters: [{ $ref: '#/components/parameters/ComplaintId' }],
  requestExamples: { answer: REQUEST_EXAMPLES.complaintAnswer, resolve: REQUEST_EXAMPLES.complaintResolve },
  responses: {
    200: { description: 'Changed, and mailed.', content: json(resolver(z.object({ complaint: ComplaintReply })), { answered: { value: { complaint: complaintExample } } }) },
    400: failure('Not valid, or not JSON; nothing changed.', {
      nothing: { summary: 'Neither a status nor a reply', value: error('invalid_input', 'invalidInput', issuesOf(ComplaintChangeInput, { version: 1 })) },
      noVersion: { summary: 'No version', value: error('invalid_input', 'invalidInput', issuesOf(ComplaintChangeInput, { status: 'resolved' })) },
    }),
    404: responseRef('ComplaintNotFound'),
    409: {
      description: 'Someone changed the complaint since `version`: nothing changed, nothing is mailed; `current` is the complaint now.',
      content: json(resolver(ComplaintVersionConflict), { conflict: { value: { code: 'version_conflict', message: MESSAGES.complaintConflict.nl, current: complaintExample } } }),
    },
    422: failure('A move the process does not allow; nothing changed.', {
      transition: { summary: 'Back to received', value: error('transition_refused', 'transitionRefused', [{ path: 'status', message: 'in_progress cannot become received' }]) },
    }),
  },
}
