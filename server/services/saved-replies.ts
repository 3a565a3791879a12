/** Saved replies: admins keep them per team, staff list those they may use and have one filled for an incident in the customer's language. */
import { randomUUID } from 'node:crypto'
import { t } from '#lib/i18n/index.ts'
import type { Language } from '#lib/language.ts'
import { fillPlaceholders, type SavedReplyPlaceholder } from '#lib/saved-reply.ts'
import { isTargetRunning, slaOf } from '../domain/incident.ts'
import type { SavedReply, Staff } from '../domain/records.ts'
import { savedReplyProblem, type ParsedSavedReplyInput, type SavedReplyProblem } from '../domain/saved-reply.ts'
import type { Deps } from '../deps.ts'
import { moment } from '../mail/templates.ts'
import { savedReplyPolicy } from '../policies/saved-reply.ts'
import { extraWindowsOf } from './extra-windows.ts'
import { refusal, type Outcome } from './result.ts'

/** Why a saved reply was not stored, changed, removed or filled. */
export type SavedReplyRefusal = 'admin_only' | 'not_found' | 'incident_not_found'

/** A refusal of the input itself: the problem, for a message that names it. */
export type SavedReplyInvalid = { refused: 'invalid'; problem: SavedReplyProblem }

type SavedReplyDeps = Pick<Deps, 'store' | 'clock' | 'desk' | 'calendar'>

/** Every saved reply `staff` may use (their teams' and the general ones; an admin every one), in the order first stored. */
export async function listSavedReplies(deps: SavedReplyDeps, staff: Staff): Promise<SavedReply[]> {
  return (await deps.store.savedReplies.list()).filter((reply) => savedReplyPolicy.mayUse(staff, reply))
}

/** Stores a new saved reply (admins), after the team and every placeholder are checked. */
export async function createSavedReply(deps: SavedReplyDeps, staff: Staff, input: ParsedSavedReplyInput): Promise<Outcome<{ reply: SavedReply }, SavedReplyRefusal> | SavedReplyInvalid> {
  if (!savedReplyPolicy.mayManage(staff)) return refusal('admin_only')
  const problem = savedReplyProblem(input, deps.desk.teams.map((team) => team.key))
  if (problem) return { refused: 'invalid', problem }
  const at = deps.clock().toISOString()
  const reply: SavedReply = { id: randomUUID(), ...input, updatedBy: `staff:${staff.id}`, createdAt: at, updatedAt: at }
  await deps.store.savedReplies.put(reply)
  return { reply }
}

/** Replaces a saved reply's team, titles and bodies (admins), checked as when it was created. */
export async function updateSavedReply(deps: SavedReplyDeps, staff: Staff, id: string, input: ParsedSavedReplyInput): Promise<Outcome<{ reply: SavedReply }, SavedReplyRefusal> | SavedReplyInvalid> {
  if (!savedReplyPolicy.mayManage(staff)) return refusal('admin_only')
  const current = await deps.store.savedReplies.get(id)
  if (!current) return refusal('not_found')
  const problem = savedReplyProblem(input, deps.desk.teams.map((team) => team.key))
  if (problem) return { refused: 'invalid', problem }
  const reply: SavedReply = { ...current, ...input, updatedBy: `staff:${staff.id}`, updatedAt: deps.clock().toISOString() }
  await deps.store.savedReplies.put(reply)
  return { reply }
}

/** Removes a saved reply (admins). */
export async function deleteSavedReply(deps: SavedReplyDeps, staff: Staff, id: string): Promise<Outcome<{ id: string }, SavedReplyRefusal>> {
  if (!savedReplyPolicy.mayManage(staff)) return refusal('admin_only')
  return (await deps.store.savedReplies.delete(id)) ? { id } : refusal('not_found')
}

/**
 * The saved reply's body for `incidentId`, in the requester's language, its placeholders filled:
 * their name, the number and subject, the due time in words in the desk's time zone, and `staff`'s
 * name. One the staff member may not use reads as not there.
 */
export async function fillSavedReply(deps: SavedReplyDeps, staff: Staff, id: string, incidentId: string): Promise<Outcome<{ reply: SavedReply; lang: Language; text: string }, SavedReplyRefusal>> {
  const reply = await deps.store.savedReplies.get(id)
  if (!reply || !savedReplyPolicy.mayUse(staff, reply)) return refusal('not_found')
  const incident = await deps.store.incidents.get(incidentId)
  if (!incident) return refusal('incident_not_found')
  const contact = await deps.store.contacts.get(incident.contactId)
  const lang: Language = contact?.lang ?? incident.lang
  const now = deps.clock()
  const dueAt = isTargetRunning(incident) ? slaOf(incident, deps, now, await extraWindowsOf(deps.store, incident.organisationId)).dueAt : null
  const values: Record<SavedReplyPlaceholder, string> = {
    'contact.name': contact?.name ?? '',
    'incident.number': incident.number,
    'incident.subject': incident.subject,
    'incident.due': dueAt ? moment(new Date(dueAt), deps.desk.timeZone, lang) : t(lang, 'api.savedReplyDueUnknown'),
    'staff.name': staff.name,
  }
  return { reply, lang, text: fillPlaceholders(reply.body[lang], values) }
}
