import type { Staff } from '../domain/records.ts'
import type { Viewer } from '../middleware/session/index.ts'
import { contact } from '../store/store-contract.ts'
import { attachmentPolicy } from './attachment.ts'
import { policyMatrix } from './policy-matrix.ts'
import { savedReplyPolicy } from './saved-reply.ts'

const staffOf = (role: Staff['role'], teams: string[]): Staff => ({ id: `s-${role}`, name: role, email: `${role}@support.example`, teams, role, isActive: true })

// Saved replies: one for finance, one for hr, one for everyone.
const STAFF = { 'finance agent': staffOf('agent', ['finance']), 'hr customer care': staffOf('customer_care', ['hr']), 'admin of no team': staffOf('admin', []) }
const asViewer = (staff: Staff): Viewer => ({ kind: 'staff', staff, sessionId: 'session' })

policyMatrix('saved replies', Object.fromEntries(Object.entries(STAFF).map(([who, s]) => [who, asViewer(s)])), [
  ['manage', (v) => v.kind === 'staff' && savedReplyPolicy.mayManage(v.staff), [false, false, true]],
  ['use a finance reply', (v) => v.kind === 'staff' && savedReplyPolicy.mayUse(v.staff, { team: 'finance' }), [true, false, true]],
  ['use an hr reply', (v) => v.kind === 'staff' && savedReplyPolicy.mayUse(v.staff, { team: 'hr' }), [false, true, true]],
  ['use a general reply', (v) => v.kind === 'staff' && savedReplyPolicy.mayUse(v.staff, { team: null }), [true, true, true]],
])

// A file's visibility follows its message: on a reply, on an internal note, or on none.
const requester = contact({ id: 'c-requester', organisationId: 'org-own', role: 'employee' })
const incident = { organisationId: 'org-own', contactId: requester.id }
const messages = [
  { visibility: 'public' as const, attachmentIds: ['on-reply'] },
  { visibility: 'internal' as const, attachmentIds: ['on-note'] },
]
const asContact = (c: ReturnType<typeof contact>): Viewer => ({ kind: 'contact', contact: c, sessionId: 'session' })

policyMatrix('attachments', {
  anonymous: { kind: 'anonymous' },
  'staff agent': asViewer(STAFF['finance agent']),
  requester: asContact(requester),
  'admin, own': asContact(contact({ organisationId: 'org-own', role: 'admin' })),
  'admin, other': asContact(contact({ organisationId: 'org-other', role: 'admin' })),
}, [
  ['see a file on a reply', (v) => attachmentPolicy.maySee(v, incident, { id: 'on-reply' }, messages), [false, true, true, true, false]],
  ['see a file on an internal note', (v) => attachmentPolicy.maySee(v, incident, { id: 'on-note' }, messages), [false, true, false, false, false]],
  ['see a file on no message', (v) => attachmentPolicy.maySee(v, incident, { id: 'alone' }, messages), [false, true, true, true, false]],
])
