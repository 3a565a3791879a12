/** Rate limits: a fixed window per key (an IP address, an e-mail address); over it, 429 with Retry-After. */
import type { Context, MiddlewareHandler } from 'hono'
import { getConnInfo } from '@hono/node-server/conninfo'
import { withReplies } from '../../http/describe.ts'
import { MESSAGES, apiError } from '../../http/errors.ts'
import type { RateWindow, Store } from '../../store/store.ts'

/**
 * Counts hits per key in fixed windows, on `counters` (the store's), so every API process on one
 * store shares the windows. Keys are prefixed with `name`: limiters on one store never share a window.
 */
export class RateLimiter {
  constructor(private readonly options: { name: string; limit: number; windowMs: number; clock: () => Date; counters: Store['rateCounters'] }) {}

  /** Counts a hit; resolves to 0 when allowed, else the seconds until the window ends (at least 1). */
  async hit(key: string): Promise<number> {
    const now = this.options.clock()
    const window = await this.options.counters.hit(this.keyOf(key), this.options.windowMs, now)
    return window.count <= this.options.limit ? 0 : this.secondsLeft(window, now)
  }

  /** Without counting: 0 while `key` is under its limit, else the seconds until its window ends. For limits on failures only. */
  async wait(key: string): Promise<number> {
    const now = this.options.clock()
    const window = await this.options.counters.peek(this.keyOf(key), this.options.windowMs, now)
    return !window || window.count < this.options.limit ? 0 : this.secondsLeft(window, now)
  }

  private keyOf(key: string): string {
    return `${this.options.name}:${key}`
  }

  private secondsLeft(window: RateWindow, now: Date): number {
    return Math.max(1, Math.ceil((window.startedAt.getTime() + this.options.windowMs - now.getTime()) / 1000))
  }
}

/** The caller's address: the socket's, or the first X-Forwarded-For hop when behind a trusted proxy. */
export function clientAddress(c: Context, trustProxy = process.env.TRUST_PROXY === '1'): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim()
    if (forwarded) return forwarded
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    // In-process requests (tests) have no socket.
    return 'local'
  }
}

/** 429 with Retry-After once the caller's address went over `limiter`'s limit; `unless` exempts a request. */
export function limitByAddress(limiter: RateLimiter, scope: string, options: { unless?: (c: Context) => boolean } = {}): MiddlewareHandler {
  return withReplies<MiddlewareHandler>(async (c, next) => {
    if (options.unless?.(c)) return next()
    const wait = await limiter.hit(`${scope}:${clientAddress(c)}`)
    if (wait > 0) {
      c.header('Retry-After', String(wait))
      return apiError(c, 429, 'rate_limited', MESSAGES.rateLimited)
    }
    await next()
  }, [{ status: 429, response: 'RateLimited' }])
}
