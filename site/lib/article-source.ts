/**
 * An article file's parts without Astro's Markdown pipeline (whose import alone takes most of a
 * second): the frontmatter block split off exactly as `@astrojs/markdown-remark`'s parseFrontmatter
 * splits it and read by the same YAML parser (js-yaml, five times as fast as yaml on 5,000 files),
 * and the entry id Astro's glob loader gives the file. For the build's own bookkeeping
 * (site/integrations/kb-state.ts); the articles loader validates with the collection's schema.
 */
import { existsSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { slug as githubSlug } from 'github-slugger'
import yaml from 'js-yaml'

/** A `---` (or `+++`) block at the very start of the file, after a byte order mark or blank lines only. */
const FRONTMATTER = /(?:^\uFEFF?|^\s*\n)(?:---|\+\+\+)([\s\S]*?\n)(?:---|\+\+\+)/

export interface ArticleSource {
  /** The frontmatter as written, between its delimiters ('' without one). */
  raw: string
  /** The Markdown after it, trimmed: what the articles loader renders. */
  body: string
}

/** The frontmatter block and the body of an article file. */
export function splitArticle(text: string): ArticleSource {
  const match = FRONTMATTER.exec(text)
  if (!match) return { raw: '', body: text.trim() }
  return { raw: match[1], body: text.slice(match.index + match[0].length).trim() }
}

/** The frontmatter's fields; throws on YAML that does not read as a mapping. */
export function frontmatterOf(source: ArticleSource): Record<string, unknown> {
  const data = source.raw === '' ? {} : yaml.load(source.raw)
  if (data === null || data === undefined) return {}
  if (typeof data !== 'object' || Array.isArray(data)) throw new Error('the frontmatter is not a list of fields')
  return data as Record<string, unknown>
}

/** Which files under the articles folder are articles: `<lang>/<category>/….md(x)`, by `/`-separated path. */
export function articlePathPattern(languages: readonly string[]): RegExp {
  return new RegExp(`^(${languages.join('|')})/[^/]+/.+\\.mdx?$`)
}

/**
 * The articles under `dir` (`<lang>/<category>/….md(x)`), as sorted `/`-separated paths relative
 * to it, skipping hidden files and folders (editors' swap files, .git).
 */
export async function articleFiles(dir: string, languages: readonly string[]): Promise<string[]> {
  if (!existsSync(dir)) return []
  const isArticle = articlePathPattern(languages)
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((path) => isArticle.test(path) && !path.split('/').some((segment) => segment.startsWith('.')))
    .sort()
}

/** The entry id Astro's glob loader gives a file: each path segment slugged, the extension and a trailing `/index` dropped. */
export function idOf(entry: string): string {
  return entry.replace(/\.mdx?$/, '').split('/').map((segment) => githubSlug(segment)).join('/').replace(/\/index$/, '')
}
