/** Starts Loket: the only file with process I/O (environment, folders, the listening socket). */
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { serve } from '@hono/node-server'
import { createApp } from './app.ts'
import { defaultLimits } from './deps.ts'
import { loadCalendar, loadDesk } from './desk.ts'
import type { KbInsight } from './domain/kb-insight.ts'
import { createNotifier } from './mail/notifier.ts'
import { createOutbox } from './mail/outbox.ts'
import { complaintSweep } from './services/complaint-sweep.ts'
import { noteUndeliverable } from './services/mail-failures.ts'
import { transportFromEnv } from './mail/transport.ts'
import { createLogger } from './log.ts'
import { createMetrics, watchedTransport } from './metrics.ts'
import { iceFromEnv } from './services/ice.ts'
import { incidentsPastTarget, pendingMail } from './services/operations.ts'
import { fillQueueDueTimes } from './services/staff-queue.ts'
import { addDemoHistory } from './demo-history.ts'
import { startNearingSweep } from './services/nearing-sweep.ts'
import { demoInstructions, seedDemo } from './seed.ts'
import { appendLog } from './store/append-log.ts'
import { openLowdbStore } from './store/lowdb-store.ts'
import { logInsight } from './store/insight-store.ts'
import { postgresInsight } from './store/postgres-insight.ts'
import { openPostgresStore, redactUrl, type PostgresStore } from './store/postgres-store.ts'
import type { Store } from './store/store.ts'

const port = Number(process.env.PORT ?? 4321)
const host = process.env.HOST ?? '127.0.0.1'
const dataDir = resolve(process.env.DATA_DIR ?? 'data')
const siteDir = resolve(process.env.SITE_DIR ?? 'dist')
const shownHost = ['0.0.0.0', '127.0.0.1', '::'].includes(host) ? 'localhost' : host
const baseUrl = (process.env.BASE_URL ?? `http://${shownHost}:${port}`).replace(/\/$/, '')
const clock = () => new Date()

const logger = createLogger()

/** A start that cannot go on: one plain line on stderr, where an operator and systemd look first, then exit 1. */
function fail(message: string): never {
  console.error(`[loket] ${message}`)
  process.exit(1)
}

// The desk is checked at start as at build: a broken desk.yaml stops the server with the reason.
const desk = (() => {
  try {
    return loadDesk(process.env.DESK_FILE)
  } catch (error) {
    return fail((error as Error).message)
  }
})()
mkdirSync(dataDir, { recursive: true })
// DATABASE_URL: PostgreSQL, which several API processes may share; else lowdb in DATA_DIR, one process.
const databaseUrl = process.env.DATABASE_URL || undefined
const { store, isSeeded, postgres } = await openStore().catch((error: Error) => fail(error.message))

async function openStore(): Promise<{ store: Store; isSeeded: boolean; postgres?: PostgresStore }> {
  if (!databaseUrl) {
    const lowdb = await openLowdbStore({ dir: dataDir, log: (message) => logger.warn(message), timeZone: desk.timeZone })
    // Demo data only into a new, empty data folder: never into one that held a desk.
    return { store: lowdb, isSeeded: lowdb.isNew && await seedDemo(lowdb) }
  }
  const postgres = await openPostgresStore({ url: databaseUrl, timeZone: desk.timeZone })
  // Processes starting together add the demo data once.
  return { store: postgres, postgres, isSeeded: await postgres.exclusive('seed-demo', () => seedDemo(postgres)) }
}
const calendar = loadCalendar(desk)
// Open incidents triaged before the queue kept its order's due time take their place in it (once).
const filledDueTimes = await fillQueueDueTimes({ store, desk, calendar, clock }).catch((error: Error) => fail(error.message))
// Unset means off: a /metrics page nobody asked for would only tell strangers how busy the desk is.
const metricsToken = process.env.METRICS_TOKEN || undefined
const metrics = metricsToken ? createMetrics({ pendingMail: () => pendingMail({ store, clock }), pastTarget: () => incidentsPastTarget({ store, clock, calendar, desk }) }, { clock }) : undefined
const transport = transportFromEnv(process.env, dataDir)
const sending = watchedTransport(transport, metrics, clock)
const noteFailed = noteUndeliverable(store)
const outbox = createOutbox({
  store: store.outbox, transport: sending, from: `${desk.name.nl} <${desk.email}>`, clock,
  // The outbox's lines come redacted and prefixed for a console; the log has its own fields.
  log: (line) => logger.info(line.replace(/^\[loket\] /, '')),
  onUndeliverable: async (mail) => {
    metrics?.mails.inc({ outcome: 'failed' })
    await noteFailed(mail)
  },
})
outbox.start()
// KB insight beside the records: in PostgreSQL for every process on it, else a log in DATA_DIR.
const insight = postgres ? postgresInsight(postgres.query, desk.timeZone, postgres.prepare) : logInsight(appendLog<KbInsight>(resolve(dataDir, 'kb-insight.jsonl')))
// The demo desk's past, added only by the start that added the demo desk: eight weeks of work before today, so every console page has content.
const history = isSeeded
  ? await (async () => {
      const add = () => addDemoHistory({ store, desk, calendar, insight }, clock())
      return postgres ? postgres.exclusive('demo-history', add) : add()
    })().catch((error: Error) => fail(`adding the demo history: ${error.message}`))
  : undefined
const allowedOrigins = (process.env.ALLOWED_ORIGINS ?? `${new URL(baseUrl).origin},http://localhost:${port},http://127.0.0.1:${port}`)
  .split(',').map((o) => o.trim()).filter(Boolean)
// Only behind a reverse proxy: then X-Forwarded-For names the caller. Without it, forwarded headers are forged as easily as sent.
const trustProxy = process.env.TRUST_PROXY === '1'
// Unset means off: a secret the phone system was never given would only invite guessing.
const phoneRoutingSecret = process.env.PHONE_ROUTING_SECRET || undefined
const ice = (() => {
  try {
    return iceFromEnv(process.env)
  } catch (error) {
    return fail((error as Error).message)
  }
})()

// Aborted at shutdown: the console's event streams end, so the server can close its connections.
const closing = new AbortController()
const notifier = createNotifier({ outbox, desk, baseUrl, clock, calendar })
const app = createApp({
  closing: closing.signal, clock, desk, calendar, store, insight, allowedOrigins, siteDir, dataDir, phoneRoutingSecret, baseUrl, trustProxy, metrics, metricsToken, mailHealth: sending, ice, logger,
  notifier,
  limits: defaultLimits(clock, store.rateCounters),
})
// Every minute: a complaint nearing its due time without a response reminds the handlers, once.
const complaintReminders = complaintSweep({ store, clock, desk, calendar, notifier }, { log: (line) => logger.warn(line) })
complaintReminders.start()
// Assignees hear once when an incident of theirs nears its target (desk.yaml's notifications.nearingTargetMinutes).
const nearingSweep = startNearingSweep({ store, clock, desk, calendar, notifier }, { log: (message) => logger.error(message) })

const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
  const base = `http://${shownHost}:${info.port}`
  logger.info(`KnowledgeBase  ${base}/  (English: ${base}/en/)`)
  logger.info(`API            ${base}/api/desk`)
  logger.info(`Records        ${databaseUrl ? `PostgreSQL ${redactUrl(databaseUrl)}` : `lowdb in ${dataDir}`}${isSeeded ? ` (demo data added${history ? `: ${history.incidents} incidents and ${history.complaints} complaints of the last eight weeks, ${history.insightRecords} KB insight records` : ''})` : ''}${filledDueTimes ? ` (queue due times kept for ${filledDueTimes} open incidents)` : ''}`)
  logger.info(`Data folder    ${dataDir} (${databaseUrl ? 'only the .eml outbox without SMTP_URL: attachments and KB insight are in PostgreSQL' : 'records, attachments, KB insight'})`)
  logger.info(`E-mail         ${transport.description}`)
  logger.info(`Phone routing  ${phoneRoutingSecret ? `on: ${base}/api/phone/route` : 'off until PHONE_ROUTING_SECRET is set'}`)
  logger.info(`Remote view    ${ice ? `${ice.urls.join(', ')}${ice.isRelayOnly ? ', relayed only' : ''}` : 'direct connections only until TURN_URL is set'}`)
  logger.info(`Metrics        ${metricsToken ? `on: ${base}/metrics (Authorization: Bearer METRICS_TOKEN)` : 'off until METRICS_TOKEN is set'}; readiness at ${base}/api/ready`)
  logger.info(demoInstructions(base))
})

async function shutdown(): Promise<void> {
  closing.abort()
  server.close()
  await complaintReminders.stop()
  await nearingSweep.stop()
  await outbox.stop()
  await insight.close()
  await store.close()
  process.exit(0)
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void shutdown())
