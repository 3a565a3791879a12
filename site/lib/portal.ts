/** The customer portal's pages: their order in the menu and their titles. */
import type { Language } from '#lib/language.ts'
import { translator } from '../i18n/index.ts'

/** The portal's pages (names in PAGES) in menu order. */
export const PORTAL_MENU = ['portal', 'portalIncidents', 'portalNew', 'portalOrganisation', 'portalComplaints', 'portalAccess'] as const
export type PortalPage = (typeof PORTAL_MENU)[number]

/** Each page's title, which is also its menu label; the overview is called after the portal. */
export function portalTitles(lang: Language): Record<PortalPage, string> {
  const tr = translator(lang)
  return {
    portal: tr('portal.nav.label'),
    portalIncidents: tr('portal.nav.incidents'),
    portalNew: tr('portal.nav.new'),
    portalOrganisation: tr('portal.nav.organisation'),
    portalComplaints: tr('portal.nav.complaints'),
    portalAccess: tr('portal.nav.access'),
  }
}
