/** The articles collection: Markdown and MDX files under content/articles/<lang>/<category>/. */
import { defineCollection } from 'astro:content'
import { glob } from 'astro/loaders'
import { articleSchema } from './schemas/article.ts'
import { ARTICLES_DIR, categories, desk } from './lib/config.ts'

const articles = defineCollection({
  loader: glob({ pattern: ['{nl,en}/*/**/*.{md,mdx}'], base: ARTICLES_DIR }),
  schema: articleSchema({
    categories: categories.map((c) => c.key),
    productAreas: desk.productAreas.map((a) => a.key),
  }),
})

export const collections = { articles }
