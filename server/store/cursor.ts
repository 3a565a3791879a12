/** Opaque page cursors: base64url of the JSON array of the last record's sort key, checked on the way back in. */
import { InvalidCursorError } from './store.ts'

/** A sort key: strings and numbers, in the list's order of comparison. */
export type SortKey = (string | number)[]

/** The cursor for the page after the record with `key`. @example encodeCursor([100123]) // 'WzEwMDEyM10' */
export function encodeCursor(key: SortKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url')
}

/**
 * The sort key in `cursor`, checked against `shape` (one `typeof` per field); InvalidCursorError
 * for anything the store did not give out for this list.
 */
export function decodeCursor(cursor: string, shape: readonly ('string' | 'number')[]): SortKey {
  let key: unknown
  try {
    if (!/^[A-Za-z0-9_-]{1,400}$/.test(cursor)) throw new Error('not base64url')
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw new InvalidCursorError('the cursor is not one this list gave out')
  }
  if (!Array.isArray(key) || key.length !== shape.length || key.some((v, i) => typeof v !== shape[i] || (typeof v === 'number' && !Number.isSafeInteger(v)))) {
    throw new InvalidCursorError('the cursor is not one this list gave out')
  }
  return key as SortKey
}

/** Whether `cursor` could be one of a list with this `shape`: for validating a query before anything is read. */
export function isCursorOf(cursor: string, shape: readonly ('string' | 'number')[]): boolean {
  try {
    decodeCursor(cursor, shape)
    return true
  } catch {
    return false
  }
}

/** The sort key shapes of the lists: incidents newest first by number; the queue by rank, due time, registration, number. */
export const CURSOR_SHAPES = {
  incidents: ['number'],
  queue: ['number', 'string', 'string', 'number'],
  /** Complaints, newest first by number (digits after the K). */
  complaints: ['number'],
  /** The complaints queue: open before resolved, then due time, then number (see complaint-queue.ts). */
  complaintQueue: ['number', 'string', 'number'],
  /** Consents, newest first: created at, then the order they were stored in. */
  consents: ['string', 'number'],
  /** A staff member's notifications, newest first: made at, then id. */
  notifications: ['string', 'string'],
  /** Callers found by phone intake: lowercased name, then id. */
  callers: ['string', 'string'],
} as const
