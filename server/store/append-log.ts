/** An append-only JSON-lines file: each record is on disk (fdatasync) before `append` resolves. */
import { mkdirSync } from 'node:fs'
import { open, readFile } from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import { StorageUnavailableError } from './store.ts'
import { nodeFiles, writeAll, type StoreFileHandle, type StoreFiles } from './store-files.ts'

export interface AppendLog<T> {
  /** Writes one record as one line; resolves once it is durable. */
  append(record: T): Promise<void>
  /** Every record written so far, oldest first. */
  readAll(): Promise<T[]>
  close(): Promise<void>
}

/** The open log: where its whole lines end, and whether a failed write may have left bytes after that. */
type OpenLog = { handle: StoreFileHandle; size: number; isDirty: boolean }

/**
 * Opens (or creates) the log at `file`. Writes are queued so lines never interleave. A write
 * counts when every byte is written and flushed; a failed one is cut off again (so no half line
 * is followed by whole ones) and rejects with a StorageUnavailableError. `files`: tests inject faults.
 */
export function appendLog<T>(file: string, options: { files?: StoreFiles } = {}): AppendLog<T> {
  mkdirSync(dirname(file), { recursive: true })
  let opened: Promise<OpenLog> | undefined
  let queue: Promise<void> = Promise.resolve()
  const openLog = () => (opened ??= openForAppend(file, options.files ?? nodeFiles))
  return {
    append(record) {
      const line = Buffer.from(`${JSON.stringify(record)}\n`)
      const write = queue.then(async () => {
        const log = await openLog()
        try {
          if (log.isDirty) await log.handle.truncate(log.size)
          log.isDirty = true
          await writeAll(log.handle, line, log.size)
          await log.handle.datasync()
          log.size += line.length
          log.isDirty = false
        } catch (error) {
          await log.handle.truncate(log.size).then(() => (log.isDirty = false), () => {})
          const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message
          throw new StorageUnavailableError(`writing ${basename(file)} failed: ${code}`, { cause: error })
        }
      })
      // A failed write rejects its caller but does not block the writes after it.
      queue = write.catch(() => {})
      return write
    },
    async readAll() {
      await queue
      let text: string
      try {
        text = await readFile(file, 'utf8')
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
        throw error
      }
      const lines = text.split('\n')
      // What follows the last newline was cut short by a crash mid-write, never acknowledged.
      lines.pop()
      return lines.map((line, i) => {
        try {
          return JSON.parse(line) as T
        } catch {
          throw new Error(`${file} line ${i + 1} is not valid JSON: the log is damaged; restore it from a backup`)
        }
      })
    },
    async close() {
      await queue
      if (opened) await (await opened).handle.close()
      opened = undefined
    },
  }
}

/**
 * Opens the log for appending. A tail without its newline is a write a crash interrupted; it was
 * never acknowledged, so it is cut off before new lines follow it.
 */
async function openForAppend(file: string, files: StoreFiles): Promise<OpenLog> {
  const fh = await open(file, 'a+')
  let { size } = await fh.stat()
  try {
    if (size > 0) {
      const length = Math.min(size, 1 << 20)
      const { buffer } = await fh.read(Buffer.alloc(length), 0, length, size - length)
      const lastNewline = buffer.lastIndexOf(0x0a)
      if (lastNewline !== length - 1) {
        size = lastNewline === -1 ? size - length : size - length + lastNewline + 1
        await fh.truncate(size)
        await fh.datasync()
      }
    }
  } finally {
    await fh.close()
  }
  // Written at known positions (not in append mode), so a failed write is cut off exactly.
  return { handle: await files.open(file, 'r+'), size, isDirty: false }
}
