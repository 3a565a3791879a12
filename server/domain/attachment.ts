/** Attachments: which files a customer may add, what we call them and the type we serve them as. */

/** Largest attachment accepted: 10 MB. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024

/** Longest stored file name, extension included. */
export const MAX_FILE_NAME_LENGTH = 120

type Kind = 'png' | 'jpg' | 'pdf' | 'text' | 'zip'

/** The types attachments are served with, decided by the extension and checked against the content. */
export const ATTACHMENT_TYPES = ['image/png', 'image/jpeg', 'application/pdf', 'text/plain; charset=utf-8', 'text/csv; charset=utf-8', 'application/zip'] as const
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number]

/** Allowed extensions (lowercase), the content they must hold and the type we serve them as; never the client's. */
const TYPES: Record<string, { kind: Kind; contentType: AttachmentType }> = {
  png: { kind: 'png', contentType: 'image/png' },
  jpg: { kind: 'jpg', contentType: 'image/jpeg' },
  jpeg: { kind: 'jpg', contentType: 'image/jpeg' },
  pdf: { kind: 'pdf', contentType: 'application/pdf' },
  txt: { kind: 'text', contentType: 'text/plain; charset=utf-8' },
  log: { kind: 'text', contentType: 'text/plain; charset=utf-8' },
  csv: { kind: 'text', contentType: 'text/csv; charset=utf-8' },
  zip: { kind: 'zip', contentType: 'application/zip' },
}

/** The extensions a customer may upload, for messages and the file picker's `accept`. @example ['png', 'jpg', …] */
export const ALLOWED_EXTENSIONS = Object.keys(TYPES)

/** The leading bytes each binary kind starts with; zip also as an empty archive (end record only). */
const MAGIC: Record<Exclude<Kind, 'text'>, number[][]> = {
  png: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  jpg: [[0xff, 0xd8, 0xff]],
  pdf: [[0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  zip: [[0x50, 0x4b, 0x03, 0x04], [0x50, 0x4b, 0x05, 0x06]],
}

export type AttachmentCheck =
  | { ok: true; contentType: AttachmentType; fileName: string }
  | { ok: false; code: 'type_not_allowed' | 'content_mismatch' | 'empty' | 'too_large' }

/**
 * Whether `bytes` may be stored as an attachment named `fileName`: an allowed extension whose
 * content is what the extension says. Gives the type to serve and the sanitised name.
 * @example checkAttachment('scherm.png', png) → { ok: true, contentType: 'image/png', fileName: 'scherm.png' }
 */
export function checkAttachment(fileName: string, bytes: Uint8Array): AttachmentCheck {
  if (bytes.length === 0) return { ok: false, code: 'empty' }
  if (bytes.length > MAX_ATTACHMENT_BYTES) return { ok: false, code: 'too_large' }
  const type = TYPES[extensionOf(fileName)]
  if (!type) return { ok: false, code: 'type_not_allowed' }
  const isMatch = type.kind === 'text' ? isUtf8Text(bytes) : MAGIC[type.kind].some((magic) => startsWith(bytes, magic))
  if (!isMatch) return { ok: false, code: 'content_mismatch' }
  return { ok: true, contentType: type.contentType, fileName: sanitiseFileName(fileName) }
}

/** The lowercase extension of the last path segment; '' when there is none. @example 'C:\\scans\\Bon.PDF' → 'pdf' */
export function extensionOf(fileName: string): string {
  const base = baseName(fileName)
  const dot = base.lastIndexOf('.')
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : ''
}

/**
 * A name safe to store and to send back: the last path segment, spaces as '-', only letters,
 * digits, '.', '-' and '_', no leading dots, at most 120 characters with the extension kept.
 * @example '../../etc/"quote" me.png' → 'quote-me.png'
 */
export function sanitiseFileName(fileName: string): string {
  const base = baseName(fileName).normalize('NFC')
  const dot = base.lastIndexOf('.')
  const stem = dot > 0 ? base.slice(0, dot) : base
  const extension = dot > 0 ? base.slice(dot + 1).toLowerCase().replace(/[^\p{L}\p{N}]/gu, '') : ''
  const clean = stem
    .replace(/\s+/gu, '-')
    .replace(/[^\p{L}\p{N}._-]/gu, '')
    .replace(/-{2,}/g, '-')
    // A leading dot hides the file on the customer's disk; a leading dash reads as an option.
    .replace(/^[.-]+/, '')
    .replace(/[.-]+$/, '')
  const suffix = extension ? `.${extension.slice(0, 10)}` : ''
  const kept = [...(clean || 'attachment')].slice(0, MAX_FILE_NAME_LENGTH - suffix.length).join('')
  return `${kept.replace(/[.-]+$/, '') || 'attachment'}${suffix}`
}

/**
 * The Content-Disposition of a download: always `attachment`, an ASCII name for old clients and
 * the exact name in UTF-8 (RFC 6266 / RFC 8187).
 * @example 'café.pdf' → `attachment; filename="caf_.pdf"; filename*=UTF-8''caf%C3%A9.pdf`
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`
}

/** The part after the last '/' or '\': browsers on Windows used to send the whole path. */
function baseName(fileName: string): string {
  return fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1)
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte)
}

/** Valid UTF-8 without NUL bytes: a UTF-16 log or a binary renamed to .txt is not. */
function isUtf8Text(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return true
  } catch {
    return false
  }
}
