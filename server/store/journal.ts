/**
 * The lowdb store's journal (format 2): a fixed-size header line, then one JSON line per change,
 * each with its sequence number and a CRC-32. The header names the last record known durable,
 * so a journal that was cut, zeroed or changed is told apart from a write a crash interrupted.
 */
import { crc32 } from 'node:zlib'
import { StorageUnavailableError, StoreError } from './store.ts'
import { isStorageFault, writeAll, type StoreFileHandle } from './store-files.ts'

/** One change: a record stored or removed. */
export type JournalOp = { op: 'put'; t: string; r: { id: string } & Record<string, any> } | { op: 'del'; t: string; id: string }

/** Bytes of the header line, newline included: it is rewritten in place, always the same length. */
export const HEADER_BYTES = 128
/** Every format-2 journal starts with these bytes; a journal without them is format 1 (or damaged). */
export const HEADER_PREFIX = '{"journal":2,'

/**
 * The header: `base`, the sequence number the journal continues after (its first record is base + 1),
 * and `acked`, the last record and the byte where it ends that were durable when the header was written.
 */
export interface JournalHeader { base: number; ackedSeq: number; ackedBytes: number }

const HEADER_PATTERN = /^(\{"journal":2,"base":(\d+),"acked":\[(\d+),(\d+)\]),"k":"([0-9a-f]{8})"\} *\n$/
const RECORD_PATTERN = /^\{"q":(\d+),"k":"([0-9a-f]{8})","op":/

const hex = (text: string) => crc32(text).toString(16).padStart(8, '0')

/** The header line, padded with spaces to HEADER_BYTES. */
export function headerLine({ base, ackedSeq, ackedBytes }: JournalHeader): Buffer {
  const body = `{"journal":2,"base":${base},"acked":[${ackedSeq},${ackedBytes}]`
  return Buffer.from(`${body},"k":"${hex(body)}"}`.padEnd(HEADER_BYTES - 1) + '\n')
}

/** One record line: `{"q":7,"k":"<crc32 of '7 ' + op>","op":{…}}`. */
export function recordLine(seq: number, opJson: string): string {
  return `{"q":${seq},"k":"${hex(`${seq} ${opJson}`)}","op":${opJson}}\n`
}

/** What a journal holds, read without changing it. */
export interface JournalRead {
  header: JournalHeader
  /** Every whole record in order, with its sequence number. */
  records: { seq: number; op: JournalOp }[]
  /** The last whole record's sequence number (the base when there is none). */
  lastSeq: number
  /** Where the whole records end. */
  wholeBytes: number
  /** A final write a crash interrupted: where it starts, its length and what was wrong. Never acknowledged. */
  torn?: { offset: number; bytes: number; why: string }
}

/** What to do about a damaged journal, said once for every refusal. */
const RESTORE = 'Restore the data folder from a backup (npm run restore -- FILE into an empty folder), or check it with npm run store:check. Loket does not start on a damaged journal.'

/**
 * Reads a format-2 journal's bytes. A damaged or missing record at or after the header's `acked`
 * byte is a write a crash interrupted: it and what follows are reported as `torn`. Damage before
 * it, a file shorter than it, or a damaged header is a StoreError naming file, byte offset and what to do.
 */
export function readJournal(bytes: Buffer, file: string): JournalRead {
  const headerText = bytes.subarray(0, HEADER_BYTES).toString('latin1')
  const match = bytes.length >= HEADER_BYTES ? HEADER_PATTERN.exec(headerText) : null
  if (!match || hex(match[1]!) !== match[5]) {
    throw new StoreError(`${file} byte 0: the journal's header is damaged or missing (${bytes.length} bytes in the file). ${RESTORE}`)
  }
  const header: JournalHeader = { base: Number(match[2]), ackedSeq: Number(match[3]), ackedBytes: Number(match[4]) }
  if (header.ackedBytes < HEADER_BYTES || header.ackedSeq < header.base) {
    throw new StoreError(`${file} byte 0: the journal's header is not consistent (acknowledged record ${header.ackedSeq} ending at byte ${header.ackedBytes}). ${RESTORE}`)
  }
  const records: JournalRead['records'] = []
  let offset = HEADER_BYTES
  let expected = header.base + 1
  let damage: string | undefined
  while (offset < bytes.length) {
    const end = bytes.indexOf(0x0a, offset)
    if (end === -1) {
      damage = 'the record has no line end'
      break
    }
    const parsed = parseRecord(bytes.toString('utf8', offset, end), expected)
    if (typeof parsed === 'string') {
      damage = parsed
      break
    }
    records.push({ seq: expected, op: parsed })
    expected++
    offset = end + 1
  }
  const lastSeq = expected - 1
  if (damage !== undefined) {
    if (offset < header.ackedBytes) {
      throw new StoreError(`${file} byte ${offset} (record ${expected}): ${damage}, but the journal's header says records up to ${header.ackedSeq} (byte ${header.ackedBytes}) were acknowledged. ${RESTORE}`)
    }
    return { header, records, lastSeq, wholeBytes: offset, torn: { offset, bytes: bytes.length - offset, why: damage } }
  }
  if (bytes.length < header.ackedBytes || lastSeq < header.ackedSeq) {
    throw new StoreError(`${file} byte ${bytes.length}: the journal ends after record ${lastSeq}, but its header says records up to ${header.ackedSeq} (byte ${header.ackedBytes}) were acknowledged: it was cut. ${RESTORE}`)
  }
  return { header, records, lastSeq, wholeBytes: offset }
}

/** One record line, or why it is damaged. */
function parseRecord(line: string, expected: number): JournalOp | string {
  const match = RECORD_PATTERN.exec(line)
  if (!match || !line.endsWith('}')) return 'the record is not a journal line'
  const opJson = line.slice(match[0].length, -1)
  if (hex(`${match[1]} ${opJson}`) !== match[2]) return 'the record\'s checksum does not match'
  if (Number(match[1]) !== expected) return `the record has sequence number ${match[1]} where ${expected} follows`
  try {
    return JSON.parse(opJson) as JournalOp
  } catch {
    return 'the record is not valid JSON'
  }
}

/**
 * Reads a format-1 journal (plain JSON lines, no header): a tail without its newline is a write a
 * crash interrupted; a damaged line before it throws. Only read to migrate a folder to format 2.
 */
export function readLegacyJournal(bytes: Buffer, file: string): { ops: JournalOp[]; torn?: { offset: number; bytes: number } } {
  const ops: JournalOp[] = []
  let offset = 0
  let line = 1
  while (offset < bytes.length) {
    const end = bytes.indexOf(0x0a, offset)
    if (end === -1) return { ops, torn: { offset, bytes: bytes.length - offset } }
    try {
      ops.push(JSON.parse(bytes.toString('utf8', offset, end)) as JournalOp)
    } catch {
      throw new StoreError(`${file} line ${line} (byte ${offset}) is damaged. ${RESTORE}`)
    }
    offset = end + 1
    line++
  }
  return { ops }
}

/** How the journal is doing: `failure` is set from a failed write until one succeeds again. */
export interface JournalHealth { failure?: string }

/** How long the journal is idle before its header is rewritten to name the last durable record. */
const HEADER_DELAY_MS = 20

type Waiting = { opJson: string[]; done: (error?: Error) => void; undo: () => void }

/**
 * Appends records with group commit: changes that arrive while a flush is under way are written
 * together and share the next flush. A write counts only when every byte is written and the
 * flush succeeded; otherwise the bytes after the last durable record are cut off again, every
 * change not yet durable is undone in memory (newest first) and its caller gets a
 * StorageUnavailableError. The next write tries again, so the journal recovers without a restart.
 */
export class JournalWriter {
  private waiting: Waiting[] = []
  private flushing: Promise<void> | undefined
  /** Where the durable records end, and the last one's number. */
  private durableBytes: number
  private durableSeq: number
  /** The `acked` the header on disk says (it lags the durable end until rewritten). */
  private headerSeq: number
  /** Bytes after `durableBytes` may be on disk (a failed write): cut them off before writing again. */
  private isDirty = false
  /** Why the last write failed; undefined once one succeeds. */
  failure: string | undefined
  private headerTimer: ReturnType<typeof setTimeout> | undefined

  constructor(private readonly handle: StoreFileHandle, private readonly base: number, position: { seq: number; bytes: number; headerSeq: number }) {
    this.durableBytes = position.bytes
    this.durableSeq = position.seq
    this.headerSeq = position.headerSeq
  }

  /** Journals `ops` (each JSON already); `undo` takes them back out of memory if they cannot be made durable. */
  append(opJson: string[], undo: () => void): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ opJson, undo, done: (e) => (e ? reject(e) : resolve()) })
      this.flushing ??= this.flush()
    })
  }

  private async flush(): Promise<void> {
    while (this.waiting.length > 0) await this.writeBatch()
    this.flushing = undefined
    // Once idle, the header is made to name the last durable record, so nothing acknowledged can
    // be cut off unseen. Not at once: a caller's next write usually follows within microseconds
    // and carries the header along, so sequential writers do not pay a second flush per write.
    if (this.headerSeq < this.durableSeq && !this.failure && !this.headerTimer) {
      this.headerTimer = setTimeout(() => {
        this.headerTimer = undefined
        if (!this.flushing) void this.refreshHeader()
      }, HEADER_DELAY_MS)
      this.headerTimer.unref?.()
    }
  }

  /** Rewrites the header now if it lags, as a flush of its own; a failure here is left to the next write to find. */
  private refreshHeader(): Promise<void> {
    if (this.headerSeq >= this.durableSeq || this.failure) return Promise.resolve()
    this.flushing = this.writeHeader().catch(() => {}).then(() => this.flush())
    return this.flushing
  }

  private async writeBatch(): Promise<void> {
    const batch = this.waiting
    this.waiting = []
    let seq = this.durableSeq
    const text = batch.map((b) => b.opJson.map((op) => recordLine(++seq, op)).join('')).join('')
    const bytes = Buffer.from(text)
    try {
      await this.repair()
      const headerSeq = this.durableSeq
      // The header goes out with the batch and shares its flush: it names what is durable already.
      if (this.headerSeq < headerSeq) await writeAll(this.handle, this.header(), 0)
      await writeAll(this.handle, bytes, this.durableBytes)
      this.isDirty = true
      await this.handle.datasync()
      this.headerSeq = headerSeq
      this.durableBytes += bytes.length
      this.durableSeq = seq
      this.isDirty = false
      this.failure = undefined
      for (const b of batch) b.done()
    } catch (error) {
      this.isDirty = true
      const failed = [...batch, ...this.waiting]
      this.waiting = []
      // Newest first: each undo puts back what was in memory before that change.
      for (const b of [...failed].reverse()) b.undo()
      this.failure = describeFault(error)
      const refusal = new StorageUnavailableError(this.failure, { cause: error })
      for (const b of failed) b.done(refusal)
      await this.repair().catch(() => {})
    }
  }

  /** Cuts off bytes a failed write may have left after the last durable record. */
  private async repair(): Promise<void> {
    if (!this.isDirty) return
    await this.handle.truncate(this.durableBytes)
    await this.handle.datasync()
    this.isDirty = false
  }

  private header(): Buffer {
    return headerLine({ base: this.base, ackedSeq: this.durableSeq, ackedBytes: this.durableBytes })
  }

  /** Rewrites the header in place with the durable end, and flushes it. */
  private async writeHeader(): Promise<void> {
    const seq = this.durableSeq
    await writeAll(this.handle, this.header(), 0)
    await this.handle.datasync()
    this.headerSeq = seq
  }

  /**
   * After a failure: cuts off what the failed write left and flushes, which succeeds once the
   * disk takes writes again. Returns the failure that remains, or undefined when the journal is writable.
   */
  async recover(probe: () => Promise<void>): Promise<string | undefined> {
    if (!this.failure) return undefined
    while (this.flushing) await this.flushing
    if (!this.failure) return undefined
    const attempt = (async () => {
      try {
        await this.repair()
        await probe()
        this.failure = undefined
      } catch (error) {
        this.failure = describeFault(error)
      }
    })()
    // In the flush chain: a write arriving meanwhile waits, so no truncation can overtake it.
    this.flushing = attempt.then(() => this.flush())
    await attempt
    return this.failure
  }

  /** Resolves once no write is under way and the header names the last durable record: memory is then what the disk holds. */
  async idle(): Promise<void> {
    while (this.flushing) await this.flushing
    clearTimeout(this.headerTimer)
    this.headerTimer = undefined
    await this.refreshHeader()
    while (this.flushing) await this.flushing
  }

  async close(): Promise<void> {
    await this.idle()
    await this.handle.close()
  }
}

/** A failed write, said without paths: "ENOSPC (no space left on device) writing the journal". */
function describeFault(error: unknown): string {
  const e = error as NodeJS.ErrnoException
  if (isStorageFault(e)) return `${e.code} writing the journal: ${e.message.replace(/,? (?:write|open|fsync|fdatasync|ftruncate)\b.*$/, '').replace(/^[A-Z]+: /, '')}`
  return `writing the journal failed: ${e?.code ?? e?.message ?? String(error)}`
}
