import { describe, expect, test } from 'vitest'
import { incidentDraft } from '../store/store-contract.ts'
import type { Attachment, AuditEntry, Incident, Message } from './records.ts'
import { timelineOf, type Actor } from './timeline.ts'

const names: Record<string, Actor> = {
  'contact:contact-1': { kind: 'contact', name: 'Anne de Vries' },
  'staff:s1': { kind: 'staff', name: 'Lotte Smit' },
}
const actorOf = (ref: string): Actor => names[ref] ?? { kind: 'system', name: 'Loket' }

const incident: Incident = {
  ...incidentDraft(), id: 'i1', number: '100001', version: 3, status: 'in_progress',
  statusHistory: [
    { status: 'new', at: '2026-11-30T09:00:00.000Z', by: 'contact:contact-1' },
    { status: 'waiting_for_customer', at: '2026-11-30T10:00:00.000Z', by: 'staff:s1' },
    { status: 'in_progress', at: '2026-11-30T11:00:00.000Z', by: 'contact:contact-1' },
  ],
}
const message = (id: string, at: string, author: string, visibility: Message['visibility'], attachmentIds: string[] = []): Message =>
  ({ id, incidentId: 'i1', visibility, author, text: `text ${id}`, attachmentIds, at })
const file = (id: string, at: string, uploadedBy: string): Attachment =>
  ({ id, incidentId: 'i1', fileName: `${id}.png`, contentType: 'image/png', size: 10, storedAs: `attachments/i1/${id}`, uploadedBy, at })

const messages = [
  message('reply', '2026-11-30T10:00:00.000Z', 'staff:s1', 'public'),
  message('note', '2026-11-30T10:30:00.000Z', 'staff:s1', 'internal', ['secret']),
  message('reaction', '2026-11-30T11:00:00.000Z', 'contact:contact-1', 'public', ['shot']),
]
const files = [file('shot', '2026-11-30T11:00:00.000Z', 'contact:contact-1'), file('secret', '2026-11-30T10:30:00.000Z', 'staff:s1'), file('loose', '2026-11-30T12:00:00.000Z', 'staff:s1')]

describe('timelineOf', () => {
  test('a customer sees status changes, public messages and files in order, the status a reaction caused after it', () => {
    const entries = timelineOf(incident, messages, files, actorOf, { isStaff: false })
    expect(entries.map((e) => (e.type === 'status' ? `status:${e.status}` : e.type === 'message' ? `message:${e.id}` : e.type === 'attachment' ? `file:${e.attachment.id}` : e.type === 'consent' ? `consent:${e.action}` : e.type))).toEqual([
      'status:new', 'message:reply', 'status:waiting_for_customer', 'message:reaction', 'status:in_progress', 'file:loose',
    ])
    const reaction = entries.find((e) => e.type === 'message' && e.id === 'reaction')
    expect(reaction).toMatchObject({ by: { kind: 'contact', name: 'Anne de Vries' }, attachments: [{ id: 'shot', fileName: 'shot.png', contentType: 'image/png', size: 10 }] })
    expect(JSON.stringify(entries)).not.toContain('storedAs')
  })

  test('never shows a customer an internal note or a file that hangs only off one', () => {
    const text = JSON.stringify(timelineOf(incident, messages, files, actorOf, { isStaff: false }))
    expect(text).not.toContain('text note')
    expect(text).not.toContain('secret')
  })

  const refused: AuditEntry = {
    id: 'a1', at: '2026-11-30T10:00:05.000Z', actor: 'system', action: 'mail.failed', target: 'incident:i1',
    details: { mailId: 'm1', to: 'anne@klant.example', reply: '550 5.1.1 No such user' },
  }

  test('staff see a mail the outbox gave up on, by the desk, after what happened at the same moment', () => {
    const entries = timelineOf(incident, messages, files, actorOf, { isStaff: true, mailFailures: [{ ...refused, at: '2026-11-30T10:00:00.000Z' }] })
    expect(entries.map((e) => e.type).slice(1, 4)).toEqual(['message', 'status', 'mail_failed'])
    expect(entries.find((e) => e.type === 'mail_failed')).toEqual({
      type: 'mail_failed', at: '2026-11-30T10:00:00.000Z', by: { kind: 'system', name: 'Loket' }, to: 'anne@klant.example', reply: '550 5.1.1 No such user',
    })
  })

  test('a customer never sees a mail that could not be delivered', () => {
    const text = JSON.stringify(timelineOf(incident, messages, files, actorOf, { isStaff: false, mailFailures: [refused] }))
    expect(text).not.toContain('mail_failed')
    expect(text).not.toContain('550')
  })

  test('staff see the internal note with its file', () => {
    const note = timelineOf(incident, messages, files, actorOf, { isStaff: true }).find((e) => e.type === 'message' && e.id === 'note')
    expect(note).toMatchObject({ visibility: 'internal', attachments: [{ id: 'secret' }] })
  })
})
