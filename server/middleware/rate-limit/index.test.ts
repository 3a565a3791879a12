import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { openLowdbStore } from '../../store/lowdb-store.ts'
import type { Store } from '../../store/store.ts'
import { RateLimiter } from './index.ts'

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
