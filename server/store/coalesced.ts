/**
 * Lookups asked while an earlier one is under way, answered by one statement together: under load,
 * twenty registrations at once that each need their session (or an incident number) cost a round
 * trip or two to the database instead of twenty. Alone, a lookup is sent at once and waits for nothing.
 */

interface Waiting<K, V> {
  key: K
  resolve: (value: V) => void
  reject: (error: unknown) => void
}

/**
 * `load` gets the keys asked since the last one was sent (at most `maxBatch`) and answers their
 * values in the same order. One `load` runs at a time; its failure is every waiting caller's.
 * @example const sessionOf = coalesced((hashes) => readSessions(hashes)) // sessionOf(hash)
 */
export function coalesced<K, V>(load: (keys: K[]) => Promise<V[]>, maxBatch = 100): (key: K) => Promise<V> {
  const waiting: Waiting<K, V>[] = []
  let isRunning = false

  const next = () => {
    const batch = waiting.splice(0, maxBatch)
    if (batch.length === 0) {
      isRunning = false
      return
    }
    isRunning = true
    let answer: Promise<V[]>
    try {
      answer = load(batch.map((w) => w.key))
    } catch (error) {
      answer = Promise.reject(error)
    }
    // The next batch is sent as soon as this one is answered, in the same callback.
    answer.then(
      (values) => {
        if (values.length === batch.length) batch.forEach((w, i) => w.resolve(values[i]!))
        else batch.forEach((w) => w.reject(new Error(`a coalesced lookup answered ${values.length} values for ${batch.length} keys`)))
        next()
      },
      (error: unknown) => {
        batch.forEach((w) => w.reject(error))
        next()
      },
    )
  }

  return (key) => new Promise<V>((resolve, reject) => {
    waiting.push({ key, resolve, reject })
    if (!isRunning) next()
  })
}
