/** PostgreSQL benchmark: registrations per second and their latency with one and with two API processes on one database, beside lowdb. */
import { randomBytes, randomUUID } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import type { Contact, Incident } from '#domain/records.ts'
import { seedDemo } from '../../server/seed.ts'
import { columnsOf, openPostgresStore, redactUrl, type PostgresStore } from '../../server/store/postgres-store.ts'
import { TEST_DATABASE_URL } from '../../server/store/postgres-testing.ts'
import {
  benchApi, deskHistory, loadTogether, registrationBody, signIn, startServer, stopServer, waitUntilHealthy, WARM_UP_SECONDS,
  type LoadFigures, type Phase,
} from './api.ts'
import { freePort } from '../free-port.ts'

/** The server the bench makes its database on: BENCH_DATABASE_URL, else the one the store's tests use. */
export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? TEST_DATABASE_URL

/** One measured set-up: a store, how many API processes share it, and their registrations. */
export interface StoreRun {
  store: 'lowdb' | 'PostgreSQL'
  processes: number
  /** Incidents in the store when the measured phases began. */
  stored: number
  post: LoadFigures
}

export interface PostgresFigures {
  /** lowdb with one process first, then PostgreSQL with one and with two. */
  runs: StoreRun[]
  /** Inserting the incidents into PostgreSQL, numbers taken from its sequence included. */
  loadMs: number
  /** VACUUM ANALYZE and CHECKPOINT after the load, so the runs do not pay for it. */
  settleMs: number
}

export interface PostgresBenchOptions {
  /** Length of each measured phase; default 8 s. */
  seconds?: number
  /** Concurrent keep-alive connections in all, split evenly over the processes; default 20. */
  connections?: number
  /** A server where the role may create databases; default BENCH_DATABASE_URL. */
  url?: string
}

/** Incidents per INSERT: one JSON parameter each, a few MB, so few round trips. */
const FILL_BATCH = 5_000

/** Why the bench cannot use PostgreSQL at `url`, or undefined when it can. */
export async function postgresUnreachable(url = BENCH_DATABASE_URL): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 })
  try {
    await client.connect()
    return undefined
  } catch (error) {
    return `PostgreSQL at ${redactUrl(url)}: ${(error as Error).message}. Start it (scripts/test-postgres.sh) or set BENCH_DATABASE_URL.`
  } finally {
    await client.end().catch(() => undefined)
  }
}

/**
 * Registrations by a signed-in contact with `count` incidents stored: lowdb with one API process
 * (as `benchApi` measures it), then a fresh PostgreSQL database, filled in bulk, with one and with
 * two API processes. The database is dropped afterwards, also when a run fails.
 */
export async function benchPostgres(count: number, options: PostgresBenchOptions = {}): Promise<PostgresFigures> {
  const seconds = options.seconds ?? 8
  const connections = options.connections ?? 20
  const adminUrl = options.url ?? BENCH_DATABASE_URL
  const database = `loket_bench_${randomBytes(4).toString('hex')}`
  const url = Object.assign(new URL(adminUrl), { pathname: `/${database}` }).toString()
  const work = mkdtempSync(join(tmpdir(), `loket-bench-pg-${count}-`))
  let isCreated = false
  let store: PostgresStore | undefined
  try {
    await admin(adminUrl, `CREATE DATABASE ${database}`)
    isCreated = true
    console.log(`[bench]   database ${database}: filling it with ${count} incidents…`)
    store = await openPostgresStore({ url, poolSize: 2 })
    const { cookie, contact, loadMs, settleMs } = await fill(store, count)
    console.log(`[bench]   ${count} incidents loaded in ${(loadMs / 1000).toFixed(1)} s, settled in ${(settleMs / 1000).toFixed(1)} s`)

    console.log(`[bench]   lowdb, 1 process (load average ${loadavg()[0].toFixed(1)})…`)
    const lowdb = await benchApi(count, { seconds, connections })
    const runs: StoreRun[] = [{ store: 'lowdb', processes: 1, stored: lowdb.stored, post: lowdb.post }]
    for (const processes of [1, 2]) {
      console.log(`[bench]   PostgreSQL, ${processes} process${processes > 1 ? 'es' : ''} (load average ${loadavg()[0].toFixed(1)})…`)
      runs.push(await measure(store, { url, cookie, contact, processes, seconds, connections, work: join(work, `p${processes}`) }))
    }
    return { runs, loadMs, settleMs }
  } finally {
    await store?.close().catch(() => undefined)
    if (process.env.BENCH_KEEP) console.log(`[bench] kept ${work}`)
    else rmSync(work, { recursive: true, force: true })
    // WITH (FORCE): a server that did not stop in time must not keep the database alive.
    if (isCreated) await admin(adminUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
  }
}

/**
 * The demo desk and `count` incidents, the same as api.ts gives lowdb, inserted in bulk: numbers
 * taken from the sequence as one block, each batch one INSERT of a JSON array of rows in the
 * table's own columns. Returns a contact's session cookie and how long the load took.
 */
async function fill(store: PostgresStore, count: number): Promise<{ cookie: string; contact: Contact; loadMs: number; settleMs: number }> {
  await seedDemo(store)
  const history = await deskHistory(store, count)
  const started = performance.now()
  const { rows: [{ first }] } = await store.pool.query<{ first: string }>(`SELECT nextval('incident_number') AS first`)
  const row = (i: number) => {
    const incident: Incident = { ...history.incident(i), id: randomUUID(), number: String(Number(first) + i), version: 1 }
    // `data` as a nested object: the json column keeps its text, as the store's JSON.stringify wrote it.
    return { id: incident.id, ...columnsOf('incidents', incident), data: incident }
  }
  const names = ['id', ...Object.keys(columnsOf('incidents', row(0))), 'data'].join(', ')
  // While PostgreSQL inserts one batch, the next is built.
  let inserting: Promise<unknown> = Promise.resolve()
  for (let done = 0; done < count; done += FILL_BATCH) {
    const batch = JSON.stringify(Array.from({ length: Math.min(FILL_BATCH, count - done) }, (_, k) => row(done + k)))
    await inserting
    inserting = store.pool.query(`INSERT INTO incidents (${names}) SELECT ${names} FROM json_populate_recordset(NULL::incidents, $1)`, [batch])
  }
  await inserting
  if (count > 0) await store.pool.query(`SELECT setval('incident_number', $1)`, [Number(first) + count - 1])
  const loadMs = performance.now() - started

  // A desk that grew to `count` over time has its statistics and its pages on disk: the runs should not pay for the bulk load.
  const settling = performance.now()
  await store.pool.query('VACUUM ANALYZE')
  await store.pool.query('CHECKPOINT')
  const settleMs = performance.now() - settling
  const contact = history.contacts[0]
  return { cookie: await signIn(store, contact), contact, loadMs, settleMs }
}

/**
 * Starts `processes` API servers on one database, each on its own port and data folder, and
 * registers incidents on all of them at once, the connections split evenly; checks afterwards that
 * every 201 is in the database.
 */
async function measure(store: PostgresStore, run: {
  url: string; cookie: string; contact: Contact; processes: number; seconds: number; connections: number; work: string
}): Promise<StoreRun> {
  const stored = await store.incidents.count()
  mkdirSync(run.work, { recursive: true })
  const servers = await Promise.all(Array.from({ length: run.processes }, async (_, k) => {
    const port = await freePort()
    const dir = join(run.work, `server-${k + 1}`)
    const logFile = `${dir}.log`
    const child = startServer(logFile, { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dir, SITE_DIR: join(run.work, 'no-site'), DATABASE_URL: run.url })
    return { base: `http://127.0.0.1:${port}`, child, logFile }
  }))
  try {
    await Promise.all(servers.map((s) => waitUntilHealthy(s.base, s.child, s.logFile)))
    const phases = (seconds: number): Phase[] => servers.map((s, k) => ({
      url: `${s.base}/api/incidents`, method: 'POST', expect: 201, seconds,
      // The first servers take the odd connection left over.
      connections: Math.floor(run.connections / run.processes) + (k < run.connections % run.processes ? 1 : 0),
      headers: { cookie: run.cookie, 'content-type': 'application/json' },
      body: JSON.stringify(registrationBody(run.contact)),
    }))
    const warmUp = await loadTogether(phases(WARM_UP_SECONDS))
    const post = await loadTogether(phases(run.seconds))
    await Promise.all(servers.map((s) => stopServer(s.child)))
    const storedAfter = await store.incidents.count()
    const acknowledged = stored + warmUp.ok + post.ok
    if (storedAfter < acknowledged) {
      throw new Error(`the database holds ${storedAfter} incidents, but ${acknowledged} were stored or acknowledged: a 201 was not durable`)
    }
    return { store: 'PostgreSQL', processes: run.processes, stored, post }
  } finally {
    await Promise.all(servers.map((s) => stopServer(s.child)))
  }
}

/** One statement on the server's maintenance connection: CREATE and DROP DATABASE cannot run on the database itself. */
export async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}
