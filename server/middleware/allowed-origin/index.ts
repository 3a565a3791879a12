/**
 * Pages of sites not in ALLOWED_ORIGINS get a refusal they can read, and nothing else: 403
 * `origin_not_allowed`, with CORS headers for that one answer, the origin named and support's phone
 * and e-mail (public on the KB anyway), so the widget on a site not yet allowed can tell the visitor
 * how to reach support instead of failing as if offline. No route runs for such a request, and a
 * preflight stays unanswered (the CORS middleware gives it no Allow-Origin), so such a page can
 * send no changing request at all. Each refusal is counted for the console's embedding page.
 */
import type { MiddlewareHandler } from 'hono'
import type { DeskConfig } from '../../domain/desk.ts'
import { recordableOrigin } from '../../domain/refused-origin.ts'
import { withReplies } from '../../http/describe.ts'
import { MESSAGES, requestLanguage } from '../../http/errors.ts'
import { format } from '#lib/format.ts'
import { isSameOrigin } from '../same-origin/index.ts'

/** The body of the refusal: the error body, the origin refused and how to reach support. */
export interface OriginNotAllowedBody {
  code: 'origin_not_allowed'
  message: string
  /** The `Origin` the request came with. */
  origin: string
  /** desk.yaml's phone and e-mail. */
  support: { phone: DeskConfig['phone']; email: string }
}

export interface AllowedOriginOptions {
  /** Origins (scheme://host[:port]) whose pages may call the API; the API's own pages always may. */
  allowedOrigins: readonly string[]
  /** Support's phone and e-mail, told in the refusal. */
  support: OriginNotAllowedBody['support']
  /** Counts one refused request of `origin` (the store's refusedOrigins). A failure is passed to `onRecordError`, and the refusal is answered all the same. */
  record(origin: string): Promise<void>
  /** Told when a refusal could not be counted; default: not told. */
  onRecordError?(error: unknown): void
}

/** 403 `origin_not_allowed` for a request whose `Origin` is neither this site nor allowed; a request without `Origin` (no browser's cross-site call) passes. */
export function allowedOrigin({ allowedOrigins, support, record, onRecordError }: AllowedOriginOptions): MiddlewareHandler {
  const allowed = new Set(allowedOrigins)
  return withReplies<MiddlewareHandler>(async (c, next) => {
    const origin = c.req.header('origin')
    if (origin === undefined || allowed.has(origin)) return next()
    const isOwn = isSameOrigin({ secFetchSite: c.req.header('sec-fetch-site'), origin, host: c.req.header('host') ?? new URL(c.req.url).host })
    if (isOwn) return next()
    const kept = recordableOrigin(origin)
    if (kept) await record(kept).catch((error: unknown) => onRecordError?.(error))
    // Readable by that page, this answer only; never cached, so adding the site takes effect at once.
    c.header('Access-Control-Allow-Origin', origin)
    c.header('Vary', 'Origin', { append: true })
    c.header('Cache-Control', 'no-store')
    const body: OriginNotAllowedBody = { code: 'origin_not_allowed', message: format(MESSAGES.originNotAllowed[requestLanguage(c)], { origin }), origin, support }
    return c.json(body, 403)
  }, [{ status: 403, response: 'OriginNotAllowed' }])
}
