// The built pages name their translations: each version lists every version by absolute URL from BASE_URL, with x-default; a page without a translation names none.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { parse } from 'parse5'
import { beforeAll, describe, expect, test } from 'vitest'
import { articleSource } from './article-source.ts'
import { astroBuild } from './bundle.ts'

const BUILD_TIMEOUT = 180_000
const SITE = 'https://kb.example'


/** The `<link rel="alternate" hreflang>` of a built page, as `hreflang → href`. */
function hreflangOf(dist: string, page: string): Record<string, string> {
  const links: Record<string, string> = {}
  type Node = { nodeName: string; attrs?: { name: string; value: string }[]; childNodes?: Node[] }
  const visit = (node: Node) => {
    if (node.nodeName === 'link') {
      const attr = Object.fromEntries((node.attrs ?? []).map((a) => [a.name, a.value]))
      if (attr.rel === 'alternate' && attr.hreflang) {
        expect(links, `${page} names ${attr.hreflang} twice`).not.toHaveProperty(attr.hreflang)
        links[attr.hreflang] = attr.href
      }
    }
    node.childNodes?.forEach(visit)
  }
  visit(parse(readFileSync(join(dist, page, 'index.html'), 'utf8')) as Node)
  return links
}

describe('hreflang in the built pages', () => {
  let dist: string
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loket-hreflang-'))
    const files = {
      'nl/support/vertaald.md': articleSource({ title: 'Vertaald artikel', translationKey: 'translated' }),
      'en/support/translated.md': articleSource({ title: 'Translated article', translationKey: 'translated', description: 'An article that only exists in this test, to build with.' }),
      'nl/support/alleen-nederlands.md': articleSource({ title: 'Alleen in het Nederlands', translationKey: 'dutch-only' }),
    }
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, 'articles', path)), { recursive: true })
      writeFileSync(join(dir, 'articles', path), text)
    }
    dist = join(dir, 'dist')
    const run = await astroBuild({ ...process.env, BASE_URL: SITE, LOKET_ARTICLES_DIR: join(dir, 'articles'), LOKET_OUT_DIR: dist, LOKET_CACHE_DIR: join(dir, 'cache') }, BUILD_TIMEOUT)
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0)
  }, 2 * BUILD_TIMEOUT)

  test('an article and its translation name each other and x-default (the Dutch one), absolute to BASE_URL', () => {
    const expected = { nl: `${SITE}/support/vertaald/`, en: `${SITE}/en/support/translated/`, 'x-default': `${SITE}/support/vertaald/` }
    expect(hreflangOf(dist, 'support/vertaald')).toEqual(expected)
    expect(hreflangOf(dist, 'en/support/translated')).toEqual(expected)
  })

  test.each([
    ['the home pages', '', 'en'],
    ['the opening hours', 'openingstijden', 'en/opening-hours'],
    ['a category', 'support', 'en/support'],
    ['the portal\'s sign-in page', 'portaal', 'en/portal'],
  ])('%s name each other the same way', (_, nl, en) => {
    const expected = { nl: `${SITE}/${nl ? `${nl}/` : ''}`, en: `${SITE}/${en}/`, 'x-default': `${SITE}/${nl ? `${nl}/` : ''}` }
    expect(hreflangOf(dist, nl)).toEqual(expected)
    expect(hreflangOf(dist, en)).toEqual(expected)
  })

  test('an article without a translation, and the 404 page, claim none', () => {
    expect(hreflangOf(dist, 'support/alleen-nederlands')).toEqual({})
    expect(hreflangOf(dist, 'en/404')).toEqual({})
    // Its language switch still leads somewhere: the other language's home page.
    expect(readFileSync(join(dist, 'support/alleen-nederlands/index.html'), 'utf8')).toMatch(/href="\/en\/" hreflang="en"/)
  })
})
