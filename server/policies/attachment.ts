/** Who may see a file on an incident: its visibility follows the message it was sent with, so a file on an internal note is support's only. */
import type { Attachment, Incident, Message } from '../domain/records.ts'
import type { Viewer } from '../middleware/session/index.ts'
import { incidentPolicy } from './incident.ts'

export const attachmentPolicy = {
  /**
   * Staff every file of an incident; a contact who may see the incident its files that hang off a
   * public message or off none, never one on an internal note (answered as if it did not exist).
   * `messages` are the incident's.
   */
  maySee(viewer: Viewer, incident: Pick<Incident, 'organisationId' | 'contactId'>, attachment: Pick<Attachment, 'id'>, messages: Pick<Message, 'visibility' | 'attachmentIds'>[]): boolean {
    if (!incidentPolicy.maySee(viewer, incident)) return false
    if (incidentPolicy.maySeeInternal(viewer)) return true
    const carriers = messages.filter((m) => m.attachmentIds.includes(attachment.id))
    return carriers.length === 0 || carriers.some((m) => m.visibility === 'public')
  },
}
