/** Async work over many items with a bounded number at once: the build's file reads and writes. */

/** Runs `work` over `items` with at most `width` running at once. */
export async function inBatches<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const lane = async () => {
    while (next < items.length) await work(items[next++])
  }
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane))
}
