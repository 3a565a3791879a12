/** What the console says about consented access and extra support: names for levels and states, badges, the actions a record offers, windows in Dutch time, and what changed between two looks. */
import { type Language, localeOf } from '#lib/language.ts'
import type { AccessLevel, BackupStatus, ExtraSupportStatus } from '#domain/records.ts'
import { format } from '#lib/format.ts'
import type { StaffKey, StaffStrings } from '../../i18n/index.ts'
import { DESK_TIME_ZONE, moment } from '../portal/format.ts'
import { dateFormat } from '#lib/date-format.ts'

const LEVEL_KEYS = {
  read_only: 'access.level.readOnly',
  functional_user: 'access.level.functionalUser',
  administrator: 'access.level.administrator',
} as const satisfies Record<AccessLevel, StaffKey>

const BACKUP_KEYS = {
  requested: 'access.backup.status.requested',
  approved: 'access.backup.status.approved',
  declined: 'access.backup.status.declined',
  received: 'access.backup.status.received',
  purged: 'access.backup.status.purged',
} as const satisfies Record<BackupStatus, StaffKey>

const EXTRA_SUPPORT_KEYS = {
  requested: 'access.extra.status.requested',
  approved: 'access.extra.status.approved',
  declined: 'access.extra.status.declined',
} as const satisfies Record<ExtraSupportStatus, StaffKey>

/**
 * The level in words, lower case as it stands inside a sentence; a level this console does not
 * know yet (the server is newer) shows as it is.
 * @example levelName(strings, 'functional_user') === 'functionele gebruiker'
 */
export function levelName(strings: StaffStrings, level: string): string {
  return level in LEVEL_KEYS ? strings[LEVEL_KEYS[level as AccessLevel]] : level
}

/** @example backupStatusName(strings, 'received') === 'Ontvangen' */
export function backupStatusName(strings: StaffStrings, status: BackupStatus): string {
  return strings[BACKUP_KEYS[status]]
}

/** @example extraSupportStatusName(strings, 'requested') === 'Wacht op besluit' */
export function extraSupportStatusName(strings: StaffStrings, status: ExtraSupportStatus): string {
  return strings[EXTRA_SUPPORT_KEYS[status]]
}

/** A badge: its words and its colour class beside `badge` ('' for the plain one). */
export interface Badge {
  text: string
  tone: '' | 'ok' | 'soon' | 'breached'
}

/** A grant as the API presents it. */
export interface GrantView {
  level: string
  endsAt: string
  isActive: boolean
  revokedAt: string | null
}

/** Where a grant stands: active, ended by its own end, or revoked by the customer (which wins, even after the end). */
export function grantState(grant: GrantView): 'active' | 'ended' | 'revoked' {
  if (grant.revokedAt !== null) return 'revoked'
  return grant.isActive ? 'active' : 'ended'
}

/** Green while the grant lets support in, red once the customer revoked it, plain once it ran out. */
export function grantBadge(strings: StaffStrings, grant: GrantView): Badge {
  switch (grantState(grant)) {
    case 'active': return { text: strings['access.grant.active'], tone: 'ok' }
    case 'revoked': return { text: strings['access.grant.revoked'], tone: 'breached' }
    case 'ended': return { text: strings['access.grant.ended'], tone: '' }
  }
}

/** A backup request as the API presents it. */
export interface BackupView {
  status: BackupStatus
  isPurgeDue: boolean
}

/** Amber while the customer or support still has to act, green once it is gone, red while a purge is overdue. */
export function backupBadge(strings: StaffStrings, backup: BackupView): Badge {
  const text = backupStatusName(strings, backup.status)
  if (backup.isPurgeDue) return { text, tone: 'breached' }
  switch (backup.status) {
    case 'requested':
    case 'approved': return { text, tone: 'soon' }
    case 'purged': return { text, tone: 'ok' }
    case 'received':
    case 'declined': return { text, tone: '' }
  }
}

/** What staff record next for a backup: its receipt once approved, its purge once received; nothing otherwise. */
export function backupActions(backup: Pick<BackupView, 'status'>): ('received' | 'purged')[] {
  if (backup.status === 'approved') return ['received']
  if (backup.status === 'received') return ['purged']
  return []
}

/** Whether a backup waits on support: approved but not yet here, or here and not yet purged. */
export function backupNeedsAction(backup: Pick<BackupView, 'status'>): boolean {
  return backupActions(backup).length > 0
}

/** Only a request still waiting may be approved or declined. */
export function extraSupportActions(request: { status: ExtraSupportStatus }): ('approve' | 'decline')[] {
  return request.status === 'requested' ? ['approve', 'decline'] : []
}

/** Whether extra support is billed afterwards (nacalculatie) or, for a First Class customer, not at all. */
export function billingText(strings: StaffStrings, isBilled: boolean): string {
  return strings[isBilled ? 'access.extra.billed' : 'access.extra.notBilled']
}

const dayFormat = (lang: Language) => dateFormat(localeOf(lang), { timeZone: DESK_TIME_ZONE, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' })
const timeFormat = (lang: Language) => dateFormat(localeOf(lang), { timeZone: DESK_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })

/**
 * A window in the desk's time zone, whatever the browser's: one day once, with both times; across
 * days, each end in full. The weekday is there because a window outside hours is often a weekend.
 * @example windowText('nl', strings, '2026-12-12T08:00:00Z', '2026-12-12T12:00:00Z') === 'za 12 dec 2026, 09:00–13:00'
 */
export function windowText(lang: Language, strings: StaffStrings, startsAt: string, endsAt: string): string {
  const [start, end] = [new Date(startsAt), new Date(endsAt)]
  const [startDay, endDay] = [dayFormat(lang).format(start), dayFormat(lang).format(end)]
  const time = (d: Date) => timeFormat(lang).format(d)
  if (startDay === endDay) return format(strings['access.window.sameDay'], { date: startDay, from: time(start), to: time(end) })
  return format(strings['access.window.span'], { from: `${startDay}, ${time(start)}`, to: `${endDay}, ${time(end)}` })
}

/** Any consent record: its id and version (raised on every change); a grant says whether it lets support in, a remote view its state. */
export interface Versioned {
  kind: string
  id: string
  version: number
  isActive?: boolean
  state?: string
}

/**
 * The records of a poll (`incoming`, the server's, newest first) with, for each, whichever of it
 * and the one already shown is newer: a poll that left before a change came back after it must
 * not undo what the page already shows. Records made here since the poll left stay in front.
 */
export function freshest<T extends Versioned>(shown: readonly T[], incoming: readonly T[]): T[] {
  const byId = new Map(shown.map((r) => [r.id, r]))
  const arrived = new Set(incoming.map((r) => r.id))
  const merged = incoming.map((r) => {
    const mine = byId.get(r.id)
    return mine && mine.version > r.version ? mine : r
  })
  return [...shown.filter((r) => !arrived.has(r.id)), ...merged]
}

/** The list with `record` (an action's answer) in its place, or in front when it is new; an older copy never replaces a newer one. */
export function withRecord<T extends Versioned>(shown: readonly T[], record: T): T[] {
  const index = shown.findIndex((r) => r.id === record.id)
  if (index < 0) return [record, ...shown]
  return shown.map((r, i) => (i === index && record.version >= r.version ? record : r))
}

/**
 * What of a record the incident page shows changing: a remote view its state (its version rises
 * with every handshake message), anything else its version, and a grant also its running out.
 */
function faceOf(record: Versioned): string {
  return record.kind === 'remote_view' ? `${record.state}` : `${record.version}:${record.isActive}`
}

/** The records of `after` that are new or changed since `before`, as the page shows them. */
export function changedSince<T extends Versioned>(before: readonly T[], after: readonly T[]): T[] {
  const previous = new Map(before.map((r) => [r.id, faceOf(r)]))
  return after.filter((r) => previous.get(r.id) !== faceOf(r))
}

/**
 * One sentence for what a poll found changed, for a polite live region: e.g. the customer revoked
 * a grant while the page was open. Empty when no grant or backup changed.
 * @example announcement(strings, { grants: [revokedGrant], backups: [] }) === 'Toegang als functionele gebruiker: Ingetrokken.'
 */
export function announcement(strings: StaffStrings, changed: { grants: readonly GrantView[]; backups: readonly BackupView[] }): string {
  return [
    ...changed.grants.map((g) => format(strings['access.announce.grant'], { level: levelName(strings, g.level), state: grantBadge(strings, g).text })),
    ...changed.backups.map((b) => format(strings['access.announce.backup'], { status: backupStatusName(strings, b.status) })),
  ].join(' ')
}

/** Who did something and when, as a line under a record. @example byLine('nl', strings['access.grant.givenBy'], { name: 'Peter' }, iso) */
export function byLine(lang: Language, template: string, by: { name: string } | null, at: string | null): string | null {
  return by && at ? format(template, { name: by.name, at: moment(lang, at) }) : null
}
