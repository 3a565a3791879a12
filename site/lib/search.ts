/** What the search island needs from the site: its strings and where the hand-off leads. */
import type { Language } from '#lib/language.ts'
import { dictionaries } from '../i18n/index.ts'
import type { SearchStrings } from '../islands/Search/index.tsx'
import { articlesIn } from './articles.ts'
import { PAGES } from '#lib/paths.ts'

/** The article that explains how to register an incident: the hand-off's target until a widget takes over. */
const HANDOFF_ARTICLE = 'register-incident'

const SEARCH_KEYS = [
  'label', 'placeholder', 'submit', 'results', 'oneResult', 'filtered', 'noResults', 'didYouMean', 'loading', 'error',
  'filterCategory', 'filterProductArea', 'filterAll', 'allResults', 'keyboardHint', 'handoffTitle', 'handoffText', 'handoffButton',
] as const satisfies readonly (keyof SearchStrings)[]

/** The island's strings: the dictionary's `search.*` entries of `lang`. */
export function searchStrings(lang: Language): SearchStrings {
  const strings = {} as SearchStrings
  for (const key of SEARCH_KEYS) strings[key] = dictionaries[lang][`search.${key}`]
  return strings
}

const handoffs = new Map<Language, Promise<string>>()

/** The hand-off link: the register-an-incident article, or the hours page when there is none. Looked up once per build and language: every article page shows it. */
export function handoffUrl(lang: Language): Promise<string> {
  let url = handoffs.get(lang)
  if (!url) {
    url = articlesIn(lang).then((list) => list.find((a) => a.entry.data.translationKey === HANDOFF_ARTICLE)?.url ?? PAGES.hours[lang])
    handoffs.set(lang, url)
  }
  return url
}
