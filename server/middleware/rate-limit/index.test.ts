import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Hono } from 'hono'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { openLowdbStore } from '../../store/lowdb-store.ts'
import type { Store } from '../../store/store.ts'
import { RateLimiter, clientAddress, clientAddresses, limitWrongTokens, oneAtATimePerAddress } from './index.ts'

describe('RateLimiter', () => {
  let store: Store
  let now: Date
  const limiter = (name = 'test', limit = 2) => new RateLimiter({ name, limit, windowMs: 60_000, clock: () => now, counters: store.rateCounters })

  beforeEach(async () => {
    store = await openLowdbStore({ dir: mkdtempSync(join(tmpdir(), 'loket-rate-')) })
    now = new Date('2026-11-30T09:00:00Z')
  })
  afterEach(() => store.close())

  test('allows the limit, then says how long to wait, then allows again in the next window', async () => {
    const signIn = limiter()
    expect([await signIn.hit('a'), await signIn.hit('a')]).toEqual([0, 0])
    now = new Date('2026-11-30T09:00:15Z')
    expect(await signIn.hit('a')).toBe(45)
    expect(await signIn.hit('b')).toBe(0)
    now = new Date('2026-11-30T09:01:00Z')
    expect(await signIn.hit('a')).toBe(0)
  })

  test('waits at least a second, even in the last moment of a window', async () => {
    const signIn = limiter('test', 1)
    await signIn.hit('a')
    now = new Date('2026-11-30T09:00:59.900Z')
    expect(await signIn.hit('a')).toBe(1)
  })

  test('wait() tells whether a key is over its limit without counting: for limits on failures only', async () => {
    const wrongCodes = limiter()
    expect(await wrongCodes.wait('a')).toBe(0)
    await wrongCodes.hit('a')
    expect([await wrongCodes.wait('a'), await wrongCodes.wait('a')]).toEqual([0, 0])
    await wrongCodes.hit('a')
    now = new Date('2026-11-30T09:00:20Z')
    expect(await wrongCodes.wait('a')).toBe(40)
    expect(await wrongCodes.wait('b')).toBe(0)
    now = new Date('2026-11-30T09:01:00Z')
    expect(await wrongCodes.wait('a')).toBe(0)
  })

  test('never shares a window with another limiter on the same counters, whatever the key', async () => {
    const perAddress = limiter('signInPerAddress', 1)
    const perEmail = limiter('signInPerEmail', 1)
    expect(await perAddress.hit('anne@klant.example')).toBe(0)
    expect(await perEmail.hit('anne@klant.example')).toBe(0)
    expect(await perEmail.wait('anne@klant.example')).toBe(60)
    expect(await store.rateCounters.peek('signInPerEmail:anne@klant.example', 60_000, now)).toMatchObject({ count: 1 })
  })

  test('counts hits of two limiters of one name, as two API processes on one store', async () => {
    const [first, second] = [limiter(), limiter()]
    expect([await first.hit('a'), await second.hit('a'), await first.hit('a')]).toEqual([0, 0, 60])
  })
})

describe('clientAddresses', () => {
  const appWith = (trustProxy: boolean) => new Hono().use('*', clientAddresses({ trustProxy })).get('/', (c) => c.text(clientAddress(c)))
  const from = async (app: Hono, forwarded?: string) => (await app.request('/', { headers: forwarded ? { 'x-forwarded-for': forwarded } : {} })).text()

  test('believes X-Forwarded-For only behind a trusted proxy, and then its first address', async () => {
    expect(await from(appWith(false), '203.0.113.7, 10.0.0.1')).toBe('local')
    expect(await from(appWith(true), '203.0.113.7, 10.0.0.1')).toBe('203.0.113.7')
    expect(await from(appWith(true))).toBe('local')
  })

  test('without the middleware the connection\'s address counts, never a forwarded one', async () => {
    const bare = new Hono().get('/', (c) => c.text(clientAddress(c)))
    expect(await from(bare, '203.0.113.7')).toBe('local')
  })
})

describe('limitWrongTokens', () => {
  let store: Store
  let now: Date
  beforeEach(async () => {
    store = await openLowdbStore({ dir: mkdtempSync(join(tmpdir(), 'loket-guess-')) })
    now = new Date('2026-11-30T09:00:00Z')
  })
  afterEach(() => store.close())

  /** A token endpoint: the token "right" answers 200, anything else 400; every answer reached is counted in `reached`. */
  function endpoint(options: { page?: boolean; unless?: boolean } = {}) {
    const reached: string[] = []
    const limiter = new RateLimiter({ name: 'guesses', limit: 3, windowMs: 60_000, clock: () => now, counters: store.rateCounters })
    const app = new Hono().post('/', limitWrongTokens(limiter, 'test', {
      isWrong: (res) => res.status === 400,
      ...(options.page ? { page: (wait: number) => `<p>wait ${wait}</p>` } : {}),
      ...(options.unless ? { unless: (c) => c.req.header('authorization') === undefined } : {}),
    }), async (c) => {
      const token = c.req.header('x-token') ?? ''
      reached.push(token)
      return token === 'right' ? c.text('ok') : c.text('wrong', 400)
    })
    const send = (token: string, headers: Record<string, string> = {}) => app.request('/', { method: 'POST', headers: { 'x-token': token, ...headers } })
    return { send, reached }
  }

  test('counts only wrong tokens; at the limit every try waits, the right one too, without reaching the route', async () => {
    const { send, reached } = endpoint()
    for (let i = 0; i < 5; i++) expect((await send('right')).status).toBe(200)
    for (let i = 0; i < 3; i++) expect((await send('wrong')).status).toBe(400)
    now = new Date('2026-11-30T09:00:20Z')
    const refused = await send('right')
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBe('40')
    expect(await refused.json()).toMatchObject({ code: 'too_many_wrong_tokens' })
    expect(reached).toHaveLength(8)
    now = new Date('2026-11-30T09:01:00Z')
    expect((await send('right')).status).toBe(200)
  })

  test('answers a form post with the page, anything else with JSON', async () => {
    const { send } = endpoint({ page: true })
    for (let i = 0; i < 3; i++) await send('wrong')
    const form = await send('right', { 'content-type': 'application/x-www-form-urlencoded' })
    expect([form.status, form.headers.get('content-type'), await form.text()]).toEqual([429, 'text/html; charset=UTF-8', '<p>wait 60</p>'])
    expect((await send('right', { 'content-type': 'application/json' })).headers.get('content-type')).toMatch(/^application\/json/)
  })

  test('leaves a request it exempts alone: neither held back nor counted', async () => {
    const { send } = endpoint({ unless: true })
    for (let i = 0; i < 5; i++) expect((await send('wrong')).status).toBe(400)
    expect((await send('right', { authorization: 'Bearer x' })).status).toBe(200)
  })

  test('counts tries sent at once one after another', async () => {
    const { send, reached } = endpoint()
    const statuses = (await Promise.all(Array.from({ length: 12 }, () => send('wrong')))).map((r) => r.status)
    expect(statuses.filter((s) => s === 400)).toHaveLength(3)
    expect(statuses.filter((s) => s === 429)).toHaveLength(9)
    expect(reached).toHaveLength(3)
  })
})

describe('oneAtATimePerAddress', () => {
  test('runs one address\'s requests in turn, and another address\'s beside them', async () => {
    const log: string[] = []
    let release!: () => void
    const gate = new Promise<void>((resolve) => { release = resolve })
    const app = new Hono().use('*', clientAddresses({ trustProxy: true })).use('*', oneAtATimePerAddress()).get('/:name', async (c) => {
      const name = c.req.param('name')
      log.push(`start ${name}`)
      if (name === 'first') await gate
      log.push(`end ${name}`)
      return c.text(name)
    })
    const get = (name: string, address: string) => app.request(`/${name}`, { headers: { 'x-forwarded-for': address } })
    const first = get('first', '203.0.113.7')
    const second = get('second', '203.0.113.7')
    await get('other', '198.51.100.2')
    expect(log).toEqual(['start first', 'start other', 'end other'])
    release()
    await Promise.all([first, second])
    expect(log).toEqual(['start first', 'start other', 'end other', 'end first', 'start second', 'end second'])
  })
})
