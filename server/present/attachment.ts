/** What the client learns of a stored attachment; where it lies on disk stays ours. */
import type { Attachment } from '../domain/records.ts'

/** The attachment as the API shows it: id, name, type, size and when. */
export const presentAttachment = ({ id, fileName, contentType, size, at }: Attachment) => ({ id, fileName, contentType, size, at })
