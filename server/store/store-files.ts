/** The few file operations the lowdb store's journal makes, behind an interface so tests can inject faults (short writes, ENOSPC, EIO). */
import { open, readFile, rename, unlink } from 'node:fs/promises'

/** An open file, as far as the journal uses it: positioned writes, flushes, truncation. */
export interface StoreFileHandle {
  /** Writes `length` bytes of `buffer` from `offset` at `position`; may write fewer (a short write), which `bytesWritten` says. */
  write(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesWritten: number }>
  datasync(): Promise<void>
  truncate(length: number): Promise<void>
  close(): Promise<void>
}

/** Opening files and the folder operations beside it. */
export interface StoreFiles {
  open(path: string, flags: string): Promise<StoreFileHandle>
  readFile(path: string): Promise<Buffer>
  rename(from: string, to: string): Promise<void>
  unlink(path: string): Promise<void>
}

/** The real file system. */
export const nodeFiles: StoreFiles = {
  open: (path, flags) => open(path, flags),
  readFile: (path) => readFile(path),
  rename: (from, to) => rename(from, to),
  unlink: (path) => unlink(path),
}

/** System errors that mean the disk cannot take a write now (full, failing, read-only, over quota), not a bug. */
const STORAGE_CODES = new Set(['ENOSPC', 'EIO', 'EDQUOT', 'EROFS', 'EFBIG'])

/** Whether `error` is the disk refusing a write (see STORAGE_CODES). */
export function isStorageFault(error: unknown): boolean {
  return STORAGE_CODES.has((error as NodeJS.ErrnoException)?.code ?? '')
}

/**
 * Writes all of `buffer` at `position`, continuing after short writes; a write that takes no
 * bytes at all is the disk refusing (ENOSPC), so the loop cannot spin.
 */
export async function writeAll(handle: StoreFileHandle, buffer: Uint8Array, position: number): Promise<void> {
  let done = 0
  while (done < buffer.length) {
    const { bytesWritten } = await handle.write(buffer, done, buffer.length - done, position + done)
    if (bytesWritten <= 0) throw Object.assign(new Error(`ENOSPC: no bytes written at ${position + done}`), { code: 'ENOSPC' })
    done += bytesWritten
  }
}
