import { spawn } from 'node:child_process'
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { openLowdbStore } from './lowdb-store.ts'
import { incidentDraft, storeContract } from './store-contract.ts'
import { StoreError } from './store.ts'

const freshDir = () => mkdtempSync(join(tmpdir(), 'loket-store-'))

const dirs = new WeakMap<object, string>()
storeContract('lowdb', async () => {
  const dir = freshDir()
  const store = await openLowdbStore({ dir })
  dirs.set(store, dir)
  return store
}, async (store) => {
  await store.close()
  return openLowdbStore({ dir: dirs.get(store)! })
})

describe('the lowdb store on disk', () => {
  test('keeps every acknowledged write across a restart, folding the journal into the snapshot', async () => {
    const dir = freshDir()
    const first = await openLowdbStore({ dir })
    const created = await Promise.all(Array.from({ length: 20 }, () => first.incidents.create(incidentDraft())))
    await first.incidents.update(created[0].id, 1, (i) => ({ ...i, status: 'in_progress' }))
    await first.close()
    // The header line, 21 records and what follows the last newline.
    expect(readFileSync(join(dir, 'store', 'journal.jsonl'), 'utf8').split('\n').length).toBe(23)

    const second = await openLowdbStore({ dir })
    expect(await second.incidents.count()).toBe(20)
    expect((await second.incidents.get(created[0].id))?.status).toBe('in_progress')
    expect(readFileSync(join(dir, 'store', 'journal.jsonl'), 'utf8')).toMatch(/^\{"journal":2,"base":(\d+),"acked":\[\1,128\],"k":"[0-9a-f]{8}"\} *\n$/)
    const next = await second.incidents.create(incidentDraft())
    expect(Number(next.number)).toBe(Math.max(...created.map((i) => Number(i.number))) + 1)
    await second.close()
  })

  test('keeps one mail per event across a restart, and the pending mail is still due after it', async () => {
    const dir = freshDir()
    const mail = { id: 'm1', eventKey: 'incident:1:registered', to: 'a@klant.example', subject: 'S', text: 'T', status: 'pending' as const, attempts: 0, nextAttemptAt: '2026-11-30T09:00:00.000Z', createdAt: '2026-11-30T09:00:00.000Z' }
    const first = await openLowdbStore({ dir })
    await first.outbox.enqueue(mail)
    await first.close()
    const second = await openLowdbStore({ dir })
    await second.outbox.enqueue({ ...mail, id: 'm2' })
    expect((await second.outbox.list()).map((m) => m.id)).toEqual(['m1'])
    expect((await second.outbox.due(new Date('2026-11-30T09:00:00Z'), 10)).map((m) => m.id)).toEqual(['m1'])
    await second.close()
  })

  test('refuses a second process on the same data folder, naming the one that holds it', async () => {
    const dir = freshDir()
    const store = await openLowdbStore({ dir })
    // The lock names this process: a second open in any live process is refused the same way.
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', `
      import('./server/store/lowdb-store.ts').then((m) => m.openLowdbStore({ dir: ${JSON.stringify(dir)} }))
        .then(() => { console.log('opened'); process.exit(0) }, (e) => { console.log(e.message); process.exit(3) })`], { encoding: 'utf8' } as never)
    let output = ''
    child.stdout!.on('data', (d) => (output += d))
    const code = await new Promise((resolve) => child.on('exit', resolve))
    expect(code).toBe(3)
    expect(output).toContain(`another Loket process (pid ${process.pid}) uses this data folder`)
    await store.close()
  }, 20_000)

  test('takes over the lock of a process that died', async () => {
    const dir = freshDir()
    const first = await openLowdbStore({ dir })
    await first.close()
    writeFileSync(join(dir, 'store', 'lock'), '999999')
    const store = await openLowdbStore({ dir })
    expect(readFileSync(join(dir, 'store', 'lock'), 'utf8')).toBe(String(process.pid))
    await store.close()
  })

  test('refuses to start on a damaged snapshot instead of starting empty', async () => {
    const dir = freshDir()
    const store = await openLowdbStore({ dir })
    await store.incidents.create(incidentDraft())
    await store.close()
    await (await openLowdbStore({ dir })).close() // folds the journal into snapshot.json
    const snapshot = join(dir, 'store', 'snapshot.json')
    writeFileSync(snapshot, readFileSync(snapshot, 'utf8').slice(0, 50))
    await expect(openLowdbStore({ dir })).rejects.toThrow(StoreError)
    await expect(openLowdbStore({ dir })).rejects.toThrow(/snapshot\.json is damaged .* restore it from a backup/)
  })

  test('refuses a journal damaged in the middle, and cuts off a tail a crash left unfinished', async () => {
    const dir = freshDir()
    const store = await openLowdbStore({ dir })
    await store.incidents.create(incidentDraft())
    await store.close()
    const journal = join(dir, 'store', 'journal.jsonl')
    appendFileSync(journal, '{"q":2,"k":"00000000","op":{"op":"put","t":"incidents","r":{"id":"x"')
    const reopened = await openLowdbStore({ dir })
    expect(await reopened.incidents.count()).toBe(1)
    await reopened.incidents.create(incidentDraft())
    await reopened.close()

    const damaged = freshDir()
    const s = await openLowdbStore({ dir: damaged })
    await s.incidents.create(incidentDraft())
    await s.incidents.create(incidentDraft())
    await s.close()
    const file = join(damaged, 'store', 'journal.jsonl')
    const lines = readFileSync(file, 'utf8').split('\n')
    writeFileSync(file, [lines[0], lines[1].slice(0, 20), lines[2], ''].join('\n'))
    await expect(openLowdbStore({ dir: damaged })).rejects.toThrow(/journal\.jsonl byte 128 \(record 1\): the record is not a journal line/)
  })

  test('loses no acknowledged write when the process is killed with SIGKILL at any moment', async () => {
    const dir = freshDir()
    const acknowledged = new Set<string>()
    for (let round = 0; round < 3; round++) {
      const child = spawn(process.execPath, ['--import', 'tsx', 'tests/fixtures/store-writer.ts', dir])
      let buffer = ''
      await new Promise<void>((resolve, reject) => {
        const target = 100 + Math.floor(Math.random() * 400)
        let count = 0
        child.stdout.on('data', (chunk) => {
          buffer += chunk
          const lines = buffer.split('\n')
          buffer = lines.pop()!
          for (const line of lines) {
            if (!line.startsWith('ack ')) continue
            acknowledged.add(line.slice(4))
            if (++count === target) child.kill('SIGKILL')
          }
        })
        child.on('exit', () => resolve())
        child.on('error', reject)
      })
      const store = await openLowdbStore({ dir })
      const stored = new Set((await store.incidents.list({})).map((i) => i.number))
      const lost = [...acknowledged].filter((n) => !stored.has(n))
      expect(lost).toEqual([])
      expect(stored.size).toBeGreaterThanOrEqual(acknowledged.size)
      await store.close()
    }
  }, 60_000)
})
