/**
 * CSRF protection for signed-in changes: a request that changes something and carries a session
 * cookie must come from a page of this site. Browsers say where a request comes from in
 * `Sec-Fetch-Site` (or, older ones, `Origin`); a request with neither is no browser's cross-site
 * request and passes, as in Go's http.CrossOriginProtection. Anonymous requests (the widget on
 * other sites) carry no session and are not this middleware's business.
 */
import type { MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import { WRITE_METHODS, withReplies } from '../../http/describe.ts'
import { MESSAGES, apiError } from '../../http/errors.ts'
import { SESSION_COOKIE } from '../session/index.ts'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** Whether the request came from a page of this site, as far as the browser tells. */
export function isSameOrigin(headers: { secFetchSite?: string; origin?: string; host?: string }): boolean {
  if (headers.secFetchSite) return headers.secFetchSite === 'same-origin' || headers.secFetchSite === 'none'
  if (!headers.origin) return true
  try {
    return new URL(headers.origin).host === headers.host
  } catch {
    return false
  }
}

/** 403 `cross_origin` for a changing request with a session cookie from another site; nothing changes. */
export const sameOriginWrites: MiddlewareHandler = withReplies(async (c, next) => {
  if (SAFE_METHODS.has(c.req.method) || !getCookie(c, SESSION_COOKIE)) return next()
  const isOwn = isSameOrigin({
    secFetchSite: c.req.header('sec-fetch-site'),
    origin: c.req.header('origin'),
    host: c.req.header('host') ?? new URL(c.req.url).host,
  })
  if (!isOwn) return apiError(c, 403, 'cross_origin', MESSAGES.crossOrigin)
  await next()
}, [{ status: 403, response: 'CrossOrigin', methods: WRITE_METHODS }])
