/** The staff console's replies: the queue's rows with the names they show, and the people and teams to assign to. */
import { z } from 'zod'
import type { DeskConfig } from '../domain/desk.ts'
import { STAFF_ROLES, type Staff } from '../domain/records.ts'
import type { Deps } from '../deps.ts'
import type { Queue } from '../services/staff-queue.ts'
import { PageReply } from '../http/paging.ts'
import { IncidentReply } from './incident.ts'

/** An incident in the triage queue: without its long fields, with names beside the ids. */
export const QueueRowReply = IncidentReply.omit({ description: true, statusHistory: true, kbArticles: true }).extend({
  organisation: z.object({ id: z.string(), name: z.string(), isFirstClass: z.boolean() }).nullable()
    .meta({ description: 'The organisation, briefly; null when it is no longer on record.' }),
  contactName: z.string().nullable().meta({ description: 'The requester\'s name; null when they are no longer on record.' }),
  assigneeName: z.string().nullable().meta({ description: 'The assignee\'s name; null when unassigned, or no longer on record.' }),
  hasUnreadReaction: z.boolean().meta({ description: 'Whether the customer reacted since staff last opened the incident.' }),
}).meta({ id: 'QueueRow', description: 'An incident in the triage queue: as staff see it, without its description, status history and KB articles, with names beside the ids.' })

/** The queue as of a moment, and the teams the caller may see. */
export const QueueReply = z.object({
  asOf: z.string().meta({ format: 'date-time', description: 'The moment the targets were computed for.' }),
  teams: z.array(z.string()).meta({ description: 'The team keys whose queues the caller may see, in desk.yaml\'s order.' }),
  incidents: z.array(QueueRowReply),
  ...PageReply,
})
export type QueueReply = z.infer<typeof QueueReply>

/** The queue as the console shows it: rows without the long fields, with the organisation, the requester's and the assignee's names. */
export async function presentQueue(deps: Pick<Deps, 'store'>, queue: Queue): Promise<QueueReply> {
  // The organisations of the page shown only: a desk has thousands.
  const [organisations, people, contacts] = await Promise.all([
    Promise.all([...new Set(queue.rows.map((i) => i.incident.organisationId))].map((id) => deps.store.organisations.get(id))).then((found) => found.filter((o) => o !== undefined)),
    deps.store.staff.list(),
    Promise.all([...new Set(queue.rows.map((i) => i.incident.contactId))].map((id) => deps.store.contacts.get(id))),
  ])
  const organisationOf = new Map(organisations.map((o) => [o.id, { id: o.id, name: o.name, isFirstClass: o.isFirstClass }]))
  const staffName = new Map(people.map((p) => [p.id, p.name]))
  const contactName = new Map(contacts.flatMap((x) => (x ? [[x.id, x.name] as const] : [])))
  return {
    asOf: queue.asOf.toISOString(),
    teams: queue.teams,
    next: queue.next,
    total: queue.total,
    incidents: queue.rows.map(({ presented: { description: _d, statusHistory: _h, kbArticles: _a, ...row } }) => ({
      ...row,
      organisation: organisationOf.get(row.organisationId) ?? null,
      contactName: contactName.get(row.contactId) ?? null,
      assigneeName: row.assigneeId ? staffName.get(row.assigneeId) ?? null : null,
      hasUnreadReaction: queue.unreadReactions.has(row.id),
    })),
  }
}

/** An active staff member, to assign to. */
export const StaffMemberReply = z.object({
  id: z.string(),
  name: z.string(),
  teams: z.array(z.string()).meta({ description: 'Team keys from desk.yaml.' }),
  role: z.enum(STAFF_ROLES).meta({ description: '`agent` works their teams\' queues; `customer_care` and `admin` see every team, and signals.' }),
  extension: z.string().nullable().meta({ description: 'Their phone extension, where the telephone system puts callers through; null without one.' }),
}).meta({ id: 'StaffMember', description: 'An active staff member, to assign to.' })

/** The active staff by name, and the teams in desk.yaml's order. */
export const PeopleReply = z.object({
  staff: z.array(StaffMemberReply),
  teams: z.array(z.object({ key: z.string().meta({ description: 'e.g. finance' }), name: z.object({ nl: z.string(), en: z.string() }) })),
})
export type PeopleReply = z.infer<typeof PeopleReply>

/** Active staff by name (Dutch order), with their teams, role and extension; and the desk's teams. */
export function presentPeople({ people, teams }: { people: Staff[]; teams: DeskConfig['teams'] }): PeopleReply {
  return {
    staff: people.map(({ id, name, teams, role, extension }) => ({ id, name, teams, role, extension: extension ?? null })).sort((a, b) => a.name.localeCompare(b.name, 'nl')),
    teams: teams.map(({ key, name }) => ({ key, name })),
  }
}
