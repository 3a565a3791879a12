/** What the attachment routes say about themselves in the OpenAPI document, beside routes/attachments.ts. */
import { ALLOWED_EXTENSIONS } from '../domain/attachment.ts'
import { resolver } from 'hono-openapi'
import { z } from 'zod'
import type { RouteDescription } from '../http/describe.ts'
import { AttachmentReply } from '../present/attachment.ts'
import { MessageReply } from '../present/incident.ts'
import { SESSION_COOKIE } from '../middleware/session/index.ts'
import { ATTACHMENT_TYPES } from '../present/attachment.ts'
import {
  INCIDENT_ID, INCIDENT_ID_PARAMETER, MAX_ATTACHMENT_MB, SESSION_REQUIRED, attachmentExample, error, extensions, failure, json, messageExample, responseRef, schemaRef,
} from '../openapi.ts'

export const UPLOAD: RouteDescription = {
  operationId: 'uploadAttachment', tags: ['Incidents'], summary: 'Attach a file, optionally as a reaction',
  description: `Whoever may see the incident may attach a file: a multipart/form-data upload with one file in the part \`file\` (${extensions}; at most ${MAX_ATTACHMENT_MB} MB). The extension decides the type the file is served with, and the content must match it: a renamed program is refused, and text and csv must be UTF-8. The file name is cleaned up (path, odd characters) and the file is kept outside the web root, only ever served as a download.

With a part \`text\` as well, the upload is a reaction: a public message with the file, which moves the incident on as a reply does (see adding a message) and, from staff, is mailed to the requester.

A customer can no longer add files, with or without a text, to a closed incident or one resolved longer ago than the reopen window: 409, before the file is read. Staff always can.

For example: \`curl -b ${SESSION_COOKIE}=… -F file=@digipoort-fout-500.png -F text="Schermafdruk van de foutmelding" https://support.example.nl/api/incidents/${INCIDENT_ID}/attachments\``,
  security: SESSION_REQUIRED,
  parameters: [INCIDENT_ID_PARAMETER],
  requestBody: {
    required: true,
    content: {
      'multipart/form-data': {
        schema: {
          type: 'object', required: ['file'],
          properties: {
            file: { type: 'string', contentMediaType: 'application/octet-stream', description: `The file: ${extensions}; at most ${MAX_ATTACHMENT_MB} MB.` },
            text: { type: 'string', maxLength: 20_000, description: 'A reaction to go with the file: makes the upload a public message. Default none.' },
          },
        },
        encoding: { file: { contentType: 'image/png, image/jpeg, application/pdf, text/plain, text/csv, application/zip' } },
      },
    },
  },
  responses: {
    201: {
      description: 'Stored; with a text, the message it came with too.',
      content: json(resolver(z.object({ attachment: AttachmentReply, message: MessageReply.optional().meta({ description: 'Only when a text was sent.' }) })), {
        stored: { summary: 'A file alone', value: { attachment: attachmentExample } },
        reaction: { summary: 'A file with a text', value: { attachment: attachmentExample, message: { ...messageExample, id: '2c7e9d14-6a3b-4f58-9e21-8d0b5c7a4f16', author: 'contact:c-jansen-emp', text: 'Schermafdruk van de foutmelding', attachmentIds: [attachmentExample.id], at: attachmentExample.at } } },
      }),
    },
    400: failure('No file in the part `file`, an empty file, a text that is too long, or a body that is not readable as multipart/form-data.', {
      noFile: { value: error('invalid_input', 'invalidInput', [{ path: 'file', message: 'exactly one file is required in the field "file"' }]) },
      empty: { value: error('invalid_input', 'invalidInput', [{ path: 'file', message: 'the file is empty' }]) },
    }),
    404: responseRef('IncidentNotFound'),
    409: responseRef('ReactionRefused'),
    413: failure(`The file is larger than ${MAX_ATTACHMENT_MB} MB.`, { tooLarge: { value: error('payload_too_large', 'attachmentTooLarge') } }),
    415: failure('Not a multipart/form-data upload, a file type that may not be attached, or content that is not what the extension says.', {
      notMultipart: { summary: 'Not multipart/form-data', value: error('unsupported_media_type', 'multipartRequired') },
      typeNotAllowed: { summary: 'A file type that may not be attached', value: error('attachment_type_not_allowed', 'attachmentTypeNotAllowed', [{ path: 'file', message: `one of: ${ALLOWED_EXTENSIONS.join(', ')}` }]) },
      contentMismatch: { summary: 'A program renamed to .pdf', value: error('attachment_content_mismatch', 'attachmentContentMismatch', [{ path: 'file', message: 'the content is not what the extension says' }]) },
    }),
  },
}

export const DOWNLOAD: RouteDescription = {
  operationId: 'downloadAttachment', tags: ['Incidents'], summary: 'Download an attachment',
  description: 'Always a download (`Content-Disposition: attachment`), never shown inline, with the type decided at upload; sandboxed and not cached. The same visibility as the incident: 404 for one the caller may not see, as for a missing one.',
  security: SESSION_REQUIRED,
  parameters: [INCIDENT_ID_PARAMETER, { name: 'attachmentId', in: 'path', required: true, description: 'The attachment\'s id.', schema: { type: 'string' }, example: attachmentExample.id }],
  responses: {
    200: {
      description: 'The file.',
      headers: {
        'Content-Disposition': { description: 'Always `attachment`, with the name in ASCII and exactly in UTF-8 (RFC 6266).', schema: { type: 'string' }, example: `attachment; filename="${attachmentExample.fileName}"; filename*=UTF-8''${attachmentExample.fileName}` },
        'Content-Type': { description: `The type decided at upload: ${ATTACHMENT_TYPES.join(', ')}.`, schema: { type: 'string' }, example: 'image/png' },
        'Cache-Control': { description: 'private, no-store, no-transform', schema: { type: 'string' } },
      },
      content: { 'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } },
    },
    404: failure('No such incident or attachment, or not one the caller may see: the answer is the same.', {
      incident: { summary: 'The incident', value: error('not_found', 'incidentNotFound') },
      attachment: { summary: 'The attachment', value: error('not_found', 'attachmentNotFound') },
    }),
  },
}
