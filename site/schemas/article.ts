/** Frontmatter of a KnowledgeBase article: validated at build time, file and field named on error. */
import { z } from 'astro/zod'

/** Values the schema checks against: the category keys and the product area keys. */
export interface ArticleVocabulary {
  categories: readonly string[]
  productAreas: readonly string[]
}

const translationKey = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a lowercase key with hyphens, e.g. "register-incident"')

/** The article schema for a given vocabulary (Astro's zod, as content collections require). */
export function articleSchema(vocabulary: ArticleVocabulary) {
  return z.object({
    /** The title, shown as the heading and in search results. */
    title: z.string().min(3).max(120),
    /** One or two sentences shown under the title in lists and results. */
    description: z.string().min(20).max(240),
    /** A category key from content/categories.yaml; must equal the folder the file is in. */
    category: z.enum(vocabulary.categories as [string, ...string[]]),
    /** A product area key from content/desk.yaml, or `general` for articles about support itself. */
    productArea: z.enum(['general', ...vocabulary.productAreas] as [string, ...string[]]),
    /** Lowercase search words; at least one, at most eight. */
    tags: z.array(z.string().regex(/^[\p{Ll}\d][\p{Ll}\d -]*$/u, 'expected lowercase words')).min(1).max(8),
    /**
     * The words customers use for this topic when they are not the article's own ("vakantie" for
     * verlof): indexed with weight, never shown. Lowercase; at most twenty; default none.
     */
    aliases: z.array(z.string().regex(/^[\p{Ll}\d][\p{Ll}\d' -]*$/u, 'expected lowercase words')).max(20).default([]),
    /** Date of the last real change, YYYY-MM-DD. */
    updated: z.coerce.date(),
    /** The same key in both languages: links an article to its translation. */
    translationKey,
    /** Translation keys of related articles; default none (related ones are then found by category). */
    related: z.array(translationKey).default([]),
    /** Rank among the popular articles on the home page; default not featured. */
    featured: z.number().int().positive().optional(),
    /** A draft is left out of the build; default false. */
    draft: z.boolean().default(false),
  }).strict()
}

export type ArticleData = z.infer<ReturnType<typeof articleSchema>>
