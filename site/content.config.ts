/** The articles collection: Markdown and MDX files under content/articles/<lang>/<category>/. */
import { defineCollection } from 'astro:content'
import { LANGUAGES } from '#lib/language.ts'
import { articleSchema } from './schemas/article.ts'
import { ARTICLES_DIR, categories, desk } from './lib/config.ts'
import { articleLoader } from './loaders/articles.ts'

const vocabulary = {
  categories: categories.map((c) => c.key),
  productAreas: desk.productAreas.map((a) => a.key),
}

const articles = defineCollection({
  // `.md` through markdown-it, kept while unchanged; `.mdx` through Astro's MDX pipeline.
  loader: articleLoader({ base: ARTICLES_DIR, languages: LANGUAGES, vocabulary: JSON.stringify(vocabulary) }),
  schema: articleSchema(vocabulary),
})

export const collections = { articles }
