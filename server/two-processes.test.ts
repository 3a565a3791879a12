/** Two real API processes on one PostgreSQL database: numbers, changes, mails, sign-in tokens and rate limits are decided once across both; files and KB insight are shared through it. */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { simpleParser, type ParsedMail } from 'mailparser'
import pg from 'pg'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { TEST_DATABASE_URL } from './store/postgres-testing.ts'
import { freePort } from '../scripts/free-port.ts'

/** Start-up of two processes on two cores (tsx compiles, migrations and demo data run once) takes seconds. */
const START_UP_MS = 60_000
/** How long a poll waits for the processes to catch up (mails sent, windows counted) before the test fails. */
const POLL_MS = 30_000
const STAFF = { email: 'lotte@noordwind.example', password: 'loket-demo' }
const STAFF_IDS = ['s-lotte', 's-daan', 's-fatima', 's-ruud', 's-admin']

/** One API process as `npm run serve` starts it, with its output in `log`. */
interface Api {
  name: 'A' | 'B'
  base: string
  child: ChildProcess
  log: string
}

/** The answer to a triage PATCH: the changed incident (200), or the conflict with the incident as it is now (409). */
interface TriageAnswer {
  incident?: Record<string, unknown>
  code?: string
  current?: Record<string, unknown>
}

/** What the SMTP server received: the parsed message and its envelope recipients. */
interface Delivery {
  mail: ParsedMail
  rcptTo: string[]
}

let work: string
let database: { name: string; url: string }
let pool: pg.Pool
let smtp: { port: number; close(): Promise<void> }
const deliveries: Delivery[] = []
let apis: Api[] = []
/** Cookies by who signed in where: staff on each process, contacts by e-mailed link. */
const cookies: Record<string, string> = {}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'loket-two-'))
  database = await createDatabase()
  pool = new pg.Pool({ connectionString: database.url, max: 2 })
  smtp = await startSmtp(deliveries)
  const env = { DATABASE_URL: database.url, SMTP_URL: `smtp://127.0.0.1:${smtp.port}` }
  const [portA, portB] = [await freePort(), await freePort()]
  apis = [startApi('A', portA, env), startApi('B', portB, env)]
  await Promise.all(apis.map(waitUntilHealthy))
}, START_UP_MS * 2)

afterAll(async () => {
  await Promise.all(apis.map(stopApi))
  await smtp?.close()
  await pool?.end()
  if (database) await dropDatabase(database.name)
  if (work) await rm(work, { recursive: true, force: true })
}, START_UP_MS * 2)

describe('two API processes on one PostgreSQL database', { timeout: 90_000 }, () => {
  const [a, b] = [() => apis[0]!, () => apis[1]!]
  const either = (i: number) => apis[i % 2]!
  let registered: { id: string; number: string }[] = []

  test('signs staff in on either process and contacts by an e-mailed link, each session valid on both', async () => {
    for (const api of apis) {
      const res = await post(api, '/api/auth/staff', STAFF)
      expect(res.status).toBe(200)
      cookies[`staff@${api.name}`] = sessionCookie(res)
    }
    // Asked on one process, completed on the other.
    cookies.tom = await signInByLink(a(), b(), 'tom@bakkerij-jansen.example')
    cookies.aisha = await signInByLink(b(), a(), 'aisha@devries-installatie.example')

    for (const api of apis) {
      expect(await (await get(api, '/api/auth/me', cookies['staff@A'])).json()).toMatchObject({ kind: 'staff', id: 's-lotte' })
      expect(await (await get(api, '/api/auth/me', cookies.tom)).json()).toMatchObject({ kind: 'contact', id: 'c-jansen-emp' })
      expect(await (await get(api, '/api/auth/me', cookies.aisha)).json()).toMatchObject({ kind: 'contact', id: 'c-devries-emp' })
    }
  })

  test('gives 40 concurrent registrations on both processes 40 distinct numbers, all listed on both', async () => {
    const contacts = [
      { cookie: cookies.tom!, body: { name: 'Tom Bakker', email: 'tom@bakkerij-jansen.example', kind: 'bug', productArea: 'finance', subject: 'Btw-aangifte geeft fout 500', description: 'Digipoort geeft fout 500 bij indienen.', lang: 'nl' } },
      { cookie: cookies.aisha!, body: { name: 'Aisha el Amrani', email: 'aisha@devries-installatie.example', kind: 'question', productArea: 'inventory', subject: 'Stock differs after goods receipt', description: 'Noordwind ERP shows 40 units instead of 48.', lang: 'en' } },
    ]
    // Signed-in contacts are exempt from the 20-per-address limit: all 40 come from 127.0.0.1.
    const responses = await Promise.all(Array.from({ length: 40 }, (_, i) => {
      const contact = contacts[Math.floor(i / 2) % 2]!
      // A word of their own finds them among the demo desk's history (the first start adds eight weeks of it).
      return post(either(i), '/api/incidents', { ...contact.body, subject: `${contact.body.subject} parallelproef (${i})` }, contact.cookie)
    }))

    expect(responses.map((r) => r.status)).toEqual(Array(40).fill(201))
    const bodies = await Promise.all(responses.map((r) => r.json() as Promise<{ status: string; id: string; number: string }>))
    registered = bodies.map(({ id, number }) => ({ id, number }))
    expect(bodies.every((r) => r.status === 'registered' && /^\d+$/.test(r.number))).toBe(true)
    const numbers = new Set(bodies.map((r) => r.number))
    expect(numbers.size).toBe(40)

    for (const api of apis) {
      const res = await get(api, '/api/incidents?q=parallelproef&limit=50', cookies['staff@B'])
      expect(res.status).toBe(200)
      const { incidents } = await res.json() as { incidents: { number: string }[] }
      expect(new Set(incidents.map((i) => i.number))).toEqual(numbers)
      expect(incidents).toHaveLength(40)
    }
  })

  test('lets exactly one of six simultaneous triage changes on one version win; the others get 409 with the winner as current', async () => {
    const incident = registered[0]!
    const rounds = ['in_progress', 'waiting_for_customer', 'in_progress'] as const
    for (const [round, status] of rounds.entries()) {
      const version = round + 1
      // Six different changes to one version, three on each process, sent at once.
      const responses = await Promise.all(Array.from({ length: 6 }, (_, j) => {
        const api = either(j)
        return patch(api, `/api/incidents/${incident.id}`, { version, status, priority: 2 + (j % 4), assigneeId: STAFF_IDS[j % 5] }, cookies[`staff@${api.name}`])
      }))
      const answers = await Promise.all(responses.map(async (r) => ({ status: r.status, body: await r.json() as TriageAnswer })))

      const winners = answers.filter((r) => r.status === 200)
      const losers = answers.filter((r) => r.status !== 200)
      expect(winners, JSON.stringify(answers.map((r) => r.status))).toHaveLength(1)
      const winner = withoutSla(winners[0]!.body.incident!)
      expect(winner).toMatchObject({ version: version + 1, status })
      for (const loser of losers) {
        expect(loser.status).toBe(409)
        expect(loser.body.code).toBe('version_conflict')
        expect(withoutSla(loser.body.current!)).toEqual(winner)
      }
    }

    for (const api of apis) {
      const { incident: now } = await (await get(api, `/api/incidents/${incident.id}`, cookies['staff@A'])).json() as { incident: { version: number; statusHistory: { status: string; by: string }[] } }
      expect(now.version).toBe(4)
      // Every change once: no update lost, none applied twice.
      expect(now.statusHistory.map((h) => h.status)).toEqual(['new', 'in_progress', 'waiting_for_customer', 'in_progress'])
    }
  })

  test('sends every mail of both processes exactly once', async () => {
    const rows = await expectEachMailOnce()
    // incident:<id>:registered, incident:<id>:status:<n>, sign-in:<token id>, notification:<kind>:… (the assignee is told)
    const kinds = rows.map((r) => r.event_key.replace(/^incident:[^:]+:(registered|status)(:\d+)?$/, 'incident:$1').replace(/^sign-in:.*/, 'sign-in').replace(/^notification:([a-z]+):.*/, 'notification:$1'))
    // Which of six simultaneous changes wins decides who is assigned, and so whether an assignee is told: at most once per round.
    // The demo desk's complaint may near its due time while the test runs (it depends on the hour): its reminders
    // are once each like every mail, but not this test's to count.
    const { 'notification:assigned': assigned = 0, ...others } = count(kinds.filter((k) => !/^complaint:[^:]+:nearing:/.test(k)))
    expect(others).toEqual({ 'incident:registered': 40, 'incident:status': 3, 'sign-in': 2 })
    expect(assigned).toBeLessThanOrEqual(3)
    expect(rows.filter((r) => r.event_key.startsWith(`incident:${registered[0]!.id}:status:`)).map((r) => r.event_key).sort())
      .toEqual([2, 3, 4].map((n) => `incident:${registered[0]!.id}:status:${n}`))
  })

  test('streams a change made through process A to the console listening on process B', async () => {
    const incident = registered[1]!
    const controller = new AbortController()
    const res = await fetch(`${b().base}/api/staff/queue/stream`, { headers: headers(cookies['staff@B'], false), signal: controller.signal })
    expect([res.status, res.headers.get('content-type')]).toEqual([200, 'text/event-stream'])
    const reader = res.body!.getReader()
    const decoder = new TextDecoder()
    let text = ''
    const readUntil = async (pattern: RegExp) => {
      while (!pattern.test(text)) {
        const { done, value } = await reader.read()
        if (done) throw new Error(`the stream ended before ${pattern}: ${text}`)
        text += decoder.decode(value, { stream: true })
      }
    }
    try {
      // B listens (LISTEN) before it says so; only then is a change on A sure to reach it.
      await readUntil(/: listening\n\n/)
      const changed = await patch(a(), `/api/incidents/${incident.id}`, { version: 1, priority: 3 }, cookies['staff@A'])
      expect(changed.status).toBe(200)
      await readUntil(/event: queue\ndata: .*\n\n/)
      const data = JSON.parse(text.match(/event: queue\ndata: (.*)\n\n/)![1]!)
      expect(data).toEqual({ incidentId: incident.id, number: incident.number, version: 2 })
    } finally {
      controller.abort()
      await reader.cancel().catch(() => undefined)
    }
  })

  test('sends 3 sign-in links per address in the window, whichever process is asked', async () => {
    const email = 'marieke@bakkerij-jansen.example'
    const responses = await Promise.all(Array.from({ length: 5 }, (_, i) => post(either(i), '/api/auth/link', { email })))
    // Whichever came 4th and 5th say from when a new link can be asked (as for any address, known or not), alike.
    expect(responses.map((r) => r.status)).toEqual(Array(5).fill(202))
    const replies = await Promise.all(responses.map((r) => r.json() as Promise<{ nextLinkAt?: string }>))
    const recent = replies.filter((r) => r.nextLinkAt !== undefined)
    expect(recent).toHaveLength(2)
    expect(recent[1]).toEqual(recent[0])

    const rows = await expectEachMailOnce()
    expect(rows.filter((r) => r.to === email)).toHaveLength(3)
    expect(deliveries.filter((d) => d.rcptTo.includes(email))).toHaveLength(3)
  })

  test('takes a sign-in token once: used on one process, it is refused on the other, also when both try at once', async () => {
    const [first, second] = tokensSentTo('marieke@bakkerij-jansen.example')
    const signedIn = await callback(a(), first!)
    expect(signedIn.status).toBe(303)
    const cookie = sessionCookie(signedIn)
    expect((await callback(b(), first!)).status).toBe(400)
    expect((await callback(a(), first!)).status).toBe(400)
    expect(await (await get(b(), '/api/auth/me', cookie)).json()).toMatchObject({ kind: 'contact', id: 'c-jansen-admin' })

    const atOnce = await Promise.all([callback(a(), second!), callback(b(), second!)])
    expect(atOnce.map((r) => r.status).sort()).toEqual([303, 400])
  })

  test('counts wrong remote-view codes on both processes together: the 6th try waits (429)', async () => {
    const statuses: number[] = []
    const codes: string[] = []
    for (let i = 0; i < 7; i++) {
      const res = await post(either(i), '/api/remote-views/lookup', { code: String(i).padStart(6, '0') })
      statuses.push(res.status)
      codes.push((await res.json() as { code: string }).code)
      if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
    }
    expect(statuses).toEqual([404, 404, 404, 404, 404, 429, 429])
    expect(codes).toEqual([...Array(5).fill('code_unknown'), 'too_many_wrong_codes', 'too_many_wrong_codes'])
  })
})

describe('two API processes keep nothing on their own disk', { timeout: 90_000 }, () => {
  const [a, b] = [() => apis[0]!, () => apis[1]!]

  /** Staff on each process, Tom (Bakkerij Jansen) and Aisha (De Vries Installatie): signed in once, also when this block runs alone. */
  async function signedIn() {
    for (const api of apis) cookies[`staff@${api.name}`] ??= sessionCookie(await post(api, '/api/auth/staff', STAFF))
    cookies.tom ??= await signInByLink(a(), b(), 'tom@bakkerij-jansen.example')
    cookies.aisha ??= await signInByLink(b(), a(), 'aisha@devries-installatie.example')
  }

  test('a file uploaded through one is downloaded byte for byte through the other, and only by those who may see it', async () => {
    await signedIn()
    const registration = { name: 'Tom Bakker', email: 'tom@bakkerij-jansen.example', kind: 'bug', productArea: 'finance', subject: 'Schermafdruk van de fout', description: 'Zie de bijlage.', lang: 'nl' }
    const created = await post(a(), '/api/incidents', registration, cookies.tom)
    expect(created.status).toBe(201)
    const { id: incidentId } = await created.json() as { id: string }
    // 1.5 MB behind a PNG signature: six chunks in the database, none in either data folder.
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(1.5 * 1024 * 1024)])
    const form = new FormData()
    form.append('file', new File([png], 'scherm.png'))
    const uploaded = await fetch(`${a().base}/api/incidents/${incidentId}/attachments`, { method: 'POST', body: form, headers: { cookie: cookies.tom! } })
    expect(uploaded.status).toBe(201)
    const { attachment } = await uploaded.json() as { attachment: { id: string; size: number } }
    expect(attachment.size).toBe(png.length)

    const path = `/api/incidents/${incidentId}/attachments/${attachment.id}`
    for (const cookie of [cookies.tom, cookies['staff@B'], cookies['staff@A']]) {
      const res = await get(b(), path, cookie)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-length')).toBe(String(png.length))
      expect(Buffer.from(await res.arrayBuffer()).equals(png)).toBe(true)
    }
    // Another organisation's contact: as if there were no such incident, on either process.
    for (const api of apis) {
      const foreign = await get(api, path, cookies.aisha)
      expect(foreign.status).toBe(404)
      expect(await foreign.json()).toMatchObject({ code: 'not_found' })
      expect((await get(api, path)).status).toBe(401)
    }
  })

  test('an insight event recorded by one shows on the other\'s insight page, and a vote counts once', async () => {
    await signedIn()
    const visit = { session: `two-processes-${randomBytes(4).toString('hex')}`, source: 'widget', lang: 'nl' }
    expect((await post(a(), '/api/kb/events', { type: 'search', ...visit, query: 'Loonstrook  twee processen', results: 0 })).status).toBe(201)
    expect((await post(b(), '/api/kb/events', { type: 'incident', ...visit })).status).toBe(201)
    // Three votes, two through A and one through B: three on both insight pages, not more.
    for (const [api, isHelpful] of [[a(), false], [b(), false], [a(), true]] as const) {
      expect((await post(api, '/api/kb/votes', { article: 'two-processes', lang: 'nl', isHelpful })).status).toBe(201)
    }
    const reports = await Promise.all(apis.map(async (api) => {
      const res = await get(api, '/api/kb/insight?weeks=1', cookies[`staff@${api.name}`])
      expect(res.status).toBe(200)
      return res.json() as Promise<{ noResults: { nl: { query: string; sessions: number }[] }; incidentQueries: { query: string; sessions: number }[]; worstArticles: { article: string; helpful: number; notHelpful: number }[]; to: string }>
    }))
    for (const report of reports) {
      expect(report.noResults.nl).toContainEqual(expect.objectContaining({ query: 'loonstrook twee processen', sessions: 1 }))
      expect(report.incidentQueries).toContainEqual(expect.objectContaining({ query: 'loonstrook twee processen', lang: 'nl', sessions: 1 }))
      expect(report.worstArticles.filter((v) => v.article === 'two-processes')).toEqual([{ article: 'two-processes', lang: 'nl', helpful: 1, notHelpful: 2, ratio: 1 / 3 }])
    }
    const { period: _a, ...fromA } = reports[0] as unknown as Record<string, unknown>
    const { period: _b, ...fromB } = reports[1] as unknown as Record<string, unknown>
    expect(fromB).toEqual(fromA)
  })

  test('leaves both data folders without attachments or KB insight: all of it is in the database', async () => {
    for (const api of apis) {
      const dataDir = join(work, `data-${api.name}`)
      expect(existsSync(join(dataDir, 'attachments')), `${api.name}: attachments`).toBe(false)
      expect(existsSync(join(dataDir, 'kb-insight.jsonl')), `${api.name}: kb-insight.jsonl`).toBe(false)
    }
    const { rows: [files] } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM attachment_files')
    expect(Number(files!.n)).toBeGreaterThan(0)
  })
})

// ——— the processes ———

/** `server/index.ts` under tsx, as `npm run serve` runs it, with its own data folder and no built site. */
function startApi(name: Api['name'], port: number, env: Record<string, string>): Api {
  const log = join(work, `api-${name}.log`)
  const dataDir = join(work, `data-${name}`)
  // Nothing of the caller's environment may change what the processes do.
  const { SMTP_URL: _s, BASE_URL: _b, ALLOWED_ORIGINS: _o, TRUST_PROXY: _t, DATABASE_URL: _d, DESK_FILE: _f, PHONE_ROUTING_SECRET: _p, ...inherited } = process.env
  const fd = openSync(log, 'a')
  try {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      env: { ...inherited, ...env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, SITE_DIR: join(work, 'no-site') },
      stdio: ['ignore', fd, fd],
    })
    // Should the test runner itself go down, the processes go with it.
    const kill = () => child.kill('SIGKILL')
    process.once('exit', kill)
    child.once('exit', () => process.off('exit', kill))
    return { name, base: `http://127.0.0.1:${port}`, child, log }
  } finally {
    closeSync(fd)
  }
}

async function waitUntilHealthy(api: Api): Promise<void> {
  const deadline = performance.now() + START_UP_MS
  while (performance.now() < deadline) {
    if (api.child.exitCode !== null) throw new Error(`API ${api.name} stopped at start (code ${api.child.exitCode}):\n${tail(api.log)}`)
    if (await fetch(`${api.base}/api/health`).then((r) => r.ok, () => false)) return
    await sleep(100)
  }
  throw new Error(`API ${api.name} did not answer ${api.base}/api/health within ${START_UP_MS / 1000} s:\n${tail(api.log)}`)
}

/** SIGTERM, which closes the store; SIGKILL if it has not exited after 10 s. */
async function stopApi(api: Api): Promise<void> {
  const { child } = api
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
  await exited
  clearTimeout(timer)
}


function tail(file: string): string {
  return existsSync(file) ? readFileSync(file, 'utf8').slice(-3000) : '(no log)'
}

// ——— the database and the mail server ———

/** A new database on the test server, so the processes start on nothing but their migrations. */
async function createDatabase(): Promise<{ name: string; url: string }> {
  const name = `loket_${randomBytes(6).toString('hex')}`
  await onServer(`CREATE DATABASE ${name}`)
  const url = new URL(TEST_DATABASE_URL)
  url.pathname = `/${name}`
  return { name, url: url.toString() }
}

async function dropDatabase(name: string): Promise<void> {
  await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
}

async function onServer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

/** A local SMTP server that accepts every message and keeps it in `deliveries`. */
async function startSmtp(into: Delivery[]) {
  const server = new SMTPServer({
    authOptional: true,
    // Without a certificate nodemailer would try STARTTLS on the self-signed default and refuse it.
    disabledCommands: ['STARTTLS'],
    logger: false,
    // The API processes are stopped by then: a connection still open is not waited for long.
    closeTimeout: 2_000,
    onData(stream, session, callback) {
      simpleParser(stream).then((mail) => {
        into.push({ mail, rcptTo: session.envelope.rcptTo.map((r) => r.address) })
        callback()
      }, callback)
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const port = (server.server.address() as AddressInfo).port
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

/**
 * Waits until no mail in the outbox is pending, then checks each row was sent and reached the SMTP
 * server exactly once (by Message-ID); returns the rows.
 */
async function expectEachMailOnce() {
  const outbox = async () => (await pool.query<{ id: string; event_key: string; status: string; to: string }>(
    `SELECT id, event_key, status, data->>'to' AS to FROM outbox ORDER BY seq`)).rows
  let rows = await outbox()
  await until('the outbox is sent', async () => {
    rows = await outbox()
    return rows.every((r) => r.status !== 'pending') && deliveries.length >= rows.length
  })
  expect(rows.filter((r) => r.status !== 'sent')).toEqual([])
  const received = deliveries.map((d) => d.mail.messageId)
  expect(received.length, 'no Message-ID received twice').toBe(new Set(received).size)
  expect([...received].sort()).toEqual(rows.map((r) => `<${r.id}@loket>`).sort())
  return rows
}

/** The sign-in tokens in the links mailed to `email`, in the order they arrived. */
function tokensSentTo(email: string): string[] {
  return deliveries
    .filter((d) => d.rcptTo.includes(email) && /\/api\/auth\/callback\?token=/.test(d.mail.text ?? ''))
    .map((d) => decodeURIComponent(/\/api\/auth\/callback\?token=([^\s"'<>&]+)/.exec(d.mail.text!)![1]!))
}

/** Asks `asked` for a sign-in link, reads it from the mail and completes it on `completed`; returns the session cookie. */
async function signInByLink(asked: Api, completed: Api, email: string): Promise<string> {
  const res = await post(asked, '/api/auth/link', { email })
  expect(res.status).toBe(202)
  let token: string | undefined
  await until(`a sign-in link reaches ${email}`, async () => (token = tokensSentTo(email)[0]) !== undefined)
  const signedIn = await callback(completed, token!)
  expect(signedIn.status).toBe(303)
  return sessionCookie(signedIn)
}

// ——— requests ———

function post(api: Api, path: string, body: unknown, cookie?: string): Promise<Response> {
  return fetch(`${api.base}${path}`, { method: 'POST', headers: headers(cookie, true), body: JSON.stringify(body) })
}

function patch(api: Api, path: string, body: unknown, cookie?: string): Promise<Response> {
  return fetch(`${api.base}${path}`, { method: 'PATCH', headers: headers(cookie, true), body: JSON.stringify(body) })
}

function get(api: Api, path: string, cookie?: string): Promise<Response> {
  return fetch(`${api.base}${path}`, { headers: headers(cookie, false) })
}

/** The form the sign-in page posts, as a browser on that page would send it. */
function callback(api: Api, token: string): Promise<Response> {
  return fetch(`${api.base}/api/auth/callback`, { method: 'POST', body: new URLSearchParams({ token }), redirect: 'manual' })
}

function headers(cookie: string | undefined, isJson: boolean): Record<string, string> {
  return { ...(isJson ? { 'content-type': 'application/json' } : {}), ...(cookie ? { cookie } : {}) }
}

function sessionCookie(res: Response): string {
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('loket_session='))
  if (!cookie) throw new Error(`no session cookie in the answer (${res.status})`)
  return cookie.split(';')[0]!
}

// ——— helpers ———

/** Polls `check` until it holds; fails after POLL_MS with what was awaited. */
async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = performance.now() + POLL_MS
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`timed out after ${POLL_MS / 1000} s waiting until ${what}:\n${apis.map((api) => `— API ${api.name}\n${tail(api.log)}`).join('\n')}`)
    await sleep(100)
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** An incident as the API presents it, without its SLA state, which depends on the moment it is read. */
function withoutSla({ sla: _sla, ...incident }: Record<string, unknown>) {
  return incident
}

function count(values: string[]): Record<string, number> {
  return values.reduce<Record<string, number>>((counts, v) => ({ ...counts, [v]: (counts[v] ?? 0) + 1 }), {})
}
