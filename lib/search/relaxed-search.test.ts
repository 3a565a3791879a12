import { describe, expect, test } from 'vitest'
import type { Pagefind, PagefindHit } from '../pagefind.ts'
import { correctQuery, rankByWords, searchRelaxed } from './relaxed-search.ts'

const hit = (id: string, score = 1): PagefindHit => ({ id, score, data: async () => ({ url: id, excerpt: '', meta: {}, filters: {} }) })

/** A Pagefind over a few pages, each a bag of words; a term finds the pages holding all its words (as prefixes), scored by a word in the title. */
function fakePagefind(pages: Record<string, { title: string; body: string }>) {
  const asked: string[] = []
  const pagefind = {
    search: async (term: string) => {
      asked.push(term)
      const words = term.toLowerCase().split(/\s+/)
      const results = Object.entries(pages)
        .filter(([, p]) => words.every((w) => `${p.title} ${p.body}`.toLowerCase().split(/\W+/).some((x) => x.startsWith(w))))
        .map(([id, p]) => hit(id, words.some((w) => p.title.toLowerCase().includes(w)) ? 10 : 1))
        .sort((a, b) => b.score - a.score)
      return { results }
    },
  } as unknown as Pagefind
  return { pagefind, asked }
}

const KB = {
  '/inloggen/': { title: 'Inloggen met een link', body: 'u krijgt een inloglink per e-mail' },
  '/incident/': { title: 'Een incident melden', body: 'meld een fout of storing in het portaal' },
  '/verlof/': { title: 'Verlof aanvragen', body: 'vakantie en vrije dagen aanvragen' },
  '/prioriteiten/': { title: 'Prioriteiten en doeltijden', body: 'hoe snel u antwoord krijgt' },
  '/en/credit-note/': { title: 'Creating a credit note', body: 'credit an invoice' },
  '/en/receiving/': { title: 'Receiving goods', body: 'goods against a purchase order' },
  '/en/signing-in/': { title: 'Signing in with a link', body: 'the portal sends a link' },
}

describe('rankByWords', () => {
  test('a page holding more of the words ranks first, then the better score', () => {
    const ranked = rankByWords([
      { word: 'a', hits: [hit('/y/', 4), hit('/x/', 2)] },
      { word: 'b', hits: [hit('/y/', 3), hit('/z/', 9)] },
      { word: 'c', hits: [] },
    ])
    expect(ranked.map((h) => h.id)).toEqual(['/y/', '/z/', '/x/'])
  })
})

describe('searchRelaxed', () => {
  test.each([
    ['nl', 'inloggen mislukt', '/inloggen/'],
    ['nl', 'hoe lang duurt het voordat ik antwoord krijg', '/prioriteiten/'],
    ['nl', 'vakantie aanvragen lukt niet', '/verlof/'],
    ['en', 'signing in with a link does not work', '/en/signing-in/'],
    ['en', 'how do I credit an invoice', '/en/credit-note/'],
  ] as const)('[%s] %s finds %s first', async (lang, query, first) => {
    const { pagefind } = fakePagefind(KB)
    const answer = await searchRelaxed(pagefind, query, { lang })
    expect(answer.hits[0]?.id).toBe(first)
    expect(answer.corrected).toBeUndefined()
  })

  test('answers a query that finds enough as typed, without searching its words', async () => {
    const { pagefind, asked } = fakePagefind({ '/a/': { title: 'a', body: 'link' }, '/b/': { title: 'b', body: 'link' }, '/c/': { title: 'c', body: 'link' } })
    const answer = await searchRelaxed(pagefind, 'link', { lang: 'en' })
    expect(answer.hits.map((h) => h.id)).toEqual(['/a/', '/b/', '/c/'])
    expect(asked).toEqual(['link'])
  })

  test.each([
    ['en', 'recieve goods', 'receiving goods', '/en/receiving/'],
    ['en', 'credit noet', 'credit note', '/en/credit-note/'],
    ['nl', 'verlfo aanvragen', 'verlof aanvragen', '/verlof/'],
    ['nl', 'prioritijt', 'prioriteiten', '/prioriteiten/'],
  ] as const)('[%s] corrects %s to %s', async (lang, query, corrected, first) => {
    const { pagefind } = fakePagefind(KB)
    const vocabulary = async () => ['receiving', 'goods', 'credit', 'note', 'verlof', 'aanvragen', 'prioriteiten']
    const answer = await searchRelaxed(pagefind, query, { lang, vocabulary })
    expect(answer.corrected).toBe(corrected)
    expect(answer.hits[0]?.id).toBe(first)
  })

  test('a query with problem words is not answered as typed, even when that finds enough', async () => {
    const { pagefind, asked } = fakePagefind({
      '/x/': { title: 'Een update', body: 'als het lukt niet meteen inloggen' },
      '/y/': { title: 'Een periode', body: 'het lukt niet om in te loggen' },
      '/z/': { title: 'Sleutels', body: 'het lukt niet: inloggen' },
      '/inloggen/': { title: 'Inloggen met een link', body: 'uw inloglink' },
    })
    const answer = await searchRelaxed(pagefind, 'inloggen lukt niet', { lang: 'nl' })
    expect(answer.hits[0]?.id).toBe('/inloggen/')
    expect(asked).toEqual(['inloggen lukt niet', 'inloggen'])
  })

  test('without a vocabulary nothing is corrected and nothing is found', async () => {
    const { pagefind } = fakePagefind(KB)
    expect(await searchRelaxed(pagefind, 'qzxwvk', { lang: 'nl' })).toEqual({ hits: [] })
  })

  test('a vocabulary that fails to load leaves the answer uncorrected', async () => {
    const { pagefind } = fakePagefind(KB)
    const answer = await searchRelaxed(pagefind, 'credit noet', { lang: 'en', vocabulary: () => Promise.reject(new Error('offline')) })
    expect(answer.corrected).toBeUndefined()
    expect(answer.hits[0]?.id).toBe('/en/credit-note/')
  })
})

test('correctQuery keeps the rest of the query as typed', () => {
  expect(correctQuery('Stock cuont, please', new Map([['cuont', 'count']]))).toBe('Stock count, please')
})
