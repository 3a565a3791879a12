/** Anonymous KB insight from the browser: the searches a visitor settled on, what they opened, whether they asked support. */
import type { Language } from '#lib/language.ts'
import type { SearchEventInput } from '#domain/kb-insight.ts'

/** An event as the server takes it, less what every event of this reporter carries. */
type Event = SearchEventInput extends infer E ? (E extends SearchEventInput ? Omit<E, 'session' | 'source' | 'lang'> : never) : never

/** How long a query must stay unchanged to count as the search the visitor settled on. */
export const SETTLE_MS = 1500

export interface Insight {
  /** A query was typed and answered; reported once it has rested for {@link SETTLE_MS}. */
  searched(query: string, results: number): void
  /** A result was opened; the pending search is reported first. */
  clicked(query: string, article: string): void
  /** The visitor sent the incident form. */
  filed(query: string | undefined): void
}

export interface InsightOptions {
  /** The API's origin. */
  api: string
  lang: Language
  /** `widget`, or `search` for the KB's own search page. */
  source: 'widget' | 'search'
  /** Sends one event; default a keepalive POST without cookies. */
  send?: (url: string, body: string) => void
  /** A random id for this visit; default one per browser tab, never a cookie. */
  session?: string
}

/** A reporter for one visit. Failures are ignored: insight must never get in the visitor's way. */
export function createInsight(options: InsightOptions): Insight {
  const send = options.send ?? post
  const session = options.session ?? tabSession()
  const url = `${options.api}/api/kb/events`
  let pending: { query: string; results: number } | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  let lastSent = ''

  const emit = (event: Event) => send(url, JSON.stringify({ ...event, session, source: options.source, lang: options.lang }))
  function flush() {
    clearTimeout(timer)
    if (pending && pending.query !== lastSent) {
      emit({ type: 'search', ...pending })
      lastSent = pending.query
    }
    pending = undefined
  }
  if (typeof document !== 'undefined') document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && flush())

  return {
    searched(query, results) {
      const trimmed = query.trim().slice(0, 200)
      if (!trimmed) return
      pending = { query: trimmed, results }
      clearTimeout(timer)
      timer = setTimeout(flush, SETTLE_MS)
    },
    clicked(query, article) {
      flush()
      const trimmed = query.trim().slice(0, 200)
      if (trimmed) emit({ type: 'click', query: trimmed, article })
    },
    filed(query) {
      flush()
      const trimmed = query?.trim().slice(0, 200)
      emit({ type: 'incident', ...(trimmed ? { query: trimmed } : {}) })
    },
  }
}

function post(url: string, body: string): void {
  fetch(url, { method: 'POST', body, keepalive: true, credentials: 'omit', headers: { 'content-type': 'application/json' } }).catch(() => {})
}

/** One id per tab, kept in sessionStorage (never sent as a cookie); a fresh one where storage is closed. */
function tabSession(): string {
  const fresh = () => crypto.randomUUID().replace(/-/g, '')
  try {
    const stored = sessionStorage.getItem('loket.session')
    if (stored) return stored
    const id = fresh()
    sessionStorage.setItem('loket.session', id)
    return id
  } catch {
    return fresh()
  }
}
