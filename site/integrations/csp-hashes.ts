/** Content-Security-Policy hashes of the inline scripts and styles in built pages, written as one manifest for the server. */
import { createHash } from 'node:crypto'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'

/** The manifest's file name in the build output; the server reads it at start. */
export const CSP_MANIFEST = '_csp.json'

/** The hashes, in CSP source form (`'sha256-…'`), that allow one page's inline elements. */
export interface InlineHashes {
  /** One per distinct inline `<script>` (no `src`), in document order. */
  script: string[]
  /** One per distinct `<style>` element, in document order. */
  style: string[]
}

/** What a page holds that its hashes cannot allow, e.g. `style="color:red"` on `<pre>`. */
export interface Unhashable {
  /** The element, e.g. `pre`. */
  tag: string
  /** In words, for the build log: `style attribute`, `onclick attribute`, or an escaped script. */
  what: string
}

/** Page path (`/`, `/en/search/`, `/404.html`) → the hashes that page needs. */
export type CspManifest = Record<string, InlineHashes>

/** Elements whose content is text up to their own end tag (HTML's raw text and RCDATA elements). */
const TEXT_ONLY = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript'])
const ATTRIBUTE = /[\s/]*([^\s/>=][^\s/>=]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?/y
const TAG_NAME = /[a-zA-Z][^\s/>]*/y

/**
 * The CSP source (`'sha256-<base64>'`) that allows an inline element with this text. Line endings
 * are normalised first, as the browser's parser does before it hashes.
 * @example cspHash('a{}') // "'sha256-…'"
 */
export function cspHash(text: string): string {
  const normalised = text.replace(/\r\n?/g, '\n')
  return `'sha256-${createHash('sha256').update(normalised, 'utf8').digest('base64')}'`
}

/**
 * Reads one HTML document the way the browser's tokenizer finds scripts and styles: comments are
 * skipped, attributes may hold `>` inside quotes, and the text of raw text elements (script,
 * style, textarea…) ends only at their own end tag. Returns the hashes of inline scripts (no
 * `src`) and style elements, and the attributes no hash can allow (`style`, `on…` handlers).
 * Written for Astro's HTML output, not for every oddity of the HTML standard: a `<style>` inside
 * `<svg>` is parsed differently by browsers and is not expected.
 */
export function inlineHashes(html: string): InlineHashes & { unhashable: Unhashable[] } {
  const script = new Set<string>()
  const style = new Set<string>()
  const unhashable: Unhashable[] = []
  let at = 0
  while ((at = html.indexOf('<', at)) !== -1) {
    if (html.startsWith('<!--', at)) {
      // "<!-->" and "<!--->" are whole (empty) comments in HTML.
      const shortEnd = /^<!---?>/.exec(html.slice(at, at + 6))
      const end = shortEnd ? at + shortEnd[0].length - 3 : html.indexOf('-->', at + 4)
      at = end === -1 ? html.length : end + 3
      continue
    }
    if (html[at + 1] === '!' || html[at + 1] === '?' || html[at + 1] === '/') {
      // Doctype, processing instruction or end tag: nothing to hash in them.
      const end = html.indexOf('>', at)
      at = end === -1 ? html.length : end + 1
      continue
    }
    TAG_NAME.lastIndex = at + 1
    const name = TAG_NAME.exec(html)?.[0].toLowerCase()
    if (!name) {
      at += 1
      continue
    }
    const tag = readAttributes(html, TAG_NAME.lastIndex)
    at = tag.end
    for (const attribute of tag.attributes.keys()) {
      if (attribute === 'style' || attribute.startsWith('on')) unhashable.push({ tag: name, what: `${attribute} attribute` })
    }
    if (!TEXT_ONLY.has(name)) continue
    const close = new RegExp(`</${name}[\\s/>]`, 'ig')
    close.lastIndex = at
    const end = close.exec(html)?.index ?? html.length
    const text = html.slice(at, end)
    at = end
    if (name === 'style') style.add(cspHash(text))
    if (name === 'script' && !tag.attributes.has('src')) {
      // "<!--" then "<script" puts the browser's tokenizer in a state where this end tag is not the end.
      if (text.includes('<!--') && /<script/i.test(text)) unhashable.push({ tag: name, what: 'text with "<!--" and "<script", whose end the browser finds elsewhere' })
      script.add(cspHash(text))
    }
  }
  return { script: [...script], style: [...style], unhashable }
}

/** The attributes of a start tag whose name ends at `from`, and the index just after its `>`. */
function readAttributes(html: string, from: number): { attributes: Map<string, string>; end: number } {
  const attributes = new Map<string, string>()
  let at = from
  while (at < html.length && html[at] !== '>') {
    ATTRIBUTE.lastIndex = at
    const match = ATTRIBUTE.exec(html)
    if (!match || match[0] === '') {
      // Only "/" and whitespace before ">": the regex needs a name, so step over them.
      at += 1
      continue
    }
    const name = match[1].toLowerCase()
    // The first of two same-named attributes counts, as in the browser.
    if (!attributes.has(name)) attributes.set(name, match[2] ?? match[3] ?? match[4] ?? '')
    at = ATTRIBUTE.lastIndex
  }
  return { attributes, end: Math.min(at + 1, html.length) }
}

/** The path a built file is served at: `en/search/index.html` → `/en/search/`, `404.html` → `/404.html`. */
export function pagePath(file: string): string {
  const path = `/${file.split(sep).join('/')}`
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path
}

/**
 * Hashes every `*.html` under `outDir` and writes `<outDir>/_csp.json`. Returns the attributes no
 * hash can allow, per page, so the build can name them.
 */
export async function writeCspManifest(outDir: string): Promise<{ pages: number; unhashable: Record<string, Unhashable[]> }> {
  const manifest: CspManifest = {}
  const unhashable: Record<string, Unhashable[]> = {}
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true })
  const files = entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name)).sort()
  for (const file of files) {
    const path = pagePath(relative(outDir, file))
    const { unhashable: found, ...hashes } = inlineHashes(await readFile(file, 'utf8'))
    manifest[path] = hashes
    if (found.length > 0) unhashable[path] = found
  }
  await writeFile(join(outDir, CSP_MANIFEST), JSON.stringify(manifest))
  return { pages: files.length, unhashable }
}
