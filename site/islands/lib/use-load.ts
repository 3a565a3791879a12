/** One loading state machine for the islands: what a page reads from the API, reading it again, and changing it in place. */
import { useEffect, useRef, useState } from 'preact/hooks'
import { ApiFailure, messageOf, type FailureTexts } from './api.ts'

/** Why a read failed: the server refused it (or was not reached), the record is not there, or nobody is signed in. */
export type FailureKind = 'error' | 'not-found' | 'signed-out'

/**
 * Where a read stands. `data` is what the last successful read gave: it stays while the page reads
 * again and after a read that failed, so a page can keep showing it.
 */
export type Load<T> =
  | { kind: 'loading'; data?: T }
  | { kind: 'loaded'; data: T }
  | { kind: FailureKind; message: string; failure: unknown; data?: T }

/** What useLoad hands the page. */
export interface Loader<T> {
  state: Load<T>
  /** The last data read (or put in place), if any. */
  data: T | undefined
  /** The failure's sentence for a person when the last read failed. */
  message: string | undefined
  /** Reads again; the page keeps its state until the answer comes. Never rejects. */
  reload: () => Promise<void>
  /** Changes the data in place (an action's answer), without reading again. */
  update: (change: (data: T) => T) => void
}

/** Options for useLoad. */
export interface LoadOptions<T> {
  /** Joins a fresh read with what is shown (e.g. keep a record an action just changed); default the fresh read. */
  merge?: (shown: T | undefined, fresh: T) => T
  /** Told after each read that was kept, with what was shown before it. */
  onLoaded?: (data: T, before: T | undefined) => void
}

/** The kind of failure `failure` is, for the page to tell them apart. */
export function failureKind(failure: unknown): FailureKind {
  if (failure instanceof ApiFailure && failure.status === 401) return 'signed-out'
  if (failure instanceof ApiFailure && failure.status === 404) return 'not-found'
  return 'error'
}

/**
 * Reads `read` when the page opens and whenever `deps` change (then the state is `loading`,
 * keeping the data); `deps` null reads only when `reload` is called (a page that polls). An
 * answer to an older read is dropped.
 * @example const { data, message } = useLoad(() => call(portalApi(lang).complaints.$get({ query: {} }), strings), [lang], strings)
 */
export function useLoad<T>(read: () => Promise<T>, deps: readonly unknown[] | null, texts: FailureTexts, options: LoadOptions<T> = {}): Loader<T> {
  const [state, setState] = useState<Load<T>>({ kind: 'loading' })
  const latest = useRef({ read, options, texts })
  latest.current = { read, options, texts }
  // What is shown, kept at once (not at the next render), so a poll right after an action merges with it.
  const shown = useRef<T | undefined>(undefined)
  const asked = useRef(0)

  const show = (next: Load<T>) => {
    shown.current = next.data
    setState(next)
  }
  async function ask() {
    const ticket = ++asked.current
    try {
      const fresh = await latest.current.read()
      if (ticket !== asked.current) return
      const before = shown.current
      const { merge, onLoaded } = latest.current.options
      const data = merge ? merge(before, fresh) : fresh
      show({ kind: 'loaded', data })
      onLoaded?.(data, before)
    } catch (failure) {
      if (ticket === asked.current) show({ kind: failureKind(failure), message: messageOf(failure, latest.current.texts), failure, data: shown.current })
    }
  }

  useEffect(() => {
    if (deps === null) return
    setState((s) => (s.kind === 'loading' ? s : { kind: 'loading', data: s.data }))
    void ask()
    // Leaving (or a new question) drops the answer still on its way.
    return () => { asked.current++ }
  }, deps ?? [])

  const update = (change: (data: T) => T) => {
    if (shown.current === undefined) return
    show({ ...state, data: change(shown.current) } as Load<T>)
  }
  const message = state.kind === 'loading' || state.kind === 'loaded' ? undefined : state.message
  return { state, data: state.data, message, reload: ask, update }
}
