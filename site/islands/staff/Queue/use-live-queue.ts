/** The queue kept live: read again when the server's stream says it changed (every few seconds with If-None-Match only without the stream), new arrivals announced politely. */
import { useEffect, useRef, useState } from 'preact/hooks'
import type { Language } from '#lib/language.ts'
import { format } from '#lib/format.ts'
import type { StaffStrings } from '../../../i18n/index.ts'
import { ApiFailure, call } from '../../lib/api.ts'
import { POLL_MS } from '../../lib/polling.ts'
import { arrivals } from '../queue-view.ts'
import type { QueueReply } from './common.ts'
import { listenToQueue } from './queue-stream.ts'

export interface LiveQueue {
  reply?: QueueReply
  error?: unknown
  /** When the server last confirmed the rows: its `asOf`, or the moment of a 304. */
  checkedAt?: string
  /** What the polite live region says: a new filter's count, or the incidents that arrived. */
  announcement: string
}

/**
 * The queue of `query`, read again whenever the queue stream announces a change while `isLive` and
 * the tab is visible (a hidden tab catches up when it is back); only when the stream cannot be
 * opened is it asked every 5 seconds with If-None-Match instead. A new query starts afresh and a
 * reply for an old one is dropped.
 */
export function useLiveQueue(lang: Language, strings: StaffStrings, query: string, isLive: boolean): LiveQueue {
  const [state, setState] = useState<Omit<LiveQueue, 'announcement'>>({})
  const [announcement, setAnnouncement] = useState('')
  const isLiveRef = useRef(isLive)
  isLiveRef.current = isLive
  const control = useRef<{ poll: () => void; stop: () => void; listen: () => void; hangUp: () => void }>()
  const hasQueried = useRef(false)

  useEffect(() => {
    let isCurrent = true
    let isBusy = false
    let hasLoaded = false
    let etag: string | undefined
    let timer: ReturnType<typeof setTimeout> | undefined
    // The stream tells when to read again; polling is the fallback for a page that cannot have it.
    let hangUp: (() => void) | undefined
    let isPolling = false
    let isStale = false
    const seen = new Set<string>()
    // The page's first queue is not announced; one the user chose is, by its count.
    const isChosen = hasQueried.current
    hasQueried.current = true
    setState({})

    const announce = (text: string) => {
      // Emptied first, so the same words twice ("1 nieuw incident") are read twice.
      setAnnouncement('')
      setTimeout(() => isCurrent && setAnnouncement(text), 150)
    }
    const stop = () => clearTimeout(timer)
    const schedule = () => {
      stop()
      if (isPolling && isCurrent && isLiveRef.current && document.visibilityState === 'visible') timer = setTimeout(() => void poll(), POLL_MS)
    }
    const readWhenShown = () => {
      if (isLiveRef.current && document.visibilityState === 'visible') void poll()
      else isStale = true
    }
    const listen = () => {
      if (hangUp || isPolling) return
      hangUp = listenToQueue({
        onOpen: readWhenShown,
        onChange: readWhenShown,
        onUnavailable: () => {
          hangUp = undefined
          isPolling = true
          schedule()
        },
      })
    }
    const stopListening = () => {
      hangUp?.()
      hangUp = undefined
    }
    async function poll() {
      if (isBusy || !isCurrent) return
      isBusy = true
      isStale = false
      stop()
      try {
        const fresh = await fetchQueue(lang, query, etag, strings)
        if (!isCurrent) return
        if (!fresh) {
          setState((s) => ({ ...s, error: undefined, checkedAt: new Date().toISOString() }))
          return
        }
        etag = fresh.etag
        const arrived = arrivals(seen, fresh.reply.incidents)
        const count = fresh.reply.incidents.length
        if (hasLoaded && arrived.length > 0) announce(arrived.length === 1 ? strings['queue.arrivedOne'] : format(strings['queue.arrived'], { count: arrived.length }))
        else if (!hasLoaded && isChosen) announce(count === 1 ? strings['queue.countOne'] : format(strings['queue.count'], { count }))
        hasLoaded = true
        setState({ reply: fresh.reply, checkedAt: fresh.reply.asOf })
      } catch (error) {
        if (isCurrent) setState((s) => ({ ...s, error }))
      } finally {
        isBusy = false
        schedule()
      }
    }
    // A hidden tab does not ask; back in view it catches up at once (polling), or if the stream said something changed.
    const onVisibility = () => (document.visibilityState === 'visible' && isLiveRef.current ? (isPolling || isStale) && void poll() : stop())
    document.addEventListener('visibilitychange', onVisibility)
    control.current = { poll: () => void poll(), stop, listen, hangUp: stopListening }
    void poll()
    if (isLiveRef.current) listen()
    return () => {
      isCurrent = false
      stop()
      stopListening()
      document.removeEventListener('visibilitychange', onVisibility)
    }
  }, [lang, query])

  useEffect(() => {
    if (isLive) {
      control.current?.poll()
      control.current?.listen()
    } else {
      control.current?.stop()
      control.current?.hangUp()
    }
  }, [isLive])

  return { ...state, announcement }
}

/** The queue, or undefined when the server says it has not changed since `etag` (304). */
async function fetchQueue(lang: Language, query: string, etag: string | undefined, strings: StaffStrings): Promise<{ etag?: string; reply: QueueReply } | undefined> {
  // Plain fetch: the typed client has no way to send If-None-Match and read a 304.
  const request = fetch(`/api/staff/queue${query ? `?${query}` : ''}`, {
    headers: { 'Accept-Language': lang, ...(etag ? { 'If-None-Match': etag } : {}) },
    cache: 'no-store',
  })
  const res = await request.catch(() => {
    throw new ApiFailure(0, 'network', strings.network)
  })
  if (res.status === 304) return undefined
  const reply = (await call(Promise.resolve(res), strings)) as QueueReply
  // Compression marks the tag weak (W/"…") while the route compares the strong one: send the opaque part.
  return { etag: res.headers.get('ETag')?.replace(/^W\//, '') ?? undefined, reply }
}
