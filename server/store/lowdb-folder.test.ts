// A data folder at start: a damaged journal or a lost snapshot is refused with the file named; a
// crash's torn final record is dropped with a log line; a format-1 folder is migrated; demo data
// only goes into an empty folder.
import { mkdirSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { seedDemo } from '../seed.ts'
import { HEADER_BYTES } from './journal.ts'
import { openLowdbStore, readLowdbTables } from './lowdb-store.ts'
import { incidentDraft } from './store-contract.ts'
import { StoreError } from './store.ts'

const freshDir = () => mkdtempSync(join(tmpdir(), 'loket-folder-'))
const quiet = { log: () => {} }

/** A folder whose journal holds a seeded desk and `count` incidents written one after another. */
async function deskFolder(count = 5) {
  const dir = freshDir()
  const store = await openLowdbStore({ dir, ...quiet })
  await seedDemo(store)
  const numbers: string[] = []
  for (let i = 0; i < count; i++) numbers.push((await store.incidents.create(incidentDraft())).number)
  await store.close()
  return { dir, numbers, journal: join(dir, 'store', 'journal.jsonl'), snapshot: join(dir, 'store', 'snapshot.json') }
}

describe('a damaged journal at start', () => {
  test('cut in the middle: refused, naming the file, the byte and what to do', async () => {
    const { dir, journal } = await deskFolder()
    const size = readFileSync(journal).length
    truncateSync(journal, Math.floor(size / 2))
    const error = await openLowdbStore({ dir, ...quiet }).catch((e: Error) => e)
    expect(error).toBeInstanceOf(StoreError)
    expect((error as Error).message).toMatch(new RegExp(`^${journal.replace(/[/.]/g, '\\$&')} byte \\d+ \\(record \\d+\\): .*acknowledged\\. Restore the data folder from a backup \\(npm run restore -- FILE into an empty folder\\)`))
    // Refused before anything was written: the journal is as it was left.
    expect(readFileSync(journal).length).toBe(Math.floor(size / 2))
  })

  test('cut exactly between two records: refused as cut, since the header names the last acknowledged one', async () => {
    const { dir, journal } = await deskFolder()
    const bytes = readFileSync(journal)
    writeFileSync(journal, bytes.subarray(0, bytes.lastIndexOf(0x0a, bytes.length - 2) + 1))
    await expect(openLowdbStore({ dir, ...quiet })).rejects.toThrow(/ends after record \d+, but its header says records up to \d+ .* were acknowledged: it was cut/)
  })

  test('overwritten with zero bytes, or emptied: refused', async () => {
    const { dir, journal } = await deskFolder()
    writeFileSync(journal, Buffer.alloc(readFileSync(journal).length))
    await expect(openLowdbStore({ dir, ...quiet })).rejects.toThrow(/journal\.jsonl byte 0: the journal's header is damaged or missing/)
    writeFileSync(journal, '')
    await expect(openLowdbStore({ dir, ...quiet })).rejects.toThrow(/journal\.jsonl is empty, but every desk has one/)
  })

  test('a torn final record left by a crash is dropped with a log line, and the desk starts with everything acknowledged', async () => {
    const { dir, journal, numbers } = await deskFolder(3)
    // A write under way when the process died: the header names what was durable before it.
    const bytes = readFileSync(journal)
    const header = bytes.subarray(0, HEADER_BYTES).toString()
    const [, base, seq, end] = /"base":(\d+),"acked":\[(\d+),(\d+)\]/.exec(header)!
    expect(Number(end)).toBe(bytes.length)
    writeFileSync(journal, Buffer.concat([bytes, Buffer.from(`{"q":${Number(seq) + 1},"k":"0badc0de","op":{"op":"put","t":"incidents","r":{"id":"half`)]))
    const notes: string[] = []
    const store = await openLowdbStore({ dir, log: (m) => notes.push(m) })
    expect(notes).toEqual([expect.stringMatching(new RegExp(`journal\\.jsonl: dropped \\d+ bytes at byte ${bytes.length}, a final write a crash interrupted .*never acknowledged`))])
    expect((await store.incidents.list({})).map((i) => i.number).sort()).toEqual(numbers)
    expect(Number(base)).toBe(0)
    await store.close()
  })
})

describe('a lost snapshot', () => {
  test('missing while the journal holds records: refused, naming snapshot.json; nothing is written, no demo data added', async () => {
    const { dir, snapshot, journal } = await deskFolder()
    const store = await openLowdbStore({ dir, ...quiet }) // folds the journal into the snapshot
    await store.incidents.create(incidentDraft())
    await store.close()
    const before = readFileSync(journal)
    const { rmSync } = await import('node:fs')
    rmSync(snapshot)
    await expect(openLowdbStore({ dir, ...quiet })).rejects.toThrow(new RegExp(`^${snapshot.replace(/[/.]/g, '\\$&')} is missing, but .*journal\\.jsonl holds records: this folder held a desk`))
    expect(readFileSync(journal)).toEqual(before)
  })

  test('null: refused, naming snapshot.json', async () => {
    const { dir, snapshot } = await deskFolder()
    writeFileSync(snapshot, 'null')
    await expect(openLowdbStore({ dir, ...quiet })).rejects.toThrow(/snapshot\.json holds no records \(null\), but a desk's snapshot always does/)
  })

  test('gone with the whole store folder, while attachments remain: refused', async () => {
    const dir = freshDir()
    mkdirSync(join(dir, 'attachments', 'x'), { recursive: true })
    await expect(openLowdbStore({ dir, ...quiet })).rejects.toThrow(/snapshot\.json is missing, but .*attachments shows this folder held a desk/)
  })

  test('an empty folder is new and gets the demo data; a folder that held a desk is not new', async () => {
    const dir = freshDir()
    const first = await openLowdbStore({ dir, ...quiet })
    expect(first.isNew).toBe(true)
    await seedDemo(first)
    await first.close()
    const second = await openLowdbStore({ dir, ...quiet })
    expect(second.isNew).toBe(false)
    expect((await second.organisations.list()).length).toBeGreaterThan(0)
    await second.close()
  })
})

describe('a folder in journal format 1 (before numbered, checksummed records)', () => {
  const legacy = (id: string) => JSON.stringify({ op: 'put', t: 'incidents', r: { ...incidentDraft(), id, number: String(100000 + Number(id.slice(1))), version: 1 } })

  test('opens with every record, is moved to format 2 at that first start, and opens again', async () => {
    const dir = freshDir()
    mkdirSync(join(dir, 'store'))
    writeFileSync(join(dir, 'store', 'snapshot.json'), JSON.stringify({ format: 1, tables: { organisations: [{ id: 'org-1', name: 'Oud' }], incidents: [] } }))
    // Its journal after a fold, with a tail a crash cut short.
    writeFileSync(join(dir, 'store', 'journal.jsonl'), `${legacy('i1')}\n${legacy('i2')}\n{"op":"put","t":"inc`)
    const notes: string[] = []
    const store = await openLowdbStore({ dir, log: (m) => notes.push(m) })
    expect((await store.incidents.list({})).map((i) => i.id).sort()).toEqual(['i1', 'i2'])
    expect(notes.some((n) => n.includes('moved to journal format 2'))).toBe(true)
    expect(JSON.parse(readFileSync(join(dir, 'store', 'snapshot.json'), 'utf8'))).toMatchObject({ format: 2, seq: 0, migrated: true })
    expect(readFileSync(join(dir, 'store', 'journal.jsonl'), 'utf8')).toMatch(/^\{"journal":2,/)
    const next = await store.incidents.create(incidentDraft())
    await store.close()
    const again = await openLowdbStore({ dir, ...quiet })
    expect((await again.incidents.list({})).map((i) => i.id).sort()).toEqual(['i1', 'i2', next.id].sort())
    expect((await again.organisations.list()).map((o) => o.id)).toEqual(['org-1'])
    await again.close()
  })

  test('a format-1 desk never restarted has no snapshot yet: its journal, starting with the demo organisations, is read', async () => {
    const dir = freshDir()
    mkdirSync(join(dir, 'store'))
    writeFileSync(join(dir, 'store', 'journal.jsonl'), `${JSON.stringify({ op: 'put', t: 'organisations', r: { id: 'org-1', name: 'Oud' } })}\n${legacy('i1')}\n`)
    expect((await readLowdbTables(dir)).incidents.map((i) => i.id)).toEqual(['i1'])
    const store = await openLowdbStore({ dir, ...quiet })
    expect(store.isNew).toBe(false)
    expect(await store.incidents.count()).toBe(1)
    await store.close()
  })

  test('a format-1 journal without snapshot that does not start as a desk begins: refused as a lost snapshot', async () => {
    const dir = freshDir()
    mkdirSync(join(dir, 'store'))
    writeFileSync(join(dir, 'store', 'journal.jsonl'), `${legacy('i1')}\n`)
    await expect(openLowdbStore({ dir, ...quiet })).rejects.toThrow(/snapshot\.json is missing, but .*journal\.jsonl holds records/)
  })
})
