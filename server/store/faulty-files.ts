/** A StoreFiles for tests that fails on command: short writes and ENOSPC as a disk fills, EIO or ENOSPC at a chosen operation. */
import { nodeFiles, type StoreFileHandle, type StoreFiles } from './store-files.ts'

/** The operations a fault can be put on. */
export type FaultOp = 'write' | 'datasync' | 'truncate' | 'open'

/** An error as the file system raises it: `code` set, message as Node writes it. */
export function systemError(code: 'ENOSPC' | 'EIO'): NodeJS.ErrnoException {
  const text = code === 'ENOSPC' ? 'no space left on device' : 'i/o error'
  return Object.assign(new Error(`${code}: ${text}, write`), { code, errno: code === 'ENOSPC' ? -28 : -5, syscall: 'write' })
}

/**
 * Real files with faults on top. `freeBytes` models a filling disk: a write takes what still fits
 * (a short write), and the next gets ENOSPC. `failAt` makes the n-th next `op` (1 = the next) fail
 * with `code`, once. `counts` says how many of each operation ran.
 */
export function faultyFiles(base: StoreFiles = nodeFiles) {
  let freeBytes = Infinity
  const planned: { op: FaultOp; countdown: number; code: 'ENOSPC' | 'EIO' }[] = []
  const counts: Record<FaultOp, number> = { write: 0, datasync: 0, truncate: 0, open: 0 }
  /** Throws when a planned fault on `op` is due. */
  const check = (op: FaultOp) => {
    counts[op]++
    for (const fault of planned) {
      if (fault.op !== op || --fault.countdown > 0) continue
      planned.splice(planned.indexOf(fault), 1)
      throw systemError(fault.code)
    }
  }
  const wrap = (handle: StoreFileHandle): StoreFileHandle => ({
    async write(buffer, offset, length, position) {
      check('write')
      if (freeBytes <= 0) throw systemError('ENOSPC')
      const taken = Math.min(length, freeBytes)
      freeBytes -= taken
      return handle.write(buffer, offset, taken, position)
    },
    async datasync() {
      check('datasync')
      return handle.datasync()
    },
    async truncate(length) {
      check('truncate')
      return handle.truncate(length)
    },
    close: () => handle.close(),
  })
  const files: StoreFiles = {
    async open(path, flags) {
      check('open')
      return wrap(await base.open(path, flags))
    },
    readFile: (path) => base.readFile(path),
    rename: (from, to) => base.rename(from, to),
    unlink: (path) => base.unlink(path),
  }
  return {
    files,
    counts,
    /** The disk takes `bytes` more, then refuses (Infinity: room again). */
    setFreeBytes(bytes: number) {
      freeBytes = bytes
    },
    /** The `nth` next `op` fails with `code` (once). */
    failAt(op: FaultOp, nth: number, code: 'ENOSPC' | 'EIO') {
      planned.push({ op, countdown: nth, code })
    },
    /** No more faults: planned ones dropped, room on the disk. */
    heal() {
      planned.length = 0
      freeBytes = Infinity
    },
  }
}
