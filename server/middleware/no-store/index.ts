/** Replies that hold one person's records: no cache, shared or private, keeps them. */
import type { MiddlewareHandler } from 'hono'

/** Sets `Cache-Control: private, no-store` on the reply, refusals included. */
export const privateNoStore: MiddlewareHandler = async (c, next) => {
  await next()
  c.header('Cache-Control', 'private, no-store')
}
