/** An append-only JSON-lines file: each record is on disk (fdatasync) before `append` resolves. */
import { mkdirSync } from 'node:fs'
import { open, readFile, type FileHandle } from 'node:fs/promises'
import { dirname } from 'node:path'

export interface AppendLog<T> {
  /** Writes one record as one line; resolves once it is durable. */
  append(record: T): Promise<void>
  /** Every record written so far, oldest first. */
  readAll(): Promise<T[]>
  close(): Promise<void>
}

/** Opens (or creates) the log at `file`. Writes are queued so lines never interleave. */
export function appendLog<T>(file: string): AppendLog<T> {
  mkdirSync(dirname(file), { recursive: true })
  let handle: Promise<FileHandle> | undefined
  let queue: Promise<void> = Promise.resolve()
  const fileHandle = () => (handle ??= openForAppend(file))
  return {
    append(record) {
      const line = `${JSON.stringify(record)}\n`
      const write = queue.then(async () => {
        const fh = await fileHandle()
        await fh.write(line)
        await fh.datasync()
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
      if (handle) await (await handle).close()
      handle = undefined
    },
  }
}

/**
 * Opens the log for appending. A tail without its newline is a write a crash interrupted; it was
 * never acknowledged, so it is cut off before new lines follow it.
 */
async function openForAppend(file: string): Promise<FileHandle> {
  const fh = await open(file, 'a+')
  const { size } = await fh.stat()
  if (size > 0) {
    const length = Math.min(size, 1 << 20)
    const { buffer } = await fh.read(Buffer.alloc(length), 0, length, size - length)
    const lastNewline = buffer.lastIndexOf(0x0a)
    if (lastNewline !== length - 1) {
      await fh.truncate(lastNewline === -1 ? size - length : size - length + lastNewline + 1)
      await fh.datasync()
    }
  }
  return fh
}
