// The real server, killed with SIGKILL at a random moment under concurrent registrations, again
// and again on one data folder: every acknowledged registration (201, 202) is there after each restart,
// with its audit entry and mail, and what was not acknowledged is either whole or absent.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, test } from 'vitest'
import { hashToken, newToken } from './auth/tokens.ts'
import { SESSION_COOKIE } from './middleware/session/index.ts'
import { seedDemo } from './seed.ts'
import { openLowdbStore } from './store/lowdb-store.ts'
import { widgetRegistration } from './testing.ts'
import { freePort } from '../scripts/free-port.ts'

/** Rounds of start, load, kill: few enough for CI, enough to land kills at different moments. */
const ROUNDS = 5
/** Concurrent clients registering during a round. */
const CLIENTS = 12


function startServer(dataDir: string, port: number): ChildProcess {
  const { DATABASE_URL: _db, SMTP_URL: _smtp, BASE_URL: _base, ALLOWED_ORIGINS: _origins, ...env } = process.env
  return spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, SITE_DIR: join(dataDir, '..', 'no-site'), NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
}

async function untilHealthy(base: string, server: ChildProcess, errors: () => string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (server.exitCode !== null) throw new Error(`the server stopped at start (${server.exitCode}): ${errors()}`)
    const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false)
    if (ok) return
    await sleep(100)
  }
  throw new Error(`the server did not become healthy: ${errors()}`)
}

describe('killed with SIGKILL under load, again and again', () => {
  test(`${ROUNDS} rounds: every acknowledged registration (201, 202) survives, with its audit entry and mail; nothing is half there`, async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'loket-crash-')), 'data')
    const token = newToken()
    const setup = await openLowdbStore({ dir: dataDir, log: () => {} })
    await seedDemo(setup)
    await setup.sessions.put({
      id: randomUUID(), tokenHash: hashToken(token), subject: { kind: 'contact', id: 'c-jansen-emp' },
      createdAt: new Date().toISOString(), expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    })
    await setup.close()
    const acknowledged = new Map<string, string>()
    /** Addresses whose anonymous registration was answered 202: each was sent a mail. */
    const answered: string[] = []

    for (let round = 0; round < ROUNDS; round++) {
      const port = await freePort()
      const base = `http://127.0.0.1:${port}`
      const server = startServer(dataDir, port)
      let stderr = ''
      server.stderr!.on('data', (chunk) => (stderr += chunk))
      await untilHealthy(base, server, () => stderr)
      let isRunning = true
      const clients = Array.from({ length: CLIENTS }, async (_, client) => {
        for (let n = 0; isRunning; n++) {
          const res = await fetch(`${base}/api/incidents`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie: `${SESSION_COOKIE}=${token}` },
            body: JSON.stringify({ ...widgetRegistration, email: 'tom@bakkerij-jansen.example', subject: `Ronde ${round}, klant ${client}, melding ${n}` }),
          }).catch(() => undefined)
          if (!res) return
          const body = await res.json().catch(() => undefined) as { id?: string; number?: string } | undefined
          if (res.status === 201 && body?.id) acknowledged.set(body.id, body.number!)
        }
      })
      // From the widget, anonymously, by people the desk does not know: 202, and a mail to each
      // (until the per-address limit of the process answers 429).
      const anonymous = (async () => {
        for (let n = 0; isRunning; n++) {
          const email = `onbekend-${round}-${n}@elders.example`
          const res = await fetch(`${base}/api/incidents`, {
            method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...widgetRegistration, email }),
          }).catch(() => undefined)
          if (!res || res.status === 429) return
          if (res.status === 202) answered.push(email)
        }
      })()
      // A random moment, once some registrations went through.
      await sleep(300 + Math.floor(Math.random() * 700))
      server.kill('SIGKILL')
      await new Promise((resolve) => (server.exitCode !== null ? resolve(undefined) : server.once('exit', resolve)))
      isRunning = false
      await Promise.all([...clients, anonymous])

      const store = await openLowdbStore({ dir: dataDir, log: () => {} })
      try {
        const incidents = await store.incidents.list({})
        const byId = new Map(incidents.map((i) => [i.id, i]))
        const mails = await store.outbox.list()
        const missing = [...acknowledged.keys()].filter((id) => !byId.has(id))
        expect(missing, `round ${round}: acknowledged but gone`).toEqual([])
        for (const [id, number] of acknowledged) {
          expect(byId.get(id)!.number).toBe(number)
          expect((await store.audit.listFor(`incident:${id}`)).length, `audit of ${number}`).toBeGreaterThan(0)
          expect(mails.some((m) => m.eventKey.includes(id) || m.subject.includes(number)), `mail of ${number}`).toBe(true)
        }
        const mailedTo = new Set(mails.map((m) => m.to))
        expect(answered.filter((email) => !mailedTo.has(email)), `round ${round}: answered 202 but not mailed`).toEqual([])
        // Whatever else is there is whole: the same fields as an acknowledged one, a subject of this test.
        const shape = Object.keys(incidents.find((i) => acknowledged.has(i.id)) ?? incidents[0]!).sort()
        for (const incident of incidents) {
          expect(Object.keys(incident).sort()).toEqual(shape)
          expect(incident.subject).toMatch(/^Ronde \d+, klant \d+, melding \d+$/)
        }
      } finally {
        await store.close()
      }
    }
    expect(acknowledged.size).toBeGreaterThan(ROUNDS)
    expect(answered.length).toBeGreaterThan(0)
  }, 180_000)
})
