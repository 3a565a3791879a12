/** Renders a `.md` article with markdown-it: the HTML, heading ids and headings Astro's own pipeline made, for a fraction of its time. */
import MarkdownIt, { type Env, type StateCore, type Token } from 'markdown-it'
import GithubSlugger from 'github-slugger'
import type { MarkdownHeading } from 'astro'

/**
 * Raise when the HTML this module makes, or what the loader keeps of it, changes: it is part of every
 * article's cache digest, so a build with a kept content cache renders every `.md` article again
 * instead of serving stale HTML. (2: headings kept packed, see packHeadings.)
 */
export const MARKDOWN_RENDERING = 2

/** An article body rendered: the HTML and its headings (depth, id, text) for the table of contents. */
export interface RenderedMarkdown {
  html: string
  headings: MarkdownHeading[]
  /** Image sources that are neither root-relative nor absolute URLs (Astro resolves those only in MDX). */
  relativeImages: string[]
}

interface RenderEnv extends Env {
  headings: MarkdownHeading[]
  relativeImages: string[]
}

const md = new MarkdownIt('default', {
  // Raw HTML is shown as text: editors write Markdown, the pages' CSP refuses inline styles and
  // handlers anyway, and MDX remains for what Markdown cannot say.
  html: false,
  // Bare https:// addresses and e-mail addresses become links, as GitHub-flavoured Markdown does.
  linkify: true,
  typographer: true,
  quotes: '“”‘’',
})
// Only addresses with a scheme (and e-mail addresses): "example.com" in a sentence stays text, as in GFM.
md.linkify.set({ fuzzyLink: false, fuzzyEmail: true })
// Astro's SmartyPants: curly quotes (markdown-it's smartquotes), "--" an em dash, "..." an
// ellipsis, and nothing else — markdown-it's own replacements would also turn (c) into © and ".." into "…".
md.core.ruler.at('replacements', dashesAndEllipses)
// After text_join, so that escaped characters and entities are part of the heading's text.
md.core.ruler.push('heading_ids', headingIds)
md.core.ruler.push('relative_images', relativeImages)
// Struck text as <del>, as Astro writes it.
md.renderer.rules.s_open = () => '<del>'
md.renderer.rules.s_close = () => '</del>'
// Table alignment as the align attribute (as Astro writes it): markdown-it's style attribute is refused by the CSP.
for (const rule of ['th_open', 'td_open']) {
  md.renderer.rules[rule] = (tokens, index, options, _env, self) => {
    const token = tokens[index]
    const style = token.attrGet('style')
    if (typeof style === 'string') {
      token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style')
      token.attrSet('align', style.replace(/^text-align:\s*/, ''))
    }
    return self.renderToken(tokens, index, options)
  }
}

/** The build's error for images a `.md` article names by a relative path (`where`: the file). */
export function relativeImagesMessage(where: string, images: readonly string[]): string {
  return `${where}: images with a relative path (${images.join(', ')}) work only in an .mdx article; use a path from the site root (/images/…) or rename the file to .mdx`
}

/**
 * An article's headings as the articles collection keeps them: one string instead of an object per
 * heading. Astro's content store becomes one JavaScript module in the build, and the bundler spends
 * memory on every object in it; at 5,000 articles the headings were two thirds of its objects.
 * @example packHeadings([{ depth: 2, slug: 'stap', text: 'Stap' }]) === '[[2,"stap","Stap"]]'
 */
export function packHeadings(headings: readonly MarkdownHeading[]): string {
  return JSON.stringify(headings.map((h) => [h.depth, h.slug, h.text]))
}

/** The headings `packHeadings` kept; undefined for anything else (an MDX entry has none kept). */
export function unpackHeadings(packed: unknown): MarkdownHeading[] | undefined {
  if (typeof packed !== 'string') return undefined
  return (JSON.parse(packed) as [number, string, string][]).map(([depth, slug, text]) => ({ depth, slug, text }))
}

/** Renders an article body (the Markdown after the frontmatter). */
export function renderMarkdown(body: string): RenderedMarkdown {
  const env: RenderEnv = { headings: [], relativeImages: [] }
  const html = md.render(body, env)
  return { html: html.trimEnd(), headings: env.headings, relativeImages: env.relativeImages }
}

function inlineTokens(state: StateCore): Token[][] {
  return state.tokens.filter((t) => t.type === 'inline' && t.children).map((t) => t.children!)
}

function dashesAndEllipses(state: StateCore): void {
  for (const children of inlineTokens(state)) {
    let insideAutolink = false
    for (const token of children) {
      if (token.type === 'link_open' && token.info === 'auto') insideAutolink = true
      else if (token.type === 'link_close' && token.info === 'auto') insideAutolink = false
      else if (token.type === 'text' && !insideAutolink && /--|\.\.\.|\. \. \.|'\d\ds/.test(token.content)) {
        token.content = token.content
          .replace(/(?<!-)--(?!-)/g, '—')
          // An apostrophe before a decade ('80s) closes, as SmartyPants has it; smartquotes would open it.
          .replace(/(^|\s)'(?=\d\ds\b)/g, '$1’')
          .replace(/\.{3,}|\.(?: \.){2,}/g, '…')
      }
    }
  }
}

/**
 * Gives each heading the id Astro's rehype-heading-ids gives it: github-slugger over the heading's
 * text (typography applied, inline code included, images' alt text not), numbered when repeated,
 * a trailing hyphen dropped; and lists the headings in order.
 */
function headingIds(state: StateCore): void {
  const env = state.env as RenderEnv
  const slugger = new GithubSlugger()
  const tokens = state.tokens
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i]
    if (open.type !== 'heading_open') continue
    const text = headingText(tokens[i + 1]?.children ?? [])
    let slug = slugger.slug(text)
    if (slug.endsWith('-')) slug = slug.slice(0, -1)
    open.attrSet('id', slug)
    env.headings.push({ depth: Number(open.tag.slice(1)), slug, text })
  }
}

function headingText(children: Token[]): string {
  let text = ''
  for (const child of children) {
    // Astro reads "{" in Markdown text as "${" (its MDX-minded escaping); ids and the headings' text keep that quirk.
    if (child.type === 'text') text += child.content.replace(/\{/g, '${')
    else if (child.type === 'code_inline') text += child.content
    else if (child.type === 'softbreak') text += '\n'
  }
  return text
}

function relativeImages(state: StateCore): void {
  const env = state.env as RenderEnv
  const visit = (children: Token[]) => {
    for (const token of children) {
      if (token.type !== 'image') continue
      const src = String(token.attrGet('src') ?? '')
      if (!/^(\/|[a-z][a-z0-9+.-]*:)/i.test(src)) env.relativeImages.push(src)
      if (token.children) visit(token.children)
    }
  }
  for (const children of inlineTokens(state)) visit(children)
}
