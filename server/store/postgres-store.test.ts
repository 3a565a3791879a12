import { randomUUID } from 'node:crypto'
import { afterAll, describe, expect, test } from 'vitest'
import type { MailRecord } from '../mail/types.ts'
import { commonWordsWindow, migrations, openPostgresStore, together } from './postgres-store.ts'
import pg from 'pg'
import { TEST_DATABASE_URL, dropSchemas, freshSchema, openTestStore } from './postgres-testing.ts'
import { incidentDraft, storeContract } from './store-contract.ts'
import { VersionConflictError } from './store.ts'

afterAll(dropSchemas)

const schemas = new WeakMap<object, string>()
storeContract('postgres', async () => {
  const schema = freshSchema()
  const store = await openTestStore(schema)
  schemas.set(store, schema)
  return store
}, async (store) => {
  await store.close()
  return openTestStore(schemas.get(store)!)
})

const at = '2026-11-30T09:00:00.000Z'
const mail = (n: number): MailRecord => ({ id: randomUUID(), eventKey: `event:${n}`, to: 'a@klant.example', subject: `Mail ${n}`, text: 'T', status: 'pending', attempts: 0, nextAttemptAt: at, createdAt: at })

/** Two stores on one schema: two API processes on one database, each with its own connections. */
async function twoProcesses() {
  const schema = freshSchema()
  const [a, b] = await Promise.all([openTestStore(schema), openTestStore(schema)])
  return { a, b, close: () => Promise.all([a.close(), b.close()]) }
}

describe('the signal counters in PostgreSQL', () => {
  test('are counted again, from the records, when the store opens in another time zone', async () => {
    const schema = freshSchema()
    const amsterdam = await openTestStore(schema)
    await amsterdam.incidents.create(incidentDraft({ registeredAt: '2026-11-29T23:30:00.000Z' }))
    expect((await amsterdam.signals.counts({ from: '2026-11-29', to: '2026-11-30' })).map((c) => c.day)).toEqual(['2026-11-30'])
    await amsterdam.close()
    const utc = await openPostgresStore({ url: TEST_DATABASE_URL, schema, poolSize: 2, timeZone: 'UTC' })
    expect((await utc.signals.counts({ from: '2026-11-29', to: '2026-11-30' })).map((c) => [c.day, c.count])).toEqual([['2026-11-29', 1]])
    await utc.close()
  })

  test('registrations on two connections raise the same counter without waiting for each other, and are counted together', async () => {
    const { a, b, close } = await twoProcesses()
    const draft = () => incidentDraft({ registeredAt: '2026-11-30T12:00:00.000Z' })
    // Unit one raises the counter and holds its transaction open; unit two raises the same counter
    // and commits meanwhile (with one row per counter it would wait for unit one's COMMIT). Unit one
    // writes slot 64, which no connection's own slot (0…63) is, so the two never share a row here.
    const one = await a.pool.connect()
    await one.query('BEGIN')
    await one.query(`INSERT INTO signal_rollup_slots (organisation_id, day, kind, source, product_area, kb_query, slot, count)
      VALUES ('org-1', '2026-11-30', 'bug', 'incident', 'finance', 'btw fout', 64, 1)
      ON CONFLICT (day, organisation_id, kind, source, product_area, kb_query, slot) DO UPDATE SET count = signal_rollup_slots.count + 1`)
    await b.unitOfWork(async () => {
      await b.incidents.create(draft())
    })
    await one.query('COMMIT')
    one.release()
    await a.incidents.create(draft())
    const counts = await a.signals.counts({ from: '2026-11-30', to: '2026-11-30' })
    expect(counts).toHaveLength(1)
    expect(counts[0]).toMatchObject({ organisationId: 'org-1', kind: 'bug', source: 'incident', productArea: 'finance', count: 3 })
    await close()
  })
})

describe('the PostgreSQL store shared by two processes', () => {
  test('two processes starting at once apply each migration once', async () => {
    const { a, close } = await twoProcesses()
    const { rows } = await a.pool.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')
    expect(rows.map((r) => r.version)).toEqual(migrations().map((m) => m.version))
    await close()
  })

  test('incident numbers stay unique and increasing across processes', async () => {
    const { a, b, close } = await twoProcesses()
    const created = await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 ? a : b).incidents.create(incidentDraft())))
    const numbers = created.map((i) => Number(i.number))
    expect(new Set(numbers).size).toBe(60)
    const later = await a.incidents.create(incidentDraft())
    expect(Number(later.number)).toBeGreaterThan(Math.max(...numbers))
    expect(await b.incidents.count()).toBe(61)
    await close()
  })

  test('a change made by both processes against one version is decided once; the loser gets the current state', async () => {
    const { a, b, close } = await twoProcesses()
    const incident = await a.incidents.create(incidentDraft())
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) =>
      (i % 2 ? a : b).incidents.update(incident.id, 1, (x) => ({ ...x, priority: ((i % 4) + 1) as 1 | 2 | 3 | 4 }))))
    const won = results.filter((r) => r.status === 'fulfilled')
    expect(won).toHaveLength(1)
    const stored = await b.incidents.get(incident.id)
    expect(stored).toMatchObject({ version: 2, priority: (won[0] as PromiseFulfilledResult<{ priority: number }>).value.priority })
    for (const lost of results.filter((r) => r.status === 'rejected')) {
      expect(lost.reason).toBeInstanceOf(VersionConflictError)
      expect(lost.reason.current).toMatchObject({ version: 2 })
    }
    await close()
  })

  test('what a process keeps of the signals it read stands only until another process writes what changes it', async () => {
    const { a, b, close } = await twoProcesses()
    const organisation = (name: string) => ({ id: 'org-1', name, customerNumber: '1', isFirstClass: false, subscriptions: [], invoices: [], projects: [], courses: [] })
    const count = (counted: readonly { count: number }[]) => counted.reduce((n, c) => n + c.count, 0)
    // A window from Sunday 1 November (its first day, cut in two) to Monday 30 November (today).
    const window = { after: '2026-11-01', before: '2026-11-30' }
    const weekly = () => a.signals.weekly({ from: '2026-11-02', to: '2026-11-30', splitAfter: '2026-11-01', organisationIds: ['org-1'] })
    const firstDay = (after?: Date) => a.signals.momentsOn(['2026-11-01'], after ? { after } : {})
    await b.organisations.put(organisation('Bakkerij Een'))
    await b.incidents.create(incidentDraft({ registeredAt: '2026-11-10T10:00:00.000Z' }))
    // Read twice with nothing written between: the same lists, kept.
    const totals = await a.signals.totals(window)
    expect(await a.signals.totals(window)).toBe(totals)
    const organisations = await a.signals.organisations()
    expect(await a.signals.organisations()).toBe(organisations)
    expect(count(totals)).toBe(1)
    expect(count(await weekly())).toBe(1)
    expect(await firstDay()).toEqual([])
    // The other process writes a moment of the window's first day (outside the sums), then a
    // counter of a past day, and renames the organisation.
    await b.incidents.create(incidentDraft({ registeredAt: '2026-11-01T10:00:00.000Z' }))
    expect((await firstDay()).map((m) => m.at.toISOString())).toEqual(['2026-11-01T10:00:00.000Z'])
    expect(await firstDay(new Date('2026-11-01T10:00:00.000Z'))).toEqual([])
    expect(count(await a.signals.totals(window))).toBe(1)
    await b.incidents.create(incidentDraft({ registeredAt: '2026-11-12T10:00:00.000Z' }))
    await b.organisations.put(organisation('Bakkerij Eén'))
    expect(count(await a.signals.totals(window))).toBe(2)
    expect(count(await weekly())).toBe(2)
    expect((await a.signals.organisations()).map((o) => o.name)).toEqual(['Bakkerij Eén'])
    // Today's counters are read afresh on every page, beside the kept weekly sums.
    await b.incidents.create(incidentDraft({ registeredAt: '2026-11-30T10:00:00.000Z' }))
    expect(count(await weekly())).toBe(3)
    await close()
  })

  test('a due mail is handed to one process only, and to none again until marked failed', async () => {
    const { a, b, close } = await twoProcesses()
    for (let n = 0; n < 30; n++) await a.outbox.enqueue(mail(n))
    const now = new Date('2026-11-30T09:00:00Z')
    const [fromA, fromB] = await Promise.all([a.outbox.due(now, 20), b.outbox.due(now, 20)])
    const ids = [...fromA, ...fromB].map((m) => m.id)
    expect(ids).toHaveLength(30)
    expect(new Set(ids).size).toBe(30)
    expect(await a.outbox.due(now, 50)).toEqual([])
    await b.outbox.markFailed(fromA[0]!.id, 'connection refused', new Date('2026-11-30T09:00:30Z'))
    expect((await a.outbox.due(new Date('2026-11-30T09:00:30Z'), 50)).map((m) => [m.id, m.attempts])).toEqual([[fromA[0]!.id, 1]])
    await close()
  })

  test('a claimed mail its process never marked is due again once the claim ran out, with its own id', async () => {
    const { a, b, close } = await twoProcesses()
    const queued = await a.outbox.enqueue(mail(1))
    expect((await a.outbox.due(new Date(at), 10)).map((m) => m.id)).toEqual([queued.id])
    expect(await b.outbox.due(new Date('2026-11-30T09:04:59Z'), 10)).toEqual([])
    expect((await b.outbox.due(new Date('2026-11-30T09:05:00Z'), 10)).map((m) => m.id)).toEqual([queued.id])
    await close()
  })

  test('a sign-in token is taken by one process only', async () => {
    const { a, b, close } = await twoProcesses()
    await a.signInTokens.put({ id: 't1', tokenHash: 'h1', subject: { kind: 'contact', id: 'c1' }, expiresAt: '2026-11-30T09:15:00.000Z' })
    const now = new Date(at)
    const taken = await Promise.all([a, b, a, b].map((s) => s.signInTokens.take('h1', now)))
    expect(taken.filter(Boolean)).toHaveLength(1)
    await close()
  })

  test('rate limits count the hits of both processes in one window', async () => {
    const { a, b, close } = await twoProcesses()
    const now = new Date(at)
    const counts = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).rateCounters.hit('sign-in:1.2.3.4', 600_000, now)))
    expect(counts.map((w) => w.count).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(await a.rateCounters.peek('sign-in:1.2.3.4', 600_000, now)).toMatchObject({ count: 10 })
    await close()
  })

  test('keeps records as the API wrote them, key order included', async () => {
    const store = await openTestStore()
    const incident = await store.incidents.create(incidentDraft())
    expect(JSON.stringify(await store.incidents.get(incident.id))).toBe(JSON.stringify(incident))
    await store.close()
  })

  test('runs a task exclusively across processes', async () => {
    const { a, b, close } = await twoProcesses()
    const log: string[] = []
    const task = (name: string) => async () => {
      log.push(`${name} in`)
      await new Promise((r) => setTimeout(r, 50))
      log.push(`${name} out`)
    }
    await Promise.all([a.exclusive('seed', task('a')), b.exclusive('seed', task('b'))])
    expect(log.map((l) => l.split(' ')[1])).toEqual(['in', 'out', 'in', 'out'])
    await close()
  })
})

describe('a unit of work on PostgreSQL', () => {
  test('tells reads from writes: a SELECT that locks, notifies or calls the store\'s functions writes', async () => {
    const { isRead } = await import('./postgres-store.ts')
    expect(isRead('SELECT data FROM incidents WHERE id = $1')).toBe(true)
    expect(isRead(`SELECT nextval('incident_number') AS number`)).toBe(true)
    expect(isRead('INSERT INTO audit (id, data) VALUES ($1, $2)')).toBe(false)
    expect(isRead('WITH due AS (SELECT id FROM outbox FOR UPDATE SKIP LOCKED) UPDATE outbox SET status = 1')).toBe(false)
    expect(isRead('SELECT id FROM outbox FOR UPDATE SKIP LOCKED')).toBe(false)
    expect(isRead(`SELECT pg_notify('loket_changes', $1)`)).toBe(false)
    expect(isRead(`SELECT loket_fill_signal_rollups($1)`)).toBe(false)
  })

  const entry = (target: string) => ({ id: randomUUID(), at, actor: 'test', action: 'incident.registered', target })

  test('keeps nothing of a task that throws: no incident, no audit entry, no mail, no token', async () => {
    const store = await openTestStore()
    const failing = store.unitOfWork(async () => {
      const incident = await store.incidents.create(incidentDraft())
      await Promise.all([store.audit.append(entry(`incident:${incident.id}`)), store.outbox.enqueue(mail(1))])
      await store.signInTokens.put({ id: 't1', tokenHash: 'h1', subject: { kind: 'contact', id: 'c1' }, expiresAt: '2026-11-30T09:15:00.000Z' })
      throw new Error('a step failed')
    })
    await expect(failing).rejects.toThrow('a step failed')
    expect(await store.incidents.count()).toBe(0)
    expect(await store.outbox.list()).toEqual([])
    expect(await store.signInTokens.take('h1', new Date(at))).toBeUndefined()
    expect((await store.pool.query('SELECT 1 FROM audit')).rowCount).toBe(0)
    await store.close()
  })

  test('sends the inserts nobody reads (incident, audit, token, mail) together at its end, one statement without BEGIN, and each is kept', async () => {
    const store = await openTestStore()
    const sent: string[] = []
    const query = store.pool.query.bind(store.pool)
    const connect = store.pool.connect.bind(store.pool)
    // Every statement the unit sends, on the pool or on its transaction's connection.
    store.pool.query = ((...args: Parameters<typeof query>) => (sent.push(textOf(args[0])), query(...args))) as typeof query
    // The pool's own query connects with a callback: only a unit's connect (a promise) is watched.
    store.pool.connect = ((...args: unknown[]) => {
      if (args.length) return (connect as (...a: unknown[]) => unknown)(...args)
      return connect().then((client) => {
        const own = client.query.bind(client)
        client.query = ((...a: Parameters<typeof own>) => (sent.push(textOf(a[0])), own(...a))) as typeof own
        return client
      })
    }) as typeof connect
    const incident = await store.unitOfWork(async () => {
      const created = await store.incidents.create(incidentDraft())
      await Promise.all([
        store.audit.append(entry(`incident:${created.id}`)),
        store.signInTokens.put({ id: 't1', tokenHash: 'h1', subject: { kind: 'contact', id: 'c1' }, expiresAt: '2026-11-30T09:15:00.000Z' }),
        store.outbox.enqueue(mail(1)),
      ])
      return created
    })
    // The number drawn, then every write at once.
    expect(sent.map((s) => s.split(/\s+/)[0])).toEqual(['SELECT', 'WITH'])
    expect(await store.incidents.get(incident.id)).toMatchObject({ id: incident.id, number: incident.number })
    expect(await store.audit.listFor(`incident:${incident.id}`)).toHaveLength(1)
    expect(await store.outbox.list()).toMatchObject([{ eventKey: 'event:1' }])
    expect(await store.signInTokens.take('h1', new Date(at))).toMatchObject({ id: 't1' })
    await store.close()
  })

  test('a read after a held insert sees it, and a unit of held inserts only is one statement without BEGIN', async () => {
    const store = await openTestStore()
    const seen = await store.unitOfWork(async () => {
      await store.audit.append(entry('incident:x'))
      return store.audit.listFor('incident:x')
    })
    expect(seen).toHaveLength(1)
    const sent: string[] = []
    const query = store.pool.query.bind(store.pool)
    store.pool.query = ((...args: Parameters<typeof query>) => (sent.push(textOf(args[0])), query(...args))) as typeof query
    await store.unitOfWork(() => Promise.all([store.audit.append(entry('incident:y')), store.outbox.enqueue(mail(2))]))
    expect(sent.filter((s) => /audit/.test(s))).toHaveLength(1)
    expect(sent.some((s) => /^(BEGIN|COMMIT)/.test(s))).toBe(false)
    expect(await store.audit.listFor('incident:y')).toHaveLength(1)
    expect(await store.outbox.list()).toMatchObject([{ eventKey: 'event:2' }])
    await store.close()
  })

  test('a held insert that fails undoes the whole unit', async () => {
    const store = await openTestStore()
    await expect(store.unitOfWork(async () => {
      await store.incidents.create(incidentDraft())
      await store.audit.append({ ...entry('incident:z'), target: undefined as never })
    })).rejects.toThrow()
    expect(await store.incidents.count()).toBe(0)
    expect(await store.audit.listFor('incident:z')).toEqual([])
    await store.close()
  })

  test('its writes are seen by others only once it commits', async () => {
    const { a, b, close } = await twoProcesses()
    let created: { id: string } | undefined
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const unit = a.unitOfWork(async () => {
      created = await a.incidents.create(incidentDraft())
      await held
    })
    while (!created) await new Promise((resolve) => setTimeout(resolve, 5))
    expect(await b.incidents.get(created.id)).toBeUndefined()
    expect(await a.incidents.get(created.id)).toBeUndefined() // read outside the unit
    release()
    await unit
    expect(await b.incidents.get(created.id)).toMatchObject({ id: created.id })
    await close()
  })

  test('a rate-limit hit inside a unit that fails is kept', async () => {
    const store = await openTestStore()
    const now = new Date(at)
    await expect(store.unitOfWork(async () => {
      await store.rateCounters.hit('register:1.2.3.4', 600_000, now)
      await store.incidents.create(incidentDraft())
      throw new Error('a step failed')
    })).rejects.toThrow()
    expect(await store.rateCounters.peek('register:1.2.3.4', 600_000, now)).toMatchObject({ count: 1 })
    expect(await store.incidents.count()).toBe(0)
    await store.close()
  })

  test('a statement that failed inside is not committed as if all went well', async () => {
    const store = await openTestStore()
    const unit = store.unitOfWork(async () => {
      await store.incidents.create(incidentDraft())
      // The failure is swallowed, as no service does: the transaction is aborted all the same.
      await store.incidents.create({ ...incidentDraft(), status: undefined as never }).catch(() => undefined)
    })
    await expect(unit).rejects.toThrow(/rolled back/)
    // Also when a write kept for the commit comes after the failure.
    await expect(store.unitOfWork(async () => {
      await store.incidents.create(incidentDraft())
      await store.atCommit(`INSERT INTO rate_counters (key, started_at_ms, count) VALUES ('hot', 0, 1)`, [])
      await store.incidents.create({ ...incidentDraft(), status: undefined as never }).catch(() => undefined)
    })).rejects.toThrow(/rolled back/)
    expect(await store.incidents.count()).toBe(0)
    await store.close()
  })

  test('a version conflict inside a unit is a conflict, as outside one', async () => {
    const store = await openTestStore()
    const incident = await store.incidents.create(incidentDraft())
    await store.incidents.update(incident.id, 1, (i) => ({ ...i, priority: 2 }))
    await expect(store.unitOfWork(() => store.incidents.update(incident.id, 1, (i) => ({ ...i, priority: 3 })))).rejects.toBeInstanceOf(VersionConflictError)
    expect(await store.incidents.get(incident.id)).toMatchObject({ priority: 2, version: 2 })
    await store.close()
  })

  test('a statement the task left running after the unit ended runs on its own', async () => {
    const store = await openTestStore()
    let late: Promise<unknown> | undefined
    await store.unitOfWork(async () => {
      await store.incidents.create(incidentDraft())
      late = new Promise((resolve) => setTimeout(resolve, 20)).then(() => store.incidents.create(incidentDraft()))
    })
    await late
    expect(await store.incidents.count()).toBe(2)
    await store.close()
  })

  test('runs a write kept for the commit at the end, so a row many requests raise is locked only then; an undone unit runs none', async () => {
    const { a, b, close } = await twoProcesses()
    const raise = (store: typeof a) => store.atCommit(
      `INSERT INTO rate_counters (key, started_at_ms, count) VALUES ('hot', 0, 1) ON CONFLICT (key) DO UPDATE SET count = rate_counters.count + 1`, [])
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    let raised = false
    const slow = a.unitOfWork(async () => {
      await a.incidents.create(incidentDraft())
      await raise(a)
      raised = true
      await held
    })
    while (!raised) await new Promise((resolve) => setTimeout(resolve, 5))
    // The slow unit has not locked the row yet: another unit raises it and commits meanwhile.
    await b.unitOfWork(async () => {
      await b.incidents.create(incidentDraft())
      await raise(b)
    })
    const count = async () => (await a.pool.query<{ count: number }>(`SELECT count FROM rate_counters WHERE key = 'hot'`)).rows[0]?.count
    expect(await count()).toBe(1)
    release()
    await slow
    expect(await count()).toBe(2)
    await expect(a.unitOfWork(async () => {
      await raise(a)
      throw new Error('a step failed')
    })).rejects.toThrow()
    expect(await count()).toBe(2)
    await raise(a) // outside a unit: at once
    expect(await count()).toBe(3)
    await close()
  })

  test('a write the task left running after the unit was undone is refused, not kept on its own', async () => {
    const store = await openTestStore()
    let late: Promise<unknown> | undefined
    await expect(store.unitOfWork(async () => {
      // As in a Promise.all whose other half failed: this half goes on after the unit ended.
      late = new Promise((resolve) => setTimeout(resolve, 20)).then(() => store.outbox.enqueue(mail(1)))
      // Looked at below; on a slow machine it may be refused while the ROLLBACK is still under way.
      late.catch(() => undefined)
      await store.incidents.create(incidentDraft())
      throw new Error('a step failed')
    })).rejects.toThrow('a step failed')
    await expect(late).rejects.toThrow(/undone/)
    expect(await store.incidents.count()).toBe(0)
    expect(await store.outbox.list()).toEqual([])
    await store.close()
  })
})

describe('the PostgreSQL store when the database cannot take a write', () => {
  test('out of reach, out of space or shutting down is storage unavailable; a constraint or a bug is not', async () => {
    const { unavailability } = await import('./postgres-store.ts')
    expect(unavailability(Object.assign(new Error('could not extend file: No space left on device'), { code: '53100' }))).toMatch(/SQLSTATE 53100/)
    expect(unavailability(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toMatch(/57P01/)
    expect(unavailability(Object.assign(new Error('connection failure'), { code: '08006' }))).toMatch(/08006/)
    expect(unavailability(Object.assign(new Error('could not write to file'), { code: '58030' }))).toMatch(/58030/)
    expect(unavailability(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe('PostgreSQL unreachable (ECONNREFUSED)')
    expect(unavailability(new Error('Connection terminated unexpectedly'))).toMatch(/unreachable/)
    expect(unavailability(Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }))).toBeUndefined()
    expect(unavailability(new TypeError('x is undefined'))).toBeUndefined()
  })

  test('a connection the server ends under a write: StorageUnavailableError, health says why, and the next write goes through on a new connection', async () => {
    const store = await openTestStore()
    const schema = (await store.pool.query<{ s: string }>('SELECT current_schema() AS s')).rows[0]!.s
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL })
    await admin.connect()
    try {
      // Hold the table, so the store's insert waits on the server; then end that connection, as a restart of the database would.
      await admin.query('BEGIN')
      await admin.query(`LOCK TABLE ${schema}.incidents IN ACCESS EXCLUSIVE MODE`)
      // Its outcome is taken at once, so the refusal is never an unhandled rejection while the test polls.
      const write = store.incidents.create(incidentDraft()).then(() => undefined, (error: Error) => error)
      let pid: number | undefined
      for (let i = 0; i < 250 && !pid; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20))
        // Inside a transaction the activity view is read once and kept: let it be read anew.
        await admin.query('SELECT pg_stat_clear_snapshot()')
        pid = (await admin.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO incidents%'`)).rows[0]?.pid
      }
      expect(pid).toBeDefined()
      await admin.query('SELECT pg_terminate_backend($1)', [pid])
      expect(await write).toMatchObject({ name: 'StorageUnavailableError', message: expect.stringMatching(/57P01/) })
      await admin.query('ROLLBACK')
    } finally {
      await admin.end()
    }
    // The health check writes one row, which goes through: the store is healthy again.
    expect(await store.health()).toEqual({ ok: true })
    expect((await store.incidents.create(incidentDraft())).version).toBe(1)
    await store.close()
  })
})

describe('002_lists on a database that holds records', () => {
  test('fills the list columns and search text of the incidents already stored, so they page and are found', async () => {
    const schema = freshSchema()
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL })
    await client.connect()
    try {
      // The database as 001 left it, with an incident, its requester, organisation and messages.
      await client.query(`CREATE SCHEMA ${schema}`)
      await client.query(`SET search_path = ${schema}`)
      await client.query(migrations().find((m) => m.version === 1)!.sql)
      await client.query('CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())')
      await client.query(`INSERT INTO schema_migrations (version, name) VALUES (1, '001_records.sql')`)
      const incident = { ...incidentDraft({ organisationId: 'org-old', contactId: 'c-old', subject: 'Oude printers', status: 'in_progress', priority: 2, queueDueAt: '2026-12-01T10:00:00.000Z' }), id: 'i-old', number: '100001', version: 3 }
      await client.query(`INSERT INTO organisations (id, data) VALUES ('org-old', $1)`, [JSON.stringify({ id: 'org-old', name: 'Bakkerij Oud' })])
      await client.query(`INSERT INTO contacts (id, organisation_id, email, data) VALUES ('c-old', 'org-old', 'oud@klant.example', $1)`, [JSON.stringify({ id: 'c-old', name: 'Olga Oudshoorn' })])
      await client.query(`INSERT INTO incidents (id, number, organisation_id, contact_id, team, assignee_id, status, version, data) VALUES ('i-old', 100001, 'org-old', 'c-old', 'finance', NULL, 'in_progress', 3, $1)`, [JSON.stringify(incident)])
      for (const [id, visibility, text] of [['m1', 'public', 'De magazijnen wachten.'], ['m2', 'internal', 'Leverancier gebeld.']]) {
        await client.query(`INSERT INTO messages (id, incident_id, at, data) VALUES ($1, 'i-old', '2026-11-30T10:00:00.000Z', $2)`, [id, JSON.stringify({ id, incidentId: 'i-old', visibility, text })])
      }
    } finally {
      await client.end()
    }
    const store = await openTestStore(schema)
    const found = async (q: string, withInternal = false) => (await store.incidents.page({ organisationId: 'org-old', q, withInternal }, { limit: 10 })).items.map((i) => i.id)
    for (const q of ['printer', 'magazijn', 'oudshoorn', 'bakkerij']) expect(await found(q), q).toEqual(['i-old'])
    expect(await found('leverancier')).toEqual([])
    expect(await found('leverancier', true)).toEqual(['i-old'])
    expect((await store.incidents.queuePage({ status: ['in_progress'], dueBefore: '2026-12-02T00:00:00.000Z' }, { limit: 10 })).items.map((i) => i.id)).toEqual(['i-old'])
    await store.close()
  })
})

describe('a word search on PostgreSQL', () => {
  test('leaves words the statistics call common uncounted, reads only a window of the newest incidents, and pages through every match once', async () => {
    const store = await openTestStore()
    try {
      const first = await store.incidents.create(incidentDraft({ subject: 'Btw-aangifte', description: 'Geeft een fout.' }))
      // 15,000 more after it: five in six about invoices (common), one in 600 with a rare word too.
      const more = 15_000
      await store.pool.query(`INSERT INTO incidents (id, number, organisation_id, contact_id, team, assignee_id, status, version, kind, product_area, priority, registered_at, queue_due, data, search_text)
        SELECT 'bulk-' || g, number + g, organisation_id, contact_id, team, assignee_id, status, version, kind, product_area, priority, registered_at, queue_due,
          (jsonb_set(jsonb_set(data::jsonb, '{id}', to_jsonb('bulk-' || g)), '{number}', to_jsonb((number + g)::text)))::json,
          CASE WHEN g % 6 <> 0 THEN 'Het verzenden van facturen' ELSE 'De btw-aangifte' END || CASE WHEN g % 600 = 1 THEN ' kwartelkoning' ELSE '' END
        FROM incidents, generate_series(1, ${more}) AS g WHERE id = $1`, [first.id])
      await store.pool.query('ANALYZE incidents')
      const base = Number(first.number)
      const invoices = Array.from({ length: more }, (_, i) => more - i).filter((g) => g % 6 !== 0).map((g) => String(base + g))
      const sent: string[] = []
      const query = store.pool.query.bind(store.pool)
      store.pool.query = ((...args: Parameters<typeof query>) => {
        sent.push(textOf(args[0]))
        return query(...args)
      }) as typeof query

      const page = await store.incidents.page({ q: 'facturen', withInternal: true }, { limit: 50 })
      expect(page.items.map((i) => i.number)).toEqual(invoices.slice(0, 50))
      expect(page.total).toBeNull()
      // No count by the GIN indexes: the page itself, in a window of the newest numbers.
      expect(sent.some((sql) => sql.includes('count(*)'))).toBe(false)
      expect(sent.find((sql) => sql.includes('ORDER BY number DESC'))).toMatch(/number >= \(SELECT max\(number\) \+ 1 FROM incidents\) - \d+/)

      // Pages of 200 to the end: each match once, newest first; the last pages (fewer than the window holds) counted again.
      const seen: string[] = []
      for (let cursor: string | undefined, pages = 0; pages < 100; pages++) {
        const next = await store.incidents.page({ q: 'factuur', withInternal: true }, { limit: 200, ...(cursor ? { cursor } : {}) })
        seen.push(...next.items.map((i) => i.number))
        if (!next.next) break
        cursor = next.next
      }
      expect(seen).toEqual(invoices)

      // A rare word is counted, exactly; so is a common word beside a rare one.
      const rare = await store.incidents.page({ q: 'kwartelkoning' }, { limit: 50 })
      expect([rare.items.length, rare.total]).toEqual([25, 25])
      expect((await store.incidents.page({ q: 'kwartelkoning facturen' }, { limit: 50 })).total).toBe(25)
    } finally {
      await store.close()
    }
  })

  test('reads a window that holds the page four times over at the expected share of matches, and only for common words', () => {
    expect(commonWordsWindow(72_000, 1_000_000, 50)).toBe(2834)
    expect(commonWordsWindow(12_500, 15_000, 200)).toBe(965)
    // Fewer than ten times TOTAL_CAP expected, a small share of the incidents, or a table never analysed: counted.
    expect(commonWordsWindow(9_999, 12_000, 50)).toBeUndefined()
    expect(commonWordsWindow(13_000, 1_000_000, 50)).toBeUndefined()
    expect(commonWordsWindow(20_000, -1, 50)).toBeUndefined()
  })
})

/** The text of a query as pg is given it: a string or a config. */
describe('lookups of requests under way at once on PostgreSQL', () => {
  /** The texts of the statements `store` sends on its pool from now on. */
  function watch(store: Awaited<ReturnType<typeof openTestStore>>): string[] {
    const sent: string[] = []
    const query = store.pool.query.bind(store.pool)
    store.pool.query = ((...args: Parameters<typeof query>) => (sent.push(textOf(args[0])), query(...args))) as typeof query
    return sent
  }

  test('registrations at once draw their numbers together: each its own, ascending in the order asked', async () => {
    const store = await openTestStore()
    const sent = watch(store)
    const created = await Promise.all(Array.from({ length: 20 }, () => store.unitOfWork(() => store.incidents.create(incidentDraft()))))
    const numbers = created.map((i) => Number(i.number))
    expect(new Set(numbers).size).toBe(20)
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b))
    const draws = sent.filter((s) => s.includes(`nextval('incident_number')`))
    expect(draws.length).toBeGreaterThan(0)
    expect(draws.length).toBeLessThan(20)
    expect(await store.incidents.count()).toBe(20)
    await store.close()
  })

  test('sessions looked up at once are read together; a unit that stored a session reads it on its own connection', async () => {
    const store = await openTestStore()
    const session = (id: string) => ({ id, tokenHash: `h-${id}`, subject: { kind: 'staff' as const, id: 'st1' }, createdAt: at, expiresAt: at })
    await Promise.all(['a', 'b', 'c'].map((id) => store.sessions.put(session(id))))
    const sent = watch(store)
    const found = await Promise.all(['a', 'b', 'c', 'x', 'a', 'b', 'c', 'x'].map((id) => store.sessions.withSubject(`h-${id}`)))
    expect(found.map((f) => f?.session.id)).toEqual(['a', 'b', 'c', undefined, 'a', 'b', 'c', undefined])
    expect(sent.filter((s) => s.includes('FROM sessions')).length).toBeLessThan(8)
    // Not yet committed: only the unit itself sees it.
    const seen = await store.unitOfWork(async () => {
      await store.sessions.put(session('new'))
      return store.sessions.withSubject('h-new')
    })
    expect(seen?.session.id).toBe('new')
    await store.close()
  })
})

function textOf(query: unknown): string {
  return typeof query === 'string' ? query : (query as { text: string }).text
}

describe('together', () => {
  const insert = (table: string, n: number) => ({ sql: `INSERT INTO ${table} (a, b) VALUES ($1, $2)`, params: [n, n + 1] })

  test('makes one statement of several inserts, their parameters numbered on', () => {
    expect(together([insert('a', 1), insert('b', 3)])).toEqual([{
      sql: 'WITH w0 AS (INSERT INTO a (a, b) VALUES ($1, $2)), w1 AS (INSERT INTO b (a, b) VALUES ($3, $4)) SELECT 1', params: [1, 2, 3, 4],
    }])
  })

  test('leaves one insert as it is, and starts a new statement where a table comes again, so its rows keep their order', () => {
    expect(together([insert('a', 1)])).toEqual([insert('a', 1)])
    const parts = together([insert('a', 1), insert('b', 3), insert('a', 5)])
    expect(parts).toHaveLength(2)
    expect(parts[0]!.params).toEqual([1, 2, 3, 4])
    expect(parts[1]).toEqual(insert('a', 5))
  })
})

