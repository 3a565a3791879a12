/**
 * A lowdb data folder's backup, restore and check: one gzip'd JSON-lines file holds the records as
 * of one journal sequence, the attachments they name, the mails in the outbox folder and the KB
 * insight log. Taken from a running desk without stopping it; restored only into an empty folder.
 */
import { createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, renameSync, rmSync, rmdirSync, statSync } from 'node:fs'
import { open, readFile, rename, stat, unlink } from 'node:fs/promises'
import { basename, dirname, join, relative, resolve, sep } from 'node:path'
import { createInterface } from 'node:readline'
import { pipeline } from 'node:stream/promises'
import { createGunzip, createGzip } from 'node:zlib'
import { randomUUID } from 'node:crypto'
import { syncFolder, writeDurably } from './durable-file.ts'
import { HEADER_BYTES, headerLine } from './journal.ts'
import { TABLES, readLowdbFolder, storeFiles, type FolderReading, type Row, type Table } from './lowdb-store.ts'
import { StoreError } from './store.ts'

/** The first line of a backup. */
interface BackupHeader { loket: 'backup'; format: 1; takenAt: string; seq: number }
/** One line of a backup after the header: a record, a file, or the end with the counts. */
type BackupLine = { table: Table; record: Row } | { file: string; base64: string } | { end: true; records: number; files: number }

/** What a backup holds. */
export interface BackupReport { file: string; seq: number; records: number; files: number; bytes: number }

/** Files of a data folder beside the store that a backup carries: the attachments (those the records name), the outbox's mails, the KB insight log. */
const INSIGHT_FILE = 'kb-insight.jsonl'

/**
 * Reads the folder's records as of one journal sequence while a desk may be writing: the snapshot
 * does not change while a desk runs and the journal only grows, so the whole records read are a
 * consistent state; a write under way is left out. Tried again if a desk started meanwhile.
 */
async function readConsistently(dataDir: string): Promise<FolderReading> {
  let lastError: unknown
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await readLowdbFolder(dataDir, { whileRunning: true })
    } catch (error) {
      lastError = error
      await new Promise((resolve) => setTimeout(resolve, 50 * (attempt + 1)))
    }
  }
  throw lastError
}

/** The files a backup carries, as paths relative to the data folder, with a problem for each one missing. */
function filesOf(dataDir: string, tables: Record<Table, Row[]>): { files: string[]; missing: string[] } {
  const files: string[] = []
  const missing: string[] = []
  for (const attachment of tables.attachments) {
    const path = String(attachment.storedAs)
    if (existsSync(join(dataDir, path))) files.push(path)
    else missing.push(path)
  }
  const outbox = join(dataDir, 'outbox')
  if (existsSync(outbox)) for (const name of readdirSync(outbox).sort()) if (name.endsWith('.eml')) files.push(`outbox/${name}`)
  if (existsSync(join(dataDir, INSIGHT_FILE))) files.push(INSIGHT_FILE)
  return { files, missing }
}

/**
 * Writes a backup of the desk in `dataDir` to `file` (gzip'd JSON lines), under a temporary name
 * flushed and renamed, so `file` is whole or absent. Refuses when an attachment a record names is missing.
 * @example await takeBackup('data', 'loket-2026-11-30.backup.gz')
 */
export async function takeBackup(dataDir: string, file: string): Promise<BackupReport> {
  const reading = await readConsistently(dataDir)
  const { files, missing } = filesOf(dataDir, reading.tables)
  if (missing.length) throw new StoreError(`${dataDir}: the records name attachments that are not there (${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''}); run npm run store:check`)
  const records = TABLES.reduce((sum, t) => sum + reading.tables[t].length, 0)
  async function* lines() {
    const header: BackupHeader = { loket: 'backup', format: 1, takenAt: new Date().toISOString(), seq: reading.seq }
    yield `${JSON.stringify(header)}\n`
    for (const table of TABLES) for (const record of reading.tables[table]) yield `${JSON.stringify({ table, record } satisfies BackupLine)}\n`
    for (const path of files) {
      let bytes = await readFile(join(dataDir, path))
      // The insight log may be mid-append: only its whole lines.
      if (path === INSIGHT_FILE) bytes = bytes.subarray(0, bytes.lastIndexOf(0x0a) + 1)
      yield `${JSON.stringify({ file: path, base64: bytes.toString('base64') } satisfies BackupLine)}\n`
    }
    yield `${JSON.stringify({ end: true, records, files: files.length } satisfies BackupLine)}\n`
  }
  const target = resolve(file)
  const temp = join(dirname(target), `.${basename(target)}.${randomUUID()}.tmp`)
  try {
    await pipeline(lines, createGzip(), createWriteStream(temp, { flags: 'wx' }))
    const handle = await open(temp, 'r')
    await handle.sync()
    await handle.close()
    await rename(temp, target)
  } catch (error) {
    await unlink(temp).catch(() => {})
    throw error
  }
  await syncFolder(dirname(target))
  return { file: target, seq: reading.seq, records, files: files.length, bytes: (await stat(target)).size }
}

/** Whether `path` (from a backup) stays inside the data folder, in a place a backup may put files. */
function isAllowedPath(path: string): boolean {
  if (path.includes('\0') || path.startsWith('/') || path.split(/[\\/]/).includes('..')) return false
  return path === INSIGHT_FILE || path.startsWith('attachments/') || path.startsWith('outbox/')
}

/**
 * Puts a backup back into `dataDir`, which must be empty or absent: it is filled beside it and
 * moved into place at the end, so a restore cut short leaves no half desk. Refuses a backup
 * without its end line (cut short) or with counts that do not add up.
 */
export async function restoreBackup(file: string, dataDir: string): Promise<BackupReport> {
  const target = resolve(dataDir)
  if (existsSync(target)) {
    if (!statSync(target).isDirectory()) throw new StoreError(`${target} is not a folder`)
    const entries = readdirSync(target)
    if (entries.length > 0) throw new StoreError(`${target} is not empty (${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', …' : ''}): restore into an empty folder, so no desk is overwritten`)
  }
  const staging = `${target}.restoring-${randomUUID().slice(0, 8)}`
  mkdirSync(staging, { recursive: true })
  const tables = Object.fromEntries(TABLES.map((t) => [t, [] as Row[]])) as Record<Table, Row[]>
  let header: BackupHeader | undefined
  let end: { records: number; files: number } | undefined
  let records = 0
  let files = 0
  try {
    const input = createReadStream(resolve(file)).pipe(createGunzip())
    let lineNumber = 0
    for await (const text of createInterface({ input, crlfDelay: Infinity })) {
      lineNumber++
      if (end) throw new StoreError(`${file} line ${lineNumber}: lines after the end`)
      let line: any
      try {
        line = JSON.parse(text)
      } catch {
        throw new StoreError(`${file} line ${lineNumber} is not valid JSON: the backup is damaged`)
      }
      if (!header) {
        if (line?.loket !== 'backup' || line.format !== 1) throw new StoreError(`${file} is not a Loket backup (its first line says ${text.slice(0, 60)})`)
        header = line
      } else if ('table' in line) {
        if (!(TABLES as readonly string[]).includes(line.table)) throw new StoreError(`${file} line ${lineNumber}: unknown table ${line.table}`)
        tables[line.table as Table].push(line.record)
        records++
      } else if ('file' in line) {
        if (!isAllowedPath(line.file)) throw new StoreError(`${file} line ${lineNumber}: refused path ${line.file}`)
        const path = join(staging, ...String(line.file).split('/'))
        if (!relative(staging, path).split(sep).every((part) => part !== '..')) throw new StoreError(`${file} line ${lineNumber}: refused path ${line.file}`)
        mkdirSync(dirname(path), { recursive: true })
        await writeDurably(path, Buffer.from(line.base64, 'base64'))
        files++
      } else if (line?.end === true) {
        end = line
      } else {
        throw new StoreError(`${file} line ${lineNumber}: not a record, a file or the end`)
      }
    }
    if (!header) throw new StoreError(`${file} is empty`)
    if (!end) throw new StoreError(`${file} has no end line: the backup was cut short; take it again`)
    if (end.records !== records || end.files !== files) throw new StoreError(`${file} says ${end.records} records and ${end.files} files, but holds ${records} and ${files}: the backup is damaged`)
    // The store as a fold leaves it: the snapshot first, then a journal that continues after it.
    const paths = storeFiles(staging)
    mkdirSync(paths.folder, { recursive: true })
    await writeDurably(paths.snapshot, JSON.stringify({ format: 2, seq: header.seq, tables }))
    await writeDurably(paths.journal, headerLine({ base: header.seq, ackedSeq: header.seq, ackedBytes: HEADER_BYTES }))
    for (let folder = dirname(paths.folder); ; folder = dirname(folder)) {
      await syncFolder(folder)
      if (folder === staging) break
    }
    if (existsSync(target)) rmdirSync(target)
    renameSync(staging, target)
    await syncFolder(dirname(target))
  } catch (error) {
    rmSync(staging, { recursive: true, force: true })
    throw error
  }
  return { file: resolve(file), seq: header.seq, records, files, bytes: (await stat(resolve(file))).size }
}

/** What store:check found: `problems` empty means the folder is sound. */
export interface CheckReport {
  folder: string
  /** One line each: format, sequence, records per table, journal, attachments, mails. */
  facts: string[]
  /** Notes that need no action (a torn final record the next start drops, a desk running). */
  notes: string[]
  problems: string[]
}

/** Checks a data folder without changing it: the store reads whole, and every attachment a record names is there with its size. */
export async function checkFolder(dataDir: string): Promise<CheckReport> {
  const folder = resolve(dataDir)
  const report: CheckReport = { folder, facts: [], notes: [], problems: [] }
  let reading: FolderReading
  try {
    reading = await readConsistently(folder)
  } catch (error) {
    report.problems.push((error as Error).message)
    return report
  }
  const lock = storeFiles(folder).lock
  if (existsSync(lock)) report.notes.push(`${lock} names pid ${(await readFile(lock, 'utf8')).trim()}: if that desk runs, this check saw its records as of record ${reading.seq}`)
  report.facts.push(`journal format ${reading.format}${reading.format === 1 ? ' (moved to format 2 at the next start)' : ''}; records up to ${reading.seq}, ${reading.journalRecords} of them in the journal not yet folded into snapshot.json`)
  report.facts.push(TABLES.filter((t) => reading.tables[t].length > 0).map((t) => `${t} ${reading.tables[t].length}`).join(', ') || 'no records')
  if (reading.torn) report.notes.push(`journal.jsonl byte ${reading.torn.offset}: ${reading.torn.bytes} bytes of a write a crash interrupted (${reading.torn.why}); never acknowledged, dropped at the next start`)
  let attachmentBytes = 0
  for (const attachment of reading.tables.attachments) {
    const path = join(folder, String(attachment.storedAs))
    if (!existsSync(path)) {
      report.problems.push(`${path}: missing, though attachment ${attachment.id} (incident ${attachment.incidentId}) names it`)
      continue
    }
    const size = statSync(path).size
    attachmentBytes += size
    if (typeof attachment.size === 'number' && size !== attachment.size) report.problems.push(`${path}: ${size} bytes, but attachment ${attachment.id} says ${attachment.size}`)
  }
  report.facts.push(`attachments: ${reading.tables.attachments.length} named, ${attachmentBytes} bytes`)
  const pending = reading.tables.outbox.filter((m) => m.status === 'pending').length
  report.facts.push(`outbox: ${reading.tables.outbox.length} mails, ${pending} still to send`)
  return report
}
