/** The triage queue's pure parts: filters ⇄ query string, the queue a filter names, and a target in words. */
import { type Language, localeOf } from '#lib/language.ts'
import { format } from '#lib/format.ts'
import type { StaffStrings } from '../../i18n/index.ts'
import { DESK_TIME_ZONE } from '../portal/format.ts'
import { dateFormat } from '#lib/date-format.ts'

/** The statuses a staff member can filter on (an unconfirmed registration is never in the queue). */
export const QUEUE_STATUSES = ['new', 'in_progress', 'waiting_for_customer', 'resolved', 'closed'] as const
export const QUEUE_KINDS = ['bug', 'outage', 'wish', 'question'] as const
export const QUEUE_PRIORITIES = [1, 2, 3, 4, 5] as const
export const QUEUE_DUE = ['breached', 'soon'] as const
/** Business minutes left at or under which an incident is "due soon"; the server's DUE_SOON_MINUTES. */
export const DUE_SOON_MINUTES = 120

export type QueueStatus = (typeof QUEUE_STATUSES)[number]
export type QueueKind = (typeof QUEUE_KINDS)[number]

const STATUS_KEYS = {
  awaiting_confirmation: 'awaitingConfirmation', new: 'new', in_progress: 'inProgress',
  waiting_for_customer: 'waitingForCustomer', resolved: 'resolved', closed: 'closed',
} as const

/** A status's name in the console (staff words: "Wacht op klant", not the portal's "Wacht op uw reactie"). */
export function statusName(strings: StaffStrings, status: QueueStatus | 'awaiting_confirmation'): string {
  return strings[`queue.status.${STATUS_KEYS[status]}`]
}

export function kindName(strings: StaffStrings, kind: QueueKind): string {
  return strings[`queue.kind.${kind}`]
}

/** What the console shows: one queue and its filters. Each left out filters nothing; no status means every open one. */
export interface QueueFilters {
  /** One team's queue; default every team the viewer may see. */
  team?: string
  /** Only the viewer's own incidents. */
  isMine?: boolean
  status?: QueueStatus
  priority?: number
  kind?: QueueKind
  productArea?: string
  organisationId?: string
  due?: (typeof QUEUE_DUE)[number]
}

// Keys and ids travel in the URL: accept only their plain shape, so a mangled link filters nothing.
const KEY = /^[a-z0-9][a-z0-9_-]{0,39}$/
const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,59}$/

const oneOf = <T extends string | number>(values: readonly T[], raw: string | null, parse: (s: string) => T = (s) => s as T): T | undefined => {
  if (raw === null) return undefined
  const value = parse(raw)
  return values.includes(value) ? value : undefined
}
const matching = (pattern: RegExp, raw: string | null) => (raw !== null && pattern.test(raw) ? raw : undefined)

/**
 * The filters a query string holds, in the API's own names (`team`, `mine=1`, `status`, …);
 * anything unknown or malformed is left out.
 * @example readFilters('?team=finance&due=soon') → { team: 'finance', due: 'soon' }
 */
export function readFilters(search: string): QueueFilters {
  const query = new URLSearchParams(search)
  const filters: QueueFilters = {
    team: matching(KEY, query.get('team')),
    isMine: query.get('mine') === '1' || undefined,
    status: oneOf(QUEUE_STATUSES, query.get('status')),
    priority: oneOf(QUEUE_PRIORITIES, query.get('priority'), Number),
    kind: oneOf(QUEUE_KINDS, query.get('kind')),
    productArea: matching(KEY, query.get('productArea')),
    organisationId: matching(ID, query.get('organisationId')),
    due: oneOf(QUEUE_DUE, query.get('due')),
  }
  // "Mine" is a queue of its own, across teams: a link with both keeps "mine".
  if (filters.isMine) delete filters.team
  return compact(filters)
}

/**
 * The query string of `filters`, without "?", in a fixed order: the page's URL and the API's query alike.
 * @example writeFilters({ isMine: true, priority: 2 }) === 'mine=1&priority=2'
 */
export function writeFilters(filters: QueueFilters): string {
  const query = new URLSearchParams()
  if (filters.isMine) query.set('mine', '1')
  else if (filters.team) query.set('team', filters.team)
  if (filters.status) query.set('status', filters.status)
  if (filters.priority) query.set('priority', String(filters.priority))
  if (filters.kind) query.set('kind', filters.kind)
  if (filters.productArea) query.set('productArea', filters.productArea)
  if (filters.organisationId) query.set('organisationId', filters.organisationId)
  if (filters.due) query.set('due', filters.due)
  return query.toString()
}

/** The queue selector's value: "mine", "all" (every visible team) or "team:<key>". */
export type QueueChoice = 'mine' | 'all' | `team:${string}`

export function queueChoiceOf(filters: QueueFilters): QueueChoice {
  return filters.isMine ? 'mine' : filters.team ? `team:${filters.team}` : 'all'
}

/** `filters` in the queue `choice`, the other filters kept. */
export function withQueueChoice(filters: QueueFilters, choice: QueueChoice): QueueFilters {
  const { team: _team, isMine: _isMine, ...rest } = filters
  if (choice === 'mine') return { ...rest, isMine: true }
  if (choice.startsWith('team:')) return { ...rest, team: choice.slice('team:'.length) }
  return rest
}

/** `filters` with one filter set, or left out when `value` is empty. */
export function withFilter<K extends keyof QueueFilters>(filters: QueueFilters, key: K, value: QueueFilters[K] | '' | undefined): QueueFilters {
  return compact({ ...filters, [key]: value === '' ? undefined : value })
}

/** Whether any filter besides the queue itself is set. */
export function hasFilters(filters: QueueFilters): boolean {
  const { team: _team, isMine: _isMine, ...rest } = compact(filters)
  return Object.keys(rest).length > 0
}

function compact(filters: QueueFilters): QueueFilters {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== '' && v !== false)) as QueueFilters
}

/** A row's target as the API tells it (null once resolved or closed). */
export type Sla = { dueAt: string | null; remainingBusinessMinutes: number | null; isBreached: boolean; isPaused: boolean } | null

/** none: no target (no priority yet, a wish, resolved); ok; soon: within two business hours; breached: past it. */
export type Urgency = 'none' | 'ok' | 'soon' | 'breached'

/** How urgent a row is: what colours it, and what its badge says. */
export function urgencyOf(sla: Sla): Urgency {
  if (!sla?.dueAt || sla.remainingBusinessMinutes === null) return 'none'
  if (sla.isBreached) return 'breached'
  return sla.remainingBusinessMinutes <= DUE_SOON_MINUTES ? 'soon' : 'ok'
}

/** The row's class for its colour: amber when due soon, red once breached. */
export function rowClass(urgency: Urgency): string | undefined {
  return urgency === 'breached' ? 'breached' : urgency === 'soon' ? 'due-soon' : undefined
}

/**
 * A length of business time in words, whatever its sign.
 * @example duration(strings_nl, 200) === '3 u 20 min'; duration(strings_en, -125) === '2 h 5 min'
 */
export function duration(strings: StaffStrings, minutes: number): string {
  const total = Math.abs(Math.round(minutes))
  const hours = Math.floor(total / 60)
  const rest = total % 60
  if (hours === 0) return format(strings['queue.duration.minutes'], { minutes: rest })
  if (rest === 0) return format(strings['queue.duration.hours'], { hours })
  return format(strings['queue.duration.hoursMinutes'], { hours, minutes: rest })
}

/**
 * The business time left on a target in words, saying also when it is soon or past; undefined without a target.
 * @example remainingText(strings_nl, { remainingBusinessMinutes: 200, … }) === 'nog 3 u 20 min'
 * @example remainingText(strings_en, { remainingBusinessMinutes: -125, isBreached: true, … }) === '2 h 5 min overdue'
 */
export function remainingText(strings: StaffStrings, sla: Sla): string | undefined {
  const urgency = urgencyOf(sla)
  if (urgency === 'none' || !sla || sla.remainingBusinessMinutes === null) return undefined
  const time = duration(strings, sla.remainingBusinessMinutes)
  if (urgency === 'breached') return format(strings['queue.overdue'], { time })
  return format(strings[urgency === 'soon' ? 'queue.dueSoon' : 'queue.remaining'], { time })
}

/** @example clockTime('nl', '2026-12-01T09:42:00Z') === '10:42' (the desk's time zone) */
export function clockTime(lang: Language, iso: string): string {
  return dateFormat(localeOf(lang), { timeZone: DESK_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso))
}

/**
 * The ids of `incoming` not in `seen`, which then holds them too: what to announce as new.
 * Tracked per queue and filters, so a row that merely comes back is not announced twice.
 */
export function arrivals(seen: Set<string>, incoming: readonly { id: string }[]): string[] {
  const fresh = incoming.filter((row) => !seen.has(row.id)).map((row) => row.id)
  for (const id of fresh) seen.add(id)
  return fresh
}
