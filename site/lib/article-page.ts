/**
 * The parts of a built article page that follow from its Markdown body alone: the table of contents
 * and the body itself, each between two comments. `astro build` writes them; an update of a
 * changed body (site/integrations/kb-update.ts) replaces only what lies between them.
 */
import type { MarkdownHeading } from 'astro'
import type { Language } from '#lib/language.ts'
import { escapeHtml } from '#lib/escape-html.ts'
import { t } from '../i18n/index.ts'

/** The comments around each part. Markdown shows raw HTML as text, so a body cannot hold them. */
export const ARTICLE_PARTS = {
  toc: ['<!--loket:toc-->', '<!--/loket:toc-->'],
  body: ['<!--loket:body-->', '<!--/loket:body-->'],
} as const satisfies Record<string, readonly [string, string]>

export type ArticlePart = keyof typeof ARTICLE_PARTS

/** Table of contents from the article's second-level headings; nothing for an article with fewer than two. */
export function tocHtml(lang: Language, headings: readonly MarkdownHeading[]): string {
  const sections = headings.filter((h) => h.depth === 2)
  if (sections.length < 2) return ''
  const items = sections.map((h) => `<li><a href="#${escapeHtml(h.slug)}">${escapeHtml(h.text)}</a></li>`).join('')
  return `<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">${escapeHtml(t(lang, 'article.toc'))}</h2><ul>${items}</ul></nav>`
}

/**
 * `page` with each given part's text replaced; undefined when the page lacks a part's comments
 * (built before they existed, or not an article), so the caller builds in full instead.
 */
export function replaceArticleParts(page: string, parts: Partial<Record<ArticlePart, string>>): string | undefined {
  let result = page
  for (const [name, text] of Object.entries(parts) as [ArticlePart, string][]) {
    const [open, close] = ARTICLE_PARTS[name]
    const start = result.indexOf(open)
    const end = result.indexOf(close, start + open.length)
    if (start < 0 || end < 0 || result.indexOf(open, start + open.length) >= 0) return undefined
    result = `${result.slice(0, start + open.length)}${text}${result.slice(end)}`
  }
  return result
}
