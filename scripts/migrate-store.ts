/** `npm run migrate-store -- --from data/ --to $DATABASE_URL`: moves a stopped lowdb desk into PostgreSQL and prints what it moved. */
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { migrateStore, type MigrationReport } from '../server/store/migrate-store.ts'
import { redactUrl } from '../server/store/postgres-store.ts'

const USAGE = `Usage: npm run migrate-store -- --from DIR --to URL

  --from DIR   the lowdb desk's data folder (its DATA_DIR, e.g. data/); stop the desk first
  --to URL     the PostgreSQL database, postgres://user:password@host:5432/database

Moves every record into the database in one transaction, then the attachments' contents and the
KB insight log. What is there already is left as it is, so running it again moves nothing twice.`

const options = (() => {
  try {
    const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' } }, strict: true, allowPositionals: false })
    if (!values.from || !values.to) throw new Error(`give both --from and --to`)
    return { from: values.from, to: values.to }
  } catch (error) {
    console.error(`[loket] migrate-store: ${(error as Error).message}\n\n${USAGE}`)
    process.exit(2)
  }
})()

console.log(`[loket] moving the records, attachments and KB insight in ${resolve(options.from)} into ${redactUrl(options.to)}`)
let report: MigrationReport
try {
  report = await migrateStore(options)
} catch (error) {
  console.error(`[loket] migrate-store: ${(error as Error).message}`)
  process.exit(1)
}

const header = ['table', 'found', 'added', 'already there']
const rows = [
  ...report.tables,
  // Beside the records, moved after them: the files the attachment records name, the insight log's lines.
  { table: 'attachment contents', ...report.files },
  { table: 'KB insight', ...report.insight },
].map((t) => [t.table, String(t.found), String(t.added), String(t.alreadyThere)])
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)))
// Names to the left, counts to the right, so the digits line up.
const line = (row: string[]) => `| ${row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' | ')} |`
console.log(`\n${line(header)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n${rows.map(line).join('\n')}\n`)

const sum = (key: 'found' | 'added' | 'alreadyThere') => report.tables.reduce((total, t) => total + t[key], 0)
console.log(`[loket] ${sum('added')} of ${sum('found')} records added, ${sum('alreadyThere')} already there; `
  + `the next incident is number ${report.nextIncidentNumber}, the next complaint ${report.nextComplaintNumber}`)
console.log(`[loket] ${report.files.added} of ${report.files.found} attachment files added (${report.files.bytes} bytes), ${report.files.alreadyThere} already there; `
  + `${report.insight.added} of ${report.insight.found} KB insight records added, ${report.insight.alreadyThere} already there`)
if (report.files.missing.length > 0) {
  // Their downloads answered 404 before the move too; the records are kept as they were.
  console.log(`[loket] ${report.files.missing.length} attachment records name a file that is not in ${resolve(options.from)}: ${report.files.missing.slice(0, 5).join(', ')}${report.files.missing.length > 5 ? ', …' : ''}`)
}
