/** Content-Security-Policy hashes of the inline scripts and styles in built pages, written as one manifest for the server. */
import { createHash } from 'node:crypto'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { Tokenizer, TokenizerMode, type Token } from 'parse5'
import { CSP_MANIFEST, type CspManifest, type InlineHashes } from '#lib/csp-manifest.ts'

export { CSP_MANIFEST, type CspManifest, type InlineHashes }

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

/** Elements whose content is text up to their own end tag, and the tokenizer state HTML reads it in. */
const TEXT_MODES: Record<string, (typeof TokenizerMode)[keyof typeof TokenizerMode]> = {
  script: TokenizerMode.SCRIPT_DATA,
  style: TokenizerMode.RAWTEXT, xmp: TokenizerMode.RAWTEXT, iframe: TokenizerMode.RAWTEXT,
  noembed: TokenizerMode.RAWTEXT, noframes: TokenizerMode.RAWTEXT, noscript: TokenizerMode.RAWTEXT,
  textarea: TokenizerMode.RCDATA, title: TokenizerMode.RCDATA,
  plaintext: TokenizerMode.PLAINTEXT,
}

/**
 * Finds what a page's CSP must allow with parse5's tokenizer, the HTML standard's: comments,
 * attributes holding `>` and the text of raw text elements (script, style, textarea…) are read
 * as the browser reads them. Returns the hashes of inline scripts (no `src`) and style elements,
 * in document order, and the attributes no hash can allow (`style`, `on…` handlers).
 * The tokenizer without the tree builder, as parse5's SAX parser does it: about twice as fast as the tree,
 * and the same on every built page; a `<style>` inside `<svg>` (not raw text there) is not expected.
 */
export function inlineHashes(html: string): InlineHashes & { unhashable: Unhashable[] } {
  const script = new Set<string>()
  const style = new Set<string>()
  const unhashable: Unhashable[] = []
  let open: { name: string; hasSrc: boolean; text: string } | undefined
  const text = (token: Token.CharacterToken) => {
    if (open) open.text += token.chars
  }
  const tokenizer: Tokenizer = new Tokenizer({}, {
    onCharacter: text,
    onWhitespaceCharacter: text,
    onNullCharacter: text,
    onComment() {},
    onDoctype() {},
    onEof() {
      if (open) close()
    },
    onStartTag(tag) {
      // The tokenizer lowercases attribute names and keeps the first of two same-named ones, as the browser does.
      for (const { name } of tag.attrs) {
        if (name === 'style' || name.startsWith('on')) unhashable.push({ tag: tag.tagName, what: `${name} attribute` })
      }
      const mode = TEXT_MODES[tag.tagName]
      if (mode === undefined) return
      // What the tree builder would do: the element's text is read in its own state up to its end tag.
      tokenizer.state = mode
      open = { name: tag.tagName, hasSrc: tag.attrs.some((a) => a.name === 'src'), text: '' }
    },
    onEndTag(tag) {
      if (open && tag.tagName === open.name) close()
    },
  })
  /** Hashes the element whose text just ended (at its end tag, or at the end of the file). */
  const close = () => {
    const element = open!
    open = undefined
    if (element.name === 'style') style.add(cspHash(element.text))
    if (element.name === 'script' && !element.hasSrc) {
      // "<!--" then "<script" inside a script puts the tokenizer in its escaped states: a slight
      // edit moves the script's end, so the build names it rather than trusting the hash.
      if (element.text.includes('<!--') && /<script/i.test(element.text)) unhashable.push({ tag: 'script', what: 'text with "<!--" and "<script", whose end the browser finds elsewhere' })
      script.add(cspHash(element.text))
    }
  }
  tokenizer.write(html, true)
  return { script: [...script], style: [...style], unhashable }
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
