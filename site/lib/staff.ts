/** The staff console's pages: their order in the menu and their titles. */
import type { Language } from '#lib/language.ts'
import { translator } from '../i18n/index.ts'

/** The console's pages (names in PAGES) in menu order; the incident page is reached from the queue. */
export const STAFF_MENU = ['staff', 'staffSearch', 'staffPhone', 'staffComplaints', 'staffSignals', 'staffInsight', 'staffAccess', 'staffInbox', 'staffSettings', 'staffEmbedding'] as const
export type StaffPage = (typeof STAFF_MENU)[number] | 'staffIncident'

export function staffTitles(lang: Language): Record<StaffPage, string> {
  const tr = translator(lang)
  return { staff: tr('staff.nav.queue'), staffIncident: tr('staff.title.incident'), staffSearch: tr('staff.nav.search'), staffSignals: tr('staff.nav.signals'), staffInsight: tr('staff.nav.insight'), staffAccess: tr('staff.access.title'), staffComplaints: tr('staff.complaints.title'), staffInbox: tr('staff.nav.inbox'), staffPhone: tr('staff.nav.phone'), staffSettings: tr('staff.settings.title'), staffEmbedding: tr('staff.embedding.title') }
}
