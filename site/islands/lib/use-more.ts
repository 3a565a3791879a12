/** Lists read a page at a time: the pages after the first, read one by one with "more". */
import { useState } from 'preact/hooks'

/** What useMore hands the page. */
export interface More<T> {
  /** The rows of the pages read after the first, in order. */
  rows: T[]
  /** The cursor of the page after the last one read; null when there is none. */
  next: string | null
  isLoading: boolean
  /** Why the last "more" failed, if it did. */
  failure: unknown
  /** Reads the next page. */
  load: () => Promise<void>
}

/**
 * The pages after a first page whose `next` is `firstNext`; a new `key` (another search or
 * filter) forgets them, so "more" starts again after the new first page.
 * @example const more = useMore((cursor) => read({ cursor }), first?.next, query)
 */
export function useMore<T>(read: (cursor: string) => Promise<{ rows: T[]; next: string | null }>, firstNext: string | null | undefined, key: string): More<T> {
  const [pages, setPages] = useState<{ key: string; rows: T[]; next: string | null } | null>(null)
  const [isLoading, setLoading] = useState(false)
  const [failure, setFailure] = useState<unknown>(undefined)
  const current = pages?.key === key ? pages : null
  const next = current ? current.next : firstNext ?? null
  const load = async () => {
    if (!next || isLoading) return
    setLoading(true)
    setFailure(undefined)
    try {
      const page = await read(next)
      setPages({ key, rows: [...(current?.rows ?? []), ...page.rows], next: page.next })
    } catch (error) {
      setFailure(error)
    } finally {
      setLoading(false)
    }
  }
  return { rows: current?.rows ?? [], next, isLoading, failure, load }
}
