import { describe, expect, test } from 'vitest'
import { articleSchema } from './article.ts'

const schema = articleSchema({ categories: ['support', 'finance'], productAreas: ['finance'] })
const valid = {
  title: 'Een incident melden',
  description: 'Zo meldt u een fout, storing, wens of vraag bij Noordwind Support.',
  category: 'support',
  productArea: 'general',
  tags: ['incident', 'melden'],
  updated: '2026-11-20',
  translationKey: 'register-incident',
}

describe('article frontmatter', () => {
  test('accepts a complete article and fills the defaults', () => {
    const data = schema.parse(valid)
    expect(data.updated).toEqual(new Date('2026-11-20'))
    expect(data.related).toEqual([])
    expect(data.draft).toBe(false)
    expect(data.aliases).toEqual([])
  })

  test("accepts aliases: the customers' own words for the topic", () => {
    expect(schema.parse({ ...valid, aliases: ['ticket', 'storing doorgeven', "can't log in"] }).aliases).toHaveLength(3)
  })

  test.each([
    ['title', { title: 'Hi' }],
    ['description', { description: 'Te kort.' }],
    ['category', { category: 'marketing' }],
    ['productArea', { productArea: 'crm' }],
    ['tags', { tags: [] }],
    ['tags.0', { tags: ['Hoofdletters'] }],
    ['updated', { updated: 'gisteren' }],
    ['translationKey', { translationKey: 'Register Incident' }],
    ['related.0', { related: ['ok', 'Not OK'] }],
    ['featured', { featured: 0 }],
    ['aliases.0', { aliases: ['Ticket'] }],
    ['aliases', { aliases: Array.from({ length: 21 }, (_, i) => `woord ${i}`) }],
  ])('rejects a bad %s and names it', (field, change) => {
    const result = schema.safeParse({ ...valid, ...change })
    expect(result.success).toBe(false)
    expect(result.error!.issues.map((i) => i.path.join('.'))).toContain(field === 'related.0' ? 'related.1' : field)
  })

  test('rejects an unknown field, such as a misspelling', () => {
    const result = schema.safeParse({ ...valid, tittle: 'x' })
    expect(result.success).toBe(false)
    expect(result.error!.issues[0].code).toBe('unrecognized_keys')
  })
})
