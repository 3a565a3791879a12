/** `npm run restore -- FILE`: puts a backup made by `npm run backup` into DATA_DIR, which must be empty or absent. */
import { resolve } from 'node:path'
import { restoreBackup } from '../server/store/backup.ts'

const USAGE = `Usage: npm run restore -- FILE

  FILE   a backup made by npm run backup

Restores into $DATA_DIR, else data/, which must be empty or not exist yet: a desk is never
overwritten. Start Loket on that folder afterwards.`

const args = process.argv.slice(2)
if (args.length !== 1 || args[0]!.startsWith('-')) {
  console.error(USAGE)
  process.exit(2)
}
const dir = resolve(process.env.DATA_DIR ?? 'data')
try {
  const report = await restoreBackup(args[0]!, dir)
  console.log(`[loket] restored ${report.file} into ${dir}: ${report.records} records up to journal record ${report.seq}, ${report.files} files`)
} catch (error) {
  console.error(`[loket] restore: ${(error as Error).message}`)
  process.exit(1)
}
