/** Pagefind's excerpts as text: the matched words marked, no markup from an article ever becoming HTML. */

/** One piece of an excerpt: plain text, marked (a matched word) or not. */
export interface ExcerptPart {
  text: string
  isMark: boolean
}

/**
 * Splits Pagefind's excerpt into text parts, so the page renders them as text and no markup
 * from an article ever becomes HTML. Entities in the excerpt are decoded to their characters.
 */
export function excerptParts(excerpt: string, decode: (html: string) => string = decodeEntities): ExcerptPart[] {
  const parts: ExcerptPart[] = []
  const pattern = /<mark>([\s\S]*?)<\/mark>/g
  let last = 0
  for (const match of excerpt.matchAll(pattern)) {
    if (match.index > last) parts.push({ text: decode(excerpt.slice(last, match.index)), isMark: false })
    parts.push({ text: decode(match[1]), isMark: true })
    last = match.index + match[0].length
  }
  if (last < excerpt.length) parts.push({ text: decode(excerpt.slice(last)), isMark: false })
  return parts.filter((p) => p.text.length > 0)
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", nbsp: '\u00a0' }

/** Decodes the few entities Pagefind writes, and strips any tag left in a fragment. */
export function decodeEntities(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|#x27|nbsp);/g, (_, name: string) => ENTITIES[name])
}
