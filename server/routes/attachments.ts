/** Attachments of an incident: added by whoever may see it (≤ 10 MB, checked by content), kept outside the web root, served as downloads. */
import { Hono, type Context, type MiddlewareHandler } from 'hono'
import { z } from 'zod'
import { bodyLimit } from 'hono/body-limit'
import { ALLOWED_EXTENSIONS, MAX_ATTACHMENT_BYTES, contentDisposition } from '../domain/attachment.ts'
import type { Deps } from '../deps.ts'
import { describe } from '../http/describe.ts'
import { MESSAGES, apiError } from '../http/errors.ts'
import { requireSignedIn, type SessionEnv, type SignedInEnv } from '../middleware/session/index.ts'
import { AttachmentReply, presentAttachment } from '../present/attachment.ts'
import { MessageReply } from '../present/incident.ts'
import { attachmentService, type DownloadRefusal, type UploadRefusal } from '../services/attachments.ts'
import { isRefused, refuse, type RefusalReplies } from '../services/result.ts'

/** Largest upload request: one attachment plus room for the multipart envelope and a reaction text. */
const MAX_UPLOAD_BYTES = MAX_ATTACHMENT_BYTES + 128 * 1024

/** Longest reaction text sent along with a file, as for a message. */
const MAX_TEXT_LENGTH = 20_000

/**
 * Whether the request is an upload, which has its own, larger body limit: the API-wide limit in
 * app.ts must pass it by (`except(isAttachmentUpload, bodyLimit(…))`).
 */
export const isAttachmentUpload = (c: Context) => c.req.method === 'POST' && /\/incidents\/[^/]+\/attachments$/.test(c.req.path)


/** The replies to an upload's refusals: the file's own check, the incident, its reopen window. */
const UPLOAD_REFUSALS: RefusalReplies<UploadRefusal> = {
  not_found: [404, MESSAGES.incidentNotFound],
  incident_closed: [409, MESSAGES.incidentClosed],
  reopen_window_passed: [409, MESSAGES.reopenWindowPassed],
  type_not_allowed: [415, MESSAGES.attachmentTypeNotAllowed],
  content_mismatch: [415, MESSAGES.attachmentContentMismatch],
  too_large: [413, MESSAGES.attachmentTooLarge],
  empty: [400, MESSAGES.invalidInput],
}

/** An upload's refusal as the API has always answered it: the file check's codes named for attachments, the field at fault. */
function refuseUpload(c: Context, refused: UploadRefusal) {
  const [status, message] = UPLOAD_REFUSALS[refused]
  switch (refused) {
    case 'type_not_allowed': return apiError(c, status, 'attachment_type_not_allowed', message, [{ path: 'file', message: `one of: ${ALLOWED_EXTENSIONS.join(', ')}` }])
    case 'content_mismatch': return apiError(c, status, 'attachment_content_mismatch', message, [{ path: 'file', message: 'the content is not what the extension says' }])
    case 'too_large': return apiError(c, status, 'payload_too_large', message)
    case 'empty': return apiError(c, status, 'invalid_input', message, [{ path: 'file', message: 'the file is empty' }])
    default: return refuse(c, { refused }, UPLOAD_REFUSALS)
  }
}

/** A download's refusal: both are 404 `not_found`, each with its own message. */
const DOWNLOAD_MESSAGES: Record<DownloadRefusal, typeof MESSAGES.incidentNotFound> = {
  incident_not_found: MESSAGES.incidentNotFound,
  attachment_not_found: MESSAGES.attachmentNotFound,
}

/** The upload's form: the file, a text that makes it a reaction, and (staff) the visibility that makes it an internal note. */
const UPLOAD_FORM = { 'multipart/form-data': { schema: { type: 'object', required: ['file'], properties: {
  file: { type: 'string', contentMediaType: 'application/octet-stream' },
  text: { type: 'string', maxLength: MAX_TEXT_LENGTH },
  visibility: { type: 'string', enum: ['public', 'internal'], default: 'public', description: 'Staff only: `internal` keeps the file on an internal note (with the text, if any), never shown to or downloadable by the customer. A customer\'s file is always public.' },
  asksCustomer: { type: 'string', enum: ['true', 'false'], default: 'false', description: 'Staff only, a public reply with a text: `true` asks the customer something, as `asksCustomer` on a message; the incident then waits for the customer (where its status may move there) and the mail has the question\'s own subject.' },
} } } }

export const attachments = (deps: Deps) => {
  const service = attachmentService(deps)

  /** Checks what costs nothing before the body is read: who asks, for which incident, in which format. */
  const mayUpload: MiddlewareHandler<SignedInEnv> = async (c, next) => {
    const outcome = await service.mayUpload(c.var.signedIn, c.req.param('id') ?? '')
    if (isRefused(outcome)) return refuseUpload(c, outcome.refused)
    if (!/^multipart\/form-data\b/i.test(c.req.header('content-type') ?? '')) return apiError(c, 415, 'unsupported_media_type', MESSAGES.multipartRequired)
    await next()
  }

  return new Hono<SessionEnv>()
    .post(
      '/:id/attachments',
      describe('uploadAttachment', 'Incidents', 'Attach a file (part `file`); with a part `text` it is a reaction, a public message; staff may send `visibility=internal` for an internal note', {
        201: z.object({ attachment: AttachmentReply, message: MessageReply.optional() }),
      }, {
        description: `${ALLOWED_EXTENSIONS.join(', ')}, at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB; the content must match the extension. Served only as a download.`,
        requestBody: { required: true, content: UPLOAD_FORM as never },
        refuses: {
          invalid_input: UPLOAD_REFUSALS.empty, not_found: UPLOAD_REFUSALS.not_found, incident_closed: UPLOAD_REFUSALS.incident_closed, reopen_window_passed: UPLOAD_REFUSALS.reopen_window_passed,
          payload_too_large: UPLOAD_REFUSALS.too_large, unsupported_media_type: [415, MESSAGES.multipartRequired],
          attachment_type_not_allowed: UPLOAD_REFUSALS.type_not_allowed, attachment_content_mismatch: UPLOAD_REFUSALS.content_mismatch,
        },
      }),
      requireSignedIn,
      mayUpload,
      // Refuses by Content-Length at once, or stops reading a body without one at the limit.
      bodyLimit({ maxSize: MAX_UPLOAD_BYTES, onError: (c) => apiError(c, 413, 'payload_too_large', MESSAGES.attachmentTooLarge) }),
      async (c) => {
        const form = await c.req.parseBody({ all: true }).catch(() => undefined)
        if (!form) return apiError(c, 400, 'invalid_input', MESSAGES.multipartRequired, [{ path: '(body)', message: 'not readable as multipart/form-data' }])
        const file = form.file
        if (!(file instanceof File)) return apiError(c, 400, 'invalid_input', MESSAGES.invalidInput, [{ path: 'file', message: 'exactly one file is required in the field "file"' }])
        const text = typeof form.text === 'string' ? form.text.trim() : ''
        if ((form.text !== undefined && typeof form.text !== 'string') || text.length > MAX_TEXT_LENGTH) {
          return apiError(c, 400, 'invalid_input', MESSAGES.invalidInput, [{ path: 'text', message: `at most one text of at most ${MAX_TEXT_LENGTH} characters` }])
        }
        const visibility = form.visibility ?? 'public'
        if (visibility !== 'public' && visibility !== 'internal') {
          return apiError(c, 400, 'invalid_input', MESSAGES.invalidInput, [{ path: 'visibility', message: 'one of: public, internal' }])
        }
        // bodyLimit has bounded the request, so this read is bounded too.
        const bytes = new Uint8Array(await file.arrayBuffer())
        const outcome = await service.add(c.var.signedIn, c.req.param('id'), { fileName: file.name, bytes, text, visibility, asksCustomer: form.asksCustomer === 'true' })
        if (isRefused(outcome)) return refuseUpload(c, outcome.refused)
        const { attachment, message } = outcome
        return c.json(message ? { attachment: presentAttachment(attachment), message } : { attachment: presentAttachment(attachment) }, 201)
      },
    )
    .get('/:id/attachments/:attachmentId', describe('downloadAttachment', 'Incidents', 'Download an attachment: always as a file, with the type decided at upload', {
      200: { description: 'The file.', content: { 'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } } },
    }, { refuses: { not_found: [404, MESSAGES.attachmentNotFound] } }), requireSignedIn, async (c) => {
      const found = await service.find(c.var.signedIn, c.req.param('id'), c.req.param('attachmentId'))
      if (isRefused(found)) return apiError(c, 404, 'not_found', DOWNLOAD_MESSAGES[found.refused])
      const { attachment, file } = found
      // The stream lets go of the file (or reads the next chunk) as the client reads; it ends when the client goes away.
      return c.body(file.body, 200, {
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
