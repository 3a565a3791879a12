/** Pagefind in the browser: loaded once, lazily, from the site's own /pagefind/ folder. */

/** What we use of Pagefind's JS API. */
export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>
  init(): Promise<void>
  search(term: string | null, options?: { filters?: Record<string, string> }): Promise<PagefindSearch>
  filters(): Promise<Record<string, Record<string, number>>>
}
export interface PagefindSearch {
  results: PagefindHit[]
}
/** One page a search found: its id, Pagefind's score (higher is better), and its data, fetched on demand. */
export interface PagefindHit {
  id: string
  score: number
  data(): Promise<PagefindResult>
}
export interface PagefindResult {
  url: string
  /** HTML with <mark> around the matched words. */
  excerpt: string
  meta: Record<string, string | undefined>
  filters: Record<string, string[]>
}

/**
 * Search on the page's own thread: measured here, starting Pagefind's worker costs more than the
 * search itself (a second script, a second wasm compile), and a search is a few milliseconds.
 */
const NO_WORKER = true

const loading = new Map<string, Promise<Pagefind>>()

/**
 * Imports and initialises Pagefind once per site and language; later calls share the promise.
 * `base` is the KB's root ("/" on the KB itself, "https://kb.example/" in the widget); result
 * URLs are made absolute to it. `language` picks the index; default the page's `<html lang>`.
 */
export function loadPagefind(base = '/', language?: string): Promise<Pagefind> {
  const key = `${base}|${language ?? ''}`
  let loaded = loading.get(key)
  if (!loaded) {
    loaded = (async () => {
      // Pagefind keeps one index per loaded module: a language of its own gets a module of its own.
      const url = `${base}pagefind/pagefind.js${language ? `?lang=${language}` : ''}`
      const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind
      await pagefind.options({ baseUrl: base, excerptLength: 22, noWorker: NO_WORKER })
      await initIn(pagefind, language)
      return pagefind
    })()
    loading.set(key, loaded)
    loaded.catch(() => loading.delete(key))
  }
  return loaded
}

/**
 * Pagefind 1.6 chooses its index by the page's `<html lang>` and ignores a `language` option,
 * so a widget in English on a Dutch page would search Dutch articles. It reads the attribute
 * synchronously when `init()` starts: the widget's language stands there for exactly that call,
 * and the host page's own value is back before anything else can run or render.
 */
async function initIn(pagefind: Pagefind, language: string | undefined): Promise<void> {
  const html = document.documentElement
  const hostLang = html.getAttribute('lang')
  if (!language || hostLang === language) return pagefind.init()
  html.setAttribute('lang', language)
  let starting: Promise<void>
  try {
    starting = pagefind.init()
  } finally {
    if (hostLang === null) html.removeAttribute('lang')
    else html.setAttribute('lang', hostLang)
  }
  return starting
}
