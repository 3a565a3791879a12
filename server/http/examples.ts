/** Reply examples made by the real presenters from a few demo records, so the document shows exactly what the API answers. */
import type { Deps } from '../deps.ts'
import type { z } from 'zod'
import type { ComplaintInput } from '../domain/complaint.ts'
import type { DeskConfig, Language } from '../domain/desk.ts'
import type { KbInsight } from '../domain/kb-insight.ts'
import { insightReport } from '../domain/kb-insight-report.ts'
import type { FollowUpInput } from '../domain/signals.ts'
import type { AccessGrant, Attachment, BackupRequest, Complaint, Contact, ExtraSupportRequest, FollowUp, Incident, Message, Organisation, RemoteView, Staff } from '../domain/records.ts'
import { presentAttachment } from '../present/attachment.ts'
import { presentComplaint } from '../present/complaint.ts'
import { presentConsents, presentPreview, presentSession } from '../present/consent.ts'
import { presentIncident } from '../present/incident.ts'
import { presentIncidentView } from '../present/incident-view.ts'
import { presentContact, presentOrganisation } from '../present/organisation.ts'
import { presentFollowUps, presentSignals } from '../present/signals.ts'
import { presentPeople, presentQueue } from '../present/staff.ts'
import { presentMe, presentStaffSignedIn } from '../present/viewer.ts'
import type { IncidentDeps } from '../services/incident-events.ts'
import { routeCall } from '../services/phone-routing.ts'
import { listSignals } from '../services/signals.ts'
import type { Store } from '../store/store.ts'

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
/** De Vries Installatietechniek, whose question waits in the queue, and its admin. */
const devries: Organisation = { id: 'org-devries', name: 'De Vries Installatietechniek', customerNumber: '104388', isFirstClass: false, address: 'Industrieweg 4, 8011 AA Zwolle', subscriptions: [], invoices: [], projects: [], courses: [] }
const peter: Contact = { id: 'c-devries-admin', organisationId: devries.id, name: 'Peter de Vries', email: 'peter@devries-installatie.example', lang: 'nl', role: 'admin', isAuthorised: true, isActive: true }

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
/** Tom Bakker and Lotte Smit, signed in. */
export const meAsContact = presentMe({ kind: 'contact', contact: jansenContacts[2]!, sessionId: '' })
export const meAsStaff = presentMe({ kind: 'staff', staff: staff[0]!, sessionId: '' })
export const lotteSignedIn = presentStaffSignedIn(staff[0]!)
/** Tom's screenshot, as the API shows it. */
export const attachmentExample = presentAttachment(screenshot)

/** When the examples are made: Monday 30 November 2026, 10:45 in Amsterdam, in business hours. */
export const EXAMPLE_NOW = new Date('2026-11-30T09:45:00Z')
const INCIDENT_ID = '3f6c2a9e-8b1d-4c57-9a0e-2d4b7e51c8a3'

/** Tom Bakker's incident: registered through the widget at 10:00, picked up by Lotte Smit at 10:12. */
const tomsIncident: Incident = {
  id: INCIDENT_ID, number: '100142', organisationId: jansen.id, contactId: 'c-jansen-emp', kind: 'bug', productArea: 'finance',
  subject: 'Btw-aangifte Q3 geeft fout 500 bij indienen',
  description: 'Bij het indienen van de btw-aangifte over het derde kwartaal via Digipoort krijg ik fout 500. Vorige maand lukte het nog wel; het certificaat is niet veranderd.',
  kbQuery: 'btw aangifte fout 500', kbArticles: ['vat-return'], lang: 'nl', status: 'in_progress', priority: 2, team: 'finance', assigneeId: 's-lotte',
  registeredAt: '2026-11-30T09:00:00.000Z',
  statusHistory: [{ status: 'new', at: '2026-11-30T09:00:00.000Z', by: 'contact:c-jansen-emp' }, { status: 'in_progress', at: '2026-11-30T09:12:00.000Z', by: 'staff:s-lotte' }],
  updatedAt: '2026-11-30T09:12:00.000Z', version: 2,
}
/** Peter de Vries's question, new in the finance queue. */
const petersIncident: Incident = {
  id: 'de5c5729-c9c9-4544-a66f-a81d351e6a81', number: '100144', organisationId: devries.id, contactId: peter.id, kind: 'question', productArea: 'finance',
  subject: 'Suppletie btw indienen via Digipoort', description: 'Hoe dienen we een suppletie in voor het tweede kwartaal?', kbArticles: [], lang: 'nl',
  status: 'new', priority: null, team: 'finance', assigneeId: null, registeredAt: '2026-11-30T09:06:00.000Z',
  statusHistory: [{ status: 'new', at: '2026-11-30T09:06:00.000Z', by: `contact:${peter.id}` }], updatedAt: '2026-11-30T09:06:00.000Z', version: 1,
}
/** Lotte's answer to Tom. */
const lottesAnswer: Message = {
  id: '9b2e4f71-5c3a-4d8e-b6f0-1a7c9e3d5b24', incidentId: INCIDENT_ID, visibility: 'public', author: 'staff:s-lotte', attachmentIds: [], at: '2026-11-30T09:40:00.000Z',
  text: 'Goedemorgen Tom, Digipoort weigert de aangifte omdat het PKIoverheid-certificaat op 28 november is vernieuwd. Wilt u het nieuwe certificaat opnieuw koppelen?',
}

// Consented access and a complaint, the same morning: Marieke Jansen, the admin, decides for the bakery.
export const REMOTE_VIEW_ID = '9d2e4f71-3a6b-4c80-b5e9-1f7a2c6d8e04'
export const BACKUP_ID = 'c5a81e3f-7d24-4b96-a0c1-8e6f2b9d4a37'
export const GRANT_ID = '2b7f9c4e-6a13-4d58-9e21-5c8a0f3b7d62'
export const EXTRA_SUPPORT_ID = 'f4c6a2d8-1e9b-4f73-8a05-3d7b9e1c5f28'
export const COMPLAINT_ID = 'b84d2f6a-1c9e-4a37-8f50-6e2d9c1b7a45'
export const REMOTE_VIEW_CODE = '482913'
export const BACKUP_DECISION_NOTE = 'Akkoord; de back-up staat vanmiddag klaar op de gebruikelijke plek.'
export const complaintInput = {
  kind: 'complaint',
  subject: 'Btw-aangifte Q3 nog steeds niet opgelost',
  text: 'Incident 100142 staat sinds maandag open en de btw-aangifte moet deze week de deur uit. Als First Class-klant verwachten wij dat hier vaart achter wordt gezet.',
  incidentNumber: '100142',
} satisfies z.input<typeof ComplaintInput>
export const backupInput = { reason: 'De btw-aangifte over Q3 faalt alleen in deze administratie; we willen de fout met uw gegevens nabootsen op een testomgeving.' }
export const extraSupportInput = { startsAt: '2027-01-02T09:00:00+01:00', endsAt: '2027-01-02T16:00:00+01:00', reason: 'Jaarafsluiting 2026 op zaterdag: we willen support kunnen bellen als de afsluiting vastloopt.' }

/** Lotte Smit's remote-view session on Tom's incident: waiting for his code, and the same one once he consented. */
const waitingView: RemoteView = {
  id: REMOTE_VIEW_ID, kind: 'remote_view', organisationId: jansen.id, createdAt: '2026-11-30T09:38:00.000Z', updatedAt: '2026-11-30T09:38:00.000Z', version: 1,
  incidentId: INCIDENT_ID, staffId: 's-lotte', contactId: 'c-jansen-emp', codeHash: '', code: REMOTE_VIEW_CODE, codeExpiresAt: '2026-11-30T09:48:00.000Z',
  status: 'waiting', consentedAt: null, customerTokenHash: null, endedAt: null, endedBy: null, signals: [],
}
const openView: RemoteView = { ...waitingView, status: 'open', consentedAt: '2026-11-30T09:41:00.000Z', updatedAt: '2026-11-30T09:41:00.000Z', version: 2 }
/** Lotte's backup request, approved by Marieke. */
const backup: BackupRequest = {
  id: BACKUP_ID, kind: 'backup', organisationId: jansen.id, createdAt: '2026-11-30T09:20:00.000Z', updatedAt: '2026-11-30T09:35:00.000Z', version: 2,
  incidentId: INCIDENT_ID, requestedBy: 'staff:s-lotte', reason: backupInput.reason, status: 'approved', decidedBy: 'contact:c-jansen-admin',
  decidedAt: '2026-11-30T09:35:00.000Z', decisionNote: BACKUP_DECISION_NOTE, receivedAt: null, receivedBy: null, purgedAt: null, purgedBy: null,
}
/** Marieke lets support in as a functional user until Friday. */
const grant: AccessGrant = {
  id: GRANT_ID, kind: 'grant', organisationId: jansen.id, createdAt: '2026-11-30T09:30:00.000Z', updatedAt: '2026-11-30T09:30:00.000Z', version: 1,
  incidentId: INCIDENT_ID, level: 'functional_user', grantedBy: 'contact:c-jansen-admin', endsAt: '2026-12-04T17:00:00.000Z', revokedAt: null, revokedBy: null,
}
/** Marieke asks for support during the year-end close. */
const extraSupport: ExtraSupportRequest = {
  id: EXTRA_SUPPORT_ID, kind: 'extra_support', organisationId: jansen.id, createdAt: '2026-11-30T09:42:00.000Z', updatedAt: '2026-11-30T09:42:00.000Z', version: 1,
  contactId: 'c-jansen-admin', startsAt: '2027-01-02T08:00:00.000Z', endsAt: '2027-01-02T15:00:00.000Z', reason: extraSupportInput.reason, status: 'requested',
  isBilled: false, decidedBy: null, decidedAt: null, decisionNote: null,
}
/** Marieke's complaint about Tom's incident, as it was filed: the target is one working day later. */
const complaint: Complaint = {
  id: COMPLAINT_ID, number: 'K10001', organisationId: jansen.id, contactId: 'c-jansen-admin', kind: complaintInput.kind, subject: complaintInput.subject,
  text: complaintInput.text, incidentId: INCIDENT_ID, lang: 'nl', status: 'received', statusHistory: [{ status: 'received', at: '2026-11-30T09:30:00.000Z', by: 'contact:c-jansen-admin' }],
  replies: [], registeredAt: '2026-11-30T09:30:00.000Z', dueAt: '2026-12-01T09:30:00.000Z', respondedAt: null, updatedAt: '2026-11-30T09:30:00.000Z', version: 1,
}

/** Hoekstra Logistiek, which has not called on support lately. */
const hoekstra: Organisation = { id: 'org-hoekstra', name: 'Hoekstra Logistiek', customerNumber: '104502', isFirstClass: false, address: 'Havenweg 8, 3133 KA Vlaardingen', subscriptions: [], invoices: [], projects: [], courses: [] }
/** De Vries asked eight questions before Peter's over four weeks, the first three after a KB search: flagged for Customer Care. */
const devriesQuestions: Incident[] = Array.from({ length: 8 }, (_, i) => {
  const at = new Date(Date.UTC(2026, 10, 3 + 3 * i, 9)).toISOString()
  return { ...petersIncident, id: `devries-${i + 1}`, number: String(100120 + i), status: 'closed', registeredAt: at, updatedAt: at, statusHistory: [{ status: 'new', at, by: `contact:${peter.id}` }], ...(i < 3 ? { kbQuery: 'btw suppletie' } : {}) }
})
/** Customer Care's follow-up for De Vries Installatietechniek. */
export const followUpInput = { kind: 'advisor_visit', date: '2026-12-08', note: 'Adviseur bespreekt de btw-suppletie op locatie met de administratie.' } satisfies z.input<typeof FollowUpInput>
const followUp: FollowUp = { id: '51f97d1c-b6c2-4ca7-bcb1-29649e3b8480', organisationId: devries.id, ...followUpInput, by: 'staff:s-ruud', at: '2026-11-30T09:20:00.000Z' }

/** What a few KnowledgeBase visits did: Tom's search that ended in his incident, searches that found nothing, votes. */
const visit = (n: number, at: string, lang: Language = 'nl') => ({ session: `7c1e9a4b2f6d4e08b3a5c9d17e2f6a4${n}`, source: 'widget' as const, lang, at })
const kbEvents: KbInsight[] = [
  { type: 'search', ...visit(0, '2026-11-30T08:58:00.000Z'), query: 'btw aangifte fout 500', results: 2 },
  { type: 'incident', ...visit(0, '2026-11-30T08:59:00.000Z'), query: 'btw aangifte fout 500' },
  ...[1, 2, 3, 4].map((n) => ({ type: 'search' as const, ...visit(n, `2026-11-2${3 + n}T10:00:00.000Z`), query: 'loonstrook pdf', results: 0 })),
  { type: 'search', ...visit(5, '2026-11-24T08:12:00.000Z', 'en'), query: 'payslip pdf', results: 0 },
  // Three votes or more put an article in the report: the payroll run helped one reader in three.
  ...[false, true, false, false, true].map((isHelpful, i) => ({ type: 'vote' as const, article: i < 3 ? 'payroll-run' : 'vat-return', lang: 'nl' as const, isHelpful, at: `2026-11-2${4 + i}T14:00:00.000Z` })),
  { type: 'vote', article: 'vat-return', lang: 'nl', isHelpful: false, at: '2026-11-30T09:05:00.000Z' },
]

/** The few records the presenters read, as a store that only reads them. */
const records = {
  contacts: { get: async (id: string) => [...jansenContacts, peter].find((c) => c.id === id) },
  staff: { get: async (id: string) => staff.find((s) => s.id === id), list: async () => staff },
  organisations: { list: async () => [jansen, devries, hoekstra], get: async (id: string) => [jansen, devries, hoekstra].find((o) => o.id === id) },
  messages: { listByIncident: async (id: string) => (id === INCIDENT_ID ? [lottesAnswer] : []) },
  followUps: { listByOrganisation: async (id: string) => (id === devries.id ? [followUp] : []) },
  incidents: { list: async () => [tomsIncident, petersIncident, ...devriesQuestions], get: async (id: string) => [tomsIncident, petersIncident].find((i) => i.id === id), byNumber: async (n: string) => [tomsIncident, petersIncident].find((i) => i.number === n) },
  consents: { list: async () => [] },
} as unknown as Store

/**
 * The reply examples routes name with `named()`, made by the real presenters from the records
 * above at `EXAMPLE_NOW`, with the desk's own calendar and targets: the same on every build.
 */
export async function replyExamples(deps: Pick<Deps, 'desk' | 'calendar'>) {
  const presenting = { ...deps, store: records, clock: () => EXAMPLE_NOW } as IncidentDeps
  const presented = (incident: Incident) => presentIncident(incident, deps, EXAMPLE_NOW, new Map())
  // As Marieke Jansen reads them: the code is shown only to the contact who asked (Tom), so to her it is null.
  const marieke = { kind: 'contact' as const, contact: jansenContacts[0]!, sessionId: '' }
  const [extraSupportReply, grantReply, backupReply, remoteView] = await presentConsents(presenting, [extraSupport, grant, backup, waitingView], marieke)
  return {
    complaint: await presentComplaint(presenting, complaint),
    remoteView: remoteView!, backup: backupReply!, grant: grantReply!, extraSupport: extraSupportReply!,
    remoteViewPreview: await presentPreview(presenting, waitingView),
    remoteViewSession: await presentSession(presenting, openView, 'customer'),
    /** Calls about Tom's incident (to Lotte Smit), Peter's (to the finance team) and an unknown number, and about Tom's on Saturday morning. */
    signalsFlagged: await presentSignals(presenting, await listSignals(presenting, { isAll: false })),
    signalsAll: await presentSignals(presenting, await listSignals(presenting, { isAll: true })),
    followUp: (await presentFollowUps(presenting, [followUp]))[0]!,
    insightReport: insightReport(kbEvents, { now: EXAMPLE_NOW, timeZone: deps.desk.timeZone }),
    phoneToAssignee: await routeCall(presenting, tomsIncident.number),
    phoneToTeam: await routeCall(presenting, petersIncident.number),
    phoneToGeneral: await routeCall(presenting, '999999'),
    phoneClosed: await routeCall({ ...presenting, clock: () => new Date('2026-11-28T09:00:00Z') }, tomsIncident.number),
    incident: presented(tomsIncident),
    message: lottesAnswer,
    incidentView: await presentIncidentView(presenting, { incident: tomsIncident, allMessages: [lottesAnswer], files: [], audit: [] }, false),
    queue: await presentQueue(presenting, {
      asOf: EXAMPLE_NOW, teams: ['first-line', 'finance'], etag: '',
      rows: [petersIncident, tomsIncident].map((incident) => ({ incident, sla: presented(incident).sla, presented: presented(incident) })),
    }),
  }
}

/** The names of the generated reply examples. */
export type ReplyExampleName = keyof Awaited<ReturnType<typeof replyExamples>>

/** The key of a placeholder documentFor replaces by the named example. */
export const NAMED_EXAMPLE = 'x-loket-example'

/** A placeholder for the generated example `name`, with `over` laid over it (a conflict's newer version, say). */
export const named = (name: ReplyExampleName, over: Record<string, unknown> = {}) => ({ [NAMED_EXAMPLE]: name, ...over })

/** `value` with every placeholder replaced by its generated example. */
export function fillNamed(value: unknown, examples: Record<string, unknown>): unknown {
  if (Array.isArray(value)) return value.map((v) => fillNamed(v, examples))
  if (!value || typeof value !== 'object') return value
  const { [NAMED_EXAMPLE]: name, ...rest } = value as Record<string, unknown>
  const filled = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, fillNamed(v, examples)]))
  if (typeof name !== 'string') return filled
  if (!(name in examples)) throw new Error(`No reply example named ${name}`)
  return { ...(examples[name] as object), ...filled }
}
