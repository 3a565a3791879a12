/** What the app is made of: the clock, the desk, the store, mail and limits, passed in so tests choose. */
import type { BusinessCalendar } from './domain/calendar.ts'
import { REMOTE_VIEW_TRY_WINDOW_MINUTES, REMOTE_VIEW_WRONG_TRIES } from './domain/consent.ts'
import type { DeskConfig } from './domain/desk.ts'
import type { Logger } from './log.ts'
import type { Notifier } from './mail/notifier.ts'
import type { MailHealth, Metrics } from './metrics.ts'
import type { IceConfig } from './services/ice.ts'
import { RateLimiter } from './middleware/rate-limit/index.ts'
import type { InsightStore } from './store/insight-store.ts'
import type { Store } from './store/store.ts'

export interface Deps {
  /** The current time; tests stand on any moment. */
  clock: () => Date
  desk: DeskConfig
  calendar: BusinessCalendar
  store: Store
  notifier: Notifier
  /** Anonymous KB insight (votes, what was missing, search events) and its report: a log in DATA_DIR, or tables in PostgreSQL. */
  insight: InsightStore
  limits: Limits
  /** Origins (scheme://host[:port]) whose pages may call the public API: the widget's hosts. */
  allowedOrigins: string[]
  /** The data folder: the records, attachments and KB insight of the embedded store; with PostgreSQL only the `.eml` outbox (without SMTP_URL). */
  dataDir: string
  /** The built KB (`astro build` output); default none, for API-only use. */
  siteDir?: string
  /** The site's public address (BASE_URL), e.g. `https://support.example`: the session cookie is `Secure` when it is https, whatever scheme a request arrived by. */
  baseUrl: string
  /** Whether a reverse proxy in front is trusted (TRUST_PROXY=1): then the first `X-Forwarded-For` address is the caller's; default no, and forwarded headers are ignored. */
  trustProxy?: boolean
  /** The TURN (and STUN) servers remote-view browsers use; default none: direct connections only. */
  ice?: IceConfig
  /** Where requests and errors are logged (JSON lines); default: errors only, to stderr. */
  logger?: Logger
  /** Prometheus counters the app moves; default none. GET /metrics serves them when `metricsToken` is set. */
  metrics?: Metrics
  /** The bearer token that opens GET /metrics; default none, which turns it off (404). */
  metricsToken?: string
  /** Whether mail reaches the server, for GET /api/ready; default: not watched. */
  mailHealth?: MailHealth
  /** Aborted when the server shuts down: long-lived replies (the queue's event stream) end cleanly then; default never. */
  closing?: AbortSignal
  /** The secret the telephone system sends as a bearer token to `GET /api/phone/route`; default none, which turns that route off (503). */
  phoneRoutingSecret?: string
}

/** Wrong secret tokens one address may send to one endpoint in WRONG_TOKEN_WINDOW_MINUTES before every try waits. */
export const WRONG_TOKEN_TRIES = 10
export const WRONG_TOKEN_WINDOW_MINUTES = 10

/** The rate limits of the public endpoints. */
export interface Limits {
  /** Registrations per IP address: 20 per 10 minutes. */
  registrationsPerAddress: RateLimiter
  /** Confirmation mails per e-mail address: 1 per 10 minutes. */
  registrationsPerEmail: RateLimiter
  /** Sign-in requests per IP address: 10 per 10 minutes, and per address 3 per 10 minutes. */
  signInPerAddress: RateLimiter
  signInPerEmail: RateLimiter
  /** Anonymous KB search events per IP address: 120 per minute, so one caller cannot fill the disk. */
  kbEventsPerAddress: RateLimiter
  /** Wrong remote-view codes per IP address: after 5 in 10 minutes every try waits (429). */
  remoteViewWrongCodesPerAddress: RateLimiter
  /** Wrong secret tokens (sign-in and confirmation links, the phone secret, remote-view page tokens) per IP address and endpoint: after 10 in 10 minutes every try waits (429). */
  wrongTokensPerAddress: RateLimiter
}

/** The limits above, counted on `clock` in `counters` (the store's, so every API process on it shares them). */
export function defaultLimits(clock: () => Date, counters: Store['rateCounters']): Limits {
  const tenMinutes = 10 * 60_000
  const limiter = (name: keyof Limits, limit: number, windowMs: number) => new RateLimiter({ name, limit, windowMs, clock, counters })
  return {
    registrationsPerAddress: limiter('registrationsPerAddress', 20, tenMinutes),
    registrationsPerEmail: limiter('registrationsPerEmail', 1, tenMinutes),
    signInPerAddress: limiter('signInPerAddress', 10, tenMinutes),
    signInPerEmail: limiter('signInPerEmail', 3, tenMinutes),
    kbEventsPerAddress: limiter('kbEventsPerAddress', 120, 60_000),
    remoteViewWrongCodesPerAddress: limiter('remoteViewWrongCodesPerAddress', REMOTE_VIEW_WRONG_TRIES, REMOTE_VIEW_TRY_WINDOW_MINUTES * 60_000),
    wrongTokensPerAddress: limiter('wrongTokensPerAddress', WRONG_TOKEN_TRIES, WRONG_TOKEN_WINDOW_MINUTES * 60_000),
  }
}
