/** Build steps after Astro: bundle the widget, refuse broken internal links, index the pages with Pagefind, hash inline code for the CSP, keep what the build was made from. */
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises'
import { promisify } from 'node:util'
import zlib from 'node:zlib'
import { existsSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AstroIntegration } from 'astro'
import * as pagefind from 'pagefind'
import { LANGUAGES } from '#lib/language.ts'
import { inBatches } from '#lib/in-batches.ts'
import { brand, categories, desk, synonyms } from '../lib/config.ts'
import { deskDrift, deskFacts } from '../lib/desk-drift.ts'
import { vocabularyOf } from '../lib/search-words.ts'
import { buildWidget } from '../../widget/build.ts'
import { CSP_MANIFEST, writeCspManifest } from './csp-hashes.ts'
import { articleStateOf, readInputs, SEARCH_PAGES, writeState, type ArticleState, type BuildInputs, type BuildPaths } from './kb-state.ts'
import { writeSearchPages } from './search-pages.ts'

const gunzip = promisify(zlib.gunzip)
const brotli = promisify(zlib.brotliCompress)

export interface BrokenLink {
  /** The source file (for articles) or the built page that holds the link. */
  where: string
  line?: number
  href: string
}

/**
 * A full garbage collection, when the build runs with `--expose-gc` (as `npm run build` starts it).
 * Left alone, V8 let the heap grow past 1 GB before its first full collection at 5,000 articles,
 * while what lives between the steps (after the content sync, the server and client bundles, the
 * pages) is about 200 MB: the build's peak memory went from 1.4–1.8 GB to about 1.0 GB.
 */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.()
}

/** Astro integration: link check and Pagefind index, each failing the build with a clear message; then the CSP hashes. */
export function kbBuild(paths: BuildPaths): AstroIntegration {
  /** The sources as they were before Astro read them: a change made during the build is seen by the next. */
  let inputs: Promise<BuildInputs> | undefined
  const read = () => (inputs ??= readInputs(paths))
  return {
    name: 'loket-kb-build',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command !== 'build') return
        // Awaited (and so reported) by the steps that need them; a build that fails before then has its own error.
        read().catch(() => {})
      },
      // Before anything is built: an article that contradicts the desk is not worth building.
      'astro:build:start': async () => {
        const drifts = articleDrift(paths.articlesDir, (await read()).articles)
        if (drifts.length > 0) throw new Error(driftMessage(drifts))
      },
      // Between the build's steps, what the last one left is collected (see collectGarbage).
      'astro:build:setup': collectGarbage,
      'astro:build:ssr': collectGarbage,
      'astro:build:generated': collectGarbage,
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir)
        // Pages embed the widget, so it is written before the links are checked.
        const widget = await buildWidget(outDir, brand.colours)
        logger.info(`widget: loader ${widget.loader} B, app per language ${Object.entries(widget.apps.nl).map(([f, b]) => `${f} ${b} B`).join(', ')}`)
        const sources = await read()
        const searchPages = join(paths.cacheDir, SEARCH_PAGES)
        // One read of every page: its links are checked and its search copy written (Pagefind reads
        // the copies of the article pages, or every page when there is none).
        const exists = builtTargets(outDir)
        const brokenInPages: BrokenLink[] = []
        const copies = await writeSearchPages(outDir, searchPages, (page, html) => brokenInPages.push(...brokenPageLinksIn(exists, page, html)))
        const broken = [...brokenArticleLinks(exists, paths.articlesDir, sources.articles), ...brokenInPages.sort((a, b) => (a.where < b.where ? -1 : a.where > b.where ? 1 : 0))]
        if (broken.length > 0) throw new Error(brokenLinksMessage(broken))
        const articles = articleStates(sources)
        logger.info('indexing the search copies with Pagefind while hashing the pages for the CSP')
        const started = performance.now()
        // Side by side: Pagefind works in a process of its own while this one hashes, and neither changes a page.
        const [languages, csp] = await Promise.all([
          (async () => {
            const indexed = await indexPages(copies.length > 0 ? copies : [outDir], join(outDir, 'pagefind'))
            await brotliIndex(join(outDir, 'pagefind'))
            const vocabulary = await writeVocabularies(articles, join(outDir, 'pagefind'))
            logger.info(`did-you-mean vocabulary: ${Object.entries(vocabulary).map(([lang, n]) => `${lang} ${n} words`).join(', ')}`)
            return indexed
          })(),
          writeCspManifest(outDir),
        ])
        const counts = Object.entries(languages).map(([lang, n]) => `${lang}: ${n}`).join(', ')
        logger.info(`Pagefind indexed ${Object.values(languages).reduce((a, b) => a + b, 0)} pages (${counts}), and the CSP hashes of ${csp.pages} pages are in ${CSP_MANIFEST}, in ${Math.round(performance.now() - started)} ms`)
        const unhashable = Object.entries(csp.unhashable)
        if (unhashable.length > 0) {
          const lines = unhashable.map(([page, found]) => `  - ${page}: ${[...new Set(found.map((f) => `<${f.tag}> ${f.what}`))].join(', ')}`)
          logger.warn(`The Content-Security-Policy will block these, which no hash can allow:\n${lines.join('\n')}\nMove the style into a stylesheet or the handler into a script.`)
        }
        // Last: a build that stops before here leaves no state, and the next build is a full one.
        if (copies.length > 0) await writeState(paths, { site: sources.site, articles })
      },
    },
  }
}

/** Indexes the pages under each of `pagesDirs` (URLs relative to it) into `indexDir`, one index per `<html lang>`; returns pages per language. */
export async function indexPages(pagesDirs: readonly string[], indexDir: string): Promise<Record<string, number>> {
  const { index, errors } = await pagefind.createIndex({})
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`)
  try {
    for (const path of pagesDirs) {
      const added = await index.addDirectory({ path })
      if (added.errors.length) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`)
    }
    const written = await index.writeFiles({ outputPath: indexDir })
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`)
    const entry = JSON.parse(await readFile(join(indexDir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> }
    return Object.fromEntries(Object.entries(entry.languages).map(([lang, info]) => [lang, info.page_count]))
  } finally {
    await pagefind.close()
  }
}

/** Every article's state, by path under the articles folder. */
export function articleStates(inputs: BuildInputs): Record<string, ArticleState> {
  return Object.fromEntries([...inputs.articles].map(([path, text]) => [path, articleStateOf(path, text, categories)]))
}

/**
 * Writes `vocabulary-<lang>.json` beside the index: the words of the articles' titles, tags,
 * aliases and headings and of the everyday word list, most used first, for did-you-mean.
 * Returns the number of words per language.
 */
export async function writeVocabularies(articles: Record<string, ArticleState>, pagefindDir: string): Promise<Record<string, number>> {
  const texts: Record<string, string[]> = Object.fromEntries(LANGUAGES.map((lang) => [lang, synonyms[lang].flatMap((s) => [s.product, ...s.everyday])]))
  for (const [path, article] of Object.entries(articles)) texts[path.split('/')[0]]?.push(...article.words)
  const counts: Record<string, number> = {}
  for (const [lang, list] of Object.entries(texts)) {
    const words = vocabularyOf(list)
    await writeFile(join(pagefindDir, `vocabulary-${lang}.json`), JSON.stringify(words))
    counts[lang] = words.length
  }
  return counts
}

type Drift = ReturnType<typeof deskDrift>[number] & { where: string }

/** The build's error for articles that contradict desk.yaml. */
export function driftMessage(drifts: readonly Drift[]): string {
  const lines = drifts.map((d) => `  - ${d.where}:${d.line} states “${d.found}”; expected ${d.expected}`)
  return `Articles contradict content/desk.yaml:\n${lines.join('\n')}\nUse the component or correct the figure.`
}

/** The build's error for links that lead nowhere. */
export function brokenLinksMessage(broken: readonly BrokenLink[]): string {
  const lines = broken.map((b) => `  - ${b.where}${b.line ? `:${b.line}` : ''} links to ${b.href}, which does not exist`)
  return `Broken internal links:\n${lines.join('\n')}\nFix the link or add the page it points to.`
}

/** Where an article stands in the build's messages: its path from the project root. */
export function articleWhere(articlesDir: string, path: string): string {
  return relative(process.cwd(), join(articlesDir, path))
}

/** Statements in the articles (by path under `articlesDir`) that disagree with desk.yaml (hours, phone, targets), with file and line. */
export function articleDrift(articlesDir: string, articles: Iterable<readonly [string, string]>): Drift[] {
  const facts = deskFacts(desk)
  const found: Drift[] = []
  for (const [path, text] of articles) {
    for (const drift of deskDrift(text, facts)) found.push({ ...drift, where: articleWhere(articlesDir, path) })
  }
  return found
}

/** Pagefind's own files that are worth a brotli copy: the script, the wasm, meta, index and filter chunks. */
const BROTLI_WORTHY = /^(pagefind\.js|pagefind-entry\.json|wasm\.[a-z-]+\.pagefind|.*\.pf_(meta|index|filter))$/

/**
 * Writes a brotli copy beside Pagefind's gzip files (or takes it from `earlierDir`, an earlier index, where the file is the same there), served when the browser accepts br. Pagefind
 * takes data that the browser already decompressed (it starts with Pagefind's signature), and
 * brotli is about a fifth smaller than gzip on the wasm and the index. Fragments stay as they
 * are: they are small and many, and brotli would gain little for the build time it costs.
 */
export async function brotliIndex(pagefindDir: string, earlierDir?: string): Promise<void> {
  const files = (await readdir(pagefindDir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && BROTLI_WORTHY.test(e.name))
    .map((e) => join(e.parentPath, e.name))
  // A few at a time: all at once held every chunk in memory together, half a gigabyte at 5,000 articles.
  await inBatches(files, 4, async (file) => {
    // Taken over with its brotli copy (an update keeps the languages it did not change).
    if (existsSync(`${file}.br`)) return
    const stored = await readFile(file)
    // A file an earlier index holds unchanged (most chunks are named by their content) keeps its brotli copy.
    const earlier = earlierDir && join(earlierDir, relative(pagefindDir, file))
    if (earlier && existsSync(`${earlier}.br`) && stored.equals(await readFile(earlier).catch(() => Buffer.alloc(0)))) {
      await copyFile(`${earlier}.br`, `${file}.br`)
      return
    }
    const isGzip = stored[0] === 0x1f && stored[1] === 0x8b
    const raw = isGzip ? await gunzip(stored) : stored
    // The best quality only for the few files every search needs; the many index chunks get a
    // quality that compresses almost as well in a fraction of the build time.
    const quality = /\.pf_(index|filter)$/.test(file) ? 6 : 11
    const compressed = await brotli(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: quality, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
    await writeFile(`${file}.br`, compressed)
  })
}


const MARKDOWN_LINK = /\]\((\/[^)\s]*)|href="(\/[^"]*)"/g

/** Root-relative links in the articles (by path under `articlesDir`) whose target was not built, with file and line. */
export function brokenArticleLinks(exists: (href: string) => boolean, articlesDir: string, articles: Iterable<readonly [string, string]>): BrokenLink[] {
  return [...articles].flatMap(([path, text]) => brokenLinksIn(exists, articleWhere(articlesDir, path), text))
}

/** Root-relative links in one article's source (`where` names it) whose target was not built. */
export function brokenLinksIn(exists: (href: string) => boolean, where: string, source: string): BrokenLink[] {
  const broken: BrokenLink[] = []
  source.split('\n').forEach((text, i) => {
    for (const match of text.matchAll(MARKDOWN_LINK)) {
      const href = match[1] ?? match[2]
      if (!exists(href)) broken.push({ where, line: i + 1, href })
    }
  })
  return broken
}

const HTML_LINK = /\s(?:href|src)="(\/(?!\/)[^"]*)"/g

/** The root-relative links and sources of one built page (`page`, relative to the output folder) that lead nowhere, each once. */
export function brokenPageLinksIn(exists: (href: string) => boolean, page: string, html: string): BrokenLink[] {
  const broken = new Map<string, BrokenLink>()
  for (const match of html.matchAll(HTML_LINK)) {
    const href = match[1].replaceAll('&amp;', '&')
    if (href.startsWith('/pagefind/') || href.startsWith('/api/') || href === '/widget.js') continue
    if (!exists(href)) broken.set(href, { where: page, href })
  }
  return [...broken.values()]
}

/** Whether a root-relative link's target was built into `outDir`; each path is looked up once (every page links the same menu). */
export function builtTargets(outDir: string): (href: string) => boolean {
  const known = new Map<string, boolean>()
  return (href) => {
    const path = decodeURIComponent(href.split(/[?#]/)[0])
    let found = known.get(path)
    if (found === undefined) {
      found = path.endsWith('/')
        ? existsSync(join(outDir, path, 'index.html'))
        : existsSync(join(outDir, path)) || existsSync(join(outDir, path, 'index.html')) || existsSync(join(outDir, `${path}.html`))
      known.set(path, found)
    }
    return found
  }
}
