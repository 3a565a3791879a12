// The journal reader fuzzed with random truncations and byte changes: it reads the whole history,
// drops exactly a torn final record that was never acknowledged, or refuses; never a shorter history.
import { describe, expect, test } from 'vitest'
import { HEADER_BYTES, headerLine, readJournal, recordLine, type JournalOp } from './journal.ts'
import { StoreError } from './store.ts'

const FILE = '/data/store/journal.jsonl'

/** A small deterministic generator, so a failing case can be run again. */
function random(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return { next, below: (n: number) => Math.floor(next() * n) }
}

const op = (n: number): JournalOp => ({ op: 'put', t: 'incidents', r: { id: `i${n}`, number: String(100000 + n), subject: `Fout ${n} bij het boeken`, note: 'é'.repeat(n % 5) } })

/**
 * A journal after `base` with `count` records. `acked` records were durable when its header was
 * last written: all of them at rest, one fewer while the last write was under way (a crash then).
 */
function journal(base: number, count: number, acked: number) {
  const ops = Array.from({ length: count }, (_, i) => op(base + i + 1))
  const lines = ops.map((o, i) => Buffer.from(recordLine(base + i + 1, JSON.stringify(o))))
  const ends: number[] = []
  let end = HEADER_BYTES
  for (const line of lines) ends.push((end += line.length))
  const ackedBytes = acked === 0 ? HEADER_BYTES : ends[acked - 1]!
  const bytes = Buffer.concat([headerLine({ base, ackedSeq: base + acked, ackedBytes }), ...lines])
  return { bytes, ops, acked }
}

type Outcome = 'whole' | 'torn final' | 'refused'

/** Reads `bytes` and says which of the three allowed outcomes it was; fails the test on any other. */
function outcome(bytes: Buffer, ops: JournalOp[], acked: number): Outcome {
  let read
  try {
    read = readJournal(bytes, FILE)
  } catch (error) {
    expect(error).toBeInstanceOf(StoreError)
    expect((error as Error).message).toMatch(new RegExp(`^${FILE} byte \\d+`))
    expect((error as Error).message).toContain('Restore the data folder from a backup')
    return 'refused'
  }
  const got = read.records.map((r) => r.op)
  if (got.length === ops.length) {
    expect(got).toEqual(ops)
    return 'whole'
  }
  // Only the final record may be missing, and only when it was never acknowledged.
  expect(got.length).toBe(ops.length - 1)
  expect(acked).toBeLessThan(ops.length)
  expect(got).toEqual(ops.slice(0, -1))
  return 'torn final'
}

describe('the journal reader', () => {
  test('reads a whole journal, and a header alone as no records', () => {
    const { bytes, ops } = journal(7, 12, 12)
    const read = readJournal(bytes, FILE)
    expect(read.records.map((r) => r.op)).toEqual(ops)
    expect(read.records.map((r) => r.seq)).toEqual(ops.map((_, i) => 8 + i))
    expect(read.lastSeq).toBe(19)
    expect(readJournal(headerLine({ base: 3, ackedSeq: 3, ackedBytes: HEADER_BYTES }), FILE).records).toEqual([])
  })

  test('a cut anywhere in an acknowledged journal is refused, naming file and byte', () => {
    const { bytes } = journal(0, 6, 6)
    for (let at = 0; at < bytes.length; at++) {
      expect(() => readJournal(bytes.subarray(0, at), FILE), `cut at ${at}`).toThrow(StoreError)
    }
    expect(() => readJournal(bytes.subarray(0, 400), FILE)).toThrow(/^\/data\/store\/journal\.jsonl byte \d+: .*cut|damaged/)
  })

  test('a crash during the last write: its torn record is dropped, and only it', () => {
    const { bytes, ops } = journal(0, 6, 5)
    const lastStart = bytes.length - Buffer.byteLength(recordLine(6, JSON.stringify(ops[5])))
    for (let at = lastStart + 1; at < bytes.length; at++) {
      const read = readJournal(bytes.subarray(0, at), FILE)
      expect(read.records.map((r) => r.op)).toEqual(ops.slice(0, 5))
      expect(read.torn).toMatchObject({ offset: lastStart, bytes: at - lastStart })
    }
    // Zeros where the record should be, as a file system may leave after a crash.
    const zeroed = Buffer.from(bytes)
    zeroed.fill(0, lastStart + 10)
    expect(readJournal(zeroed, FILE).torn?.why).toBe('the record has no line end')
    // Cut before the last write began: the whole acknowledged history, nothing torn.
    expect(readJournal(bytes.subarray(0, lastStart), FILE).torn).toBeUndefined()
    expect(() => readJournal(bytes.subarray(0, lastStart - 1), FILE)).toThrow(/byte \d+ \(record 5\)/)
  })

  test('a journal overwritten with zero bytes, or emptied, is refused', () => {
    const { bytes } = journal(0, 4, 4)
    expect(() => readJournal(Buffer.alloc(bytes.length), FILE)).toThrow(/byte 0: the journal's header is damaged or missing/)
    expect(() => readJournal(Buffer.alloc(0), FILE)).toThrow(/byte 0/)
  })

  test('a record changed in place is refused by its checksum, a renumbered one by its sequence', () => {
    const { bytes } = journal(0, 3, 3)
    const changed = Buffer.from(bytes.toString('utf8').replace('Fout 2', 'Fout 3'))
    expect(() => readJournal(changed, FILE)).toThrow(/\(record 2\): the record's checksum does not match/)
    const lines = bytes.subarray(HEADER_BYTES).toString('utf8').split('\n')
    const swapped = Buffer.concat([bytes.subarray(0, HEADER_BYTES), Buffer.from([lines[1], lines[0], lines[2], ''].join('\n'))])
    expect(() => readJournal(swapped, FILE)).toThrow(/\(record 1\): the record has sequence number 2 where 1 follows/)
  })

  test('fuzzed: random cuts, flipped bytes and zeroed ranges never yield a silently shorter history', () => {
    const counts: Record<Outcome, number> = { whole: 0, 'torn final': 0, refused: 0 }
    const rng = random(18)
    for (let round = 0; round < 3000; round++) {
      const count = 1 + rng.below(8)
      // Half the journals were being written when the process died: the header names one record fewer.
      const acked = rng.next() < 0.5 ? count : count - 1
      const { bytes, ops } = journal(rng.below(50), count, acked)
      const damaged = Buffer.from(bytes)
      const changes = 1 + rng.below(3)
      let view = damaged
      for (let i = 0; i < changes; i++) {
        const kind = rng.below(4)
        if (kind === 0) view = view.subarray(0, rng.below(view.length + 1))
        else if (kind === 1 && view.length > 0) {
          const at = rng.below(view.length)
          view[at] = (view[at]! + 1 + rng.below(255)) & 0xff
        } else if (kind === 2 && view.length > 0) {
          const from = rng.below(view.length)
          view.fill(0, from, Math.min(view.length, from + 1 + rng.below(64)))
        } else if (kind === 3) {
          // A cut inside the last record only, as a crash leaves it.
          const last = Buffer.byteLength(recordLine(ops.length, JSON.stringify(ops.at(-1))))
          view = view.subarray(0, Math.max(0, view.length - 1 - rng.below(last)))
        }
      }
      counts[outcome(view, ops, acked)]++
    }
    // Each outcome happened, so the fuzzing reached every branch.
    expect(counts.whole).toBeGreaterThan(0)
    expect(counts['torn final']).toBeGreaterThan(50)
    expect(counts.refused).toBeGreaterThan(1000)
  })
})
