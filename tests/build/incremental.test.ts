// A build with the content cache of an earlier one: a changed article's new text is on its page and in the search index, its old text in neither.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { describe, expect, test } from 'vitest'
import { articleSource } from './article-source.ts'
import { astroBuild } from './bundle.ts'

const BUILD_TIMEOUT = 180_000


/** The text of every Pagefind fragment (one per indexed page), decompressed. */
function fragments(dist: string): string {
  const folder = join(dist, 'pagefind', 'fragment')
  return readdirSync(folder).map((f) => gunzipSync(readFileSync(join(folder, f))).toString('utf8')).join('\n')
}

describe('an incremental build', () => {
  test('puts a changed article’s new text on its page and in the search index, with the content cache kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loket-incremental-'))
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(dir, 'articles', path)), { recursive: true })
      writeFileSync(join(dir, 'articles', path), text)
    }
    write('nl/support/blijft.md', articleSource({ title: 'Blijft zoals het is', translationKey: 'unchanged' }, '## Eerste stap\n\nDit artikel verandert niet.'))
    write('nl/support/verandert.md', articleSource({ title: 'Verandert straks', translationKey: 'changed' }, '## Eerste stap\n\nHier staat de grutto.'))
    const env = { ...process.env, LOKET_ARTICLES_DIR: join(dir, 'articles'), LOKET_OUT_DIR: join(dir, 'dist'), LOKET_CACHE_DIR: join(dir, 'cache') }
    const first = await astroBuild(env, BUILD_TIMEOUT)
    expect(first.status, `${first.stdout}\n${first.stderr}`).toBe(0)
    expect(fragments(join(dir, 'dist'))).toContain('grutto')

    write('nl/support/verandert.md', articleSource({ title: 'Verandert straks', translationKey: 'changed' }, '## Tweede stap\n\nHier staat nu de kwartelkoning.'))
    const second = await astroBuild(env, BUILD_TIMEOUT)
    expect(second.status, `${second.stdout}\n${second.stderr}`).toBe(0)
    const page = readFileSync(join(dir, 'dist', 'support', 'verandert', 'index.html'), 'utf8')
    expect(page).toContain('<h2 id="tweede-stap">Tweede stap</h2>')
    expect(page).toContain('kwartelkoning')
    expect(page).not.toContain('grutto')
    const index = fragments(join(dir, 'dist'))
    expect(index).toContain('kwartelkoning')
    expect(index).not.toContain('grutto')
    expect(readFileSync(join(dir, 'dist', 'support', 'blijft', 'index.html'), 'utf8')).toContain('Dit artikel verandert niet.')
  }, 3 * BUILD_TIMEOUT)
})
