// What a build keeps of its sources: each article's page and words, and a state that counts only for the output folder it describes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { categories } from '../lib/config.ts'
import { articleStateOf, buildPaths, digestOf, readState, STAMP_FILE, writeState } from './kb-state.ts'

const source = (front: string, body = '## Stap een\n\nTekst.\n\n### Detail\n') => `---\n${front}\n---\n\n${body}`

describe('articleStateOf', () => {
  test('gives the page the article routes build, per language, and the words of title, tags, aliases and headings', () => {
    const nl = articleStateOf('nl/support/Incident Melden.md', source('title: Incident melden\ncategory: support\ntags: [melden]\naliases: [storing]'), categories)
    expect(nl).toMatchObject({ page: 'support/incident-melden/index.html', words: ['Incident melden', 'melden', 'storing', 'Stap een', 'Detail'] })
    const en = articleStateOf('en/access/remote.md', source('title: Remote\ncategory: access'), categories)
    expect(en.page).toBe(`en/${categories.find((c) => c.key === 'access')!.slug.en}/remote/index.html`)
  })

  test('tells a changed frontmatter from a changed body', () => {
    const before = articleStateOf('nl/support/a.md', source('title: A\ncategory: support'), categories)
    const body = articleStateOf('nl/support/a.md', source('title: A\ncategory: support', 'Nieuwe tekst.'), categories)
    const front = articleStateOf('nl/support/a.md', source('title: B\ncategory: support'), categories)
    expect(body.frontmatter).toBe(before.frontmatter)
    expect(body.digest).not.toBe(before.digest)
    expect(front.frontmatter).not.toBe(before.frontmatter)
  })

  test('a draft has no page and no words', () => {
    expect(articleStateOf('nl/support/a.md', source('title: A\ncategory: support\ndraft: true'), categories)).toEqual({ digest: expect.any(String), frontmatter: expect.any(String), words: [] })
  })
})

test('a kept state counts only while the output folder carries its stamp', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'loket-kb-state-'))
  try {
    const paths = buildPaths({ LOKET_OUT_DIR: join(dir, 'dist'), LOKET_CACHE_DIR: join(dir, 'cache') }, dir)
    expect(await readState(paths)).toBeUndefined()
    const written = await writeState(paths, { site: digestOf('site'), articles: {} })
    expect(await readState(paths)).toEqual(written)
    // Another build wrote the output since (astro build empties the folder, or another cache was used).
    writeFileSync(join(dir, 'dist', STAMP_FILE), JSON.stringify({ build: 'another' }))
    expect(await readState(paths)).toBeUndefined()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
