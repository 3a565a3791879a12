/** Rate limits: a fixed window per key (an IP address, an e-mail address); over it, 429 with Retry-After. Also the guess limits of secret tokens, and the caller's address they count by. */
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

  /** Counts a hit; resolves to undefined when allowed, else the moment its window ends (the same for every process on the store). */
  async hitUntil(key: string): Promise<Date | undefined> {
    const window = await this.options.counters.hit(this.keyOf(key), this.options.windowMs, this.options.clock())
    return window.count <= this.options.limit ? undefined : new Date(window.startedAt.getTime() + this.options.windowMs)
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

/** The context variable that holds the caller's address, once `clientAddresses` decided it. */
const CLIENT_ADDRESS = 'clientAddress'

/**
 * Decides the caller's address once per request: the socket's, or, only when a reverse proxy in
 * front is trusted (TRUST_PROXY), the first `X-Forwarded-For` hop. Mounted before every limit, so
 * each limit and the audit log name the same address.
 */
export function clientAddresses(options: { trustProxy: boolean }): MiddlewareHandler {
  return async (c, next) => {
    c.set(CLIENT_ADDRESS, addressOf(c, options.trustProxy))
    await next()
  }
}

/** The caller's address as `clientAddresses` decided it; without that middleware, the socket's (forwarded headers are never believed by default). */
export function clientAddress(c: Context): string {
  return (c.get(CLIENT_ADDRESS) as string | undefined) ?? addressOf(c, false)
}

function addressOf(c: Context, trustProxy: boolean): string {
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

/** How a token endpoint tells a wrong token, and how it answers a browser's form post once the caller must wait. */
export interface WrongTokenOptions {
  /** Whether the reply the route gave says the token was wrong (unknown, used, expired): that counts as a guess. */
  isWrong: (res: Response) => boolean
  /** The HTML page for a form post (a person's browser) that must wait, given the request (for its language); other requests get the JSON error. */
  page?: (waitSeconds: number, c: Context) => string
  /** Exempts a request that presents no token at all (a signed-in side of a remote-view session). */
  unless?: (c: Context) => boolean
}

/**
 * Guess limits for a secret token, counted per caller's address and `scope`: every reply
 * `isWrong` names counts as a wrong try, and once `limiter`'s limit is reached every try is
 * 429 `too_many_wrong_tokens` with Retry-After (a right token too) until the window passes. Right
 * tokens do not count, so people behind one address are no limit to each other.
 */
export function limitWrongTokens(limiter: RateLimiter, scope: string, options: WrongTokenOptions): MiddlewareHandler {
  const turns = new Map<string, Promise<unknown>>()
  return withReplies<MiddlewareHandler>(async (c, next) => {
    if (options.unless?.(c)) return next()
    const key = `${scope}:${clientAddress(c)}`
    // One address's tries are answered one after another (in this process): a thousand guesses sent
    // at once would otherwise all pass the check before the first of them was counted.
    return inTurn(turns, key, async () => {
      const wait = await limiter.wait(key)
      if (wait > 0) {
        c.header('Retry-After', String(wait))
        if (options.page && isFormPost(c)) return c.html(options.page(wait, c), 429)
        return apiError(c, 429, 'too_many_wrong_tokens', MESSAGES.tokenTriesExceeded)
      }
      await next()
      if (options.isWrong(c.res)) await limiter.hit(key)
    })
  }, [{ status: 429, response: options.page ? 'TooManyWrongLinks' : 'TooManyWrongTokens' }])
}

/**
 * Answers one caller's requests one after another, in this process: for limits that check before
 * and count after the route (wrong remote-view codes), so requests sent at once cannot all pass
 * the check before the first of them was counted.
 */
export function oneAtATimePerAddress(): MiddlewareHandler {
  const turns = new Map<string, Promise<unknown>>()
  return (c, next) => inTurn(turns, clientAddress(c), next)
}

/** Runs `task` once every earlier task of `key` in `turns` settled; the key is forgotten when its last task is done. */
function inTurn<T>(turns: Map<string, Promise<unknown>>, key: string, task: () => Promise<T>): Promise<T> {
  const run = (turns.get(key) ?? Promise.resolve()).then(task, task)
  const settled = run.then(() => undefined, () => undefined)
  turns.set(key, settled)
  void settled.then(() => {
    if (turns.get(key) === settled) turns.delete(key)
  })
  return run
}

const isFormPost = (c: Context) => (c.req.header('content-type') ?? '').startsWith('application/x-www-form-urlencoded')
