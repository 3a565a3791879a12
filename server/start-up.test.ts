// The server at start on a data folder that lost its snapshot: it refuses, naming the file, and
// neither adds the demo data nor writes a new snapshot over the desk.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { run as runCommand } from '../tests/fixtures/run.ts'
import { seedDemo } from './seed.ts'
import { openLowdbStore } from './store/lowdb-store.ts'
import { incidentDraft } from './store/store-contract.ts'

test('a data folder whose snapshot.json is gone: the server exits 1 naming it, and changes nothing', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'loket-start-'))
  const first = await openLowdbStore({ dir: dataDir, log: () => {} })
  await seedDemo(first)
  await first.close()
  const second = await openLowdbStore({ dir: dataDir, log: () => {} }) // folds: the demo desk is in the snapshot now
  await second.incidents.create(incidentDraft())
  await second.close()
  const snapshot = join(dataDir, 'store', 'snapshot.json')
  const journal = join(dataDir, 'store', 'journal.jsonl')
  rmSync(snapshot)
  const before = readFileSync(journal)

  const { DATABASE_URL: _db, SMTP_URL: _smtp, BASE_URL: _base, ALLOWED_ORIGINS: _origins, ...env } = process.env
  const run = await runCommand(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { ...env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SITE_DIR: join(dataDir, 'no-site') }, timeoutMs: 30_000,
  })
  expect(run.status).toBe(1)
  expect(run.stderr).toContain(`[loket] ${snapshot} is missing, but ${journal} holds records: this folder held a desk.`)
  expect(existsSync(snapshot)).toBe(false)
  expect(readFileSync(journal)).toEqual(before)
}, 40_000)
