/**
 * One unit of work per changing request: its writes are kept together or not at all. A request
 * answered normally (2xx, and refusals such as 404, 409 or 429) keeps what it wrote, since a
 * service writes before a refusal only what must stay (a single-use token taken, a wrong try
 * noted); a request that ends in an error (500, 503 `storage_unavailable`) keeps nothing.
 */
import type { MiddlewareHandler } from 'hono'
import type { Store } from '../../store/store.ts'

/** Reads take no unit: they write nothing, and streams (downloads, server-sent events) must not hold a transaction open. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** Thrown out of the unit to undo it once the error handler has answered the request. */
class Undo extends Error {}

/**
 * Runs each POST, PATCH, PUT and DELETE in `store.unitOfWork`: committed before the answer leaves,
 * undone when the request ended in an error (the app's error handler already answered it). A
 * commit that fails is answered by that handler too (503 when the database is out of reach).
 * Mail is only stored in the unit; the outbox sends it once the commit made it visible.
 */
export function unitOfWork(store: Pick<Store, 'unitOfWork'>): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next()
    try {
      await store.unitOfWork(async () => {
        await next()
        // Hono hands an error thrown further in to the error handler and notes it on the context.
        if (c.error) throw new Undo()
      })
    } catch (error) {
      if (!(error instanceof Undo)) throw error
    }
  }
}
