// The home page's popular and recently updated lists never show one article twice.
import { describe, expect, test } from 'vitest'
import { homeLists, type Listable } from './home-lists.ts'

const day = (d: number) => new Date(Date.UTC(2026, 10, d))
type Row = Listable & { id: string }
const data = (a: Row) => a.featured === undefined ? { updated: a.updated } : { featured: a.featured, updated: a.updated }

describe('homeLists', () => {
  // The newest articles are also the featured ones: the case where the home page showed four articles twice.
  const articles: Row[] = [
    { id: 'a', updated: day(20), featured: 2 },
    { id: 'b', updated: day(19), featured: 1 },
    { id: 'c', updated: day(18), featured: 3 },
    { id: 'd', updated: day(17), featured: 4 },
    { id: 'e', updated: day(16) },
    { id: 'f', updated: day(15) },
    { id: 'g', updated: day(14) },
    { id: 'h', updated: day(13) },
  ]

  test('the two lists share no article', () => {
    const { popular, recent } = homeLists(articles, data, 6)
    expect(popular.filter((a) => recent.includes(a))).toEqual([])
  })

  test('popular follows the featured order; recent is the newest of the rest', () => {
    const { popular, recent } = homeLists(articles, data, 3)
    expect(popular.map((a) => a.id)).toEqual(['b', 'a', 'c'])
    expect(recent.map((a) => a.id)).toEqual(['d', 'e', 'f'])
  })

  test('without featured articles, recent is simply the newest', () => {
    const { popular, recent } = homeLists(articles.map(({ id, updated }) => ({ id, updated })), data, 2)
    expect(popular).toEqual([])
    expect(recent.map((a) => a.id)).toEqual(['a', 'b'])
  })

  test('the real KB\'s lists share nothing in either language', async () => {
    const { readdirSync, readFileSync } = await import('node:fs')
    const { parse } = await import('yaml')
    for (const lang of ['nl', 'en']) {
      const rows: Row[] = readdirSync(`content/articles/${lang}`, { recursive: true, encoding: 'utf8' })
        .filter((f) => /\.mdx?$/.test(f))
        .map((f) => {
          const front = parse(readFileSync(`content/articles/${lang}/${f}`, 'utf8').split(/^---$/m)[1]) as { featured?: number; updated: string; draft?: boolean }
          return { id: f, featured: front.featured, updated: new Date(front.updated) }
        })
      const { popular, recent } = homeLists(rows, data)
      expect(popular.length).toBeGreaterThan(0)
      expect(recent).toHaveLength(6)
      expect(popular.filter((a) => recent.includes(a))).toEqual([])
    }
  })
})
