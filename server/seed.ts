/** Demo data for a new data folder: three customer organisations, their contacts, and support staff. */
import type { Contact, Organisation, Staff } from './domain/records.ts'
import { hashPassword } from './auth/tokens.ts'
import type { Store } from './store/store.ts'
import { PAGES } from '#lib/paths.ts'

/** The password of every demo staff member; printed at start so a newcomer can sign in. */
export const DEMO_STAFF_PASSWORD = 'loket-demo'

const ORGANISATIONS: Organisation[] = [
  {
    id: 'org-jansen', name: 'Bakkerij Jansen B.V.', customerNumber: '104211', isFirstClass: true, address: 'Molenstraat 12, 9711 AB Groningen',
    subscriptions: [{ name: 'Noordwind ERP Compleet', since: '2021-03-01' }, { name: 'First Class support', since: '2023-01-01', isFirstClass: true }],
    invoices: [{ number: 'F26-0412', date: '2026-10-01', amountCents: 184_500, isPaid: true }, { number: 'F26-0533', date: '2026-11-01', amountCents: 184_500, isPaid: false }],
    projects: [{ name: 'Koppeling webwinkel', status: 'in uitvoering' }],
    courses: [{ name: 'Voorraadbeheer voor gevorderden', date: '2026-09-17', participants: 3 }],
  },
  {
    id: 'org-devries', name: 'De Vries Installatietechniek', customerNumber: '104388', isFirstClass: false, address: 'Industrieweg 4, 8031 CK Zwolle',
    subscriptions: [{ name: 'Noordwind ERP Financieel', since: '2022-06-01' }],
    invoices: [{ number: 'F26-0419', date: '2026-10-01', amountCents: 61_250, isPaid: true }],
    projects: [], courses: [{ name: 'Btw-aangifte in Noordwind', date: '2026-05-12', participants: 1 }],
  },
  {
    id: 'org-hoekstra', name: 'Hoekstra Logistiek', customerNumber: '104502', isFirstClass: false, address: 'Havenkade 88, 8911 AA Leeuwarden',
    subscriptions: [{ name: 'Noordwind ERP Logistiek', since: '2024-02-01' }],
    invoices: [], projects: [{ name: 'Implementatie magazijnscanners', status: 'afgerond' }], courses: [],
  },
]

const CONTACTS: Contact[] = [
  { id: 'c-jansen-admin', organisationId: 'org-jansen', name: 'Marieke Jansen', email: 'marieke@bakkerij-jansen.example', lang: 'nl', role: 'admin', isAuthorised: true, isActive: true },
  { id: 'c-jansen-emp', organisationId: 'org-jansen', name: 'Tom Bakker', email: 'tom@bakkerij-jansen.example', lang: 'nl', role: 'employee', isAuthorised: true, isActive: true },
  { id: 'c-jansen-new', organisationId: 'org-jansen', name: 'Sanne Visser', email: 'sanne@bakkerij-jansen.example', lang: 'nl', role: 'employee', isAuthorised: false, isActive: true },
  { id: 'c-devries-admin', organisationId: 'org-devries', name: 'Peter de Vries', email: 'peter@devries-installatie.example', lang: 'nl', role: 'admin', isAuthorised: true, isActive: true },
  { id: 'c-devries-emp', organisationId: 'org-devries', name: 'Aisha el Amrani', email: 'aisha@devries-installatie.example', lang: 'en', role: 'employee', isAuthorised: true, isActive: true },
  { id: 'c-hoekstra-admin', organisationId: 'org-hoekstra', name: 'Jelle Hoekstra', email: 'jelle@hoekstra-logistiek.example', lang: 'nl', role: 'admin', isAuthorised: true, isActive: true },
  { id: 'c-devries-planner', organisationId: 'org-devries', name: 'Bram Kok', email: 'bram@devries-installatie.example', lang: 'nl', role: 'employee', isAuthorised: true, isActive: true },
  { id: 'c-hoekstra-emp', organisationId: 'org-hoekstra', name: 'Femke de Jong', email: 'femke@hoekstra-logistiek.example', lang: 'nl', role: 'employee', isAuthorised: true, isActive: true },
  { id: 'c-hoekstra-clerk', organisationId: 'org-hoekstra', name: 'Wouter Bos', email: 'wouter@hoekstra-logistiek.example', lang: 'nl', role: 'employee', isAuthorised: true, isActive: true },
  { id: 'c-hoekstra-planner', organisationId: 'org-hoekstra', name: 'Noor Dijkstra', email: 'noor@hoekstra-logistiek.example', lang: 'nl', role: 'employee', isAuthorised: true, isActive: true, phone: '+31 58 213 44 77' },
  { id: 'c-hoekstra-driver', organisationId: 'org-hoekstra', name: 'Joris Wiersma', email: 'joris@hoekstra-logistiek.example', lang: 'en', role: 'employee', isAuthorised: false, isActive: true, phone: '06 4129 8830' },
  { id: 'c-hoekstra-analyst', organisationId: 'org-hoekstra', name: 'Sven de Graaf', email: 'sven@hoekstra-logistiek.example', lang: 'en', role: 'employee', isAuthorised: true, isActive: true },
  { id: 'c-devries-buyer', organisationId: 'org-devries', name: 'Lisa Meijer', email: 'lisa@devries-installatie.example', lang: 'en', role: 'employee', isAuthorised: true, isActive: true },
  { id: 'c-devries-intern', organisationId: 'org-devries', name: 'Kees Vos', email: 'kees@devries-installatie.example', lang: 'nl', role: 'employee', isAuthorised: false, isActive: true },
  { id: 'c-devries-office', organisationId: 'org-devries', name: 'Linda Meijer', email: 'linda@devries-installatie.example', lang: 'nl', role: 'admin', isAuthorised: true, isActive: true },
  { id: 'c-hoekstra-designer', organisationId: 'org-hoekstra', name: 'Lieke Mulder', email: 'lieke@hoekstra-logistiek.example', lang: 'nl', role: 'employee', isAuthorised: true, isActive: true },
]

const STAFF: Omit<Staff, 'passwordHash'>[] = [
  { id: 's-lotte', name: 'Lotte Smit', email: 'lotte@noordwind.example', teams: ['first-line', 'finance'], role: 'agent', extension: '201', isActive: true },
  { id: 's-daan', name: 'Daan Mulder', email: 'daan@noordwind.example', teams: ['logistics'], role: 'agent', extension: '202', isActive: true },
  { id: 's-fatima', name: 'Fatima Yilmaz', email: 'fatima@noordwind.example', teams: ['platform'], role: 'agent', extension: '203', isActive: true },
  { id: 's-ruud', name: 'Ruud de Boer', email: 'ruud@noordwind.example', teams: ['first-line'], role: 'customer_care', extension: '210', isActive: true },
  { id: 's-admin', name: 'Ingrid Postma', email: 'ingrid@noordwind.example', teams: ['first-line', 'finance', 'logistics', 'platform'], role: 'admin', extension: '200', isActive: true },
]

/** Seeds the demo desk when the store has no organisations yet; returns whether it did. */
export async function seedDemo(store: Store): Promise<boolean> {
  if ((await store.organisations.list()).length > 0) return false
  for (const organisation of ORGANISATIONS) await store.organisations.put(organisation)
  for (const contact of CONTACTS) await store.contacts.put(contact)
  const passwordHash = await hashPassword(DEMO_STAFF_PASSWORD)
  for (const staff of STAFF) await store.staff.put({ ...staff, passwordHash })
  return true
}

/** How to sign in to the demo, printed by `npm start`. */
export function demoInstructions(baseUrl: string): string {
  return [
    'Demo sign-in:',
    `  staff     ${STAFF.map((s) => s.email).join(', ')} — password "${DEMO_STAFF_PASSWORD}", in the console at ${baseUrl}${PAGES.staff.nl}`,
    `  customers ${CONTACTS.filter((c) => c.isAuthorised).map((c) => c.email).join(', ')} — by e-mailed link, in the portal at ${baseUrl}${PAGES.portal.nl} (the mail lands in the outbox folder)`,
    `  not authorised: ${CONTACTS.filter((c) => !c.isAuthorised).map((c) => c.email).join(', ')}`,
  ].join('\n')
}
