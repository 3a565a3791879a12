/** A mail the outbox gave up on, noted in the audit trail of the record it was about: staff see it on the incident. */
import { randomUUID } from 'node:crypto'
import type { MailRecord } from '../mail/types.ts'
import type { Store } from '../store/store.ts'

/** The audit action of a mail given up on; its details hold `mailId`, `to` and the server's `reply`. */
export const MAIL_FAILED = 'mail.failed'

/**
 * The outbox's `onUndeliverable`: an audit entry "mail.failed" by the desk (`system`) on the
 * mail's `about` record, with the address and the server's last reply. A mail about no record
 * (a confirmation link, a sign-in link) is only in the outbox and the log.
 */
export function noteUndeliverable(store: Pick<Store, 'audit'>) {
  return async (mail: MailRecord): Promise<void> => {
    if (!mail.about) return
    await store.audit.append({
      id: randomUUID(), at: mail.failedAt ?? mail.nextAttemptAt, actor: 'system', action: MAIL_FAILED, target: mail.about,
      details: { mailId: mail.id, to: mail.to, reply: mail.lastError ?? '' },
    })
  }
}
