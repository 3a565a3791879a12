/** Moves a lowdb desk into PostgreSQL: its records all or nothing, then its attachments' contents and KB insight log; a second run adds nothing. */
import { createReadStream } from 'node:fs'
import { join } from 'node:path'
import type pg from 'pg'
import { loadDesk } from '../desk.ts'
import type { KbInsight } from '../domain/kb-insight.ts'
import { appendLog } from './append-log.ts'
import { folderAttachmentFiles } from './attachment-files.ts'
import { readLowdbTables, TABLES, type Row, type Table } from './lowdb-store.ts'
import { logRecordId, recordStatement } from './postgres-insight.ts'
import { FILL_SEARCH_TEXT_SQL, columnsOf, openPostgresStore, type PostgresStore, type RecordTable } from './postgres-store.ts'
import { StoreError } from './store.ts'

export interface MigrateStoreOptions {
  /** The lowdb desk's data folder (its DATA_DIR); the desk must be stopped. */
  from: string
  /** postgres://user:password@host:port/database; the migrations are applied first. */
  to: string
  /** The schema to move into; default `public`. Tests give each run its own. */
  schema?: string
  /** The desk's time zone, which KB insight is counted per day in; default the desk file's (DESK_FILE or content/desk.yaml). */
  timeZone?: string
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

/** What became of the items of the data folder beside the records: attachments' contents, KB insight records. */
export interface ItemsReport {
  /** Items in the data folder: files the attachment records name, lines of the insight log. */
  found: number
  /** Items this run stored. */
  added: number
  /** Items stored already (by an earlier run); left as they are. */
  alreadyThere: number
}

export interface MigrationReport {
  tables: TableReport[]
  /** The attachments' contents, moved into chunks; `missing`: the `storedAs` of records whose file is not in the folder. */
  files: ItemsReport & { missing: string[]; bytes: number }
  /** The KB insight log (kb-insight.jsonl), each line moved once and counted. */
  insight: ItemsReport
  /** The number the next new incident gets, e.g. "100043". */
  nextIncidentNumber: string
  /** The number the next new complaint gets, e.g. "K10008". */
  nextComplaintNumber: string
}

/** Each lowdb table's name in SQL. Rate counters live in memory in lowdb: there are none to move. */
const SQL_TABLE = {
  organisations: 'organisations', contacts: 'contacts', staff: 'staff', incidents: 'incidents', messages: 'messages', attachments: 'attachments',
  complaints: 'complaints', followUps: 'follow_ups', consents: 'consents', registrations: 'registrations', signInTokens: 'sign_in_tokens',
  sessions: 'sessions', outbox: 'outbox', audit: 'audit', notifications: 'notifications', unreadReactions: 'unread_reactions', deskNotices: 'desk_notices', savedReplies: 'saved_replies', refusedOrigins: 'refused_origins',
} as const satisfies Record<Table, RecordTable>

/** Records per INSERT: few round trips, well under PostgreSQL's 65,535 parameters. */
const BATCH = 500

/**
 * Copies every record of the lowdb desk in `from` into the database at `to`, in one transaction,
 * in the order lowdb stored them; records whose id is there already are left alone. Afterwards
 * the incident and complaint numbers continue after the highest stored one. Then, each outside
 * any transaction (a file streams in chunk by chunk), the attachments' contents and the KB
 * insight log: what is there already is left alone, so a run that stopped halfway is run again.
 * @example const report = await migrateStore({ from: 'data/', to: process.env.DATABASE_URL! })
 */
export async function migrateStore({ from, to, schema, timeZone }: MigrateStoreOptions): Promise<MigrationReport> {
  // Read first: a running desk or a wrong folder is refused before the database is touched.
  const records = await readLowdbTables(from)
  const store = await openPostgresStore({ url: to, schema, poolSize: 1 })
  try {
    const client = await store.pool.connect()
    let moved: Pick<MigrationReport, 'tables' | 'nextIncidentNumber' | 'nextComplaintNumber'>
    try {
      await client.query('BEGIN')
      const tables: TableReport[] = []
      for (const table of TABLES) {
        const added = await insertAll(client, SQL_TABLE[table], records[table])
        tables.push({ table, found: records[table].length, added, alreadyThere: records[table].length - added })
      }
      // The search text is made from several tables: once all are in.
      await client.query(FILL_SEARCH_TEXT_SQL)
      // The records came in beside the store's writes: their contact moments are counted afresh, in the counters' time zone.
      await client.query('SELECT loket_fill_signal_rollups((SELECT time_zone FROM signal_rollup_zone))')
      const nextIncident = await continueAfter(client, 'incident_number', 'incidents')
      const nextComplaint = await continueAfter(client, 'complaint_number', 'complaints')
      await client.query('COMMIT')
      moved = { tables, nextIncidentNumber: nextIncident, nextComplaintNumber: `K${nextComplaint}` }
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined)
      throw error
    } finally {
      client.release()
    }
    // After the records' transaction, never inside one: a file streams in over many statements.
    const files = await moveFiles(store, from, records.attachments)
    const insight = await moveInsight(store, from, timeZone ?? loadDesk(process.env.DESK_FILE).timeZone)
    return { ...moved, files, insight }
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

/**
 * Streams each attachment's file into the database, unless contents of its size are there already;
 * a record whose file is gone is reported, not moved (its download answered 404 before too).
 */
async function moveFiles(store: PostgresStore, from: string, attachments: Row[]): Promise<MigrationReport['files']> {
  const folder = folderAttachmentFiles(from)
  const report = { found: 0, added: 0, alreadyThere: 0, missing: [] as string[], bytes: 0 }
  for (const attachment of attachments) {
    const storedAs = String(attachment.storedAs)
    const size = await folder.size(storedAs)
    if (size === undefined) {
      report.missing.push(storedAs)
      continue
    }
    report.found++
    if (await store.attachmentFiles.size(storedAs) === size) {
      report.alreadyThere++
      continue
    }
    try {
      report.bytes += await store.attachmentFiles.write(storedAs, createReadStream(join(from, storedAs), { highWaterMark: 256 * 1024 }))
    } catch (error) {
      throw new StoreError(`the records were moved, attachment ${storedAs} was not: ${(error as Error).message}. Run it again to move the rest.`)
    }
    report.added++
  }
  return report
}

/** Moves the KB insight log line by line, each under its line's id and counted in the same statement: a line moved before is not counted again. */
async function moveInsight(store: PostgresStore, from: string, timeZone: string): Promise<ItemsReport> {
  const log = appendLog<KbInsight>(join(from, 'kb-insight.jsonl'))
  const records = await log.readAll()
  await log.close()
  const moved = async () => Number((await store.query<{ n: string }>(`SELECT count(*) AS n FROM kb_insight WHERE id LIKE 'log:%'`)).rows[0]!.n)
  const before = await moved()
  for (const [i, record] of records.entries()) {
    const { text, values } = recordStatement(record, logRecordId(i), timeZone)
    try {
      await store.query(store.prepare(text), values)
    } catch (error) {
      throw new StoreError(`the records and attachments were moved, the KB insight log up to line ${i}: ${(error as Error).message}. Run it again to move the rest.`)
    }
  }
  const added = (await moved()) - before
  return { found: records.length, added, alreadyThere: records.length - added }
}
