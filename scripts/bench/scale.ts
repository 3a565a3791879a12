/**
 * Scale benchmark: the lists, searches and reports a desk reads most, with a desk's history of
 * `size` incidents on the embedded store and on PostgreSQL, seeded in bulk (the embedded store's
 * snapshot file written directly, PostgreSQL filled with set-based INSERTs), then the real server
 * measured one request at a time (p50, p99, bytes), and registrations per second under load.
 */
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes, randomUUID } from 'node:crypto'
import pg from 'pg'
import type { Contact, Message } from '#domain/records.ts'
import { hashToken, newToken } from '../../server/auth/tokens.ts'
import { loadDesk } from '../../server/desk.ts'
import { SESSION_COOKIE } from '../../server/middleware/session/index.ts'
import { seedDemo } from '../../server/seed.ts'
import { HEADER_BYTES, headerLine } from '../../server/store/journal.ts'
import { openLowdbStore, storeFiles, TABLES, type Row } from '../../server/store/lowdb-store.ts'
import { columnsOf, openPostgresStore, type PostgresStore, type RecordTable } from '../../server/store/postgres-store.ts'
import { logRecordId, recordStatement } from '../../server/store/postgres-insight.ts'
import type { Store } from '../../server/store/store.ts'
import { load, registrationBody, startServer, stopServer, waitUntilHealthy, WARM_UP_SECONDS, type LoadFigures } from './api.ts'
import { admin, BENCH_DATABASE_URL } from './postgres.ts'
import { customers, FIRST_NUMBER, history, insightEvents, type HistoryItem } from './scale-data.ts'
import { median, percentile } from './stats.ts'
import { freePort } from '../free-port.ts'

export type ScaleStore = 'embedded' | 'PostgreSQL'

/** One call as measured: latency of its answers one at a time, and the answer's size. */
export interface CallFigures {
  call: string
  p50Ms: number
  p99Ms: number
  /** Bytes of the body, uncompressed (no Accept-Encoding sent). */
  bytes: number
  samples: number
  /** Why a figure is missing or means something else, e.g. "no cursor in the reply". */
  note?: string
}

export interface ScaleRun {
  store: ScaleStore
  stored: number
  /** Writing the history (snapshot file or bulk SQL), indexes and statistics included. */
  seedMs: number
  /** From spawning the server to its first healthy answer. */
  startUpMs: number
  calls: CallFigures[]
  registrations: LoadFigures
  /** The server's resident memory after the reads, and its peak (Linux). */
  memory?: { rssBytes: number; peakBytes: number }
}

export interface ScaleOptions {
  /** Samples per call (sequential requests); default 100, fewer when a call's time budget runs out. */
  samples?: number
  /** Time budget per call; default 10 s (at least 5 samples are taken). */
  callSeconds?: number
  /** Length of the registrations' load; default 8 s, with `connections` connections (default 20). */
  seconds?: number
  connections?: number
  /** KB insight events in the log; default one per incident, at most 200,000. */
  insightEvents?: number
  /** Whether to measure the read calls; default yes (no: registrations only). */
  reads?: boolean
  /** How long one request may take before the call is given up on; default 60 s. */
  timeoutSeconds?: number
}

/** History items per bulk step: built while the previous batch is inserted. */
const BATCH = 5_000
/** A word of the desk's Dutch texts; its stem also matches "factuur" (and English "invoices" does not). */
export const SEARCH_WORD = 'facturen'

/** The people the bench acts as: a customer admin (portal list), an employee (registrations), an admin of the desk (queue, search, signals, insight). */
interface Sessions { admin: string; employee: string; staff: string; employeeContact: Contact }

/** Seeds a desk of `size` incidents on `store`, starts the server on it, and measures. */
export async function benchScale(store: ScaleStore, size: number, options: ScaleOptions = {}): Promise<ScaleRun> {
  const work = mkdtempSync(join(tmpdir(), `loket-bench-scale-${store === 'embedded' ? 'lowdb' : 'pg'}-${size}-`))
  const dataDir = join(work, 'data')
  mkdirSync(dataDir, { recursive: true })
  let dropDatabase: (() => Promise<void>) | undefined
  try {
    const started = performance.now()
    const env: Record<string, string> = { DATA_DIR: dataDir, SITE_DIR: join(work, 'no-site') }
    let sessions: Sessions
    if (store === 'embedded') {
      sessions = await seedEmbedded(dataDir, size)
    } else {
      const database = `loket_scale_${randomBytes(4).toString('hex')}`
      const url = Object.assign(new URL(BENCH_DATABASE_URL), { pathname: `/${database}` }).toString()
      await admin(BENCH_DATABASE_URL, `CREATE DATABASE ${database}`)
      dropDatabase = () => admin(BENCH_DATABASE_URL, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
      sessions = await seedPostgres(url, size)
      env.DATABASE_URL = url
    }
    const insightCount = options.insightEvents ?? Math.min(size, 200_000)
    // The server reads insight from the log in DATA_DIR on the embedded store, from the kb_* tables on PostgreSQL.
    if (env.DATABASE_URL) await seedPostgresInsight(env.DATABASE_URL, insightCount)
    else writeInsight(join(dataDir, 'kb-insight.jsonl'), insightCount)
    const seedMs = performance.now() - started
    console.log(`[bench]   ${store}: ${size.toLocaleString('en')} incidents seeded in ${(seedMs / 1000).toFixed(1)} s`)
    return { ...(await measure(work, env, size, sessions, options)), store, stored: size, seedMs }
  } finally {
    await dropDatabase?.().catch((error) => console.log(`[bench] could not drop the database: ${(error as Error).message}`))
    if (process.env.BENCH_KEEP) console.log(`[bench] kept ${work}`)
    else rmSync(work, { recursive: true, force: true })
  }
}

/** The sessions the bench signs in with, stored in `store` as signing in would. */
async function signInAll(store: Store, demoContacts: Contact[]): Promise<Sessions> {
  const session = async (kind: 'contact' | 'staff', id: string) => {
    const token = newToken()
    const now = Date.now()
    await store.sessions.put({ id: randomUUID(), tokenHash: hashToken(token), subject: { kind, id }, createdAt: new Date(now).toISOString(), expiresAt: new Date(now + 86_400_000).toISOString() })
    return `${SESSION_COOKIE}=${token}`
  }
  return {
    admin: await session('contact', 'c-jansen-admin'), employee: await session('contact', 'c-jansen-emp'), staff: await session('staff', 's-admin'),
    employeeContact: demoContacts.find((c) => c.id === 'c-jansen-emp')!,
  }
}

/** The desk's customers and its history generator, over the demo desk's contacts. */
function deskOf(size: number, demoContacts: Contact[]) {
  const { organisations, contacts } = customers(size)
  return { organisations, contacts, ...history(size, { desk: loadDesk(), now: new Date(), demoContacts, organisations, contacts }) }
}

/**
 * The embedded store: the demo desk made by the store itself in a scratch folder, then one
 * snapshot with every record written straight into the data folder, beside an empty journal
 * (nothing to replay or fold at start).
 */
async function seedEmbedded(dataDir: string, size: number): Promise<Sessions> {
  const scratch = mkdtempSync(join(tmpdir(), 'loket-bench-demo-'))
  let demo: Record<string, Row[]>
  let sessions: Sessions
  try {
    const store = await openLowdbStore({ dir: scratch })
    await seedDemo(store)
    const demoContacts = (await Promise.all((await store.organisations.list()).map((o) => store.contacts.listByOrganisation(o.id)))).flat()
    sessions = await signInAll(store, demoContacts)
    demo = store.dump()
    await store.close()
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
  const desk = deskOf(size, demo.contacts as Contact[])
  const paths = storeFiles(dataDir)
  mkdirSync(paths.folder, { recursive: true })
  const file = openSync(paths.snapshot, 'w')
  try {
    const write = (text: string) => writeSync(file, text)
    /** Writes a table's rows as a JSON array, `rows` yielding them in batches. */
    const table = (name: string, batches: Iterable<object[]>, isFirst = false) => {
      write(`${isFirst ? '' : ','}${JSON.stringify(name)}:[`)
      let isEmpty = true
      for (const batch of batches) {
        if (batch.length === 0) continue
        write(`${isEmpty ? '' : ','}${batch.map((r) => JSON.stringify(r)).join(',')}`)
        isEmpty = false
      }
      write(']')
    }
    write('{"format":2,"seq":0,"tables":{')
    const extra: Record<string, object[]> = { organisations: desk.organisations, contacts: desk.contacts }
    // Incidents and their messages come from one pass over the history: messages are kept aside meanwhile.
    const messages: Message[] = []
    function* incidents() {
      for (let done = 0; done < size; done += BATCH) {
        const items = Array.from({ length: Math.min(BATCH, size - done) }, (_, k) => desk.item(done + k))
        for (const item of items) messages.push(...item.messages)
        yield items.map((item) => item.incident)
      }
    }
    TABLES.forEach((name, k) => {
      if (name === 'incidents') table(name, incidents(), k === 0)
      else if (name === 'messages') table(name, [demo[name] ?? [], messages], k === 0)
      else table(name, [demo[name] ?? [], extra[name] ?? []], k === 0)
    })
    write('}}')
  } finally {
    closeSync(file)
  }
  writeFileSync(paths.journal, headerLine({ base: 0, ackedSeq: 0, ackedBytes: HEADER_BYTES }))
  return sessions
}

/**
 * PostgreSQL: the store's own migrations and demo desk, then every record in bulk, a batch per
 * INSERT … SELECT FROM json_populate_recordset, in the columns the store writes (its
 * `columnsOf`) and the search text of the contract where the schema has it; then the signal
 * counters filled from the rows (when the schema keeps them) and the statistics updated.
 */
async function seedPostgres(url: string, size: number): Promise<Sessions> {
  const store = await openPostgresStore({ url, poolSize: 4 })
  try {
    await seedDemo(store)
    const demoContacts = (await Promise.all((await store.organisations.list()).map((o) => store.contacts.listByOrganisation(o.id)))).flat()
    const sessions = await signInAll(store, demoContacts)
    const desk = deskOf(size, demoContacts)
    const insert = bulkInserter(store)
    await insert('organisations', desk.organisations)
    await insert('contacts', desk.contacts)
    // As a bulk load does: the indexes of the big tables built once after it, not row by row.
    const { rows: indexes } = await store.pool.query<{ name: string; definition: string }>(
      `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
       WHERE i.schemaname = current_schema() AND i.tablename IN ('incidents', 'messages')
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = to_regclass(quote_ident(i.schemaname) || '.' || quote_ident(i.indexname)))`)
    for (const index of indexes) await store.pool.query(`DROP INDEX ${index.name}`)
    let inserting: Promise<unknown> = Promise.resolve()
    for (let done = 0; done < size; done += BATCH) {
      const items: HistoryItem[] = Array.from({ length: Math.min(BATCH, size - done) }, (_, k) => desk.item(done + k))
      await inserting
      inserting = Promise.all([
        insert('incidents', items.map((item) => item.incident), (r, k) => ({ search_text: items[k]!.searchText, internal_text: items[k]!.internalText })),
        insert('messages', items.flatMap((item) => item.messages)),
      ])
    }
    await inserting
    for (const index of indexes) await store.pool.query(`SET maintenance_work_mem = '256MB'; ${index.definition}`)
    await store.pool.query(`SELECT setval('incident_number', $1)`, [FIRST_NUMBER + size - 1])
    const { rows: [rollups] } = await store.pool.query<{ present: boolean }>(`SELECT to_regproc('loket_fill_signal_rollups') IS NOT NULL AS present`)
    if (rollups?.present) await store.pool.query('SELECT loket_fill_signal_rollups($1)', [loadDesk().timeZone])
    await store.pool.query('VACUUM ANALYZE')
    await store.pool.query('CHECKPOINT')
    return sessions
  } finally {
    await store.close()
  }
}

/** Inserts records into a table in one statement, in the store's columns and any of `extra` the table has. */
function bulkInserter(store: PostgresStore) {
  const known = new Map<string, Set<string>>()
  const columnsIn = async (table: string) => {
    let columns = known.get(table)
    if (!columns) {
      const { rows } = await store.pool.query<{ name: string }>(
        `SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER'`, [table])
      columns = new Set(rows.map((r) => r.name))
      known.set(table, columns)
    }
    return columns
  }
  return async <T extends { id: string }>(table: RecordTable, records: T[], extra?: (record: T, k: number) => Record<string, unknown>) => {
    if (records.length === 0) return
    const columns = await columnsIn(table)
    const rows = records.map((record, k) => {
      const row: Record<string, unknown> = { id: record.id, ...columnsOf(table, record), ...extra?.(record, k), data: record }
      for (const name of Object.keys(row)) if (!columns.has(name)) delete row[name]
      return row
    })
    const names = Object.keys(rows[0]!).join(', ')
    await store.pool.query(`INSERT INTO ${table} (${names}) SELECT ${names} FROM json_populate_recordset(NULL::${table}, $1)`, [JSON.stringify(rows)])
  }
}

/**
 * KB insight on PostgreSQL: each event kept and counted by the statement migrate-store moves a log
 * line with (`recordStatement`), so the counters are the ones the server keeps. Four connections
 * at once, each with its own visits, in the log's order within a visit (a visit's last search
 * matters to the incident after it).
 */
async function seedPostgresInsight(url: string, count: number): Promise<void> {
  const STREAMS = 4
  const pool = new pg.Pool({ connectionString: url, max: STREAMS })
  try {
    const timeZone = loadDesk().timeZone
    const streams: [string, unknown[]][][] = Array.from({ length: STREAMS }, () => [])
    let i = 0
    for (const event of insightEvents(count, new Date())) {
      const { text, values } = recordStatement(event, logRecordId(i++), timeZone)
      streams['session' in event ? Number.parseInt(event.session.slice(1), 36) % STREAMS : 0]!.push([text, values])
    }
    // Named, as the server sends them: each connection plans the few texts once.
    const names = new Map<string, string>()
    await Promise.all(streams.map(async (statements) => {
      for (const [text, values] of statements) {
        if (!names.has(text)) names.set(text, `insight_${names.size + 1}`)
        await pool.query({ name: names.get(text), text, values })
      }
    }))
    await pool.query('VACUUM ANALYZE')
  } finally {
    await pool.end()
  }
}

/** The KB insight log the server reads from its data folder: `count` events over the last year. */
function writeInsight(file: string, count: number): void {
  const out = openSync(file, 'w')
  try {
    let lines: string[] = []
    for (const event of insightEvents(count, new Date())) {
      lines.push(JSON.stringify(event))
      if (lines.length === 10_000) {
        writeSync(out, `${lines.join('\n')}\n`)
        lines = []
      }
    }
    if (lines.length) writeSync(out, `${lines.join('\n')}\n`)
  } finally {
    closeSync(out)
  }
}

/** Starts the server on the seeded store and measures every call, its memory, then registrations. */
async function measure(work: string, env: Record<string, string>, size: number, sessions: Sessions, options: ScaleOptions) {
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const logFile = join(work, 'server.log')
  const started = performance.now()
  const server = startServer(logFile, { ...env, PORT: String(port), HOST: '127.0.0.1' })
  const agent = new Agent({ keepAlive: true, maxSockets: 1 })
  try {
    await waitUntilHealthy(base, server, logFile)
    const startUpMs = performance.now() - started
    const get = (path: string, cookie: string) => fetchOnce(agent, `${base}${path}`, cookie, (options.timeoutSeconds ?? 60) * 1000)
    const calls = options.reads === false ? [] : await readCalls(get, sessions, size, options)
    const memory = memoryOf(server.pid)

    const registration = {
      url: `${base}/api/incidents`, method: 'POST' as const, expect: 201,
      headers: { cookie: sessions.employee, 'content-type': 'application/json' },
      body: JSON.stringify(registrationBody(sessions.employeeContact)),
    }
    const connections = options.connections ?? 20
    await load({ ...registration, seconds: WARM_UP_SECONDS, connections })
    const registrations = await load({ ...registration, seconds: options.seconds ?? 8, connections })
    return { startUpMs, calls, registrations, ...(memory ? { memory } : {}) }
  } finally {
    agent.destroy()
    await stopServer(server)
  }
}

type Get = (path: string, cookie: string) => Promise<{ status: number; body: string; bytes: number; ms: number }>

/**
 * The reads of the contract, each as its caller makes it: a customer admin's portal list (first
 * page, and the fifth by its cursor), staff's queue, a search by number and by a word, the
 * signals (the flagged ones, and every organisation) and the KB insight. A route that refuses `limit` (paging not built) is measured without it.
 */
async function readCalls(get: Get, sessions: Sessions, size: number, options: ScaleOptions): Promise<CallFigures[]> {
  const calls: CallFigures[] = []
  const timed = async (call: string, path: string, cookie: string, note?: string) => {
    let asked = path
    const notes = [note]
    let probe
    try {
      probe = await get(path, cookie)
    } catch (error) {
      if (!(error instanceof TimedOut)) throw error
      calls.push({ call, p50Ms: NaN, p99Ms: NaN, bytes: 0, samples: 0, note: [note, error.message].filter(Boolean).join('; ') })
      await new Promise((resolve) => setTimeout(resolve, 30_000))
      return
    }
    if (probe.status === 400 && /[?&]limit=/.test(path)) {
      asked = path.replace(/([?&])limit=\d+&?/, '$1').replace(/[?&]$/, '')
      notes.push('`limit` refused (paging not built): asked without it')
    }
    calls.push(await sample(call, () => get(asked, cookie), options, notes.filter(Boolean).join('; ') || undefined))
  }
  await timed('portal list, first page (customer admin)', '/api/incidents?limit=50', sessions.admin)
  // A later page: the fifth, reached by following `next` from the first.
  let path = '/api/incidents?limit=50'
  let note: string | undefined
  for (let page = 1; page < 5; page++) {
    const reply = JSON.parse((await get(path, sessions.admin)).body) as { next?: string | null }
    if (!reply.next) {
      note = reply.next === null ? `the list ended after page ${page}` : 'no cursor in the reply (paging not built): the first page again'
      break
    }
    path = `/api/incidents?limit=50&cursor=${encodeURIComponent(reply.next)}`
  }
  await timed('portal list, page 5 (cursor)', path, sessions.admin, note)
  await timed('staff queue, first page', '/api/staff/queue?limit=50', sessions.staff)
  await timed('search by number (staff)', `/api/incidents?q=${FIRST_NUMBER + Math.floor(size / 2)}&limit=50`, sessions.staff)
  await timed(`word search "${SEARCH_WORD}" (staff)`, `/api/incidents?q=${encodeURIComponent(SEARCH_WORD)}&limit=50`, sessions.staff)
  await timed('signals', '/api/signals?limit=50', sessions.staff)
  // The flagged ones fill a page only on a busy desk (1 at 10,000, 50 of 134 at 1,000,000): every
  // organisation fills it at any size, so this page compares like with like.
  await timed('signals, every organisation', '/api/signals?all=1&limit=50', sessions.staff)
  await timed('KB insight (12 weeks)', '/api/kb/insight', sessions.staff)
  return calls
}

/** GETs `url` once on `agent`'s connection: status, body, bytes, and the time to the body's last byte. */
function fetchOnce(agent: Agent, url: string, cookie: string, timeoutMs: number): Promise<{ status: number; body: string; bytes: number; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const req = request(url, { agent, headers: { cookie } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => {
        const body = Buffer.concat(chunks)
        resolve({ status: res.statusCode ?? 0, body: body.toString('utf8'), bytes: body.length, ms: performance.now() - started })
      })
      res.on('error', reject)
    })
    req.on('error', reject)
    req.setTimeout(timeoutMs, () => req.destroy(new TimedOut(`no answer within ${timeoutMs / 1000} s`)))
    req.end()
  })
}

/** A request that took longer than the bench waits. */
class TimedOut extends Error {}

/**
 * Two warm-up requests, then up to `samples` timed ones within the call's time budget (at least 5,
 * unless one alone takes longer than the budget: then the warm-up's time is all there is). A
 * request that times out ends the call, noted, and the server is given time to finish it.
 */
async function sample(call: string, once: () => Promise<{ status: number; bytes: number; ms: number; body: string }>, options: ScaleOptions, note?: string): Promise<CallFigures> {
  const wanted = options.samples ?? 100
  const budgetMs = (options.callSeconds ?? 10) * 1000
  const times: number[] = []
  let bytes = 0
  let status = 200
  let body = ''
  const notes = [note]
  try {
    const first = await once()
    if (first.ms > budgetMs) {
      times.push(first.ms)
      notes.push('one request only: it took longer than the time budget')
      ;({ bytes, status, body } = first)
    } else {
      await once()
      const started = performance.now()
      while (times.length < wanted && (times.length < 5 || performance.now() - started < budgetMs)) {
        const answer = await once()
        times.push(answer.ms)
        ;({ bytes, status, body } = answer)
      }
    }
  } catch (error) {
    if (!(error instanceof TimedOut)) throw error
    notes.push(`${error.message}${times.length ? ` after ${times.length} samples` : ''}`)
    // The server is still at it; what comes next should not pay for it.
    await new Promise((resolve) => setTimeout(resolve, 30_000))
  }
  if (status !== 200) notes.push(`HTTP ${status}: ${body.slice(0, 120)}`)
  const told = notes.filter(Boolean).join('; ')
  return { call, p50Ms: times.length ? median(times) : NaN, p99Ms: times.length ? percentile(times, 99) : NaN, bytes, samples: times.length, ...(told ? { note: told } : {}) }
}

/** The process's resident memory now and at its peak, from /proc (Linux only). */
function memoryOf(pid: number | undefined): ScaleRun['memory'] | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024
    return { rssBytes: kb('VmRSS'), peakBytes: kb('VmHWM') }
  } catch {
    return undefined
  }
}
