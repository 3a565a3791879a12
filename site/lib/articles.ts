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

/** All published articles, grouped by language, newest change first (then by id). Read once per build. */
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
  // Between articles of one day, by id: the loader stores files in the order their reads finish, and every build must list alike.
  for (const list of grouped.values()) list.sort((a, b) => b.entry.data.updated.getTime() - a.entry.data.updated.getTime() || (a.entry.id < b.entry.id ? -1 : 1))
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
 * category sharing most tags (in the category's order between as many), then the rest of the
 * category in its order. Only the articles sharing a tag are counted, through the category's tag
 * index, so a build with thousands of articles does not compare every pair in a category.
 */
export async function relatedTo(article: Article, limit = 4): Promise<Article[]> {
  const keyed = await translationIndex()
  const chosen = article.entry.data.related
    .map((key) => keyed.get(`${article.lang}:${key}`))
    .filter((a): a is Article => a !== undefined)
  if (chosen.length >= limit) return chosen.slice(0, limit)
  const taken = new Set([article.url, ...chosen.map((a) => a.url)])
  const { articles: sameCategory, byTag } = (await tagIndex(article.lang)).get(article.category.key) ?? { articles: [], byTag: new Map() }
  // Shared tags per position in the category; a tag an article lists twice counts twice, as it always did.
  const shared = new Map<number, number>()
  for (const tag of new Set(article.entry.data.tags)) {
    for (const at of byTag.get(tag) ?? []) shared.set(at, (shared.get(at) ?? 0) + 1)
  }
  const sharing = [...shared].filter(([at]) => !taken.has(sameCategory[at].url)).sort(([a, x], [b, y]) => y - x || a - b).map(([at]) => sameCategory[at])
  const rest = limit - chosen.length
  const picked = sharing.slice(0, rest)
  for (let at = 0; picked.length < rest && at < sameCategory.length; at++) {
    if (!shared.has(at) && !taken.has(sameCategory[at].url)) picked.push(sameCategory[at])
  }
  return [...chosen, ...picked]
}

interface CategoryTags {
  articles: Article[]
  /** Tag → the positions in `articles` of the articles listing it (twice for an article that lists it twice). */
  byTag: Map<string, number[]>
}

const tagIndexes = new Map<Language, Promise<Map<string, CategoryTags>>>()
/** Per category key, its articles and where each tag occurs among them. */
function tagIndex(lang: Language): Promise<Map<string, CategoryTags>> {
  let index = tagIndexes.get(lang)
  if (!index) {
    index = byCategory(lang).then((groups) => new Map([...groups].map(([key, articles]) => {
      const byTag = new Map<string, number[]>()
      articles.forEach((a, at) => {
        for (const tag of a.entry.data.tags) {
          const list = byTag.get(tag)
          if (list) list.push(at)
          else byTag.set(tag, [at])
        }
      })
      return [key, { articles, byTag }]
    })))
    tagIndexes.set(lang, index)
  }
  return index
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
