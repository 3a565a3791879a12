/**
 * `npm run build` when only article bodies changed: each changed `.md` article's page gets its new
 * table of contents and body between their comments, its search copy is renewed, Pagefind indexes
 * the kept copies into a fresh folder that replaces the old one, and only index files that changed
 * get a new brotli copy. Everything the full build checks of an article is checked here too (desk
 * facts, links, relative images); anything else that changed (an added, removed or MDX article, a
 * frontmatter, the site's code, desk.yaml, dependencies, environment) needs the full build.
 */
import { existsSync } from 'node:fs'
import { copyFile, link, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import { inBatches } from '#lib/in-batches.ts'
import type { Language } from '#lib/language.ts'
import { categories } from '../lib/config.ts'
import { relativeImagesMessage, renderMarkdown } from '../lib/markdown.ts'
import { replaceArticleParts, tocHtml } from '../lib/article-page.ts'
import { splitArticle } from '../lib/article-source.ts'
import { CSP_MANIFEST, inlineHashes, pagePath, type CspManifest } from './csp-hashes.ts'
import { articleDrift, articleWhere, brokenLinksIn, brokenLinksMessage, builtTargets, brokenPageLinksIn, brotliIndex, driftMessage, indexPages, writeVocabularies, type BrokenLink } from './kb-build.ts'
import { articleStateOf, digestOf, readInputs, readState, SEARCH_PAGES, writeAtomically, writeState, type ArticleState, type BuildPaths } from './kb-state.ts'
import { writeSearchPage } from './search-pages.ts'

/** Milliseconds per step of an update, in order, for the log and the benchmark. */
export type Steps = [step: string, ms: number][]

export type UpdateResult =
  | { kind: 'unchanged' }
  | { kind: 'updated'; articles: string[]; pages: number; steps: Steps }
  /** The full build is needed, and why, in words for the log. */
  | { kind: 'full'; reason: string }

/** A changed article that fails a check the full build makes: the build stops with the same message. */
export class ArticleError extends Error {}

/** Brings the output up to date with the articles when only bodies of `.md` articles changed. */
export async function updateKb(paths: BuildPaths, log: (line: string) => void = () => {}): Promise<UpdateResult> {
  const steps: Steps = []
  let mark = performance.now()
  const step = (name: string) => {
    const now = performance.now()
    steps.push([name, now - mark])
    mark = now
  }
  const state = await readState(paths)
  if (!state) return { kind: 'full', reason: 'there is no earlier build of this output folder to update' }
  const inputs = await readInputs(paths)
  if (inputs.site !== state.site) return { kind: 'full', reason: 'the site, its configuration (content/*.yaml), its dependencies or the build environment changed' }
  for (const path of Object.keys(state.articles)) {
    if (!inputs.articles.has(path)) return { kind: 'full', reason: `${path} was removed` }
  }
  const changed: { path: string; text: string; state: ArticleState; body: string }[] = []
  for (const [path, text] of inputs.articles) {
    const before = state.articles[path]
    if (!before) return { kind: 'full', reason: `${path} was added` }
    if (digestOf(text) === before.digest) continue
    let now: ArticleState
    try {
      now = articleStateOf(path, text, categories)
    } catch (error) {
      return { kind: 'full', reason: `${path} cannot be read here (${(error as Error).message}); the full build says what is wrong` }
    }
    if (path.endsWith('.mdx')) return { kind: 'full', reason: `${path} is MDX, which only the full build renders` }
    if (now.frontmatter !== before.frontmatter) return { kind: 'full', reason: `the frontmatter of ${path} changed (lists and other pages show it)` }
    changed.push({ path, text, state: now, body: splitArticle(text).body })
  }
  if (changed.length === 0) return { kind: 'unchanged' }
  step('compare sources')

  const drifts = articleDrift(paths.articlesDir, changed.map((a) => [a.path, a.text] as const))
  if (drifts.length > 0) throw new ArticleError(driftMessage(drifts))
  const pages = new Map<string, string>()
  const broken: BrokenLink[] = []
  const exists = builtTargets(paths.outDir)
  for (const article of changed) {
    const page = article.state.page
    if (!page) continue
    const where = articleWhere(paths.articlesDir, article.path)
    const { html, headings, relativeImages } = renderMarkdown(article.body)
    if (relativeImages.length > 0) throw new ArticleError(relativeImagesMessage(where, relativeImages))
    const built = await readFile(join(paths.outDir, page), 'utf8').catch(() => undefined)
    const patched = built === undefined ? undefined : replaceArticleParts(built, { toc: tocHtml(article.path.split('/')[0] as Language, headings), body: html })
    if (patched === undefined) return { kind: 'full', reason: `the page of ${article.path} (${page}) is not one this build wrote` }
    broken.push(...brokenLinksIn(exists, where, article.text), ...brokenPageLinksIn(exists, page, patched))
    pages.set(page, patched)
  }
  if (broken.length > 0) throw new ArticleError(brokenLinksMessage(broken))

  // A body's HTML holds no inline script or style, so the pages' hashes stand, and a running server's policies with them.
  const manifest = JSON.parse(await readFile(join(paths.outDir, CSP_MANIFEST), 'utf8')) as CspManifest
  for (const [page, html] of pages) {
    const { unhashable: _, ...hashes } = inlineHashes(html)
    if (JSON.stringify(hashes) !== JSON.stringify(manifest[pagePath(page)])) {
      return { kind: 'full', reason: `the new text of ${page} changes what its Content-Security-Policy must allow` }
    }
  }

  step('render and check')
  const searchPages = join(paths.cacheDir, SEARCH_PAGES)
  const languages = new Set<string>()
  for (const [page, html] of pages) {
    await writeAtomically(join(paths.outDir, page), html)
    const lang = await writeSearchPage(searchPages, page, html)
    if (lang) languages.add(lang)
  }
  step('write pages')
  const articles = { ...state.articles, ...Object.fromEntries(changed.map((a) => [a.path, a.state])) }
  // Drafts have no page, no search entry and no words: a change to one alone leaves the index as it is.
  if (languages.size > 0) await replaceIndex(paths, [...languages].sort().map((lang) => join(searchPages, lang)), articles, step)
  await writeState(paths, { build: state.build, site: state.site, articles })
  step('write state')
  log(`updated ${changed.length} article(s): ${changed.map((a) => a.path).join(', ')}`)
  log(`steps: ${steps.map(([name, ms]) => `${name} ${(ms / 1000).toFixed(2)} s`).join(' · ')}`)
  return { kind: 'updated', articles: changed.map((a) => a.path), pages: pages.size, steps }
}

/**
 * Indexes the search copies of the changed languages into a new folder beside the index, takes the
 * other languages' files over from the current index, reuses the brotli copies of files that did
 * not change, and swaps the new folder in.
 */
async function replaceIndex(paths: BuildPaths, languageDirs: readonly string[], articles: Record<string, ArticleState>, step: (name: string) => void): Promise<void> {
  const current = join(paths.outDir, 'pagefind')
  const next = join(paths.outDir, 'pagefind.next')
  const old = join(paths.outDir, 'pagefind.old')
  await rm(next, { recursive: true, force: true })
  await indexPages(languageDirs, next)
  step('Pagefind')
  await keepLanguages(current, next)
  step('other languages')
  await brotliIndex(next, current)
  step('brotli')
  await writeVocabularies(articles, next)
  await rm(old, { recursive: true, force: true })
  if (existsSync(current)) await rename(current, old)
  await rename(next, current)
  await rm(old, { recursive: true, force: true })
  step('vocabulary and swap')
}

/** Pagefind's index of one language: its entry in pagefind-entry.json. */
interface PagefindEntry {
  languages: Record<string, { hash: string; wasm: string; page_count: number }>
}

/**
 * Makes `next` (an index of some languages) an index of every language: the files of the
 * languages `current` has and `next` lacks are linked over with their brotli copies, and
 * pagefind-entry.json lists them again. Pagefind names each language's files by it
 * (`fragment/nl_….pf_fragment`, `pagefind.nl_….pf_meta`, `wasm.nl.pagefind`); a build test holds
 * the result to a full build's index, byte for byte.
 */
async function keepLanguages(current: string, next: string): Promise<void> {
  const readEntry = async (dir: string) => JSON.parse(await readFile(join(dir, 'pagefind-entry.json'), 'utf8')) as PagefindEntry
  const [before, after] = await Promise.all([readEntry(current), readEntry(next)])
  const kept = Object.keys(before.languages).filter((lang) => !(lang in after.languages))
  if (kept.length === 0) return
  const belongs = new RegExp(`^(?:pagefind\\.)?(?:${kept.map(escapeRegExp).join('|')})_[0-9a-f]+\\.pf_[a-z]+(?:\\.br)?$|^wasm\\.(?:${kept.map((lang) => escapeRegExp(before.languages[lang].wasm)).join('|')})\\.pagefind(?:\\.br)?$`)
  const files = (await readdir(current, { recursive: true, withFileTypes: true })).filter((e) => e.isFile() && belongs.test(e.name))
  await inBatches(files, 16, async (e) => {
    const to = join(next, relative(current, join(e.parentPath, e.name)))
    if (existsSync(to)) return
    await mkdir(dirname(to), { recursive: true })
    // The old folder is removed after the swap, not rewritten: the new one can share its files.
    await link(join(e.parentPath, e.name), to).catch(() => copyFile(join(e.parentPath, e.name), to))
  })
  const languages = Object.fromEntries(Object.entries({ ...after.languages, ...Object.fromEntries(kept.map((lang) => [lang, before.languages[lang]])) }).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  await writeFile(join(next, 'pagefind-entry.json'), JSON.stringify({ ...after, languages }))
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
