/**
 * The Store in PostgreSQL, for a desk that runs several API processes on one database. Records are
 * kept whole as JSON beside the columns they are looked up by; what must be decided once across
 * processes is decided by the database: numbers by sequences, changes by their version in the
 * UPDATE's WHERE, single-use tokens by DELETE … RETURNING, due mails by FOR UPDATE SKIP LOCKED,
 * rate limits by one upsert per hit. A request's writes go in one transaction (`unitOfWork`).
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { randomUUID } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import pg from 'pg'
import type {
  Attachment, AuditEntry, Complaint, ConsentRecord, Contact, FollowUp, Incident, Message, PendingRegistration, SavedReply, Session, SignInToken, Staff,
} from '../domain/records.ts'
import { INCIDENT_STATUSES } from '../domain/records.ts'
import type { MailRecord } from '../mail/types.ts'
import type { StaffNotification } from '../domain/notifications.ts'
import { countKeyOf, localDate, messageMoment, momentSource, registrationMoment, type ContactMoment, type MomentCount, type SignalOrganisation, type WindowCount } from '../domain/signals.ts'
import { addDays } from '#lib/iso-week.ts'
import { addTo, groupOf } from './signal-rollup.ts'
import { coalesced } from './coalesced.ts'
import { MIN_PHONE_DIGITS, callerSortKey } from '../domain/caller.ts'
import type { DeskNotice } from '../domain/desk-notice.ts'
import { REFUSED_ORIGINS_KEPT, type RefusedOrigin } from '../domain/refused-origin.ts'
import { changeFeed, changeOf } from './change-feed.ts'
import { postgresAttachmentFiles } from './postgres-attachment-files.ts'
import { DEFAULT_TIME_ZONE } from './lowdb-store.ts'
import { CURSOR_SHAPES, decodeCursor, encodeCursor } from './cursor.ts'
import { complaintQueueKeyOf } from './complaint-queue.ts'
import { queueKeyOf } from './incident-index.ts'
import { headText, isInternalText, parseQuery } from './search-text.ts'
import {
  StorageUnavailableError, StoreError, TOTAL_CAP, VersionConflictError, type IncidentChange, type IncidentFilter, type IncidentSearch, type Page, type QueueSearch, type Store,
} from './store.ts'

const MIGRATIONS = new URL('./migrations/', import.meta.url)
/** A mail handed to one process's outbox is not handed to another for this long, unless marked sent or failed first. */
export const MAIL_CLAIM_MS = 5 * 60_000
/** Windows that ended this long ago are swept, now and then, so the counters table stays small. */
const COUNTER_SWEEP_MS = 24 * 3_600_000

export interface PostgresStoreOptions {
  /** postgres://user:password@host:port/database */
  url: string
  /** The schema to keep the tables in; default `public`. Tests give each store its own. */
  schema?: string
  /** Connections per process; default 10. */
  poolSize?: number
  /** How long an unused connection stays open; default 10 s. */
  idleMs?: number
  /** The desk's time zone, whose local days the signal counters count by; default Europe/Amsterdam (the demo desk's). */
  timeZone?: string
}

/** How long a process answers the desk notice as it read it: a notice set in another process shows within this time. */
const NOTICE_FRESH_MS = 1_000

/** The channel incident changes are announced on (NOTIFY), to every API process on the database. */
export const CHANGES_CHANNEL = 'loket_incidents'
/** How long the listening connection waits before it connects again after losing the database. */
const RELISTEN_MS = 1_000

/** The PostgreSQL store, with what only it can do beside the Store. */
export interface PostgresStore extends Store {
  /**
   * A write to a row many requests change at once (a counter): in a unit of work it runs at the
   * unit's end, just before COMMIT, so the row stays locked only for the commit instead of for the
   * whole request (which would queue every other request behind it); outside a unit, at once.
   */
  atCommit(sql: string, params: unknown[]): Promise<void>
  /** Runs `task` while no other process holding the same lock name runs one: e.g. adding the demo data once. */
  exclusive<T>(name: string, task: () => Promise<T>): Promise<T>
  /** The pool, for tools that move data in bulk (migrate-store) and for tests. */
  readonly pool: pg.Pool
  /** A query as the store makes them: a database out of reach or out of space is a StorageUnavailableError. */
  readonly query: pg.Pool['query']
  /** Marks `sql`, a fixed text sent often (KB insight's record statements), to be sent as a named statement each connection plans once; gives it back. */
  prepare(sql: string): string
}

/** The migrations kept in the repository, in order: `001_records.sql` is version 1. */
export function migrations(): { version: number; name: string; sql: string }[] {
  return readdirSync(MIGRATIONS)
    .filter((file) => /^\d+_[\w-]+\.sql$/.test(file))
    .sort()
    .map((file) => ({ version: Number(file.split('_')[0]), name: file, sql: readFileSync(new URL(file, MIGRATIONS), 'utf8') }))
}

/** Applies the migrations the database lacks, each once, in one transaction per start; processes starting together wait for each other. */
export async function migrate(pool: pg.Pool, schema = 'public'): Promise<number[]> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    await client.query(`SELECT pg_advisory_xact_lock(hashtext($1 || ':loket-migrations'))`, [schema])
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`)
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())')
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version))
    const applied: number[] = []
    for (const migration of migrations()) {
      if (done.has(migration.version)) continue
      await client.query(migration.sql)
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name])
      applied.push(migration.version)
    }
    await client.query('COMMIT')
    return applied
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  } finally {
    client.release()
  }
}

/** Connects, applies the migrations, and answers as the Store. */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<PostgresStore> {
  const schema = options.schema ?? 'public'
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new StoreError(`schema "${schema}": use lower-case letters, digits and _`)
  // JIT off: the store's statements are short lookups and pages, and a row estimate far too high
  // (an expression index's range) made PostgreSQL spend more compiling a plan than running it.
  const session = `-c search_path=${schema} -c jit=off`
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10, idleTimeoutMillis: options.idleMs ?? 10_000, options: session })
  // An idle connection the server dropped must not take the process down.
  pool.on('error', (error) => console.error(`[loket] PostgreSQL: ${error.message}`))
  try {
    await migrate(pool, schema)
    await alignSignalZone(pool, schema, timeZone)
  } catch (error) {
    await pool.end().catch(() => undefined)
    throw new StoreError(`PostgreSQL at ${redactUrl(options.url)}: ${(error as Error).message}`)
  }
  // Rate counters are written apart from any unit of work, on connections of their own: a request
  // holding a transaction's connection never waits for one the other requests hold.
  const counterPool = new pg.Pool({ connectionString: options.url, max: 2, idleTimeoutMillis: options.idleMs ?? 10_000, options: session })
  counterPool.on('error', (error) => console.error(`[loket] PostgreSQL: ${error.message}`))
  const listen = () => new pg.Client({ connectionString: options.url, options: session })
  return buildStore(pool, counterPool, { schema, timeZone, listen })
}

/** Counts the signal counters again when they were counted in another time zone than the desk's: once, whichever process starts first. */
async function alignSignalZone(pool: pg.Pool, schema: string, timeZone: string): Promise<void> {
  const current = async (client: pg.PoolClient) => (await client.query<{ time_zone: string }>('SELECT time_zone FROM signal_rollup_zone')).rows[0]?.time_zone
  const client = await pool.connect()
  try {
    if (await current(client) === timeZone) return
    await client.query('BEGIN')
    await client.query(`SELECT pg_advisory_xact_lock(hashtext($1 || ':loket-signal-zone'))`, [schema])
    if (await current(client) !== timeZone) await client.query('SELECT loket_fill_signal_rollups($1)', [timeZone])
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  } finally {
    client.release()
  }
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return 'the configured DATABASE_URL'
  }
}

const json = (record: object) => JSON.stringify(record)

/**
 * Fills the search text of incidents stored without one (moved in by migrate-store, or written by
 * a tool): subject, description, names and public messages; internal messages apart. As 002_lists.sql does.
 */
export const FILL_SEARCH_TEXT_SQL = `UPDATE incidents SET
  search_text = concat_ws(E'\n', data->>'subject', data->>'description',
    (SELECT c.data->>'name' FROM contacts c WHERE c.id = incidents.contact_id),
    (SELECT o.data->>'name' FROM organisations o WHERE o.id = incidents.organisation_id),
    (SELECT string_agg(m.data->>'text', E'\n' ORDER BY m.at, m.seq) FROM messages m WHERE m.incident_id = incidents.id AND m.data->>'visibility' = 'public')),
  internal_text = coalesce((SELECT string_agg(m.data->>'text', E'\n' ORDER BY m.at, m.seq) FROM messages m WHERE m.incident_id = incidents.id AND m.data->>'visibility' <> 'public'), '')
  WHERE search_text = ''`

/** Statuses written into SQL as literals (so the planner can use the partial queue index): only known ones. */
const statusList = (statuses: readonly string[]) => statuses.filter((s) => (INCIDENT_STATUSES as readonly string[]).includes(s)).map((s) => `'${s}'`).join(', ')

/** A list's WHERE clauses and their parameters; null when the search can match nothing. */
function incidentWhere(search: IncidentSearch): { sql: string[]; params: unknown[]; hasWords: boolean } | null {
  let hasWords = false
  const sql: string[] = []
  const params: unknown[] = []
  const add = (clause: (p: string) => string, value: unknown) => sql.push(clause(`$${params.push(value)}`))
  if (search.organisationId) add((p) => `organisation_id = ${p}`, search.organisationId)
  if (search.contactId) add((p) => `contact_id = ${p}`, search.contactId)
  if (search.team) add((p) => `team = ${p}`, search.team)
  if (search.assigneeId) add((p) => `assignee_id = ${p}`, search.assigneeId)
  if (search.status?.length) sql.push(`status IN (${statusList(search.status) || 'NULL'})`)
  if (search.kind?.length) add((p) => `kind = ANY(${p})`, search.kind)
  if (search.q !== undefined && search.q.trim() !== '') {
    const query = parseQuery(search.q)
    if ('nothing' in query) return null
    if ('number' in query) add((p) => `number = ${p}`, query.number)
    else {
      // Every word must match, each in its Dutch or its English form; for staff in the text or in an internal note.
      hasWords = true
      for (const word of query.words) {
        const forms = `(plainto_tsquery('dutch', $${params.push(word)}::text) || plainto_tsquery('english', $${params.length}::text))`
        sql.push(search.withInternal ? `(search @@ ${forms} OR internal_search @@ ${forms})` : `search @@ ${forms}`)
      }
    }
  }
  return { sql, params, hasWords }
}

/** The queue's WHERE clauses and their parameters. */
function queueWhere(search: QueueSearch): { sql: string[]; params: unknown[] } {
  const sql = [`status IN (${statusList(search.status) || 'NULL'})`]
  const params: unknown[] = []
  const add = (clause: (p: string) => string, value: unknown) => sql.push(clause(`$${params.push(value)}`))
  if (search.teams) {
    if (search.orAssigneeId) {
      params.push(search.teams, search.orAssigneeId)
      sql.push(`(team = ANY($${params.length - 1}) OR assignee_id = $${params.length})`)
    } else add((p) => `team = ANY(${p})`, search.teams)
  }
  if (search.assigneeId) add((p) => `assignee_id = ${p}`, search.assigneeId)
  if (search.priority?.length) add((p) => `priority = ANY(${p}::smallint[])`, search.priority)
  if (search.kind?.length) add((p) => `kind = ANY(${p})`, search.kind)
  if (search.productArea) add((p) => `product_area = ${p}`, search.productArea)
  if (search.organisationId) add((p) => `organisation_id = ${p}`, search.organisationId)
  if (search.dueBefore) add((p) => `queue_due < ${p}`, search.dueBefore)
  if (search.dueFrom) add((p) => `(queue_due >= ${p} AND queue_due <> '~')`, search.dueFrom)
  return { sql, params }
}

/** Matches of a word search the planner must expect, at least, before a page goes without its count. */
const COMMON_MATCHES = 10 * TOTAL_CAP
/** …and the share of all incidents they must be: the planner guesses a few tenths of a percent for a word it has no statistics of. */
const COMMON_SHARE = 0.02

/**
 * How many incidents, newest first, a page of `limit` reads for words the planner expects
 * `expected` matches of among `stored` incidents: the page four times over at that share. Undefined
 * when the words are not common enough to leave uncounted (or the table was never analysed).
 * @example commonWordsWindow(72_000, 1_000_000, 50) // 2834: 51 matches expected in the newest 708
 */
export function commonWordsWindow(expected: number, stored: number, limit: number): number | undefined {
  if (!(stored > 0) || expected < COMMON_MATCHES || expected < COMMON_SHARE * stored) return undefined
  return Math.ceil((4 * (limit + 1) * stored) / expected)
}

/** A page from `limit + 1` rows: the extra one only tells that another page follows. */
function pageOf<T>(found: T[], limit: number, total: number | null, keyOf: (record: T) => (string | number)[]): Page<T> {
  const items = found.slice(0, limit)
  return { items, next: found.length > limit ? encodeCursor(keyOf(items[items.length - 1]!)) : null, total }
}

/** Per table, the columns a record is stored with beside `id` and `data`, as the store's inserts write them. */
const COLUMNS = {
  organisations: () => ({}),
  contacts: (c: Contact) => ({ organisation_id: c.organisationId, email: c.email.toLowerCase() }),
  staff: (s: Staff) => ({ email: s.email.toLowerCase() }),
  incidents: (i: Incident) => ({
    number: i.number, organisation_id: i.organisationId, contact_id: i.contactId, team: i.team, assignee_id: i.assigneeId, status: i.status, version: i.version,
    kind: i.kind, product_area: i.productArea, priority: i.priority, registered_at: i.registeredAt, queue_due: i.queueDueAt ?? '~',
  }),
  messages: (m: Message) => ({ incident_id: m.incidentId, at: m.at }),
  attachments: (a: Attachment) => ({ incident_id: a.incidentId, at: a.at }),
  complaints: (c: Complaint) => {
    const [rank, due, n] = complaintQueueKeyOf(c)
    return { number: c.number.slice(1), organisation_id: c.organisationId, contact_id: c.contactId, version: c.version, status: c.status, assignee_id: c.assigneeId ?? null, queue_rank: rank, queue_due: due, queue_n: n }
  },
  follow_ups: (f: FollowUp) => ({ organisation_id: f.organisationId, at: f.at }),
  consents: (r: ConsentRecord) => ({ kind: r.kind, organisation_id: r.organisationId, incident_id: 'incidentId' in r ? r.incidentId : null, created_at: r.createdAt, version: r.version }),
  registrations: (r: PendingRegistration) => ({ token_hash: r.tokenHash }),
  sign_in_tokens: (t: SignInToken) => ({ token_hash: t.tokenHash }),
  sessions: (s: Session) => ({ token_hash: s.tokenHash, subject_kind: s.subject.kind, subject_id: s.subject.id }),
  outbox: (m: MailRecord) => ({ event_key: m.eventKey, status: m.status, next_attempt_at: m.nextAttemptAt }),
  audit: (e: AuditEntry) => ({ target: e.target }),
  notifications: (n: StaffNotification) => ({ key: n.key, staff_id: n.staffId, at: n.at, is_read: n.readAt !== null }),
  unread_reactions: () => ({}),
  desk_notices: () => ({}),
  refused_origins: () => ({}),
  saved_replies: (r: SavedReply) => ({ team: r.team }),
} satisfies Record<string, (record: never) => Record<string, unknown>>

/** A table of records (not rate_counters), by its name in SQL. */
export type RecordTable = keyof typeof COLUMNS

/**
 * The columns `record` is stored with in `table` beside `id` and `data`, in the order of
 * the table's definition: what the store looks it up, filters and orders by.
 * @example columnsOf('contacts', anne) // { organisation_id: 'org-1', email: 'anne@klant.example' }
 */
export function columnsOf(table: RecordTable, record: object): Record<string, unknown> {
  return COLUMNS[table](record as never)
}

/** SQLSTATE classes of a database that cannot take a write now: connection lost, disk full or out of resources, shutting down, I/O error. */
const UNAVAILABLE_STATES = /^(08|53|57P|58)/
/** Socket errors on the way to the database. */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN'])

/** Why the database cannot be reached or written, without the URL; undefined for any other error (a bug, a constraint). */
export function unavailability(error: unknown): string | undefined {
  const e = error as { code?: string; message?: string }
  if (e?.code && UNAVAILABLE_STATES.test(e.code)) return `PostgreSQL refused (SQLSTATE ${e.code}): ${e.message}`
  if (e?.code && UNAVAILABLE_CODES.has(e.code)) return `PostgreSQL unreachable (${e.code})`
  if (/Connection terminated|timeout exceeded when trying to connect/i.test(e?.message ?? '')) return `PostgreSQL unreachable (${e.message})`
  return undefined
}

/**
 * A statement that only reads: it may run outside a unit's transaction until the unit's first
 * write. Anything else is a write, and so is a SELECT that locks rows or calls a function with
 * effects (a NOTIFY must go out with the commit, not before it; the store's own `loket_` functions
 * write). `nextval` counts as a read: a sequence is never rolled back anyway.
 */
export const isRead = (sql: string) => /^\s*(EXPLAIN\s+\(FORMAT JSON\)\s+)?SELECT\b/i.test(sql)
  && !/\bFOR\s+(UPDATE|SHARE|NO KEY UPDATE|KEY SHARE)\b/i.test(sql)
  && !/\b(pg_notify|setval|pg_advisory_\w+|loket_\w+)\s*\(/i.test(sql)

/**
 * A write sent at a unit's end that failed: the unit was undone. A constraint or a bug says so (the
 * writes held for the end were refused long after the call that made them); a database out of
 * reach stays what it is, for `guarded`.
 */
function undone(error: unknown): unknown {
  if (unavailability(error)) return error
  // 25P02: a statement before it failed and aborted the transaction, as COMMIT would tell.
  const why = (error as { code?: string }).code === '25P02' ? 'a statement in it failed' : `a write in it failed: ${(error as Error).message}`
  return new StoreError(`the transaction was rolled back: ${why}`, { cause: error })
}

/** How a statement of writes sent together begins. */
const TOGETHER = 'WITH w0 AS ('
/** How many texts of writes sent together each connection prepares, at most: the kinds of request, not their every variant. */
const NAMED_TOGETHER = 200

/** A statement waiting to be sent. */
interface Pending { sql: string; params: unknown[] }

/**
 * Inserts as few statements as can carry them: each a data-modifying part of one WITH, its
 * parameters numbered on. The parts of one WITH run in no set order, and PostgreSQL refuses one
 * statement that changes a row twice: so a second insert into the same table starts the next
 * statement, and rows of one table keep their order (their `seq`).
 */
export function together(writes: Pending[]): Pending[] {
  if (writes.length < 2) return writes
  const tableOf = (write: Pending) => /^\s*INSERT\s+INTO\s+(\w+)/i.exec(write.sql)?.[1] ?? 'pg_notify'
  const groups: Pending[][] = [[]]
  for (const write of writes) {
    const group = groups.at(-1)!
    if (group.some((w) => tableOf(w) === tableOf(write))) groups.push([write])
    else group.push(write)
  }
  return groups.map((group) => {
    if (group.length === 1) return group[0]!
    const params: unknown[] = []
    const parts = group.map((write, i) => {
      const offset = params.length
      params.push(...write.params)
      return `w${i} AS (${write.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`)})`
    })
    // A part that only reads (a NOTIFY) runs when the statement reads it; every INSERT runs anyway.
    const selects = group.flatMap((write, i) => (/^\s*SELECT\b/i.test(write.sql) ? [`(SELECT count(*) FROM w${i})`] : []))
    // Begins with TOGETHER: parts[0] is "w0 AS (…".
    return { sql: `WITH ${parts.join(', ')} SELECT ${['1', ...selects].join(', ')}`, params }
  })
}

/**
 * One unit of work: the transaction begins at its first write (reads before it need no
 * connection of their own, and a request that writes nothing costs no BEGIN), and every
 * statement after that runs on the transaction's connection, so the unit reads its own writes.
 */
class Unit {
  /** The connection, once BEGIN was sent. */
  private begun: Promise<pg.PoolClient> | undefined
  /**
   * How the unit ended. A statement that comes later (work the request left running, such as the
   * other half of a Promise.all whose first half failed) runs on its own after a COMMIT, and is
   * refused after a ROLLBACK: what the unit undid must not come back piecemeal.
   */
  ended: 'COMMIT' | 'ROLLBACK' | undefined

  get isEnded(): boolean {
    return this.ended !== undefined
  }

  /** Writes kept for the end: run in order just before COMMIT (see PostgresStore.atCommit). */
  private readonly last: Pending[] = []

  /** The statement the connection is busy with (and those queued before it): a connection answers one query at a time. */
  private turn: Promise<unknown> = Promise.resolve()

  /**
   * Runs `work` on the connection once every statement sent before it has answered. Parallel
   * reads and writes of one request (a Promise.all) then take turns in the order they were sent,
   * instead of piling onto a connection that is still executing.
   */
  inTurn<T>(work: () => Promise<T>): Promise<T> {
    const mine = this.turn.then(work, work)
    this.turn = mine.catch(() => undefined)
    return mine
  }

  /** `statement` gives a query as the store sends it: prepared once per connection when it is one of the hot ones. */
  constructor(private readonly pool: pg.Pool, private readonly statement: (sql: string, params: unknown[]) => pg.QueryConfig | string = (sql) => sql) {}

  atCommit(sql: string, params: unknown[]): void {
    this.last.push({ sql, params })
  }

  /**
   * Inserts nobody reads the answer of (an audit entry, a link's token, a mail): held until the
   * unit's next statement or its end, then sent together as one statement (see `together`), so a
   * registration's writes cost one round trip instead of one each.
   */
  private readonly held: Pending[] = []

  hold(sql: string, params: unknown[]): void {
    if (!/^\s*(INSERT\b|SELECT pg_notify\()/i.test(sql)) throw new StoreError('only an INSERT or a NOTIFY can be held for the end of a unit of work')
    this.held.push({ sql, params })
  }

  /** Whether `sql` must run in the transaction: it writes, the transaction already began, or writes are held (which it must see). */
  holds(sql: string): boolean {
    return !this.isEnded && (this.begun !== undefined || this.held.length > 0 || !isRead(sql))
  }

  /** Sends the held writes, if any, on the transaction's connection: called in turn, before the statement that follows them. */
  async sendHeld(client: pg.PoolClient): Promise<void> {
    for (const { sql, params } of together(this.held.splice(0))) await this.run(client, sql, params)
  }

  private async run(on: pg.Pool | pg.PoolClient, sql: string, params: unknown[]) {
    const query = this.statement(sql, params)
    return typeof query === 'string' ? on.query(query, params) : on.query(query)
  }

  connection(): Promise<pg.PoolClient> {
    this.begun ??= (async () => {
      const client = await this.pool.connect()
      try {
        await client.query('BEGIN')
      } catch (error) {
        client.release(error as Error)
        throw error
      }
      return client
    })()
    return this.begun
  }

  /** COMMIT or ROLLBACK, if the transaction began, after the statements sent before it; the connection goes back to the pool (or is closed when that failed). */
  end(how: 'COMMIT' | 'ROLLBACK'): Promise<void> {
    return this.inTurn(() => this.finish(how))
  }

  private async finish(how: 'COMMIT' | 'ROLLBACK'): Promise<void> {
    const pending = how === 'COMMIT' ? together([...this.held.splice(0), ...this.last.splice(0)]) : []
    this.held.length = 0
    if (pending.length === 1 && !this.begun) {
      // The unit's only write is one statement: a transaction of its own, without BEGIN and COMMIT.
      this.ended = how
      try {
        await this.run(this.pool, pending[0]!.sql, pending[0]!.params)
      } catch (error) {
        this.ended = 'ROLLBACK'
        throw undone(error)
      }
      return
    }
    if (pending.length) {
      const client = await this.connection()
      for (const { sql, params } of pending) {
        try {
          await this.run(client, sql, params)
        } catch (error) {
          await this.finish('ROLLBACK').catch(() => undefined)
          throw undone(error)
        }
      }
    }
    this.ended = how
    if (!this.begun) return
    let client: pg.PoolClient
    try {
      client = await this.begun
    } catch {
      return // BEGIN itself failed: that statement's error is the request's.
    }
    try {
      const done = await client.query(how)
      client.release()
      // A statement that failed inside the transaction aborted it, and COMMIT then answers
      // ROLLBACK: nothing was kept, which the request must not answer as done.
      if (how === 'COMMIT' && done.command === 'ROLLBACK') throw new StoreError('the transaction was rolled back: a statement in it failed')
    } catch (error) {
      if (!(error instanceof StoreError)) client.release(error as Error)
      throw error
    }
  }
}

/**
 * The slot of a signal counter this connection raises: one per database process (of 64), so
 * transactions on different connections raise different rows and do not wait for each other's
 * COMMIT (006_registration_speed.sql); the view signal_rollups adds the slots up.
 */
const COUNTER_SLOT = '(pg_backend_pid() % 64)'
/** What raising a counter does when its slot's row exists. */
const COUNTER_CONFLICT = 'ON CONFLICT (day, organisation_id, kind, source, product_area, kb_query, slot) DO UPDATE SET count = signal_rollup_slots.count + 1'

/** `$1` incident numbers, drawn from the sequence, ascending. */
const DRAW_NUMBERS = `SELECT n::text AS number FROM (SELECT nextval('incident_number') AS n FROM generate_series(1, $1::int)) AS drawn ORDER BY n`
/** The sessions with these token hashes (`$1`, an array), each with its contact or staff member. */
const SESSIONS_WITH_SUBJECT = `SELECT s.data AS session, c.data AS contact, st.data AS staff FROM sessions s
  LEFT JOIN contacts c ON s.subject_kind = 'contact' AND c.id = s.subject_id
  LEFT JOIN staff st ON s.subject_kind = 'staff' AND st.id = s.subject_id
  WHERE s.token_hash = ANY($1::text[])`
type SessionRow = { session: Session; contact: Contact | null; staff: Staff | null }

/** Raises one signal counter by one: `$1`…`$6` are its key (organisation, day, kind, source, product area, KB search). */
const RAISE_COUNTER = `INSERT INTO signal_rollup_slots (organisation_id, day, kind, source, product_area, kb_query, slot, count) VALUES ($1, $2, $3, $4, $5, $6, ${COUNTER_SLOT}, 1)
  ${COUNTER_CONFLICT}`


/** The bounds of local days in `zone` as stored ISO strings compare (byte order): from each day's midnight to the next. */
/** Ranges of at most this many days signals.totals sums as asked; longer ones (the window) it keeps summed. */
const SUMMED_AS_ASKED_DAYS = 8

const DAY_BOUNDS = `SELECT to_char((day::timestamp AT TIME ZONE $2) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') COLLATE "C" AS lo,
    to_char(((day + 1)::timestamp AT TIME ZONE $2) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') COLLATE "C" AS hi
  FROM unnest($1::date[]) AS day`

/**
 * The change feed across processes: one connection per process LISTENs (from the first
 * subscriber on, connecting again when it is lost) and tells this process's listeners of every
 * change NOTIFY announces for this schema, its own writes included.
 */
function listeningFeed(connect: () => pg.Client, schema: string) {
  const feed = changeFeed()
  let client: pg.Client | undefined
  let connecting: Promise<void> | undefined
  let retry: NodeJS.Timeout | undefined
  let isClosed = false
  const lost = (lostClient: pg.Client) => {
    if (client === lostClient) client = undefined
    lostClient.end().catch(() => undefined)
    if (isClosed || retry || client) return
    retry = setTimeout(() => {
      retry = undefined
      void listen()
    }, RELISTEN_MS)
    retry.unref()
  }
  const listen = () => connecting ??= (async () => {
    const next = connect()
    let isLost = false
    const onLost = () => {
      if (isLost) return
      isLost = true
      lost(next)
    }
    next.on('error', onLost)
    next.on('end', onLost)
    next.on('notification', (message) => {
      if (message.channel !== CHANGES_CHANNEL || !message.payload) return
      try {
        const { schema: from, ...change } = JSON.parse(message.payload) as IncidentChange & { schema: string }
        if (from === schema) feed.emit(change)
      } catch {
        // Not ours: another program on the channel.
      }
    })
    try {
      await next.connect()
      await next.query(`LISTEN ${CHANGES_CHANNEL}`)
      if (isClosed) await next.end()
      else client = next
    } catch {
      onLost()
    } finally {
      connecting = undefined
    }
  })()
  return {
    subscribe(listener: (change: IncidentChange) => void) {
      const stop = feed.subscribe(listener)
      if (!client && !retry) void listen()
      return stop
    },
    /** Resolves once this process listens (or failed to, and tries again later). */
    ready: async () => {
      if (!client) await (connecting ?? listen())
    },
    async close() {
      isClosed = true
      clearTimeout(retry)
      await connecting
      await client?.end().catch(() => undefined)
      client = undefined
    },
  }
}

function buildStore(pool: pg.Pool, counterPool: pg.Pool, { schema, timeZone, listen }: { schema: string; timeZone: string; listen: () => pg.Client }): PostgresStore {
  const changes = listeningFeed(listen, schema)
  /** The NOTIFY payload of a change: the schema, so stores of other schemas on the database ignore it. */
  const announcement = (incident: Incident, previous?: Incident) => json({ schema, ...changeOf(incident, previous) })
  const counterKey = (moment: ContactMoment) => {
    const k = countKeyOf(moment, timeZone)
    return [k.organisationId, k.day, k.kind, k.source, k.productArea, k.kbQuery]
  }
  /** Why the last query failed for want of the database; undefined once one succeeds. */
  let failure: string | undefined
  /** The unit of work the current request runs in, if any. */
  const units = new AsyncLocalStorage<Unit>()
  /** Runs `work`, telling the database out of reach or out of space as StorageUnavailableError (a 503, not a 500). */
  async function guarded<T>(work: () => Promise<T>): Promise<T> {
    try {
      const result = await work()
      failure = undefined
      return result
    } catch (error) {
      const reason = unavailability(error)
      if (!reason) throw error
      failure = reason
      throw new StorageUnavailableError(reason, { cause: error })
    }
  }
  /**
   * The statements every registration (and most requests) sends, by their text: sent as named
   * statements, which each connection parses and plans once instead of on every call. Only fixed
   * texts whose plan does not depend on the values (lookups by key, inserts): never the lists.
   */
  const names = new Map<string, string>()
  /** Marks `sql` as one of the hot statements and gives it back. */
  const hot = (sql: string) => {
    if (!names.has(sql)) names.set(sql, `loket_${names.size + 1}`)
    return sql
  }
  const statement = (sql: string, params: unknown[] = []): pg.QueryConfig | string => {
    // The writes a kind of request holds are sent together in one text (see `together`): a
    // registration's every time. The first NAMED_TOGETHER such texts are prepared too.
    if (!names.has(sql) && sql.startsWith(TOGETHER) && names.size < NAMED_TOGETHER) hot(sql)
    const name = names.get(sql)
    return name ? { name, text: sql, values: params } : sql
  }
  const send = (on: pg.Pool | pg.PoolClient, sql: string, params?: unknown[]) => {
    const query = statement(sql, params)
    return typeof query === 'string' ? on.query(query, params) : on.query(query)
  }
  // Every query goes through here: in a unit of work on its transaction's connection, else on any of the pool's.
  const db = {
    query: (async (sql: string, params?: unknown[]) => guarded(async () => {
      const unit = units.getStore()
      if (unit?.holds(sql)) {
        const client = await unit.connection()
        // Checked again in its turn: once the unit ended, its connection may be another's.
        const answer = await unit.inTurn(async () => {
          if (unit.isEnded) return undefined
          await unit.sendHeld(client)
          return { result: await send(client, sql, params) }
        })
        if (answer) return answer.result
      }
      if (unit?.ended === 'ROLLBACK' && !isRead(sql)) throw new StoreError('a write of a unit of work that was undone: not kept')
      return send(pool, sql, params)
    })) as unknown as pg.Pool['query'],
  }
  /**
   * A read on any of the pool's connections, whatever unit of work is current: for the lookups that
   * go together for several requests (see `coalesced`), which run in the context of whichever asked first.
   */
  const shared = <R extends pg.QueryResultRow>(sql: string, params: unknown[]) => guarded(() => send(pool, sql, params) as Promise<pg.QueryResult<R>>)
  /** Statements that are no part of any unit of work (rate counters, the health probe): committed at once. */
  const apart = {
    query: (async (sql: string, params?: unknown[]) => guarded(() => counterPool.query(sql, params))) as unknown as pg.Pool['query'],
  }
  const rows = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => (await db.query<{ data: T }>(sql, params)).rows.map((r) => r.data)
  const one = async <T>(sql: string, params: unknown[] = []): Promise<T | undefined> => (await rows<T>(sql, params))[0]
  /** How many rows `select` gives, counting no further than TOTAL_CAP (null past it): a count that costs no more than a page. */
  const countUpTo = async (select: string, params: unknown[]): Promise<number | null> => {
    const { rows: [row] } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${select} LIMIT ${TOTAL_CAP + 1}) AS upto`, params)
    return row!.n > TOTAL_CAP ? null : row!.n
  }

  /**
   * The page of a word search whose words the planner's statistics call common, newest first and
   * not counted: counting by the GIN indexes reads every match (41,000 of "facturen" in a million
   * incidents: 22 ms, against 2 ms for the page). Only the incidents numbered in a window below the
   * cursor are read, sized to hold the page four times over at the expected share of matches;
   * undefined when the words are not common or the window holds no full page (an estimate was
   * wrong): then the caller counts. A full page means there are more: total null, as past TOTAL_CAP.
   */
  async function commonWordsPage(search: IncidentSearch, where: { sql: string[]; params: unknown[] }, after: string | number | null, limit: number): Promise<Page<Incident> | undefined> {
    // Estimated on the incidents' own text: internal notes are few, and the planner's guess for a word they lack is the same for every word.
    const estimated = incidentWhere({ ...search, withInternal: false })!
    const [plan, stored] = await Promise.all([
      db.query<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(`EXPLAIN (FORMAT JSON) SELECT 1 FROM incidents WHERE ${estimated.sql.join(' AND ')}`, estimated.params),
      db.query<{ n: number }>(`SELECT reltuples::float8 AS n FROM pg_class WHERE oid = 'incidents'::regclass`),
    ])
    const window = commonWordsWindow(plan.rows[0]!['QUERY PLAN'][0].Plan['Plan Rows'], stored.rows[0]!.n, limit)
    if (window === undefined) return undefined
    const params = [...where.params]
    const below = after === null ? '(SELECT max(number) + 1 FROM incidents)' : `$${params.push(after)}::bigint`
    const found = await rows<Incident>(
      `SELECT data FROM incidents WHERE ${where.sql.join(' AND ')} AND number < ${below} AND number >= ${below} - ${window}
       ORDER BY number DESC LIMIT ${limit + 1}`, params)
    return found.length > limit ? pageOf(found, limit, null, (i) => [Number(i.number)]) : undefined
  }

  /**
   * A change against `expectedVersion`: read, apply, and write only if the version is still the
   * same; a change that lost the race gets the record as it is now.
   */
  async function update<T extends { id: string; version: number }>(table: 'incidents' | 'complaints' | 'consents', id: string, expectedVersion: number, change: (current: T) => T, fixed: (current: T) => Partial<T>, announce?: (next: T, current: T) => string): Promise<T> {
    const current = await one<T>(`SELECT data FROM ${table} WHERE id = $1`, [id])
    if (!current) throw new StoreError(`no ${table} record ${id}`)
    if (current.version !== expectedVersion) throw new VersionConflictError(current as never)
    const next = { ...change(structuredClone(current)), ...fixed(current), id, version: current.version + 1 } as T
    const set = Object.entries(columnsOf(table, next))
    const updating = `UPDATE ${table} SET data = $1${set.map(([column], i) => `, ${column} = $${i + 4}`).join('')} WHERE id = $2 AND version = $3`
    const params = [json(next), id, expectedVersion, ...set.map(([, value]) => value)]
    // Announced in the same statement: NOTIFY is delivered when the change commits, and only then.
    const done = announce
      ? await db.query(`WITH changed AS (${updating} RETURNING id) SELECT pg_notify('${CHANGES_CHANNEL}', $${params.length + 1}) FROM changed`, [...params, announce(next, current)])
      : await db.query(updating, params)
    if (done.rowCount === 0) {
      const now = await one<T>(`SELECT data FROM ${table} WHERE id = $1`, [id])
      if (!now) throw new StoreError(`no ${table} record ${id}`)
      throw new VersionConflictError(now as never)
    }
    return next
  }

  /**
   * Stores a whole record with its columns. On a record with the same key: `replace` overwrites it
   * (a put), `keep` leaves it (the insert does nothing), and without either the insert fails.
   */
  function insert<T extends { id: string }>(table: RecordTable, record: T, onConflict?: { key: string; then: 'replace' | 'keep' }) {
    const { sql, values } = insertion(table, record, onConflict)
    // One text per table and conflict rule: prepared once per connection.
    return db.query<{ data: never }>(hot(`${sql} RETURNING data`), values)
  }
  function insertion<T extends { id: string }>(table: RecordTable, record: T, onConflict?: { key: string; then: 'replace' | 'keep' }) {
    const columns = Object.entries(columnsOf(table, record))
    const columnNames = ['id', ...columns.map(([name]) => name), 'data']
    const values = [record.id, ...columns.map(([, value]) => value), json(record)]
    const conflict = !onConflict ? ''
      : onConflict.then === 'keep' ? ` ON CONFLICT (${onConflict.key}) DO NOTHING`
      : ` ON CONFLICT (${onConflict.key}) DO UPDATE SET ${columnNames.slice(1).map((name) => `${name} = EXCLUDED.${name}`).join(', ')}`
    return { sql: `INSERT INTO ${table} (${columnNames.join(', ')}) VALUES (${values.map((_, i) => `$${i + 1}`).join(', ')})${conflict}`, values }
  }
  const put = async <T extends { id: string }>(table: RecordTable, record: T) => {
    await insert(table, record, { key: 'id', then: 'replace' })
  }

  /** Removes and returns the record with this token hash: of two processes taking it at once, one gets it. */
  const take = async <T extends { expiresAt: string }>(table: string, tokenHash: string, now: Date) => {
    const found = await one<T>(`DELETE FROM ${table} WHERE token_hash = $1 RETURNING data`, [tokenHash])
    return found && new Date(found.expiresAt) > now ? found : undefined
  }

  /**
   * An insert whose answer nobody reads: in a unit of work held and sent with the unit's other
   * held writes as one statement (before its next statement, or at its end); else sent at once.
   */
  const blind = async (writes: Pending[]) => {
    const unit = units.getStore()
    if (unit && !unit.isEnded) for (const { sql, params } of writes) unit.hold(sql, params)
    else for (const { sql, params } of together(writes)) await db.query(hot(sql), params)
  }
  /** A record inserted blind (see `blind`): kept as it is on a record with the same key, or replacing it. */
  const insertBlind = <T extends { id: string }>(table: RecordTable, record: T, onConflict: { key: string; then: 'replace' | 'keep' }) => {
    const { sql, values } = insertion(table, record, onConflict)
    return blind([{ sql, params: values }])
  }

  /** The desk notice as last read, and when (see deskNotice.get). */
  let notice: { value: Promise<DeskNotice | undefined>; readAt: number } | undefined
  /** Units of work that changed the notice: they read it in their transaction, as it is there. */
  const noticeChangedIn = new WeakSet<Unit>()
  const noticeChanged = () => {
    notice = undefined
    const unit = units.getStore()
    if (unit) noticeChangedIn.add(unit)
  }

  hot(RAISE_COUNTER)

  /**
   * Incident numbers for the registrations under way at once, drawn in one statement (a sequence
   * is never rolled back, so it needs no unit of work): in the order asked, ascending.
   */
  const drawNumber = coalesced(async (asked: void[]) => {
    const { rows: drawn } = await shared<{ number: string }>(hot(DRAW_NUMBERS), [asked.length])
    return drawn.map((r) => r.number)
  })
  /** Sessions with their subjects, for the requests under way at once (see `coalesced`), by token hash. */
  const sessionOf = coalesced(async (hashes: string[]) => {
    const { rows: found } = await shared<SessionRow>(hot(SESSIONS_WITH_SUBJECT), [hashes])
    const byHash = new Map(found.map((row) => [row.session.tokenHash, row]))
    return hashes.map((hash) => byHash.get(hash))
  })
  /**
   * The contact moments of these local days from `since` on ("YYYY-MM-DDTHH:MM:SS", '' for all),
   * compared to the second: a caller wanting them later than a moment takes off the rest.
   */
  const momentsOf = async (days: readonly string[], since: string): Promise<ContactMoment[]> => {
    // `since` beside each day's bounds, so the indexes start there: today's moments beyond now are
    // few. Compared as text to the second only (a time may be stored without its milliseconds).
    // Plain columns, and only the messages that are contact moments (as loket_fill_signal_rollups
    // counts them): staff replies and notes stay in the database. Registrations and messages in
    // one statement, the record's JSON parsed once per row (json_to_record), not once per field.
    const { rows } = await db.query<{ organisationId: string; kind: Incident['kind']; productArea: string; at: string; source: ContactMoment['source']; kbQuery: string | null }>(
      `WITH days AS (${DAY_BOUNDS})
       SELECT i.organisation_id AS "organisationId", d.kind, d."productArea", d."registeredAt" AS at, 'incident' AS source, d."kbQuery"
       FROM days JOIN incidents i ON (i.data->>'registeredAt') COLLATE "C" >= days.lo AND (i.data->>'registeredAt') COLLATE "C" < days.hi
         AND (i.data->>'registeredAt') COLLATE "C" >= $3::text COLLATE "C"
         CROSS JOIN LATERAL json_to_record(i.data) AS d(kind text, "productArea" text, "registeredAt" text, "kbQuery" text)
       UNION ALL
       SELECT i.organisation_id, i.data->>'kind', i.data->>'productArea', m.at, CASE WHEN m.data->>'channel' = 'phone' THEN 'phone' ELSE 'reaction' END, NULL
       FROM days JOIN messages m ON m.at >= days.lo AND m.at < days.hi AND m.at >= $3::text COLLATE "C" JOIN incidents i ON i.id = m.incident_id
       WHERE m.data->>'channel' = 'phone' OR (m.data->>'visibility' = 'public' AND m.data->>'author' LIKE 'contact:%')`,
      [days, timeZone, since],
    )
    return rows.map((r) => ({
      organisationId: r.organisationId, kind: r.kind, productArea: r.productArea, source: r.source, at: new Date(r.at), ...(r.kbQuery ? { kbQuery: r.kbQuery } : {}),
    }))
  }
  // What this process read last of the window's sums, the moments of the window's first day, the
  // organisations signals rank and the weekly sums of the organisations it showed, each with the
  // number it stood at (migration 014): kept while the database says the number stands, so a page
  // of signals does not read them again.
  let windowKept: { after: string; before: string; generation: string; totals: readonly WindowCount[] } | undefined
  let firstDayKept: { day: string; generation: string; moments: readonly ContactMoment[] } | undefined
  let organisationsKept: { generation: string; organisations: readonly SignalOrganisation[] } | undefined
  let weeksKept: { from: string; to: string; splitAfter: string; generation: string; byOrganisation: Map<string, readonly (readonly [string, MomentCount])[]> } | undefined
  const store: PostgresStore = {
    pool,
    async atCommit(sql, params) {
      const unit = units.getStore()
      if (unit && !unit.isEnded) unit.atCommit(sql, params)
      else await db.query(sql, params)
    },
    async unitOfWork(task) {
      if (units.getStore()) return task()
      const unit = new Unit(pool, statement)
      let result: Awaited<ReturnType<typeof task>>
      try {
        result = await units.run(unit, task)
      } catch (error) {
        // Not through `guarded`: an undo that went through says nothing of whether writes do.
        await unit.end('ROLLBACK').catch(() => undefined)
        throw error
      }
      await guarded(() => unit.end('COMMIT'))
      return result
    },
    query: db.query,
    prepare: hot,
    async exclusive(name, task) {
      const client = await pool.connect()
      try {
        await client.query('SELECT pg_advisory_lock(hashtext(current_schema() || $1))', [`:${name}`])
        try {
          return await task()
        } finally {
          await client.query('SELECT pg_advisory_unlock(hashtext(current_schema() || $1))', [`:${name}`])
        }
      } finally {
        client.release()
      }
    },
    organisations: {
      get: (id) => one(hot('SELECT data FROM organisations WHERE id = $1'), [id]),
      list: () => rows('SELECT data FROM organisations ORDER BY seq'),
      put: (o) => put('organisations', o),
    },
    contacts: {
      get: (id) => one(hot('SELECT data FROM contacts WHERE id = $1'), [id]),
      byEmail: (email) => one('SELECT data FROM contacts WHERE email = $1 ORDER BY seq LIMIT 1', [email.toLowerCase()]),
      listByOrganisation: (organisationId) => rows('SELECT data FROM contacts WHERE organisation_id = $1 ORDER BY seq', [organisationId]),
      put: (c) => put('contacts', { ...c, email: c.email.toLowerCase() }),
      async search(query, page) {
        // domain/caller.ts's isCallerMatch, in SQL: the text in the name or address, the customer number, a phone number.
        const params: unknown[] = [query.text, query.digits, MIN_PHONE_DIGITS]
        const match = `(($1 <> '' AND (position($1 in lower(c.data->>'name')) > 0 OR position($1 in c.email) > 0))
          OR ($2 <> '' AND (o.data->>'customerNumber' = $2
            OR (length($2) >= $3 AND (position($2 in phone_digits(c.data->>'phone')) > 0 OR position($2 in phone_digits(o.data->>'phone')) > 0)))))`
        const from = 'FROM contacts c LEFT JOIN organisations o ON o.id = c.organisation_id'
        const name = `lower(c.data->>'name') COLLATE "C"`
        let after = ''
        if (page.cursor) {
          const [lastName, lastId] = decodeCursor(page.cursor, CURSOR_SHAPES.callers) as [string, string]
          after = ` AND (${name} > $4 OR (${name} = $4 AND c.id COLLATE "C" > $5))`
          params.push(lastName, lastId)
        }
        const [found, counted] = await Promise.all([
          rows<Contact>(`SELECT c.data ${from} WHERE ${match}${after} ORDER BY ${name}, c.id COLLATE "C" LIMIT ${page.limit + 1}`, params),
          db.query<{ n: string }>(`SELECT count(*) AS n FROM (SELECT 1 ${from} WHERE ${match} LIMIT ${TOTAL_CAP + 1}) found`, params.slice(0, 3)),
        ])
        const total = Number(counted.rows[0]!.n)
        return pageOf(found, page.limit, total > TOTAL_CAP ? null : total, (c) => callerSortKey(c))
      },
    },
    refusedOrigins: {
      async record(origin, at) {
        const counted = await db.query<{ isNew: boolean }>(
          `INSERT INTO refused_origins (id, data) VALUES ($1, json_build_object('id', $1::text, 'origin', $1::text, 'count', 1, 'firstSeen', $2::text, 'lastSeen', $2::text))
           ON CONFLICT (id) DO UPDATE SET data = json_build_object('id', $1::text, 'origin', $1::text, 'count', (refused_origins.data->>'count')::int + 1,
             'firstSeen', refused_origins.data->>'firstSeen', 'lastSeen', greatest(refused_origins.data->>'lastSeen' COLLATE "C", $2::text))
           RETURNING (xmax = 0) AS "isNew"`, [origin, at])
        // Only a new origin can make the list longer than it may be.
        if (counted.rows[0]?.isNew) {
          await db.query(`DELETE FROM refused_origins WHERE id IN (SELECT id FROM refused_origins ORDER BY data->>'lastSeen' COLLATE "C" DESC, id COLLATE "C" OFFSET $1)`, [REFUSED_ORIGINS_KEPT])
        }
      },
      list: async () => (await db.query<RefusedOrigin>(
        `SELECT data->>'origin' AS origin, (data->>'count')::int AS count, data->>'firstSeen' AS "firstSeen", data->>'lastSeen' AS "lastSeen"
         FROM refused_origins ORDER BY data->>'lastSeen' COLLATE "C" DESC, id COLLATE "C"`)).rows,
    },
    deskNotice: {
      // Every registration reads it, and an admin changes it a few times a year: read from the
      // database at most once per NOTICE_FRESH_MS per process (a change made here at once).
      async get() {
        const unit = units.getStore()
        if (unit && noticeChangedIn.has(unit)) return one<DeskNotice>(`SELECT data FROM desk_notices WHERE id = 'current'`)
        if (!notice || performance.now() - notice.readAt > NOTICE_FRESH_MS) {
          // In a unit of work that began, on its connection: a read on another would wait for a
          // connection while holding one, and enough such requests at once would wait for ever.
          const reading = one<DeskNotice>(`SELECT data FROM desk_notices WHERE id = 'current'`)
          notice = { value: reading, readAt: performance.now() }
          // A failed read is not kept: the next one asks again (unless a newer read replaced it).
          reading.catch(() => { if (notice?.value === reading) notice = undefined })
        }
        return structuredClone(await notice.value)
      },
      async put(record) {
        noticeChanged()
        await put('desk_notices', record)
        notice = undefined
      },
      clear: async () => {
        noticeChanged()
        await db.query(`DELETE FROM desk_notices WHERE id = 'current'`)
        notice = undefined
      },
    },
    staff: {
      get: (id) => one(hot('SELECT data FROM staff WHERE id = $1'), [id]),
      byEmail: (email) => one('SELECT data FROM staff WHERE email = $1 ORDER BY seq LIMIT 1', [email.toLowerCase()]),
      list: () => rows('SELECT data FROM staff ORDER BY seq'),
      put: (s) => put('staff', { ...s, email: s.email.toLowerCase() }),
    },
    incidents: {
      async create(draft) {
        // The number first (a sequence is never rolled back anyway), so the record, its search
        // text and its announcement go with the unit's other writes: in a registration, one statement.
        const incident: Incident = { ...draft, id: randomUUID(), number: await drawNumber(), version: 1 }
        const columns = Object.entries(columnsOf('incidents', incident))
        const values: unknown[] = [incident.id, ...columns.map(([, value]) => value), json(incident)]
        const p = (value: unknown) => `$${values.push(value)}`
        // The search text with the requester's and organisation's names, read in the same statement.
        const insert = `INSERT INTO incidents (id, ${columns.map(([name]) => name).join(', ')}, data, search_text)
           SELECT ${values.map((_, i) => `$${i + 1}`).join(', ')},
             concat_ws(E'\n', ${p(headText(incident, {}))}::text, (SELECT data->>'name' FROM contacts WHERE id = ${p(incident.contactId)}::text),
               (SELECT data->>'name' FROM organisations WHERE id = ${p(incident.organisationId)}::text))`
        // Announced with it: NOTIFY is delivered when the change commits, and only then.
        await blind([{ sql: insert, params: values }, { sql: `SELECT pg_notify('${CHANGES_CHANNEL}', $1)`, params: [announcement(incident)] }])
        // The organisation's counter is raised by every registration: locked only at the commit.
        await store.atCommit(RAISE_COUNTER, counterKey(registrationMoment(incident)))
        return incident
      },
      get: (id) => one(hot('SELECT data FROM incidents WHERE id = $1'), [id]),
      byNumber: (number) => (/^\d{1,18}$/.test(number) ? one('SELECT data FROM incidents WHERE number = $1', [number]) : Promise.resolve(undefined)),
      list(filter: IncidentFilter) {
        const where: string[] = []
        const params: unknown[] = []
        const add = (column: string, value: unknown, op = '=') => {
          params.push(value)
          where.push(`${column} ${op} $${params.length}`)
        }
        if (filter.organisationId) add('organisation_id', filter.organisationId)
        if (filter.contactId) add('contact_id', filter.contactId)
        if (filter.team) add('team', filter.team)
        if (filter.assigneeId) add('assignee_id', filter.assigneeId)
        if (filter.status) {
          params.push(filter.status)
          where.push(`status = ANY($${params.length})`)
        }
        return rows(`SELECT data FROM incidents${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY number`, params)
      },
      async page(search, { limit, cursor }) {
        const after = cursor === undefined ? null : decodeCursor(cursor, CURSOR_SHAPES.incidents)[0]!
        const where = incidentWhere(search)
        if (!where) return { items: [], next: null, total: 0 }
        const params = [...where.params]
        const filter = where.sql.length ? where.sql.join(' AND ') : 'true'
        const matching = `${filter}${after === null ? '' : ` AND number < $${params.length + 1}`}`
        const pageParams = after === null ? params : [...params, after]
        const newestFirst = `SELECT data FROM incidents WHERE ${matching} ORDER BY number DESC LIMIT ${limit + 1}`
        if (!where.hasWords) {
          const [found, total] = await Promise.all([rows<Incident>(newestFirst, pageParams), countUpTo(`SELECT 1 FROM incidents WHERE ${filter}`, params)])
          return pageOf(found, limit, total, (i) => [Number(i.number)])
        }
        const common = await commonWordsPage(search, where, after, limit)
        if (common) return common
        // A count by the GIN indexes tells a rare word from a common one.
        // Few matches: found by the indexes and sorted; many: newest first until the page is full.
        const total = await countUpTo(`SELECT 1 FROM incidents WHERE ${filter}`, params)
        const found = await rows<Incident>(total === null ? newestFirst
          : `WITH found AS MATERIALIZED (SELECT number FROM incidents WHERE ${matching})
             SELECT data FROM incidents WHERE number IN (SELECT number FROM found ORDER BY number DESC LIMIT ${limit + 1}) ORDER BY number DESC`, pageParams)
        return pageOf(found, limit, total, (i) => [Number(i.number)])
      },
      async queuePage(search, { limit, cursor }) {
        const after = cursor === undefined ? null : decodeCursor(cursor, CURSOR_SHAPES.queue)
        const { sql, params } = queueWhere(search)
        const filter = sql.join(' AND ')
        const keyset = after === null ? '' : ` AND (queue_new, queue_due, registered_at, number) > ($${params.length + 1}, $${params.length + 2}, $${params.length + 3}, $${params.length + 4})`
        const [found, total] = await Promise.all([
          rows<Incident>(`SELECT data FROM incidents WHERE ${filter}${keyset} ORDER BY queue_new, queue_due, registered_at, number LIMIT ${limit + 1}`, after === null ? params : [...params, ...after]),
          countUpTo(`SELECT 1 FROM incidents WHERE ${filter}`, params),
        ])
        return pageOf(found, limit, total, queueKeyOf)
      },
      update: (id, expectedVersion, change) => update<Incident>('incidents', id, expectedVersion, change, (current) => ({ number: current.number }), announcement),
      count: async () => Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM incidents')).rows[0]!.n),
    },
    messages: {
      async add(m) {
        // Stored, and its words added to its incident's search text, in one statement; a message stored again adds none.
        const column = isInternalText(m) ? 'internal_text' : 'search_text'
        const { rows: [added] } = await db.query<{ is_new: boolean }>(
          `WITH added AS (
             INSERT INTO messages (id, incident_id, at, data) VALUES ($1, $2, $3, $4)
             ON CONFLICT (id) DO UPDATE SET incident_id = EXCLUDED.incident_id, at = EXCLUDED.at, data = EXCLUDED.data
             RETURNING incident_id, (xmax = 0) AS is_new
           ), searchable AS (
             UPDATE incidents SET ${column} = concat_ws(E'\n', nullif(${column}, ''), $5::text) FROM added WHERE added.is_new AND incidents.id = added.incident_id RETURNING 1
           )
           SELECT is_new FROM added`,
          [m.id, m.incidentId, m.at, json(m), m.text],
        )
        // Whether it is a contact moment is the message's to say; of which organisation and kind, its
        // incident's. Counted only when the message is new (xmax = 0: inserted, not replaced), at the
        // commit: the organisation's counter is raised by many requests.
        const source = momentSource(m)
        if (source && added?.is_new) {
          await store.atCommit(
            `INSERT INTO signal_rollup_slots (organisation_id, day, kind, source, product_area, kb_query, slot, count)
             SELECT i.organisation_id, $1::date, i.data->>'kind', $2, i.data->>'productArea', '', ${COUNTER_SLOT}, 1 FROM incidents i WHERE i.id = $3
             ${COUNTER_CONFLICT}`,
            [localDate(new Date(m.at), timeZone), source, m.incidentId],
          )
        }
      },
      listByIncident: (incidentId) => rows('SELECT data FROM messages WHERE incident_id = $1 ORDER BY at, seq', [incidentId]),
    },
    // Each chunk a statement of its own on the pool, never in a request's unit of work: a long
    // upload must not hold a transaction open, and the record names the file only once it is whole.
    attachmentFiles: postgresAttachmentFiles((async (sql: string, params?: unknown[]) => guarded(() => pool.query(sql, params))) as unknown as pg.Pool['query']),
    attachments: {
      add: (a) => put('attachments', a),
      get: (id) => one('SELECT data FROM attachments WHERE id = $1', [id]),
      listByIncident: (incidentId) => rows('SELECT data FROM attachments WHERE incident_id = $1 ORDER BY at, seq', [incidentId]),
    },
    complaints: {
      async create(draft) {
        const { rows: [next] } = await db.query<{ number: string }>(`SELECT nextval('complaint_number') AS number`)
        const complaint: Complaint = { ...draft, id: randomUUID(), number: `K${next!.number}`, version: 1 }
        await insert('complaints', complaint)
        return complaint
      },
      get: (id) => one('SELECT data FROM complaints WHERE id = $1', [id]),
      list(filter) {
        const where: string[] = []
        const params: unknown[] = []
        if (filter.organisationId) where.push(`organisation_id = $${params.push(filter.organisationId)}`)
        if (filter.contactId) where.push(`contact_id = $${params.push(filter.contactId)}`)
        return rows(`SELECT data FROM complaints${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY number`, params)
      },
      async page(filter, { limit, cursor }) {
        const after = cursor === undefined ? null : decodeCursor(cursor, CURSOR_SHAPES.complaints)[0]!
        const where: string[] = []
        const params: unknown[] = []
        if (filter.organisationId) where.push(`organisation_id = $${params.push(filter.organisationId)}`)
        if (filter.contactId) where.push(`contact_id = $${params.push(filter.contactId)}`)
        if (filter.status?.length) where.push(`data->>'status' = ANY($${params.push(filter.status)})`)
        const sql = where.length ? where.join(' AND ') : 'true'
        const [found, total] = await Promise.all([
          rows<Complaint>(`SELECT data FROM complaints WHERE ${sql}${after === null ? '' : ` AND number < $${params.length + 1}`} ORDER BY number DESC LIMIT ${limit + 1}`, after === null ? params : [...params, after]),
          countUpTo(`SELECT 1 FROM complaints WHERE ${sql}`, params),
        ])
        return pageOf(found, limit, total, (c) => [Number(c.number.slice(1))])
      },
      async queue(filter, { limit, cursor }) {
        const after = cursor === undefined ? null : decodeCursor(cursor, CURSOR_SHAPES.complaintQueue)
        const where: string[] = []
        const params: unknown[] = []
        if (filter.status?.length) where.push(`status = ANY($${params.push(filter.status)})`)
        if (filter.assigneeId === null) where.push('assignee_id IS NULL')
        else if (filter.assigneeId !== undefined) where.push(`assignee_id = $${params.push(filter.assigneeId)}`)
        const sql = where.length ? where.join(' AND ') : 'true'
        const keyset = after === null ? '' : ` AND (queue_rank, queue_due, queue_n) > ($${params.length + 1}, $${params.length + 2}, $${params.length + 3})`
        const [found, total] = await Promise.all([
          rows<Complaint>(`SELECT data FROM complaints WHERE ${sql}${keyset} ORDER BY queue_rank, queue_due, queue_n LIMIT ${limit + 1}`, after === null ? params : [...params, ...after]),
          countUpTo(`SELECT 1 FROM complaints WHERE ${sql}`, params),
        ])
        return pageOf(found, limit, total, complaintQueueKeyOf)
      },
      update: (id, expectedVersion, change) => update<Complaint>('complaints', id, expectedVersion, change, (current) => ({ number: current.number })),
    },
    savedReplies: {
      get: (id) => one('SELECT data FROM saved_replies WHERE id = $1', [id]),
      list: () => rows('SELECT data FROM saved_replies ORDER BY seq'),
      put: (r) => put('saved_replies', r),
      delete: async (id) => ((await db.query('DELETE FROM saved_replies WHERE id = $1', [id])).rowCount ?? 0) > 0,
    },
    followUps: {
      add: (f) => put('follow_ups', f),
      listByOrganisation: (organisationId) => rows('SELECT data FROM follow_ups WHERE organisation_id = $1 ORDER BY at DESC, seq', [organisationId]),
      listByOrganisations: (organisationIds) => organisationIds.length === 0 ? Promise.resolve([])
        : rows('SELECT data FROM follow_ups WHERE organisation_id = ANY($1::text[]) ORDER BY at DESC, seq', [organisationIds]),
    },
    consents: {
      async create<T extends ConsentRecord>(draft: Omit<T, 'version'>) {
        const record = { ...draft, version: 1 } as T
        const done = await insert('consents', record, { key: 'id', then: 'keep' })
        if (done.rowCount === 0) throw new StoreError(`consent ${record.id} exists already`)
        return record
      },
      get: (id) => one('SELECT data FROM consents WHERE id = $1', [id]),
      list(filter) {
        const where: string[] = []
        const params: unknown[] = []
        if (filter.kind) where.push(`kind = $${params.push(filter.kind)}`)
        if (filter.organisationId) where.push(`organisation_id = $${params.push(filter.organisationId)}`)
        if (filter.incidentId) where.push(`incident_id = $${params.push(filter.incidentId)}`)
        return rows(`SELECT data FROM consents${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at, seq`, params)
      },
      async page(filter, { limit, cursor }) {
        const after = cursor === undefined ? null : decodeCursor(cursor, CURSOR_SHAPES.consents)
        const where: string[] = []
        const params: unknown[] = []
        if (filter.kind) where.push(`kind = $${params.push(filter.kind)}`)
        if (filter.organisationId) where.push(`organisation_id = $${params.push(filter.organisationId)}`)
        if (filter.incidentId) where.push(`incident_id = $${params.push(filter.incidentId)}`)
        const sql = where.length ? where.join(' AND ') : 'true'
        const keyset = after === null ? '' : ` AND (created_at, seq) < ($${params.length + 1}, $${params.length + 2})`
        const [found, total] = await Promise.all([
          db.query<{ data: ConsentRecord; seq: string }>(`SELECT data, seq FROM consents WHERE ${sql}${keyset} ORDER BY created_at DESC, seq DESC LIMIT ${limit + 1}`, after === null ? params : [...params, ...after]),
          countUpTo(`SELECT 1 FROM consents WHERE ${sql}`, params),
        ])
        const page = pageOf(found.rows, limit, total, (row) => [row.data.createdAt, Number(row.seq)])
        return { ...page, items: page.items.map((row) => row.data) }
      },
      update: <T extends ConsentRecord>(id: string, expectedVersion: number, change: (current: T) => T) =>
        update<T>('consents', id, expectedVersion, change, (current) => ({ kind: current.kind }) as Partial<T>),
    },
    registrations: {
      put: (r) => put('registrations', r),
      take: (hash, now) => take('registrations', hash, now),
    },
    signInTokens: {
      put: (t) => insertBlind('sign_in_tokens', t, { key: 'id', then: 'replace' }),
      take: (hash, now) => take('sign_in_tokens', hash, now),
    },
    sessions: {
      put: (s) => put('sessions', s),
      byTokenHash: (hash) => one(hot('SELECT data FROM sessions WHERE token_hash = $1'), [hash]),
      async withSubject(hash) {
        // A unit that wrote reads its own writes (a session it made) on its connection; other requests' lookups go together.
        const found = units.getStore()?.holds(SESSIONS_WITH_SUBJECT)
          ? (await db.query<SessionRow>(SESSIONS_WITH_SUBJECT, [[hash]])).rows[0]
          : await sessionOf(hash)
        if (!found) return undefined
        return found.session.subject.kind === 'contact' ? { session: found.session, contact: found.contact ?? undefined } : { session: found.session, staff: found.staff ?? undefined }
      },
      delete: async (id) => {
        await db.query('DELETE FROM sessions WHERE id = $1', [id])
      },
      deleteFor: async (subject) => (await db.query('DELETE FROM sessions WHERE subject_kind = $1 AND subject_id = $2', [subject.kind, subject.id])).rowCount ?? 0,
    },
    outbox: {
      async enqueue(mail) {
        // In a unit of work the mail goes with the unit's other inserts: a new event key's mail
        // (every mail a request writes: its key names the record and change) is the one proposed.
        const unit = units.getStore()
        if (unit && !unit.isEnded) {
          await insertBlind('outbox', mail, { key: 'event_key', then: 'keep' })
          return mail
        }
        const { rows: [stored] } = await insert('outbox', mail, { key: 'event_key', then: 'keep' })
        return stored?.data ?? (await one<MailRecord>('SELECT data FROM outbox WHERE event_key = $1', [mail.eventKey]))!
      },
      /**
       * Claims the due mails for this process: locked rows another process is claiming are skipped,
       * and a claimed mail is not due again for MAIL_CLAIM_MS unless marked failed (or the process
       * died: then it is sent after the claim ran out, with the same Message-ID).
       */
      async backlog() {
        const { rows: [row] } = await db.query<{ count: number; oldest: string | null }>(
          `SELECT count(*)::int AS count, min(data->>'createdAt') AS oldest FROM outbox WHERE status = 'pending'`,
        )
        return { count: row!.count, oldestCreatedAt: row!.oldest }
      },
      async due(now, limit) {
        const claimedUntil = new Date(now.getTime() + MAIL_CLAIM_MS)
        const { rows: claimed } = await db.query<{ data: MailRecord }>(
          hot(`WITH due AS (
             SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= $1 ORDER BY next_attempt_at, seq LIMIT $2 FOR UPDATE SKIP LOCKED
           )
           UPDATE outbox SET next_attempt_at = $3 FROM due WHERE outbox.id = due.id RETURNING outbox.data`),
          [now, limit, claimedUntil],
        )
        return claimed.map((r) => r.data)
      },
      // Each a single statement that changes the record where it is: no read of the mail (its text
      // and HTML) first and no second round trip per mail the outbox sends.
      markSent: async (id, at) => void await db.query(
        hot(`UPDATE outbox SET status = 'sent', data = (data::jsonb || jsonb_build_object('status', 'sent', 'sentAt', $2::text))::json WHERE id = $1`),
        [id, at.toISOString()]),
      markFailed: async (id, error, nextAttemptAt) => void await db.query(
        hot(`UPDATE outbox SET next_attempt_at = $2,
           data = (data::jsonb || jsonb_build_object('attempts', (data->>'attempts')::int + 1, 'lastError', $3::text, 'nextAttemptAt', $4::text))::json WHERE id = $1`),
        [id, nextAttemptAt, error, nextAttemptAt.toISOString()]),
      markUndeliverable: async (id, error, at) => void await db.query(
        hot(`UPDATE outbox SET status = 'failed',
           data = (data::jsonb || jsonb_build_object('status', 'failed', 'attempts', (data->>'attempts')::int + 1, 'lastError', $2::text, 'failedAt', $3::text))::json WHERE id = $1`),
        [id, error, at.toISOString()]),
      list: () => rows('SELECT data FROM outbox ORDER BY seq'),
    },
    rateCounters: {
      async hit(key, windowMs, now) {
        const at = now.getTime()
        // One statement per hit: a window that ran out restarts at 1, else it counts on; concurrent hits queue on the row.
        const { rows: [window] } = await apart.query<{ count: number; started_at_ms: string }>(
          `INSERT INTO rate_counters (key, started_at_ms, count) VALUES ($1, $2, 1)
           ON CONFLICT (key) DO UPDATE SET
             count = CASE WHEN rate_counters.started_at_ms <= $2 - $3 THEN 1 ELSE rate_counters.count + 1 END,
             started_at_ms = CASE WHEN rate_counters.started_at_ms <= $2 - $3 THEN $2 ELSE rate_counters.started_at_ms END
           RETURNING count, started_at_ms`,
          [key, at, windowMs],
        )
        if (Math.random() < 0.001) await apart.query('DELETE FROM rate_counters WHERE started_at_ms < $1', [at - COUNTER_SWEEP_MS])
        return { count: window!.count, startedAt: new Date(Number(window!.started_at_ms)) }
      },
      async peek(key, windowMs, now) {
        const { rows: [window] } = await apart.query<{ count: number; started_at_ms: string }>(
          'SELECT count, started_at_ms FROM rate_counters WHERE key = $1 AND started_at_ms > $2',
          [key, now.getTime() - windowMs],
        )
        return window ? { count: window.count, startedAt: new Date(Number(window.started_at_ms)) } : undefined
      },
    },
    audit: {
      append: (entry) => insertBlind('audit', entry, { key: 'id', then: 'keep' }),
      listFor: (target) => rows('SELECT data FROM audit WHERE target = $1 ORDER BY seq', [target]),
    },
    notifications: {
      add: async (n) => ((await insert('notifications', n, { key: 'key', then: 'keep' })).rowCount ?? 0) > 0,
      get: (id) => one('SELECT data FROM notifications WHERE id = $1', [id]),
      async page(staffId, { limit, cursor }) {
        const after = cursor === undefined ? null : decodeCursor(cursor, CURSOR_SHAPES.notifications)
        const keyset = after === null ? '' : ' AND (at, id) < ($2, $3)'
        const [found, total] = await Promise.all([
          rows<StaffNotification>(`SELECT data FROM notifications WHERE staff_id = $1${keyset} ORDER BY at DESC, id DESC LIMIT ${limit + 1}`, after === null ? [staffId] : [staffId, ...after]),
          countUpTo('SELECT 1 FROM notifications WHERE staff_id = $1', [staffId]),
        ])
        return pageOf(found, limit, total, (n) => [n.at, n.id])
      },
      unreadCount: async (staffId) => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM notifications WHERE staff_id = $1 AND NOT is_read', [staffId])).rows[0]!.n,
      async markRead(staffId, ids, at) {
        // The JSON record and its column change together: the record is what reads answer with.
        const done = await db.query(
          `UPDATE notifications SET is_read = true, data = (data::jsonb || jsonb_build_object('readAt', $2::text))::json
           WHERE staff_id = $1 AND NOT is_read${ids === 'all' ? '' : ' AND id = ANY($3::text[])'}`,
          ids === 'all' ? [staffId, at] : [staffId, at, ids],
        )
        return done.rowCount ?? 0
      },
    },
    unreadReactions: {
      mark: (incidentId, at) => put('unread_reactions', { id: incidentId, at }),
      async clear(incidentId) {
        await db.query('DELETE FROM unread_reactions WHERE id = $1', [incidentId])
      },
      among: async (incidentIds) => incidentIds.length === 0 ? []
        : (await db.query<{ id: string }>('SELECT id FROM unread_reactions WHERE id = ANY($1::text[])', [incidentIds])).rows.map((r) => r.id),
    },
    signals: {
      counts: async ({ from, to, organisationIds }) => (await db.query<MomentCount>(
        `SELECT organisation_id AS "organisationId", to_char(day, 'YYYY-MM-DD') AS day, kind, source, product_area AS "productArea", kb_query AS "kbQuery", count
         FROM signal_rollups WHERE day BETWEEN $1 AND $2${organisationIds ? ' AND organisation_id = ANY($3::text[])' : ''}`,
        organisationIds ? [from, to, organisationIds] : [from, to],
      )).rows,
      async totals({ after, before }) {
        // A few days (today's counters, changing with every registration) summed as asked, leaving
        // the window's sums kept in the database alone.
        if (Date.parse(before) - Date.parse(after) <= SUMMED_AS_ASKED_DAYS * 86_400_000) {
          return (await db.query<WindowCount>(
            `SELECT organisation_id AS "organisationId", kind, source, sum(count)::integer AS count
             FROM signal_rollup_slots WHERE day > $1 AND day < $2 GROUP BY organisation_id, kind, source`,
            [after, before],
          )).rows
        }
        // Kept summed per organisation in the database for the window (migration 005), summed
        // again only when the window moves or one of its days changes: a few thousand short rows,
        // read only when their number differs from the one of those this process keeps (014).
        const known = windowKept?.after === after && windowKept.before === before ? windowKept.generation : '-1'
        const { rows } = await db.query<{ generation: string; organisationId: string | null; counts: Record<string, number> | null }>(
          `SELECT generation::text AS generation, organisation_id AS "organisationId", counts FROM loket_signal_window_since($1::date, $2::date, $3::bigint)`,
          [after, before, known])
        if (windowKept && rows.length === 1 && rows[0]!.generation === known && rows[0]!.organisationId === null) return windowKept.totals
        const totals: WindowCount[] = []
        // A dozen keys ("<kind> <source>") recur in thousands of rows: each split once.
        const keys = new Map<string, [WindowCount['kind'], WindowCount['source']]>()
        for (const { organisationId, counts } of rows) {
          if (organisationId === null || counts === null) continue
          for (const key in counts) {
            const parts = keys.get(key) ?? keys.set(key, key.split(' ') as [WindowCount['kind'], WindowCount['source']]).get(key)!
            totals.push(Object.freeze({ organisationId, kind: parts[0], source: parts[1], count: Number(counts[key]) }))
          }
        }
        Object.freeze(totals)
        if (rows[0]) windowKept = { after, before, generation: rows[0].generation, totals }
        return totals
      },
      async weekly({ from, to, splitAfter, organisationIds }) {
        if (organisationIds.length === 0 || to < from) return []
        // The days before `to` kept summed per week for every organisation (migration 013), and of
        // the organisations this process read, kept here while their number stands (014): a page
        // reads only the sums of organisations it has not shown before. `to` itself (today's: it
        // changes with every registration) is read from its counters and added to its week's sums.
        const pastTo = addDays(to, -1)
        const kept = weeksKept?.from === from && weeksKept.to === pastTo && weeksKept.splitAfter === splitAfter ? weeksKept : undefined
        const ids = [...new Set(organisationIds)]
        const missing = kept ? ids.filter((id) => !kept.byOrganisation.has(id)) : ids
        // One statement: the number and the kept sums (014), then today's counters (marked `today`).
        const { rows } = await db.query<{ generation: string | null; isToday: boolean } & { [K in keyof MomentCount]: MomentCount[K] | null }>(
          `SELECT generation::text AS generation, false AS "isToday", organisation_id AS "organisationId", to_char(first_day, 'YYYY-MM-DD') AS day, kind, source,
             product_area AS "productArea", kb_query AS "kbQuery", count
           FROM loket_signal_weeks_since($1::date, $2::date, $3::date, $4::bigint, $5::text[], $6::text[])
           UNION ALL
           SELECT NULL, true, organisation_id, to_char(day, 'YYYY-MM-DD'), kind, source, product_area, kb_query, sum(count)::integer
           FROM signal_rollup_slots WHERE day = $7::date AND organisation_id = ANY($5::text[]) GROUP BY organisation_id, day, kind, source, product_area, kb_query`,
          [from, pastTo, splitAfter, kept?.generation ?? '-1', ids, missing, to])
        const countOf = (r: (typeof rows)[number]): MomentCount =>
          ({ organisationId: r.organisationId!, day: r.day!, kind: r.kind!, source: r.source!, productArea: r.productArea!, kbQuery: r.kbQuery!, count: r.count! })
        const past = rows.filter((r) => !r.isToday)
        const todays = rows.filter((r) => r.isToday).map(countOf)
        const generation = past.find((r) => r.organisationId === null)!.generation!
        const isKept = kept?.generation === generation
        const byOrganisation = isKept ? kept!.byOrganisation : new Map<string, readonly (readonly [string, MomentCount])[]>()
        if (!isKept) weeksKept = { from, to: pastTo, splitAfter, generation, byOrganisation }
        // Each sum kept under its week, side of `splitAfter` and key (as the embedded store sums them), worked out once.
        const keyOf = (c: MomentCount) => `${groupOf(c.day, splitAfter)}\u0001${c.organisationId}\u0000${c.kind}\u0000${c.source}\u0000${c.productArea}\u0000${c.kbQuery}`
        const read = new Map<string, (readonly [string, MomentCount])[]>((isKept ? missing : ids).map((id) => [id, []]))
        for (const r of past) {
          if (r.organisationId === null) continue
          const c = Object.freeze(countOf(r))
          read.get(c.organisationId)?.push(Object.freeze([keyOf(c), c] as const))
        }
        for (const [id, rows] of read) byOrganisation.set(id, Object.freeze(rows))
        // One sum per organisation, week, side and key: today's counters added to theirs.
        const sums = new Map<string, MomentCount>()
        for (const id of ids) for (const [key, c] of byOrganisation.get(id) ?? []) addTo(sums, key, c)
        for (const c of todays) addTo(sums, keyOf(c), c)
        return [...sums.values()]
      },
      async organisations() {
        // Columns generated from the record (migration 013): no record parsed; none at all, only
        // the number, while the one this process keeps stands (014).
        const known = organisationsKept?.generation ?? '-1'
        // The number first, then the organisations only if it differs (a one-time filter: no scan).
        const { rows } = await db.query<{ generation: string | null } & { [K in keyof SignalOrganisation]: SignalOrganisation[K] | null }>(
          `SELECT g.generation::text AS generation, NULL AS id, NULL AS name, NULL::boolean AS "isFirstClass", 0 AS part, 0::bigint AS seq FROM organisation_generation g
           UNION ALL
           SELECT NULL, o.id, o.name, o.is_first_class, 1, o.seq FROM organisations o WHERE (SELECT generation FROM organisation_generation) <> $1::bigint
           ORDER BY part, seq`, [known])
        if (organisationsKept && rows[0]?.generation === known) return organisationsKept.organisations
        const organisations = Object.freeze(rows.flatMap((r) => r.id === null ? [] : [Object.freeze({ id: r.id, name: r.name!, isFirstClass: r.isFirstClass! })]))
        if (rows[0]?.generation) organisationsKept = { generation: rows[0].generation, organisations }
        return organisations
      },
      async momentsOn(days, { after } = {}) {
        if (days.length === 0) return []
        // The window's first day (a past one, read on every page of signals): its moments are kept
        // while the window's sums stand, which a counter of that day written marks stale (014).
        // Today (by this machine's clock) is never one: asked for the moments later than now.
        if (days.length === 1 && days[0]! < localDate(new Date(), timeZone)) {
          const [day] = days as [string]
          const { rows: [window] } = await db.query<{ generation: string; covers: boolean }>(
            `SELECT generation::text AS generation, is_valid AND after = $1::date AS covers FROM signal_window`, [day])
          if (window?.covers) {
            if (firstDayKept?.day !== day || firstDayKept.generation !== window.generation) {
              firstDayKept = { day, generation: window.generation, moments: Object.freeze((await momentsOf(days, '')).map((m) => Object.freeze(m))) }
            }
            return after ? firstDayKept.moments.filter((m) => m.at > after) : [...firstDayKept.moments]
          }
        }
        const moments = await momentsOf(days, after?.toISOString().slice(0, 19) ?? '')
        return after ? moments.filter((m) => m.at > after) : moments
      },
    },
    changes: {
      subscribe: (listener) => changes.subscribe(listener),
      ready: () => changes.ready(),
    },
    async health() {
      // A write of one row tells whether the database takes writes again (a read would pass on a full disk).
      if (failure) await apart.query(`INSERT INTO rate_counters (key, started_at_ms, count) VALUES ('loket:health-probe', $1, 1) ON CONFLICT (key) DO UPDATE SET started_at_ms = EXCLUDED.started_at_ms`, [Date.now()]).catch(() => undefined)
      return failure ? { ok: false, reason: failure } : { ok: true }
    },
    async close() {
      await changes.close()
      await Promise.all([pool.end(), counterPool.end()])
    },
  }
  return store
}
