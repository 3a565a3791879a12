/** The language of the page a desk component renders in, read from its URL: English pages live under /en/. */
import type { Language } from '#lib/language.ts'

/** `en` for a page under `/en/`, else `nl`. */
export function pageLanguage(url: URL): Language {
  return url.pathname === '/en' || url.pathname.startsWith('/en/') ? 'en' : 'nl'
}
