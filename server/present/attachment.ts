/** What the client learns of a stored attachment; where it lies on disk stays ours. */
import { z } from 'zod'
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES } from '../domain/attachment.ts'
import type { Attachment } from '../domain/records.ts'

const fields = {
  id: z.uuid(),
  fileName: z.string().max(120).meta({ description: 'The name as stored: cleaned of paths and odd characters.' }),
  contentType: z.enum(ATTACHMENT_TYPES),
  size: z.number().int().min(1).max(MAX_ATTACHMENT_BYTES).meta({ description: 'In bytes.' }),
}

/** A file attached to an incident. */
export const AttachmentReply = z.object({ ...fields, at: z.iso.datetime() })
  .meta({ id: 'Attachment', description: 'A file attached to an incident; download it by its id.' })
export type AttachmentReply = z.infer<typeof AttachmentReply>

/** A file as the timeline shows it. */
export const AttachmentView = z.object(fields).meta({ id: 'AttachmentView', description: 'A file as the timeline shows it; download it by its id.' })

/** The attachment as the API shows it: id, name, type, size and when. */
export const presentAttachment = ({ id, fileName, contentType, size, at }: Attachment) => ({ id, fileName, contentType, size, at })
