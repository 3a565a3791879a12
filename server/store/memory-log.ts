/** An AppendLog kept in memory: for tests and for tools that need no records on disk. */
import type { AppendLog } from './append-log.ts'

export function memoryLog<T>(): AppendLog<T> & { records: T[] } {
  const records: T[] = []
  return {
    records,
    async append(record) {
      records.push(structuredClone(record))
    },
    async readAll() {
      return [...records]
    },
    async close() {},
  }
}
