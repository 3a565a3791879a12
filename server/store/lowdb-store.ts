/**
 * The default Store: all records in memory, each change appended to a journal (one small JSON
 * line, flushed before it is acknowledged), and a lowdb snapshot that folds the journal in at start.
 * A write costs the same with 100 or 100,000 records stored; the whole file is written only at start.
 */
import { randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync, unlinkSync } from 'node:fs'
import { open, readFile, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import { Low } from 'lowdb'
import type { MailRecord } from '../mail/types.ts'
import type { Complaint, ConsentRecord, FollowUp, Incident } from '../domain/records.ts'
import { DurableJsonFile, syncFolder } from './durable-file.ts'
import { StoreError, VersionConflictError, type IncidentFilter, type Store } from './store.ts'

/** The tables of a data folder, as the Store names them. */
export const TABLES = [
  'organisations', 'contacts', 'staff', 'incidents', 'messages', 'attachments', 'complaints', 'followUps', 'consents',
  'registrations', 'signInTokens', 'sessions', 'outbox', 'audit',
] as const
export type Table = (typeof TABLES)[number]
/** A record as stored: whole, as the API wrote it. */
export type Row = { id: string } & Record<string, any>

/** One line of the journal: a record stored or removed. */
type Op = { op: 'put'; t: Table; r: Row } | { op: 'del'; t: Table; id: string }

type Snapshot = { format: 1; tables: Record<Table, Row[]> }

/** Incident numbers start here: six digits, easy to type on a phone keypad. */
const FIRST_NUMBER = 100001
/** Complaint numbers: "K" and five digits from here on. */
const FIRST_COMPLAINT_NUMBER = 10001

export interface LowdbStoreOptions {
  /** The data folder; the store lives in `<dir>/store/`. */
  dir: string
}

/** Opens the store in `dir`: takes the folder's lock, reads the snapshot, replays the journal. */
export async function openLowdbStore({ dir }: LowdbStoreOptions): Promise<Store> {
  const folder = join(dir, 'store')
  mkdirSync(folder, { recursive: true })
  const release = takeLock(join(folder, 'lock'))
  try {
    const { state, snapshot, journalText } = await load(folder)
    const journalFile = join(folder, 'journal.jsonl')
    if (journalText.tornBytes > 0) {
      // A tail cut short by a crash was never acknowledged: cut it off before appending after it.
      const fh = await open(journalFile, 'r+')
      await fh.truncate(journalText.wholeBytes)
      await fh.sync()
      await fh.close()
    }
    if (journalText.ops.length > 0) {
      // Fold the journal into a new snapshot, then empty the journal. A crash in between replays
      // the same changes again on the next start, which changes nothing: puts and deletes repeat.
      snapshot.data = { format: 1, tables: state.dump() }
      await snapshot.write()
      const fh = await open(journalFile, 'r+')
      await fh.truncate(0)
      await fh.sync()
      await fh.close()
    }
    const journal = new Journal(await open(journalFile, 'a'))
    return buildStore(state, journal, release)
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
  const folder = join(dir, 'store')
  if (!existsSync(join(folder, 'snapshot.json')) && !existsSync(join(folder, 'journal.jsonl'))) {
    throw new StoreError(`${folder} holds no Loket records (no snapshot.json, no journal.jsonl): give the desk's DATA_DIR.`)
  }
  const lock = join(folder, 'lock')
  const refuseIfHeld = () => {
    const holder = liveHolder(lock)
    if (holder) throw new StoreError(`${lock}: a Loket process (pid ${holder}) uses this data folder. Stop it first, so its records do not change while they are read.`)
  }
  refuseIfHeld()
  try {
    const { state } = await load(folder)
    // A desk that started meanwhile may have folded the journal between the two reads.
    refuseIfHeld()
    return state.dump()
  } catch (error) {
    if (error instanceof StoreError) throw error
    throw new StoreError((error as Error).message)
  }
}

/** The snapshot with the journal replayed on top; writes nothing. A missing snapshot reads as the empty one (a new data folder); a damaged one throws. */
async function load(folder: string): Promise<{ state: State; snapshot: Low<Snapshot>; journalText: JournalText }> {
  const state = new State()
  const empty: Snapshot = { format: 1, tables: Object.fromEntries(TABLES.map((t) => [t, []])) as unknown as Snapshot['tables'] }
  const snapshot = new Low<Snapshot>(new DurableJsonFile<Snapshot>(join(folder, 'snapshot.json')), empty)
  await snapshot.read()
  if (snapshot.data.format !== 1) throw new StoreError(`${join(folder, 'snapshot.json')} has format ${snapshot.data.format}, which this version cannot read`)
  for (const t of TABLES) for (const r of snapshot.data.tables[t] ?? []) state.apply({ op: 'put', t, r })
  const journalText = await readJournal(join(folder, 'journal.jsonl'))
  for (const op of journalText.ops) state.apply(op)
  return { state, snapshot, journalText }
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

/** The journal's changes, and where its whole lines end: bytes after that are a tail cut short by a crash. */
type JournalText = { ops: Op[]; wholeBytes: number; tornBytes: number }

/** Reads the journal's whole lines; a damaged line before the last one throws. */
async function readJournal(file: string): Promise<JournalText> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ops: [], wholeBytes: 0, tornBytes: 0 }
    throw error
  }
  const lines = text.split('\n')
  const tail = lines.pop() ?? ''
  const ops = lines.map((line, i) => {
    try {
      return JSON.parse(line) as Op
    } catch {
      throw new StoreError(`${file} line ${i + 1} is damaged; restore the data folder from a backup. Loket does not start on a damaged journal.`)
    }
  })
  const tornBytes = Buffer.byteLength(tail)
  return { ops, wholeBytes: Buffer.byteLength(text) - tornBytes, tornBytes }
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

  /** Index keys of a record, e.g. "contacts:email:ann@example.nl". */
  private keysOf(t: Table, r: Row): string[] {
    switch (t) {
      case 'contacts': return [`contacts:email:${r.email.toLowerCase()}`]
      case 'staff': return [`staff:email:${r.email.toLowerCase()}`]
      case 'incidents': return [`incidents:number:${r.number}`]
      case 'registrations': case 'signInTokens': case 'sessions': return [`${t}:hash:${r.tokenHash}`]
      case 'outbox': return [`outbox:event:${r.eventKey}`]
      default: return []
    }
  }

  apply(op: Op): void {
    const table = this.tables[op.t]
    const old = table.get(op.op === 'put' ? op.r.id : op.id)
    if (old) {
      for (const k of this.keysOf(op.t, old)) this.byKey.delete(k)
      if (op.t === 'messages') this.messagesOf.get(old.incidentId)?.delete(old.id)
      if (op.t === 'attachments') this.attachmentsOf.get(old.incidentId)?.delete(old.id)
      if (op.t === 'audit') this.auditOf.get(old.target)?.delete(old.id)
    }
    if (op.t === 'outbox') this.pendingMails.delete(op.op === 'put' ? op.r.id : op.id)
    if (op.op === 'del') {
      table.delete(op.id)
      return
    }
    if (op.t === 'outbox' && op.r.status === 'pending') this.pendingMails.add(op.r.id)
    table.set(op.r.id, op.r)
    for (const k of this.keysOf(op.t, op.r)) this.byKey.set(k, op.r.id)
    if (op.t === 'messages') group(this.messagesOf, op.r.incidentId, op.r.id)
    if (op.t === 'attachments') group(this.attachmentsOf, op.r.incidentId, op.r.id)
    if (op.t === 'audit') group(this.auditOf, op.r.target, op.r.id)
    if (op.t === 'incidents') this.lastNumber = Math.max(this.lastNumber, Number(op.r.number))
    if (op.t === 'complaints') this.lastComplaintNumber = Math.max(this.lastComplaintNumber, Number(op.r.number.slice(1)))
  }

  find<T>(t: Table, key: string): T | undefined {
    const id = this.byKey.get(`${t}:${key}`)
    return id === undefined ? undefined : (this.tables[t].get(id) as T)
  }

  dump(): Record<Table, Row[]> {
    return Object.fromEntries(TABLES.map((t) => [t, [...this.tables[t].values()]])) as Record<Table, Row[]>
  }
}

function group(index: Map<string, Set<string>>, key: string, id: string): void {
  const set = index.get(key)
  if (set) set.add(id)
  else index.set(key, new Set([id]))
}

/**
 * The journal file with group commit: changes that arrive while a flush is under way are written
 * together and share the next flush, so many concurrent writers cost few fsyncs.
 */
class Journal {
  private waiting: { line: string; done: (error?: Error) => void }[] = []
  private flushing: Promise<void> | undefined
  private failed: Error | undefined

  constructor(private readonly handle: FileHandle) {}

  append(ops: Op[]): Promise<void> {
    if (this.failed) return Promise.reject(this.failed)
    return new Promise((resolve, reject) => {
      this.waiting.push({ line: ops.map((op) => `${JSON.stringify(op)}\n`).join(''), done: (e) => (e ? reject(e) : resolve()) })
      this.flushing ??= this.flush()
    })
  }

  private async flush(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting
      this.waiting = []
      try {
        await this.handle.write(batch.map((b) => b.line).join(''))
        await this.handle.datasync()
        for (const b of batch) b.done()
      } catch (error) {
        // Memory may now hold changes the disk does not: refuse every later write, loudly.
        this.failed = new StoreError(`writing the journal failed (${(error as Error).message}); restart Loket`)
        for (const b of [...batch, ...this.waiting]) b.done(this.failed)
        this.waiting = []
      }
    }
    this.flushing = undefined
  }

  async close(): Promise<void> {
    await this.flushing
    await this.handle.close()
  }
}

function buildStore(state: State, journal: Journal, release: () => void): Store {
  const t = state.tables
  const counters = new Map<string, { startedAt: number; count: number }>()
  const all = <T>(table: Table) => [...t[table].values()] as T[]
  const get = <T>(table: Table, id: string) => t[table].get(id) as T | undefined
  // Changes are applied to memory at once, in the order they are journalled, and acknowledged
  // when the journal is flushed: a read-modify-write never sees a half-applied change.
  const write = (...ops: Op[]) => {
    for (const op of ops) state.apply(op)
    return journal.append(ops)
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
        return structuredClone(incident)
      },
      get: async (id) => structuredClone(get<Incident>('incidents', id)),
      byNumber: async (number) => structuredClone(state.find<Incident>('incidents', `number:${number}`)),
      list: async (filter) => all<Incident>('incidents').filter((i) => matches(i, filter)).map((i) => structuredClone(i)),
      async update(id, expectedVersion, change) {
        const current = get<Incident>('incidents', id)
        if (!current) throw new StoreError(`no incident ${id}`)
        if (current.version !== expectedVersion) throw new VersionConflictError(structuredClone(current))
        const next = { ...change(structuredClone(current)), id, number: current.number, version: current.version + 1 }
        await put('incidents', next)
        return structuredClone(next)
      },
      count: async () => t.incidents.size,
    },
    messages: {
      add: (m) => put('messages', m),
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
    async close() {
      await journal.close()
      release()
    },
  }
}
