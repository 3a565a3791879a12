/** What the incident use cases take from a request: confirmation, triage, a message, a logged phone call. The registration itself is the domain's IncidentInput. */
import { z } from 'zod'
import { PriorityLevel } from '../domain/desk.ts'
import { IncidentInput } from '../domain/incident.ts'
import { INCIDENT_STATUSES } from '../domain/records.ts'
import { pageQuery } from '../http/paging.ts'
import { CURSOR_SHAPES } from '../store/cursor.ts'

/** The token from the confirmation e-mail. */
export const ConfirmInput = z.strictObject({ token: z.string().min(20).max(100).meta({ description: 'The token from the link.' }) })
  .meta({ id: 'ConfirmInput', title: 'ConfirmInput', description: 'The token from the confirmation e-mail.' })

/** Support's triage of an incident: only the fields sent change. */
export const TriageInput = z.strictObject({
  /** The version the change was made against; an older one is refused with 409. */
  version: z.number().int().positive().meta({ description: 'The version the change was made against; an older one is refused with 409.' }),
  priority: PriorityLevel.optional().meta({ description: '1 (production down, First Class only) to 5 (wish).' }),
  team: z.string().max(40).optional().meta({ description: 'A team key from desk.yaml: first-line, finance, logistics or platform as shipped.' }),
  assigneeId: z.string().max(60).nullable().optional().meta({ description: 'An active staff member\'s id, or null for nobody.' }),
  status: z.enum(INCIDENT_STATUSES).optional().meta({ description: 'The new status; see the moves allowed.' }),
}).meta({ id: 'TriageInput', title: 'TriageInput', description: 'A triage change by staff; only the fields sent change.' })

/** A phone call support logs on the incident: an internal note, counted as a contact moment. */
export const PhoneContactInput = z.strictObject({
  /** inbound: the customer called; outbound: support called them. */
  direction: z.enum(['inbound', 'outbound']).meta({ description: '`inbound`: the customer called; `outbound`: support called them.' }),
  /** What was said and agreed. */
  summary: z.string().trim().min(1).max(5_000).meta({ description: 'What was said and agreed, trimmed; kept as the message\'s text.' }),
}).meta({ id: 'PhoneContactInput', title: 'PhoneContactInput', description: 'A phone call support logs on an incident: an internal note, counted as a contact moment.' })

/** A reply on an incident, or (staff) an internal note. */
export const MessageInput = z.strictObject({
  text: z.string().trim().min(1).max(20_000),
  /** Staff only: an internal note is never shown or mailed to the customer. Default public. */
  visibility: z.enum(['public', 'internal']).default('public').meta({ description: 'Staff only: an internal note is never shown or mailed to the customer. Default public; a customer\'s message is always public.' }),
  /** Staff only, with a public reply: it asks the customer something, so the incident waits for them. Default no. */
  asksCustomer: z.boolean().optional().meta({ description: 'Staff only, with a public reply: the reply asks the customer something. The incident moves to `waiting_for_customer` (its target pauses) and the customer gets a question mail ("Vraag over uw incident …") instead of a status mail. A public reply while the incident already waits for the customer is mailed as a question too. Default `false`.' }),
}).meta({ id: 'MessageInput', title: 'MessageInput', description: 'A reply or an internal note.' })

/** The registration as the route validates it: the domain's IncidentInput, named for the OpenAPI document. */
export const RegistrationInput = IncidentInput.meta({
  id: 'IncidentInput', title: 'IncidentInput',
  description: 'A registration from the widget or the portal. The server decides everything else: number, status, team and, at triage, the priority.',
})

/** The incident list's query: filters (comma-separated lists; unknown values ignored, as always), a search, a page. @example ?q=printer&status=new,in_progress&limit=20 */
export const IncidentListQuery = z.object({
  q: z.string().max(200).optional()
    .meta({ description: 'An incident number (that incident only), or words that must all be found in the subject, description, reactions, or the requester\'s or organisation\'s name, in Dutch or English forms ("printers" finds "printer"). Staff also find words of internal notes.', example: 'certificaat' }),
  status: z.string().max(200).optional().meta({ description: `Statuses, comma-separated (${INCIDENT_STATUSES.join(', ')}).`, example: 'new,in_progress' }),
  kind: z.string().max(100).optional().meta({ description: 'Kinds, comma-separated (bug, outage, wish, question).', example: 'bug' }),
  contactId: z.string().max(60).optional().meta({ description: 'The contact who filed them (an employee always sees only their own).' }),
  team: z.string().max(40).optional().meta({ description: 'Staff: a team of desk.yaml.', example: 'finance' }),
  mine: z.enum(['1']).optional().meta({ description: 'Staff: `1` for the caller\'s own.' }),
  organisationId: z.string().max(60).optional().meta({ description: 'Staff: one organisation.' }),
  ...pageQuery(CURSOR_SHAPES.incidents),
})
export type IncidentListQuery = z.output<typeof IncidentListQuery>
