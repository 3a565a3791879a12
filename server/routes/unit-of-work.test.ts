/** One unit of work per changing request: a failed step keeps nothing (PostgreSQL), a refusal keeps what it must (both stores). */
import pg from 'pg'
import { afterEach, describe, expect, test, vi } from 'vitest'
import type { PostgresStore } from '../store/postgres-store.ts'
import { closeTestDesks, testDesk, widgetRegistration } from '../testing.ts'

afterEach(async () => {
  vi.restoreAllMocks()
  await closeTestDesks()
})

const isPostgres = process.env.TEST_STORE === 'postgres'

/** Rows in a table of the desk's PostgreSQL schema. */
async function rowsIn(store: unknown, table: string): Promise<number> {
  const { rows } = await (store as PostgresStore).pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)
  return rows[0]!.n
}

/** Every statement sent to PostgreSQL while `work` runs, with the connection it ran on. */
async function statementsOf<T>(work: () => Promise<T>): Promise<{ result: T; statements: { client: unknown; sql: string }[] }> {
  const statements: { client: unknown; sql: string }[] = []
  const original = pg.Client.prototype.query
  const spy = vi.spyOn(pg.Client.prototype, 'query').mockImplementation(function (this: pg.Client, ...args: unknown[]) {
    const sql = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string }).text ?? ''
    statements.push({ client: this, sql: sql.trim().replace(/\s+/g, ' ') })
    return (original as (...a: unknown[]) => unknown).apply(this, args)
  } as never)
  try {
    return { result: await work(), statements }
  } finally {
    spy.mockRestore()
  }
}

describe('a registration is one unit of work', () => {
  test.runIf(isPostgres)('on PostgreSQL it is one statement: the incident, its audit entry, token, mail and counter at once, atomic without BEGIN', async () => {
    const desk = await testDesk()
    const cookie = await desk.cookieFor('contact', 'c-jansen-emp')
    const { result, statements } = await statementsOf(() => desk.call('POST', '/api/incidents', widgetRegistration, { cookie }))
    expect(result.status).toBe(201)
    const writes = statements.filter((s) => !/^SELECT\b/i.test(s.sql))
    // The incident (announced in the same statement), its audit entry, the tracking link's token,
    // the mail and the organisation's signal counter: one statement, a transaction by itself.
    expect(writes).toHaveLength(1)
    expect([...writes[0]!.sql.matchAll(/INSERT INTO (\w+)/g)].map((m) => m[1]).sort()).toEqual(['audit', 'incidents', 'outbox', 'sign_in_tokens', 'signal_rollup_slots'])
    expect(writes[0]!.sql).toContain('pg_notify')
    expect((await desk.store.incidents.byNumber(result.json.number))?.id).toBe(result.json.id)
  })

  test('more registrations at once than the store has connections all land, each once', async () => {
    const desk = await testDesk()
    const cookie = await desk.cookieFor('contact', 'c-jansen-emp')
    const before = await desk.store.incidents.count()
    // A read that waited for a second connection while its request held one would stop them all.
    const answers = await Promise.all(Array.from({ length: 12 }, () => desk.call('POST', '/api/incidents', widgetRegistration, { cookie })))
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(201))
    expect(new Set(answers.map((a) => a.json.number)).size).toBe(12)
    expect(await desk.store.incidents.count()).toBe(before + 12)
  })

  test('a registration whose audit entry fails is answered 500; on PostgreSQL nothing of it is left', async () => {
    const desk = await testDesk()
    const cookie = await desk.cookieFor('contact', 'c-jansen-emp')
    const tokensBefore = isPostgres ? await rowsIn(desk.store, 'sign_in_tokens') : 0
    vi.spyOn(desk.store.audit, 'append').mockRejectedValue(new Error('the audit log is broken'))
    const res = await desk.call('POST', '/api/incidents', widgetRegistration, { cookie })
    expect(res.status).toBe(500)
    expect(res.json.code).toBe('internal')
    if (!isPostgres) return // The embedded store keeps each write as it is made.
    expect(await desk.store.incidents.count()).toBe(0)
    expect(await desk.mails()).toEqual([])
    expect(await rowsIn(desk.store, 'sign_in_tokens')).toBe(tokensBefore)
    expect(await rowsIn(desk.store, 'audit')).toBe(0)
    // Once the audit log works again, the same registration goes through whole.
    vi.mocked(desk.store.audit.append).mockRestore()
    const again = await desk.call('POST', '/api/incidents', widgetRegistration, { cookie })
    expect(again.status).toBe(201)
    expect(await desk.store.incidents.count()).toBe(1)
    expect((await desk.mails()).map((m) => m.to)).toEqual(['tom@bakkerij-jansen.example'])
    expect(await desk.store.audit.listFor(`incident:${again.json.id}`)).toHaveLength(1)
  })

  test('a widget registration whose mail cannot be stored keeps no pending registration, but its count against the address stays', async () => {
    const desk = await testDesk({ now: '2026-11-30T09:00:00Z' })
    const enqueue = vi.spyOn(desk.store.outbox, 'enqueue').mockRejectedValue(new Error('the outbox is broken'))
    const failed = await desk.call('POST', '/api/incidents', widgetRegistration)
    expect(failed.status).toBe(500)
    if (isPostgres) expect(await rowsIn(desk.store, 'registrations')).toBe(0)
    enqueue.mockRestore()
    // The rate limit is no part of the unit: a failing request cannot be used to get past it.
    desk.setNow('2026-11-30T09:04:00Z')
    const second = await desk.call('POST', '/api/incidents', widgetRegistration)
    expect(second.status).toBe(429)
    expect(await desk.mails()).toEqual([])
  })
})

describe('a refusal keeps what the service meant to keep', () => {
  test('a confirmation token taken by a contact no longer authorised stays used (403, then 400)', async () => {
    const desk = await testDesk()
    await desk.call('POST', '/api/incidents', widgetRegistration)
    const token = await desk.tokenFromLastMail('/api/incidents/confirm')
    const tom = (await desk.store.contacts.get('c-jansen-emp'))!
    await desk.store.contacts.put({ ...tom, isAuthorised: false })
    expect((await desk.call('POST', '/api/incidents/confirm', { token })).status).toBe(403)
    await desk.store.contacts.put(tom)
    const again = await desk.call('POST', '/api/incidents/confirm', { token })
    expect(again.status).toBe(400)
    expect(again.json.code).toBe('token_invalid')
    expect(await desk.store.incidents.count()).toBe(0)
  })

  test('a request that writes nothing opens no transaction', async () => {
    const desk = await testDesk()
    const { result, statements } = await statementsOf(() => desk.call('POST', '/api/incidents', { ...widgetRegistration, kind: 'nonsense' }))
    expect(result.status).toBe(400)
    expect(statements.filter((s) => s.sql === 'BEGIN')).toEqual([])
  })
})
