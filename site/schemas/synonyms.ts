/** The everyday ↔ product word list (content/synonyms.yaml): its schema, per language. */
import { z } from 'zod'

const word = z.string().regex(/^[\p{Ll}\d][\p{Ll}\d' -]*$/u, 'expected lowercase words')

/** One product word and the everyday words customers use for it. */
export const Synonym = z.strictObject({
  /** The word the articles use: an article holding it in its title, tags or aliases is found by the everyday words too. */
  product: word,
  /** The customers' own words for it; at least one. */
  everyday: z.array(word).min(1),
})
export type Synonym = z.infer<typeof Synonym>

const List = z.array(Synonym).superRefine((list, ctx) => {
  const seen = new Map<string, number>()
  list.forEach((entry, i) => {
    if (seen.has(entry.product)) ctx.addIssue({ code: 'custom', path: [i, 'product'], message: `"${entry.product}" is listed twice (also entry ${seen.get(entry.product)! + 1}); merge the entries` })
    seen.set(entry.product, i)
    entry.everyday.forEach((w, j) => {
      if (w === entry.product) ctx.addIssue({ code: 'custom', path: [i, 'everyday', j], message: `"${w}" is the product word itself` })
      if (entry.everyday.indexOf(w) !== j) ctx.addIssue({ code: 'custom', path: [i, 'everyday', j], message: `"${w}" is listed twice` })
    })
  })
})

/** The whole file: one list per language. */
export const Synonyms = z.strictObject({ nl: List.default([]), en: List.default([]) })
export type Synonyms = z.infer<typeof Synonyms>
