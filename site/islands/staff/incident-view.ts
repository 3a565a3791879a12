/** The staff incident page's choices: which statuses, priorities and assignees to offer, what a triage changes, and names for statuses, kinds and timeline entries (consent steps in a sentence). */
import type { Language, Priority } from '#domain/desk.ts'
import type { Incident, IncidentStatus } from '#domain/records.ts'
import type { TimelineEntry } from '#domain/timeline.ts'
import { format } from '#lib/format.ts'
import type { StaffKey, StaffStrings } from '../../i18n/index.ts'
import { moment } from '../portal/format.ts'
import { levelName } from './access-view.ts'
import { STAFF_TRANSITIONS as STAFF_MOVES } from '#domain/transitions.ts'

/** The moves support may make from each status: the server's own rule, zod-free. The server decides. */
export { STAFF_MOVES }

/** The statuses the status field offers: the current one first (no change), then the moves allowed from it. */
export function statusOptions(current: IncidentStatus): IncidentStatus[] {
  return [current, ...STAFF_MOVES[current]]
}

/** A priority as GET /api/desk describes it (its texts in both languages). */
export interface PriorityGuidance {
  level: Priority
  firstClassOnly: boolean
}

/**
 * Every priority with whether it may be chosen for the organisation: a First Class-only one
 * (priority 1) is offered to First Class organisations only; the rest always.
 * @example priorityOptions(desk.priorities, false)[0] // → { level: 1, …, isOffered: false }
 */
export function priorityOptions<P extends PriorityGuidance>(priorities: readonly P[], isFirstClass: boolean): (P & { isOffered: boolean })[] {
  return [...priorities].sort((a, b) => a.level - b.level).map((p) => ({ ...p, isOffered: !p.firstClassOnly || isFirstClass }))
}

/** A support employee as GET /api/staff/people lists them. */
export interface Person {
  id: string
  name: string
  teams: string[]
}

/**
 * The people the assignee field offers for `team`: its members, and `keepId` (the saved
 * assignee) even when they are not a member, so the field never shows someone it cannot hold.
 */
export function assigneeOptions<S extends Person>(people: readonly S[], team: string, keepId: string | null = null): S[] {
  return people.filter((p) => p.teams.includes(team) || p.id === keepId)
}

/** The assignee once the team changes to `team`: kept when a member of it, otherwise unassigned. */
export function assigneeForTeam(people: readonly Person[], team: string, assigneeId: string | null): string | null {
  return assigneeId && people.some((p) => p.id === assigneeId && p.teams.includes(team)) ? assigneeId : null
}

/** What the triage form holds. */
export interface TriageForm {
  priority: Priority | null
  status: IncidentStatus
  team: string
  assigneeId: string | null
}

/** The body of PATCH /api/incidents/{id}: the version it was made against and the fields that changed. */
export interface TriageChange {
  version: number
  priority?: Priority
  status?: IncidentStatus
  team?: string
  assigneeId?: string | null
}

/**
 * The PATCH body for `form` against `incident`, with only what changed; undefined when nothing
 * did. A priority is never unset (the server takes none), so a form without one sends none.
 */
export function triageChange(incident: TriageForm & { version: number }, form: TriageForm): TriageChange | undefined {
  const change: TriageChange = { version: incident.version }
  if (form.priority !== null && form.priority !== incident.priority) change.priority = form.priority
  if (form.status !== incident.status) change.status = form.status
  if (form.team !== incident.team) change.team = form.team
  if (form.assigneeId !== incident.assigneeId) change.assigneeId = form.assigneeId
  return Object.keys(change).length > 1 ? change : undefined
}

const STATUS_KEYS = {
  awaiting_confirmation: 'incident.status.awaitingConfirmation',
  new: 'incident.status.new',
  in_progress: 'incident.status.inProgress',
  waiting_for_customer: 'incident.status.waitingForCustomer',
  resolved: 'incident.status.resolved',
  closed: 'incident.status.closed',
} as const satisfies Record<IncidentStatus, StaffKey>

const KIND_KEYS = {
  bug: 'incident.kind.bug',
  outage: 'incident.kind.outage',
  wish: 'incident.kind.wish',
  question: 'incident.kind.question',
} as const satisfies Record<Incident['kind'], StaffKey>

/** The status's name as support reads it. @example statusName(strings, 'in_progress') === 'In behandeling' */
export function statusName(strings: StaffStrings, status: IncidentStatus): string {
  return strings[STATUS_KEYS[status]]
}

/** The kind's name. @example kindName(strings, 'question') === 'Gebruikersvraag' */
export function kindName(strings: StaffStrings, kind: Incident['kind']): string {
  return strings[KIND_KEYS[kind]]
}

/**
 * What a timeline entry is, for its mark: a status change, the customer's message, a public reply
 * by support (mailed), an internal note, a logged call (inbound or outbound; always internal), a
 * file on its own, or a mail to the customer that could not be delivered.
 */
export type EntryMark = 'status' | 'customer' | 'reply' | 'note' | 'callInbound' | 'callOutbound' | 'file' | 'consent' | 'mailFailed'

export function entryMark(entry: TimelineEntry): EntryMark {
  switch (entry.type) {
    case 'status': return 'status'
    case 'attachment': return 'file'
    case 'consent': return 'consent'
    case 'mail_failed': return 'mailFailed'
    case 'message':
      if (entry.phone) return entry.phone === 'outbound' ? 'callOutbound' : 'callInbound'
      if (entry.visibility === 'internal') return 'note'
      return entry.by.kind === 'staff' ? 'reply' : 'customer'
  }
}

/** Whether the customer never sees the entry: internal notes and logged calls. */
export function isInternal(mark: EntryMark): boolean {
  return mark === 'note' || mark === 'callInbound' || mark === 'callOutbound'
}

/**
 * A mail to the customer that will not be delivered, in one sentence with the server's reply.
 * @example mailFailedSentence(strings, { to: 'tom@x.example', reply: '550 User unknown' }) // 'De e-mail aan tom@x.example is niet bezorgd … De mailserver antwoordde: 550 User unknown'
 */
export function mailFailedSentence(strings: StaffStrings, entry: Pick<Extract<TimelineEntry, { type: 'mail_failed' }>, 'to' | 'reply'>): string {
  return format(strings['incident.mailFailed'], { to: entry.to, reply: entry.reply })
}

type ConsentStep = Extract<TimelineEntry, { type: 'consent' }>

/** A sentence per step; who took it also stands in the entry's byline, so not every sentence repeats the name. */
const CONSENT_KEYS = {
  'remote_view.started': 'consent.remoteViewStarted',
  'remote_view.consented': 'consent.remoteViewConsented',
  'backup.requested': 'consent.backupRequested',
  'backup.approved': 'consent.backupApproved',
  'backup.declined': 'consent.backupDeclined',
  'backup.received': 'consent.backupReceived',
  'backup.purged': 'consent.backupPurged',
  'grant.revoked': 'consent.grantRevoked',
  'grant.used': 'consent.grantUsed',
  'grant.use_refused': 'consent.grantUseRefused',
} as const satisfies Record<string, StaffKey>

/**
 * A consent step on the timeline in one sentence. Ending a remote view says which side ended it;
 * a grant says its level and end. A step this console does not know yet (the server is newer)
 * still shows, by its action.
 * @example consentSentence('nl', strings, { action: 'remote_view.started', by: { kind: 'staff', name: 'Lotte Smit' }, … }) === 'Meekijken gestart door Lotte Smit'
 */
export function consentSentence(lang: Language, strings: StaffStrings, step: Pick<ConsentStep, 'action' | 'by' | 'level' | 'endsAt'>): string {
  const name = { name: step.by.name }
  if (step.action === 'remote_view.ended') {
    return step.by.kind === 'contact' ? strings['consent.remoteViewEndedByCustomer'] : format(strings['consent.remoteViewEndedBySupport'], name)
  }
  if (step.action === 'grant.given') {
    return format(strings['consent.grantGiven'], { level: levelName(strings, step.level ?? ''), time: step.endsAt ? moment(lang, step.endsAt) : '' })
  }
  if (step.action in CONSENT_KEYS) return format(strings[CONSENT_KEYS[step.action as keyof typeof CONSENT_KEYS]], name)
  return format(strings['consent.other'], { action: step.action })
}
