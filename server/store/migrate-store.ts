/** Moves a lowdb desk's records into PostgreSQL: all or nothing, and a second run adds nothing. */
import type pg from 'pg'
import { readLowdbTables, TABLES, type Row, type Table } from './lowdb-store.ts'
import { FILL_SEARCH_TEXT_SQL, columnsOf, openPostgresStore, type RecordTable } from './postgres-store.ts'
import { StoreError } from './store.ts'

export interface MigrateStoreOptions {
  /** The lowdb desk's data folder (its DATA_DIR); the desk must be stopped. */
  from: string
  /** postgres://user:password@host:port/database; the migrations are applied first. */
  to: string
  /** The schema to move into; default `public`. Tests give each run its own. */
  schema?: string
}

/** What became of one table's records. */
export interface TableReport {
  /** The table as the Store names it, e.g. `followUps`. */
  table: Table
  /** Records in the data folder. */
  found: number
  /** Records this run stored. */
  added: number
  /** Records whose id was stored already (by an earlier run); left as they are. */
  alreadyThere: number
}

export interface MigrationReport {
  tables: TableReport[]
  /** The number the next new incident gets, e.g. "100043". */
  nextIncidentNumber: string
  /** The number the next new complaint gets, e.g. "K10008". */
  nextComplaintNumber: string
}

/** Each lowdb table's name in SQL. Rate counters live in memory in lowdb: there are none to move. */
const SQL_TABLE = {
  organisations: 'organisations', contacts: 'contacts', staff: 'staff', incidents: 'incidents', messages: 'messages', attachments: 'attachments',
  complaints: 'complaints', followUps: 'follow_ups', consents: 'consents', registrations: 'registrations', signInTokens: 'sign_in_tokens',
  sessions: 'sessions', outbox: 'outbox', audit: 'audit',
} as const satisfies Record<Table, RecordTable>

/** Records per INSERT: few round trips, well under PostgreSQL's 65,535 parameters. */
const BATCH = 500

/**
 * Copies every record of the lowdb desk in `from` into the database at `to`, in one transaction,
 * in the order lowdb stored them; records whose id is there already are left alone. Afterwards
 * the incident and complaint numbers continue after the highest stored one.
 * @example const report = await migrateStore({ from: 'data/', to: process.env.DATABASE_URL! })
 */
export async function migrateStore({ from, to, schema }: MigrateStoreOptions): Promise<MigrationReport> {
  // Read first: a running desk or a wrong folder is refused before the database is touched.
  const records = await readLowdbTables(from)
  const store = await openPostgresStore({ url: to, schema, poolSize: 1 })
  try {
    const client = await store.pool.connect()
    try {
      await client.query('BEGIN')
      const tables: TableReport[] = []
      for (const table of TABLES) {
        const added = await insertAll(client, SQL_TABLE[table], records[table])
        tables.push({ table, found: records[table].length, added, alreadyThere: records[table].length - added })
      }
      // The search text is made from several tables: once all are in.
      await client.query(FILL_SEARCH_TEXT_SQL)
      const nextIncident = await continueAfter(client, 'incident_number', 'incidents')
      const nextComplaint = await continueAfter(client, 'complaint_number', 'complaints')
      await client.query('COMMIT')
      return { tables, nextIncidentNumber: nextIncident, nextComplaintNumber: `K${nextComplaint}` }
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined)
      throw error
    } finally {
      client.release()
    }
  } catch (error) {
    throw error instanceof StoreError ? error : new StoreError(`nothing was moved: ${(error as Error).message}`)
  } finally {
    await store.close()
  }
}

/** Inserts `rows` in order, skipping ids already stored; returns how many were added. */
async function insertAll(client: pg.PoolClient, table: RecordTable, rows: Row[]): Promise<number> {
  let added = 0
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH)
    const names = ['id', ...Object.keys(columnsOf(table, batch[0]!)), 'data']
    const values = batch.flatMap((r) => [r.id, ...Object.values(columnsOf(table, r)), JSON.stringify(r)])
    const tuples = batch.map((_, i) => `(${names.map((__, j) => `$${i * names.length + j + 1}`).join(', ')})`)
    try {
      // VALUES rows are inserted in the order given, so `seq` keeps lowdb's order.
      const done = await client.query(`INSERT INTO ${table} (${names.join(', ')}) VALUES ${tuples.join(', ')} ON CONFLICT (id) DO NOTHING`, values)
      added += done.rowCount ?? 0
    } catch (error) {
      const { code, detail } = error as { code?: string; detail?: string }
      // Another record with this number, token or event key: the database has records of its own.
      if (code === '23505') {
        throw new StoreError(`nothing was moved: ${table}: ${detail ?? (error as Error).message} Move the desk into a database no desk has written to yet.`)
      }
      throw new StoreError(`nothing was moved: ${table}: ${(error as Error).message}`)
    }
  }
  return added
}

/** Moves `sequence` on past the highest number in `table`, unless it is further already; returns the next number. */
async function continueAfter(client: pg.PoolClient, sequence: string, table: RecordTable): Promise<string> {
  // The last number handed out is last_value, or one before it while the sequence is unused.
  const { rows: [row] } = await client.query<{ next: string }>(
    `SELECT setval('${sequence}', greatest((SELECT max(number) FROM ${table}), last_value - CASE WHEN is_called THEN 0 ELSE 1 END)) + 1 AS next FROM ${sequence}`,
  )
  return String(row!.next)
}
