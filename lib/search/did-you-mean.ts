/** Did you mean: a misspelt word corrected against the KB's own vocabulary (titles, tags, aliases, headings). */

/** Words shorter than this are never corrected: too many short words lie one letter apart. */
const MIN_LENGTH = 4

/**
 * Edit distance with adjacent transpositions ("recieve" → "receive" is one edit), stopping early
 * once it exceeds `max` (returns `max + 1` then).
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  let before = new Array<number>(b.length + 1).fill(0)
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    let rowMin = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2] + 1)
      current[j] = value
      rowMin = Math.min(rowMin, value)
    }
    if (rowMin > max) return max + 1
    before = previous
    previous = current
  }
  return previous[b.length]
}

/** How many edits a word of this length may be from its correction: one for short words, two for longer. */
export const allowedEdits = (word: string) => (word.length <= 5 ? 1 : 2)

/**
 * The vocabulary word `word` most likely misspells, or undefined when it is spelt like one (or the
 * start of one: Pagefind finds words by their start) or nothing is close. A whole word is
 * preferred to the start of a longer one; among equals, the earlier in `vocabulary` (most used first).
 * @example closestWord('recieve', ['receive', 'goods']) // → 'receive'
 */
export function closestWord(word: string, vocabulary: readonly string[]): string | undefined {
  const typed = word.toLowerCase()
  if (typed.length < MIN_LENGTH || /\d/.test(typed)) return undefined
  if (vocabulary.some((known) => known.startsWith(typed))) return undefined
  const max = allowedEdits(typed)
  let best: { word: string; cost: number } | undefined
  for (const known of vocabulary) {
    if (Math.abs(known.length - typed.length) <= max) {
      const cost = editDistance(typed, known, max)
      if (cost <= max && (!best || cost < best.cost)) best = { word: known, cost }
    }
    // The start of a longer word, a little dearer than a whole one: "recieve" for "receiving".
    if (known.length > typed.length) {
      const edits = Math.min(...[-1, 0, 1].map((d) => editDistance(typed, known.slice(0, typed.length + d), max)))
      const cost = edits + 0.1
      if (edits <= max && (!best || cost < best.cost)) best = { word: known, cost }
    }
  }
  return best?.word
}
