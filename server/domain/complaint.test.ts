import { describe, expect, test } from 'vitest'
import { loadCalendar, loadDesk } from '../desk.ts'
import { contact, complaintDraft } from '../store/store-contract.ts'
import { ComplaintChangeInput, ComplaintInput, changeComplaint, complaintChangeRefusal, complaintDueAt, isComplaintBreached, isComplaintsHandler, newComplaint } from './complaint.ts'
import type { Complaint } from './records.ts'

const desk = loadDesk('content/desk.yaml')
const calendar = loadCalendar(desk, { from: 2026, to: 2027 })
const complaint = (overrides: Partial<Complaint> = {}): Complaint => ({ ...complaintDraft(), id: 'k1', number: 'K10001', version: 1, ...overrides })

describe('ComplaintInput', () => {
  test('takes a complaint about an incident, trimmed', () => {
    expect(ComplaintInput.parse({ kind: 'complaint', subject: '  Niet teruggebeld ', text: 'Ik zou worden teruggebeld.', incidentNumber: '100142' }))
      .toEqual({ kind: 'complaint', subject: 'Niet teruggebeld', text: 'Ik zou worden teruggebeld.', incidentNumber: '100142' })
  })

  test.each([
    [{ kind: 'klacht', subject: 'Onderwerp', text: 'Lang genoeg verhaal.' }, 'kind'],
    [{ kind: 'opinion', subject: 'x', text: 'Lang genoeg verhaal.' }, 'subject'],
    [{ kind: 'opinion', subject: 'Onderwerp', text: 'kort' }, 'text'],
    [{ kind: 'complaint', subject: 'Onderwerp', text: 'Lang genoeg verhaal.', incidentNumber: '10a' }, 'incidentNumber'],
    [{ kind: 'complaint', subject: 'Onderwerp', text: 'Lang genoeg verhaal.', status: 'resolved' }, ''],
  ])('refuses %j at "%s"', (input, path) => {
    const result = ComplaintInput.safeParse(input)
    expect(result.success).toBe(false)
    expect(result.error!.issues[0]!.path.join('.')).toBe(path)
  })

  test('a change needs a status or a reply', () => {
    expect(ComplaintChangeInput.safeParse({ version: 1 }).success).toBe(false)
    expect(ComplaintChangeInput.safeParse({ version: 1, reply: 'We bellen u vandaag.' }).success).toBe(true)
  })
})

describe('the response target', () => {
  test.each([
    // Monday 10:00 → Tuesday 10:00 (8.5 hours: 10:00–17:00 plus 08:30–10:00)
    ['2026-11-30T09:00:00Z', '2026-12-01T09:00:00.000Z'],
    // Friday 15:00 (the desk closes at 16:00) → one hour Friday, 7.5 hours Monday: 16:00
    ['2026-12-04T14:00:00Z', '2026-12-07T15:00:00.000Z'],
    // Saturday: the clock starts Monday 08:30 and runs the whole day
    ['2026-12-05T10:00:00Z', '2026-12-07T16:00:00.000Z'],
  ])('a complaint filed at %s is due at %s', (filed, due) => {
    expect(complaintDueAt(new Date(filed), desk, calendar).toISOString()).toBe(due)
  })

  test('only a complaint gets a target; the contact language is the default', () => {
    const anne = contact({ lang: 'en' })
    const now = new Date('2026-11-30T09:00:00Z')
    const filed = newComplaint(ComplaintInput.parse({ kind: 'complaint', subject: 'Slow answer', text: 'Nobody answered for a week.' }), { contact: anne, incidentId: null, desk, calendar, now })
    expect(filed).toMatchObject({ status: 'received', lang: 'en', dueAt: '2026-12-01T09:00:00.000Z', respondedAt: null, organisationId: anne.organisationId })
    const opinion = newComplaint(ComplaintInput.parse({ kind: 'opinion', subject: 'Compliment', text: 'The new portal works well.' }), { contact: anne, incidentId: null, desk, calendar, now })
    expect(opinion.dueAt).toBeNull()
  })

  test('is met by the first reply or status change, and missed when none came in time', () => {
    const open = complaint({ dueAt: '2026-12-01T09:00:00.000Z' })
    expect(isComplaintBreached(open, new Date('2026-12-01T09:00:00Z'))).toBe(false)
    expect(isComplaintBreached(open, new Date('2026-12-01T09:00:01Z'))).toBe(true)
    const answered = changeComplaint(open, { reply: 'We kijken ernaar.' }, 'staff:s1', new Date('2026-12-01T08:00:00Z'))
    expect(answered.respondedAt).toBe('2026-12-01T08:00:00.000Z')
    expect(isComplaintBreached(answered, new Date('2026-12-05T00:00:00Z'))).toBe(false)
    const late = changeComplaint(open, { status: 'in_progress' }, 'staff:s1', new Date('2026-12-01T10:00:00Z'))
    expect(isComplaintBreached(late, new Date('2026-12-05T00:00:00Z'))).toBe(true)
    expect(isComplaintBreached(complaint({ kind: 'opinion', dueAt: null }), new Date('2030-01-01T00:00:00Z'))).toBe(false)
  })
})

describe('support moving a complaint on', () => {
  test('records the reply and the status with who and when; the first response stays the first', () => {
    const first = changeComplaint(complaint(), { status: 'in_progress', reply: 'Excuses, we bellen u.' }, 'staff:s1', new Date('2026-11-30T10:00:00Z'))
    const second = changeComplaint(first, { status: 'resolved' }, 'staff:s2', new Date('2026-11-30T12:00:00Z'))
    expect(second.statusHistory.map((h) => [h.status, h.by])).toEqual([['received', 'contact:contact-1'], ['in_progress', 'staff:s1'], ['resolved', 'staff:s2']])
    expect(second.replies).toEqual([{ at: '2026-11-30T10:00:00.000Z', by: 'staff:s1', text: 'Excuses, we bellen u.' }])
    expect(second.respondedAt).toBe('2026-11-30T10:00:00.000Z')
  })

  test.each([
    ['received', 'in_progress', undefined],
    ['received', 'resolved', undefined],
    ['resolved', 'in_progress', undefined],
    ['in_progress', 'received', 'transition_refused'],
    ['resolved', 'received', 'transition_refused'],
    ['resolved', 'resolved', undefined],
  ] as const)('%s → %s: %s', (from, to, refusal) => {
    expect(complaintChangeRefusal(complaint({ status: from }), to)).toBe(refusal)
  })
})

describe('internal changes', () => {
  test('a note and an assignment are kept with who and when, answer nothing, and assigning the same person again records nothing', () => {
    const at = new Date('2026-11-30T10:00:00Z')
    const noted = changeComplaint(complaint(), { note: 'Intern.', assigneeId: 's1' }, 'staff:s2', at)
    expect(noted).toMatchObject({ respondedAt: null, assigneeId: 's1', notes: [{ at: at.toISOString(), by: 'staff:s2', text: 'Intern.' }], assignments: [{ at: at.toISOString(), by: 'staff:s2', assigneeId: 's1' }] })
    expect(changeComplaint(noted, { assigneeId: 's1' }, 'staff:s2', at).assignments).toHaveLength(1)
    expect(changeComplaint(noted, { assigneeId: null }, 'staff:s2', at)).toMatchObject({ assigneeId: null, assignments: [{ assigneeId: 's1' }, { assigneeId: null }] })
  })
})

describe('isComplaintsHandler', () => {
  test('names the handlers desk.yaml lists, whatever the case of the address', () => {
    const desk = { complaints: { handlers: ['ruud@noordwind.example'], nearingBusinessHours: 2 } }
    expect(isComplaintsHandler(desk, 'Ruud@Noordwind.example')).toBe(true)
    expect(isComplaintsHandler(desk, 'lotte@noordwind.example')).toBe(false)
  })
})
