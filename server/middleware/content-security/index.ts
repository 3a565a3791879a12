/** A Content-Security-Policy on every answer of the API: the strict page policy on its HTML pages, "load nothing, never framed" on everything else. */
import type { MiddlewareHandler } from 'hono'
import { PAGE_POLICY } from '../../present/pages.ts'

/** The policy of an API answer that is no page (JSON, files, redirects): it may load nothing and may not be framed. */
export const API_POLICY = "default-src 'none'; frame-ancestors 'none'"

/**
 * Gives every answer a Content-Security-Policy after the route answered: HTML gets the API's
 * page policy (present/pages.ts: no script, one hashed style), anything else API_POLICY. A policy
 * the route set itself (the reference page's own hash, an attachment's sandbox) stays.
 */
export const apiContentSecurity: MiddlewareHandler = async (c, next) => {
  await next()
  if (c.res.headers.has('Content-Security-Policy')) return
  const isPage = c.res.headers.get('Content-Type')?.startsWith('text/html') ?? false
  c.res.headers.set('Content-Security-Policy', isPage ? PAGE_POLICY : API_POLICY)
}
