/** What the attachment routes say about themselves in the OpenAPI document, beside routes/attachments.ts. */
import { z } from 'zod'
import { ALLOWED_EXTENSIONS, MAX_ATTACHMENT_BYTES } from '../domain/attachment.ts'
import { SESSION_REQUIRED, jsonReply, refusal, sharedReply, type RouteDescription } from '../http/describe.ts'
import { SESSION_COOKIE } from '../middleware/session/index.ts'
import { attachmentExample } from '../http/examples.ts'
import { INCIDENT_ID } from '../openapi.ts'
import { ATTACHMENT_TYPES, AttachmentReply } from '../present/attachment.ts'
import { MessageReply } from '../present/incident.ts'

const MB = MAX_ATTACHMENT_BYTES / 1024 / 1024
const extensions = ALLOWED_EXTENSIONS.map((e) => `.${e}`).join(', ')
const incidentId = { $ref: '#/components/parameters/IncidentId' }

export const UPLOAD: RouteDescription = {
  operationId: 'uploadAttachment', tags: ['Incidents'], summary: 'Attach a file, optionally as a reaction',
  description: `Whoever may see the incident may attach one file in the part \`file\` (${extensions}; at most ${MB} MB). The extension decides the type it is served with and the content must match it; the file is only ever served as a download. With a part \`text\` the upload is a reaction: a public message with the file, which moves the incident on as a reply does. A customer cannot add files to an incident that takes no reaction any more (409).

For example: \`curl -b ${SESSION_COOKIE}=… -F file=@digipoort-fout-500.png -F text="Schermafdruk van de foutmelding" https://support.example.nl/api/incidents/${INCIDENT_ID}/attachments\``,
  security: SESSION_REQUIRED,
  parameters: [incidentId],
  requestBody: {
    required: true,
    content: {
      'multipart/form-data': {
        schema: {
          type: 'object', required: ['file'],
          properties: {
            file: { type: 'string', contentMediaType: 'application/octet-stream', description: `The file: ${extensions}; at most ${MB} MB.` },
            text: { type: 'string', maxLength: 20_000, description: 'A reaction to go with the file: makes the upload a public message. Default none.' },
          },
        },
        encoding: { file: { contentType: ATTACHMENT_TYPES.map((t) => t.split(';')[0]).join(', ') } },
      },
    },
  },
  responses: {
    201: jsonReply('Stored; with a text, the message it came with too.', z.object({ attachment: AttachmentReply, message: MessageReply.optional().meta({ description: 'Only when a text was sent.' }) }), {
      stored: { summary: 'A file alone', value: { attachment: attachmentExample } },
    }),
    400: refusal('No file in the part `file`, an empty file, a text that is too long, or a body that is not multipart/form-data.', {
      noFile: ['invalid_input', 'invalidInput', undefined, [{ path: 'file', message: 'exactly one file is required in the field "file"' }]],
    }),
    404: sharedReply('IncidentNotFound'),
    409: sharedReply('ReactionRefused'),
    413: refusal(`The file is larger than ${MB} MB.`, { tooLarge: ['payload_too_large', 'attachmentTooLarge'] }),
    415: refusal('Not multipart/form-data, a file type that may not be attached, or content that is not what the extension says.', {
      notMultipart: ['unsupported_media_type', 'multipartRequired'],
      typeNotAllowed: ['attachment_type_not_allowed', 'attachmentTypeNotAllowed', undefined, [{ path: 'file', message: `one of: ${ALLOWED_EXTENSIONS.join(', ')}` }]],
      contentMismatch: ['attachment_content_mismatch', 'attachmentContentMismatch', undefined, [{ path: 'file', message: 'the content is not what the extension says' }]],
    }),
  },
}

export const DOWNLOAD: RouteDescription = {
  operationId: 'downloadAttachment', tags: ['Incidents'], summary: 'Download an attachment',
  description: 'Always a download, with the type decided at upload; sandboxed and not cached. 404 for one the caller may not see, as for a missing one.',
  security: SESSION_REQUIRED,
  parameters: [incidentId, { name: 'attachmentId', in: 'path', required: true, description: 'The attachment\'s id.', schema: { type: 'string' }, example: attachmentExample.id }],
  responses: {
    200: {
      description: 'The file.',
      headers: {
        'Content-Disposition': { description: 'Always `attachment`, with the name in ASCII and exactly in UTF-8 (RFC 6266).', schema: { type: 'string' }, example: `attachment; filename="${attachmentExample.fileName}"; filename*=UTF-8''${attachmentExample.fileName}` },
        'Content-Type': { description: `The type decided at upload: ${ATTACHMENT_TYPES.join(', ')}.`, schema: { type: 'string' } },
        'Cache-Control': { description: 'private, no-store, no-transform', schema: { type: 'string' } },
      },
      content: { 'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } },
    },
    404: refusal('No such incident or attachment, or not one the caller may see: the answer is the same.', { incident: ['not_found', 'incidentNotFound'], attachment: ['not_found', 'attachmentNotFound'] }),
  },
}
