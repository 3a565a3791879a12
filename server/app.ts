/** The Loket HTTP app: the API under /api and the KnowledgeBase's static files, behind shared middleware. */
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { compress } from 'hono/compress'
import { HTTPException } from 'hono/http-exception'
import { secureHeaders } from 'hono/secure-headers'
import type { KbVote } from './domain/kb-insight.ts'
import { MESSAGES, apiError } from './http/errors.ts'
import { staticSite } from './middleware/static-site/index.ts'
import { kb } from './routes/kb.ts'
import type { AppendLog } from './store/append-log.ts'

export interface Deps {
  /** The current time; tests stand on any moment. */
  clock: () => Date
  /** Append-only record of anonymous KB insight (votes). */
  insight: AppendLog<KbVote>
  /** The built KB (`astro build` output); default none, for API-only use. */
  siteDir?: string
}

/** Largest API request body accepted: votes and incidents are small. */
const MAX_BODY_BYTES = 64 * 1024

export function createApp(deps: Deps) {
  const api = new Hono()
    .use('*', bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => apiError(c, 413, 'payload_too_large', MESSAGES.tooLarge) }))
    .get('/health', (c) => c.json({ status: 'ok' }))
    .route('/kb', kb(deps))
    .all('*', (c) => apiError(c, 404, 'not_found', MESSAGES.notFound))

  const app = new Hono()
    .use('*', secureHeaders({
      // The search index and the widget are loaded by other sites; their own routes say so.
      crossOriginResourcePolicy: false,
      crossOriginEmbedderPolicy: false,
      xFrameOptions: 'SAMEORIGIN',
      referrerPolicy: 'strict-origin-when-cross-origin',
    }))
    .use('*', compress())
    .route('/api', api)
  app.onError((error, c) => {
    if (error instanceof HTTPException && error.status === 400) return apiError(c, 400, 'malformed_json', MESSAGES.malformedJson)
    console.error('[loket] unhandled error', error)
    return apiError(c, 500, 'internal', MESSAGES.internal)
  })
  if (deps.siteDir) app.route('/', staticSite({ root: deps.siteDir }))
  return app
}

export type AppType = ReturnType<typeof createApp>
