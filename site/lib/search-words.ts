/** The words an article is found by besides its text (tags, aliases, everyday words), and the KB's vocabulary for did-you-mean. */
import { splitWords } from '#lib/search/query-words.ts'
import type { Synonym } from '../schemas/synonyms.ts'

/** What of an article names its topic: its title, tags and aliases. */
export interface ArticleWords {
  title: string
  tags: readonly string[]
  /** Absent in entries cached before the field existed. */
  aliases?: readonly string[]
}

/**
 * The hidden search words of an article: its tags and aliases, and the everyday words of each
 * product word its title, tags or aliases hold (as whole words), each once.
 */
export function searchWordsOf(article: ArticleWords, synonyms: readonly Synonym[]): string[] {
  const aliases = article.aliases ?? []
  const own = [article.title, ...article.tags, ...aliases].join(' ').toLowerCase()
  const ownWords = ` ${splitWords(own).join(' ')} `
  const words = [...article.tags, ...aliases]
  for (const { product, everyday } of synonyms) {
    if (ownWords.includes(` ${splitWords(product).join(' ')} `)) words.push(...everyday)
  }
  return [...new Set(words)]
}

/** Words shorter than this are left out of the vocabulary: did-you-mean never corrects them. */
const MIN_WORD = 4

/**
 * The vocabulary of one language: every word of the given texts (titles, tags, aliases, headings,
 * everyday words) of four letters or more, digits left out, the most used first.
 */
export function vocabularyOf(texts: Iterable<string>): string[] {
  const counts = new Map<string, number>()
  for (const text of texts) {
    for (const word of splitWords(text)) {
      if (word.length < MIN_WORD || /\d/.test(word) || word.includes("'")) continue
      counts.set(word, (counts.get(word) ?? 0) + 1)
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([word]) => word)
}
