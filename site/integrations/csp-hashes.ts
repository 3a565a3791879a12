/** Content-Security-Policy hashes of the inline scripts and styles in built pages, written as one manifest for the server. */
import { createHash } from 'node:crypto'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { parse, type DefaultTreeAdapterTypes } from 'parse5'
import { CSP_MANIFEST, type CspManifest, type InlineHashes } from '#lib/csp-manifest.ts'

export { CSP_MANIFEST, type CspManifest, type InlineHashes }

type Element = DefaultTreeAdapterTypes.Element
type ParentNode = DefaultTreeAdapterTypes.ParentNode

/** What a page holds that its hashes cannot allow, e.g. `style="color:red"` on `<pre>`. */
export interface Unhashable {
  /** The element, e.g. `pre`. */
  tag: string
  /** In words, for the build log: `style attribute`, `onclick attribute`, or an escaped script. */
  what: string
}

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
 * Finds what a page's CSP must allow the way the browser does, with parse5 (the HTML standard's
 * parser): comments, attributes holding `>` and raw text elements (script, style, textarea…)
 * are read as the browser reads them. Returns the hashes of inline scripts (no `src`) and style
 * elements, in document order, and the attributes no hash can allow (`style`, `on…` handlers).
 */
export function inlineHashes(html: string): InlineHashes & { unhashable: Unhashable[] } {
  const script = new Set<string>()
  const style = new Set<string>()
  const unhashable: Unhashable[] = []
  const visit = (node: ParentNode): void => {
    for (const child of node.childNodes) {
      if (!('tagName' in child)) continue
      const name = child.tagName
      // parse5 lowercases attribute names and keeps the first of two same-named ones, as the browser does.
      for (const { name: attribute } of child.attrs) {
        if (attribute === 'style' || attribute.startsWith('on')) unhashable.push({ tag: name, what: `${attribute} attribute` })
      }
      if (name === 'style') style.add(cspHash(textOf(child)))
      if (name === 'script' && !child.attrs.some((a) => a.name === 'src')) {
        const text = textOf(child)
        // "<!--" then "<script" inside a script puts the tokenizer in its escaped states: a slight
        // edit moves the script's end, so the build names it rather than trusting the hash.
        if (text.includes('<!--') && /<script/i.test(text)) unhashable.push({ tag: name, what: 'text with "<!--" and "<script", whose end the browser finds elsewhere' })
        script.add(cspHash(text))
      }
      visit(child)
      // A template's children live in its content fragment; cloned into the page they run too.
      if (name === 'template' && 'content' in child) visit(child.content as ParentNode)
    }
  }
  visit(parse(html))
  return { script: [...script], style: [...style], unhashable }
}

/** The text of a raw text element (script, style): its text nodes, joined. */
function textOf(element: Element): string {
  return element.childNodes.map((n) => ('value' in n && n.nodeName === '#text' ? n.value : '')).join('')
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
