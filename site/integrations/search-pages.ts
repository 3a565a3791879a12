/**
 * What Pagefind reads of a built page, kept beside the build: a page with `data-pagefind-body`
 * indexes only that element (and its `<html lang>`), so Pagefind is given just that. It indexes
 * 5,000 article pages from these copies in less time than from the pages, and an update of one
 * article gives it one new copy instead of reading every page again.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import { inBatches } from '#lib/in-batches.ts'

/**
 * The page as Pagefind sees it: `<html lang>` and the element marked `data-pagefind-body`, and
 * that language; undefined for a page without one (Pagefind skips those once any page has one).
 * @example searchPageOf('<html lang="nl">…<article data-pagefind-body>…</article>…') // { lang: 'nl', html: '<!DOCTYPE html><html lang="nl">…' }
 */
export function searchPageOf(html: string): { lang: string; html: string } | undefined {
  const marked = html.indexOf('data-pagefind-body')
  if (marked < 0) return undefined
  const start = html.lastIndexOf('<', marked)
  const tag = /^<([a-z][a-z0-9-]*)/i.exec(html.slice(start))?.[1]
  if (!tag) return undefined
  const end = closingTagEnd(html, tag, start)
  const lang = /<html\b[^>]*?\slang="([a-z]{2,3}(?:-[a-z0-9]+)*)"/i.exec(html)?.[1]
  if (end === undefined || lang === undefined) return undefined
  return { lang, html: `<!DOCTYPE html><html lang="${lang}"><head></head><body>${html.slice(start, end)}</body></html>` }
}

/** Where the element opened at `start` ends (after its end tag), counting elements of the same name inside it. */
function closingTagEnd(html: string, tag: string, start: number): number | undefined {
  const pattern = new RegExp(`<(/?)${tag}(?=[\\s>/])[^>]*>`, 'gi')
  pattern.lastIndex = start
  let depth = 0
  for (let match = pattern.exec(html); match; match = pattern.exec(html)) {
    depth += match[1] ? -1 : 1
    if (depth === 0) return match.index + match[0].length
  }
  return undefined
}

/**
 * Writes the search copy of every built page that has one into `pagesDir` (emptied first), a
 * folder per language (`<lang>/<page>`), so that an update indexes only the languages it changed;
 * returns the language folders written. `visit` sees every page as it is read (the build checks its
 * links in the same pass), `page` relative to `outDir`.
 */
export async function writeSearchPages(outDir: string, pagesDir: string, visit: (page: string, html: string) => void = () => {}): Promise<string[]> {
  await rm(pagesDir, { recursive: true, force: true })
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true })
  const files = entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name))
  const languages = new Set<string>()
  await inBatches(files, 16, async (file) => {
    const page = relative(outDir, file)
    const html = await readFile(file, 'utf8')
    visit(page, html)
    const lang = await writeSearchPage(pagesDir, page, html)
    if (lang) languages.add(lang)
  })
  return [...languages].sort().map((lang) => join(pagesDir, lang))
}

/**
 * Writes the search copy of one page, `page` relative to the output folder; returns its language,
 * or undefined (and removes an earlier copy) when the page has none.
 */
export async function writeSearchPage(pagesDir: string, page: string, html: string): Promise<string | undefined> {
  const copy = searchPageOf(html)
  if (copy === undefined) {
    for (const lang of await readdir(pagesDir).catch(() => [] as string[])) await rm(join(pagesDir, lang, page), { force: true })
    return undefined
  }
  const path = join(pagesDir, copy.lang, page)
  await mkdir(dirname(path), { recursive: true })
  await writeFile(path, copy.html)
  return copy.lang
}
