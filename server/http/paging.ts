/** Pages over HTTP: the `limit` and `cursor` every list takes, and the `next` and `total` every page answers with. */
import { z } from 'zod'
import { isCursorOf } from '../store/cursor.ts'

/** Records per page unless `limit` says otherwise. */
export const DEFAULT_LIMIT = 50
/** The most records one page holds. */
export const MAX_LIMIT = 200

/** `limit` and `cursor` for a list whose sort key has `shape`: a cursor of another list or made up is 400 `invalid_input`. */
export function pageQuery(shape: readonly ('string' | 'number')[]) {
  return {
    limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT)
      .meta({ description: `Records per page, 1 to ${MAX_LIMIT}; default ${DEFAULT_LIMIT}.`, example: 50 }),
    cursor: z.string().max(400).refine((cursor) => isCursorOf(cursor, shape), { error: 'not a cursor this list gave out: start again without one' }).optional()
      .meta({ description: 'Where the page starts: the `next` of the page before, as given (opaque). Without it, the first page.', example: 'WzEwMDAwNV0' }),
  }
}

/** What a page adds to its list's reply. */
export const PageReply = {
  next: z.string().nullable().meta({ description: 'The `cursor` for the next page; null on the last page.', example: 'WzEwMDAwNV0' }),
  total: z.number().int().nullable().meta({ description: 'How many match in all; null when more than 1,000 (counting further would cost more than the page).', example: 27 }),
}
