/** URLs of the KnowledgeBase in both languages: Dutch at the root, English under /en/. */
import type { Language } from '../../server/domain/desk.ts'
import type { Category } from '../schemas/category.ts'

/** Fixed pages and their path per language. */
export const PAGES = {
  home: { nl: '/', en: '/en/' },
  search: { nl: '/zoeken/', en: '/en/search/' },
  hours: { nl: '/openingstijden/', en: '/en/opening-hours/' },
  priorities: { nl: '/prioriteiten/', en: '/en/priorities/' },
  portal: { nl: '/portaal/', en: '/en/portal/' },
  portalIncidents: { nl: '/portaal/incidenten/', en: '/en/portal/incidents/' },
  portalNew: { nl: '/portaal/melden/', en: '/en/portal/new/' },
  portalOrganisation: { nl: '/portaal/organisatie/', en: '/en/portal/organisation/' },
  portalComplaints: { nl: '/portaal/klachten/', en: '/en/portal/complaints/' },
  portalAccess: { nl: '/portaal/toegang/', en: '/en/portal/access/' },
  remoteView: { nl: '/meekijken/', en: '/en/remote-view/' },
  staff: { nl: '/staff/', en: '/en/staff/' },
  staffIncident: { nl: '/staff/incident/', en: '/en/staff/incident/' },
  staffSignals: { nl: '/staff/signalen/', en: '/en/staff/signals/' },
  staffInsight: { nl: '/staff/inzicht/', en: '/en/staff/insight/' },
  staffAccess: { nl: '/staff/toegang/', en: '/en/staff/access/' },
} as const satisfies Record<string, Record<Language, string>>

export type PageName = keyof typeof PAGES

/** Path prefix of a language: '' for Dutch, '/en' for English. */
export function prefix(lang: Language): string {
  return lang === 'nl' ? '' : `/${lang}`
}

export function categoryUrl(lang: Language, category: Category): string {
  return `${prefix(lang)}/${category.slug[lang]}/`
}

/** @example articleUrl('en', support, 'register-an-incident') === '/en/support/register-an-incident/' */
export function articleUrl(lang: Language, category: Category, slug: string): string {
  return `${categoryUrl(lang, category)}${slug}/`
}

/** The language a path belongs to. */
export function languageOf(path: string): Language {
  return path === '/en' || path.startsWith('/en/') ? 'en' : 'nl'
}
