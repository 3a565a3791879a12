/**
 * Request bodies up to a limit (413 beyond it). A JSON body arriving through Node is read straight
 * from the socket into Hono's body cache: measured under load, building the fetch Request object
 * that a stream-wrapping limit needs took a third of a registration's time.
 */
import type { IncomingMessage } from 'node:http'
import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'

const isJson = (c: Context) => /^application\/([a-z.-]+\+)?json\b/i.test(c.req.header('content-type') ?? '')

export function limitBody(options: { maxSize: number; onError: (c: Context) => Response | Promise<Response> }): MiddlewareHandler {
  const viaRequest = bodyLimit(options)
  return async (c, next) => {
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming
    if (!incoming || !isJson(c)) return viaRequest(c, next)
    const declared = Number(c.req.header('content-length') ?? NaN)
    if (declared > options.maxSize) return options.onError(c)
    const text = await readAtMost(incoming, options.maxSize)
    if (text === undefined) return options.onError(c)
    // Hono's c.req.json() parses the cached text; nothing builds a Request for the body any more.
    ;(c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(text)
    await next()
  }
}

/** The body as text, or undefined once it grows past `max` bytes (the rest is not read). */
function readAtMost(incoming: IncomingMessage, max: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > max) {
        incoming.off('data', onData)
        incoming.pause()
        resolve(undefined)
        return
      }
      chunks.push(chunk)
    }
    incoming.on('data', onData)
    incoming.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    incoming.once('error', reject)
  })
}
