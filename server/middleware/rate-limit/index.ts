/** Rate limits: a fixed window per key (an IP address, an e-mail address); over it, 429 with Retry-After. */
import type { Context, MiddlewareHandler } from 'hono'
import { getConnInfo } from '@hono/node-server/conninfo'
import { MESSAGES, apiError } from '../../http/errors.ts'

/** Counts hits per key in fixed windows; memory stays bounded by dropping finished windows. */
export class RateLimiter {
  private windows = new Map<string, { startedAt: number; count: number }>()

  constructor(private readonly options: { limit: number; windowMs: number; clock: () => Date }) {}

  /** Counts a hit; returns 0 when allowed, else the seconds until the window ends. */
  hit(key: string): number {
    const now = this.options.clock().getTime()
    if (this.windows.size > 10_000) this.sweep(now)
    const window = this.windows.get(key)
    if (!window || now - window.startedAt >= this.options.windowMs) {
      this.windows.set(key, { startedAt: now, count: 1 })
      return 0
    }
    window.count++
    if (window.count <= this.options.limit) return 0
    return Math.max(1, Math.ceil((window.startedAt + this.options.windowMs - now) / 1000))
  }

  /** Without counting: 0 while `key` is under its limit, else the seconds until its window ends. For limits on failures only. */
  wait(key: string): number {
    const now = this.options.clock().getTime()
    const window = this.windows.get(key)
    if (!window || now - window.startedAt >= this.options.windowMs || window.count < this.options.limit) return 0
    return Math.max(1, Math.ceil((window.startedAt + this.options.windowMs - now) / 1000))
  }

  private sweep(now: number): void {
    for (const [key, w] of this.windows) if (now - w.startedAt >= this.options.windowMs) this.windows.delete(key)
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
  return async (c, next) => {
    if (options.unless?.(c)) return next()
    const wait = limiter.hit(`${scope}:${clientAddress(c)}`)
    if (wait > 0) {
      c.header('Retry-After', String(wait))
      return apiError(c, 429, 'rate_limited', MESSAGES.rateLimited)
    }
    await next()
  }
}
