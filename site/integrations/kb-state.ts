/**
 * What a KB build was made from, kept in its cache folder: a digest of everything it read besides
 * the articles, and per article its digest, its frontmatter's digest, its page and its
 * did-you-mean words. The next `npm run build` compares the sources with it to tell whether only
 * article bodies changed (site/integrations/kb-update.ts), and builds in full otherwise.
 */
import { createHash, randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname, join, relative, resolve } from 'node:path'
import { LANGUAGES, type Language } from '#lib/language.ts'
import { articleUrl } from '#lib/paths.ts'
import { articleFiles, frontmatterOf, idOf, splitArticle } from '../lib/article-source.ts'
import type { Category } from '../schemas/category.ts'

/** The folders a build reads and writes, from the same environment `astro.config.mjs` reads. */
export interface BuildPaths {
  root: string
  contentDir: string
  articlesDir: string
  outDir: string
  cacheDir: string
}

/** The build's folders, absolute; the defaults are the project's own `content`, `dist` and `node_modules/.astro`. */
export function buildPaths(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): BuildPaths {
  const contentDir = resolve(root, env.LOKET_CONTENT_DIR ?? 'content')
  return {
    root,
    contentDir,
    articlesDir: resolve(root, env.LOKET_ARTICLES_DIR ?? join(contentDir, 'articles')),
    outDir: resolve(root, env.LOKET_OUT_DIR ?? 'dist'),
    cacheDir: resolve(root, env.LOKET_CACHE_DIR ?? 'node_modules/.astro'),
  }
}

/** Where the state is kept (cache folder), its stamp in the output (same build id: the output is the one it describes), and Pagefind's copies. */
export const STATE_FILE = 'loket-kb-build.json'
export const STAMP_FILE = '_build.json'
export const SEARCH_PAGES = 'loket-search-pages'

/** What the project's build reads besides the articles: code, desk.yaml and its neighbours, dependencies. */
const SITE_SOURCES = ['site', 'lib', 'server', 'widget', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json']
/** The environment the build reads (astro.config.mjs, site/lib/config.ts). */
const BUILD_ENVIRONMENT = ['BASE_URL', 'PORT', 'LOKET_CONTENT_DIR', 'LOKET_ARTICLES_DIR', 'LOKET_OUT_DIR', 'LOKET_CACHE_DIR']

export interface ArticleState {
  /** Of the whole file. */
  digest: string
  /** Of the frontmatter as written: the title, category, tags… that lists and other pages show. */
  frontmatter: string
  /** The built page, relative to the output folder; none for a draft. */
  page?: string
  /** Title, tags, aliases and headings: what the did-you-mean vocabulary is made of; none for a draft. */
  words: string[]
}

export interface BuildState {
  version: typeof STATE_VERSION
  /** The build this describes, also in the output folder's stamp. */
  build: string
  /** Digest of the sources besides the articles and of the environment. */
  site: string
  /** By path under the articles folder, `nl/support/incident-melden.md`. */
  articles: Record<string, ArticleState>
}
const STATE_VERSION = 1

/** The sources as they are now: the site's digest and every article's text by path. */
export interface BuildInputs {
  site: string
  articles: Map<string, string>
}

/** Reads the inputs: every article's text, and a digest of the site's sources (no test files) and environment. */
export async function readInputs(paths: BuildPaths, env: NodeJS.ProcessEnv = process.env): Promise<BuildInputs> {
  const [site, articles] = await Promise.all([siteDigest(paths, env), readArticles(paths.articlesDir)])
  return { site, articles }
}

async function siteDigest(paths: BuildPaths, env: NodeJS.ProcessEnv): Promise<string> {
  const skip = (path: string) => path === paths.articlesDir || path === paths.outDir || path === paths.cacheDir
  const sources = [...SITE_SOURCES.map((s) => join(paths.root, s)), paths.contentDir]
  const files = (await Promise.all(sources.map((s) => filesUnder(s, skip)))).flat()
  const hash = createHash('sha256')
  for (const name of BUILD_ENVIRONMENT) hash.update(`${name}=${env[name] ?? ''}\n`)
  for (const file of [...new Set(files)].sort()) {
    if (/\.test\.tsx?$/.test(file)) continue
    hash.update(`${relative(paths.root, file)}\n`).update(await readFile(file)).update('\n')
  }
  return hash.digest('base64url')
}

/** Files under `path` (or `path` itself), skipping hidden ones, node_modules and what `skip` names. */
async function filesUnder(path: string, skip: (path: string) => boolean): Promise<string[]> {
  if (!existsSync(path) || skip(path)) return []
  const entries = await readdir(path, { withFileTypes: true }).catch(() => undefined)
  if (!entries) return [path]
  const nested = await Promise.all(entries
    .filter((e) => !e.name.startsWith('.') && e.name !== 'node_modules')
    .map((e) => (e.isDirectory() ? filesUnder(join(path, e.name), skip) : e.isFile() ? Promise.resolve([join(path, e.name)]) : Promise.resolve([]))))
  return nested.flat()
}

/** The articles the build reads (`<lang>/<category>/….md(x)`), by `/`-separated path. */
export async function readArticles(articlesDir: string): Promise<Map<string, string>> {
  const paths = await articleFiles(articlesDir, LANGUAGES)
  const texts = await Promise.all(paths.map((path) => readFile(join(articlesDir, path), 'utf8')))
  return new Map(paths.map((path, i) => [path, texts[i]]))
}

export function digestOf(text: string): string {
  return createHash('sha256').update(text).digest('base64url')
}

/**
 * An article's state from its text. The page follows the URL scheme of the article routes:
 * `<category slug>/<slug>/` under the language's prefix.
 */
export function articleStateOf(path: string, text: string, categories: readonly Category[]): ArticleState {
  const source = splitArticle(text)
  const data = frontmatterOf(source) as { title?: string; category?: string; tags?: string[]; aliases?: string[]; draft?: boolean }
  const state: ArticleState = { digest: digestOf(text), frontmatter: digestOf(source.raw), words: [] }
  if (data.draft) return state
  const [lang, , ...rest] = idOf(path).split('/')
  const category = categories.find((c) => c.key === data.category)
  if (category) state.page = `${articleUrl(lang as Language, category, rest.join('/')).slice(1)}index.html`
  const headings = [...source.body.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => m[1])
  state.words = [data.title ?? '', ...(data.tags ?? []), ...(data.aliases ?? []), ...headings]
  return state
}

/** The kept state, if the output folder is still the build it describes. */
export async function readState(paths: BuildPaths): Promise<BuildState | undefined> {
  const state = await readJson<BuildState>(join(paths.cacheDir, STATE_FILE))
  const stamp = await readJson<{ build: string }>(join(paths.outDir, STAMP_FILE))
  if (state?.version !== STATE_VERSION || !stamp || stamp.build !== state.build) return undefined
  return state
}

/** Writes the state and the output's stamp; a full build gives a new build id. */
export async function writeState(paths: BuildPaths, state: Omit<BuildState, 'version' | 'build'> & { build?: string }): Promise<BuildState> {
  const written: BuildState = { version: STATE_VERSION, build: state.build ?? randomUUID(), site: state.site, articles: state.articles }
  await writeAtomically(join(paths.cacheDir, STATE_FILE), JSON.stringify(written))
  await writeAtomically(join(paths.outDir, STAMP_FILE), JSON.stringify({ build: written.build }))
  return written
}

/** Writes through a temporary file and a rename, so a reader sees the old file or the new one, never half of one. */
export async function writeAtomically(path: string, data: string | Buffer): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  const temporary = `${path}.${process.pid}.tmp`
  await writeFile(temporary, data)
  await rename(temporary, path)
}

async function readJson<T>(path: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T
  } catch {
    return undefined
  }
}
