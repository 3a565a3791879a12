/** Complaint use cases: a contact files one (naming an incident they may see), viewers list and read theirs, staff answer; every change is mailed. */
import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import { ComplaintChangeInput, ComplaintInput, changeComplaint, complaintChangeRefusal, isCustomerChange, newComplaint } from '../domain/complaint.ts'
import { COMPLAINT_STATUSES, type Complaint, type ComplaintStatus, type Contact, type Staff } from '../domain/records.ts'
import type { Deps } from '../deps.ts'
import type { ComplaintHandler } from '../mail/notifier.ts'
import type { SignedIn, Viewer } from '../middleware/session/index.ts'
import { complaintListFilter, complaintPolicy } from '../policies/complaint.ts'
import { complaintPage } from '../present/complaint.ts'
import { VersionConflictError, type Page } from '../store/store.ts'
import { TRACK_LINK_DAYS } from './incident-events.ts'
import { refusal, type Outcome } from './result.ts'
import { signInToken } from './sign-in.ts'
import { notifyComplaint } from './notifications.ts'

type ComplaintDeps = Pick<Deps, 'store' | 'clock' | 'desk' | 'calendar' | 'notifier'>

const audit = (deps: ComplaintDeps, actor: string, action: string, complaint: Complaint, details?: Record<string, unknown>) =>
  deps.store.audit.append({ id: randomUUID(), at: deps.clock().toISOString(), actor, action, target: `complaint:${complaint.id}`, ...(details ? { details } : {}) })

/** Mails the contact who filed it: received, or changed; with a link that signs them in on its page. */
async function mail(deps: ComplaintDeps, complaint: Complaint, kind: 'received' | 'changed') {
  const contact = await deps.store.contacts.get(complaint.contactId)
  if (!contact) return
  const { token } = await signInToken(deps, { kind: 'contact', id: contact.id }, TRACK_LINK_DAYS * 24 * 60, complaintPage(complaint, contact))
  if (kind === 'received') await deps.notifier.complaintReceived({ complaint, contact, trackToken: token })
  else await deps.notifier.complaintChanged({ complaint, contact, trackToken: token })
}

/** The complaints handlers desk.yaml names, as mailed: a staff member's name and language, else the address and Dutch; inactive staff are left out. */
export async function complaintHandlers(deps: Pick<Deps, 'store' | 'desk'>): Promise<ComplaintHandler[]> {
  const handlers = await Promise.all(deps.desk.complaints.handlers.map(async (email) => ({ email, staff: await deps.store.staff.byEmail(email) })))
  return handlers.filter(({ staff }) => staff?.isActive !== false)
    .map(({ email, staff }) => ({ email: staff?.email ?? email, name: staff?.name ?? email, lang: staff?.lang ?? 'nl' }))
}

/** Mails every complaints handler that a complaint or opinion arrived. */
async function mailHandlers(deps: ComplaintDeps, complaint: Complaint, contact: Contact) {
  const organisation = await deps.store.organisations.get(complaint.organisationId)
  for (const handler of await complaintHandlers(deps)) {
    await deps.notifier.complaintForHandler({ complaint, handler, contactName: contact.name, organisationName: organisation?.name ?? complaint.organisationId })
  }
}

/** Files a complaint or opinion for `contact`; a named incident they may not see reads as an unknown number. The handlers and the contact are mailed. */
export async function fileComplaint(deps: ComplaintDeps, contact: Contact, input: z.output<typeof ComplaintInput>): Promise<Outcome<{ complaint: Complaint }, 'invalid_input'>> {
  let incidentId: string | null = null
  if (input.incidentNumber) {
    const incident = await deps.store.incidents.byNumber(input.incidentNumber)
    // Someone else's incident is answered as an unknown number: nobody learns it exists.
    if (!incident || !complaintPolicy.mayName(contact, incident)) {
      return refusal('invalid_input', [{ path: 'incidentNumber', message: 'no incident with this number that you may see' }])
    }
    incidentId = incident.id
  }
  const complaint = await deps.store.complaints.create(newComplaint(input, { contact, incidentId, desk: deps.desk, calendar: deps.calendar, now: deps.clock() }))
  await audit(deps, `contact:${contact.id}`, `${complaint.kind}.filed`, complaint)
  await notifyComplaint(deps, complaint) // the team's inbox (and mail, as each chooses): services/notifications.ts
  // The handlers first, the receipt last: one after the other, so the outbox keeps that order.
  await mailHandlers(deps, complaint, contact)
  await mail(deps, complaint, 'received')
  return { complaint }
}

/** A page of the complaints the viewer may see, newest first, optionally of some statuses (comma-separated; unknown ones ignored). */
export async function listComplaints(deps: ComplaintDeps, viewer: SignedIn, query: { status?: string | undefined; limit: number; cursor?: string | undefined }): Promise<Page<Complaint>> {
  const status = query.status?.split(',').filter((s): s is ComplaintStatus => (COMPLAINT_STATUSES as readonly string[]).includes(s))
  return deps.store.complaints.page({ ...complaintListFilter(viewer), ...(status?.length ? { status } : {}) }, { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) })
}

/** The complaint if the viewer may see it; otherwise not found, like a missing one. */
export async function readComplaint(deps: ComplaintDeps, viewer: Viewer, id: string): Promise<Outcome<{ complaint: Complaint }, 'not_found'>> {
  const complaint = await deps.store.complaints.get(id)
  return complaint && complaintPolicy.maySee(viewer, complaint) ? { complaint } : refusal('not_found')
}

/** The console's queue: open ones earliest due first, then resolved ones newest first; of some statuses (comma-separated; unknown ones ignored) and an assignee ("me", "none" or a staff id). */
export async function complaintQueue(deps: ComplaintDeps, staff: Staff, query: { status?: string | undefined; assignee?: string | undefined; limit: number; cursor?: string | undefined }): Promise<Page<Complaint>> {
  const status = query.status?.split(',').filter((s): s is ComplaintStatus => (COMPLAINT_STATUSES as readonly string[]).includes(s))
  const assigneeId = query.assignee === undefined ? undefined : query.assignee === 'me' ? staff.id : query.assignee === 'none' ? null : query.assignee
  return deps.store.complaints.queue({ ...(status?.length ? { status } : {}), ...(assigneeId === undefined ? {} : { assigneeId }) }, { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) })
}

/**
 * Support answers a complaint, notes something internally, assigns it or moves its status, against
 * `version`. Only a reply or a new status is mailed to the contact: a note and an assignment stay inside.
 */
export async function answerComplaint(deps: ComplaintDeps, staff: Staff, id: string, change: z.output<typeof ComplaintChangeInput>): Promise<Outcome<{ complaint: Complaint }, 'not_found' | 'transition_refused' | 'invalid_input'> | { refused: 'version_conflict'; current: Complaint }> {
  const complaint = await deps.store.complaints.get(id)
  if (!complaint) return refusal('not_found')
  if (complaintChangeRefusal(complaint, change.status)) {
    return refusal('transition_refused', [{ path: 'status', message: `${complaint.status} cannot become ${change.status}` }])
  }
  if (change.assigneeId) {
    const assignee = await deps.store.staff.get(change.assigneeId)
    if (!assignee?.isActive) return refusal('invalid_input', [{ path: 'assigneeId', message: 'no active staff member with this id' }])
  }
  const by = `staff:${staff.id}`
  let updated: Complaint
  try {
    updated = await deps.store.complaints.update(complaint.id, change.version, (current) => changeComplaint(current, change, by, deps.clock()))
  } catch (error) {
    if (!(error instanceof VersionConflictError)) throw error
    return { refused: 'version_conflict', current: error.current as Complaint }
  }
  await audit(deps, by, 'complaint.changed', updated, {
    status: change.status, hasReply: change.reply !== undefined, hasNote: change.note !== undefined,
    ...(change.assigneeId === undefined ? {} : { assigneeId: change.assigneeId }),
  })
  if (isCustomerChange(complaint, change)) await mail(deps, updated, 'changed')
  return { complaint: updated }
}
