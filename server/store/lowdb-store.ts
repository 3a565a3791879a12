/**
 * The default Store: all records in memory, each change appended to a journal (one small JSON
 * line, numbered and checksummed, flushed before it is acknowledged; journal.ts), and a JSON
 * snapshot (lowdb's file layout) that folds the journal in at start. A write costs the same with
 * 100 or 100,000 records stored; the whole file is written only at start. A write the disk does
 * not take is undone in memory and refused (StorageUnavailableError); the next one tries again.
 */
import { randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync, unlinkSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { MailRecord } from '../mail/types.ts'
import type { StaffNotification } from '../domain/notifications.ts'
import type { Complaint, ConsentRecord, Contact, FollowUp, Incident, Message, Organisation, SavedReply, Session, Staff } from '../domain/records.ts'
import { callerSortKey, isCallerMatch } from '../domain/caller.ts'
import type { DeskNotice } from '../domain/desk-notice.ts'
import { REFUSED_ORIGINS_KEPT, type RefusedOrigin } from '../domain/refused-origin.ts'
import { folderAttachmentFiles } from './attachment-files.ts'
import { writeDurably } from './durable-file.ts'
import { HEADER_BYTES, HEADER_PREFIX, JournalWriter, headerLine, readJournal, readLegacyJournal, type JournalOp, type JournalRead } from './journal.ts'
import { complaintQueueKeyOf } from './complaint-queue.ts'
import { CURSOR_SHAPES, decodeCursor, encodeCursor, type SortKey } from './cursor.ts'
import { IncidentIndex, compareQueueKeys as compareKeys } from './incident-index.ts'
import { nodeFiles, writeAll, type StoreFiles } from './store-files.ts'
import { changeFeed, changeOf } from './change-feed.ts'
import { SignalRollup } from './signal-rollup.ts'
import { StoreError, TOTAL_CAP, VersionConflictError, type IncidentFilter, type Page, type PageRequest, type Store } from './store.ts'

/** The tables of a data folder, as the Store names them. */
export const TABLES = [
  'organisations', 'contacts', 'staff', 'incidents', 'messages', 'attachments', 'complaints', 'followUps', 'consents',
  'registrations', 'signInTokens', 'sessions', 'outbox', 'audit', 'notifications', 'unreadReactions', 'deskNotices', 'savedReplies', 'refusedOrigins',
] as const
export type Table = (typeof TABLES)[number]
/** A record as stored: whole, as the API wrote it. */
export type Row = { id: string } & Record<string, any>

/** One line of the journal: a record stored or removed. */
type Op = JournalOp & { t: Table }

/**
 * snapshot.json: every record up to the journal's record `seq`. Format 1 (no `seq`) is read to
 * migrate a folder; `migrated` marks the format-2 snapshot that folded a format-1 journal in.
 */
type Snapshot = { format: 1 | 2; seq?: number; migrated?: boolean; tables: Record<Table, Row[]> }

/** Incident numbers start here: six digits, easy to type on a phone keypad. */
const FIRST_NUMBER = 100001
/** Complaint numbers: "K" and five digits from here on. */
const FIRST_COMPLAINT_NUMBER = 10001

export interface LowdbStoreOptions {
  /** The data folder; the store lives in `<dir>/store/`. */
  dir: string
  /** The file operations the journal makes while the desk runs; tests inject faults here. Default: the real file system. */
  files?: StoreFiles
  /** Where start-up notes go (a torn final record dropped, a folder migrated); default the console. */
  log?: (message: string) => void
  /** The desk's time zone, whose local days the signal counters count by; default Europe/Amsterdam (the demo desk's). */
  timeZone?: string
}

/** The time zone signal counters count in when a store is opened without one: the demo desk's. */
export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam'

/** The lowdb Store, and whether its data folder was new (only a new folder gets the demo data). */
export type LowdbStore = Store & {
  readonly isNew: boolean
  /** A copy of every record in memory, by table: with no write under way, what the disk holds. */
  dump(): Record<Table, Row[]>
  /** Resolves once no write is under way. */
  idle(): Promise<void>
}

const defaultLog = (message: string) => console.warn(`[loket] ${message}`)

/** Refused origins, the last refused first, then by origin. */
const lastRefusedFirst = (origins: RefusedOrigin[]) =>
  origins.toSorted((a, b) => (a.lastSeen === b.lastSeen ? (a.origin < b.origin ? -1 : 1) : a.lastSeen > b.lastSeen ? -1 : 1))

/** The files of the store in a data folder. */
export function storeFiles(dir: string) {
  const folder = join(dir, 'store')
  return { folder, snapshot: join(folder, 'snapshot.json'), journal: join(folder, 'journal.jsonl'), lock: join(folder, 'lock') }
}

/**
 * Opens the store in `dir`: takes the folder's lock, reads the snapshot, replays the journal and
 * folds it into a new snapshot. A folder in journal format 1 is migrated here, at its first start.
 */
export async function openLowdbStore({ dir, files = nodeFiles, log = defaultLog, timeZone = DEFAULT_TIME_ZONE }: LowdbStoreOptions): Promise<LowdbStore> {
  const paths = storeFiles(dir)
  mkdirSync(paths.folder, { recursive: true })
  const release = takeLock(paths.lock)
  try {
    const loaded = await load(dir)
    if (loaded.torn) {
      log(`${paths.journal}: dropped ${loaded.torn.bytes} bytes at byte ${loaded.torn.offset}, a final write a crash interrupted (${loaded.torn.why}); it was never acknowledged`)
    }
    let seq = loaded.lastSeq
    let position = { seq, bytes: loaded.wholeBytes, headerSeq: loaded.headerSeq }
    if (loaded.isNew) {
      // The journal first: a folder whose journal holds only a header and no snapshot is one being made.
      await writeDurably(paths.journal, headerLine({ base: 0, ackedSeq: 0, ackedBytes: HEADER_BYTES }))
      await writeDurably(paths.snapshot, JSON.stringify({ format: 2, seq: 0, tables: loaded.state.dump() } satisfies Snapshot))
      position = { seq: 0, bytes: HEADER_BYTES, headerSeq: 0 }
    } else if (loaded.needsFold) {
      // Fold the journal into a new snapshot, then start a new journal after it. A crash in between
      // leaves the old journal, whose records up to `seq` the snapshot holds: they are skipped.
      await writeDurably(paths.snapshot, JSON.stringify({ format: 2, seq, ...(loaded.isLegacy ? { migrated: true } : {}), tables: loaded.state.dump() } satisfies Snapshot))
      await writeDurably(paths.journal, headerLine({ base: seq, ackedSeq: seq, ackedBytes: HEADER_BYTES }))
      if (loaded.isLegacy) log(`${paths.folder}: moved to journal format 2 (numbered, checksummed records)`)
      position = { seq, bytes: HEADER_BYTES, headerSeq: seq }
    }
    const base = loaded.isNew || loaded.needsFold ? seq : loaded.base
    const journal = new JournalWriter(await files.open(paths.journal, 'r+'), base, position)
    const probe = async () => {
      // A small file written, flushed and removed beside the journal: the disk takes writes again.
      const file = join(paths.folder, '.health-probe')
      const handle = await files.open(file, 'w')
      try {
        await writeAll(handle, Buffer.alloc(4096, 0x20), 0)
        await handle.datasync()
      } finally {
        await handle.close()
      }
      await files.unlink(file)
    }
    return Object.assign(buildStore(loaded.state, journal, release, probe, timeZone), {
      // Attachments' contents stay files in the data folder, beside the store's own folder.
      attachmentFiles: folderAttachmentFiles(dir),
      isNew: loaded.isNew, dump: () => structuredClone(loaded.state.dump()), idle: () => journal.idle(),
    })
  } catch (error) {
    release()
    if (error instanceof StoreError) throw error
    throw new StoreError((error as Error).message)
  }
}

/**
 * A data folder's records as they were last acknowledged, read without writing anything: the lock
 * is not taken, and a journal tail cut short by a crash is left in place (and not read). Refuses a
 * folder a live Loket process holds, whose records may change while they are read.
 * @example const { incidents } = await readLowdbTables('data/')
 */
export async function readLowdbTables(dir: string): Promise<Record<Table, Row[]>> {
  return (await readLowdbFolder(dir)).tables
}

/** What a data folder's store holds, read without writing anything (see readLowdbTables). */
export interface FolderReading {
  tables: Record<Table, Row[]>
  /** The last record's sequence number: the snapshot's, or the journal's beyond it. */
  seq: number
  /** 1 for a folder not yet migrated, else 2. */
  format: 1 | 2
  /** Records in the journal not yet folded into the snapshot. */
  journalRecords: number
  /** A final write a crash interrupted, which the next start drops. */
  torn?: { offset: number; bytes: number; why: string }
}

/**
 * Reads the folder's store as readLowdbTables does, with what a check reports: format, sequence,
 * journal. `whileRunning`: a desk may hold the folder (backups, checks); its snapshot does not
 * change while it runs and its journal only grows, so what is read is its records as of one record.
 */
export async function readLowdbFolder(dir: string, options: { whileRunning?: boolean } = {}): Promise<FolderReading> {
  const paths = storeFiles(dir)
  if (!existsSync(paths.snapshot) && !existsSync(paths.journal)) {
    throw new StoreError(`${paths.folder} holds no Loket records (no snapshot.json, no journal.jsonl): give the desk's DATA_DIR.`)
  }
  const refuseIfHeld = () => {
    if (options.whileRunning) return
    const holder = liveHolder(paths.lock)
    if (holder) throw new StoreError(`${paths.lock}: a Loket process (pid ${holder}) uses this data folder. Stop it first, so its records do not change while they are read.`)
  }
  refuseIfHeld()
  try {
    const loaded = await load(dir)
    if (loaded.isNew) throw new StoreError(`${paths.folder} holds no Loket records yet (a journal without records, no snapshot.json).`)
    // A desk that started meanwhile may have folded the journal between the two reads.
    refuseIfHeld()
    return { tables: loaded.state.dump(), seq: loaded.lastSeq, format: loaded.isLegacy ? 1 : 2, journalRecords: loaded.journalRecords, ...(loaded.torn ? { torn: loaded.torn } : {}) }
  } catch (error) {
    if (error instanceof StoreError) throw error
    throw new StoreError((error as Error).message)
  }
}

/** What load found: the records, and what opening must do about the files. */
interface Loaded {
  state: State
  /** No store here yet: the folder gets a new journal and snapshot (and may get the demo data). */
  isNew: boolean
  /** Format 1, to migrate. */
  isLegacy: boolean
  /** The journal's records or a torn tail must be folded into a new snapshot before writing on. */
  needsFold: boolean
  /** The last record's sequence number; the journal's base, its durable end and what its header names. */
  lastSeq: number
  base: number
  wholeBytes: number
  headerSeq: number
  journalRecords: number
  torn?: { offset: number; bytes: number; why: string }
}

/** What to do when the store cannot start, said once. */
const RESTORE = 'Restore the data folder from a backup (npm run restore -- FILE into an empty folder); npm run store:check tells what is wrong.'

/**
 * The snapshot with the journal replayed on top; writes nothing. A folder without a store reads
 * as new only when nothing in it shows it held a desk; a missing or null snapshot of a desk, a
 * damaged snapshot or journal, throws a StoreError naming the file.
 */
async function load(dir: string): Promise<Loaded> {
  const paths = storeFiles(dir)
  const state = new State()
  const snapshotBytes = await readOptional(paths.snapshot)
  const journalBytes = await readOptional(paths.journal)
  const isFormat2Journal = journalBytes !== undefined && journalBytes.subarray(0, HEADER_PREFIX.length).toString('latin1') === HEADER_PREFIX
  const result = (fields: Partial<Loaded>): Loaded => ({
    state, isNew: false, isLegacy: false, needsFold: false, lastSeq: 0, base: 0, wholeBytes: HEADER_BYTES, headerSeq: 0, journalRecords: 0, ...fields,
  })

  let snapshot: Snapshot
  if (snapshotBytes === undefined) {
    const journal = isFormat2Journal ? readJournal(journalBytes, paths.journal) : undefined
    const isBeingMade = !journalBytes?.length || (journal !== undefined && journal.records.length === 0)
    const legacyOps = !isFormat2Journal && journalBytes?.length ? readLegacyJournal(journalBytes, paths.journal).ops : []
    if (isBeingMade) {
      const trace = ['attachments', 'outbox'].find((name) => existsSync(join(dir, name)))
      if (trace) throw new StoreError(`${paths.snapshot} is missing, but ${join(dir, trace)} shows this folder held a desk. ${RESTORE} Loket does not start without the snapshot, so the demo data cannot take the desk's place.`)
      return result({ isNew: true })
    }
    // Format 1 wrote no snapshot until its first restart: a journal that starts with the
    // organisations a first start adds is such a desk; any other is a desk that lost its snapshot.
    if (legacyOps[0]?.op !== 'put' || legacyOps[0].t !== 'organisations') {
      throw new StoreError(`${paths.snapshot} is missing, but ${paths.journal} holds records: this folder held a desk. ${RESTORE} Loket does not start without the snapshot, so the demo data cannot take the desk's place.`)
    }
    snapshot = { format: 1, tables: {} as Snapshot['tables'] }
  } else {
    let data: unknown
    try {
      data = JSON.parse(snapshotBytes.toString('utf8'))
    } catch (error) {
      throw new StoreError(`${paths.snapshot} is damaged (${(error as Error).message}); restore it from a backup. Loket does not start on a damaged file.`)
    }
    if (data === null || typeof data !== 'object' || !('tables' in data)) {
      throw new StoreError(`${paths.snapshot} holds no records (${JSON.stringify(data)?.slice(0, 40)}), but a desk's snapshot always does. ${RESTORE} Loket does not start without it.`)
    }
    snapshot = data as Snapshot
    if (snapshot.format !== 1 && snapshot.format !== 2) throw new StoreError(`${paths.snapshot} has format ${snapshot.format}, which this version cannot read`)
  }
  for (const t of TABLES) for (const r of snapshot.tables[t] ?? []) state.apply({ op: 'put', t, r })

  if (snapshot.format === 1) {
    if (isFormat2Journal) throw new StoreError(`${paths.journal} is in format 2 but ${paths.snapshot} in format 1: they are not of one desk. ${RESTORE}`)
    const legacy = readLegacyJournal(journalBytes ?? Buffer.alloc(0), paths.journal)
    for (const op of legacy.ops) state.apply(op as Op)
    const torn = legacy.torn && { ...legacy.torn, why: 'the line has no line end' }
    return result({ isLegacy: true, needsFold: true, lastSeq: 0, journalRecords: legacy.ops.length, ...(torn ? { torn } : {}) })
  }
  const seq = snapshot.seq ?? 0
  if (!journalBytes?.length) {
    throw new StoreError(`${paths.journal} is ${journalBytes ? 'empty' : 'missing'}, but every desk has one beside ${paths.snapshot} (which holds records up to ${seq}); records after those may be lost. ${RESTORE}`)
  }
  if (!isFormat2Journal && snapshot.migrated && seq === 0) {
    // The format-1 journal this snapshot folded in, left by a crash before it was replaced.
    readLegacyJournal(journalBytes, paths.journal)
    return result({ needsFold: true })
  }
  const read: JournalRead = readJournal(journalBytes, paths.journal)
  if (read.header.base > seq) {
    throw new StoreError(`${paths.journal} continues after record ${read.header.base}, but ${paths.snapshot} holds records only up to ${seq}: records ${seq + 1} to ${read.header.base} are missing (a snapshot from an older backup?). ${RESTORE}`)
  }
  let replayed = 0
  for (const r of read.records) {
    if (r.seq <= seq) continue
    state.apply(r.op as Op)
    replayed++
  }
  return result({
    needsFold: read.records.length > 0 || read.torn !== undefined || read.header.base !== seq,
    lastSeq: Math.max(seq, read.lastSeq), base: read.header.base, wholeBytes: read.wholeBytes, headerSeq: read.header.ackedSeq, journalRecords: replayed,
    ...(read.torn ? { torn: read.torn } : {}),
  })
}

/** A file's bytes, or undefined when it does not exist. */
async function readOptional(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

/** The folder's lock: one process per data folder. A lock left by a process that died is taken over. */
function takeLock(file: string): () => void {
  try {
    writeFileSync(file, String(process.pid), { flag: 'wx' })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    const holder = Number(readFileSync(file, 'utf8'))
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new StoreError(`${file}: another Loket process (pid ${holder}) uses this data folder. Stop it, or give this one its own DATA_DIR.`)
    }
    writeFileSync(file, String(process.pid))
  }
  return () => {
    try {
      if (Number(readFileSync(file, 'utf8')) === process.pid) unlinkSync(file)
    } catch {
      // Already gone: nothing to release.
    }
  }
}

/** The live process, other than this one, that holds the lock `file`; undefined when none does. */
function liveHolder(file: string): number | undefined {
  let holder: number
  try {
    holder = Number(readFileSync(file, 'utf8'))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
  return holder && holder !== process.pid && isAlive(holder) ? holder : undefined
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** All records in memory, with the indexes the Store's lookups need. */
class State {
  readonly tables = Object.fromEntries(TABLES.map((t) => [t, new Map<string, Row>()])) as Record<Table, Map<string, Row>>
  readonly byKey = new Map<string, string>()
  readonly messagesOf = new Map<string, Set<string>>()
  readonly attachmentsOf = new Map<string, Set<string>>()
  readonly auditOf = new Map<string, Set<string>>()
  /** Mails still to send: the outbox drains often, and sent mails pile up. */
  readonly pendingMails = new Set<string>()
  lastNumber = FIRST_NUMBER - 1
  lastComplaintNumber = FIRST_COMPLAINT_NUMBER - 1
  /** Pages and search over incidents: built once the records are loaded (a read-only look at a folder needs none), then kept up to date by `apply`. */
  incidentIndex: IncidentIndex | undefined

  /** Builds the incident index over what is loaded; every later change keeps it up to date. */
  indexIncidents(): IncidentIndex {
    const t = this.tables
    const index = new IncidentIndex({
      incident: (id) => t.incidents.get(id) as Incident | undefined,
      messagesOf: (incidentId) => [...(this.messagesOf.get(incidentId) ?? [])].map((id) => t.messages.get(id) as Message),
      contactName: (id) => t.contacts.get(id)?.name,
      organisationName: (id) => t.organisations.get(id)?.name,
    })
    for (const id of t.incidents.keys()) index.reindex(id)
    this.incidentIndex = index
    return index
  }

  /** Keeps the incident index in step with a change of `t` from `old` to `now`. */
  private reindexFor(t: Table, old: Row | undefined, now: Row | undefined): void {
    const index = this.incidentIndex
    if (!index) return
    if (t === 'incidents') index.reindex((now ?? old)!.id)
    else if (t === 'messages') for (const id of new Set([old?.incidentId, now?.incidentId])) id && index.reindex(id)
    else if ((t === 'contacts' || t === 'organisations') && old?.name !== now?.name) {
      for (const id of index.idsWhere(t === 'contacts' ? 'contactId' : 'organisationId', (now ?? old)!.id)) index.reindex(id)
    }
  }

  /** Index keys of a record, e.g. "contacts:email:ann@example.nl". */
  private keysOf(t: Table, r: Row): string[] {
    switch (t) {
      case 'contacts': return [`contacts:email:${r.email.toLowerCase()}`]
      case 'staff': return [`staff:email:${r.email.toLowerCase()}`]
      case 'incidents': return [`incidents:number:${r.number}`]
      case 'registrations': case 'signInTokens': case 'sessions': return [`${t}:hash:${r.tokenHash}`]
      case 'outbox': return [`outbox:event:${r.eventKey}`]
      case 'notifications': return [`notifications:key:${r.key}`]
      default: return []
    }
  }

  /** Applies `op`; the function returned puts back what it replaced (undo newest first). */
  apply(op: Op): () => void {
    const table = this.tables[op.t]
    const id = op.op === 'put' ? op.r.id : op.id
    const old = table.get(id)
    const undo = this.undoOf(op.t, id, old)
    if (old) {
      for (const k of this.keysOf(op.t, old)) this.byKey.delete(k)
      if (op.t === 'messages') this.messagesOf.get(old.incidentId)?.delete(old.id)
      if (op.t === 'attachments') this.attachmentsOf.get(old.incidentId)?.delete(old.id)
      if (op.t === 'audit') this.auditOf.get(old.target)?.delete(old.id)
    }
    if (op.t === 'outbox') this.pendingMails.delete(op.op === 'put' ? op.r.id : op.id)
    if (op.op === 'del') {
      table.delete(op.id)
      this.reindexFor(op.t, old, undefined)
      return undo
    }
    if (op.t === 'outbox' && op.r.status === 'pending') this.pendingMails.add(op.r.id)
    table.set(op.r.id, op.r)
    for (const k of this.keysOf(op.t, op.r)) this.byKey.set(k, op.r.id)
    if (op.t === 'messages') group(this.messagesOf, op.r.incidentId, op.r.id)
    if (op.t === 'attachments') group(this.attachmentsOf, op.r.incidentId, op.r.id)
    if (op.t === 'audit') group(this.auditOf, op.r.target, op.r.id)
    if (op.t === 'incidents') this.lastNumber = Math.max(this.lastNumber, Number(op.r.number))
    if (op.t === 'complaints') this.lastComplaintNumber = Math.max(this.lastComplaintNumber, Number(op.r.number.slice(1)))
    this.reindexFor(op.t, old, op.r)
    return undo
  }

  private undoOf(t: Table, id: string, old: Row | undefined): () => void {
    const { lastNumber, lastComplaintNumber } = this
    return () => {
      this.apply(old ? { op: 'put', t, r: old } : { op: 'del', t, id })
      this.lastNumber = lastNumber
      this.lastComplaintNumber = lastComplaintNumber
    }
  }

  find<T>(t: Table, key: string): T | undefined {
    const id = this.byKey.get(`${t}:${key}`)
    return id === undefined ? undefined : (this.tables[t].get(id) as T)
  }

  dump(): Record<Table, Row[]> {
    return Object.fromEntries(TABLES.map((t) => [t, [...this.tables[t].values()]])) as Record<Table, Row[]>
  }
}

/**
 * One page of `records` in the order `compare` gives their keys, after the cursor's key; the
 * total up to TOTAL_CAP. Copies, as every read.
 */
function pageOf<T>(records: T[], keyOf: (record: T) => SortKey, compare: (a: SortKey, b: SortKey) => number, shape: readonly ('string' | 'number')[], { limit, cursor }: PageRequest): Page<T> {
  const after = cursor === undefined ? undefined : decodeCursor(cursor, shape)
  const keyed = records.map((record) => ({ record, key: keyOf(record) })).sort((a, b) => compare(a.key, b.key))
  const rest = after ? keyed.filter((r) => compare(r.key, after) > 0) : keyed
  const items = rest.slice(0, limit)
  return {
    items: items.map((r) => structuredClone(r.record)),
    next: rest.length > limit ? encodeCursor(items[items.length - 1]!.key) : null,
    total: records.length > TOTAL_CAP ? null : records.length,
  }
}

function group(index: Map<string, Set<string>>, key: string, id: string): void {
  const set = index.get(key)
  if (set) set.add(id)
  else index.set(key, new Set([id]))
}

function buildStore(state: State, journal: JournalWriter, release: () => void, probe: () => Promise<void>, timeZone: string): Omit<Store, 'attachmentFiles'> {
  const t = state.tables
  // Built once from the records, then raised after each durable write that makes a contact moment.
  const rollup = new SignalRollup(timeZone, { incident: (id) => t.incidents.get(id) as Incident | undefined, message: (id) => t.messages.get(id) as Message | undefined })
  for (const incident of t.incidents.values()) rollup.addIncident(incident as Incident)
  for (const message of t.messages.values()) rollup.addMessage(message as Message)
  const changes = changeFeed()
  const incidentIndex = state.indexIncidents()
  const counters = new Map<string, { startedAt: number; count: number }>()
  const all = <T>(table: Table) => [...t[table].values()] as T[]
  const get = <T>(table: Table, id: string) => t[table].get(id) as T | undefined
  // Changes are applied to memory at once, in the order they are journalled, so a
  // read-modify-write never sees a half-applied change; they are acknowledged when the journal is
  // flushed, and undone when it cannot be: memory then holds what the disk holds.
  const write = (...ops: Op[]) => {
    const undos = ops.map((op) => state.apply(op))
    return journal.append(ops.map((op) => JSON.stringify(op)), () => {
      for (const undo of undos.reverse()) undo()
    })
  }
  const put = (table: Table, r: object) => write({ op: 'put', t: table, r: structuredClone(r) as Row })
  const take = async <T extends { id: string; expiresAt: string }>(table: Table, tokenHash: string, now: Date): Promise<T | undefined> => {
    const found = state.find<T>(table, `hash:${tokenHash}`)
    if (!found) return undefined
    await write({ op: 'del', t: table, id: found.id })
    return new Date(found.expiresAt) > now ? found : undefined
  }
  const matches = (i: Incident, f: IncidentFilter) =>
    (!f.organisationId || i.organisationId === f.organisationId) &&
    (!f.contactId || i.contactId === f.contactId) &&
    (!f.team || i.team === f.team) &&
    (!f.assigneeId || i.assigneeId === f.assigneeId) &&
    (!f.status || f.status.includes(i.status))

  return {
    organisations: {
      get: async (id) => structuredClone(get('organisations', id)),
      list: async () => all('organisations'),
      put: (o) => put('organisations', o),
    },
    contacts: {
      get: async (id) => get('contacts', id),
      byEmail: async (email) => state.find('contacts', `email:${email.toLowerCase()}`),
      listByOrganisation: async (orgId) => all<any>('contacts').filter((c) => c.organisationId === orgId),
      put: (c) => put('contacts', { ...c, email: c.email.toLowerCase() }),
      // Contacts are few beside incidents: a search looks at each, as complaints' pages do.
      search: async (query, page) => pageOf(
        all<Contact>('contacts').filter((c) => isCallerMatch(query, c, get<Organisation>('organisations', c.organisationId))),
        callerSortKey, compareKeys, CURSOR_SHAPES.callers, page),
    },
    refusedOrigins: {
      record(origin, at) {
        // Read and written without a pause between: no other write can come between them.
        const seen = get<RefusedOrigin & { id: string }>('refusedOrigins', origin)
        const ops: Op[] = [{ op: 'put', t: 'refusedOrigins', r: seen
          ? { ...seen, count: seen.count + 1, lastSeen: seen.lastSeen > at ? seen.lastSeen : at }
          : { id: origin, origin, count: 1, firstSeen: at, lastSeen: at } }]
        if (!seen) {
          const kept = lastRefusedFirst(all<RefusedOrigin>('refusedOrigins'))
          for (const old of kept.slice(REFUSED_ORIGINS_KEPT - 1)) ops.push({ op: 'del', t: 'refusedOrigins', id: old.origin })
        }
        return write(...ops)
      },
      list: async () => lastRefusedFirst(all<RefusedOrigin>('refusedOrigins')).map(({ origin, count, firstSeen, lastSeen }) => ({ origin, count, firstSeen, lastSeen })),
    },
    deskNotice: {
      get: async () => structuredClone(get<DeskNotice>('deskNotices', 'current')),
      put: (notice) => put('deskNotices', notice),
      clear: async () => {
        if (t.deskNotices.has('current')) await write({ op: 'del', t: 'deskNotices', id: 'current' })
      },
    },
    staff: {
      get: async (id) => get('staff', id),
      byEmail: async (email) => state.find('staff', `email:${email.toLowerCase()}`),
      list: async () => all('staff'),
      put: (s) => put('staff', { ...s, email: s.email.toLowerCase() }),
    },
    incidents: {
      async create(draft) {
        const incident: Incident = { ...draft, id: randomUUID(), number: String(state.lastNumber + 1), version: 1 }
        await put('incidents', incident)
        rollup.addIncident(incident)
        changes.emit(changeOf(incident))
        return structuredClone(incident)
      },
      get: async (id) => structuredClone(get<Incident>('incidents', id)),
      byNumber: async (number) => structuredClone(state.find<Incident>('incidents', `number:${number}`)),
      list: async (filter) => all<Incident>('incidents').filter((i) => matches(i, filter)).map((i) => structuredClone(i)),
      async page(search, page) {
        const found = incidentIndex.page(search, page)
        return { ...found, items: found.items.map((i) => structuredClone(i)) }
      },
      async queuePage(search, page) {
        const found = incidentIndex.queuePage(search, page)
        return { ...found, items: found.items.map((i) => structuredClone(i)) }
      },
      async update(id, expectedVersion, change) {
        const current = get<Incident>('incidents', id)
        if (!current) throw new StoreError(`no incident ${id}`)
        if (current.version !== expectedVersion) throw new VersionConflictError(structuredClone(current))
        const next = { ...change(structuredClone(current)), id, number: current.number, version: current.version + 1 }
        await put('incidents', next)
        changes.emit(changeOf(next, current))
        return structuredClone(next)
      },
      count: async () => t.incidents.size,
    },
    messages: {
      async add(m) {
        // A message stored again (the same id) is not a second contact moment.
        const isNew = !t.messages.has(m.id)
        await put('messages', m)
        if (isNew) rollup.addMessage(m)
      },
      listByIncident: async (incidentId) =>
        [...(state.messagesOf.get(incidentId) ?? [])].map((id) => structuredClone(t.messages.get(id)) as any).sort((a, b) => a.at.localeCompare(b.at)),
    },
    attachments: {
      add: (a) => put('attachments', a),
      get: async (id) => structuredClone(get('attachments', id)),
      listByIncident: async (incidentId) =>
        [...(state.attachmentsOf.get(incidentId) ?? [])].map((id) => structuredClone(t.attachments.get(id)) as any).sort((a, b) => a.at.localeCompare(b.at)),
    },
    complaints: {
      async create(draft) {
        const complaint: Complaint = { ...draft, id: randomUUID(), number: `K${state.lastComplaintNumber + 1}`, version: 1 }
        await put('complaints', complaint)
        return structuredClone(complaint)
      },
      get: async (id) => structuredClone(get<Complaint>('complaints', id)),
      list: async (filter) => all<Complaint>('complaints')
        .filter((c) => (!filter.organisationId || c.organisationId === filter.organisationId) && (!filter.contactId || c.contactId === filter.contactId))
        .map((c) => structuredClone(c)),
      // Complaints are few beside incidents: a page is filtered and sorted from all of them.
      page: async (filter, page) => pageOf(
        all<Complaint>('complaints').filter((c) => (!filter.organisationId || c.organisationId === filter.organisationId) &&
          (!filter.contactId || c.contactId === filter.contactId) && (!filter.status?.length || filter.status.includes(c.status))),
        (c) => [Number(c.number.slice(1))], (a, b) => compareKeys(b, a), CURSOR_SHAPES.complaints, page),
      queue: async (filter, page) => pageOf(
        all<Complaint>('complaints').filter((c) => (!filter.status?.length || filter.status.includes(c.status)) &&
          (filter.assigneeId === undefined || (c.assigneeId ?? null) === filter.assigneeId)),
        complaintQueueKeyOf, compareKeys, CURSOR_SHAPES.complaintQueue, page),
      async update(id, expectedVersion, change) {
        const current = get<Complaint>('complaints', id)
        if (!current) throw new StoreError(`no complaint ${id}`)
        if (current.version !== expectedVersion) throw new VersionConflictError(structuredClone(current))
        const next = { ...change(structuredClone(current)), id, number: current.number, version: current.version + 1 }
        await put('complaints', next)
        return structuredClone(next)
      },
    },
    followUps: {
      add: (f) => put('followUps', f),
      listByOrganisation: async (organisationId) => all<FollowUp>('followUps')
        .filter((f) => f.organisationId === organisationId)
        .sort((a, b) => b.at.localeCompare(a.at))
        .map((f) => structuredClone(f)),
      async listByOrganisations(organisationIds) {
        const wanted = new Set(organisationIds)
        return all<FollowUp>('followUps').filter((f) => wanted.has(f.organisationId)).sort((a, b) => b.at.localeCompare(a.at)).map((f) => structuredClone(f))
      },
    },
    savedReplies: {
      get: async (id) => structuredClone(get<SavedReply>('savedReplies', id)),
      list: async () => all<SavedReply>('savedReplies').map((r) => structuredClone(r)),
      put: (r) => put('savedReplies', r),
      async delete(id) {
        if (!t.savedReplies.has(id)) return false
        await write({ op: 'del', t: 'savedReplies', id })
        return true
      },
    },
    consents: {
      async create<T extends ConsentRecord>(draft: Omit<T, 'version'>) {
        if (t.consents.has(draft.id)) throw new StoreError(`consent ${draft.id} exists already`)
        const record = { ...draft, version: 1 } as T
        await put('consents', record)
        return structuredClone(record)
      },
      get: async (id) => structuredClone(get<ConsentRecord>('consents', id)),
      list: async (filter) => all<ConsentRecord>('consents')
        .filter((r) => (!filter.kind || r.kind === filter.kind) && (!filter.organisationId || r.organisationId === filter.organisationId) &&
          (!filter.incidentId || ('incidentId' in r && r.incidentId === filter.incidentId)))
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
        .map((r) => structuredClone(r)),
      // Consents are never removed: a record's place in the table is the order it was stored in.
      async page(filter, page) {
        const found = pageOf(
          all<ConsentRecord>('consents').map((r, n) => ({ r, n })).filter(({ r }) => (!filter.kind || r.kind === filter.kind) && (!filter.organisationId || r.organisationId === filter.organisationId) &&
            (!filter.incidentId || ('incidentId' in r && r.incidentId === filter.incidentId))),
          ({ r, n }) => [r.createdAt, n], (a, b) => compareKeys(b, a), CURSOR_SHAPES.consents, page)
        return { ...found, items: found.items.map(({ r }) => r) }
      },
      async update<T extends ConsentRecord>(id: string, expectedVersion: number, change: (current: T) => T) {
        const current = get<T>('consents', id)
        if (!current) throw new StoreError(`no consent ${id}`)
        if (current.version !== expectedVersion) throw new VersionConflictError(structuredClone(current))
        const next = { ...change(structuredClone(current)), id, kind: current.kind, version: current.version + 1 } as T
        await put('consents', next)
        return structuredClone(next)
      },
    },
    registrations: {
      put: (r) => put('registrations', r),
      take: (hash, now) => take('registrations', hash, now),
    },
    signInTokens: {
      put: (token) => put('signInTokens', token),
      take: (hash, now) => take('signInTokens', hash, now),
    },
    sessions: {
      put: (s) => put('sessions', s),
      byTokenHash: async (hash) => structuredClone(state.find('sessions', `hash:${hash}`)),
      async withSubject(hash) {
        const session = state.find<Session>('sessions', `hash:${hash}`)
        if (!session) return undefined
        const { kind, id } = session.subject
        return structuredClone(kind === 'contact' ? { session, contact: get<Contact>('contacts', id) } : { session, staff: get<Staff>('staff', id) })
      },
      delete: (id) => write({ op: 'del', t: 'sessions', id }),
      async deleteFor(subject) {
        const ids = all<any>('sessions').filter((s) => s.subject.kind === subject.kind && s.subject.id === subject.id).map((s) => s.id)
        if (ids.length) await write(...ids.map((id): Op => ({ op: 'del', t: 'sessions', id })))
        return ids.length
      },
    },
    outbox: {
      async enqueue(mail) {
        const existing = state.find<MailRecord>('outbox', `event:${mail.eventKey}`)
        if (existing) return structuredClone(existing)
        await put('outbox', mail)
        return structuredClone(mail)
      },
      async backlog() {
        let oldest: string | null = null
        for (const id of state.pendingMails) {
          const { createdAt } = t.outbox.get(id) as MailRecord
          if (oldest === null || createdAt < oldest) oldest = createdAt
        }
        return { count: state.pendingMails.size, oldestCreatedAt: oldest }
      },
      async due(now, limit) {
        // Pending mails are kept in the order they were queued (a retried one moves to the back),
        // so the first `limit` that are due are found without sorting the backlog.
        const found: MailRecord[] = []
        for (const id of state.pendingMails) {
          const mail = t.outbox.get(id) as MailRecord
          if (new Date(mail.nextAttemptAt) <= now) found.push(structuredClone(mail))
          if (found.length >= limit) break
        }
        return found
      },
      async markSent(id, at) {
        const mail = get<MailRecord>('outbox', id)
        if (mail) await put('outbox', { ...mail, status: 'sent', sentAt: at.toISOString() })
      },
      async markFailed(id, error, nextAttemptAt) {
        const mail = get<MailRecord>('outbox', id)
        if (mail) await put('outbox', { ...mail, attempts: mail.attempts + 1, lastError: error, nextAttemptAt: nextAttemptAt.toISOString() })
      },
      async markUndeliverable(id, error, at) {
        const mail = get<MailRecord>('outbox', id)
        if (mail) await put('outbox', { ...mail, status: 'failed', attempts: mail.attempts + 1, lastError: error, failedAt: at.toISOString() })
      },
      list: async () => all<MailRecord>('outbox').map((m) => structuredClone(m)),
    },
    // Counters live in memory: one process per data folder, and a restart may forget a window.
    rateCounters: {
      async hit(key, windowMs, now) {
        if (counters.size > 10_000) for (const [k, w] of counters) if (now.getTime() - w.startedAt >= windowMs) counters.delete(k)
        const running = counters.get(key)
        const window = running && now.getTime() - running.startedAt < windowMs ? { ...running, count: running.count + 1 } : { startedAt: now.getTime(), count: 1 }
        counters.set(key, window)
        return { count: window.count, startedAt: new Date(window.startedAt) }
      },
      async peek(key, windowMs, now) {
        const running = counters.get(key)
        return running && now.getTime() - running.startedAt < windowMs ? { count: running.count, startedAt: new Date(running.startedAt) } : undefined
      },
    },
    audit: {
      append: (entry) => put('audit', entry),
      listFor: async (target) => [...(state.auditOf.get(target) ?? [])].map((id) => structuredClone(t.audit.get(id)) as any),
    },
    // A desk keeps few notifications per person: a page is filtered and sorted from all of them.
    notifications: {
      async add(n) {
        if (state.find('notifications', `key:${n.key}`)) return false
        await put('notifications', n)
        return true
      },
      get: async (id) => structuredClone(get<StaffNotification>('notifications', id)),
      page: async (staffId, page) => pageOf(all<StaffNotification>('notifications').filter((n) => n.staffId === staffId),
        (n) => [n.at, n.id], (a, b) => compareKeys(b, a), CURSOR_SHAPES.notifications, page),
      unreadCount: async (staffId) => all<StaffNotification>('notifications').filter((n) => n.staffId === staffId && n.readAt === null).length,
      async markRead(staffId, ids, at) {
        const wanted = ids === 'all' ? undefined : new Set(ids)
        const read = all<StaffNotification>('notifications').filter((n) => n.staffId === staffId && n.readAt === null && (!wanted || wanted.has(n.id)))
        if (read.length) await write(...read.map((n): Op => ({ op: 'put', t: 'notifications', r: { ...n, readAt: at } })))
        return read.length
      },
    },
    unreadReactions: {
      mark: (incidentId, at) => put('unreadReactions', { id: incidentId, at }),
      async clear(incidentId) {
        if (t.unreadReactions.has(incidentId)) await write({ op: 'del', t: 'unreadReactions', id: incidentId })
      },
      among: async (incidentIds) => incidentIds.filter((id) => t.unreadReactions.has(id)),
    },
    // Each write is durable on its own when it resolves (a journal line flushed, shared with the
    // writes beside it), so a unit is the task itself: nothing to commit or undo at its end.
    unitOfWork: (task) => task(),
    signals: {
      counts: async (days) => rollup.counts(days),
      totals: async (days) => rollup.totals(days),
      weekly: async (days) => rollup.weekly(days),
      organisations: async () => all<Organisation>('organisations').map((o) => ({ id: o.id, name: o.name, isFirstClass: o.isFirstClass })),
      momentsOn: async (days, options) => rollup.momentsOn(days, options),
    },
    changes: { subscribe: (listener) => changes.subscribe(listener), ready: async () => {} },
    async health() {
      const failure = await journal.recover(probe)
      return failure ? { ok: false, reason: failure } : { ok: true }
    },
    async close() {
      await journal.close()
      release()
    },
  }
}
