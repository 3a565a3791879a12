/** Every request gets an id (X-Request-Id, kept from a proxy that sent one) and one log line when answered: method, route pattern, status and time. */
import type { MiddlewareHandler } from 'hono'
import { requestId } from 'hono/request-id'
import { routePath } from 'hono/route'
import type { Logger } from '../../log.ts'

/** The request's id, for error lines: `c.get('requestId')`. */
export const withRequestId = requestId({ limitLength: 64 })

/**
 * Logs the answer to each request: API calls at `info`, the KB's files at `debug`; without a logger, nothing. The route
 * pattern is logged, never the path or query: ids and tokens in them would leak into the log.
 */
export const logRequests = (logger: Logger | undefined): MiddlewareHandler => async (c, next) => {
  if (!logger) return next()
  const started = performance.now()
  await next()
  const line = { requestId: c.get('requestId'), method: c.req.method, route: routePath(c), status: c.res.status, ms: Math.round(performance.now() - started) }
  if (c.req.path.startsWith('/api/')) logger.info(line, 'request')
  else logger.debug(line, 'request')
}
