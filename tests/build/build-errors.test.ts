// The build refuses what an editor got wrong, and says which file and which field or link.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { brotliDecompressSync } from 'node:zlib'
import { describe, expect, test } from 'vitest'
import { articleSource } from './article-source.ts'
import { astroBuild } from './bundle.ts'

const BUILD_TIMEOUT = 120_000

/** This file's articles: titled, with a translation key and a body of their own unless given. */
function article(fields: Record<string, string>, body = 'Een kort maar echt artikel om de build mee te testen.'): string {
  return articleSource({ title: 'Testartikel', description: 'Een artikel dat alleen in deze test bestaat.', translationKey: 'test-article', ...fields }, body)
}

/** Builds the site from the given article files (and optionally another content folder). */
async function build(files: Record<string, string>, options: { deskYaml?: string } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'loket-build-'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, 'articles', path)), { recursive: true })
    writeFileSync(join(dir, 'articles', path), text)
  }
  const env: Record<string, string> = {
    ...process.env as Record<string, string>,
    LOKET_ARTICLES_DIR: join(dir, 'articles'),
    LOKET_OUT_DIR: join(dir, 'dist'),
    LOKET_CACHE_DIR: join(dir, 'cache'),
  }
  if (options.deskYaml) {
    writeFileSync(join(dir, 'desk.yaml'), options.deskYaml)
    copyFileSync('content/categories.yaml', join(dir, 'categories.yaml'))
    copyFileSync('content/logo.svg', join(dir, 'logo.svg'))
    env.LOKET_CONTENT_DIR = dir
  }
  const run = await astroBuild(env, BUILD_TIMEOUT)
  return { status: run.status, output: `${run.stdout}\n${run.stderr}`, dir }
}

describe('the build', () => {
  test('refuses an article with a bad frontmatter field, naming file and field', async () => {
    const { status, output } = await build({ 'nl/support/kapot.md': article({ productArea: 'crm' }) })
    expect(status).not.toBe(0)
    expect(output).toContain('nl/support/kapot.md')
    expect(output).toMatch(/productArea.*received 'crm'/)
  }, 2 * BUILD_TIMEOUT)

  test('refuses an article filed under the wrong category folder', async () => {
    const { status, output } = await build({ 'nl/finance/verkeerde-map.md': article({ category: 'support' }) })
    expect(status).not.toBe(0)
    expect(output).toMatch(/nl\/finance\/verkeerde-map\.md: category "support" does not match the folder "finance"/)
  }, 2 * BUILD_TIMEOUT)

  test('refuses a broken internal link, naming file and line', async () => {
    const body = 'Eerste regel.\n\nZie ook [het btw-artikel](/financien/bestaat-niet/) voor meer.'
    const { status, output } = await build({ 'nl/support/met-link.md': article({}, body) })
    expect(status).not.toBe(0)
    expect(output).toMatch(/nl\/support\/met-link\.md:13 links to \/financien\/bestaat-niet\/, which does not exist/)
  }, 2 * BUILD_TIMEOUT)

  test('refuses an article whose phone number or hours contradict desk.yaml, naming file and line', async () => {
    const body = 'Eerste regel.\n\nBel ons op 050 123 45 67, van 09:00 tot 17:00.'
    const { status, output } = await build({ 'nl/support/oud-nummer.md': article({}, body) })
    expect(status).not.toBe(0)
    expect(output).toMatch(/nl\/support\/oud-nummer\.md:13 states “050 123 45 67”/)
    expect(output).toMatch(/nl\/support\/oud-nummer\.md:13 states “09:00 tot 17:00”/)
  }, 2 * BUILD_TIMEOUT)

  test('refuses an invalid desk.yaml, naming the field', async () => {
    const desk = readFileSync('content/desk.yaml', 'utf8').replace('friday: { open: "08:30", close: "16:00" }', 'friday: { open: "16:00", close: "08:30" }')
    const { status, output } = await build({ 'nl/support/goed.md': article({}) }, { deskYaml: desk })
    expect(status).not.toBe(0)
    expect(output).toMatch(/desk\.yaml is not valid:\s+- hours\.friday\.close: close must be later than open/)
  }, 2 * BUILD_TIMEOUT)

  test('refuses a primary colour without AA contrast, naming the field and the ratio', async () => {
    const desk = readFileSync('content/desk.yaml', 'utf8').replace('primaryColor: "#0b5394"', 'primaryColor: "#3b9ae1"')
    const { status, output } = await build({ 'nl/support/goed.md': article({}) }, { deskYaml: desk })
    expect(status).not.toBe(0)
    expect(output).toMatch(/desk\.yaml is not valid:\s+- brand\.primaryColor: #3b9ae1 has a contrast of 3\.\d\d:1 with white text on it .*WCAG AA needs at least 4\.5:1/)
  }, 2 * BUILD_TIMEOUT)

  test('builds and indexes a valid article, under the name desk.yaml gives the KnowledgeBase', async () => {
    // Another vendor's desk: its KnowledgeBase's name in every header and title.
    const desk = readFileSync('content/desk.yaml', 'utf8').replace('siteName: { nl: Noordwind Kennisbank, en: Noordwind Knowledge Base }', 'siteName: { nl: Acme Hulp, en: Acme Help }')
    const { status, output, dir } = await build({
      'nl/support/goed.md': article({}, '## Eerste stap\n\nTekst.\n\n## Tweede stap\n\nMeer tekst.'),
      'en/support/good.md': article({ title: 'Test article', description: 'An article that only exists in this test.' }),
    }, { deskYaml: desk })
    expect(output).toMatch(/Pagefind indexed 2 pages \((nl: 1, en: 1|en: 1, nl: 1)\)/)
    expect(status).toBe(0)
    const html = readFileSync(join(dir, 'dist/support/goed/index.html'), 'utf8')
    expect(html).toContain('href="/en/support/good/"')
    expect(html).toContain('href="#eerste-stap"')
    expect(html).toMatch(/<title>Testartikel · Acme Hulp<\/title>/)
    expect(html).not.toContain('Noordwind Kennisbank')
    expect(readFileSync(join(dir, 'dist/en/index.html'), 'utf8')).toMatch(/<title>Acme Help<\/title>/)
    // Pagefind's wasm also as brotli, holding the data already decompressed (Pagefind's signature first).
    const wasm = brotliDecompressSync(readFileSync(join(dir, 'dist/pagefind/wasm.nl.pagefind.br')))
    expect(wasm.subarray(0, 12).toString()).toBe('pagefind_dcd')
  }, 2 * BUILD_TIMEOUT)
})
