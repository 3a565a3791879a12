/** The articles of the KnowledgeBase: per language, with URLs, translations and related articles. */
import { getCollection, type CollectionEntry } from 'astro:content'
import type { Language } from '#lib/language.ts'
import { categories } from './config.ts'
import { articleUrl } from '#lib/paths.ts'
import type { Category } from '../schemas/category.ts'

export interface Article {
  entry: CollectionEntry<'articles'>
  lang: Language
  category: Category
  /** The file name without extension: the last URL segment. */
  slug: string
  url: string
}

let cache: Promise<Map<Language, Article[]>> | undefined

/** All published articles, grouped by language, newest change first. Read once per build. */
export function articlesByLanguage(): Promise<Map<Language, Article[]>> {
  cache ??= load()
  return cache
}

async function load(): Promise<Map<Language, Article[]>> {
  const byKey = new Map(categories.map((c) => [c.key, c]))
  const grouped = new Map<Language, Article[]>([['nl', []], ['en', []]])
  for (const entry of await getCollection('articles', (e) => !e.data.draft)) {
    const [lang, , ...rest] = entry.id.split('/') as [Language, string, ...string[]]
    const slug = rest.join('/')
    const folder = entry.id.split('/')[1]
    if (folder !== entry.data.category) {
      throw new Error(`${entry.filePath}: category "${entry.data.category}" does not match the folder "${folder}" the file is in; move the file or fix the field`)
    }
    const category = byKey.get(entry.data.category)!
    grouped.get(lang)?.push({ entry, lang, category, slug, url: articleUrl(lang, category, slug) })
  }
  for (const list of grouped.values()) list.sort((a, b) => b.entry.data.updated.getTime() - a.entry.data.updated.getTime())
  return grouped
}

export async function articlesIn(lang: Language): Promise<Article[]> {
  return (await articlesByLanguage()).get(lang) ?? []
}

/** The same article in the other language, found by translation key. */
export async function translationOf(article: Article, lang: Language): Promise<Article | undefined> {
  return (await translationIndex()).get(`${lang}:${article.entry.data.translationKey}`)
}

let index: Promise<Map<string, Article>> | undefined
function translationIndex(): Promise<Map<string, Article>> {
  index ??= articlesByLanguage().then((all) => new Map([...all.values()].flat().map((a) => [`${a.lang}:${a.entry.data.translationKey}`, a])))
  return index
}

/**
 * Up to `limit` related articles: the ones the frontmatter names first, then others of the same
 * category sharing most tags. Only the article's own category is scanned, so a build with
 * thousands of articles stays linear per category.
 */
export async function relatedTo(article: Article, limit = 4): Promise<Article[]> {
  const keyed = await translationIndex()
  const chosen = article.entry.data.related
    .map((key) => keyed.get(`${article.lang}:${key}`))
    .filter((a): a is Article => a !== undefined)
  if (chosen.length >= limit) return chosen.slice(0, limit)
  const tags = new Set(article.entry.data.tags)
  const taken = new Set([article.url, ...chosen.map((a) => a.url)])
  const sameCategory = (await byCategory(article.lang)).get(article.category.key) ?? []
  const scored = sameCategory
    .filter((a) => !taken.has(a.url))
    .map((a) => ({ a, score: a.entry.data.tags.filter((t) => tags.has(t)).length }))
    .sort((x, y) => y.score - x.score)
  return [...chosen, ...scored.slice(0, limit - chosen.length).map((s) => s.a)]
}

const categoryIndex = new Map<Language, Promise<Map<string, Article[]>>>()
/** Articles of one language grouped by category key. */
export function byCategory(lang: Language): Promise<Map<string, Article[]>> {
  if (!categoryIndex.has(lang)) {
    categoryIndex.set(lang, articlesIn(lang).then((list) => {
      const groups = new Map<string, Article[]>()
      for (const a of list) {
        const group = groups.get(a.category.key)
        if (group) group.push(a)
        else groups.set(a.category.key, [a])
      }
      return groups
    }))
  }
  return categoryIndex.get(lang)!
}
