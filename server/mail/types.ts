/** The mail outbox's records and the store port it needs: plain types, shared by store and mail. */

/** One e-mail waiting in, or sent from, the durable outbox. */
export interface MailRecord {
  /** Unique id; also the basis of the Message-ID, so a resend after a crash can be recognised. */
  id: string
  /**
   * The event this mail belongs to, e.g. "incident:1042:status:3". The outbox holds at most one
   * mail per key: enqueueing the same event twice (a retried request, a restart) adds nothing.
   */
  eventKey: string
  to: string
  subject: string
  text: string
  html?: string
  /**
   * The record a mail is about, as its audit target (e.g. "incident:<id>"): a mail that cannot be
   * delivered is noted there for staff. Default none.
   */
  about?: string
  /** `pending` until the server takes it (`sent`) or the outbox gives up on it (`failed`). */
  status: 'pending' | 'sent' | 'failed'
  attempts: number
  /** When the next attempt may be made (ISO). */
  nextAttemptAt: string
  lastError?: string
  createdAt: string
  sentAt?: string
  /** When the outbox gave up on it: refused for good by the server, or still not taken after the retry period. */
  failedAt?: string
}

/** What the outbox needs from the store. Every method resolves only once the change is durable. */
export interface OutboxStore {
  /** Adds the mail unless one with the same eventKey exists; returns the stored record either way. */
  enqueue(mail: MailRecord): Promise<MailRecord>
  /** Pending mails whose nextAttemptAt is at or before `now`, oldest first, at most `limit`. */
  due(now: Date, limit: number): Promise<MailRecord[]>
  markSent(id: string, at: Date): Promise<void>
  markFailed(id: string, error: string, nextAttemptAt: Date): Promise<void>
  /** Gives up on the mail: `failed`, never due again, with the attempt counted and `error` as its last error. */
  markUndeliverable(id: string, error: string, at: Date): Promise<void>
  /** How many mails wait to be sent and when the oldest was queued, without claiming any (unlike `due`): for readiness and metrics. */
  backlog(): Promise<{ count: number; oldestCreatedAt: string | null }>
}
