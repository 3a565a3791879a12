/**
 * The contents of attachments in PostgreSQL: in chunks of 256 KB (`attachment_chunks`), each
 * write under a version of its own that `attachment_files` names once every chunk is in, so a
 * reader finds whole contents or none, and any API process on the database serves them.
 */
import { randomUUID } from 'node:crypto'
import type pg from 'pg'
import type { AttachmentFiles } from './store.ts'

/** Bytes per chunk row: few round trips for a 10 MB file, and little held in memory at a time. */
export const CHUNK_BYTES = 256 * 1024

/** What the store's queries go through (its own wrapper turns a lost database into a 503). */
type Query = pg.Pool['query']

/** Writes that sweep, now and then, what writes cut off by a dying process left. */
const SWEEP_CHANCE = 0.01

/**
 * Removes the chunks of writes that no file names and that started over an hour ago: a process
 * that died mid-upload left them (a failing write removes its own). Returns how many went.
 */
export async function sweepOrphanChunks(query: Query): Promise<number> {
  const done = await query(
    `DELETE FROM attachment_chunks c WHERE c.written_at < now() - interval '1 hour'
     AND NOT EXISTS (SELECT 1 FROM attachment_files f WHERE f.stored_as = c.stored_as AND f.version = c.version)`,
  )
  return done.rowCount ?? 0
}

/**
 * Attachment contents on the database behind `query`. Every chunk is one statement of its own: no
 * transaction stays open while a file streams in or out, and none holds a connection between chunks.
 */
export function postgresAttachmentFiles(query: Query): AttachmentFiles {
  return {
    async write(storedAs, from) {
      const version = randomUUID()
      let n = 0
      let size = 0
      let pending: Uint8Array[] = []
      let pendingBytes = 0
      // Two chunk inserts in flight at most: the next goes out while the last is written, and little is held.
      const inFlight: Promise<unknown>[] = []
      const flush = async () => {
        if (pendingBytes === 0) return
        const chunk = pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes)
        const insert = query('INSERT INTO attachment_chunks (stored_as, version, n, data) VALUES ($1, $2, $3, $4)', [storedAs, version, n++, Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)])
        // Awaited below or in the catch: its failure is never unhandled.
        insert.catch(() => undefined)
        inFlight.push(insert)
        pending = []
        pendingBytes = 0
        if (inFlight.length >= 2) await inFlight.shift()
      }
      try {
        for await (const piece of from) {
          size += piece.length
          // Cut the incoming pieces into chunks of exactly CHUNK_BYTES, the last one shorter.
          for (let start = 0; start < piece.length;) {
            const take = Math.min(CHUNK_BYTES - pendingBytes, piece.length - start)
            pending.push(piece.subarray(start, start + take))
            pendingBytes += take
            start += take
            if (pendingBytes === CHUNK_BYTES) await flush()
          }
        }
        await flush()
        while (inFlight.length > 0) await inFlight.shift()
        // One statement: the new version becomes the file's and the old one's chunks go, at once.
        await query(
          `WITH old AS (SELECT version FROM attachment_files WHERE stored_as = $1),
           named AS (
             INSERT INTO attachment_files (stored_as, version, size, chunks) VALUES ($1, $2, $3, $4)
             ON CONFLICT (stored_as) DO UPDATE SET version = EXCLUDED.version, size = EXCLUDED.size, chunks = EXCLUDED.chunks
           )
           DELETE FROM attachment_chunks WHERE stored_as = $1 AND version IN (SELECT version FROM old)`,
          [storedAs, version, size, n],
        )
        if (Math.random() < SWEEP_CHANCE) await sweepOrphanChunks(query).catch(() => undefined)
        return size
      } catch (error) {
        // What was written of this version is nobody's: no file names it (once every insert has ended).
        await Promise.allSettled(inFlight)
        await query('DELETE FROM attachment_chunks WHERE stored_as = $1 AND version = $2', [storedAs, version]).catch(() => undefined)
        throw error
      }
    },
    async read(storedAs) {
      const { rows: [file] } = await query<{ version: string; size: string; chunks: number }>('SELECT version, size, chunks FROM attachment_files WHERE stored_as = $1', [storedAs])
      if (!file) return undefined
      const chunkAt = (n: number) => {
        const reading = query<{ data: Buffer }>('SELECT data FROM attachment_chunks WHERE stored_as = $1 AND version = $2 AND n = $3', [storedAs, file.version, n])
        // Read ahead, and maybe never awaited when the client goes away: its failure is not unhandled.
        reading.catch(() => undefined)
        return reading
      }
      let n = 0
      // One chunk ahead of the one being sent: the next round trip overlaps the client's read, and at most two chunks are held.
      let ahead = file.chunks > 0 ? chunkAt(0) : undefined
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (!ahead) return controller.close()
          const { rows: [chunk] } = await ahead
          if (!chunk) return controller.error(new Error(`attachment ${storedAs}: chunk ${n} of ${file.chunks} is missing`))
          n++
          ahead = n < file.chunks ? chunkAt(n) : undefined
          controller.enqueue(new Uint8Array(chunk.data.buffer, chunk.data.byteOffset, chunk.data.byteLength))
        },
      }, { highWaterMark: 1 })
      return { size: Number(file.size), body }
    },
    async size(storedAs) {
      const { rows: [file] } = await query<{ size: string }>('SELECT size FROM attachment_files WHERE stored_as = $1', [storedAs])
      return file ? Number(file.size) : undefined
    },
  }
}
