/**
 * What operators watch: request latency per route, registrations, mail sent, failed and waiting,
 * incidents past their target and rate-limit refusals, in Prometheus' text format (prom-client),
 * and whether the mail transport works, for the readiness check.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'
import type { MiddlewareHandler } from 'hono'
import { routePath } from 'hono/route'
import type { MailTransport } from './mail/transport.ts'

/** Reads the gauges need at scrape time: the outbox's waiting mail and the incidents past target. */
export interface MetricSources {
  /** Mail not sent yet, and the age in seconds of the oldest (0 when none waits). */
  pendingMail(): Promise<{ count: number; oldestSeconds: number }>
  /** Open incidents whose target has passed. */
  pastTarget(): Promise<number>
}

/** How long a count of the incidents past target is shown before it is counted again: counting reads every open incident. */
export const PAST_TARGET_EVERY_MS = 60_000

/**
 * The registry and the counters the app moves. `clock` (default the system's) times how long the
 * count of incidents past target is kept: at most one count per `pastTargetEveryMs` (default
 * PAST_TARGET_EVERY_MS), however many scrapers ask.
 */
export function createMetrics(sources: MetricSources, { clock = () => new Date(), pastTargetEveryMs = PAST_TARGET_EVERY_MS }: { clock?: () => Date; pastTargetEveryMs?: number } = {}) {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, prefix: 'loket_' })
  const registers = [registry]
  const metrics = {
    registry,
    requests: new Histogram({
      name: 'loket_http_request_duration_seconds', help: 'Time to answer a request, by method, route pattern and status.',
      labelNames: ['method', 'route', 'status'] as const, buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5], registers,
    }),
    registrations: new Counter({ name: 'loket_registrations_total', help: 'Incidents registered (from the portal, or confirmed from the widget).', registers }),
    mails: new Counter({ name: 'loket_mails_total', help: 'Mails the server took (sent) or the outbox gave up on (failed).', labelNames: ['outcome'] as const, registers }),
    refusals: new Counter({ name: 'loket_rate_limit_refusals_total', help: 'Requests refused by a rate or guess limit (429), by route pattern.', labelNames: ['route'] as const, registers }),
  }
  let pending: Promise<{ count: number; oldestSeconds: number }> | undefined
  /** One outbox read per scrape for both mail gauges: a scrape collects them together. */
  const pendingOnce = () => (pending ??= sources.pendingMail().finally(() => { pending = undefined }))
  new Gauge({ name: 'loket_mails_pending', help: 'Mails waiting to be sent.', registers, async collect() { this.set((await pendingOnce()).count) } })
  new Gauge({ name: 'loket_mail_oldest_pending_seconds', help: 'Age of the oldest mail waiting to be sent.', registers, async collect() { this.set((await pendingOnce()).oldestSeconds) } })
  const pastTarget = atMostEvery(pastTargetEveryMs, clock, () => sources.pastTarget())
  new Gauge({ name: 'loket_incidents_past_target', help: `Open incidents whose target has passed (counted at most once per ${pastTargetEveryMs / 1000} s).`, registers, async collect() { this.set(await pastTarget()) } })
  return metrics
}

export type Metrics = ReturnType<typeof createMetrics>

/** `read`, its answer kept for `everyMs` on `clock`; callers meanwhile share it, and a failed read is not kept. */
function atMostEvery<T>(everyMs: number, clock: () => Date, read: () => Promise<T>): () => Promise<T> {
  let kept: { at: number; value: Promise<T> } | undefined
  return () => {
    const now = clock().getTime()
    if (!kept || now - kept.at >= everyMs || now < kept.at) {
      const value = read()
      const entry = { at: now, value }
      kept = entry
      value.catch(() => { if (kept === entry) kept = undefined })
    }
    return kept.value
  }
}

/** Times every request and counts its 429s, by the route pattern that answered (not the path: ids would make endless series); without metrics, nothing. */
export const observeRequests = (metrics: Metrics | undefined): MiddlewareHandler => async (c, next) => {
  if (!metrics) return next()
  const end = metrics.requests.startTimer()
  await next()
  // After next(), the current route is the one that answered.
  const route = routePath(c)
  end({ method: c.req.method, route, status: String(c.res.status) })
  if (c.res.status === 429) metrics.refusals.inc({ route })
}

/** Whether mail reaches the server: since when sending has failed without a success in between. */
export interface MailHealth { failingSince(): Date | undefined }

/** `transport` counting what it sends into `metrics`, and keeping when it last failed for the readiness check. */
export function watchedTransport(transport: MailTransport, metrics: Metrics | undefined, clock: () => Date): MailTransport & MailHealth {
  let failing: Date | undefined
  return {
    ...transport,
    async send(mail) {
      try {
        const result = await transport.send(mail)
        failing = undefined
        metrics?.mails.inc({ outcome: 'sent' })
        return result
      } catch (error) {
        failing ??= clock()
        throw error
      }
    },
    failingSince: () => failing,
  }
}
