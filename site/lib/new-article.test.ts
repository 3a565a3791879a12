import { describe, expect, test } from 'vitest'
import { parse } from 'yaml'
import { articleSchema } from '../schemas/article.ts'
import { newArticleFiles, slugOf } from './new-article.ts'

const schema = articleSchema({ categories: ['support', 'finance'], productAreas: ['finance'] })
const frontmatter = (text: string) => parse(/^---\n([\s\S]*?)\n---/.exec(text)![1])

describe('newArticleFiles', () => {
  test('writes both languages with valid frontmatter and one translationKey', () => {
    const files = newArticleFiles({ title: 'Een factuur herhalen', otherTitle: 'Repeating an invoice', lang: 'nl', category: 'finance', productArea: 'finance', today: '2026-12-06' })
    expect(files.map((f) => f.path)).toEqual(['nl/finance/een-factuur-herhalen.md', 'en/finance/repeating-an-invoice.md'])
    const [nl, en] = files.map((f) => schema.parse(frontmatter(f.text)))
    expect(nl.translationKey).toBe('repeating-an-invoice')
    expect(en.translationKey).toBe('repeating-an-invoice')
    expect(nl.title).toBe('Een factuur herhalen')
    expect(en.draft).toBe(true)
  })

  test('without the other title, both carry the given one until translated', () => {
    const files = newArticleFiles({ title: 'Wat is "meekijken"?', lang: 'nl', category: 'support', productArea: 'general', today: '2026-12-06' })
    expect(files.map((f) => f.path)).toEqual(['nl/support/wat-is-meekijken.md', 'en/support/wat-is-meekijken.md'])
    for (const file of files) expect(schema.parse(frontmatter(file.text)).title).toBe('Wat is "meekijken"?')
  })

  test('refuses a title without letters or digits', () => {
    expect(() => newArticleFiles({ title: '???', lang: 'en', category: 'support', productArea: 'general', today: '2026-12-06' })).toThrow(/letter or digit/)
  })
})

test.each([
  ['Financiën & btw', 'financien-btw'],
  ['  Re-opening an incident ', 're-opening-an-incident'],
])('slugOf(%s)', (title, slug) => expect(slugOf(title)).toBe(slug))
