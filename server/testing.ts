/** A whole app on a real store in a temporary folder, a settable clock and captured mail: for API tests. */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { createApp } from './app.ts'
import { hashToken, newToken } from './auth/tokens.ts'
import { defaultLimits, type Deps } from './deps.ts'
import { loadCalendar, loadDesk } from './desk.ts'
import type { KbInsight } from './domain/kb-insight.ts'
import { createNotifier } from './mail/notifier.ts'
import { createOutbox } from './mail/outbox.ts'
import type { MailTransport, OutgoingMail } from './mail/transport.ts'
import { SESSION_COOKIE } from './middleware/session/index.ts'
import { seedDemo } from './seed.ts'
import { noteUndeliverable } from './services/mail-failures.ts'
import { logInsight } from './store/insight-store.ts'
import { memoryLog } from './store/memory-log.ts'
import { postgresInsight } from './store/postgres-insight.ts'
import { openLowdbStore } from './store/lowdb-store.ts'
import { openTestStore } from './store/postgres-testing.ts'
import type { StoreFiles } from './store/store-files.ts'

export const BASE_URL = 'https://support.example.nl'

/** The telephone system's secret in the test desk: send it as `Authorization: Bearer …` to /api/phone/route. */
export const PHONE_TEST_SECRET = 'test-phone-secret-0123456789abcdef'

/** A registration as the widget sends it: Tom Bakker of Bakkerij Jansen, whose VAT return fails. */
export const widgetRegistration = {
  name: 'Tom Bakker', email: 'tom@bakkerij-jansen.example', kind: 'bug', productArea: 'finance',
  subject: 'Btw-aangifte Q3 geeft fout 500 bij indienen', description: 'Bij het indienen van de btw-aangifte over het derde kwartaal via Digipoort krijg ik fout 500.',
  kbQuery: 'btw aangifte fout 500', kbArticles: ['vat-return'], lang: 'nl',
}

/** Desks opened and not closed yet: `closeTestDesks` closes them, so no store is left to garbage collection. */
const openDesks = new Set<{ close(): Promise<void> }>()

/**
 * Closes every test desk still open. Call it after each test (`afterEach(closeTestDesks)`), or
 * after all of them for desks shared in `beforeAll`: a store left open holds a file handle or
 * database connections until the process ends.
 */
export async function closeTestDesks(): Promise<void> {
  const desks = [...openDesks]
  openDesks.clear()
  await Promise.all(desks.map((desk) => desk.close()))
}

/**
 * The whole app in-process on a fresh seeded store; close it with `close()` or `closeTestDesks()`.
 * Mail is captured in `sent`, or handed to `transport` when given (e.g. SMTP to a local test server).
 * `files`: the file operations of the lowdb store's journal (tests inject faults there); `dataDir`:
 * the data folder (default a new temporary one), e.g. on a small disk that fills.
 */
export async function testDesk(options: { now?: string; transport?: MailTransport; files?: StoreFiles; dataDir?: string } = {}) {
  let now = new Date(options.now ?? '2026-11-30T09:00:00Z')
  const clock = () => now
  const desk = loadDesk('content/desk.yaml')
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'loket-api-'))
  // TEST_STORE=postgres runs the API tests on the PostgreSQL store, each desk on a schema of its own.
  const postgres = process.env.TEST_STORE === 'postgres' ? await openTestStore() : undefined
  const store = postgres ?? await openLowdbStore({ dir: dataDir, timeZone: desk.timeZone, ...(options.files ? { files: options.files } : {}) })
  await seedDemo(store)
  const sent: OutgoingMail[] = []
  const transport = options.transport ?? { send: async (m: OutgoingMail) => void sent.push(m) }
  const outbox = createOutbox({ store: store.outbox, transport, from: 'Support <support@noordwind.example>', clock, log: () => {}, onUndeliverable: noteUndeliverable(store) })
  const calendar = loadCalendar(desk, { from: 2026, to: 2027 })
  const deps: Deps = {
    clock, desk, calendar, store, dataDir,
    notifier: createNotifier({ outbox, desk, baseUrl: BASE_URL, clock, calendar }),
    // KB insight where the store keeps it: tables beside PostgreSQL's records, else a log (in memory here).
    insight: postgres ? postgresInsight(postgres.query, desk.timeZone, postgres.prepare) : logInsight(memoryLog<KbInsight>()), limits: defaultLimits(clock, store.rateCounters), allowedOrigins: ['https://partner.example'],
    phoneRoutingSecret: PHONE_TEST_SECRET, baseUrl: BASE_URL,
    // As the server reads it at start; a test that needs one behind a proxy sets TRUST_PROXY before opening its desk.
    trustProxy: process.env.TRUST_PROXY === '1',
  }
  const app = createApp(deps)

  /** A cookie header for a session of this contact or staff member, as if they signed in. */
  async function cookieFor(kind: 'contact' | 'staff', id: string): Promise<string> {
    const token = newToken()
    await store.sessions.put({ id: randomUUID(), tokenHash: hashToken(token), subject: { kind, id }, createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + 30 * 86_400_000).toISOString() })
    return `${SESSION_COOKIE}=${token}`
  }

  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await app.request(path, {
      method, headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const text = await res.text()
    let json: any
    try { json = JSON.parse(text) } catch { json = undefined }
    return { status: res.status, headers: res.headers, json, text }
  }

  /** Mails in the outbox, oldest first. */
  const mails = async () => (await store.outbox.list()).sort((a, b) => a.createdAt.localeCompare(b.createdAt))

  let isClosed = false
  /** Closes the store (its journal file or its database connections); a second call does nothing. */
  const close = async () => {
    if (isClosed) return
    isClosed = true
    openDesks.delete(handle)
    await Promise.all([store.close(), deps.insight.close()])
  }
  const handle = { close }
  openDesks.add(handle)

  return {
    app, deps, store, outbox, sent, call, cookieFor, mails, close,
    setNow: (iso: string) => { now = new Date(iso) },
    /** The token in the last mail's link with this path. */
    async tokenFromLastMail(path: string): Promise<string> {
      const last = (await mails()).at(-1)!
      const match = last.text.match(new RegExp(`${path.replace(/[/.]/g, '\\$&')}\\?token=([\\w-]+)`))
      if (!match) throw new Error(`no ${path} link in: ${last.text}`)
      return match[1]
    },
  }
}
