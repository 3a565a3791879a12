import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { appendLog } from './append-log.ts'

describe('appendLog', () => {
  test('writes one line per record, in order, also when appends overlap', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'loket-log-')), 'nested', 'log.jsonl')
    const log = appendLog<{ n: number }>(file)
    await Promise.all(Array.from({ length: 200 }, (_, n) => log.append({ n })))
    expect((await log.readAll()).map((r) => r.n)).toEqual(Array.from({ length: 200 }, (_, n) => n))
    expect(readFileSync(file, 'utf8').split('\n').length).toBe(201)
    await log.close()
  })

  test('keeps what was written across a reopen, and skips a line a crash cut short', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'loket-log-')), 'log.jsonl')
    const first = appendLog<{ n: number }>(file)
    await first.append({ n: 1 })
    await first.close()
    appendFileSync(file, '{"n": 2, "cut sh')
    const second = appendLog<{ n: number }>(file)
    expect(await second.readAll()).toEqual([{ n: 1 }])
    await second.append({ n: 3 })
    expect(await second.readAll()).toEqual([{ n: 1 }, { n: 3 }])
    expect(readFileSync(file, 'utf8')).toBe('{"n":1}\n{"n":3}\n')
    await second.close()
  })

  test('refuses a log damaged in the middle instead of dropping records', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'loket-log-')), 'log.jsonl')
    appendFileSync(file, '{"n":1}\nnot json\n{"n":3}\n')
    await expect(appendLog(file).readAll()).rejects.toThrow(/log\.jsonl line 2 is not valid JSON/)
  })

  test('reads an empty list when nothing was written yet', async () => {
    const log = appendLog(join(mkdtempSync(join(tmpdir(), 'loket-log-')), 'none.jsonl'))
    expect(await log.readAll()).toEqual([])
  })
})

describe('appendLog on a disk that refuses', () => {
  test('a failed write rejects with StorageUnavailableError and is cut off, so the next line follows the last whole one', async () => {
    const { faultyFiles } = await import('./faulty-files.ts')
    const faults = faultyFiles()
    const file = join(mkdtempSync(join(tmpdir(), 'loket-log-')), 'log.jsonl')
    const log = appendLog<{ n: number }>(file, { files: faults.files })
    await log.append({ n: 1 })
    // A short write, then ENOSPC: half a line reached the file before the disk was full.
    faults.setFreeBytes(4)
    await expect(log.append({ n: 2 })).rejects.toMatchObject({ name: 'StorageUnavailableError', message: 'writing log.jsonl failed: ENOSPC' })
    expect(readFileSync(file, 'utf8')).toBe('{"n":1}\n')
    faults.heal()
    faults.failAt('datasync', 1, 'EIO')
    await expect(log.append({ n: 3 })).rejects.toMatchObject({ name: 'StorageUnavailableError' })
    await log.append({ n: 4 })
    expect(await log.readAll()).toEqual([{ n: 1 }, { n: 4 }])
    await log.close()
  })
})
