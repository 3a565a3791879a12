import { describe, expect, it } from 'vitest'
import { coalesced } from './coalesced.ts'

/** A load whose answers the test releases, recording the keys of every call. */
function controlledLoad() {
  const calls: { keys: string[]; answer: (values: string[]) => void; fail: (error: Error) => void }[] = []
  const load = (keys: string[]) => new Promise<string[]>((answer, fail) => calls.push({ keys, answer, fail }))
  return { calls, load }
}

describe('coalesced', () => {
  it('sends a lookup asked alone at once', async () => {
    const { calls, load } = controlledLoad()
    const lookup = coalesced(load)
    const a = lookup('a')
    expect(calls.map((c) => c.keys)).toEqual([['a']])
    calls[0]!.answer(['A'])
    expect(await a).toBe('A')
  })

  it('sends the lookups asked while one is under way together, each caller getting its own value', async () => {
    const { calls, load } = controlledLoad()
    const lookup = coalesced(load)
    const a = lookup('a')
    const rest = ['b', 'c', 'b'].map(lookup)
    expect(calls).toHaveLength(1)
    calls[0]!.answer(['A'])
    await a
    expect(calls.map((c) => c.keys)).toEqual([['a'], ['b', 'c', 'b']])
    calls[1]!.answer(['B', 'C', 'B'])
    expect(await Promise.all(rest)).toEqual(['B', 'C', 'B'])
  })

  it('sends at most maxBatch keys at a time', async () => {
    const { calls, load } = controlledLoad()
    const lookup = coalesced(load, 2)
    const all = ['a', 'b', 'c', 'd'].map(lookup)
    calls[0]!.answer(['A'])
    await all[0]
    expect(calls[1]!.keys).toEqual(['b', 'c'])
    calls[1]!.answer(['B', 'C'])
    await all[2]
    expect(calls[2]!.keys).toEqual(['d'])
    calls[2]!.answer(['D'])
    expect(await Promise.all(all)).toEqual(['A', 'B', 'C', 'D'])
  })

  it('fails every caller of a failed lookup, and goes on with those asked after it', async () => {
    const { calls, load } = controlledLoad()
    const lookup = coalesced(load)
    const first = lookup('a')
    const second = [lookup('b'), lookup('c')]
    calls[0]!.fail(new Error('database down'))
    await expect(first).rejects.toThrow('database down')
    calls[1]!.fail(new Error('still down'))
    await expect(Promise.all(second.map((p) => p.catch((e: Error) => e.message)))).resolves.toEqual(['still down', 'still down'])
    const later = lookup('d')
    calls[2]!.answer(['D'])
    expect(await later).toBe('D')
  })

  it('fails the callers when the load throws at once or answers the wrong number of values', async () => {
    const throwing = coalesced<string, string>(() => {
      throw new Error('bad statement')
    })
    await expect(throwing('a')).rejects.toThrow('bad statement')
    const short = coalesced(async (keys: string[]) => keys.slice(1))
    await expect(Promise.all([short('a'), short('b')])).rejects.toThrow('answered 0 values for 1 keys')
  })
})
