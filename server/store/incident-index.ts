/**
 * The embedded store's indexes over incidents, kept up to date on every write: numbers by
 * organisation, requester, team, assignee, status and kind (each list sorted, so a page is a walk
 * from the cursor), and a word index (public and internal words apart) for search. Pages and
 * searches read only these and the records they return.
 */
import type { Incident, Message } from '../domain/records.ts'
import { decodeCursor, encodeCursor, CURSOR_SHAPES } from './cursor.ts'
import { headText, isInternalText, parseQuery, termsOf, stemsOf } from './search-text.ts'
import { TOTAL_CAP, type IncidentSearch, type Page, type PageRequest, type QueueSearch } from './store.ts'

/** Where the index reads the records it indexes. */
export interface IndexSource {
  incident(id: string): Incident | undefined
  messagesOf(incidentId: string): Iterable<Message>
  contactName(id: string): string | undefined
  organisationName(id: string): string | undefined
}

/** The fields with a secondary index. */
const FIELDS = ['organisationId', 'contactId', 'team', 'assigneeId', 'status', 'kind'] as const
type Field = (typeof FIELDS)[number]

/** Ascending numbers, kept sorted: insert and remove by binary search (new incidents append). */
class SortedNumbers {
  readonly values: number[] = []
  /** The position of the first value ≥ n. */
  lowerBound(n: number): number {
    let lo = 0
    let hi = this.values.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.values[mid]! < n) lo = mid + 1
      else hi = mid
    }
    return lo
  }
  add(n: number): void {
    const last = this.values[this.values.length - 1]
    if (last === undefined || last < n) this.values.push(n)
    else {
      const at = this.lowerBound(n)
      if (this.values[at] !== n) this.values.splice(at, 0, n)
    }
  }
  delete(n: number): void {
    const at = this.lowerBound(n)
    if (this.values[at] === n) this.values.splice(at, 1)
  }
  get size(): number {
    return this.values.length
  }
}

/** What an incident was indexed under, to take it out again. */
interface Entry {
  number: number
  fields: Record<Field, string | null>
  /** Arrays, not sets: a desk holds one entry per incident, and they are only ever walked. */
  publicTerms: string[]
  internalTerms: string[]
  /** Its place in the queue, while its status is one kept in queue order. */
  queueKey: QueueKey | null
}

/** A queue sort key: see queueKeyOf. */
type QueueKey = [number, string, string, number]

/** The statuses kept in queue order as they change: the open ones, which the console's queue shows every few seconds. */
const QUEUED_STATUSES: ReadonlySet<string> = new Set(['new', 'in_progress', 'waiting_for_customer'])

/** Queue keys kept in the queue's order: insert and remove by binary search. */
class SortedKeys {
  readonly keys: QueueKey[] = []
  add(key: QueueKey): void {
    this.keys.splice(firstAfter(this.keys, key, false), 0, key)
  }
  delete(key: QueueKey): void {
    const at = firstAfter(this.keys, key, false)
    if (at < this.keys.length && compareQueueKeys(this.keys[at]!, key) === 0) this.keys.splice(at, 1)
  }
}

/** The queue's sort key of an incident: new first, then due time (none last), registration, number. */
export function queueKeyOf(incident: Incident): QueueKey {
  return [incident.status === 'new' ? 0 : 1, incident.queueDueAt ?? '~', incident.registeredAt, Number(incident.number)]
}

/** Compares two queue keys in the queue's order. */
export function compareQueueKeys(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!
    const y = b[i]!
    if (x < y) return -1
    if (x > y) return 1
  }
  return 0
}

export class IncidentIndex {
  private readonly all = new SortedNumbers()
  private readonly byField = Object.fromEntries(FIELDS.map((f) => [f, new Map<string, SortedNumbers>()])) as Record<Field, Map<string, SortedNumbers>>
  private readonly idOfNumber = new Map<number, string>()
  private readonly entries = new Map<string, Entry>()
  /** Per stem, the numbers of the incidents whose public text holds it, ascending. */
  private readonly publicWords = new Map<string, SortedNumbers>()
  /** Per stem, the numbers of the incidents whose internal notes hold it. */
  private readonly internalWords = new Map<string, SortedNumbers>()
  /** Per open status, its incidents in queue order. */
  private readonly queueOrder = new Map([...QUEUED_STATUSES].map((status) => [status, new SortedKeys()]))

  constructor(private readonly source: IndexSource) {}

  /** Indexes (again) the incident `id` as the source has it now, or takes it out when it is gone. */
  reindex(id: string): void {
    this.remove(id)
    const incident = this.source.incident(id)
    if (!incident) return
    const number = Number(incident.number)
    const fields = Object.fromEntries(FIELDS.map((f) => [f, incident[f] ?? null])) as Record<Field, string | null>
    const head = headText(incident, { contact: this.source.contactName(incident.contactId), organisation: this.source.organisationName(incident.organisationId) })
    const publicTerms = termsOf(head)
    const internalTerms = new Set<string>()
    for (const message of this.source.messagesOf(id)) {
      for (const term of termsOf(message.text)) (isInternalText(message) ? internalTerms : publicTerms).add(term)
    }
    const queueKey = QUEUED_STATUSES.has(incident.status) ? queueKeyOf(incident) : null
    if (queueKey) this.queueOrder.get(incident.status)!.add(queueKey)
    this.entries.set(id, { number, fields, publicTerms: [...publicTerms], internalTerms: [...internalTerms], queueKey })
    this.idOfNumber.set(number, id)
    this.all.add(number)
    for (const f of FIELDS) {
      const value = fields[f]
      if (value === null) continue
      let list = this.byField[f].get(value)
      if (!list) this.byField[f].set(value, (list = new SortedNumbers()))
      list.add(number)
    }
    for (const term of publicTerms) addTo(this.publicWords, term, number)
    for (const term of internalTerms) addTo(this.internalWords, term, number)
  }

  private remove(id: string): void {
    const entry = this.entries.get(id)
    if (!entry) return
    this.entries.delete(id)
    this.idOfNumber.delete(entry.number)
    this.all.delete(entry.number)
    for (const f of FIELDS) {
      const value = entry.fields[f]
      if (value !== null) this.byField[f].get(value)?.delete(entry.number)
    }
    for (const term of entry.publicTerms) removeFrom(this.publicWords, term, entry.number)
    for (const term of entry.internalTerms) removeFrom(this.internalWords, term, entry.number)
    if (entry.queueKey) this.queueOrder.get(entry.fields.status!)!.delete(entry.queueKey)
  }

  /** The incidents of an organisation or requester: after a rename, their search words change. */
  idsWhere(field: 'organisationId' | 'contactId', value: string): string[] {
    return (this.byField[field].get(value)?.values ?? []).map((n) => this.idOfNumber.get(n)!)
  }

  /**
   * One page of incidents, newest first; see Store.incidents.page. Every filter and word is a set
   * of index lists (an incident matches when one of them holds its number), so a page and its total
   * are found in the lists alone: only the page's own records are read, whatever the desk's size.
   */
  page(search: IncidentSearch, { limit, cursor }: PageRequest): Page<Incident> {
    const after = cursor === undefined ? Number.POSITIVE_INFINITY : (decodeCursor(cursor, CURSOR_SHAPES.incidents)[0] as number)
    const conditions = this.conditionsOf(search)
    if (conditions === undefined || conditions.some((lists) => lists.every((list) => list.length === 0))) return { items: [], next: null, total: 0 }
    // Walked (newest first): the condition with the fewest numbers; every other one is checked by binary search.
    const sizeOf = (lists: number[][]) => lists.reduce((sum, list) => sum + list.length, 0)
    let driver: number[][] = [this.all.values]
    for (const lists of conditions) if (sizeOf(lists) < sizeOf(driver)) driver = lists
    const checks = conditions.filter((lists) => lists !== driver)
    const accepts = (n: number) => checks.every((lists) => lists.some((list) => contains(list, n)))
    // Newest first from just below the cursor: one more than the page tells whether another follows.
    const numbers: number[] = []
    for (const n of descending(driver, after)) {
      if (!accepts(n)) continue
      numbers.push(n)
      if (numbers.length > limit) break
    }
    const next = numbers.length > limit ? encodeCursor([numbers[limit - 1]!]) : null
    const items = numbers.slice(0, limit).map((n) => this.incidentOf(n)!)
    // One list alone is counted by its length; anything else one by one, up to the cap.
    if (checks.length === 0 && driver.length === 1) return { items, next, total: driver[0]!.length > TOTAL_CAP ? null : driver[0]!.length }
    let total = 0
    for (const n of descending(driver, Number.POSITIVE_INFINITY)) if (accepts(n) && ++total > TOTAL_CAP) return { items, next, total: null }
    return { items, next, total }
  }

  /**
   * The search as conditions that must all hold, each the index lists of which one must hold the
   * number: one per filter (a list of values: one list per value) and per word (its stems, public
   * and, for staff, internal). Undefined when the query can find nothing.
   */
  private conditionsOf(search: IncidentSearch): number[][][] | undefined {
    const listOf = (f: Field, value: string) => this.byField[f].get(value)?.values ?? []
    const conditions: number[][][] = []
    for (const f of ['organisationId', 'contactId', 'team', 'assigneeId'] as const) {
      const value = search[f]
      if (value) conditions.push([listOf(f, value)])
    }
    for (const f of ['status', 'kind'] as const) {
      const values = search[f]
      if (values?.length) conditions.push([...new Set<string>(values)].map((value) => listOf(f, value)))
    }
    if (search.q === undefined || search.q.trim() === '') return conditions
    const query = parseQuery(search.q)
    if ('nothing' in query) return undefined
    if ('number' in query) {
      const n = Number(query.number)
      conditions.push([this.idOfNumber.has(n) ? [n] : []])
      return conditions
    }
    for (const word of query.words) {
      conditions.push(stemsOf(word).flatMap((stem) => [this.publicWords.get(stem), search.withInternal ? this.internalWords.get(stem) : undefined])
        .filter((list): list is SortedNumbers => list !== undefined).map((list) => list.values))
    }
    return conditions
  }

  private incidentOf(n: number): Incident | undefined {
    const id = this.idOfNumber.get(n)
    return id === undefined ? undefined : this.source.incident(id)
  }

  /**
   * One page of the triage queue; see Store.incidents.queuePage. The open statuses are walked in
   * the order kept for them, from the cursor on, reading only the records of the page (and, to
   * count, those of filters the index lists cannot answer); other statuses are sorted when asked.
   */
  queuePage(search: QueueSearch, { limit, cursor }: PageRequest): Page<Incident> {
    const after = cursor === undefined ? undefined : (decodeCursor(cursor, CURSOR_SHAPES.queue) as QueueKey)
    const statuses = [...new Set(search.status)]
    const lists = statuses.map((status) => this.queueOrder.get(status)?.keys ?? this.sortedQueueOf(status))
    const byIndex = this.queueChecksOf(search)
    // Filters the lists cannot answer need the record; without them a record is read only for the page.
    const needsRecord = Boolean(search.priority?.length || search.productArea || search.dueBefore || search.dueFrom)
    const accepts = (key: QueueKey) => {
      if (!byIndex.every((check) => check(key[3]))) return undefined
      if (!needsRecord) return this.incidentOf(key[3])
      const incident = this.incidentOf(key[3])
      return incident && matchesQueue(incident, search) ? incident : undefined
    }
    const items: Incident[] = []
    let next: string | null = null
    for (const key of inQueueOrder(lists, after)) {
      const incident = accepts(key)
      if (!incident) continue
      if (items.length === limit) {
        next = encodeCursor(queueKeyOf(items[items.length - 1]!))
        break
      }
      items.push(incident)
    }
    if (byIndex.length === 0 && !needsRecord) {
      const total = lists.reduce((sum, keys) => sum + keys.length, 0)
      return { items, next, total: total > TOTAL_CAP ? null : total }
    }
    let total = 0
    for (const keys of lists) {
      for (const key of keys) if ((needsRecord ? accepts(key) : byIndex.every((check) => check(key[3]))) && ++total > TOTAL_CAP) return { items, next, total: null }
    }
    return { items, next, total }
  }

  /** The queue's filters that the index lists answer, each a check of an incident's number. */
  private queueChecksOf(search: QueueSearch): ((n: number) => boolean)[] {
    const has = (f: Field, value: string, n: number) => contains(this.byField[f].get(value)?.values ?? [], n)
    const checks: ((n: number) => boolean)[] = []
    const { teams, orAssigneeId, assigneeId, kind, organisationId } = search
    if (teams) checks.push((n) => teams.some((team) => has('team', team, n)) || (orAssigneeId !== undefined && has('assigneeId', orAssigneeId, n)))
    if (assigneeId) checks.push((n) => has('assigneeId', assigneeId, n))
    if (kind?.length) checks.push((n) => kind.some((k) => has('kind', k, n)))
    if (organisationId) checks.push((n) => has('organisationId', organisationId, n))
    return checks
  }

  /** The queue keys of a status not kept in queue order (resolved, closed), sorted now. */
  private sortedQueueOf(status: string): QueueKey[] {
    return (this.byField.status.get(status)?.values ?? []).map((n) => queueKeyOf(this.incidentOf(n)!)).sort(compareQueueKeys)
  }
}

/** Whether an incident passes the queue's filters. */
function matchesQueue(i: Incident, f: QueueSearch): boolean {
  const due = i.queueDueAt ?? null
  return (!f.teams || f.teams.includes(i.team) || (f.orAssigneeId !== undefined && i.assigneeId === f.orAssigneeId)) &&
    (!f.assigneeId || i.assigneeId === f.assigneeId) &&
    (!f.priority?.length || (i.priority !== null && f.priority.includes(i.priority))) &&
    (!f.kind?.length || f.kind.includes(i.kind)) &&
    (!f.productArea || i.productArea === f.productArea) &&
    (!f.organisationId || i.organisationId === f.organisationId) &&
    (!f.dueBefore || (due !== null && due < f.dueBefore)) &&
    (!f.dueFrom || (due !== null && due >= f.dueFrom))
}

/** The position in ascending `values` of the first value ≥ n. */
function lowerBoundIn(values: number[], n: number): number {
  let lo = 0
  let hi = values.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (values[mid]! < n) lo = mid + 1
    else hi = mid
  }
  return lo
}

function addTo(index: Map<string, SortedNumbers>, term: string, n: number): void {
  let list = index.get(term)
  if (!list) index.set(term, (list = new SortedNumbers()))
  list.add(n)
}

function removeFrom(index: Map<string, SortedNumbers>, term: string, n: number): void {
  const list = index.get(term)
  if (!list) return
  list.delete(n)
  if (list.size === 0) index.delete(term)
}

/** The position in queue-ordered `keys` of the first key after `key` (`strictly`), or at or after it. */
function firstAfter(keys: QueueKey[], key: readonly (string | number)[], strictly: boolean): number {
  let lo = 0
  let hi = keys.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    const order = compareQueueKeys(keys[mid]!, key)
    if (order < 0 || (strictly && order === 0)) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The keys after `after` (all without it) of the queue-ordered `lists`, in queue order. */
function* inQueueOrder(lists: QueueKey[][], after: QueueKey | undefined): Generator<QueueKey> {
  const at = lists.map((keys) => (after ? firstAfter(keys, after, true) : 0))
  for (;;) {
    let best = -1
    for (let i = 0; i < lists.length; i++) {
      if (at[i]! < lists[i]!.length && (best < 0 || compareQueueKeys(lists[i]![at[i]!]!, lists[best]![at[best]!]!) < 0)) best = i
    }
    if (best < 0) return
    yield lists[best]![at[best]!++]!
  }
}

/** Whether ascending `values` holds n. */
function contains(values: number[], n: number): boolean {
  return values[lowerBoundIn(values, n)] === n
}

/** The numbers below `before` in any of the ascending `lists`, each once, highest first. */
function* descending(lists: number[][], before: number): Generator<number> {
  const at = lists.map((list) => lowerBoundIn(list, before) - 1)
  for (;;) {
    let highest = -1
    for (let i = 0; i < lists.length; i++) if (at[i]! >= 0 && lists[i]![at[i]!]! > highest) highest = lists[i]![at[i]!]!
    if (highest < 0) return
    for (let i = 0; i < lists.length; i++) if (at[i]! >= 0 && lists[i]![at[i]!] === highest) at[i]!--
    yield highest
  }
}
