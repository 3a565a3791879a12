import { describe, expect, test } from 'vitest'
import { RateLimiter } from './index.ts'

describe('RateLimiter', () => {
  test('allows the limit, then says how long to wait, then allows again in the next window', () => {
    let now = new Date('2026-11-30T09:00:00Z')
    const limiter = new RateLimiter({ limit: 2, windowMs: 60_000, clock: () => now })
    expect([limiter.hit('a'), limiter.hit('a')]).toEqual([0, 0])
    now = new Date('2026-11-30T09:00:15Z')
    expect(limiter.hit('a')).toBe(45)
    expect(limiter.hit('b')).toBe(0)
    now = new Date('2026-11-30T09:01:00Z')
    expect(limiter.hit('a')).toBe(0)
  })

  test('wait() tells whether a key is over its limit without counting: for limits on failures only', () => {
    let now = new Date('2026-11-30T09:00:00Z')
    const limiter = new RateLimiter({ limit: 2, windowMs: 60_000, clock: () => now })
    expect(limiter.wait('a')).toBe(0)
    limiter.hit('a')
    expect([limiter.wait('a'), limiter.wait('a')]).toEqual([0, 0])
    limiter.hit('a')
    now = new Date('2026-11-30T09:00:20Z')
    expect(limiter.wait('a')).toBe(40)
    expect(limiter.wait('b')).toBe(0)
    now = new Date('2026-11-30T09:01:00Z')
    expect(limiter.wait('a')).toBe(0)
  })
})
