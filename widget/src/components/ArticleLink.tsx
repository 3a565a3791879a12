/** A link to a KB article from a Pagefind result: its title as text, a new tab when it leaves the host's site. */
import type { PagefindResult } from '#lib/pagefind.ts'

export interface ArticleLinkProps {
  result: PagefindResult
  /** Whether the article is on another site than the page: then it opens in a new tab, keeping the host page. */
  isForeign: boolean
  onOpen(url: string): void
}

export function ArticleLink({ result, isForeign, onOpen }: ArticleLinkProps) {
  // Pagefind's meta is raw text from the article: rendered as text, never as markup.
  return <a href={result.url} {...(isForeign ? { target: '_blank', rel: 'noopener' } : {})} onClick={() => onOpen(result.url)}>{result.meta.title ?? result.url}</a>
}
