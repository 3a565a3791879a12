// The articles in content/: valid frontmatter, paired translations, links that lead somewhere.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { loadDesk } from '../../server/desk.ts'
import { articleSchema } from '../../site/schemas/article.ts'
import { Categories } from '../../site/schemas/category.ts'
import { PAGES, articleUrl, categoryUrl } from '#lib/paths.ts'

const ROOT = 'content/articles'
const desk = loadDesk('content/desk.yaml')
const categories = Categories.parse(parseYaml(readFileSync('content/categories.yaml', 'utf8')))
const schema = articleSchema({ categories: categories.map((c) => c.key), productAreas: desk.productAreas.map((a) => a.key) })

const articles = (['nl', 'en'] as const).flatMap((lang) =>
  readdirSync(join(ROOT, lang), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.mdx?$/.test(f))
    .map((file) => {
      const path = join(ROOT, lang, file)
      const text = readFileSync(path, 'utf8')
      const [, frontmatter, body] = text.match(/^---\n([\s\S]*?)\n---\n([\s\S]*)$/) ?? []
      const folder = file.split('/')[0]
      const slug = file.split('/').at(-1)!.replace(/\.mdx?$/, '')
      const category = categories.find((c) => c.key === folder)
      return { path, lang, folder, slug, frontmatter, body: body ?? '', url: category ? articleUrl(lang, category, slug) : '' }
    }),
)

describe('the articles in content/', () => {
  test('number at least 24 per language', () => {
    expect(articles.filter((a) => a.lang === 'nl').length).toBeGreaterThanOrEqual(24)
    expect(articles.filter((a) => a.lang === 'en').length).toBeGreaterThanOrEqual(24)
  })

  test.each(articles.map((a) => [a.path, a]))('%s has valid frontmatter in the folder of its category', (_path, article) => {
    expect(article.frontmatter, 'the file must start with --- frontmatter ---').toBeDefined()
    const result = schema.safeParse(parseYaml(article.frontmatter))
    expect(result.error?.issues ?? []).toEqual([])
    expect(result.data!.category).toBe(article.folder)
    expect(article.body.split(/\s+/).length, 'a real article, not a stub').toBeGreaterThan(120)
    expect(article.body).not.toMatch(/lorem ipsum/i)
  })

  const data = articles.map((a) => ({ ...a, data: schema.parse(parseYaml(a.frontmatter)) }))

  test('every article has its translation, with one key per language', () => {
    const keys = (lang: string) => data.filter((a) => a.lang === lang).map((a) => a.data.translationKey).sort()
    expect(keys('en')).toEqual(keys('nl'))
    expect(new Set(keys('nl')).size).toBe(keys('nl').length)
  })

  test('related articles exist', () => {
    const known = new Set(data.map((a) => a.data.translationKey))
    const missing = data.flatMap((a) => a.data.related.filter((k) => !known.has(k)).map((k) => `${a.path}: ${k}`))
    expect(missing).toEqual([])
  })

  test('internal links lead to a page that will be built', () => {
    const urls = new Set([
      ...data.map((a) => a.url),
      ...Object.values(PAGES).flatMap((p) => [p.nl, p.en]),
      ...categories.flatMap((c) => [categoryUrl('nl', c), categoryUrl('en', c)]),
    ])
    const broken = data.flatMap((a) =>
      [...a.body.matchAll(/\]\((\/[^)\s]*)\)/g)].map((m) => m[1].split('#')[0]).filter((href) => !urls.has(href)).map((href) => `${a.path} → ${href}`),
    )
    expect(broken).toEqual([])
  })

  test("links stay within the article's own language", () => {
    const crossing = data.flatMap((a) =>
      [...a.body.matchAll(/\]\((\/[^)\s]*)\)/g)].map((m) => m[1]).filter((href) => (a.lang === 'en') !== href.startsWith('/en/')).map((href) => `${a.path} → ${href}`),
    )
    expect(crossing).toEqual([])
  })
})
