/** getStaticPaths of the category and article pages, per language. */
import type { Language } from '#lib/language.ts'
import { articlesIn } from './articles.ts'
import { categories } from './config.ts'

export function categoryPaths(lang: Language) {
  return categories.map((category) => ({ params: { category: category.slug[lang] }, props: { category } }))
}

export async function articlePaths(lang: Language) {
  return (await articlesIn(lang)).map((article) => ({
    params: { category: article.category.slug[lang], slug: article.slug },
    props: { article },
  }))
}
