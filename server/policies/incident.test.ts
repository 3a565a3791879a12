import { describe, expect, test } from 'vitest'
import type { Complaint, Incident, Staff } from '../domain/records.ts'
import type { SignedIn, Viewer } from '../middleware/session/index.ts'
import { contact, incidentDraft } from '../store/store-contract.ts'
import { complaintListFilter, complaintPolicy } from './complaint.ts'
import { contactIncidentFilter, contactMaySee, incidentPolicy } from './incident.ts'
import { organisationPolicy } from './organisation.ts'
import { policyMatrix, type MatrixRow } from './policy-matrix.ts'

// One incident and one complaint of the own organisation, both filed by the requester. Every
// viewer is tried against every action; staff of each role answer alike for these records.
const OWN = 'org-own'
const OTHER = 'org-other'

const requester = contact({ id: 'c-requester', organisationId: OWN, role: 'employee' })
const colleague = contact({ id: 'c-colleague', organisationId: OWN, role: 'employee' })
const outsider = contact({ id: 'c-outsider', organisationId: OTHER, role: 'employee' })
const incident: Incident = { ...incidentDraft({ organisationId: OWN, contactId: requester.id }), id: 'i-1', number: '100001', version: 1 }
const complaint = { organisationId: OWN, contactId: requester.id } satisfies Pick<Complaint, 'organisationId' | 'contactId'>

const staffOf = (role: Staff['role']): Staff => ({ id: `s-${role}`, name: role, email: `${role}@support.example`, teams: ['finance'], role, isActive: true })
const asContact = (c: ReturnType<typeof contact>): Viewer => ({ kind: 'contact', contact: c, sessionId: 'session' })
const asStaff = (role: Staff['role']): Viewer => ({ kind: 'staff', staff: staffOf(role), sessionId: 'session' })

/** The viewers of the matrix: nobody, staff of each role, and each contact role in the own and the other organisation. */
const VIEWERS = {
  'anonymous': { kind: 'anonymous' } as Viewer,
  'staff agent': asStaff('agent'),
  'customer care': asStaff('customer_care'),
  'staff admin': asStaff('admin'),
  'admin, own': asContact(contact({ id: 'c-admin', organisationId: OWN, role: 'admin' })),
  'admin, other': asContact(contact({ organisationId: OTHER, role: 'admin' })),
  'requester, own': asContact(requester),
  'employee, own': asContact(colleague),
  'employee, other': asContact(outsider),
}
type Who = keyof typeof VIEWERS

const STAFF = 'allowed'
/** Each action, and its answer for each viewer in the order of VIEWERS: anonymous, agent, customer care, staff admin, admin own, admin other, requester, employee own, employee other. */
const MATRIX: MatrixRow[] = [
  ['incident: may see', (v) => incidentPolicy.maySee(v, incident), [false, true, true, true, true, false, true, false, false]],
  ['incident: see', (v) => incidentPolicy.see(v, incident), ['sign_in_required', STAFF, STAFF, STAFF, 'allowed', 'not_found', 'allowed', 'not_found', 'not_found']],
  ['incident: react', (v) => incidentPolicy.react(v, incident), ['sign_in_required', STAFF, STAFF, STAFF, 'allowed', 'not_found', 'allowed', 'not_found', 'not_found']],
  ['incident: change (triage, phone call)', (v) => incidentPolicy.change(v), ['sign_in_required', STAFF, STAFF, STAFF, 'staff_only', 'staff_only', 'staff_only', 'staff_only', 'staff_only']],
  ['incident: see internal notes', (v) => incidentPolicy.maySeeInternal(v), [false, true, true, true, false, false, false, false, false]],
  ['complaint: may see', (v) => complaintPolicy.maySee(v, complaint), [false, true, true, true, true, false, true, false, false]],
  ['complaint: see', (v) => complaintPolicy.see(v, complaint), ['sign_in_required', STAFF, STAFF, STAFF, 'allowed', 'not_found', 'allowed', 'not_found', 'not_found']],
  ['complaint: file', (v) => complaintPolicy.file(v), ['sign_in_required', 'contacts_only', 'contacts_only', 'contacts_only', 'allowed', 'allowed', 'allowed', 'allowed', 'allowed']],
  ['complaint: answer', (v) => complaintPolicy.answer(v), ['sign_in_required', STAFF, STAFF, STAFF, 'staff_only', 'staff_only', 'staff_only', 'staff_only', 'staff_only']],
  ['organisation: see', (v) => organisationPolicy.see(v, OWN), ['sign_in_required', 'contacts_only', 'contacts_only', 'contacts_only', 'allowed', 'not_found', 'allowed', 'allowed', 'not_found']],
  ['organisation: change details, list and add contacts', (v) => organisationPolicy.change(v, OWN), ['sign_in_required', 'contacts_only', 'contacts_only', 'contacts_only', 'allowed', 'not_found', 'admin_only', 'admin_only', 'not_found']],
  ['organisation: change a contact of it', (v) => organisationPolicy.changeContact(v, colleague), ['sign_in_required', 'contacts_only', 'contacts_only', 'contacts_only', 'allowed', 'not_found', 'admin_only', 'admin_only', 'not_found']],
]

policyMatrix('incident, complaint and organisation policies', VIEWERS, MATRIX)

describe('what a contact may list and name', () => {
  const signedIn = (who: Who) => VIEWERS[who] as SignedIn

  test.each([
    ['admin, own', { organisationId: OWN }],
    ['requester, own', { organisationId: OWN, contactId: requester.id }],
    ['employee, other', { organisationId: OTHER, contactId: outsider.id }],
  ] as const)('%s lists incidents and complaints by %o', (who, filter) => {
    const viewer = signedIn(who)
    if (viewer.kind !== 'contact') throw new Error('a contact row')
    expect(contactIncidentFilter(viewer.contact)).toEqual(filter)
    expect(complaintListFilter(viewer)).toEqual(filter)
  })

  test('staff list every complaint', () => {
    expect(complaintListFilter(signedIn('staff agent'))).toEqual({})
  })

  test.each([
    ['admin, own', true], ['admin, other', false], ['requester, own', true], ['employee, own', false], ['employee, other', false],
  ] as const)('%s may name the incident in a complaint: %s', (who, answer) => {
    const viewer = signedIn(who)
    if (viewer.kind !== 'contact') throw new Error('a contact row')
    expect(complaintPolicy.mayName(viewer.contact, incident)).toBe(answer)
  })

  test.each([['admin', 'full'], ['employee', 'brief']] as const)('an organisation\'s %s sees it in %s', (role, detail) => {
    expect(organisationPolicy.detail(contact({ organisationId: OWN, role }))).toBe(detail)
  })
})

/** An incident of `overrides`' organisation and contact. */
const incidentOf = (overrides: Partial<Incident>): Incident => ({ ...incidentDraft(), id: 'i1', number: '100001', version: 1, ...overrides })

describe('contactMaySee and contactIncidentFilter, as domain/visibility.ts had them', () => {
  const admin = contact({ id: 'admin', role: 'admin', organisationId: 'org-1' })
  const employee = contact({ id: 'emp', role: 'employee', organisationId: 'org-1' })
  test.each([
    ['an admin sees a colleague\'s incident', admin, incidentOf({ contactId: 'other', organisationId: 'org-1' }), true],
    ['an employee sees their own', employee, incidentOf({ contactId: 'emp', organisationId: 'org-1' }), true],
    ['an employee does not see a colleague\'s', employee, incidentOf({ contactId: 'other', organisationId: 'org-1' }), false],
    ['an admin never sees another organisation\'s', admin, incidentOf({ contactId: 'x', organisationId: 'org-2' }), false],
  ])('%s', (_name, who, what, expected) => expect(contactMaySee(who, what)).toBe(expected))

  test('lists by role', () => {
    expect(contactIncidentFilter(admin)).toEqual({ organisationId: 'org-1' })
    expect(contactIncidentFilter(employee)).toEqual({ organisationId: 'org-1', contactId: 'emp' })
  })
})
