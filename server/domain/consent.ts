/**
 * Access to the customer's environment and support outside hours, always with the customer's
 * consent: the rules as pure functions of a record and the moment, so every boundary is tested
 * on an injected clock and nothing depends on a timer having run.
 */
import { z } from 'zod'
import type { BusinessCalendar } from './calendar.ts'
import { ACCESS_LEVELS, type AccessGrant, type BackupRequest, type ConsentRecord, type ExtraSupportRequest, type Incident, type Organisation, type RemoteView } from './records.ts'
import { businessMsBetween, type Interval } from './sla.ts'

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE

/** The kinds of consent record, as the API names them. */
export const CONSENT_KINDS = ['remote_view', 'backup', 'grant', 'extra_support'] as const satisfies readonly ConsentRecord['kind'][]

/** Audit actions whose target is an incident and that its timeline shows, to both sides. */
export const TIMELINE_ACTIONS = /^(remote_view|backup|grant)\./

/** A remote-view code works this long after support asks for it. */
export const REMOTE_VIEW_CODE_MINUTES = 10
/** Wrong codes an address may try in REMOTE_VIEW_TRY_WINDOW_MINUTES before it waits (429). */
export const REMOTE_VIEW_WRONG_TRIES = 5
export const REMOTE_VIEW_TRY_WINDOW_MINUTES = 10
/** Handshake messages one session keeps: enough for an offer, an answer and their candidates. */
export const REMOTE_VIEW_MAX_SIGNALS = 200
/** A grant ends at most this many days after it is given. */
export const GRANT_MAX_DAYS = 14
/** A backup is purged this many days after its incident closed. */
export const BACKUP_PURGE_DAYS = 30
/** Extra support is asked at least this many days before the window starts. */
export const EXTRA_SUPPORT_NOTICE_DAYS = 5
/** One request covers at most this long: a long weekend, e.g. Friday closing to Monday opening. */
export const EXTRA_SUPPORT_MAX_HOURS = 72

/** Why a code may no longer open its session, or undefined while it may: unused and inside its ten minutes. */
export function codeRefusal(view: RemoteView, now: Date): 'code_used' | 'code_expired' | undefined {
  if (view.consentedAt !== null) return 'code_used'
  if (view.status !== 'waiting' || now.getTime() >= new Date(view.codeExpiresAt).getTime()) return 'code_expired'
  return undefined
}

/** The state both sides see: a waiting session whose code ran out reads as expired, without anything having to run. */
export function remoteViewState(view: RemoteView, now: Date): 'waiting' | 'open' | 'ended' | 'expired' {
  if (view.status === 'waiting' && codeRefusal(view, now)) return 'expired'
  return view.status
}

/** Whether a session still runs at `now`: waiting for its code or open. One incident has one at a time. */
export function isRemoteViewLive(view: RemoteView, now: Date): boolean {
  const state = remoteViewState(view, now)
  return state === 'waiting' || state === 'open'
}

/** The latest end a grant given at `now` may have: GRANT_MAX_DAYS ahead. */
export function latestGrantEnd(now: Date): Date {
  return new Date(now.getTime() + GRANT_MAX_DAYS * DAY)
}

/** Whether a grant given at `now` may end at `endsAt`: after now, and not after the latest end. */
export function isGrantEndAllowed(endsAt: Date, now: Date): boolean {
  return endsAt.getTime() > now.getTime() && endsAt.getTime() <= latestGrantEnd(now).getTime()
}

/** Extra support is billed afterwards (nacalculatie), except for First Class organisations. */
export function isBilledAfterwards(organisation: Pick<Organisation, 'isFirstClass'> | undefined): boolean {
  return !organisation?.isFirstClass
}

/** Whether a grant lets support in at `now`: not revoked, and before its end (the end itself is outside). */
export function isGrantActive(grant: Pick<AccessGrant, 'revokedAt' | 'endsAt'>, now: Date): boolean {
  return grant.revokedAt === null && now.getTime() < new Date(grant.endsAt).getTime()
}

/** When a backup must be purged: BACKUP_PURGE_DAYS after its incident closed; null while the incident is open. */
export function purgeDateOf(incident: Pick<Incident, 'status' | 'statusHistory'>): Date | null {
  if (incident.status !== 'closed') return null
  const closed = incident.statusHistory.findLast((h) => h.status === 'closed')
  return closed ? new Date(new Date(closed.at).getTime() + BACKUP_PURGE_DAYS * DAY) : null
}

/** The moves staff and the customer's admin may make with a backup request. */
export const BACKUP_MOVES: Record<BackupRequest['status'], BackupRequest['status'][]> = {
  requested: ['approved', 'declined'],
  approved: ['received'],
  declined: [],
  received: ['purged'],
  purged: [],
}

/** The earliest start an extra-support request made at `now` may ask for. */
export function earliestExtraSupportStart(now: Date): Date {
  return new Date(now.getTime() + EXTRA_SUPPORT_NOTICE_DAYS * DAY)
}

/** Why a window cannot be requested at `now`, or undefined when it can. */
export function extraSupportRefusal(
  window: { startsAt: Date; endsAt: Date },
  now: Date,
  calendar: BusinessCalendar,
): 'too_soon' | 'window_too_long' | 'within_business_hours' | undefined {
  if (window.startsAt.getTime() < earliestExtraSupportStart(now).getTime()) return 'too_soon'
  if (window.endsAt.getTime() - window.startsAt.getTime() > EXTRA_SUPPORT_MAX_HOURS * 60 * MINUTE) return 'window_too_long'
  // A window wholly inside the regular hours asks for nothing extra.
  if (businessMsBetween(window.startsAt, window.endsAt, calendar) >= window.endsAt.getTime() - window.startsAt.getTime()) return 'within_business_hours'
  return undefined
}

/** The approved extra-support windows per organisation: business time for that organisation's incidents. */
export function extraWindowsByOrganisation(records: readonly ConsentRecord[]): Map<string, Interval[]> {
  const windows = new Map<string, Interval[]>()
  for (const r of records) {
    if (r.kind !== 'extra_support' || r.status !== 'approved') continue
    const list = windows.get(r.organisationId) ?? []
    list.push({ from: new Date(r.startsAt), to: new Date(r.endsAt) })
    windows.set(r.organisationId, list)
  }
  return windows
}

const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s))
const text = (max: number) => z.string().trim().min(1).max(max)

/** The code the customer got by e-mail and in the portal. */
export const RemoteViewCodeInput = z.strictObject({
  /** Six digits; spaces the customer typed in between are ignored. */
  code: z.string().transform((s) => s.replace(/\s+/g, '')).pipe(z.string().regex(/^\d{6}$/, 'six digits'))
    .meta({ description: 'Six digits; spaces in between are ignored.' }),
}).meta({ id: 'RemoteViewCodeInput', title: 'RemoteViewCodeInput', description: 'The code the customer got by e-mail and in the portal.' })

/** One WebRTC handshake message, as the browser gave it. */
export const RemoteViewSignalInput = z.strictObject({
  type: z.enum(['offer', 'answer', 'candidate'])
    .meta({ description: '`offer` (the customer\'s page, which shares its screen), `answer` (the employee\'s) or `candidate` (either).' }),
  /** The browser's session description or ICE candidate, as JSON text. */
  data: z.string().min(1).max(16_000)
    .meta({ description: 'JSON text: `{ "description": … }` for an offer, `{ "offer": <seq>, "description": … }` for an answer, `{ "candidate": … }` for a candidate.' }),
}).meta({ id: 'RemoteViewSignalInput', title: 'RemoteViewSignalInput', description: 'One WebRTC handshake message, as the browser gave it.' })

/** Why support needs a backup of the customer's environment. */
export const BackupInput = z.strictObject({
  reason: text(2000).meta({ description: 'Shown to the organisation\'s admin, who decides.' }),
}).meta({ id: 'BackupInput', title: 'BackupInput', description: 'Why support needs a backup of the customer\'s environment.' })

/** A decision on a request, against the version the caller saw. */
export const DecisionInput = z.strictObject({
  decision: z.enum(['approve', 'decline']).meta({ description: 'approve or decline.' }),
  note: z.string().trim().max(2000).optional().meta({ description: 'Optional: shown to the other side.' }),
  version: z.number().int().positive().meta({ description: 'The `version` the caller saw.' }),
}).meta({ id: 'DecisionInput', title: 'DecisionInput', description: 'A decision on a request.' })

/** The version the caller saw: a change made meanwhile gives 409. */
export const VersionInput = z.strictObject({
  version: z.number().int().positive().meta({ description: 'The record\'s `version`.' }),
}).meta({ id: 'VersionInput', title: 'VersionInput', description: 'The version the caller saw: a change made meanwhile gives 409.' })

/** Access as a user of the customer's environment, for a while. */
export const GrantInput = z.strictObject({
  level: z.enum(ACCESS_LEVELS).meta({ description: 'read_only (look only), functional_user (work as a user) or administrator.' }),
  endsAt: instant.meta({ description: `When it ends, with an offset: after now and at most ${GRANT_MAX_DAYS} days ahead.` }),
}).meta({ id: 'GrantInput', title: 'GrantInput', description: 'Access as a user of the customer\'s environment, for a while.' })

/** A window outside business hours for which the organisation wants support. */
export const ExtraSupportInput = z.strictObject({
  startsAt: instant.meta({ description: `With an offset; at least ${EXTRA_SUPPORT_NOTICE_DAYS} days ahead.` }),
  endsAt: instant.meta({ description: `After startsAt; at most ${EXTRA_SUPPORT_MAX_HOURS} hours later.` }),
  reason: text(2000).meta({ description: 'What happens in the window, for the staff who decide.' }),
}).refine((w) => w.endsAt.getTime() > w.startsAt.getTime(), { path: ['endsAt'], message: 'must be after startsAt' })
  .meta({ id: 'ExtraSupportInput', title: 'ExtraSupportInput', description: 'A window outside business hours for which the organisation wants support.' })

export type { AccessGrant, BackupRequest, ExtraSupportRequest, RemoteView }
