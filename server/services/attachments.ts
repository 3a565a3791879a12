/** Attachments of an incident: store a checked file outside the web root, record it (with a reaction when text comes along), and find one to download. */
import { randomUUID } from 'node:crypto'
import { checkAttachment, type AttachmentCheck } from '../domain/attachment.ts'
import { reactionRefusal } from '../domain/incident.ts'
import { mayMove } from '../domain/transitions.ts'
import type { Attachment, Incident, Message } from '../domain/records.ts'
import type { Deps } from '../deps.ts'
import type { SignedIn } from '../middleware/session/index.ts'
import { attachmentPolicy } from '../policies/attachment.ts'
import { incidentPolicy } from '../policies/incident.ts'
import { piecesOf } from '../store/attachment-files.ts'
import type { StoredContents } from '../store/store.ts'
import { actorRef } from './actors.ts'
import { incidentEvents } from './incident-events.ts'
import { refusal, type Outcome } from './result.ts'
import { notifyReaction } from './notifications.ts'

/** Why a file was not taken: the file's own check, or the incident no longer taking a reaction. */
export type UploadRefusal = Exclude<AttachmentCheck, { ok: true }>['code'] | NonNullable<ReturnType<typeof reactionRefusal>> | 'not_found'

/** Why a download is not given: no such incident for this viewer, or no such file on it for them. */
export type DownloadRefusal = 'incident_not_found' | 'attachment_not_found'

/**
 * What an upload brings: the file's name and bytes, the text sent along (empty: none), and (staff
 * only) whether it goes with an internal note, which the customer never sees, instead of a reply.
 */
export interface Upload {
  fileName: string
  bytes: Uint8Array
  text: string
  visibility?: 'public' | 'internal'
  /** Staff, a public reply with a text: it asks the customer something, so the incident waits for them (where its status may move there). */
  asksCustomer?: boolean
}

export function attachmentService(deps: Deps) {
  const files = deps.store.attachmentFiles
  const { afterReaction, audit, awaitCustomer, mailQuestion, mailStatus, visible } = incidentEvents(deps)

  return {
    /** What costs nothing before the body is read: the incident is the viewer's to see, and still takes a reaction from a customer. */
    async mayUpload(viewer: SignedIn, incidentId: string): Promise<Outcome<{ incident: Incident }, UploadRefusal>> {
      const incident = await visible(viewer, incidentId)
      if (!incident) return refusal('not_found')
      const refused = viewer.kind === 'contact' ? reactionRefusal(incident, deps.clock(), deps.desk) : undefined
      return refused ? refusal(refused) : { incident }
    },

    /**
     * Keeps a checked file on the incident, read again since the upload may have taken a while; with
     * a text it is a public reaction, which moves a customer's incident on or mails a staff reply.
     */
    async add(viewer: SignedIn, incidentId: string, upload: Upload): Promise<Outcome<{ attachment: Attachment; message?: Message }, UploadRefusal>> {
      const incident = await visible(viewer, incidentId)
      if (!incident) return refusal('not_found')
      const check = checkAttachment(upload.fileName, upload.bytes)
      if (!check.ok) return refusal(check.code)

      const now = deps.clock()
      const isStaff = viewer.kind === 'staff'
      const author = actorRef(viewer)
      const id = randomUUID()
      const attachment: Attachment = {
        id, incidentId: incident.id, fileName: check.fileName, contentType: check.contentType, size: upload.bytes.length,
        storedAs: `attachments/${incident.id}/${id}`, uploadedBy: author, at: now.toISOString(),
      }
      // The contents first, outside any transaction: a record never names contents that are not there.
      await files.write(attachment.storedAs, piecesOf(upload.bytes))
      await deps.store.attachments.add(attachment)
      await audit(author, 'attachment.added', incident, { attachmentId: id, fileName: attachment.fileName, contentType: attachment.contentType, size: attachment.size })
      // A customer's file is always public; staff choose, and a note's file is the note's even without a text.
      const isNote = isStaff && upload.visibility === 'internal'
      if (!upload.text && !isNote) return { attachment }

      // With a text the file is a reaction or reply, with what the messages route does after one; staff may make it an internal note.
      const message: Message = { id: randomUUID(), incidentId: incident.id, visibility: isNote ? 'internal' : 'public', author, text: upload.text, attachmentIds: [id], at: now.toISOString() }
      await deps.store.messages.add(message)
      let current = isStaff ? incident : await afterReaction(incident, author, now)
      if (isStaff && !isNote) {
        // As the messages route: a question moves the incident to waiting for the customer and is mailed under its own subject.
        if (upload.asksCustomer === true && incident.status !== 'waiting_for_customer' && mayMove(incident.status, 'waiting_for_customer')) current = await awaitCustomer(incident, author, now)
        if (current.status === 'waiting_for_customer') await mailQuestion(current, upload.text, `message:${message.id}`)
        else await mailStatus(current, upload.text, `message:${message.id}`)
      } else if (!isStaff) await notifyReaction(deps, current, message)
      await audit(author, isNote ? 'note.added' : 'message.added', current)
      return { attachment, message }
    },

    /** The attachment and its stored contents, if the viewer may see both: a file on an internal note is support's, like the note. */
    async find(viewer: SignedIn, incidentId: string, attachmentId: string): Promise<Outcome<{ attachment: Attachment; file: StoredContents }, DownloadRefusal>> {
      const incident = await deps.store.incidents.get(incidentId)
      if (!incident || !incidentPolicy.maySee(viewer, incident)) return refusal('incident_not_found')
      const attachment = await deps.store.attachments.get(attachmentId)
      if (attachment?.incidentId !== incident.id) return refusal('attachment_not_found')
      // Answered as a file that does not exist: the customer does not learn that a note has one.
      if (!attachmentPolicy.maySee(viewer, incident, attachment, await deps.store.messages.listByIncident(incident.id))) return refusal('attachment_not_found')
      const file = await files.read(attachment.storedAs)
      if (!file) {
        console.error('[loket] attachment file missing', attachment.id, attachment.storedAs)
        return refusal('attachment_not_found')
      }
      return { attachment, file }
    },
  }
}
