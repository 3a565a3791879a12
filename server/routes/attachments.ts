/** Attachments of an incident: added by whoever may see it (≤ 10 MB, checked by content), kept outside the web root, served as downloads. */
import { randomUUID } from 'node:crypto'
import { mkdir, open } from 'node:fs/promises'
import { dirname, join, relative, resolve } from 'node:path'
import { Readable } from 'node:stream'
import { Hono, type Context, type MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { ALLOWED_EXTENSIONS, MAX_ATTACHMENT_BYTES, checkAttachment, contentDisposition, type AttachmentCheck } from '../domain/attachment.ts'
import { reactionRefusal, statusAfterReaction, withStatus } from '../domain/incident.ts'
import type { Attachment, Contact, Incident, Message } from '../domain/records.ts'
import type { Deps } from '../deps.ts'
import { MESSAGES, apiError } from '../http/errors.ts'
import { requireSignedIn, type SessionEnv } from '../middleware/session/index.ts'
import { describe } from '../http/describe.ts'
import { DOWNLOAD, UPLOAD } from './attachments.openapi.ts'
import { syncFolder, writeDurably } from '../store/durable-file.ts'
import { VersionConflictError } from '../store/store.ts'
import { incidentEvents } from '../services/incident-events.ts'
import { presentAttachment } from '../present/attachment.ts'
import { INCIDENT_REFUSALS } from '../present/incident-refusal.ts'
import { refuse as refuseWith } from '../services/result.ts'

/** Largest upload request: one attachment plus room for the multipart envelope and a reaction text. */
const MAX_UPLOAD_BYTES = MAX_ATTACHMENT_BYTES + 128 * 1024

/** Longest reaction text sent along with a file, as for a message. */
const MAX_TEXT_LENGTH = 20_000

/** Days a tracking link in an e-mail signs the contact in to the incident's page (as in incidents.ts). */
const TRACK_LINK_DAYS = 14

/**
 * Whether the request is an upload, which has its own, larger body limit: the API-wide limit in
 * app.ts must pass it by (`except(isAttachmentUpload, bodyLimit(…))`).
 */
export const isAttachmentUpload = (c: Context) => c.req.method === 'POST' && /\/incidents\/[^/]+\/attachments$/.test(c.req.path)


export const attachments = (deps: Deps) => {
  const dataDir = resolve(deps.dataDir)


  const { audit, mailStatus, visible } = incidentEvents(deps)

  /** A customer's reaction moves the incident on (waiting → in progress, reopened if just resolved). */
  async function afterReaction(incident: Incident, author: string, now: Date): Promise<Incident> {
    let current = incident
    // The upload took a while: someone may have changed the incident meanwhile, so decide again on theirs.
    for (let attempt = 0; attempt < 3; attempt++) {
      const next = statusAfterReaction(current, now, deps.desk)
      if (next === current.status) return current
      try {
        const updated = await deps.store.incidents.update(current.id, current.version, (i) => withStatus(i, next, author, now))
        await mailStatus(updated)
        return updated
      } catch (error) {
        if (!(error instanceof VersionConflictError)) throw error
        current = error.current
      }
    }
    return current
  }

  /** The file of `storedAs`, refused if the record points outside the attachments folder. */
  function fileOf(storedAs: string): string {
    const file = resolve(dataDir, storedAs)
    const inside = relative(join(dataDir, 'attachments'), file)
    if (!inside || inside.startsWith('..') || resolve(inside) === inside) throw new Error(`attachment path outside the attachments folder: ${storedAs}`)
    return file
  }

  /** Writes the bytes durably; a folder made for them is flushed into its parent too. */
  async function save(storedAs: string, bytes: Uint8Array): Promise<void> {
    const file = fileOf(storedAs)
    const folder = dirname(file)
    const created = await mkdir(folder, { recursive: true })
    await writeDurably(file, bytes)
    if (!created) return
    for (let parent = dirname(folder); ; parent = dirname(parent)) {
      await syncFolder(parent)
      if (parent === dirname(created) || parent === dirname(parent)) break
    }
  }

  /** Checks what costs nothing before the body is read: who asks, for which incident, in which format. */
  const mayUpload: MiddlewareHandler<SessionEnv> = async (c, next) => {
    const viewer = c.get('viewer')
    if (viewer.kind === 'anonymous') return apiError(c, 401, 'sign_in_required', MESSAGES.signInRequired)
    const incident = await visible(c.get('viewer'), c.req.param('id') ?? '')
    if (!incident) return apiError(c, 404, 'not_found', MESSAGES.incidentNotFound)
    const refusal = viewer.kind === 'contact' ? reactionRefusal(incident, deps.clock(), deps.desk) : undefined
    if (refusal) return refuseWith(c, { refused: refusal }, INCIDENT_REFUSALS)
    if (!/^multipart\/form-data\b/i.test(c.req.header('content-type') ?? '')) return apiError(c, 415, 'unsupported_media_type', MESSAGES.multipartRequired)
    await next()
  }

  const refuse = (c: Context, code: Exclude<AttachmentCheck, { ok: true }>['code']) => {
    switch (code) {
      case 'type_not_allowed': return apiError(c, 415, 'attachment_type_not_allowed', MESSAGES.attachmentTypeNotAllowed, [{ path: 'file', message: `one of: ${ALLOWED_EXTENSIONS.join(', ')}` }])
      case 'content_mismatch': return apiError(c, 415, 'attachment_content_mismatch', MESSAGES.attachmentContentMismatch, [{ path: 'file', message: 'the content is not what the extension says' }])
      case 'too_large': return apiError(c, 413, 'payload_too_large', MESSAGES.attachmentTooLarge)
      case 'empty': return apiError(c, 400, 'invalid_input', MESSAGES.invalidInput, [{ path: 'file', message: 'the file is empty' }])
    }
  }

  return new Hono<SessionEnv>()
    .post(
      '/:id/attachments',
      describe(UPLOAD),
      requireSignedIn,
      mayUpload,
      // Refuses by Content-Length at once, or stops reading a body without one at the limit.
      bodyLimit({ maxSize: MAX_UPLOAD_BYTES, onError: (c) => apiError(c, 413, 'payload_too_large', MESSAGES.attachmentTooLarge) }),
      async (c) => {
        const viewer = c.var.signedIn
        // Read again: the incident may have changed while the file came in.
        const incident = await visible(c.get('viewer'), c.req.param('id'))
        if (!incident) return apiError(c, 404, 'not_found', MESSAGES.incidentNotFound)
        const form = await c.req.parseBody({ all: true }).catch(() => undefined)
        if (!form) return apiError(c, 400, 'invalid_input', MESSAGES.multipartRequired, [{ path: '(body)', message: 'not readable as multipart/form-data' }])
        const file = form.file
        if (!(file instanceof File)) return apiError(c, 400, 'invalid_input', MESSAGES.invalidInput, [{ path: 'file', message: 'exactly one file is required in the field "file"' }])
        const text = typeof form.text === 'string' ? form.text.trim() : ''
        if ((form.text !== undefined && typeof form.text !== 'string') || text.length > MAX_TEXT_LENGTH) {
          return apiError(c, 400, 'invalid_input', MESSAGES.invalidInput, [{ path: 'text', message: `at most one text of at most ${MAX_TEXT_LENGTH} characters` }])
        }
        // bodyLimit has bounded the request, so this read is bounded too.
        const bytes = new Uint8Array(await file.arrayBuffer())
        const check = checkAttachment(file.name, bytes)
        if (!check.ok) return refuse(c, check.code)

        const now = deps.clock()
        const isStaff = viewer.kind === 'staff'
        const author = isStaff ? `staff:${viewer.staff.id}` : `contact:${viewer.contact.id}`
        const id = randomUUID()
        const attachment: Attachment = {
          id, incidentId: incident.id, fileName: check.fileName, contentType: check.contentType, size: bytes.length,
          storedAs: `attachments/${incident.id}/${id}`, uploadedBy: author, at: now.toISOString(),
        }
        await save(attachment.storedAs, bytes)
        await deps.store.attachments.add(attachment)
        await audit(author, 'attachment.added', incident, { attachmentId: id, fileName: attachment.fileName, contentType: attachment.contentType, size: attachment.size })
        if (!text) return c.json({ attachment: presentAttachment(attachment) }, 201)

        // With a text the file is a reaction: a public message, with what the messages route does after one.
        const message: Message = { id: randomUUID(), incidentId: incident.id, visibility: 'public', author, text, attachmentIds: [id], at: now.toISOString() }
        await deps.store.messages.add(message)
        const current = isStaff ? incident : await afterReaction(incident, author, now)
        if (isStaff) await mailStatus(current, text, `message:${message.id}`)
        await audit(author, 'message.added', current)
        return c.json({ attachment: presentAttachment(attachment), message }, 201)
      },
    )
    .get('/:id/attachments/:attachmentId', describe(DOWNLOAD), requireSignedIn, async (c) => {
      const incident = await visible(c.get('viewer'), c.req.param('id'))
      if (!incident) return apiError(c, 404, 'not_found', MESSAGES.incidentNotFound)
      const attachment = await deps.store.attachments.get(c.req.param('attachmentId'))
      if (attachment?.incidentId !== incident.id) return apiError(c, 404, 'not_found', MESSAGES.attachmentNotFound)
      // A file added to an internal note is support's, like the note itself.
      if (c.get('viewer').kind === 'contact') {
        const notes = (await deps.store.messages.listByIncident(incident.id)).filter((m) => m.visibility === 'internal')
        if (notes.some((m) => m.attachmentIds.includes(attachment.id))) return apiError(c, 404, 'not_found', MESSAGES.attachmentNotFound)
      }
      const handle = await open(fileOf(attachment.storedAs), 'r').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined
        throw error
      })
      if (!handle) {
        console.error('[loket] attachment file missing', attachment.id, attachment.storedAs)
        return apiError(c, 404, 'not_found', MESSAGES.attachmentNotFound)
      }
      // The read stream closes the file when it ends or the client goes away.
      return c.body(Readable.toWeb(handle.createReadStream()) as ReadableStream, 200, {
        'Content-Type': attachment.contentType,
        'Content-Length': String(attachment.size),
        'Content-Disposition': contentDisposition(attachment.fileName),
        'X-Content-Type-Options': 'nosniff',
        // no-transform: the app's compression and proxies pass the stored bytes on as they are.
        'Cache-Control': 'private, no-store, no-transform',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Cross-Origin-Resource-Policy': 'same-origin',
      })
    })
}
