/** The contents of attachments, apart from their records: files in the data folder (lowdb), chunks in the database (PostgreSQL); streamed in and out. */
import { randomUUID } from 'node:crypto'
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises'
import { basename, dirname, join, relative, resolve } from 'node:path'
import { Readable } from 'node:stream'
import { syncFolder } from './durable-file.ts'
import { StorageUnavailableError, type AttachmentFiles } from './store.ts'
import { isStorageFault } from './store-files.ts'

/**
 * `bytes` in pieces of at most `size` bytes, without copying: what a store's `write` takes
 * from bytes already in memory.
 * @example await files.write('attachments/i/a', piecesOf(bytes))
 */
export async function* piecesOf(bytes: Uint8Array, size = 256 * 1024): AsyncIterable<Uint8Array> {
  for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size)
}

/** Reads a whole stream into one buffer: for tests and tools, never for a download. */
export async function readAllOf(body: ReadableStream<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = []
  for await (const part of body as unknown as AsyncIterable<Uint8Array>) parts.push(part)
  return Buffer.concat(parts)
}

/**
 * The attachments folder inside `dataDir` (`storedAs` is `attachments/…`): each file written to a
 * temporary file, flushed and renamed into place, so a crash leaves the old file or the new one.
 */
export function folderAttachmentFiles(dataDir: string): AttachmentFiles {
  const root = resolve(dataDir)

  /** The file of `storedAs`, refused if the record points outside the attachments folder. */
  function fileOf(storedAs: string): string {
    const file = resolve(root, storedAs)
    const inside = relative(join(root, 'attachments'), file)
    if (!inside || inside.startsWith('..') || resolve(inside) === inside) throw new Error(`attachment path outside the attachments folder: ${storedAs}`)
    return file
  }

  async function write(storedAs: string, from: AsyncIterable<Uint8Array>): Promise<number> {
    const file = fileOf(storedAs)
    const folder = dirname(file)
    const created = await mkdir(folder, { recursive: true })
    const temp = join(folder, `.${basename(file)}.${randomUUID()}.tmp`)
    const handle = await open(temp, 'wx')
    let size = 0
    try {
      for await (const piece of from) {
        // handle.write writes on after a short write until every byte is out, or throws.
        await handle.write(piece)
        size += piece.length
      }
      await handle.sync()
      await handle.close()
      await rename(temp, file)
    } catch (error) {
      // A temp file left on a full disk would keep its space taken.
      await handle.close().catch(() => {})
      await unlink(temp).catch(() => {})
      throw error
    }
    await syncFolder(folder)
    // A folder made for the file is flushed into its parent too, up to the first that was there.
    if (created) {
      for (let parent = dirname(folder); ; parent = dirname(parent)) {
        await syncFolder(parent)
        if (parent === dirname(created) || parent === dirname(parent)) break
      }
    }
    return size
  }

  return {
    async write(storedAs, from) {
      try {
        return await write(storedAs, from)
      } catch (error) {
        if (!isStorageFault(error)) throw error
        throw new StorageUnavailableError(`${(error as NodeJS.ErrnoException).code} writing an attachment`, { cause: error })
      }
    },
    async read(storedAs) {
      const handle = await open(fileOf(storedAs), 'r').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined
        throw error
      })
      if (!handle) return undefined
      const { size } = await handle.stat()
      // The read stream closes the file when it ends or the client goes away.
      return { size, body: Readable.toWeb(handle.createReadStream()) as ReadableStream<Uint8Array> }
    },
    async size(storedAs) {
      return stat(fileOf(storedAs)).then((s) => s.size, (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined
        throw error
      })
    },
  }
}
