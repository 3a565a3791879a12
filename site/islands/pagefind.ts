/** Pagefind in the browser: loaded once, lazily, from the site's own /pagefind/ folder. */

/** What we use of Pagefind's JS API. */
export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>
  init(): Promise<void>
  search(term: string | null, options?: { filters?: Record<string, string> }): Promise<PagefindSearch>
  filters(): Promise<Record<string, Record<string, number>>>
}
export interface PagefindSearch {
  results: { id: string; data(): Promise<PagefindResult> }[]
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

let loading: Promise<Pagefind> | undefined

/** Imports and initialises Pagefind once; later calls share the same promise. */
export function loadPagefind(base = '/'): Promise<Pagefind> {
  loading ??= (async () => {
    const url = `${base}pagefind/pagefind.js`
    const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind
    await pagefind.options({ baseUrl: base, excerptLength: 22, noWorker: NO_WORKER })
    await pagefind.init()
    return pagefind
  })()
  loading.catch(() => (loading = undefined))
  return loading
}

/** One piece of an excerpt: plain text, marked (a matched word) or not. */
export interface ExcerptPart {
  text: string
  isMark: boolean
}

/**
 * Splits Pagefind's excerpt into text parts, so the page renders them as text and no markup
 * from an article ever becomes HTML. Entities in the excerpt are decoded to their characters.
 */
export function excerptParts(excerpt: string, decode: (html: string) => string = decodeEntities): ExcerptPart[] {
  const parts: ExcerptPart[] = []
  const pattern = /<mark>([\s\S]*?)<\/mark>/g
  let last = 0
  for (const match of excerpt.matchAll(pattern)) {
    if (match.index > last) parts.push({ text: decode(excerpt.slice(last, match.index)), isMark: false })
    parts.push({ text: decode(match[1]), isMark: true })
    last = match.index + match[0].length
  }
  if (last < excerpt.length) parts.push({ text: decode(excerpt.slice(last)), isMark: false })
  return parts.filter((p) => p.text.length > 0)
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", nbsp: '\u00a0' }

/** Decodes the few entities Pagefind writes, and strips any tag left in a fragment. */
export function decodeEntities(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|#x27|nbsp);/g, (_, name: string) => ENTITIES[name])
}
