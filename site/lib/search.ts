/** What the search island needs from the site: its strings and where the hand-off leads. */
import type { Language } from '../../server/domain/desk.ts'
import { dictionaries } from '../i18n/index.ts'
import type { SearchStrings } from '../islands/Search.tsx'
import { articlesIn } from './articles.ts'
import { PAGES } from './routes.ts'

/** The article that explains how to register an incident: the hand-off's target until a widget takes over. */
const HANDOFF_ARTICLE = 'register-incident'

export function searchStrings(lang: Language): SearchStrings {
  const d = dictionaries[lang]
  const pick = <K extends keyof SearchStrings>(key: K) => d[`search.${key}`]
  const keys: (keyof SearchStrings)[] = [
    'label', 'placeholder', 'submit', 'results', 'oneResult', 'filtered', 'noResults', 'loading', 'error',
    'filterCategory', 'filterProductArea', 'filterAll', 'allResults', 'keyboardHint', 'handoffTitle', 'handoffText', 'handoffButton',
  ]
  return Object.fromEntries(keys.map((k) => [k, pick(k)])) as SearchStrings
}

/** The hand-off link: the register-an-incident article, or the hours page when there is none. */
export async function handoffUrl(lang: Language): Promise<string> {
  const article = (await articlesIn(lang)).find((a) => a.entry.data.translationKey === HANDOFF_ARTICLE)
  return article?.url ?? PAGES.hours[lang]
}
