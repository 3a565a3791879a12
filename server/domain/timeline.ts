/** An incident's timeline: status changes, replies, reactions and files in the order they happened, as the viewer may see them. */
import { ACCESS_LEVELS, type AccessLevel, type Attachment, type AuditEntry, type Incident, type IncidentStatus, type Message } from './records.ts'

/** Who did something, by name: a contact, a support employee, or the desk itself. */
export interface Actor {
  kind: 'contact' | 'staff' | 'system'
  name: string
}

/** What a viewer learns of a file: never where it is stored. */
export interface AttachmentView {
  id: string
  fileName: string
  contentType: Attachment['contentType']
  size: number
}

export type TimelineEntry =
  | { type: 'status'; at: string; status: IncidentStatus; by: Actor }
  | {
      type: 'message'; at: string; id: string; visibility: Message['visibility']; text: string; by: Actor; attachments: AttachmentView[]
      /** A logged phone call (staff only, as it is internal), with its direction. */
      phone?: 'inbound' | 'outbound'
    }
  | { type: 'attachment'; at: string; by: Actor; attachment: AttachmentView }
  /**
   * A step of consented access, shown to both sides: e.g. "remote_view.started", "remote_view.consented",
   * "backup.approved", "grant.revoked", "grant.used". `consentId` names the record in GET /api/consents.
   */
  | { type: 'consent'; at: string; action: string; by: Actor; consentId: string; level?: AccessLevel; endsAt?: string }
  /** Staff only: a mail about the incident that the outbox gave up on, to whom, and the mail server's last reply. */
  | { type: 'mail_failed'; at: string; by: Actor; to: string; reply: string }

const viewOf = ({ id, fileName, contentType, size }: Attachment): AttachmentView => ({ id, fileName, contentType, size })

/**
 * The timeline of `incident`. A customer (`isStaff` false) never sees internal notes, nor the
 * files that hang only off them, nor mails that could not be delivered (`mailFailures`). Entries at the same moment keep their natural order: the
 * status change a reaction caused comes after the reaction.
 */
export function timelineOf(
  incident: Incident,
  messages: Message[],
  attachments: Attachment[],
  actorOf: (ref: string) => Actor,
  options: { isStaff: boolean; consentSteps?: AuditEntry[]; mailFailures?: AuditEntry[] },
): TimelineEntry[] {
  const visible = messages.filter((m) => options.isStaff || m.visibility === 'public')
  const hidden = new Set(messages.filter((m) => !visible.includes(m)).flatMap((m) => m.attachmentIds))
  const attached = new Set(messages.flatMap((m) => m.attachmentIds))
  const byId = new Map(attachments.map((a) => [a.id, a]))
  const entries: { entry: TimelineEntry; rank: number }[] = [
    ...incident.statusHistory.map((change) => ({ entry: { type: 'status' as const, at: change.at, status: change.status, by: actorOf(change.by) }, rank: 1 })),
    ...visible.map((m) => ({
      entry: {
        type: 'message' as const, at: m.at, id: m.id, visibility: m.visibility, text: m.text, by: actorOf(m.author),
        ...(m.channel === 'phone' ? { phone: m.direction ?? 'inbound' } : {}),
        attachments: m.attachmentIds.flatMap((id) => (byId.has(id) ? [viewOf(byId.get(id)!)] : [])),
      },
      rank: 0,
    })),
    ...(options.consentSteps ?? []).map((step) => ({
      entry: {
        type: 'consent' as const, at: step.at, action: step.action, by: actorOf(step.actor), consentId: String(step.details?.consentId ?? ''),
        ...(isAccessLevel(step.details?.level) ? { level: step.details.level } : {}),
        ...(typeof step.details?.endsAt === 'string' ? { endsAt: step.details.endsAt } : {}),
      },
      rank: 0,
    })),
    // Who the desk writes to, and what their mail server answered, is for staff only.
    ...(options.isStaff ? options.mailFailures ?? [] : []).map((failure) => ({
      entry: { type: 'mail_failed' as const, at: failure.at, by: actorOf(failure.actor), to: String(failure.details?.to ?? ''), reply: String(failure.details?.reply ?? '') },
      rank: 2,
    })),
    ...attachments.filter((a) => !attached.has(a.id) && !hidden.has(a.id))
      .map((a) => ({ entry: { type: 'attachment' as const, at: a.at, by: actorOf(a.uploadedBy), attachment: viewOf(a) }, rank: 0 })),
  ]
  return entries.sort((a, b) => a.entry.at.localeCompare(b.entry.at) || a.rank - b.rank).map((e) => e.entry)
}

/** Whether an audit detail names an access level: it is read back from the log, untyped. */
const isAccessLevel = (value: unknown): value is AccessLevel => ACCESS_LEVELS.includes(value as AccessLevel)
