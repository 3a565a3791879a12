/** API benchmark: registrations per second and their latency with N incidents stored, beside a constant GET on the same server. */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { hashToken, newToken } from '../../server/auth/tokens.ts'
import { loadDesk } from '../../server/desk.ts'
import { INCIDENT_KINDS } from '#domain/desk.ts'
import { IncidentInput, mayFile, newIncident } from '#domain/incident.ts'
import type { Contact, Incident } from '#domain/records.ts'
import { SESSION_COOKIE } from '../../server/middleware/session/index.ts'
import { seedDemo } from '../../server/seed.ts'
import { openLowdbStore } from '../../server/store/lowdb-store.ts'
import type { Store } from '../../server/store/store.ts'
import { median, percentile } from './stats.ts'
import { freePort } from '../free-port.ts'

/** One load phase against one endpoint. */
export interface LoadFigures {
  /** Answers with the expected status per second, averaged over the phase. */
  perSecond: number
  /** Latency of the expected answers, from autocannon's own timing of each request. */
  p50Ms: number
  p99Ms: number
  /** Answers with the expected status. */
  ok: number
  /** Other statuses, socket errors and timeouts, e.g. "429×3, errors×1"; empty when none. */
  errors: string
}

export interface ApiFigures {
  /** Incidents stored when the server started. */
  stored: number
  /** From spawning the server (which folds the journal into its snapshot) to its first healthy answer. */
  startUpMs: number
  get: LoadFigures
  post: LoadFigures
  /**
   * The server's event loop during the measured POST phase: its longest stall, that stall less the
   * time the process waited for a CPU the machine had given to others (Linux), and its p99 delay.
   */
  loop: { maxDelayMs: number; ownMaxDelayMs: number; p99DelayMs: number }
  /** Incidents in the store, opened again after the server stopped: at least `stored` plus every 201. */
  storedAfter: number
}

export interface ApiBenchOptions {
  /** Length of each measured phase; default 8 s. */
  seconds?: number
  /** Concurrent keep-alive connections; default 20. */
  connections?: number
}

/** Incidents created at once while filling the store: enough to share each journal flush widely. */
const FILL_BATCH = 500
/** Start-up includes folding the whole journal into the snapshot, which at 100,000 incidents takes a while. */
const START_UP_TIMEOUT_MS = 180_000
export const WARM_UP_SECONDS = 2
/** A cap on requests per phase beside its duration, far above what one server core answers. */
const MAX_REQUESTS_PER_SECOND = 50_000

/**
 * Fills a fresh data folder with `count` incidents, starts the real server on it as a child
 * process, and measures a constant GET and then registrations by a signed-in contact.
 */
export async function benchApi(count: number, options: ApiBenchOptions = {}): Promise<ApiFigures> {
  const seconds = options.seconds ?? 8
  const connections = options.connections ?? 20
  const work = mkdtempSync(join(tmpdir(), `loket-bench-api-${count}-`))
  const dataDir = join(work, 'data')
  const loopFile = join(work, 'loop.json')
  try {
    const { cookie, contact } = await fillStore(dataDir, count)
    const port = await freePort()
    const base = `http://127.0.0.1:${port}`
    const started = performance.now()
    const server = startServer(join(work, 'server.log'), { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, SITE_DIR: join(work, 'no-site'), LOKET_LOOP_FILE: loopFile })
    let isStopped = false
    try {
      await waitUntilHealthy(base, server, join(work, 'server.log'))
      const startUpMs = performance.now() - started

      const health = { url: `${base}/api/health`, method: 'GET' as const, expect: 200 }
      const registration = {
        url: `${base}/api/incidents`, method: 'POST' as const, expect: 201,
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify(registrationBody(contact)),
      }
      await load({ ...health, seconds: WARM_UP_SECONDS, connections })
      const get = await load({ ...health, seconds, connections })
      const warmUp = await load({ ...registration, seconds: WARM_UP_SECONDS, connections })
      server.kill('SIGUSR2')
      const post = await load({ ...registration, seconds, connections })
      await stopServer(server)
      isStopped = true

      const loop = JSON.parse(readFileSync(loopFile, 'utf8')) as ApiFigures['loop']
      const storedAfter = await countIncidents(dataDir)
      const acknowledged = count + warmUp.ok + post.ok
      if (storedAfter < acknowledged) {
        throw new Error(`the store holds ${storedAfter} incidents after a restart, but ${acknowledged} were stored or acknowledged: a 201 was not durable`)
      }
      return { stored: count, startUpMs, get, post, loop: { maxDelayMs: loop.maxDelayMs, ownMaxDelayMs: loop.ownMaxDelayMs, p99DelayMs: loop.p99DelayMs }, storedAfter }
    } finally {
      if (!isStopped) await stopServer(server)
    }
  } finally {
    if (process.env.BENCH_KEEP) console.log(`[bench] kept ${work}`)
    else rmSync(work, { recursive: true, force: true })
  }
}

/**
 * The demo desk plus `count` incidents of its authorised contacts, created in batches in-process,
 * and a session for one contact; the store is closed again so the server can take its lock.
 */
async function fillStore(dataDir: string, count: number): Promise<{ cookie: string; contact: Contact }> {
  const store = await openLowdbStore({ dir: dataDir })
  try {
    await seedDemo(store)
    const history = await deskHistory(store, count)
    for (let done = 0; done < count; done += FILL_BATCH) {
      await Promise.all(Array.from({ length: Math.min(FILL_BATCH, count - done) }, (_, k) => store.incidents.create(history.incident(done + k))))
    }
    const contact = history.contacts[0]
    return { cookie: await signIn(store, contact), contact }
  } finally {
    await store.close()
  }
}

/** A bench desk's past: the contacts who may file, and its `i`-th of `count` incidents as the API would have registered it. */
export interface DeskHistory {
  contacts: Contact[]
  incident(i: number): Omit<Incident, 'id' | 'number' | 'version'>
}

/**
 * The history of the seeded desk in `store`: `count` incidents filed by its authorised contacts in
 * turn, one a minute over the last `count` minutes, oldest first.
 */
export async function deskHistory(store: Store, count: number): Promise<DeskHistory> {
  const desk = loadDesk()
  const organisations = await store.organisations.list()
  const contacts = (await Promise.all(organisations.map((o) => store.contacts.listByOrganisation(o.id)))).flat().filter(mayFile)
  const firstAt = Date.now() - count * 60_000
  return {
    contacts,
    incident(i) {
      const contact = contacts[i % contacts.length]
      const input = IncidentInput.parse(registrationBody(contact, i))
      return newIncident(input, { contact, desk, now: new Date(firstAt + i * 60_000) })
    },
  }
}

/** A day's session for `contact` in `store`, as signing in would leave it; returns the Cookie header's value. */
export async function signIn(store: Store, contact: Contact): Promise<string> {
  const token = newToken()
  const now = new Date()
  await store.sessions.put({
    id: randomUUID(), tokenHash: hashToken(token), subject: { kind: 'contact', id: contact.id },
    createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + 86_400_000).toISOString(),
  })
  return `${SESSION_COOKIE}=${token}`
}

const PRODUCT_AREAS = ['finance', 'inventory', 'sales', 'payroll', 'platform']

/** What the portal's form sends for `contact`; `n` varies kind, area and text. */
export function registrationBody(contact: Contact, n = 0): IncidentInput {
  return {
    name: contact.name,
    email: contact.email,
    kind: INCIDENT_KINDS[n % INCIDENT_KINDS.length],
    productArea: PRODUCT_AREAS[n % PRODUCT_AREAS.length],
    subject: `Btw-aangifte over oktober geeft foutcode ${500 + (n % 7)}`,
    description: 'Bij het indienen van de btw-aangifte verschijnt na het ondertekenen foutcode 500. '
      + 'Opnieuw proberen en opnieuw inloggen helpen niet; de aangifte moet vóór het einde van de maand binnen zijn.',
    kbQuery: 'btw aangifte foutcode',
    kbArticles: ['vat-return', 'error-codes'],
    lang: contact.lang,
  }
}


/**
 * `server/index.ts` as `npm run dev:api` runs it (the same code as the bundle `npm start` runs), with the loop monitor preloaded and its output in
 * `logFile`. The store is the one `env` names: lowdb in DATA_DIR unless it sets DATABASE_URL.
 */
export function startServer(logFile: string, env: Record<string, string>): ChildProcess {
  const log = openSync(logFile, 'a')
  const { SMTP_URL: _smtp, BASE_URL: _base, ALLOWED_ORIGINS: _origins, DATABASE_URL: _database, ...inherited } = process.env
  try {
    return spawn(process.execPath, ['--import', 'tsx', '--import', './scripts/bench/loop-monitor.mjs', 'server/index.ts'], {
      env: { ...inherited, ...env }, stdio: ['ignore', log, log],
    })
  } finally {
    closeSync(log)
  }
}

/** Waits until `base` answers GET /api/health; fails with the server's log when it stops or takes too long. */
export async function waitUntilHealthy(base: string, server: ChildProcess, logFile: string): Promise<void> {
  const deadline = performance.now() + START_UP_TIMEOUT_MS
  while (performance.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server stopped at start (code ${server.exitCode}):\n${tail(logFile)}`)
    const isHealthy = await fetch(`${base}/api/health`).then((r) => r.ok, () => false)
    if (isHealthy) return
    await sleep(50)
  }
  throw new Error(`the server did not answer ${base}/api/health within ${START_UP_TIMEOUT_MS / 1000} s:\n${tail(logFile)}`)
}

/** SIGTERM, which closes the store; SIGKILL if it has not exited after 30 s. */
export async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return
  const exited = new Promise((resolve) => server.once('exit', resolve))
  server.kill('SIGTERM')
  const timer = setTimeout(() => server.kill('SIGKILL'), 30_000)
  await exited
  clearTimeout(timer)
}

async function countIncidents(dataDir: string): Promise<number> {
  const store = await openLowdbStore({ dir: dataDir })
  try {
    return await store.incidents.count()
  } finally {
    await store.close()
  }
}

function tail(file: string): string {
  return existsSync(file) ? readFileSync(file, 'utf8').slice(-3000) : '(no log)'
}

/** The part of autocannon's API used here; it ships without types. */
interface Cannon extends PromiseLike<CannonResult> {
  on(event: 'response', listener: (client: unknown, statusCode: number, bytes: number, responseTimeMs: number) => void): this
}
interface CannonResult {
  duration: number
  errors: number
  timeouts: number
  statusCodeStats: Record<string, { count: number }>
}
const autocannon = createRequire(import.meta.url)('autocannon') as (options: Record<string, unknown>) => Cannon

/** One load phase against one server. */
export interface Phase {
  url: string; method: 'GET' | 'POST'; expect: number; seconds: number; connections: number
  headers?: Record<string, string>; body?: string
}

/** Keeps `connections` keep-alive connections busy with one request for `seconds` (and at most a fixed number of requests). */
export async function load(phase: Phase): Promise<LoadFigures> {
  return summarise([await fire(phase)])
}

/**
 * The phases at once, each against its own server with its own connections, as one load: answers
 * per second summed, p50 and p99 of every expected answer pooled, errors added up.
 */
export async function loadTogether(phases: Phase[]): Promise<LoadFigures> {
  return summarise(await Promise.all(phases.map(fire)))
}

interface Fired {
  /** Latency of each expected answer. */
  latencies: number[]
  /** The phase's length as autocannon measured it, in seconds. */
  seconds: number
  /** How often each other outcome happened: a status code, "errors" or "timeouts". */
  others: Map<string, number>
}

async function fire(phase: Phase): Promise<Fired> {
  const latencies: number[] = []
  const cannon = autocannon({
    url: phase.url, method: phase.method, headers: phase.headers, body: phase.body,
    connections: phase.connections, duration: phase.seconds, maxOverallRequests: phase.seconds * MAX_REQUESTS_PER_SECOND,
    timeout: 10,
  })
  cannon.on('response', (_client, statusCode, _bytes, responseTimeMs) => {
    if (statusCode === phase.expect) latencies.push(responseTimeMs)
  })
  const result = await cannon
  const others = new Map(Object.entries(result.statusCodeStats).filter(([code]) => Number(code) !== phase.expect).map(([code, s]) => [code, s.count]))
  // autocannon counts a timeout as an error too.
  if (result.errors > result.timeouts) others.set('errors', result.errors - result.timeouts)
  if (result.timeouts > 0) others.set('timeouts', result.timeouts)
  return { latencies, seconds: result.duration, others }
}

function summarise(runs: Fired[]): LoadFigures {
  const latencies = runs.flatMap((r) => r.latencies)
  const others = new Map<string, number>()
  for (const [what, count] of runs.flatMap((r) => [...r.others])) others.set(what, (others.get(what) ?? 0) + count)
  return {
    perSecond: runs.reduce((sum, r) => sum + r.latencies.length / r.seconds, 0),
    p50Ms: latencies.length ? median(latencies) : NaN,
    p99Ms: latencies.length ? percentile(latencies, 99) : NaN,
    ok: latencies.length,
    errors: [...others].map(([what, count]) => `${what}×${count}`).join(', '),
  }
}
