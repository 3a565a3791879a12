/** Reply examples made by the real presenters from a few demo records, so the document shows exactly what the API answers. */
import type { DeskConfig } from '../domain/desk.ts'
import type { Attachment, Contact, Organisation, Staff } from '../domain/records.ts'
import { presentAttachment } from '../present/attachment.ts'
import { presentContact, presentOrganisation } from '../present/organisation.ts'
import { presentPeople } from '../present/staff.ts'

/** Bakkerij Jansen, as in the demo data. */
const jansen: Organisation = {
  id: 'org-jansen', name: 'Bakkerij Jansen B.V.', customerNumber: '104211', isFirstClass: true, address: 'Molenstraat 12, 9711 AB Groningen',
  subscriptions: [{ name: 'Noordwind ERP Compleet', since: '2021-03-01' }, { name: 'First Class support', since: '2023-01-01', isFirstClass: true }],
  invoices: [{ number: 'F26-0412', date: '2026-10-01', amountCents: 184_500, isPaid: true }, { number: 'F26-0533', date: '2026-11-01', amountCents: 184_500, isPaid: false }],
  projects: [{ name: 'Koppeling webwinkel', status: 'in uitvoering' }],
  courses: [{ name: 'Voorraadbeheer voor gevorderden', date: '2026-09-17', participants: 3 }],
}

/** Its contacts: Sanne asked through the widget and is not authorised yet. */
const contact = (id: string, name: string, role: Contact['role'], isAuthorised = true): Contact =>
  ({ id, organisationId: jansen.id, name, email: `${name.split(' ')[0]!.toLowerCase()}@bakkerij-jansen.example`, lang: 'nl', role, isAuthorised, isActive: true })
const jansenContacts = [contact('c-jansen-admin', 'Marieke Jansen', 'admin'), contact('c-jansen-new', 'Sanne Visser', 'employee', false), contact('c-jansen-emp', 'Tom Bakker', 'employee')]

/** The demo staff, as records. */
const member = (id: string, name: string, teams: string[], role: Staff['role'], extension: string): Staff =>
  ({ id, name, email: `${name.split(' ')[0]!.toLowerCase()}@noordwind.example`, teams, role, extension, isActive: true, passwordHash: '' })
const staff = [
  member('s-lotte', 'Lotte Smit', ['first-line', 'finance'], 'agent', '201'), member('s-daan', 'Daan Mulder', ['logistics'], 'agent', '202'),
  member('s-fatima', 'Fatima Yilmaz', ['platform'], 'agent', '203'), member('s-ruud', 'Ruud de Boer', ['first-line'], 'customer_care', '210'),
  member('s-admin', 'Ingrid Postma', ['first-line', 'finance', 'logistics', 'platform'], 'admin', '200'),
]
/** desk.yaml's teams, in its order. */
const teams: DeskConfig['teams'] = [
  { key: 'first-line', name: { nl: 'Eerste lijn', en: 'First line' } }, { key: 'finance', name: { nl: 'Team Financieel', en: 'Finance team' } },
  { key: 'logistics', name: { nl: 'Team Logistiek', en: 'Logistics team' } }, { key: 'platform', name: { nl: 'Team Platform', en: 'Platform team' } },
]

/** The screenshot Tom Bakker attached to his incident. */
const screenshot: Attachment = {
  id: '5d1f8a3c-2e7b-4f90-8c6d-3b9a1e4f7c02', incidentId: '3f6c2a9e-8b1d-4c57-9a0e-2d4b7e51c8a3', fileName: 'digipoort-fout-500.png', contentType: 'image/png',
  size: 184_233, storedAs: 'attachments/5d1f8a3c', uploadedBy: 'contact:c-jansen-emp', at: '2026-11-30T09:45:00.000Z',
}

/** Bakkerij Jansen as its admin, Marieke Jansen, sees it, and as Tom Bakker, an employee, does. */
export const organisationAsAdmin = presentOrganisation(jansen, 'full')
export const organisationAsEmployee = presentOrganisation(jansen, 'brief')
/** Bakkerij Jansen's contacts, by name. */
export const contactsExample = jansenContacts.map(presentContact)
/** The demo staff and desk.yaml's teams, as the console's pickers get them. */
export const peopleExample = presentPeople({ people: staff, teams })
/** Tom's screenshot, as the API shows it. */
export const attachmentExample = presentAttachment(screenshot)
