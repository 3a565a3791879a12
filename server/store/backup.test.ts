// Backups of a running desk, restores into an empty folder only, and store:check, as functions and as the npm scripts.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { run as runCommand } from '../../tests/fixtures/run.ts'
import { seedDemo } from '../seed.ts'
import { checkFolder, restoreBackup, takeBackup } from './backup.ts'
import { openLowdbStore } from './lowdb-store.ts'
import { incidentDraft } from './store-contract.ts'

const freshDir = () => mkdtempSync(join(tmpdir(), 'loket-backup-'))
const quiet = { log: () => {} }

/** A seeded desk with incidents, an attachment file, a mail in the outbox folder and a KB insight log. */
async function desk() {
  const dir = freshDir()
  const store = await openLowdbStore({ dir, ...quiet })
  await seedDemo(store)
  const incident = await store.incidents.create(incidentDraft())
  mkdirSync(join(dir, 'attachments', incident.id), { recursive: true })
  writeFileSync(join(dir, 'attachments', incident.id, 'a1'), 'schermafdruk')
  await store.attachments.add({ id: 'a1', incidentId: incident.id, fileName: 'fout.txt', contentType: 'text/plain; charset=utf-8', size: 12, storedAs: `attachments/${incident.id}/a1`, uploadedBy: 'contact:c-jansen-emp', at: '2026-11-30T09:00:00.000Z' })
  mkdirSync(join(dir, 'outbox'))
  writeFileSync(join(dir, 'outbox', '2026-11-30T090000.000Z-m1.eml'), 'Subject: Test\r\n\r\nHallo')
  writeFileSync(join(dir, 'kb-insight.jsonl'), '{"type":"vote"}\n{"type":"sea')
  return { dir, store, incident }
}

/** Every file under `dir`, relative, with its bytes: to show a folder did not change. */
function contents(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (sub: string) => {
    for (const name of readdirSync(join(dir, sub))) {
      const path = join(sub, name)
      if (statSync(join(dir, path)).isDirectory()) walk(path)
      else out[path] = readFileSync(join(dir, path)).toString('base64')
    }
  }
  walk('')
  return out
}

describe('backup and restore', () => {
  test('a backup of a running desk under concurrent writes restores every record acknowledged before it began, and nothing half', async () => {
    const { dir, store, incident } = await desk()
    const before = (await store.incidents.list({})).map((i) => i.id)
    const acknowledged: string[] = []
    let isWriting = true
    const writer = (async () => {
      while (isWriting) acknowledged.push(...(await Promise.all(Array.from({ length: 4 }, () => store.incidents.create(incidentDraft())))).map((i) => i.id))
    })()
    await new Promise((resolve) => setTimeout(resolve, 30))
    const ackedAtStart = [...acknowledged]
    const file = join(freshDir(), 'desk.backup.gz')
    const report = await takeBackup(dir, file)
    const ackedAtEnd = [...acknowledged]
    isWriting = false
    await writer
    await store.close()
    expect(report.files).toBe(3)

    const target = join(freshDir(), 'restored')
    const restored = await restoreBackup(file, target)
    expect(restored).toMatchObject({ seq: report.seq, records: report.records, files: 3 })
    const reopened = await openLowdbStore({ dir: target, ...quiet })
    const ids = new Set((await reopened.incidents.list({})).map((i) => i.id))
    for (const id of [...before, ...ackedAtStart]) expect(ids.has(id)).toBe(true)
    for (const id of ids) expect([...before, ...ackedAtEnd]).toContain(id)
    expect(await reopened.attachments.get('a1')).toMatchObject({ incidentId: incident.id })
    expect(readFileSync(join(target, 'attachments', incident.id, 'a1'), 'utf8')).toBe('schermafdruk')
    expect(readFileSync(join(target, 'outbox', '2026-11-30T090000.000Z-m1.eml'), 'utf8')).toContain('Hallo')
    // Only the whole lines of the insight log.
    expect(readFileSync(join(target, 'kb-insight.jsonl'), 'utf8')).toBe('{"type":"vote"}\n')
    expect((await reopened.organisations.list()).length).toBeGreaterThan(0)
    // The restored desk writes on after the backup's last record.
    await reopened.incidents.create(incidentDraft())
    await reopened.close()
    const again = await openLowdbStore({ dir: target, ...quiet })
    expect(await again.incidents.count()).toBe(ids.size + 1)
    await again.close()
  })

  test('restore refuses a folder that is not empty, and changes nothing in it', async () => {
    const { dir, store } = await desk()
    const file = join(freshDir(), 'desk.backup.gz')
    await takeBackup(dir, file)
    await store.close()
    const before = contents(dir)
    await expect(restoreBackup(file, dir)).rejects.toThrow(/is not empty \(.*\): restore into an empty folder, so no desk is overwritten/)
    expect(contents(dir)).toEqual(before)
  })

  test('restore refuses a backup cut short, and leaves no folder behind', async () => {
    const { dir, store } = await desk()
    const file = join(freshDir(), 'desk.backup.gz')
    await takeBackup(dir, file)
    await store.close()
    truncateSync(file, statSync(file).size - 30)
    const target = join(freshDir(), 'restored')
    await expect(restoreBackup(file, target)).rejects.toThrow()
    expect(existsSync(target)).toBe(false)
    expect(readdirSync(join(target, '..'))).toEqual([])
  })
})

describe('store:check', () => {
  test('a sound folder: its facts, no problems, and the folder unchanged', async () => {
    const { dir, store } = await desk()
    await store.close()
    const before = contents(dir)
    const report = await checkFolder(dir)
    expect(report.problems).toEqual([])
    expect(report.facts.join('\n')).toMatch(/journal format 2; records up to \d+/)
    expect(report.facts.join('\n')).toMatch(/incidents 1.*attachments 1/)
    expect(contents(dir)).toEqual(before)
  })

  test('a cut journal and a missing attachment are problems', async () => {
    const { dir, store, incident } = await desk()
    await store.close()
    const { rmSync } = await import('node:fs')
    rmSync(join(dir, 'attachments', incident.id, 'a1'))
    expect((await checkFolder(dir)).problems).toEqual([expect.stringMatching(/a1: missing, though attachment a1/)])
    const journal = join(dir, 'store', 'journal.jsonl')
    truncateSync(journal, statSync(journal).size - 10)
    expect((await checkFolder(dir)).problems).toEqual([expect.stringMatching(/journal\.jsonl byte \d+ \(record \d+\)/)])
  })

  test('the npm scripts: store:check exits 0 or 1 with a readable report; backup and restore round-trip; restore refuses a non-empty folder', async () => {
    const { dir, store } = await desk()
    await store.close()
    const run = (script: string, args: string[], env: Record<string, string> = {}) => {
      const { DATABASE_URL: _db, ...inherited } = process.env
      return runCommand(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], { env: { ...inherited, ...env } })
    }
    const sound = await run('store-check', [dir])
    expect(sound.status).toBe(0)
    expect(sound.stdout).toContain('[loket] sound')
    const file = join(freshDir(), 'desk.backup.gz')
    const backup = await run('backup', [file], { DATA_DIR: dir })
    expect(backup.status).toBe(0)
    expect(backup.stdout).toMatch(/\[loket\] backup of .* records up to journal record \d+, 3 files/)
    const target = join(freshDir(), 'restored')
    expect((await run('restore', [file], { DATA_DIR: target })).status).toBe(0)
    expect((await run('store-check', [target])).status).toBe(0)
    const refused = await run('restore', [file], { DATA_DIR: target })
    expect(refused.status).toBe(1)
    expect(refused.stderr).toContain('is not empty')
    writeFileSync(join(target, 'store', 'snapshot.json'), 'null')
    const damaged = await run('store-check', [target])
    expect(damaged.status).toBe(1)
    expect(damaged.stdout).toMatch(/PROBLEM: .*snapshot\.json holds no records/)
  }, 60_000)
})
