// The articles loader stores rendered .md articles under glob's ids, keeps unchanged ones without rendering them again, and refuses what an editor got wrong.
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { DataStore, LoaderContext } from 'astro/loaders'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { articleLoader } from './articles.ts'
import { idOf } from '../lib/article-source.ts'
import { unpackHeadings } from '../lib/markdown.ts'

type Entry = ReturnType<DataStore['get']> & {}

/** An in-memory store that behaves as Astro's scoped store: an unchanged digest is not set again. */
function memoryStore(): DataStore & { sets: string[] } {
  const entries = new Map<string, Entry>()
  const sets: string[] = []
  return {
    sets,
    get: (id) => entries.get(id) as never,
    entries: () => [...entries.entries()],
    values: () => [...entries.values()],
    keys: () => [...entries.keys()],
    set: (entry) => {
      if (entry.digest && entries.get(entry.id)?.digest === entry.digest) return false
      sets.push(entry.id)
      entries.set(entry.id, entry as Entry)
      return true
    },
    delete: (id) => void entries.delete(id),
    clear: () => entries.clear(),
    has: (id) => entries.has(id),
    addModuleImport: () => {},
  }
}

const FRONTMATTER = 'title: Testartikel\ndescription: Een artikel dat alleen in deze test bestaat.\ncategory: support'

let root: string
let store: ReturnType<typeof memoryStore>
let parseData: ReturnType<typeof vi.fn>

function write(path: string, text: string): void {
  mkdirSync(dirname(join(root, 'articles', path)), { recursive: true })
  writeFileSync(join(root, 'articles', path), text)
}

async function load(vocabulary?: string): Promise<void> {
  const context = {
    collection: 'articles',
    store,
    config: { root: pathToFileURL(`${root}/`) },
    logger: { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} },
    parseData,
    generateDigest: (data: string) => createHash('sha1').update(data).digest('hex'),
  } as unknown as LoaderContext
  await articleLoader({ base: 'articles', languages: ['nl', 'en'], vocabulary }).load(context)
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'loket-loader-'))
  store = memoryStore()
  parseData = vi.fn(async ({ data }: { data: Record<string, unknown> }) => data)
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

describe('articleLoader', () => {
  test('stores each .md article under the id Astro’s glob loader gives it, rendered, with its headings packed', async () => {
    write('nl/support/incident-melden.md', `---\n${FRONTMATTER}\n---\n\nTekst met [een link](/support/andere/).\n\n## Eerste stap\n\nMeer.\n`)
    await load()
    const entry = store.get('nl/support/incident-melden')!
    expect(entry.filePath).toBe('articles/nl/support/incident-melden.md')
    expect(entry.data).toEqual({ title: 'Testartikel', description: 'Een artikel dat alleen in deze test bestaat.', category: 'support' })
    expect(entry.rendered?.html).toBe('<p>Tekst met <a href="/support/andere/">een link</a>.</p>\n<h2 id="eerste-stap">Eerste stap</h2>\n<p>Meer.</p>')
    expect(unpackHeadings(entry.rendered?.metadata?.packedHeadings)).toEqual([{ depth: 2, slug: 'eerste-stap', text: 'Eerste stap' }])
    // The frontmatter is the entry's data: not kept twice.
    expect(entry.rendered?.metadata).toEqual({ packedHeadings: expect.any(String) })
    expect(parseData).toHaveBeenCalledWith(expect.objectContaining({ id: 'nl/support/incident-melden', filePath: join(root, 'articles/nl/support/incident-melden.md') }))
  })

  test('keeps an unchanged article without parsing or rendering it again; renders a changed one; forgets a removed one', async () => {
    write('nl/support/een.md', `---\n${FRONTMATTER}\n---\n\nEerste versie.\n`)
    write('nl/support/twee.md', `---\n${FRONTMATTER}\n---\n\nBlijft zo.\n`)
    await load()
    expect(parseData).toHaveBeenCalledTimes(2)
    parseData.mockClear()
    store.sets.length = 0

    write('nl/support/een.md', `---\n${FRONTMATTER}\n---\n\nTweede versie met kwartelkoning.\n`)
    await load()
    expect(parseData).toHaveBeenCalledTimes(1)
    expect(store.sets).toEqual(['nl/support/een'])
    expect(store.get('nl/support/een')?.rendered?.html).toContain('kwartelkoning')

    unlinkSync(join(root, 'articles/nl/support/twee.md'))
    await load()
    expect(store.keys()).toEqual(['nl/support/een'])
  })

  test('validates every cached article again when the vocabulary the schema checks against changes', async () => {
    write('nl/support/een.md', `---\n${FRONTMATTER}\n---\n\nTekst.\n`)
    await load('{"categories":["support"]}')
    await load('{"categories":["support"]}')
    expect(parseData).toHaveBeenCalledTimes(1)
    await load('{"categories":["finance"]}')
    expect(parseData).toHaveBeenCalledTimes(2)
  })

  test('reads only <lang>/<category>/ folders of the desk’s languages, and no hidden files', async () => {
    for (const path of ['nl/support/ja.md', 'en/support/deep/yes.md', 'de/support/nein.md', 'nl/los.md', 'nl/support/.#concept.md', 'nl/.verborgen/nee.md']) {
      write(path, `---\n${FRONTMATTER}\n---\n\nTekst.\n`)
    }
    await load()
    expect(store.keys().sort()).toEqual(['en/support/deep/yes', 'nl/support/ja'])
  })

  test('passes a schema error through unchanged, so the build fails naming the file and field as before', async () => {
    parseData.mockRejectedValueOnce(new Error('articles → nl/support/kapot data does not match collection schema.\n\n  **productArea**: Invalid enum value'))
    write('nl/support/kapot.md', `---\n${FRONTMATTER}\nproductArea: crm\n---\n\nTekst.\n`)
    await expect(load()).rejects.toThrow(/productArea/)
    expect(store.keys()).toEqual([])
  })

  test('refuses frontmatter that is not YAML, naming the file', async () => {
    write('nl/support/stuk.md', '---\ntitle: [open\n---\n\nTekst.\n')
    await expect(load()).rejects.toThrow(/articles\/nl\/support\/stuk\.md: the frontmatter is not valid YAML/)
  })

  test('refuses an image with a relative path in a .md article, saying to use a root path or MDX', async () => {
    write('nl/support/plaatje.md', `---\n${FRONTMATTER}\n---\n\n![scherm](./scherm.png)\n`)
    await expect(load()).rejects.toThrow(/plaatje\.md: images with a relative path \(\.\/scherm\.png\) work only in an \.mdx article/)
  })

  test('refuses two files that would be one article', async () => {
    write('nl/support/dubbel.md', `---\n${FRONTMATTER}\n---\n\nTekst.\n`)
    write('nl/support/dubbel.mdx', `---\n${FRONTMATTER}\n---\n\nTekst.\n`)
    await expect(load()).rejects.toThrow('nl/support/dubbel.md and nl/support/dubbel.mdx are the same article "nl/support/dubbel"')
  })

  test('makes ids as the glob loader does: slugged segments, no extension, no trailing index', () => {
    expect(idOf('nl/support/Incident Melden.md')).toBe('nl/support/incident-melden')
    expect(idOf('en/support/guide/index.mdx')).toBe('en/support/guide')
  })
})
