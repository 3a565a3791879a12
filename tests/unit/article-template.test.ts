/** The KB insight's article template against the site's article schema: what the domain writes, the build accepts once filled in. */
import { describe, expect, test } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { articleSchema } from '../../site/schemas/article.ts'
import { articleTemplate } from '#domain/kb-insight-report.ts'

describe('articleTemplate', () => {
  const schema = articleSchema({ categories: ['support', 'finance'], productAreas: ['finance'] })
  const frontmatterOf = (markdown: string) => parseYaml(markdown.split(/^---$/m)[1]) as Record<string, unknown>
  const filled = (markdown: string) => markdown
    .replace('description: TODO', 'description: Zo doet u de btw-aangifte in Noordwind ERP, stap voor stap.')
    .replace('category: TODO', 'category: finance')
    .replace('productArea: TODO', 'productArea: finance')
    .replace('tags: [TODO]', 'tags: [btw]')

  test('writes the frontmatter an article needs, prefilled from the query, and where to save it', () => {
    const template = articleTemplate('  BTW   aangifte ', 'nl', '2026-11-30', { sessions: 4, weeks: 12 })
    expect(template.slug).toBe('btw-aangifte')
    expect(template.path).toBe('content/articles/nl/<category>/btw-aangifte.md')
    expect(template.markdown).toBe([
      '---',
      '# New article for the search "btw aangifte" (nl): 4 sessions found nothing in the last 12 weeks.',
      '# Fill in every TODO: the category is a key from content/categories.yaml and the folder you save in; the product area a key from content/desk.yaml, or general.',
      '# Save it as content/articles/nl/<category>/btw-aangifte.md, with <category> replaced; content/README.md explains each field.',
      'title: "BTW aangifte"',
      'description: TODO',
      'category: TODO',
      'productArea: TODO',
      'tags: ["btw", "aangifte"]',
      'updated: 2026-11-30',
      'translationKey: btw-aangifte',
      '---',
      '',
      'Schrijf hier het antwoord voor de klant: korte alinea\'s, `##`-kopjes voor de stappen of onderdelen, een genummerde lijst voor een procedure.',
      '',
    ].join('\n'))
  })

  test('passes the article schema once the placeholders are filled', () => {
    const { markdown } = articleTemplate('btw aangifte', 'nl', '2026-11-30', { sessions: 4, weeks: 12 })
    const data = schema.parse(frontmatterOf(filled(markdown)))
    expect(data).toMatchObject({ title: 'Btw aangifte', category: 'finance', productArea: 'finance', tags: ['btw', 'aangifte'], translationKey: 'btw-aangifte' })
    expect(data.updated).toEqual(new Date('2026-11-30'))
  })

  test('fails the article schema on every placeholder left, so the build stops until they are filled', () => {
    const { markdown } = articleTemplate('???', 'en', '2026-11-30', { sessions: 1, weeks: 12 })
    const result = schema.safeParse(frontmatterOf(markdown))
    expect(result.success).toBe(false)
    expect(result.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['category', 'description', 'productArea', 'tags.0'])
  })

  test.each([
    ['YAML syntax in the query stays text', 'fout: "500" # [server] - {x}', 'Fout: "500" # [server] - {x}', 'fout-500-server-x', ['fout', '500', 'server', 'x']],
    ['accents leave the slug, not the title or tags', 'Financiën: período sluiten', 'Financiën: período sluiten', 'financien-periodo-sluiten', ['financiën', 'período', 'sluiten']],
    ['words that YAML would read as other types stay strings', 'true null 2026', 'True null 2026', 'true-null-2026', ['true', 'null', '2026']],
    ['no letters or digits at all', '???', '???', 'new-article', []],
  ])('%s', (_name, query, title, slug, tags) => {
    const template = articleTemplate(query, 'nl', '2026-11-30', { sessions: 1, weeks: 12 })
    const data = frontmatterOf(template.markdown)
    expect(data.title).toBe(title)
    expect(data.translationKey).toBe(slug)
    expect(template.slug).toBe(slug)
    expect(data.tags).toEqual(tags.length > 0 ? tags : ['TODO'])
  })

  test('cuts a long query at a word: a title of at most 120 characters, a slug of at most 80, at most 8 tags', () => {
    const query = Array.from({ length: 40 }, (_, i) => `woord${i}`).join(' ')
    const template = articleTemplate(query, 'en', '2026-11-30', { sessions: 1, weeks: 1 })
    const data = frontmatterOf(template.markdown)
    expect((data.title as string).length).toBeLessThanOrEqual(120)
    expect(query.startsWith((data.title as string).toLowerCase())).toBe(true)
    expect(template.slug.length).toBeLessThanOrEqual(80)
    expect(template.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    expect(query.replaceAll(' ', '-').startsWith(`${template.slug}-`)).toBe(true)
    expect(data.tags).toHaveLength(8)
    expect(template.markdown).toContain('1 session found nothing in the last 1 week.')
    expect(template.markdown).toContain('Write the answer for the customer here')
  })
})
