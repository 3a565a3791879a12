import { describe, expect, test } from 'vitest'
import type { AccessGrant, BackupRequest, ExtraSupportRequest, Incident, RemoteView, Staff } from '../domain/records.ts'
import type { Viewer } from '../middleware/session/index.ts'
import { contact, incidentDraft } from '../store/store-contract.ts'
import { backupPolicy } from './backup.ts'
import { maySeeConsent } from './consent.ts'
import { extraSupportPolicy } from './extra-support.ts'
import { grantPolicy } from './grant.ts'
import { remoteViewPolicy } from './remote-view.ts'
import { policyMatrix, type MatrixRow } from './policy-matrix.ts'

// One incident of the own organisation, filed by the requester; one record of each kind on it
// (extra support asked for by the requester). Every viewer is tried against every action.
const OWN = 'org-own'
const OTHER = 'org-other'
const at = '2026-11-30T09:00:00.000Z'
const base = { organisationId: OWN, createdAt: at, updatedAt: at, version: 1 }

const requester = contact({ id: 'c-requester', organisationId: OWN, role: 'employee' })
const incident: Incident = { ...incidentDraft({ organisationId: OWN, contactId: requester.id }), id: 'i-1', number: '100001', version: 1 }
const view: RemoteView = {
  ...base, kind: 'remote_view', id: 'rv-1', incidentId: incident.id, staffId: 's-1', contactId: requester.id, codeHash: 'h', code: '123456',
  codeExpiresAt: at, status: 'open', consentedAt: at, customerTokenHash: 'token-hash', endedAt: null, endedBy: null, signals: [],
}
const backup: BackupRequest = {
  ...base, kind: 'backup', id: 'b-1', incidentId: incident.id, requestedBy: 'staff:s-1', reason: 'Onderzoek', status: 'requested',
  decidedBy: null, decidedAt: null, decisionNote: null, receivedAt: null, receivedBy: null, purgedAt: null, purgedBy: null,
}
const grant: AccessGrant = { ...base, kind: 'grant', id: 'g-1', incidentId: incident.id, level: 'read_only', grantedBy: 'contact:c-admin', endsAt: '2026-12-01T09:00:00.000Z', revokedAt: null, revokedBy: null }
const extra: ExtraSupportRequest = {
  ...base, kind: 'extra_support', id: 'x-1', contactId: requester.id, startsAt: at, endsAt: at, reason: 'Jaarafsluiting', status: 'requested',
  isBilled: true, decidedBy: null, decidedAt: null, decisionNote: null,
}

const staff: Staff = { id: 's-1', name: 'Lotte Smit', email: 'lotte@support.example', teams: ['finance'], role: 'agent', isActive: true }
const asContact = (c: ReturnType<typeof contact>): Viewer => ({ kind: 'contact', contact: c, sessionId: 'session' })

/** The viewers of the matrix: nobody, staff, and each contact role in the own and the other organisation. */
const VIEWERS = {
  'anonymous': { kind: 'anonymous' } as Viewer,
  'staff': { kind: 'staff', staff, sessionId: 'session' } as Viewer,
  'admin, own': asContact(contact({ id: 'c-admin', organisationId: OWN, role: 'admin' })),
  'admin, other': asContact(contact({ organisationId: OTHER, role: 'admin' })),
  'requester, own': asContact(requester),
  'employee, own': asContact(contact({ organisationId: OWN, role: 'employee' })),
  'employee, other': asContact(contact({ organisationId: OTHER, role: 'employee' })),
}
type Who = keyof typeof VIEWERS
const WHO = Object.keys(VIEWERS) as Who[]

/** Each action, and its answer for each viewer in the order of VIEWERS: anonymous, staff, admin own, admin other, requester, employee own, employee other. */
const MATRIX: MatrixRow[] = [
  ['remote view: see', (v) => remoteViewPolicy.maySee(v, view, incident), [false, true, true, false, true, false, false]],
  ['remote view: start', (v) => remoteViewPolicy.start(v), ['sign_in_required', 'allowed', 'staff_only', 'staff_only', 'staff_only', 'staff_only', 'staff_only']],
  ['remote view: side, no token', (v) => remoteViewPolicy.sideOf(v, view, undefined), [undefined, 'staff', undefined, undefined, undefined, undefined, undefined]],
  ['remote view: side, the consenting page\'s token', (v) => remoteViewPolicy.sideOf(v, view, 'token-hash'), ['customer', 'staff', 'customer', 'customer', 'customer', 'customer', 'customer']],
  ['remote view: side, another token', (v) => remoteViewPolicy.sideOf(v, view, 'other-hash'), [undefined, 'staff', undefined, undefined, undefined, undefined, undefined]],
  ['backup: see', (v) => backupPolicy.maySee(v, backup, incident), [false, true, true, false, true, false, false]],
  ['backup: request', (v) => backupPolicy.request(v), ['sign_in_required', 'allowed', 'staff_only', 'staff_only', 'staff_only', 'staff_only', 'staff_only']],
  ['backup: decide', (v) => backupPolicy.decide(v, backup, incident), ['sign_in_required', 'contacts_only', 'allowed', 'not_found', 'admin_only', 'not_found', 'not_found']],
  ['backup: record received or purged', (v) => backupPolicy.record(v), ['sign_in_required', 'allowed', 'staff_only', 'staff_only', 'staff_only', 'staff_only', 'staff_only']],
  ['grant: see', (v) => grantPolicy.maySee(v, grant, incident), [false, true, true, false, true, false, false]],
  ['grant: give', (v) => grantPolicy.give(v, incident), ['sign_in_required', 'contacts_only', 'allowed', 'not_found', 'admin_only', 'not_found', 'not_found']],
  ['grant: revoke', (v) => grantPolicy.revoke(v, grant, incident), ['sign_in_required', 'contacts_only', 'allowed', 'not_found', 'admin_only', 'not_found', 'not_found']],
  ['grant: use', (v) => grantPolicy.use(v), ['sign_in_required', 'allowed', 'staff_only', 'staff_only', 'staff_only', 'staff_only', 'staff_only']],
  ['extra support: see', (v) => extraSupportPolicy.maySee(v, extra), [false, true, true, false, true, false, false]],
  ['extra support: request', (v) => extraSupportPolicy.request(v), ['sign_in_required', 'contacts_only', 'allowed', 'allowed', 'allowed', 'allowed', 'allowed']],
  ['extra support: decide', (v) => extraSupportPolicy.decide(v), ['sign_in_required', 'allowed', 'staff_only', 'staff_only', 'staff_only', 'staff_only', 'staff_only']],
]

policyMatrix('consent policies', VIEWERS, MATRIX)

describe('consent policies: the edges', () => {
  test('a contact whose authorisation was withdrawn may not ask for extra support', () => {
    expect(extraSupportPolicy.request(asContact(contact({ organisationId: OWN, isAuthorised: false })))).toBe('not_authorised')
  })

  test.each(WHO)('a record on an incident that is gone: %s sees it only as staff or the organisation\'s admin', (who) => {
    expect(backupPolicy.maySee(VIEWERS[who], backup, undefined)).toBe(who === 'staff' || who === 'admin, own')
  })

  test.each([
    ['remote view', view], ['backup', backup], ['grant', grant], ['extra support', extra],
  ] as const)('seeing a %s of any kind answers as its own policy', (_, record) => {
    for (const who of WHO) {
      const own = record.kind === 'remote_view' ? remoteViewPolicy.maySee(VIEWERS[who], record, incident)
        : record.kind === 'backup' ? backupPolicy.maySee(VIEWERS[who], record, incident)
          : record.kind === 'grant' ? grantPolicy.maySee(VIEWERS[who], record, incident)
            : extraSupportPolicy.maySee(VIEWERS[who], record)
      expect([who, maySeeConsent(VIEWERS[who], record, incident)]).toEqual([who, own])
    }
  })
})
