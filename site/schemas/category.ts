/** KnowledgeBase categories (content/categories.yaml): their schema. */
import { z } from 'zod'
import { Localized } from '#domain/desk.ts'
import { ICON_NAMES } from '../lib/icons.ts'

export const Category = z.strictObject({
  /** The folder name under content/articles/<lang>/ and the value of an article's `category`. */
  key: z.string().regex(/^[a-z][a-z0-9-]*$/),
  /** The URL segment per language. */
  slug: z.strictObject({ nl: z.string().regex(/^[a-z0-9-]+$/), en: z.string().regex(/^[a-z0-9-]+$/) }),
  name: Localized,
  description: Localized,
  /** The icon on the home page's card and the category page (site/lib/icons.ts); default none. */
  icon: z.enum(ICON_NAMES, { error: `expected one of the icons ${ICON_NAMES.join(', ')}` }).optional(),
})
export type Category = z.infer<typeof Category>

export const Categories = z.array(Category).min(1).superRefine((list, ctx) => {
  for (const field of ['key', 'slug.nl', 'slug.en'] as const) {
    const seen = new Set<string>()
    list.forEach((c, i) => {
      const value = field === 'key' ? c.key : c.slug[field === 'slug.nl' ? 'nl' : 'en']
      if (seen.has(value)) ctx.addIssue({ code: 'custom', path: [i, ...field.split('.')], message: `"${value}" is used twice` })
      seen.add(value)
    })
  }
})
