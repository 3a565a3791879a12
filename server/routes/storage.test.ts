// Storage that refuses writes, on either store: a full data-folder disk (lowdb) or a full database
// disk (PostgreSQL, SQLSTATE 53100). Changes answer 503 storage_unavailable and change nothing,
// /api/health answers 503 with the reason, and both recover once storage takes writes again.
import pg from 'pg'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { faultyFiles } from '../store/faulty-files.ts'
import { closeTestDesks, testDesk, widgetRegistration } from '../testing.ts'

afterEach(async () => {
  vi.restoreAllMocks()
  await closeTestDesks()
})

/** A desk whose storage can be made to refuse every write, and given room again. */
async function fragileDesk() {
  const faults = faultyFiles()
  const desk = await testDesk({ files: faults.files })
  let isFull = false
  if (process.env.TEST_STORE === 'postgres') {
    // The database's disk: every changing statement fails as PostgreSQL's does when it is full,
    // on every connection (a request's transaction, the rate counters' and the pool's alike).
    const query = pg.Client.prototype.query as (...args: unknown[]) => unknown
    vi.spyOn(pg.Client.prototype, 'query').mockImplementation(function (this: pg.Client, ...args: unknown[]) {
      // A statement is a string, or a config object (the store's prepared ones: { name, text, values }).
      const sql = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string } | undefined)?.text ?? ''
      if (isFull && /\b(INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM)\b/i.test(sql)) {
        const full = Object.assign(new Error('could not extend file "base/16384/16397": No space left on device'), { code: '53100' })
        // The pool asks with a callback; the store's transaction with a promise.
        const callback = args.at(-1)
        if (typeof callback === 'function') return void setImmediate(() => callback(full))
        return Promise.reject(full)
      }
      return query.apply(this, args)
    } as never)
  }
  return {
    ...desk,
    setFull(full: boolean) {
      isFull = full
      faults.setFreeBytes(full ? 0 : Infinity)
    },
  }
}

describe('storage that refuses writes', () => {
  test('a registration answers 503 storage_unavailable and stores nothing; /api/health says why; with room again both recover', async () => {
    const desk = await fragileDesk()
    const cookie = await desk.cookieFor('contact', 'c-jansen-emp')
    const incidents = await desk.store.incidents.count()
    const mails = (await desk.mails()).length
    desk.setFull(true)

    const refused = await desk.call('POST', '/api/incidents', { ...widgetRegistration, email: 'tom@bakkerij-jansen.example' }, { cookie, 'accept-language': 'en' })
    expect(refused.status).toBe(503)
    expect(refused.json).toEqual({ code: 'storage_unavailable', message: 'We cannot save anything right now: nothing was changed. Please try again in a few minutes.' })
    const health = await desk.call('GET', '/api/health')
    expect(health.status).toBe(503)
    expect(health.json).toEqual({ status: 'storage_unavailable', reason: expect.stringMatching(/ENOSPC|53100/) })
    expect(await desk.store.incidents.count()).toBe(incidents)
    expect((await desk.mails()).length).toBe(mails)

    desk.setFull(false)
    expect((await desk.call('GET', '/api/health')).json).toEqual({ status: 'ok' })
    const taken = await desk.call('POST', '/api/incidents', { ...widgetRegistration, email: 'tom@bakkerij-jansen.example' }, { cookie })
    expect(taken.status).toBe(201)
    expect(await desk.store.incidents.count()).toBe(incidents + 1)
  })

  test('a triage answers 503 and the incident keeps its version; the same triage is taken once there is room', async () => {
    const desk = await fragileDesk()
    const lotte = { cookie: await desk.cookieFor('staff', 's-lotte') }
    const tom = await desk.cookieFor('contact', 'c-jansen-emp')
    const { json } = await desk.call('POST', '/api/incidents', { ...widgetRegistration, email: 'tom@bakkerij-jansen.example' }, { cookie: tom })
    const id = json.id as string
    desk.setFull(true)
    const refused = await desk.call('PATCH', `/api/incidents/${id}`, { version: 1, priority: 2, status: 'in_progress' }, lotte)
    expect(refused.status).toBe(503)
    expect(refused.json.code).toBe('storage_unavailable')
    expect((await desk.store.incidents.get(id))).toMatchObject({ version: 1, status: 'new' })
    desk.setFull(false)
    const taken = await desk.call('PATCH', `/api/incidents/${id}`, { version: 1, priority: 2, status: 'in_progress' }, lotte)
    expect(taken.status).toBe(200)
    expect((await desk.store.incidents.get(id))).toMatchObject({ version: 2, status: 'in_progress' })
  })

  test('GET /api/ready is 503 with the store\'s reason while a write fails on a full disk, and 200 again once there is room', async () => {
    const desk = await fragileDesk()
    const cookie = await desk.cookieFor('contact', 'c-jansen-emp')
    expect((await desk.call('GET', '/api/ready')).status).toBe(200)
    desk.setFull(true)
    expect((await desk.call('POST', '/api/incidents', widgetRegistration, { cookie })).status).toBe(503)
    const down = await desk.call('GET', '/api/ready')
    expect([down.status, down.json.status, down.json.reasons]).toEqual([503, 'not_ready', [expect.stringMatching(/^store: .*(ENOSPC|53100)/)]])
    desk.setFull(false)
    expect((await desk.call('GET', '/api/ready')).json).toEqual({ status: 'ready' })
  })

  test('the OpenAPI document names the 503 on every changing operation, from one shared response, and on GET /api/health', async () => {
    const desk = await fragileDesk()
    const doc = (await desk.call('GET', '/api/openapi.json')).json
    expect(doc.components.responses.StorageUnavailable.content['application/json'].examples.storageUnavailable.value.code).toBe('storage_unavailable')
    for (const [path, item] of Object.entries<Record<string, any>>(doc.paths)) {
      for (const [method, operation] of Object.entries<any>(item)) {
        const expected = ['post', 'put', 'patch', 'delete'].includes(method)
        const reply = operation.responses['503']
        if (expected) expect(reply, `${method} ${path}`).toBeDefined()
        if (expected && reply.$ref) expect(reply.$ref).toBe('#/components/responses/StorageUnavailable')
      }
    }
    expect(doc.paths['/api/health'].get.responses['503'].content['application/json'].examples.diskFull.value.status).toBe('storage_unavailable')
  })
})
