/** An OutboxStore kept in memory: for tests of the outbox and of what enqueues mail. */
import type { MailRecord, OutboxStore } from './types.ts'

/**
 * An empty in-memory outbox store with the port's semantics: one mail per event key, due mails
 * oldest first, copies in and out. `mails` shows what is stored, for assertions.
 */
export function memoryOutboxStore(): OutboxStore & { mails: MailRecord[] } {
  const mails: MailRecord[] = []
  const byId = (id: string) => mails.find((m) => m.id === id)
  return {
    mails,
    async enqueue(mail) {
      const existing = mails.find((m) => m.eventKey === mail.eventKey)
      if (existing) return structuredClone(existing)
      mails.push(structuredClone(mail))
      return structuredClone(mail)
    },
    async due(now, limit) {
      return mails
        .filter((m) => m.status === 'pending' && new Date(m.nextAttemptAt) <= now)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
        .slice(0, limit)
        .map((m) => structuredClone(m))
    },
    async backlog() {
      const pending = mails.filter((m) => m.status === 'pending').map((m) => m.createdAt).sort()
      return { count: pending.length, oldestCreatedAt: pending[0] ?? null }
    },
    async markSent(id, at) {
      const mail = byId(id)
      if (mail) Object.assign(mail, { status: 'sent', sentAt: at.toISOString() })
    },
    async markFailed(id, error, nextAttemptAt) {
      const mail = byId(id)
      if (mail) Object.assign(mail, { attempts: mail.attempts + 1, lastError: error, nextAttemptAt: nextAttemptAt.toISOString() })
    },
    async markUndeliverable(id, error, at) {
      const mail = byId(id)
      if (mail) Object.assign(mail, { status: 'failed', attempts: mail.attempts + 1, lastError: error, failedAt: at.toISOString() })
    },
  }
}
