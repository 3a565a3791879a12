/** The Loket HTTP app: the API under /api and the KnowledgeBase's static files, behind shared middleware. */
import { z } from 'zod'
import { Hono } from 'hono'
import { except } from 'hono/combine'
import { compress } from 'hono/compress'
import { cors } from 'hono/cors'
import { HTTPException } from 'hono/http-exception'
import { secureHeaders } from 'hono/secure-headers'
import type { Deps } from './deps.ts'
import { resolver } from 'hono-openapi'
import { WRITE_METHODS, describe, jsonReply, withReplies } from './http/describe.ts'
import { errorsOnStderr } from './log.ts'
import { observeRequests } from './metrics.ts'
import { readiness } from './services/operations.ts'
import { MESSAGES, apiError } from './http/errors.ts'
import { requireBearerSecret } from './middleware/bearer-secret/index.ts'
import { limitBody } from './middleware/body-limit/index.ts'
import { logRequests, withRequestId } from './middleware/request-log/index.ts'
import { apiContentSecurity } from './middleware/content-security/index.ts'
import { clientAddresses } from './middleware/rate-limit/index.ts'
import { sameOriginWrites } from './middleware/same-origin/index.ts'
import { allowedOrigin } from './middleware/allowed-origin/index.ts'
import { session, type SessionEnv } from './middleware/session/index.ts'
import { storageGuard, storageUnavailable } from './middleware/storage/index.ts'
import { staticSite } from './middleware/static-site/index.ts'
import { unitOfWork } from './middleware/unit-of-work/index.ts'
import { attachments, isAttachmentUpload } from './routes/attachments.ts'
import { auth } from './routes/auth.ts'
import { complaints } from './routes/complaints.ts'
import { backups } from './routes/backups.ts'
import { consents } from './routes/consents.ts'
import { extraSupport } from './routes/extra-support.ts'
import { grants } from './routes/grants.ts'
import { incidentConsents } from './routes/incident-consents.ts'
import { remoteViews } from './routes/remote-views.ts'
import { savedReplies } from './routes/saved-replies.ts'
import { desk } from './routes/desk.ts'
import { embedding } from './routes/embedding.ts'
import { deskNotice, staffDeskNotice } from './routes/desk-notice.ts'
import { docs } from './routes/docs.ts'
import { StorageUnavailableError } from './store/store.ts'
import { incidents } from './routes/incidents.ts'
import { kb } from './routes/kb.ts'
import { organisation } from './routes/organisation.ts'
import { phone } from './routes/phone.ts'
import { signals } from './routes/signals.ts'
import { staff } from './routes/staff.ts'
import { staffComplaints } from './routes/staff-complaints.ts'
import { notifications } from './routes/notifications.ts'
import { staffPhone } from './routes/staff-phone.ts'
import { queueStream } from './routes/queue-stream.ts'

export type { Deps } from './deps.ts'

const HEALTH_DESCRIPTION = 'Answers 503 while the records cannot be written (the disk full or failing, the database out of reach), with the reason; 200 again once a write succeeds. A changing request meanwhile gets 503 `storage_unavailable`.'
/** GET /api/health's answers: up, or up but unable to write, with the reason. */
const HEALTH_REPLIES = {
  200: jsonReply('The API answers and its records can be written.', z.object({ status: z.literal('ok') }), { up: { value: { status: 'ok' } } }),
  503: jsonReply('The records cannot be written now.', z.object({
    status: z.literal('storage_unavailable'),
    reason: z.string().meta({ description: 'What the disk or database said, without paths.' }),
  }), { diskFull: { summary: 'The data folder\'s disk is full', value: { status: 'storage_unavailable', reason: 'ENOSPC writing the journal: no space left on device' } } }),
}
/** The readiness check's 503: what is wrong. */
const NotReady = z.object({ status: z.literal('not_ready'), reasons: z.array(z.string()).min(1) }).meta({ id: 'NotReady' })
/** 404 while METRICS_TOKEN is unset, as if there were no such page; 401 to a wrong token. */
const METRICS_TOKEN = { realm: 'loket-metrics', disabled: [404, 'not_found', MESSAGES.notFound], invalid: ['metrics_token_invalid', MESSAGES.metricsTokenInvalid] } as const

/** Without a log of its own, the app still tells its errors, on stderr. */
const errorsOnly = errorsOnStderr()

/** Largest API request body accepted (attachments have their own route and limit). */
const MAX_BODY_BYTES = 64 * 1024

export function createApp(deps: Deps) {
  /** The whole app, for the OpenAPI document the routes describe (read on the document's first request). */
  let whole: Hono<any, any, any>
  const api = new Hono<SessionEnv>()
    // Every answer, refusals and errors included: pages by their own strict policy, the rest loads nothing.
    .use('*', apiContentSecurity)
    // Decided once, before any limit counts: forwarded headers only from a trusted proxy.
    .use('*', clientAddresses({ trustProxy: deps.trustProxy ?? false }))
    // The widget calls the public API from other sites: only those on the allowlist, and never
    // with cookies, so a foreign page cannot act as a signed-in customer.
    .use('*', cors({ origin: (origin) => (deps.allowedOrigins.includes(origin) ? origin : null), credentials: false, maxAge: 600 }))
    // Only requests with a body are limited: wrapping a GET's body would build a full Request object
    // for every read, garbage that measurably lengthened pauses under load. Uploads have their own limit.
    .use('*', withReplies(except((c) => isAttachmentUpload(c) || c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS',
      limitBody({ maxSize: MAX_BODY_BYTES, onError: (c) => apiError(c, 413, 'payload_too_large', MESSAGES.tooLarge) })),
    [{ status: 413, response: 'PayloadTooLarge', methods: WRITE_METHODS, unlessOwn: true }]))
    // Before the session is even read: a signed-in change from another site changes nothing.
    .use('*', sameOriginWrites)
    // A page of a site not allowed gets a refusal it can read, and nothing more: the widget there
    // tells the visitor how to reach support, and staff see the site on the embedding page.
    .use('*', allowedOrigin({
      // The site's own public address always may, even when a proxy passes another Host.
      allowedOrigins: [...deps.allowedOrigins, new URL(deps.baseUrl).origin],
      support: { phone: deps.desk.phone, email: deps.desk.email },
      record: (origin) => deps.store.refusedOrigins.record(origin, deps.clock().toISOString()),
      onRecordError: (error) => (deps.logger ?? errorsOnly).error({ err: error }, 'a refused origin could not be counted'),
    }))
    // While the store cannot write, a change is refused before anything of it happens.
    .use('*', storageGuard(deps.store))
    // A changing request's writes are kept together or not at all (one transaction on PostgreSQL).
    .use('*', unitOfWork(deps.store))
    .use('*', session(deps))
    .get('/health', describe('getHealth', 'Desk', 'Whether the API is up and its records can be written', HEALTH_REPLIES, { description: HEALTH_DESCRIPTION }), async (c) => {
      const health = await deps.store.health()
      return health.ok ? c.json({ status: 'ok' }) : c.json({ status: 'storage_unavailable', reason: health.reason }, 503)
    })
    .get('/ready', describe('getReadiness', 'Desk', 'Whether the desk can take work: the store writes and mail goes out (for load balancers and monitoring)', {
      200: z.object({ status: z.literal('ready') }), 503: { description: 'Not ready: `reasons` says why, in English, for the operator.', content: { 'application/json': { schema: resolver(NotReady) } } },
    }), async (c) => {
      const ready = await readiness(deps)
      c.header('Cache-Control', 'no-store')
      return ready.isReady ? c.json({ status: 'ready' as const }) : c.json({ status: 'not_ready' as const, reasons: ready.reasons }, 503)
    })
    .route('/desk/notice', deskNotice(deps))
    .route('/desk', desk(deps))
    .route('/kb', kb(deps))
    .route('/auth', auth(deps))
    .route('/incidents', attachments(deps))
    .route('/incidents', incidents(deps))
    .route('/incidents', incidentConsents(deps))
    .route('/organisation', organisation(deps))
    .route('/complaints', complaints(deps))
    .route('/staff/queue/stream', queueStream(deps))
    .route('/staff/complaints', staffComplaints(deps))
    .route('/staff/notifications', notifications(deps))
    .route('/staff/phone', staffPhone(deps))
    .route('/staff/desk-notice', staffDeskNotice(deps))
    .route('/staff/embedding', embedding(deps))
    .route('/saved-replies', savedReplies(deps))
    .route('/staff', staff(deps))
    .route('/signals', signals(deps))
    .route('/phone', phone(deps))
    .route('/consents', consents(deps))
    .route('/remote-views', remoteViews(deps))
    .route('/backups', backups(deps))
    .route('/grants', grants(deps))
    .route('/extra-support', extraSupport(deps))
    .route('/', docs(deps, () => whole, makeApp))
    .all('*', (c) => apiError(c, 404, 'not_found', MESSAGES.notFound))

  // Errors are always told; requests only where the server was given a log (not in tests and tools).
  const logger = deps.logger ?? errorsOnly
  const app = new Hono()
    .use('*', withRequestId)
    .use('*', logRequests(deps.logger))
    // Timed before anything else answers, so every answer counts (when metrics are on).
    .use('*', observeRequests(deps.metrics))
    .use('*', secureHeaders({
      // The search index and the widget are loaded by other sites; their own routes say so.
      crossOriginResourcePolicy: false,
      crossOriginEmbedderPolicy: false,
      // Neither the KB nor the API is ever framed (their policies say frame-ancestors 'none'); older browsers read this.
      xFrameOptions: 'DENY',
      referrerPolicy: 'strict-origin-when-cross-origin',
    }))
    .use('*', compress())
    .route('/api', api)
    // For the operator's Prometheus, by METRICS_TOKEN: off (404) unless it is set.
    .get('/metrics', requireBearerSecret(deps.metrics && deps.metricsToken, METRICS_TOKEN), async (c) =>
      c.body(await deps.metrics!.registry.metrics(), 200, { 'Content-Type': deps.metrics!.registry.contentType, 'Cache-Control': 'no-store' }))
  app.onError((error, c) => {
    if (error instanceof HTTPException && error.status === 400) return apiError(c, 400, 'malformed_json', MESSAGES.malformedJson)
    // A write that did not reach the disk was undone: nothing changed, and the caller may try again.
    const requestId = c.get('requestId' as never) as string | undefined
    if (error instanceof StorageUnavailableError) {
      logger.error({ requestId, reason: error.message }, 'storage unavailable')
      return storageUnavailable(c)
    }
    logger.error({ requestId, err: error }, 'unhandled error')
    return apiError(c, 500, 'internal', MESSAGES.internal)
  })
  if (deps.siteDir) app.route('/', staticSite({ root: deps.siteDir }))
  whole = app
  return app
}

export type AppType = ReturnType<typeof createApp>

/** createApp, typed apart so the docs can make the app their examples are played on without a cycle in the types. */
const makeApp: (deps: Deps) => Hono<any, any, any> = (deps) => createApp(deps)
