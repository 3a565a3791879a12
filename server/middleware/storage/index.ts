/**
 * Changing requests while the store cannot write: refused with 503 `storage_unavailable` before
 * any route changes anything. Each such request makes the store check again, so the desk takes
 * writes again by itself once the disk (or database) does.
 */
import type { MiddlewareHandler } from 'hono'
import { WRITE_METHODS, withReplies } from '../../http/describe.ts'
import { MESSAGES, apiError } from '../../http/errors.ts'
import type { Store } from '../../store/store.ts'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** 503 `storage_unavailable` for a changing request while `store.health()` says writes fail; a healthy store costs no I/O. */
export function storageGuard(store: Pick<Store, 'health'>): MiddlewareHandler {
  return withReplies<MiddlewareHandler>(async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next()
    const health = await store.health()
    if (!health.ok) return storageUnavailable(c)
    await next()
  }, [{ status: 503, response: 'StorageUnavailable', methods: WRITE_METHODS }])
}

/** The 503 answer, also given when a write fails inside a route (app.ts's error handler). */
export const storageUnavailable = (c: Parameters<MiddlewareHandler>[0]) => apiError(c, 503, 'storage_unavailable', MESSAGES.storageUnavailable)
