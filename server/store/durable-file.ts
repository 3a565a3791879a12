/** Durable file writes: a unique temp file, flushed, renamed over the target, the folder flushed. */
import { randomUUID } from 'node:crypto'
import { open, rename, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { StorageUnavailableError } from './store.ts'
import { isStorageFault } from './store-files.ts'

/**
 * Replaces `file` with `data` so that after a crash it holds either the old or the new data, whole.
 * A disk that refuses (full, failing) is a StorageUnavailableError, answered 503 like a journal write.
 */
export async function writeDurably(file: string, data: string | Uint8Array): Promise<void> {
  try {
    await replace(file, data)
  } catch (error) {
    if (!isStorageFault(error)) throw error
    throw new StorageUnavailableError(`${(error as NodeJS.ErrnoException).code} writing ${basename(file)}`, { cause: error })
  }
}

async function replace(file: string, data: string | Uint8Array): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}.${randomUUID()}.tmp`)
  const handle = await open(temp, 'wx')
  try {
    // writeFile writes on after a short write until every byte is out, or throws.
    await handle.writeFile(data)
    await handle.sync()
  } catch (error) {
    // A temp file left on a full disk would keep its space taken.
    await handle.close().catch(() => {})
    await unlink(temp).catch(() => {})
    throw error
  }
  await handle.close()
  try {
    await rename(temp, file)
  } catch (error) {
    await unlink(temp).catch(() => {})
    throw error
  }
  await syncFolder(dirname(file))
}

/** Flushes a folder's entries (a rename or a new file) to disk. */
export async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
