// `npm run build` when only article bodies changed: the changed pages and the search index are updated in place, exactly as a full build
// makes them; a changed frontmatter, an added article or changed code still builds in full, and a broken link still stops the build.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { describe, expect, test } from 'vitest'
import { articleSource } from './article-source.ts'
import { astroBuild, kbBuild } from './bundle.ts'

const BUILD_TIMEOUT = 180_000

/** The text of every Pagefind fragment (one per indexed page), decompressed. */
function fragments(dist: string): string {
  const folder = join(dist, 'pagefind', 'fragment')
  return readdirSync(folder).map((f) => gunzipSync(readFileSync(join(folder, f))).toString('utf8')).join('\n')
}

/** Every file of the search index by path, as bytes in base64: two indexes of the same pages are the same files. */
function indexFiles(dist: string): Record<string, string> {
  const folder = join(dist, 'pagefind')
  return Object.fromEntries(readdirSync(folder, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
    .map((e) => [join(e.parentPath, e.name).slice(folder.length), readFileSync(join(e.parentPath, e.name)).toString('base64')]).sort())
}

/** A page without what differs between two builds of the same sources: the ids Astro gives its islands. */
const withoutIslandIds = (html: string) => html.replace(/\buid="[^"]*"/g, 'uid=""')

const dir = mkdtempSync(join(tmpdir(), 'loket-incremental-'))
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(dir, 'articles', path)), { recursive: true })
  writeFileSync(join(dir, 'articles', path), text)
}
const page = (dist: string, slug: string) => readFileSync(join(dir, dist, 'support', slug, 'index.html'), 'utf8')
const envFor = (dist: string, cache: string) => ({ ...process.env, LOKET_ARTICLES_DIR: join(dir, 'articles'), LOKET_OUT_DIR: join(dir, dist), LOKET_CACHE_DIR: join(dir, cache) })
const env = envFor('dist', 'cache')
const changing = { title: 'Verandert straks', translationKey: 'changed' }

describe('npm run build after an article’s text changed', () => {
  test('updates its page and the search index in place, to what a full build of the same articles makes', async () => {
    write('nl/support/blijft.md', articleSource({ title: 'Blijft zoals het is', translationKey: 'unchanged' }, '## Eerste stap\n\nDit artikel verandert niet.'))
    write('nl/support/verandert.md', articleSource(changing, '## Eerste stap\n\nHier staat de grutto.\n\n## Daarna\n\nMeer.'))
    write('nl/support/concept.md', articleSource({ title: 'Nog een concept', translationKey: 'draft', draft: 'true' }, 'Nog niet af.'))
    // A language the change does not touch: its part of the index is taken over from the earlier one.
    write('en/support/stays.md', articleSource({ title: 'Stays as it is', translationKey: 'unchanged' }, '## First step\n\nThis article does not change.'))
    const first = await kbBuild(env, BUILD_TIMEOUT)
    expect(first.status, `${first.stdout}\n${first.stderr}`).toBe(0)
    expect(first.stdout).toContain('full build: there is no earlier build of this output folder to update')
    expect(fragments(join(dir, 'dist'))).toContain('grutto')
    const unchangedPage = page('dist', 'blijft')

    write('nl/support/verandert.md', articleSource(changing, '## Tweede stap\n\nHier staat nu de kwartelkoning, zie [het andere artikel](/support/blijft/).\n\n## Daarna & verder\n\nMeer.'))
    const update = await kbBuild(env, BUILD_TIMEOUT)
    expect(update.status, `${update.stdout}\n${update.stderr}`).toBe(0)
    expect(update.stdout).toMatch(/updated 1 article\(s\): nl\/support\/verandert\.md/)
    expect(update.stdout).not.toContain('[build]')
    const updated = page('dist', 'verandert')
    expect(updated).toContain('<h2 id="tweede-stap">Tweede stap</h2>')
    expect(updated).toContain('<li><a href="#tweede-stap">Tweede stap</a></li><li><a href="#daarna--verder">Daarna &#38; verder</a></li>')
    expect(updated).not.toContain('grutto')
    expect(fragments(join(dir, 'dist'))).toContain('kwartelkoning')
    expect(fragments(join(dir, 'dist'))).not.toContain('grutto')
    expect(page('dist', 'blijft')).toBe(unchangedPage)

    // The same articles built in full, into a folder of their own.
    const full = await astroBuild(envFor('dist-full', 'cache-full'), BUILD_TIMEOUT)
    expect(full.status, `${full.stdout}\n${full.stderr}`).toBe(0)
    expect(withoutIslandIds(updated)).toBe(withoutIslandIds(page('dist-full', 'verandert')))
    expect(indexFiles(join(dir, 'dist'))).toEqual(indexFiles(join(dir, 'dist-full')))

    const again = await kbBuild(env, BUILD_TIMEOUT)
    expect(again.stdout).toContain('up to date: no article changed since the last build')

    // A draft has no page and no search entry: its text changes nothing that is served.
    const index = indexFiles(join(dir, 'dist'))
    write('nl/support/concept.md', articleSource({ title: 'Nog een concept', translationKey: 'draft', draft: 'true' }, 'Bijna af.'))
    const draft = await kbBuild(env, BUILD_TIMEOUT)
    expect(draft.stdout).toContain('only drafts changed: nothing that is served')
    expect(indexFiles(join(dir, 'dist'))).toEqual(index)
  }, 4 * BUILD_TIMEOUT)

  test('stops at a broken link or a figure desk.yaml contradicts in the changed text, as the full build does, and changes nothing', async () => {
    const before = page('dist', 'verandert')
    write('nl/support/verandert.md', articleSource(changing, '## Tweede stap\n\nZie [de oude pagina](/support/bestaat-niet/).'))
    for (let i = 0; i < 2; i++) {
      const refused = await kbBuild(env, BUILD_TIMEOUT)
      expect(refused.status).toBe(1)
      expect(refused.stderr).toMatch(/Broken internal links:\n {2}- \S*verandert\.md:13 links to \/support\/bestaat-niet\/, which does not exist/)
      expect(page('dist', 'verandert')).toBe(before)
    }
    write('nl/support/verandert.md', articleSource(changing, '## Tweede stap\n\nBel 050 111 22 33.'))
    const contradicts = await kbBuild(env, BUILD_TIMEOUT)
    expect(contradicts.status).toBe(1)
    expect(contradicts.stderr).toMatch(/Articles contradict content\/desk\.yaml:\n {2}- \S*verandert\.md:13 states “050 111 22 33”/)
    expect(page('dist', 'verandert')).toBe(before)
  }, 3 * BUILD_TIMEOUT)

  test('builds in full when a frontmatter changed, for lists and other pages show it', async () => {
    write('nl/support/verandert.md', articleSource({ ...changing, title: 'Nu met een nieuwe titel' }, '## Tweede stap\n\nHier staat nu de kwartelkoning.'))
    const built = await kbBuild(env, BUILD_TIMEOUT)
    expect(built.status, `${built.stdout}\n${built.stderr}`).toBe(0)
    expect(built.stdout).toContain('full build: the frontmatter of nl/support/verandert.md changed')
    expect(readFileSync(join(dir, 'dist', 'support', 'index.html'), 'utf8')).toContain('Nu met een nieuwe titel')

    write('nl/support/nieuw.md', articleSource({ title: 'Een nieuw artikel', translationKey: 'new' }))
    const added = await kbBuild(env, BUILD_TIMEOUT)
    expect(added.stdout).toContain('full build: nl/support/nieuw.md was added')
    expect(page('dist', 'nieuw')).toContain('Een nieuw artikel')
  }, 3 * BUILD_TIMEOUT)
})
