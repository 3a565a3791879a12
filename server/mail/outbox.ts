/** The durable outbox: mails are stored first and sent after, retried with backoff until the server takes them or refuses them for good. */
import { randomUUID } from 'node:crypto'
import { redact } from './redact.ts'
import { isPermanentRefusal, type MailTransport } from './transport.ts'
import type { MailRecord, OutboxStore } from './types.ts'

export interface OutboxDeps {
  store: OutboxStore
  transport: MailTransport
  /** The From header, e.g. "Noordwind Support <support@noordwind.example>". */
  from: string
  clock: () => Date
  /** Where progress and failures are written, already prefixed and redacted; default console.log. */
  log?: (msg: string) => void
  /** Mails fetched from the store per round; default 25. */
  batchSize?: number
  /**
   * Told of each mail the outbox gave up on, once it is recorded as failed: e.g. to note it on
   * the incident for staff. Default nothing; a failure here is logged, the mail stays failed.
   */
  onUndeliverable?: (mail: MailRecord) => Promise<void>
}

/** What one drain did. */
export interface DrainResult {
  sent: number
  failed: number
}

/** First wait after a failure; it doubles with every further failure. */
const FIRST_RETRY_MS = 30_000
/** The longest wait between two attempts. */
const MAX_RETRY_MS = 60 * 60_000
/**
 * How long a mail the server keeps refusing for now (4xx, no connection) is tried before the
 * outbox gives up on it: five days, as mail servers themselves do (RFC 5321, 4.5.4.1), so an SMTP
 * server that is down over a long weekend loses nothing.
 */
export const GIVE_UP_AFTER_MS = 5 * 24 * 60 * 60_000

/**
 * How long to wait after the `failures`-th failed attempt: 30 s, 1 min, 2 min, 4 min … at most 1 h.
 * @example retryDelayMs(3) // 120_000
 */
export function retryDelayMs(failures: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1), MAX_RETRY_MS)
}

/** The Message-ID of a mail: the same on every attempt, so a resend after a crash is recognisable. */
export function messageIdOf(mail: Pick<MailRecord, 'id'>): string {
  return `<${mail.id}@loket>`
}

/**
 * Creates the outbox. `enqueue` stores a mail (once per event key); `drain` sends what is due,
 * one mail at a time, and never throws; `start` drains now and then every `intervalMs`.
 */
export function createOutbox(deps: OutboxDeps) {
  const { store, transport, from, clock } = deps
  const batchSize = deps.batchSize ?? 25
  const log = (msg: string) => (deps.log ?? console.log)(`[loket] ${redact(msg)}`)
  let running: Promise<DrainResult> | undefined
  let queued: Promise<DrainResult> | undefined
  let timer: ReturnType<typeof setInterval> | undefined
  let isStopping = false

  async function sendDue(): Promise<DrainResult> {
    const result: DrainResult = { sent: 0, failed: 0 }
    // A mail whose state could not be recorded stays due; it is tried again next drain, not in a loop now.
    const tried = new Set<string>()
    while (!isStopping) {
      let due: MailRecord[]
      try {
        due = (await store.due(clock(), batchSize + tried.size)).filter((m) => !tried.has(m.id))
      } catch (error) {
        log(`outbox: could not read due mails: ${describe(error)}`)
        return result
      }
      if (due.length === 0) return result
      for (const mail of due) {
        if (isStopping) return result
        tried.add(mail.id)
        if (await attempt(mail)) result.sent++
        else result.failed++
      }
    }
    return result
  }

  /** Sends one mail and records the outcome; true when the transport accepted it. */
  async function attempt(mail: MailRecord): Promise<boolean> {
    const attemptNo = mail.attempts + 1
    try {
      await transport.send({
        messageId: messageIdOf(mail), from, to: mail.to, subject: mail.subject, text: mail.text,
        ...(mail.html === undefined ? {} : { html: mail.html }),
      })
    } catch (error) {
      const now = clock()
      const reply = describe(error).slice(0, 1000)
      // A permanent refusal (5xx for this message) will not change by trying again; a temporary
      // one is tried on, with longer waits, until the mail is GIVE_UP_AFTER_MS old.
      if (isPermanentRefusal(error) || now.getTime() - new Date(mail.createdAt).getTime() >= GIVE_UP_AFTER_MS) {
        await giveUp(mail, attemptNo, reply, now)
        return false
      }
      const next = new Date(now.getTime() + retryDelayMs(attemptNo))
      log(`mail ${mail.id} to ${mail.to} failed (attempt ${attemptNo}): ${reply}; next attempt at ${next.toISOString()}`)
      try {
        await store.markFailed(mail.id, reply, next)
      } catch (storeError) {
        log(`mail ${mail.id}: could not record the failure: ${describe(storeError)}`)
      }
      return false
    }
    try {
      await store.markSent(mail.id, clock())
      log(`mail ${mail.id} to ${mail.to} sent (attempt ${attemptNo})`)
    } catch (storeError) {
      // The receiver has it; the same Message-ID on the resend lets it drop the duplicate.
      log(`mail ${mail.id} was sent but could not be marked sent, so it will be sent again: ${describe(storeError)}`)
    }
    return true
  }

  /** Records the mail as failed for good, then tells `onUndeliverable`; a store failure leaves it pending, to be tried again. */
  async function giveUp(mail: MailRecord, attemptNo: number, reply: string, now: Date): Promise<void> {
    log(`mail ${mail.id} to ${mail.to} failed for good (attempt ${attemptNo}): ${reply}; not tried again`)
    try {
      await store.markUndeliverable(mail.id, reply, now)
    } catch (storeError) {
      log(`mail ${mail.id}: could not record that it failed for good: ${describe(storeError)}`)
      return
    }
    try {
      await deps.onUndeliverable?.({ ...mail, status: 'failed', attempts: attemptNo, lastError: reply, failedAt: now.toISOString() })
    } catch (hookError) {
      log(`mail ${mail.id} failed for good, but that could not be noted: ${describe(hookError)}`)
    }
  }

  function run(): Promise<DrainResult> {
    const current = sendDue()
      // Only a throwing `log` gets here; the drain still must not reject.
      .catch(() => ({ sent: 0, failed: 0 }))
      .finally(() => {
        running = undefined
      })
    running = current
    return current
  }

  /**
   * Sends every due mail, one at a time; a failure is recorded with its next attempt time.
   * Never throws. A call during a running drain waits for it and then drains once more (one
   * follow-up for all such calls), so a mail enqueued meanwhile is not left for the next tick.
   */
  function drain(): Promise<DrainResult> {
    if (!running) return run()
    queued ??= running.then(() => {
      queued = undefined
      return run()
    })
    return queued
  }

  return {
    /**
     * Stores a pending mail for `eventKey`, due now, about the record `about` (an audit target such
     * as "incident:<id>", where a failure is noted). The same key twice returns the first mail
     * and adds nothing, so a retried request or a restart never sends a mail twice.
     */
    async enqueue(eventKey: string, to: string, content: { subject: string; text: string; html?: string }, about?: string): Promise<MailRecord> {
      const now = clock().toISOString()
      return store.enqueue({
        id: randomUUID(), eventKey, to, subject: content.subject, text: content.text,
        ...(content.html === undefined ? {} : { html: content.html }),
        ...(about === undefined ? {} : { about }),
        status: 'pending', attempts: 0, nextAttemptAt: now, createdAt: now,
      })
    },

    /** Sends every due mail, one at a time, and never throws; see `drain` above. */
    drain,

    /** Drains now and then every `intervalMs` (default 1 s) until `stop`. Starting twice does nothing. */
    start(intervalMs = 1000): void {
      if (timer) return
      isStopping = false
      void drain()
      timer = setInterval(() => void drain(), intervalMs)
      // The outbox alone must not keep a process alive (tests, tools); the HTTP server does that.
      timer.unref()
    },

    /** Stops the interval and waits for a running drain, which stops after the mail in hand. */
    async stop(): Promise<void> {
      clearInterval(timer)
      timer = undefined
      isStopping = true
      try {
        while (running || queued) await (queued ?? running)
      } finally {
        isStopping = false
      }
    },
  }
}

/** The outbox as `createOutbox` returns it. */
export type Outbox = ReturnType<typeof createOutbox>

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown; responseCode?: unknown }).responseCode ?? (error as { code?: unknown }).code
    return code === undefined ? error.message : `${String(code)} ${error.message}`
  }
  return String(error)
}
