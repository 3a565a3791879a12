/** What the portal's access page and incident timeline say about consented access and extra support: names of levels and states, the remote-view code, sentences for consent steps, and the desk's clock in date-time fields. */
import { tzOffset } from '@date-fns/tz'
import type { Language } from '#lib/language.ts'
import type { AccessLevel, BackupStatus, ExtraSupportStatus } from '#domain/records.ts'
import { format } from '#lib/format.ts'
import type { PortalKey, PortalStrings } from '../../i18n/index.ts'
import { DESK_TIME_ZONE, moment } from './format.ts'
import { clockTimeIn } from '#lib/date-format.ts'

const DAY = 24 * 3_600_000
/** A grant's end the form proposes: long enough for most investigations, short enough to be asked for again. */
const DEFAULT_GRANT_DAYS = 3
/** The furthest end the server accepts (server/domain/consent.ts GRANT_MAX_DAYS); the form only says so, the server decides. */
const GRANT_MAX_DAYS = 14

const LEVEL_KEYS = {
  read_only: { name: 'access.level.readOnly', hint: 'access.level.readOnlyHint', inSentence: 'consent.level.readOnly' },
  functional_user: { name: 'access.level.functionalUser', hint: 'access.level.functionalUserHint', inSentence: 'consent.level.functionalUser' },
  administrator: { name: 'access.level.administrator', hint: 'access.level.administratorHint', inSentence: 'consent.level.administrator' },
} as const satisfies Record<AccessLevel, Record<string, PortalKey>>

const isLevel = (level: string): level is AccessLevel => level in LEVEL_KEYS

/**
 * A level as a label ("Alleen lezen"), or inside a sentence ("alleen lezen"); a level this page
 * does not know yet (the server is newer) shows as it is.
 */
export function levelName(strings: PortalStrings, level: string, isInSentence = false): string {
  if (!isLevel(level)) return level
  return strings[LEVEL_KEYS[level][isInSentence ? 'inSentence' : 'name']]
}

/** The one line under a level's radio button that says what support may do with it. */
export function levelHint(strings: PortalStrings, level: AccessLevel): string {
  return strings[LEVEL_KEYS[level].hint]
}

/** Where a grant stands: active, ended by its own end, or revoked (which wins, even after the end). */
export function grantState(grant: { isActive: boolean; revokedAt: string | null }): 'active' | 'ended' | 'revoked' {
  if (grant.revokedAt !== null) return 'revoked'
  return grant.isActive ? 'active' : 'ended'
}

/** A badge: its words and its colour class beside `badge` ('' for the plain one). */
export interface Badge {
  text: string
  tone: '' | 'ok' | 'breached'
}

/** Green while support may use the grant, red once revoked, plain once it ran out. */
export function grantBadge(strings: PortalStrings, grant: { isActive: boolean; revokedAt: string | null }): Badge {
  switch (grantState(grant)) {
    case 'active': return { text: strings['access.grant.active'], tone: 'ok' }
    case 'revoked': return { text: strings['access.grant.revoked'], tone: 'breached' }
    case 'ended': return { text: strings['access.grant.ended'], tone: '' }
  }
}

const BACKUP_KEYS = {
  requested: 'access.backup.status.requested',
  approved: 'access.backup.status.approved',
  declined: 'access.backup.status.declined',
  received: 'access.backup.status.received',
  purged: 'access.backup.status.purged',
} as const satisfies Record<BackupStatus, PortalKey>

/** A backup request's status as a badge: waiting for the admin is plain, approved and on from there green, declined red. */
export function backupBadge(strings: PortalStrings, status: BackupStatus): Badge {
  const tone = status === 'requested' ? '' : status === 'declined' ? 'breached' : 'ok'
  return { text: strings[BACKUP_KEYS[status]], tone }
}

/**
 * What the page says about a backup's removal: by when it goes once the incident closed, that it
 * goes after closing while the incident is open, when it went; nothing when there is none to remove.
 */
export function purgeLine(lang: Language, strings: PortalStrings, backup: { status: BackupStatus; purgeDate: string | null; purgedAt: string | null }): string | undefined {
  if (backup.status === 'purged') return backup.purgedAt ? format(strings['access.backup.purgedAt'], { date: moment(lang, backup.purgedAt) }) : undefined
  if (backup.status === 'declined') return undefined
  if (backup.purgeDate) return format(strings['access.backup.purgeBy'], { date: moment(lang, backup.purgeDate) })
  return strings['access.backup.purgeAfterClose']
}

const EXTRA_SUPPORT_KEYS = {
  requested: 'access.extra.status.requested',
  approved: 'access.extra.status.approved',
  declined: 'access.extra.status.declined',
} as const satisfies Record<ExtraSupportStatus, PortalKey>

export function extraSupportBadge(strings: PortalStrings, status: ExtraSupportStatus): Badge {
  const tone = status === 'approved' ? 'ok' : status === 'declined' ? 'breached' : ''
  return { text: strings[EXTRA_SUPPORT_KEYS[status]], tone }
}

/**
 * Six digits read in two groups, as people say them aloud and as the remote-view page accepts them.
 * @example spacedCode('123456') === '123 456'
 */
export function spacedCode(code: string): string {
  return code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : code
}

/**
 * The time of day on the desk's clock, for a moment minutes away such as a code's expiry; the 24-hour
 * clock in both languages, as the desk's hours are written.
 * @example clockTime('2026-12-01T09:05:00Z') === '10:05'
 */
export function clockTime(iso: string): string {
  return clockTimeIn(new Date(iso), DESK_TIME_ZONE)
}

/** A remote view as GET /api/consents presents it, as far as the code notice needs. */
interface RemoteViewLike {
  kind: string
  state?: string
  code?: string | null
}

/** The remote views that wait for the viewer's consent with a code only they see, newest first as listed. */
export function waitingCodes<T extends RemoteViewLike>(consents: readonly T[]): (T & { code: string })[] {
  return consents.filter((c): c is T & { code: string } => c.kind === 'remote_view' && c.state === 'waiting' && typeof c.code === 'string')
}

/** The list with `record` (an action's answer) in its place, or in front when it is new; an older copy never replaces a newer one. */
export function withRecord<T extends { id: string; version: number }>(shown: readonly T[], record: T): T[] {
  const index = shown.findIndex((r) => r.id === record.id)
  if (index < 0) return [record, ...shown]
  return shown.map((r, i) => (i === index && record.version >= r.version ? record : r))
}

/** The incidents a grant may be given for: the server refuses one not yet confirmed and one closed. */
export function isGrantable(incident: { status: string }): boolean {
  return incident.status !== 'awaiting_confirmation' && incident.status !== 'closed'
}

/** The parts of a desk date-time field ("2026-03-29T03:30"), or undefined for anything else. */
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/
const MINUTE = 60_000

/** The desk's offset from UTC at `ms`, in minutes (60 in winter, 120 in summer). */
const offsetAt = (ms: number) => tzOffset(DESK_TIME_ZONE, new Date(ms))

const two = (n: number) => String(n).padStart(2, '0')

/**
 * A date-time field's value, read as the desk's clock (Europe/Amsterdam), as an ISO instant with
 * its offset; undefined when the field is empty or malformed. A time the clock skips in spring
 * (02:30 on the last Sunday of March) moves an hour on; a time that happens twice in autumn is
 * taken in winter time, the later of the two. Whatever the browser's own time zone.
 * @example isoOfLocal('2026-07-01T09:05') === '2026-07-01T09:05:00.000+02:00'
 */
export function isoOfLocal(value: string): string | undefined {
  const parts = LOCAL.exec(value)
  if (!parts) return undefined
  const [year, month, date, hours, minutes] = parts.slice(1).map(Number)
  // The wall-clock time as if it were UTC; Date.UTC rolls 31 February into March, so such a date is no date.
  const wall = Date.UTC(year, month - 1, date, hours, minutes)
  const check = new Date(wall)
  if (check.getUTCDate() !== date || check.getUTCMonth() !== month - 1 || hours > 23 || minutes > 59) return undefined
  // The offsets on either side of a clock change; the winter one is tried first, so a repeated hour is read in winter time.
  const before = offsetAt(wall - 3 * 60 * MINUTE)
  const after = offsetAt(wall + 3 * 60 * MINUTE)
  const fitting = [Math.min(before, after), Math.max(before, after)].find((offset) => offsetAt(wall - offset * MINUTE) === offset)
  // In the skipped hour no offset fits: read with the one before the change, 02:30 is 03:30 summer time.
  return isoOf(wall - (fitting ?? before) * MINUTE)
}

/** An instant as ISO 8601 with the desk's offset at that moment. @example isoOf(Date.parse('2026-12-01T09:00Z')) === '2026-12-01T10:00:00.000+01:00' */
function isoOf(ms: number): string {
  const offset = offsetAt(ms)
  const sign = offset < 0 ? '-' : '+'
  const local = new Date(ms + offset * MINUTE).toISOString().slice(0, 23)
  return `${local}${sign}${two(Math.floor(Math.abs(offset) / 60))}:${two(Math.abs(offset) % 60)}`
}

/**
 * An instant as the desk's clock shows it, in the form a date-time field takes.
 * @example localOf(new Date('2026-12-01T09:00:00Z')) === '2026-12-01T10:00'
 */
export function localOf(at: Date): string {
  return new Date(at.getTime() + offsetAt(at.getTime()) * MINUTE).toISOString().slice(0, 16)
}

/** The end the grant form proposes: DEFAULT_GRANT_DAYS from `now`, to the minute. */
export function defaultGrantEnd(now: Date): string {
  return localOf(new Date(now.getTime() + DEFAULT_GRANT_DAYS * DAY))
}

/** The latest end the server accepts for a grant given at `now`, for the form's hint. */
export function latestGrantEnd(now: Date): Date {
  return new Date(now.getTime() + GRANT_MAX_DAYS * DAY)
}

/** A timeline entry of `type: 'consent'`, as GET /api/incidents/{id} gives it. */
export interface ConsentStep {
  action: string
  by: { kind: 'contact' | 'staff' | 'system'; name: string }
  level?: string
  endsAt?: string
}

/** Per action the sentence naming who did it, and the one for when that was the viewer. */
const STEP_KEYS: Record<string, { other: PortalKey; self?: PortalKey }> = {
  'remote_view.started': { other: 'consent.remoteView.started' },
  'remote_view.consented': { other: 'consent.remoteView.consented', self: 'consent.remoteView.consentedByYou' },
  'remote_view.ended': { other: 'consent.remoteView.ended', self: 'consent.remoteView.endedByYou' },
  'backup.requested': { other: 'consent.backup.requested' },
  'backup.approved': { other: 'consent.backup.approved', self: 'consent.backup.approvedByYou' },
  'backup.declined': { other: 'consent.backup.declined', self: 'consent.backup.declinedByYou' },
  'backup.received': { other: 'consent.backup.received' },
  'backup.purged': { other: 'consent.backup.purged' },
  'grant.given': { other: 'consent.grant.given', self: 'consent.grant.givenByYou' },
  'grant.revoked': { other: 'consent.grant.revoked', self: 'consent.grant.revokedByYou' },
  'grant.used': { other: 'consent.grant.used' },
  'grant.use_refused': { other: 'consent.grant.useRefused' },
}

/**
 * One consent step as a sentence for the customer: who did what, "U" when it was the viewer
 * (the timeline names people, not ids, so the name tells). An action this page does not know yet
 * still says who did something.
 * @example consentSentence('nl', strings, { action: 'grant.revoked', by: { kind: 'contact', name: 'Peter de Vries' } }, 'Peter de Vries') === 'U hebt de toegang ingetrokken'
 */
export function consentSentence(lang: Language, strings: PortalStrings, step: ConsentStep, viewerName: string): string {
  const name = step.by.kind === 'staff' ? format(strings['incidents.bySupport'], { name: step.by.name }) : step.by.name
  const keys = STEP_KEYS[step.action]
  if (!keys) return format(strings['consent.other'], { name })
  const isViewer = step.by.kind === 'contact' && step.by.name === viewerName
  const key = isViewer && keys.self ? keys.self : keys.other
  return format(strings[key], {
    name,
    level: step.level ? levelName(strings, step.level, true) : '',
    end: step.endsAt ? moment(lang, step.endsAt) : '',
  })
}
