/**
 * The Store in PostgreSQL, for a desk that runs several API processes on one database. Records are
 * kept whole as JSON beside the columns they are looked up by; what must be decided once across
 * processes is decided by the database: numbers by sequences, changes by their version in the
 * UPDATE's WHERE, single-use tokens by DELETE … RETURNING, due mails by FOR UPDATE SKIP LOCKED,
 * rate limits by one upsert per hit.
 */
import { randomUUID } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import pg from 'pg'
import type {
  Attachment, AuditEntry, Complaint, ConsentRecord, Contact, FollowUp, Incident, Message, PendingRegistration, Session, SignInToken, Staff,
} from '../domain/records.ts'
import { INCIDENT_STATUSES } from '../domain/records.ts'
import type { MailRecord } from '../mail/types.ts'
import { CURSOR_SHAPES, decodeCursor, encodeCursor } from './cursor.ts'
import { queueKeyOf } from './incident-index.ts'
import { headText, isInternalText, parseQuery } from './search-text.ts'
import {
  StorageUnavailableError, StoreError, TOTAL_CAP, VersionConflictError, type IncidentFilter, type IncidentSearch, type Page, type QueueSearch, type Store,
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
}

/** The PostgreSQL store, with what only it can do beside the Store. */
export interface PostgresStore extends Store {
  /** Runs `task` while no other process holding the same lock name runs one: e.g. adding the demo data once. */
  exclusive<T>(name: string, task: () => Promise<T>): Promise<T>
  /** The pool, for tools that move data in bulk (migrate-store) and for tests. */
  readonly pool: pg.Pool
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
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new StoreError(`schema "${schema}": use lower-case letters, digits and _`)
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10, idleTimeoutMillis: options.idleMs ?? 10_000, options: `-c search_path=${schema}` })
  // An idle connection the server dropped must not take the process down.
  pool.on('error', (error) => console.error(`[loket] PostgreSQL: ${error.message}`))
  try {
    await migrate(pool, schema)
  } catch (error) {
    await pool.end().catch(() => undefined)
    throw new StoreError(`PostgreSQL at ${redactUrl(options.url)}: ${(error as Error).message}`)
  }
  return buildStore(pool)
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
  complaints: (c: Complaint) => ({ number: c.number.slice(1), organisation_id: c.organisationId, contact_id: c.contactId, version: c.version }),
  follow_ups: (f: FollowUp) => ({ organisation_id: f.organisationId, at: f.at }),
  consents: (r: ConsentRecord) => ({ kind: r.kind, organisation_id: r.organisationId, incident_id: 'incidentId' in r ? r.incidentId : null, created_at: r.createdAt, version: r.version }),
  registrations: (r: PendingRegistration) => ({ token_hash: r.tokenHash }),
  sign_in_tokens: (t: SignInToken) => ({ token_hash: t.tokenHash }),
  sessions: (s: Session) => ({ token_hash: s.tokenHash, subject_kind: s.subject.kind, subject_id: s.subject.id }),
  outbox: (m: MailRecord) => ({ event_key: m.eventKey, status: m.status, next_attempt_at: m.nextAttemptAt }),
  audit: (e: AuditEntry) => ({ target: e.target }),
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

function buildStore(pool: pg.Pool): PostgresStore {
  /** Why the last query failed for want of the database; undefined once one succeeds. */
  let failure: string | undefined
  // Every query goes through here: the database out of reach or out of space is a 503, not a 500.
  const db = {
    query: (async (...args: Parameters<pg.Pool['query']>) => {
      try {
        const result = await (pool.query as (...a: unknown[]) => Promise<unknown>).apply(pool, args)
        failure = undefined
        return result
      } catch (error) {
        const reason = unavailability(error)
        if (!reason) throw error
        failure = reason
        throw new StorageUnavailableError(reason, { cause: error })
      }
    }) as unknown as pg.Pool['query'],
  }
  const rows = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => (await db.query<{ data: T }>(sql, params)).rows.map((r) => r.data)
  const one = async <T>(sql: string, params: unknown[] = []): Promise<T | undefined> => (await rows<T>(sql, params))[0]
  /** How many rows `select` gives, counting no further than TOTAL_CAP (null past it): a count that costs no more than a page. */
  const countUpTo = async (select: string, params: unknown[]): Promise<number | null> => {
    const { rows: [row] } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${select} LIMIT ${TOTAL_CAP + 1}) AS upto`, params)
    return row!.n > TOTAL_CAP ? null : row!.n
  }

  /**
   * A change against `expectedVersion`: read, apply, and write only if the version is still the
   * same; a change that lost the race gets the record as it is now.
   */
  async function update<T extends { id: string; version: number }>(table: 'incidents' | 'complaints' | 'consents', id: string, expectedVersion: number, change: (current: T) => T, fixed: (current: T) => Partial<T>): Promise<T> {
    const current = await one<T>(`SELECT data FROM ${table} WHERE id = $1`, [id])
    if (!current) throw new StoreError(`no ${table} record ${id}`)
    if (current.version !== expectedVersion) throw new VersionConflictError(current as never)
    const next = { ...change(structuredClone(current)), ...fixed(current), id, version: current.version + 1 } as T
    const set = Object.entries(columnsOf(table, next))
    const done = await db.query(
      `UPDATE ${table} SET data = $1${set.map(([column], i) => `, ${column} = $${i + 4}`).join('')} WHERE id = $2 AND version = $3`,
      [json(next), id, expectedVersion, ...set.map(([, value]) => value)],
    )
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
    const columns = Object.entries(columnsOf(table, record))
    const names = ['id', ...columns.map(([name]) => name), 'data']
    const values = [record.id, ...columns.map(([, value]) => value), json(record)]
    const conflict = !onConflict ? ''
      : onConflict.then === 'keep' ? ` ON CONFLICT (${onConflict.key}) DO NOTHING`
      : ` ON CONFLICT (${onConflict.key}) DO UPDATE SET ${names.slice(1).map((name) => `${name} = EXCLUDED.${name}`).join(', ')}`
    return db.query<{ data: never }>(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${values.map((_, i) => `$${i + 1}`).join(', ')})${conflict} RETURNING data`, values)
  }
  const put = async <T extends { id: string }>(table: RecordTable, record: T) => {
    await insert(table, record, { key: 'id', then: 'replace' })
  }

  /** Removes and returns the record with this token hash: of two processes taking it at once, one gets it. */
  const take = async <T extends { expiresAt: string }>(table: string, tokenHash: string, now: Date) => {
    const found = await one<T>(`DELETE FROM ${table} WHERE token_hash = $1 RETURNING data`, [tokenHash])
    return found && new Date(found.expiresAt) > now ? found : undefined
  }

  const store: PostgresStore = {
    pool,
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
      get: (id) => one('SELECT data FROM organisations WHERE id = $1', [id]),
      list: () => rows('SELECT data FROM organisations ORDER BY seq'),
      put: (o) => put('organisations', o),
    },
    contacts: {
      get: (id) => one('SELECT data FROM contacts WHERE id = $1', [id]),
      byEmail: (email) => one('SELECT data FROM contacts WHERE email = $1 ORDER BY seq LIMIT 1', [email.toLowerCase()]),
      listByOrganisation: (organisationId) => rows('SELECT data FROM contacts WHERE organisation_id = $1 ORDER BY seq', [organisationId]),
      put: (c) => put('contacts', { ...c, email: c.email.toLowerCase() }),
    },
    staff: {
      get: (id) => one('SELECT data FROM staff WHERE id = $1', [id]),
      byEmail: (email) => one('SELECT data FROM staff WHERE email = $1 ORDER BY seq LIMIT 1', [email.toLowerCase()]),
      list: () => rows('SELECT data FROM staff ORDER BY seq'),
      put: (s) => put('staff', { ...s, email: s.email.toLowerCase() }),
    },
    incidents: {
      async create(draft) {
        const { rows: [next] } = await db.query<{ number: string }>(`SELECT nextval('incident_number') AS number`)
        const incident: Incident = { ...draft, id: randomUUID(), number: String(next!.number), version: 1 }
        // The search text with the requester's and organisation's names, read in the same statement.
        const columns = Object.entries(columnsOf('incidents', incident))
        const values = [incident.id, ...columns.map(([, value]) => value), json(incident), headText(incident, {}), incident.contactId, incident.organisationId]
        const n = values.length
        await db.query(
          `INSERT INTO incidents (id, ${columns.map(([name]) => name).join(', ')}, data, search_text)
           VALUES (${values.slice(0, n - 3).map((_, i) => `$${i + 1}`).join(', ')},
             concat_ws(E'\n', $${n - 2}::text, (SELECT data->>'name' FROM contacts WHERE id = $${n - 1}::text), (SELECT data->>'name' FROM organisations WHERE id = $${n}::text)))`,
          values,
        )
        return incident
      },
      get: (id) => one('SELECT data FROM incidents WHERE id = $1', [id]),
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
        // The planner cannot tell a rare word from a common one: the count (by the GIN indexes) tells.
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
      update: (id, expectedVersion, change) => update<Incident>('incidents', id, expectedVersion, change, (current) => ({ number: current.number })),
      count: async () => Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM incidents')).rows[0]!.n),
    },
    messages: {
      async add(m) {
        // Stored, and its words added to its incident's search text, in one statement; a message stored again adds none.
        const column = isInternalText(m) ? 'internal_text' : 'search_text'
        await db.query(
          `WITH added AS (
             INSERT INTO messages (id, incident_id, at, data) VALUES ($1, $2, $3, $4)
             ON CONFLICT (id) DO UPDATE SET incident_id = EXCLUDED.incident_id, at = EXCLUDED.at, data = EXCLUDED.data
             RETURNING incident_id, (xmax = 0) AS is_new
           )
           UPDATE incidents SET ${column} = concat_ws(E'\n', nullif(${column}, ''), $5::text) FROM added WHERE added.is_new AND incidents.id = added.incident_id`,
          [m.id, m.incidentId, m.at, json(m), m.text],
        )
      },
      listByIncident: (incidentId) => rows('SELECT data FROM messages WHERE incident_id = $1 ORDER BY at, seq', [incidentId]),
    },
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
      update: (id, expectedVersion, change) => update<Complaint>('complaints', id, expectedVersion, change, (current) => ({ number: current.number })),
    },
    followUps: {
      add: (f) => put('follow_ups', f),
      listByOrganisation: (organisationId) => rows('SELECT data FROM follow_ups WHERE organisation_id = $1 ORDER BY at DESC, seq', [organisationId]),
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
      put: (t) => put('sign_in_tokens', t),
      take: (hash, now) => take('sign_in_tokens', hash, now),
    },
    sessions: {
      put: (s) => put('sessions', s),
      byTokenHash: (hash) => one('SELECT data FROM sessions WHERE token_hash = $1', [hash]),
      delete: async (id) => {
        await db.query('DELETE FROM sessions WHERE id = $1', [id])
      },
      deleteFor: async (subject) => (await db.query('DELETE FROM sessions WHERE subject_kind = $1 AND subject_id = $2', [subject.kind, subject.id])).rowCount ?? 0,
    },
    outbox: {
      async enqueue(mail) {
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
          `WITH due AS (
             SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= $1 ORDER BY next_attempt_at, seq LIMIT $2 FOR UPDATE SKIP LOCKED
           )
           UPDATE outbox SET next_attempt_at = $3 FROM due WHERE outbox.id = due.id RETURNING outbox.data`,
          [now, limit, claimedUntil],
        )
        return claimed.map((r) => r.data)
      },
      async markSent(id, at) {
        const mail = await one<MailRecord>('SELECT data FROM outbox WHERE id = $1', [id])
        if (!mail) return
        await db.query(`UPDATE outbox SET status = 'sent', data = $2 WHERE id = $1`, [id, json({ ...mail, status: 'sent', sentAt: at.toISOString() })])
      },
      async markFailed(id, error, nextAttemptAt) {
        const mail = await one<MailRecord>('SELECT data FROM outbox WHERE id = $1', [id])
        if (!mail) return
        const failed = { ...mail, attempts: mail.attempts + 1, lastError: error, nextAttemptAt: nextAttemptAt.toISOString() }
        await db.query('UPDATE outbox SET next_attempt_at = $2, data = $3 WHERE id = $1', [id, nextAttemptAt, json(failed)])
      },
      async markUndeliverable(id, error, at) {
        const mail = await one<MailRecord>('SELECT data FROM outbox WHERE id = $1', [id])
        if (!mail) return
        const failed = { ...mail, status: 'failed', attempts: mail.attempts + 1, lastError: error, failedAt: at.toISOString() }
        await pool.query(`UPDATE outbox SET status = 'failed', data = $2 WHERE id = $1`, [id, json(failed)])
      },
      list: () => rows('SELECT data FROM outbox ORDER BY seq'),
    },
    rateCounters: {
      async hit(key, windowMs, now) {
        const at = now.getTime()
        // One statement per hit: a window that ran out restarts at 1, else it counts on; concurrent hits queue on the row.
        const { rows: [window] } = await db.query<{ count: number; started_at_ms: string }>(
          `INSERT INTO rate_counters (key, started_at_ms, count) VALUES ($1, $2, 1)
           ON CONFLICT (key) DO UPDATE SET
             count = CASE WHEN rate_counters.started_at_ms <= $2 - $3 THEN 1 ELSE rate_counters.count + 1 END,
             started_at_ms = CASE WHEN rate_counters.started_at_ms <= $2 - $3 THEN $2 ELSE rate_counters.started_at_ms END
           RETURNING count, started_at_ms`,
          [key, at, windowMs],
        )
        if (Math.random() < 0.001) await db.query('DELETE FROM rate_counters WHERE started_at_ms < $1', [at - COUNTER_SWEEP_MS])
        return { count: window!.count, startedAt: new Date(Number(window!.started_at_ms)) }
      },
      async peek(key, windowMs, now) {
        const { rows: [window] } = await db.query<{ count: number; started_at_ms: string }>(
          'SELECT count, started_at_ms FROM rate_counters WHERE key = $1 AND started_at_ms > $2',
          [key, now.getTime() - windowMs],
        )
        return window ? { count: window.count, startedAt: new Date(Number(window.started_at_ms)) } : undefined
      },
    },
    audit: {
      append: async (entry) => {
        await insert('audit', entry, { key: 'id', then: 'keep' })
      },
      listFor: (target) => rows('SELECT data FROM audit WHERE target = $1 ORDER BY seq', [target]),
    },
    async health() {
      // A write of one row tells whether the database takes writes again (a read would pass on a full disk).
      if (failure) await db.query(`INSERT INTO rate_counters (key, started_at_ms, count) VALUES ('loket:health-probe', $1, 1) ON CONFLICT (key) DO UPDATE SET started_at_ms = EXCLUDED.started_at_ms`, [Date.now()]).catch(() => undefined)
      return failure ? { ok: false, reason: failure } : { ok: true }
    },
    async close() {
      await pool.end()
    },
  }
  return store
}
