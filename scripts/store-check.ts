/** `npm run store:check -- [DIR]`: checks a lowdb data folder (default DATA_DIR, else data/) without changing it; exit 0 when sound, 1 when not. */
import { resolve } from 'node:path'
import { checkFolder } from '../server/store/backup.ts'

const USAGE = `Usage: npm run store:check -- [DIR]

  DIR   the desk's data folder; default $DATA_DIR, else data/

Reads snapshot.json and journal.jsonl as a start would, without writing anything (a running desk
may keep running), and checks every attachment the records name. Exit 0: sound; 1: not.`

const args = process.argv.slice(2)
if (args.length > 1 || args.some((a) => a.startsWith('-'))) {
  console.error(USAGE)
  process.exit(2)
}
if (process.env.DATABASE_URL && args.length === 0) {
  console.error('[loket] store:check checks a lowdb data folder; DATABASE_URL is set, so the records are in PostgreSQL (see the README: Backups). Give a folder to check one anyway.')
  process.exit(2)
}
const dir = resolve(args[0] ?? process.env.DATA_DIR ?? 'data')
const report = await checkFolder(dir)
console.log(`[loket] store:check ${report.folder}`)
for (const fact of report.facts) console.log(`  ${fact}`)
for (const note of report.notes) console.log(`  note: ${note}`)
for (const problem of report.problems) console.log(`  PROBLEM: ${problem}`)
console.log(report.problems.length === 0 ? '[loket] sound' : `[loket] ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}: the desk should not start on this folder as it is`)
process.exit(report.problems.length === 0 ? 0 : 1)
