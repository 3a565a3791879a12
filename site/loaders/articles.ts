/** The articles collection's loader: `.md` articles rendered with markdown-it and kept while unchanged, `.mdx` ones through Astro's glob loader and MDX. */
import { readFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseFrontmatter } from '@astrojs/markdown-remark'
import { glob, type DataStore, type Loader, type LoaderContext } from 'astro/loaders'
import { inBatches } from '#lib/in-batches.ts'
import { MARKDOWN_RENDERING, packHeadings, relativeImagesMessage, renderMarkdown } from '../lib/markdown.ts'
import { articleFiles, articlePathPattern, idOf } from '../lib/article-source.ts'

/** Where the articles are and which language folders hold them. */
export interface ArticleLoaderOptions {
  /** The articles folder, relative to the project root or absolute. */
  base: string
  /** The language folders under it (`<lang>/<category>/…`). */
  languages: readonly string[]
  /**
   * What the schema's verdict depends on besides the file (the category and product area keys):
   * part of each digest, so a changed vocabulary validates every cached article again.
   */
  vocabulary?: string
}

/** Astro loader for `<base>/<lang>/<category>/**.{md,mdx}`; ids as Astro's glob loader makes them (`nl/support/incident-melden`). */
export function articleLoader(options: ArticleLoaderOptions): Loader {
  const isArticle = articlePathPattern(options.languages)
  const mdxPattern = `{${options.languages.join(',')}}/*/**/*.mdx`
  return {
    name: 'loket-article-loader',
    load: async (context) => {
      const { store, config, logger, watcher } = context
      const root = fileURLToPath(config.root)
      const baseDir = resolve(root, options.base)
      if (!existsSync(baseDir)) logger.warn(`The articles folder "${baseDir}" does not exist.`)
      const files = await articleFiles(baseDir, options.languages)
      refuseSameId(files)

      const markdown = markdownSync(context, root, baseDir, options.vocabulary ?? '')
      const kept = new Set<string>()
      await inBatches(files.filter((f) => f.endsWith('.md')), 16, async (entry) => {
        kept.add(await markdown.sync(entry))
      })
      for (const [id, entry] of store.entries()) {
        if (!entry.filePath?.endsWith('.mdx') && !kept.has(id)) store.delete(id)
      }

      // MDX keeps Astro's pipeline. The glob loader deletes every key it did not load itself, so it
      // sees only the MDX entries: the Markdown ones just kept must survive it.
      const mdxStore: DataStore = { ...store, keys: () => store.keys().filter((id) => store.get(id)?.filePath?.endsWith('.mdx')) }
      const mdx = glob({ pattern: mdxPattern, base: baseDir })
      let mdxLoaded = false
      const loadMdx = async () => {
        mdxLoaded = true
        await mdx.load({ ...context, store: mdxStore })
      }
      if (files.some((f) => f.endsWith('.mdx'))) await loadMdx()
      else for (const id of mdxStore.keys()) store.delete(id)

      if (!watcher) return
      // `npm run dev`: an edited, added or removed article is in the store (and on the page) at once.
      watcher.add(baseDir)
      const entryOf = (path: string) => {
        const entry = relative(baseDir, path).split(sep).join('/')
        return isArticle.test(entry) ? entry : undefined
      }
      const onChange = async (path: string) => {
        const entry = entryOf(path)
        if (!entry) return
        if (entry.endsWith('.mdx')) {
          // The glob loader watches MDX files itself once it has loaded; the first one starts it.
          if (!mdxLoaded) await loadMdx().catch((error: Error) => logger.error(error.message))
          return
        }
        try {
          await markdown.sync(entry)
          logger.info(`Reloaded ${entry}`)
        } catch (error) {
          logger.error((error as Error).message)
        }
      }
      watcher.on('change', onChange)
      watcher.on('add', onChange)
      watcher.on('unlink', (path) => {
        const entry = entryOf(path)
        if (entry?.endsWith('.md')) store.delete(idOf(entry))
      })
    },
  }
}

/**
 * Reads, validates and renders one `.md` article into the store, unless the store holds it with the
 * same digest (same text, same rendering): then nothing is parsed or rendered. Returns its id.
 */
function markdownSync({ store, parseData, generateDigest }: LoaderContext, root: string, baseDir: string, vocabulary: string) {
  return {
    async sync(entry: string): Promise<string> {
      const id = idOf(entry)
      const path = join(baseDir, entry)
      const contents = await readFile(path, 'utf8')
      const digest = generateDigest(`${MARKDOWN_RENDERING}\n${vocabulary}\n${contents}`)
      if (store.get(id)?.digest === digest) return id
      const filePath = relative(root, path).split(sep).join('/')
      let parsed: ReturnType<typeof parseFrontmatter>
      try {
        parsed = parseFrontmatter(contents, { frontmatter: 'empty-with-spaces' })
      } catch (error) {
        throw new Error(`${filePath}: the frontmatter is not valid YAML: ${(error as Error).message}`)
      }
      // The collection's schema, exactly as for the glob loader: a wrong field fails the build naming file and field.
      const data = await parseData({ id, data: parsed.frontmatter, filePath: path })
      const { html, headings, relativeImages } = renderMarkdown(parsed.content.trim())
      if (relativeImages.length > 0) {
        throw new Error(relativeImagesMessage(filePath, relativeImages))
      }
      // The headings packed (see packHeadings); the frontmatter is in `data` already.
      store.set({ id, data, filePath, digest, rendered: { html, metadata: { packedHeadings: packHeadings(headings) } } })
      return id
    },
  }
}

/** Two files that would be one entry (`x.md` and `x.mdx`, or names that slug alike) stop the build. */
function refuseSameId(files: string[]): void {
  const byId = new Map<string, string>()
  for (const file of files) {
    const id = idOf(file)
    const other = byId.get(id)
    if (other) throw new Error(`${other} and ${file} are the same article "${id}": rename or remove one`)
    byId.set(id, file)
  }
}
