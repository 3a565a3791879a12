/** Incident use cases after registration: list and read by role, triage, react, log a phone call. */
import { randomUUID } from 'node:crypto'
import { INCIDENT_KINDS } from '../domain/desk.ts'
import { mayMove, priorityRefusal, reactionRefusal, withStatus } from '../domain/incident.ts'
import { INCIDENT_STATUSES, type Incident, type Message, type Staff } from '../domain/records.ts'
import type { SignedIn, Viewer } from '../middleware/session/index.ts'
import { contactIncidentFilter, incidentPolicy } from '../policies/incident.ts'
import { VersionConflictError, type IncidentSearch, type Page } from '../store/store.ts'
import { withQueueDueAt } from '../domain/queue.ts'
import { actorRef } from './actors.ts'
import { extraWindowsOf } from './extra-windows.ts'
import { incidentEvents, type IncidentDeps } from './incident-events.ts'
import type { IncidentListQuery } from './incident-input.ts'
import { refusal, type Outcome } from './result.ts'
import { notifyAssigned, notifyReaction, reactionSeen } from './notifications.ts'

/** Every refusal the incident services give; present/incident-refusal.ts has their replies. */
export type IncidentRefusal =
  | 'not_found' | 'sign_in_required' | 'invalid_input' | 'priority_first_class_only' | 'transition_refused'
  | 'incident_closed' | 'reopen_window_passed' | 'token_invalid' | 'not_authorised' | 'rate_limited'

const listOf = <T extends string>(value: string | undefined, known: readonly T[]) => value?.split(',').filter((s): s is T => (known as readonly string[]).includes(s))

/**
 * A page of the incidents the viewer may see, newest first, optionally searched: a contact by role
 * (their own filter wins, and never internal notes), staff by any filter (internal notes too).
 */
export async function listIncidents(deps: IncidentDeps, viewer: SignedIn, query: IncidentListQuery): Promise<Page<Incident>> {
  const status = listOf(query.status, INCIDENT_STATUSES)
  const kind = listOf(query.kind, INCIDENT_KINDS)
  const common = { ...(status?.length ? { status } : {}), ...(kind?.length ? { kind } : {}), ...(query.q ? { q: query.q } : {}) }
  const search: IncidentSearch = viewer.kind === 'contact'
    // An employee's own filter wins over any contactId they send: they see only what they filed.
    ? { ...(query.contactId ? { contactId: query.contactId } : {}), ...contactIncidentFilter(viewer.contact), ...common }
    : {
        ...(query.contactId ? { contactId: query.contactId } : {}),
        ...(query.team ? { team: query.team } : {}),
        ...(query.mine === '1' ? { assigneeId: viewer.staff.id } : {}),
        ...(query.organisationId ? { organisationId: query.organisationId } : {}),
        ...common, withInternal: incidentPolicy.maySeeInternal(viewer),
      }
  return deps.store.incidents.page(search, { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) })
}

/** The incident with what its page shows: the messages and files the viewer may see, the consent steps. */
export async function readIncident(deps: IncidentDeps, viewer: Viewer, id: string) {
  const incident = await incidentEvents(deps).visible(viewer, id)
  if (!incident) return refusal('not_found')
  // Any staff member who opens it has seen the customer's reaction: the queue's mark goes.
  const hadUnread = viewer.kind === 'staff' && await reactionSeen(deps, incident.id)
  const [allMessages, files, audit] = await Promise.all([
    deps.store.messages.listByIncident(incident.id), deps.store.attachments.listByIncident(incident.id), deps.store.audit.listFor(`incident:${incident.id}`),
  ])
  return { incident, allMessages, files, audit, newReactions: hadUnread ? unseenReactions(allMessages) : [] }
}

/** The customer's reactions since support last wrote on the incident (a reply, note or call): those the queue's mark stood for. */
export function unseenReactions(messages: Pick<Message, 'id' | 'author' | 'at'>[]): string[] {
  const ordered = [...messages].sort((a, b) => a.at.localeCompare(b.at))
  const lastStaff = ordered.findLastIndex((m) => m.author.startsWith('staff:'))
  return ordered.slice(lastStaff + 1).filter((m) => m.author.startsWith('contact:')).map((m) => m.id)
}

/** What support sees beside an incident: the organisation, the requester's details and the organisation's other incidents. */
export async function staffContext(deps: IncidentDeps, incident: Incident) {
  // The latest page only: an organisation may have years of incidents.
  const [organisation, contact, latest] = await Promise.all([
    deps.store.organisations.get(incident.organisationId),
    deps.store.contacts.get(incident.contactId),
    deps.store.incidents.page({ organisationId: incident.organisationId }, { limit: 11 }),
  ])
  const history = latest.items.filter((i) => i.id !== incident.id).slice(0, 10)
  return { organisation, contact, history }
}

/** A triage change as the route validated it. */
export interface TriageChange { version: number; priority?: NonNullable<Incident['priority']>; team?: string; assigneeId?: string | null; status?: Incident['status'] }

/** Triage by staff: priority, team, assignee, status against `version`; a status change mails the requester. */
export async function triageIncident(deps: IncidentDeps, staff: Staff, id: string, change: TriageChange): Promise<Outcome<{ incident: Incident }, IncidentRefusal> | { refused: 'version_conflict'; current: Incident }> {
  const incident = await deps.store.incidents.get(id)
  if (!incident) return refusal('not_found')
  if (change.priority !== undefined) {
    const organisation = await deps.store.organisations.get(incident.organisationId)
    if (organisation && priorityRefusal(change.priority, organisation, deps.desk)) {
      return refusal('priority_first_class_only', [{ path: 'priority', message: 'priority 1 is for First Class organisations only' }])
    }
  }
  if (change.team !== undefined && !deps.desk.teams.some((t) => t.key === change.team)) {
    return refusal('invalid_input', [{ path: 'team', message: `unknown team; one of: ${deps.desk.teams.map((t) => t.key).join(', ')}` }])
  }
  if (change.assigneeId) {
    const assignee = await deps.store.staff.get(change.assigneeId)
    if (!assignee?.isActive) return refusal('invalid_input', [{ path: 'assigneeId', message: 'no active staff member with this id' }])
  }
  if (change.status !== undefined && change.status !== incident.status && !mayMove(incident.status, change.status)) {
    return refusal('transition_refused', [{ path: 'status', message: `${incident.status} cannot become ${change.status}` }])
  }
  const now = deps.clock()
  const by = `staff:${staff.id}`
  const windows = await extraWindowsOf(deps.store, incident.organisationId)
  let updated: Incident
  try {
    updated = await deps.store.incidents.update(incident.id, change.version, (current) => {
      let next: Incident = { ...current, updatedAt: now.toISOString() }
      if (change.priority !== undefined) next.priority = change.priority
      if (change.team !== undefined) next.team = change.team
      if (change.assigneeId !== undefined) next.assigneeId = change.assigneeId
      if (change.status !== undefined) next = withStatus(next, change.status, by, now)
      return withQueueDueAt(next, deps, now, windows)
    })
  } catch (error) {
    if (!(error instanceof VersionConflictError)) throw error
    return { refused: 'version_conflict', current: error.current as Incident }
  }
  const events = incidentEvents(deps)
  const { version: _v, ...fields } = change
  await events.audit(by, 'incident.triaged', updated, fields)
  if (updated.status !== incident.status) await events.mailStatus(updated)
  if (change.assigneeId && change.assigneeId !== incident.assigneeId) await notifyAssigned(deps, updated, staff)
  return { incident: updated }
}

/**
 * A message on an incident: a customer's is public and moves the incident on (back to support,
 * reopened), unless it takes no reaction any more; staff write public replies (mailed) or internal notes.
 */
export async function addMessage(deps: IncidentDeps, viewer: SignedIn, id: string, input: { text: string; visibility: 'public' | 'internal'; asksCustomer?: boolean }): Promise<Outcome<{ message: Message; incident: Incident }, IncidentRefusal>> {
  const events = incidentEvents(deps)
  const incident = await events.visible(viewer, id)
  if (!incident) return refusal('not_found')
  const now = deps.clock()
  const isStaff = viewer.kind === 'staff'
  const refused = isStaff ? undefined : reactionRefusal(incident, now, deps.desk)
  if (refused) return refusal(refused)
  // A question waits for the customer: decided before anything is written, so a refusal changes nothing.
  const asks = isStaff && input.visibility === 'public' && input.asksCustomer === true && incident.status !== 'waiting_for_customer'
  if (asks && !mayMove(incident.status, 'waiting_for_customer')) {
    return refusal('transition_refused', [{ path: 'asksCustomer', message: `${incident.status} cannot become waiting_for_customer` }])
  }
  const author = actorRef(viewer)
  const message: Message = { id: randomUUID(), incidentId: incident.id, visibility: isStaff ? input.visibility : 'public', author, text: input.text, attachmentIds: [], at: now.toISOString() }
  await deps.store.messages.add(message)
  let current = incident
  if (!isStaff) {
    current = await events.afterReaction(incident, author, now)
    await notifyReaction(deps, current, message)
  } else if (message.visibility === 'public') {
    if (asks) current = await events.awaitCustomer(incident, author, now)
    // One mail per reply: a question has its own subject, anything else is told as the status mail with the text.
    if (current.status === 'waiting_for_customer') await events.mailQuestion(current, input.text, `message:${message.id}`)
    else await events.mailStatus(current, input.text, `message:${message.id}`)
  }
  await events.audit(author, isStaff && message.visibility === 'internal' ? 'note.added' : 'message.added', current)
  return { message, incident: current }
}

/** A phone call staff log on an incident: an internal message with the channel, counted as a contact moment. */
export async function logPhoneContact(deps: IncidentDeps, staff: Staff, id: string, input: { direction: 'inbound' | 'outbound'; summary: string }): Promise<Outcome<{ message: Message }, 'not_found'>> {
  const incident = await deps.store.incidents.get(id)
  if (!incident) return refusal('not_found')
  const author = `staff:${staff.id}`
  const message: Message = {
    id: randomUUID(), incidentId: incident.id, visibility: 'internal', channel: 'phone', direction: input.direction, author,
    text: input.summary, attachmentIds: [], at: deps.clock().toISOString(),
  }
  await deps.store.messages.add(message)
  await incidentEvents(deps).audit(author, 'phone.logged', incident, { direction: input.direction })
  return { message }
}

