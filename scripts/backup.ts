/** `npm run backup -- FILE`: a consistent copy of the lowdb desk in DATA_DIR (running or not) as one gzip'd file: records, attachments, outbox mails, KB insight. */
import { resolve } from 'node:path'
import { takeBackup } from '../server/store/backup.ts'

const USAGE = `Usage: npm run backup -- FILE

  FILE   where to write the backup, e.g. loket-$(date +%F).backup.gz; an existing file is replaced

The data folder is $DATA_DIR, else data/. The desk may keep running: the backup holds its records
as of one journal record, with the attachments they name, the outbox's mails and the KB insight
log. Put it back with npm run restore -- FILE (into an empty folder).`

const args = process.argv.slice(2)
if (args.length !== 1 || args[0]!.startsWith('-')) {
  console.error(USAGE)
  process.exit(2)
}
if (process.env.DATABASE_URL) {
  console.error('[loket] backup: DATABASE_URL is set, so the records are in PostgreSQL: back them up with pg_dump, and the data folder\'s attachments beside them (see the README: Backups).')
  process.exit(2)
}
const dir = resolve(process.env.DATA_DIR ?? 'data')
try {
  const report = await takeBackup(dir, args[0]!)
  console.log(`[loket] backup of ${dir} in ${report.file}: ${report.records} records up to journal record ${report.seq}, ${report.files} files, ${report.bytes} bytes`)
} catch (error) {
  console.error(`[loket] backup: ${(error as Error).message}`)
  process.exit(1)
}
