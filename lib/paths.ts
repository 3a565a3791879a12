/** Page paths of the KnowledgeBase, portal and console in both languages (Dutch at the root, English under /en/): for the site, the islands and the server's mail links. */
import { LANGUAGES, type Language } from './language.ts'

/** What a path needs of a category: its slug per language (categories.yaml). */
export interface CategorySlugs {
  slug: Record<Language, string>
}

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
  staffSearch: { nl: '/staff/zoeken/', en: '/en/staff/search/' },
  staffSignals: { nl: '/staff/signalen/', en: '/en/staff/signals/' },
  staffInsight: { nl: '/staff/inzicht/', en: '/en/staff/insight/' },
  staffAccess: { nl: '/staff/toegang/', en: '/en/staff/access/' },
  staffComplaints: { nl: '/staff/klachten/', en: '/en/staff/complaints/' },
  staffInbox: { nl: '/staff/meldingen/', en: '/en/staff/notifications/' },
  staffPhone: { nl: '/staff/telefoon/', en: '/en/staff/phone/' },
  staffSettings: { nl: '/staff/instellingen/', en: '/en/staff/settings/' },
  staffEmbedding: { nl: '/staff/insluiten/', en: '/en/staff/embedding/' },
} as const satisfies Record<string, Record<Language, string>>

/** The name of a fixed page, e.g. `portalAccess`. */
export type PageName = keyof typeof PAGES

/** Path prefix of a language: '' for Dutch, '/en' for English. */
export function prefix(lang: Language): string {
  return lang === 'nl' ? '' : `/${lang}`
}

/** @example categoryUrl('en', support) === '/en/support/' */
export function categoryUrl(lang: Language, category: CategorySlugs): string {
  return `${prefix(lang)}/${category.slug[lang]}/`
}

/** @example articleUrl('en', support, 'register-an-incident') === '/en/support/register-an-incident/' */
export function articleUrl(lang: Language, category: CategorySlugs, slug: string): string {
  return `${categoryUrl(lang, category)}${slug}/`
}

/** The language a path belongs to. */
export function languageOf(path: string): Language {
  return path === '/en' || path.startsWith('/en/') ? 'en' : 'nl'
}

/** The portal's own pages in one language, so islands link without knowing the URL scheme. */
export interface PortalPaths {
  home: string
  incidents: string
  newIncident: string
  organisation: string
  complaints: string
  /** Access and extra support. */
  access: string
  /** The KnowledgeBase's public page where the customer enters a remote-view code. */
  remoteView: string
  /** The KnowledgeBase's search page. */
  search: string
}

/** The portal's paths in `lang`. @example portalPaths('nl').access === '/portaal/toegang/' */
export function portalPaths(lang: Language): PortalPaths {
  return {
    home: PAGES.portal[lang],
    incidents: PAGES.portalIncidents[lang],
    newIncident: PAGES.portalNew[lang],
    organisation: PAGES.portalOrganisation[lang],
    complaints: PAGES.portalComplaints[lang],
    access: PAGES.portalAccess[lang],
    remoteView: PAGES.remoteView[lang],
    search: PAGES.search[lang],
  }
}

/** The portal page of one incident. @example incidentPath('nl', 'abc') === '/portaal/incidenten/?id=abc' */
export function incidentPath(lang: Language, id: string): string {
  return `${PAGES.portalIncidents[lang]}?id=${id}`
}

/** The portal page of one complaint. @example complaintPath('en', 'abc') === '/en/portal/complaints/?id=abc' */
export function complaintPath(lang: Language, id: string): string {
  return `${PAGES.portalComplaints[lang]}?id=${id}`
}

/** One `<link rel="alternate">` of a page: a language (or `x-default`) and that version's absolute URL. */
export interface Alternate {
  hreflang: Language | 'x-default'
  href: string
}

/**
 * The hreflang alternates of a page that exists in every language: each version names all of
 * them, itself included, absolute to `site` (the public address, BASE_URL), and `x-default` is
 * the Dutch one, the desk's first language.
 * @example alternates('https://kb.example', { nl: '/openingstijden/', en: '/en/opening-hours/' })
 * // → nl https://kb.example/openingstijden/, en https://kb.example/en/opening-hours/, x-default https://kb.example/openingstijden/
 */
export function alternates(site: string | URL, paths: Record<Language, string>): Alternate[] {
  const absolute = (path: string) => new URL(path, site).href
  return [
    ...LANGUAGES.map((lang) => ({ hreflang: lang, href: absolute(paths[lang]) })),
    { hreflang: 'x-default' as const, href: absolute(paths[LANGUAGES[0]]) },
  ]
}

/** The console page of one complaint. @example staffComplaintPath('nl', 'abc') === '/staff/klachten/?id=abc' */
export function staffComplaintPath(lang: Language, id: string): string {
  return `${PAGES.staffComplaints[lang]}?id=${id}`
}
