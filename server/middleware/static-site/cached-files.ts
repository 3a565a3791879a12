/**
 * The search index's files kept in memory: a search fetches its index chunk and then a fragment per
 * result shown, one after the other, and reading each from disk (open, read, close through Node's
 * thread pool) made every one of those round trips wait for threads the browser and the server
 * share. A file is still looked up on disk on every request (one stat, as the static files are),
 * so a rebuilt index is served at once: a file that changed is read again.
 */
import { statSync, type Stats } from 'node:fs'
import { open } from 'node:fs/promises'
import { join } from 'node:path'
import type { MiddlewareHandler } from 'hono'
import { parseAccept } from 'hono/utils/accept'
import { getMimeType } from 'hono/utils/mime'

export interface CachedFilesOptions {
  /** The site's folder. */
  root: string
  /** The URL folder served from memory, e.g. `/pagefind/`. */
  prefix: string
  /** Bytes kept at most, the least recently served dropped first; default 64 MB. */
  maxBytes?: number
  /** Larger files are read from disk each time; default 1 MB. */
  maxFileBytes?: number
}

/** A file as read, with what its stat said then: kept while the file on disk still says so. */
interface Kept {
  body: Buffer<ArrayBuffer>
  ino: number
  size: number
  mtimeMs: number
}

/** Names Pagefind and the build write: letters, digits, `_`, `-`, `.`, at most one folder deep, never starting with a dot. */
const SERVABLE = /^(?:[\w-][\w.-]*\/)?[\w-][\w.-]*$/

/**
 * Serves GET requests for files under `prefix` from memory, with their brotli copy (`<file>.br`)
 * when the browser accepts br. Anything else (HEAD, ranges, other names, files gone) goes on to
 * the next handler, which serves the disk as before.
 */
export function cachedFiles({ root, prefix, maxBytes = 64 * 1024 * 1024, maxFileBytes = 1024 * 1024 }: CachedFilesOptions): MiddlewareHandler {
  const kept = new Map<string, Kept>()
  let keptBytes = 0

  const forget = (path: string) => {
    const entry = kept.get(path)
    if (!entry) return
    kept.delete(path)
    keptBytes -= entry.body.byteLength
  }

  const keep = (path: string, entry: Kept) => {
    forget(path)
    if (entry.body.byteLength > maxFileBytes) return
    kept.set(path, entry)
    keptBytes += entry.body.byteLength
    // A Map iterates in insertion order, and a file served is inserted again: the first is the least recent.
    for (const [oldest] of kept) {
      if (keptBytes <= maxBytes) break
      forget(oldest)
    }
  }

  return async (c, next) => {
    const path = c.req.path
    if (c.req.method !== 'GET' || c.req.header('range') || !path.startsWith(prefix) || !SERVABLE.test(path.slice(prefix.length))) return next()
    const file = join(root, path)
    const stats = fileStats(file)
    if (!stats) {
      forget(file)
      return next()
    }
    const mimeType = getMimeType(file) ?? 'application/octet-stream'
    const brotli = accepts(c.req.header('accept-encoding'), 'br') ? fileStats(`${file}.br`) : undefined
    const served = brotli ? `${file}.br` : file
    const servedStats = brotli ?? stats
    let entry = kept.get(served)
    if (entry && isSame(entry, servedStats)) {
      kept.delete(served)
      kept.set(served, entry)
    } else {
      entry = await read(served)
      if (!entry) return next()
      keep(served, entry)
    }
    c.header('Content-Type', mimeType)
    if (brotli) c.header('Content-Encoding', 'br')
    c.header('Vary', 'Accept-Encoding', { append: true })
    c.header('Last-Modified', new Date(entry.mtimeMs).toUTCString())
    return c.body(entry.body, 200)
  }
}

/** Whether an Accept-Encoding header accepts `encoding` (named, and not with q=0). */
export function accepts(header: string | undefined, encoding: string): boolean {
  return header !== undefined && parseAccept(header).some((a) => a.type.toLowerCase() === encoding && a.q > 0)
}

function fileStats(path: string): Stats | undefined {
  try {
    const stats = statSync(path)
    return stats.isFile() ? stats : undefined
  } catch {
    return undefined
  }
}

function isSame(entry: Kept, stats: Stats): boolean {
  return entry.ino === stats.ino && entry.size === stats.size && entry.mtimeMs === stats.mtimeMs
}

/** The file and its stat taken on the same open file: a file changed while read is read again on the next request. */
async function read(path: string): Promise<Kept | undefined> {
  let handle
  try {
    handle = await open(path, 'r')
    const stats = await handle.stat()
    const body = await handle.readFile()
    // Read while it was being written: served this once, and read again on the next request.
    const mtimeMs = body.byteLength === stats.size ? stats.mtimeMs : Number.NaN
    return { body, ino: stats.ino, size: stats.size, mtimeMs }
  } catch {
    return undefined
  } finally {
    await handle?.close()
  }
}
