/** One suite of behaviours every Store implementation must show; each implementation's test runs it. */
import { randomBytes, randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import type { AccessGrant, Complaint, Contact, Incident, Message, SavedReply } from '../domain/records.ts'
import type { MomentCount } from '../domain/signals.ts'
import type { MailRecord } from '../mail/types.ts'
import type { StaffNotification } from '../domain/notifications.ts'
import { REFUSED_ORIGINS_KEPT } from '../domain/refused-origin.ts'
import { piecesOf, readAllOf } from './attachment-files.ts'
import { InvalidCursorError, VersionConflictError, type IncidentChange, type IncidentSearch, type Page, type Store } from './store.ts'

export function contact(overrides: Partial<Contact> = {}): Contact {
  return {
    id: randomUUID(), organisationId: 'org-1', name: 'Anne de Vries', email: `anne.${randomUUID().slice(0, 8)}@klant.example`,
    lang: 'nl', role: 'employee', isAuthorised: true, isActive: true, ...overrides,
  }
}

export function incidentDraft(overrides: Partial<Incident> = {}): Omit<Incident, 'id' | 'number' | 'version'> {
  const at = '2026-11-30T09:00:00.000Z'
  return {
    organisationId: 'org-1', contactId: 'contact-1', kind: 'bug', productArea: 'finance', subject: 'Btw-aangifte geeft een fout',
    description: 'Bij het indienen verschijnt foutcode 500.', kbQuery: 'btw fout', kbArticles: ['vat-return'], lang: 'nl',
    status: 'new', priority: null, team: 'finance', assigneeId: null, registeredAt: at,
    statusHistory: [{ status: 'new', at, by: 'contact:contact-1' }], updatedAt: at, ...overrides,
  }
}

export function complaintDraft(overrides: Partial<Complaint> = {}): Omit<Complaint, 'id' | 'number' | 'version'> {
  const at = '2026-11-30T09:00:00.000Z'
  return {
    organisationId: 'org-1', contactId: 'contact-1', kind: 'complaint', subject: 'Niet teruggebeld', text: 'Ik werd beloofd teruggebeld te worden.',
    incidentId: null, lang: 'nl', status: 'received', statusHistory: [{ status: 'received', at, by: 'contact:contact-1' }], replies: [],
    registeredAt: at, dueAt: '2026-12-01T08:30:00.000Z', respondedAt: null, updatedAt: at, ...overrides,
  }
}

/** A notification in `staffId`'s inbox, unread, of a new key unless told otherwise. */
export function notificationOf(staffId: string, overrides: Partial<StaffNotification> = {}): StaffNotification {
  return {
    id: randomUUID(), key: `assigned:${randomUUID()}`, staffId, kind: 'assigned', at: '2026-11-30T09:00:00.000Z',
    incidentId: 'incident-1', complaintId: null, number: '100001', subject: 'Btw-aangifte geeft een fout', readAt: null, ...overrides,
  }
}

function mail(overrides: Partial<MailRecord> = {}): MailRecord {
  const at = '2026-11-30T09:00:00.000Z'
  return { id: randomUUID(), eventKey: randomUUID(), to: 'a@klant.example', subject: 'Onderwerp', text: 'Tekst', status: 'pending', attempts: 0, nextAttemptAt: at, createdAt: at, ...overrides }
}

/** A message on an incident, written by a contact in public unless told otherwise. */
function messageOn(incidentId: string, overrides: Partial<Message> = {}): Message {
  return { id: randomUUID(), incidentId, visibility: 'public', author: 'contact:contact-1', text: 'Nog steeds fout.', attachmentIds: [], at: '2026-11-30T10:00:00.000Z', ...overrides }
}

/** Waits until `check` holds (a change from another connection takes a moment), at most 5 s. */
async function eventually(check: () => boolean): Promise<void> {
  for (let waited = 0; !check() && waited < 5_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20))
}

/**
 * Runs the contract against stores made by `open` (a fresh, empty store each call); `reopen`
 * closes a store and opens its records again, as a restart does.
 */
export function storeContract(name: string, open: () => Promise<Store>, reopen?: (store: Store) => Promise<Store>) {
  describe(`${name}: the Store contract`, () => {
    test('says it is healthy while its writes succeed', async () => {
      const store = await open()
      expect(await store.health()).toEqual({ ok: true })
      await store.organisations.put({ id: 'org-1', name: 'Klant', customerNumber: '1', isFirstClass: false, address: '', subscriptions: [], invoices: [], projects: [], courses: [] } as never)
      expect(await store.health()).toEqual({ ok: true })
      await store.close()
    })

    test('finds a contact by e-mail address whatever its case', async () => {
      const store = await open()
      const anne = contact({ email: 'Anne@Klant.example' })
      await store.contacts.put(anne)
      expect((await store.contacts.byEmail('ANNE@klant.EXAMPLE'))?.id).toBe(anne.id)
      expect(await store.contacts.byEmail('someone@else.example')).toBeUndefined()
      await store.close()
    })

    test('gives incidents digit-only numbers that increase, also when created at once', async () => {
      const store = await open()
      const created = await Promise.all(Array.from({ length: 50 }, () => store.incidents.create(incidentDraft())))
      const numbers = created.map((i) => Number(i.number))
      expect(new Set(numbers).size).toBe(50)
      expect(created.every((i) => /^\d+$/.test(i.number))).toBe(true)
      const later = await store.incidents.create(incidentDraft())
      expect(Number(later.number)).toBeGreaterThan(Math.max(...numbers))
      expect(await store.incidents.count()).toBe(51)
      await store.close()
    })

    test('decides two changes made against the same version once', async () => {
      const store = await open()
      const incident = await store.incidents.create(incidentDraft())
      const first = await store.incidents.update(incident.id, 1, (i) => ({ ...i, priority: 2 }))
      expect(first.version).toBe(2)
      const losing = store.incidents.update(incident.id, 1, (i) => ({ ...i, priority: 3 }))
      await expect(losing).rejects.toBeInstanceOf(VersionConflictError)
      await expect(losing).rejects.toMatchObject({ current: { priority: 2, version: 2 } })
      expect((await store.incidents.get(incident.id))?.priority).toBe(2)
      await store.close()
    })

    test('filters incidents by organisation, requester and status', async () => {
      const store = await open()
      await store.incidents.create(incidentDraft({ organisationId: 'org-a', contactId: 'c1' }))
      await store.incidents.create(incidentDraft({ organisationId: 'org-a', contactId: 'c2', status: 'resolved' }))
      await store.incidents.create(incidentDraft({ organisationId: 'org-b', contactId: 'c3' }))
      expect((await store.incidents.list({ organisationId: 'org-a' })).length).toBe(2)
      expect((await store.incidents.list({ organisationId: 'org-a', contactId: 'c2' })).map((i) => i.status)).toEqual(['resolved'])
      expect((await store.incidents.list({ status: ['new'] })).length).toBe(2)
      await store.close()
    })

    test('hands out a sign-in token once, and never after it expired', async () => {
      const store = await open()
      const now = new Date('2026-11-30T09:00:00Z')
      await store.signInTokens.put({ id: 't1', tokenHash: 'h1', subject: { kind: 'contact', id: 'c1' }, expiresAt: '2026-11-30T09:15:00.000Z' })
      await store.signInTokens.put({ id: 't2', tokenHash: 'h2', subject: { kind: 'contact', id: 'c1' }, expiresAt: '2026-11-30T08:59:59.000Z' })
      const [a, b] = await Promise.all([store.signInTokens.take('h1', now), store.signInTokens.take('h1', now)])
      expect([a?.id, b?.id].filter(Boolean)).toEqual(['t1'])
      expect(await store.signInTokens.take('h2', now)).toBeUndefined()
      expect(await store.signInTokens.take('h2', new Date('2026-11-30T08:00:00Z'))).toBeUndefined()
      await store.close()
    })

    test('ends every session of one contact and no other', async () => {
      const store = await open()
      const at = '2026-11-30T09:00:00.000Z'
      for (const [id, who] of [['s1', 'c1'], ['s2', 'c1'], ['s3', 'c2']]) {
        await store.sessions.put({ id, tokenHash: `h-${id}`, subject: { kind: 'contact', id: who }, createdAt: at, expiresAt: at })
      }
      expect(await store.sessions.deleteFor({ kind: 'contact', id: 'c1' })).toBe(2)
      expect(await store.sessions.byTokenHash('h-s1')).toBeUndefined()
      expect((await store.sessions.byTokenHash('h-s3'))?.id).toBe('s3')
      await store.close()
    })

    test('finds a session with whom it signs in, as stored now, in one read', async () => {
      const store = await open()
      const at = '2026-11-30T09:00:00.000Z'
      const anne = contact({ id: 'c1', name: 'Anne de Vries' })
      const lotte = { id: 'st1', name: 'Lotte', email: 'lotte@desk.example', teams: ['finance'], role: 'agent' as const, isActive: true }
      await store.contacts.put(anne)
      await store.staff.put(lotte)
      const session = (id: string, subject: { kind: 'contact' | 'staff'; id: string }) => ({ id, tokenHash: `h-${id}`, subject, createdAt: at, expiresAt: at })
      await store.sessions.put(session('s1', { kind: 'contact', id: 'c1' }))
      await store.sessions.put(session('s2', { kind: 'staff', id: 'st1' }))
      await store.sessions.put(session('s3', { kind: 'contact', id: 'gone' }))
      expect(await store.sessions.withSubject('h-s1')).toEqual({ session: session('s1', { kind: 'contact', id: 'c1' }), contact: anne })
      expect(await store.sessions.withSubject('h-s2')).toEqual({ session: session('s2', { kind: 'staff', id: 'st1' }), staff: lotte })
      expect(await store.sessions.withSubject('h-s3')).toEqual({ session: session('s3', { kind: 'contact', id: 'gone' }), contact: undefined })
      expect(await store.sessions.withSubject('h-none')).toBeUndefined()
      // A change to the contact is seen by the next read: no copy kept with the session.
      await store.contacts.put({ ...anne, isActive: false })
      expect((await store.sessions.withSubject('h-s1'))?.contact?.isActive).toBe(false)
      // Lookups at once, as a busy desk's requests make them, each get their own session or none.
      const hashes = ['h-s1', 'h-s2', 'h-none', 'h-s3', 'h-s1', 'h-none', 'h-s2']
      const found = await Promise.all(hashes.map((hash) => store.sessions.withSubject(hash)))
      expect(found.map((f) => f && [f.session.id, f.contact?.id ?? f.staff?.id])).toEqual([['s1', 'c1'], ['s2', 'st1'], undefined, ['s3', undefined], ['s1', 'c1'], undefined, ['s2', 'st1']])
      await store.close()
    })

    test('keeps one mail per event in the outbox and tracks its attempts', async () => {
      const store = await open()
      const first = await store.outbox.enqueue(mail({ eventKey: 'incident:1:status:2' }))
      const again = await store.outbox.enqueue(mail({ eventKey: 'incident:1:status:2', subject: 'Anders' }))
      expect(again.id).toBe(first.id)
      expect((await store.outbox.list()).length).toBe(1)
      await store.outbox.markFailed(first.id, 'connection refused', new Date('2026-11-30T09:01:00Z'))
      expect(await store.outbox.due(new Date('2026-11-30T09:00:30Z'), 10)).toEqual([])
      const due = await store.outbox.due(new Date('2026-11-30T09:01:00Z'), 10)
      expect(due.map((m) => [m.attempts, m.lastError])).toEqual([[1, 'connection refused']])
      expect(await store.outbox.list()).toEqual([{ ...first, attempts: 1, lastError: 'connection refused', nextAttemptAt: '2026-11-30T09:01:00.000Z' }])
      await store.outbox.markSent(first.id, new Date('2026-11-30T09:01:05Z'))
      expect(await store.outbox.due(new Date('2026-12-01T00:00:00Z'), 10)).toEqual([])
      // The mail itself as it was, with how it went.
      expect(await store.outbox.list()).toEqual([{ ...first, status: 'sent', attempts: 1, lastError: 'connection refused', nextAttemptAt: '2026-11-30T09:01:00.000Z', sentAt: '2026-11-30T09:01:05.000Z' }])
      await store.close()
    })

    test('keeps a mail given up on as failed, with its last error, and never hands it out again', async () => {
      const store = await open()
      const refused = await store.outbox.enqueue(mail({ eventKey: 'incident:1:registered', about: 'incident:1' }))
      const other = await store.outbox.enqueue(mail({ eventKey: 'incident:2:registered' }))
      await store.outbox.markUndeliverable(refused.id, '550 5.1.1 No such user', new Date('2026-11-30T09:00:05Z'))
      expect((await store.outbox.due(new Date('2026-12-30T00:00:00Z'), 10)).map((m) => m.id)).toEqual([other.id])
      const kept = (await store.outbox.list()).find((m) => m.id === refused.id)
      expect(kept).toMatchObject({ status: 'failed', attempts: 1, lastError: '550 5.1.1 No such user', failedAt: '2026-11-30T09:00:05.000Z', about: 'incident:1' })
      await store.close()
    })

    test('tells the backlog (how many wait, since when) without claiming a mail, so they are still due after', async () => {
      const store = await open()
      expect(await store.outbox.backlog()).toEqual({ count: 0, oldestCreatedAt: null })
      const older = await store.outbox.enqueue(mail({ eventKey: 'incident:1:registered', createdAt: '2026-11-30T08:00:00.000Z' }))
      await store.outbox.enqueue(mail({ eventKey: 'incident:2:registered', createdAt: '2026-11-30T09:00:00.000Z' }))
      const sent = await store.outbox.enqueue(mail({ eventKey: 'incident:3:registered', createdAt: '2026-11-30T07:00:00.000Z' }))
      await store.outbox.markSent(sent.id, new Date('2026-11-30T07:00:01Z'))
      expect(await store.outbox.backlog()).toEqual({ count: 2, oldestCreatedAt: older.createdAt })
      expect(await store.outbox.backlog()).toEqual({ count: 2, oldestCreatedAt: older.createdAt })
      expect((await store.outbox.due(new Date('2026-11-30T10:00:00Z'), 10)).length).toBe(2)
      await store.close()
    })

    test('lists messages of an incident in time order, and audit entries per target', async () => {
      const store = await open()
      for (const [id, at] of [['m2', '2026-11-30T10:00:00.000Z'], ['m1', '2026-11-30T09:00:00.000Z']]) {
        await store.messages.add({ id, incidentId: 'i1', visibility: 'public', author: 'staff:s1', text: id, attachmentIds: [], at })
      }
      await store.messages.add({ id: 'm3', incidentId: 'i2', visibility: 'internal', author: 'staff:s1', text: 'x', attachmentIds: [], at: '2026-11-30T09:30:00.000Z' })
      expect((await store.messages.listByIncident('i1')).map((m) => m.id)).toEqual(['m1', 'm2'])
      await store.audit.append({ id: 'a1', at: '2026-11-30T09:00:00.000Z', actor: 'staff:s1', action: 'priority.set', target: 'incident:i1' })
      expect((await store.audit.listFor('incident:i1')).map((a) => a.action)).toEqual(['priority.set'])
      await store.close()
    })

    test('lists the attachments of one incident, oldest first', async () => {
      const store = await open()
      const attachment = (id: string, incidentId: string, at: string) => ({ id, incidentId, fileName: `${id}.txt`, contentType: 'text/plain; charset=utf-8' as const, size: 3, storedAs: `attachments/${incidentId}/${id}`, uploadedBy: 'contact:c1', at })
      await store.attachments.add(attachment('b', 'i1', '2026-11-30T10:00:00.000Z'))
      await store.attachments.add(attachment('a', 'i1', '2026-11-30T09:00:00.000Z'))
      await store.attachments.add(attachment('c', 'i2', '2026-11-30T09:30:00.000Z'))
      expect((await store.attachments.listByIncident('i1')).map((a) => a.id)).toEqual(['a', 'b'])
      expect(await store.attachments.listByIncident('none')).toEqual([])
      await store.close()
    })

    test('numbers complaints in their own series and decides two changes against one version once', async () => {
      const store = await open()
      await store.incidents.create(incidentDraft())
      const created = await Promise.all(Array.from({ length: 5 }, (_, i) => store.complaints.create(complaintDraft({ contactId: i < 3 ? 'contact-1' : 'contact-2' }))))
      expect(created.every((c) => /^K\d+$/.test(c.number) && c.version === 1)).toBe(true)
      expect(new Set(created.map((c) => c.number)).size).toBe(5)
      expect((await store.complaints.list({ contactId: 'contact-1' })).length).toBe(3)
      expect((await store.complaints.list({ organisationId: 'org-1' })).length).toBe(5)
      expect(await store.complaints.list({ organisationId: 'org-2' })).toEqual([])
      const [first] = created
      // Which of two changes at once wins is up to the store; that exactly one does is not.
      const settled = await Promise.allSettled([
        store.complaints.update(first!.id, 1, (c) => ({ ...c, status: 'in_progress' })),
        store.complaints.update(first!.id, 1, (c) => ({ ...c, status: 'resolved' })),
      ])
      const winning = settled.filter((r) => r.status === 'fulfilled')
      expect(winning).toHaveLength(1)
      expect(winning[0]).toMatchObject({ value: { version: 2, number: first!.number } })
      expect(settled.find((r) => r.status === 'rejected')).toMatchObject({ reason: expect.any(VersionConflictError) })
      expect((await store.complaints.get(first!.id))?.status).toBe(winning[0]!.value.status)
      await store.close()
    })

    test('lists the follow-ups of one organisation, or of several in one read, newest first', async () => {
      const store = await open()
      const followUp = (id: string, organisationId: string, at: string) => ({ id, organisationId, kind: 'course' as const, date: '2026-12-14', note: id, by: 'staff:s1', at })
      await store.followUps.add(followUp('f1', 'org-a', '2026-11-30T09:00:00.000Z'))
      await store.followUps.add(followUp('f2', 'org-a', '2026-11-30T10:00:00.000Z'))
      await store.followUps.add(followUp('f3', 'org-b', '2026-11-30T09:30:00.000Z'))
      expect((await store.followUps.listByOrganisation('org-a')).map((f) => f.id)).toEqual(['f2', 'f1'])
      expect(await store.followUps.listByOrganisation('none')).toEqual([])
      expect((await store.followUps.listByOrganisations(['org-b', 'org-a', 'none'])).map((f) => f.id)).toEqual(['f2', 'f3', 'f1'])
      expect(await store.followUps.listByOrganisations([])).toEqual([])
      await store.close()
    })

    test('keeps consent records by kind, organisation and incident, oldest first, and decides a concurrent change once', async () => {
      const store = await open()
      const at = (minute: number) => `2026-11-30T09:${String(minute).padStart(2, '0')}:00.000Z`
      const grant = (id: string, organisationId: string, incidentId: string, minute: number): Omit<AccessGrant, 'version'> => ({
        kind: 'grant', id, organisationId, incidentId, level: 'read_only', grantedBy: 'contact:c1', endsAt: '2026-12-07T09:00:00.000Z',
        revokedAt: null, revokedBy: null, createdAt: at(minute), updatedAt: at(minute),
      })
      await store.consents.create(grant('g2', 'org-a', 'i1', 5))
      await store.consents.create(grant('g1', 'org-a', 'i2', 1))
      await store.consents.create(grant('g3', 'org-b', 'i3', 3))
      await expect(store.consents.create(grant('g1', 'org-a', 'i2', 1))).rejects.toThrow(/exists/)
      expect((await store.consents.list({ organisationId: 'org-a' })).map((r) => r.id)).toEqual(['g1', 'g2'])
      expect((await store.consents.list({ incidentId: 'i3' })).map((r) => r.id)).toEqual(['g3'])
      expect(await store.consents.list({ kind: 'backup' })).toEqual([])
      const settled = await Promise.allSettled([
        store.consents.update<AccessGrant>('g1', 1, (g) => ({ ...g, revokedAt: at(10), revokedBy: 'contact:c1' })),
        store.consents.update<AccessGrant>('g1', 1, (g) => ({ ...g, level: 'administrator' })),
      ])
      const winning = settled.filter((r) => r.status === 'fulfilled')
      expect(winning).toHaveLength(1)
      expect(settled.find((r) => r.status === 'rejected')).toMatchObject({ reason: expect.any(VersionConflictError) })
      const stored = await store.consents.get('g1') as AccessGrant
      expect(stored).toMatchObject({ version: 2, kind: 'grant' })
      // Either the revocation or the new level, never both.
      expect(stored.revokedAt === at(10) ? stored.level : stored.revokedAt).toBe(stored.revokedAt === at(10) ? 'read_only' : null)
      expect(stored).toEqual(winning[0]!.value)
      await store.close()
    })

    test('counts rate-limit hits within a window and starts a new one once windowMs has passed', async () => {
      const store = await open()
      const at = (seconds: number) => new Date(Date.parse('2026-11-30T09:00:00Z') + seconds * 1000)
      expect(await store.rateCounters.hit('sign-in:1.2.3.4', 60_000, at(0))).toEqual({ count: 1, startedAt: at(0) })
      expect(await store.rateCounters.hit('sign-in:1.2.3.4', 60_000, at(30))).toEqual({ count: 2, startedAt: at(0) })
      expect(await store.rateCounters.hit('sign-in:1.2.3.4', 60_000, at(59.999))).toEqual({ count: 3, startedAt: at(0) })
      // Exactly windowMs after the start the old window is over.
      expect(await store.rateCounters.hit('sign-in:1.2.3.4', 60_000, at(60))).toEqual({ count: 1, startedAt: at(60) })
      expect(await store.rateCounters.hit('sign-in:1.2.3.4', 60_000, at(61))).toEqual({ count: 2, startedAt: at(60) })
      await store.close()
    })

    test('keeps a rate-limit window per key', async () => {
      const store = await open()
      const now = new Date('2026-11-30T09:00:00Z')
      await store.rateCounters.hit('a', 60_000, now)
      await store.rateCounters.hit('a', 60_000, now)
      expect(await store.rateCounters.hit('b', 60_000, now)).toMatchObject({ count: 1 })
      expect(await store.rateCounters.peek('a', 60_000, now)).toMatchObject({ count: 2 })
      expect(await store.rateCounters.peek('b', 60_000, now)).toMatchObject({ count: 1 })
      await store.close()
    })

    test('peeks at a rate-limit window without counting, and answers undefined when none runs', async () => {
      const store = await open()
      const start = new Date('2026-11-30T09:00:00Z')
      const later = (ms: number) => new Date(start.getTime() + ms)
      expect(await store.rateCounters.peek('a', 60_000, start)).toBeUndefined()
      await store.rateCounters.hit('a', 60_000, start)
      expect(await store.rateCounters.peek('a', 60_000, later(10_000))).toEqual({ count: 1, startedAt: start })
      expect(await store.rateCounters.peek('a', 60_000, later(10_000))).toEqual({ count: 1, startedAt: start })
      expect(await store.rateCounters.hit('a', 60_000, later(20_000))).toMatchObject({ count: 2 })
      expect(await store.rateCounters.peek('a', 60_000, later(60_000))).toBeUndefined()
      await store.close()
    })

    test('gives 20 concurrent rate-limit hits on one key the counts 1 to 20, each once', async () => {
      const store = await open()
      const now = new Date('2026-11-30T09:00:00Z')
      const windows = await Promise.all(Array.from({ length: 20 }, () => store.rateCounters.hit('remote-view:1.2.3.4', 600_000, now)))
      expect(windows.map((w) => w.count).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
      expect(await store.rateCounters.peek('remote-view:1.2.3.4', 600_000, now)).toMatchObject({ count: 20 })
      await store.close()
    })

    test('runs a unit of work: the task\'s answer, its own writes read back inside and kept after; a unit inside it joins it', async () => {
      const store = await open()
      const answer = await store.unitOfWork(async () => {
        const incident = await store.incidents.create(incidentDraft())
        const changed = await store.incidents.update(incident.id, 1, (i) => ({ ...i, priority: 2 }))
        expect((await store.incidents.get(incident.id))?.priority).toBe(2)
        await store.unitOfWork(() => store.audit.append({ id: randomUUID(), at: '2026-11-30T09:00:00.000Z', actor: 'test', action: 'incident.registered', target: `incident:${incident.id}` }))
        return changed
      })
      expect(answer.version).toBe(2)
      expect(await store.incidents.get(answer.id)).toEqual(answer)
      expect(await store.audit.listFor(`incident:${answer.id}`)).toHaveLength(1)
      await expect(store.unitOfWork(async () => {
        throw new Error('refused')
      })).rejects.toThrow('refused')
      await store.close()
    })

    test('counts contact moments per organisation, local day and kind on every write that makes one', async () => {
      const store = await open()
      // 23:30 UTC on 29 November is 00:30 on 30 November in Amsterdam.
      const bug = await store.incidents.create(incidentDraft({ registeredAt: '2026-11-29T23:30:00.000Z', kbQuery: '  BTW   Fout ' }))
      const question = await store.incidents.create(incidentDraft({ organisationId: 'org-2', kind: 'question', productArea: 'sales', kbQuery: undefined, registeredAt: '2026-11-29T22:59:59.000Z' }))
      const reaction = messageOn(bug.id)
      await store.messages.add(reaction)
      await store.messages.add(reaction) // stored again: still one moment
      await store.messages.add(messageOn(bug.id, { visibility: 'internal', author: 'staff:s-1', channel: 'phone' }))
      await store.messages.add(messageOn(bug.id, { author: 'staff:s-1' })) // a staff reply: none
      await store.messages.add(messageOn(question.id, { visibility: 'internal', author: 'staff:s-1' })) // a note: none
      const key = (c: { organisationId: string; day: string; source: string }) => `${c.organisationId} ${c.day} ${c.source}`
      const expected = [
        { organisationId: 'org-1', day: '2026-11-30', kind: 'bug', productArea: 'finance', source: 'incident', kbQuery: 'btw fout', count: 1 },
        { organisationId: 'org-1', day: '2026-11-30', kind: 'bug', productArea: 'finance', source: 'phone', kbQuery: '', count: 1 },
        { organisationId: 'org-1', day: '2026-11-30', kind: 'bug', productArea: 'finance', source: 'reaction', kbQuery: '', count: 1 },
        { organisationId: 'org-2', day: '2026-11-29', kind: 'question', productArea: 'sales', source: 'incident', kbQuery: '', count: 1 },
      ]
      const counted = async (from: string, to: string) => (await store.signals.counts({ from, to })).sort((a, b) => key(a).localeCompare(key(b)))
      expect(await counted('2026-11-29', '2026-11-30')).toEqual(expected)
      expect(await counted('2026-11-30', '2026-12-06')).toEqual(expected.slice(0, 3))
      expect(await counted('2026-12-01', '2026-12-06')).toEqual([])
      expect((await store.signals.counts({ from: '2026-11-29', to: '2026-11-30', organisationIds: ['org-2'] }))).toEqual(expected.slice(3))
      expect((await store.signals.counts({ from: '2026-11-29', to: '2026-11-30', organisationIds: [] }))).toEqual([])
      // Summed per organisation, kind and source over the days strictly between.
      const totals = async (after: string, before: string) => [...await store.signals.totals({ after, before })].sort((a, b) => key({ ...a, day: '' }).localeCompare(key({ ...b, day: '' })))
      expect(await totals('2026-11-28', '2026-12-01')).toEqual([
        { organisationId: 'org-1', kind: 'bug', source: 'incident', count: 1 },
        { organisationId: 'org-1', kind: 'bug', source: 'phone', count: 1 },
        { organisationId: 'org-1', kind: 'bug', source: 'reaction', count: 1 },
        { organisationId: 'org-2', kind: 'question', source: 'incident', count: 1 },
      ])
      expect(await totals('2026-11-29', '2026-12-01')).toHaveLength(3)
      expect(await totals('2026-11-29', '2026-11-30')).toEqual([])
      // A range as long as a window: the same sums (PostgreSQL keeps these summed).
      expect(await totals('2026-10-30', '2026-12-01')).toEqual(await totals('2026-11-28', '2026-12-01'))
      await store.organisations.put({ id: 'org-9', name: 'Bakkerij Negen', customerNumber: '9', isFirstClass: true, subscriptions: [], invoices: [], projects: [], courses: [] })
      expect((await store.signals.organisations()).find((o) => o.id === 'org-9')).toEqual({ id: 'org-9', name: 'Bakkerij Negen', isFirstClass: true })
      await store.incidents.create(incidentDraft({ registeredAt: '2026-11-30T12:00:00.000Z' }))
      expect((await counted('2026-11-30', '2026-11-30')).find((c) => c.source === 'incident')?.count).toBe(2)
      expect((await store.signals.totals({ after: '2026-11-29', before: '2026-12-01' })).find((c) => c.source === 'incident')?.count).toBe(2)
      expect((await store.signals.totals({ after: '2026-10-30', before: '2026-12-01' })).find((c) => c.source === 'incident' && c.organisationId === 'org-1')?.count).toBe(2)
      if (reopen) {
        const again = await reopen(store)
        expect((await again.signals.counts({ from: '2026-11-29', to: '2026-11-30' })).reduce((sum, c) => sum + c.count, 0)).toBe(5)
        await again.close()
      } else {
        await store.close()
      }
    })

    test('sums a page of organisations\' counters per ISO week, each side of a day apart', async () => {
      const store = await open()
      // Local days in Amsterdam: Sunday 22, Monday 23 and Wednesday 25 November, Monday 30 November.
      const at = ['2026-11-22T10:00:00.000Z', '2026-11-23T10:00:00.000Z', '2026-11-23T11:00:00.000Z', '2026-11-25T10:00:00.000Z', '2026-11-30T10:00:00.000Z']
      for (const registeredAt of at) await store.incidents.create(incidentDraft({ registeredAt, kbQuery: 'btw' }))
      await store.incidents.create(incidentDraft({ registeredAt: '2026-11-25T12:00:00.000Z', productArea: 'sales', kbQuery: undefined }))
      await store.incidents.create(incidentDraft({ organisationId: 'org-2', registeredAt: '2026-11-25T10:00:00.000Z' }))
      const key = (c: MomentCount) => `${c.organisationId} ${c.day} ${c.productArea}`
      const weekly = async (splitAfter: string, organisationIds = ['org-1']) =>
        (await store.signals.weekly({ from: '2026-11-22', to: '2026-11-30', splitAfter, organisationIds })).sort((a, b) => key(a).localeCompare(key(b)))
      const sum = (day: string, count: number, productArea = 'finance', kbQuery = 'btw') =>
        ({ organisationId: 'org-1', day, kind: 'bug', productArea, source: 'incident', kbQuery, count })
      // Monday 23 to Wednesday 25 November in one sum, unless the split lies between them.
      expect(await weekly('2026-11-23')).toEqual([sum('2026-11-22', 1), sum('2026-11-23', 2), sum('2026-11-25', 1), sum('2026-11-25', 1, 'sales', ''), sum('2026-11-30', 1)])
      expect(await weekly('2026-11-22')).toEqual([sum('2026-11-22', 1), sum('2026-11-23', 3), sum('2026-11-25', 1, 'sales', ''), sum('2026-11-30', 1)])
      expect(await weekly('2026-11-01')).toEqual(await weekly('2026-11-30'))
      expect((await weekly('2026-11-24', ['org-2'])).map((c) => [c.organisationId, c.day, c.count])).toEqual([['org-2', '2026-11-25', 1]])
      expect(await weekly('2026-11-24', [])).toEqual([])
      // A caller changing the sums it got changes nothing kept for the next read.
      for (const c of await weekly('2026-11-22')) c.count += 100
      expect(await weekly('2026-11-22')).toEqual([sum('2026-11-22', 1), sum('2026-11-23', 3), sum('2026-11-25', 1, 'sales', ''), sum('2026-11-30', 1)])
      // A counter of a day already summed, written afterwards, is in the next sums (PostgreSQL keeps them).
      expect(await weekly('2026-11-22')).toEqual([sum('2026-11-22', 1), sum('2026-11-23', 3), sum('2026-11-25', 1, 'sales', ''), sum('2026-11-30', 1)])
      await store.incidents.create(incidentDraft({ registeredAt: '2026-11-24T10:00:00.000Z', kbQuery: 'btw' }))
      await store.incidents.create(incidentDraft({ registeredAt: '2026-11-30T11:00:00.000Z', kbQuery: 'btw' }))
      expect(await weekly('2026-11-22')).toEqual([sum('2026-11-22', 1), sum('2026-11-23', 4), sum('2026-11-25', 1, 'sales', ''), sum('2026-11-30', 2)])
      expect((await store.signals.weekly({ from: '2026-11-23', to: '2026-11-29', splitAfter: '2026-11-22', organisationIds: ['org-1'] })).map((c) => [c.day, c.productArea, c.count]).sort())
        .toEqual([['2026-11-23', 'finance', 4], ['2026-11-25', 'sales', 1]])
      await store.close()
    })

    test('gives the contact moments of a local day one by one, for the days a window cuts', async () => {
      const store = await open()
      const bug = await store.incidents.create(incidentDraft({ registeredAt: '2026-11-29T23:00:00.000Z' })) // 00:00 on the 30th, local
      await store.incidents.create(incidentDraft({ registeredAt: '2026-11-29T22:59:59.999Z' })) // 23:59:59.999 on the 29th
      await store.messages.add(messageOn(bug.id, { at: '2026-11-30T22:59:59.999Z' }))
      await store.messages.add(messageOn(bug.id, { at: '2026-11-30T23:00:00.000Z' })) // the 1st of December, local
      const moments = (await store.signals.momentsOn(['2026-11-30'])).map((m) => [m.source, m.at.toISOString(), m.organisationId, m.kind, m.kbQuery]).sort()
      expect(moments).toEqual([
        ['incident', '2026-11-29T23:00:00.000Z', 'org-1', 'bug', 'btw fout'],
        ['reaction', '2026-11-30T22:59:59.999Z', 'org-1', 'bug', undefined],
      ])
      expect((await store.signals.momentsOn(['2026-11-29', '2026-12-01'])).map((m) => m.source).sort()).toEqual(['incident', 'reaction'])
      expect(await store.signals.momentsOn([])).toEqual([])
      // Only those later than a moment: of today, those beyond the window's end.
      const later = async (after: string) => (await store.signals.momentsOn(['2026-11-30'], { after: new Date(after) })).map((m) => [m.source, m.at.toISOString()])
      expect(await later('2026-11-30T12:00:00.000Z')).toEqual([['reaction', '2026-11-30T22:59:59.999Z']])
      expect(await later('2026-11-30T22:59:59.999Z')).toEqual([])
      expect(await later('2026-11-29T22:59:59.999Z')).toHaveLength(2)
      // A time stored without its milliseconds is the same moment, not a later one.
      await store.messages.add(messageOn(bug.id, { at: '2026-11-30T15:00:00Z' }))
      expect(await later('2026-11-30T15:00:00.000Z')).toEqual([['reaction', '2026-11-30T22:59:59.999Z']])
      expect(await later('2026-11-30T14:59:59.999Z')).toHaveLength(2)
      await store.close()
    })

    test('tells subscribers of every incident created or changed, until they stop', async () => {
      const store = await open()
      const heard: IncidentChange[] = []
      const stop = store.changes.subscribe((change) => heard.push(change))
      await store.changes.ready()
      const incident = await store.incidents.create(incidentDraft())
      await store.incidents.update(incident.id, 1, (i) => ({ ...i, priority: 2, assigneeId: 's-1' }))
      await eventually(() => heard.length >= 2)
      expect(heard).toEqual([
        { incidentId: incident.id, number: incident.number, version: 1, teams: ['finance'], assigneeIds: [] },
        { incidentId: incident.id, number: incident.number, version: 2, teams: ['finance'], assigneeIds: ['s-1'] },
      ])
      // A change refused for its version is none.
      await expect(store.incidents.update(incident.id, 1, (i) => i)).rejects.toBeInstanceOf(VersionConflictError)
      stop()
      await store.incidents.update(incident.id, 2, (i) => ({ ...i, priority: 3 }))
      const other = await store.incidents.create(incidentDraft())
      await new Promise((resolve) => setTimeout(resolve, 200))
      expect(heard.map((c) => c.version)).toEqual([1, 2])
      expect(other.version).toBe(1)
      await store.close()
    })

    test("keeps an attachment's contents byte for byte, in pieces of any size, and says their size", async () => {
      const store = await open()
      // 700 KB of every byte value: more than two of PostgreSQL's 256 KB chunks, cut off mid-chunk.
      const bytes = randomBytes(700 * 1024 + 13)
      const storedAs = `attachments/${randomUUID()}/${randomUUID()}`
      expect(await store.attachmentFiles.write(storedAs, piecesOf(bytes, 100_000))).toBe(bytes.length)
      expect(await store.attachmentFiles.size(storedAs)).toBe(bytes.length)
      const file = await store.attachmentFiles.read(storedAs)
      expect(file?.size).toBe(bytes.length)
      expect((await readAllOf(file!.body)).equals(bytes)).toBe(true)
      // Written again (e.g. moved twice): replaced, not added to.
      const smaller = Buffer.from('%PDF-1.4 kort')
      expect(await store.attachmentFiles.write(storedAs, piecesOf(smaller))).toBe(smaller.length)
      expect(await readAllOf((await store.attachmentFiles.read(storedAs))!.body)).toEqual(smaller)
      await store.close()
    })

    test("has no contents for a name nothing was written under, nor for a write that failed halfway", async () => {
      const store = await open()
      const missing = `attachments/${randomUUID()}/${randomUUID()}`
      expect(await store.attachmentFiles.read(missing)).toBeUndefined()
      expect(await store.attachmentFiles.size(missing)).toBeUndefined()
      const broken = `attachments/${randomUUID()}/${randomUUID()}`
      async function* failing() {
        yield randomBytes(300 * 1024)
        throw new Error('the upload broke off')
      }
      await expect(store.attachmentFiles.write(broken, failing())).rejects.toThrow('the upload broke off')
      expect(await store.attachmentFiles.read(broken)).toBeUndefined()
      await store.close()
    })

    test('pages incidents newest first, each exactly once, while others are registered and changed between pages', async () => {
      const store = await open()
      const first = await Promise.all(Array.from({ length: 25 }, (_, n) => store.incidents.create(incidentDraft({ subject: `Eerste ${n}` }))))
      const seen: string[] = []
      let page: Page<Incident> = await store.incidents.page({ organisationId: 'org-1' }, { limit: 7 })
      expect(page.total).toBe(25)
      for (let round = 0; ; round++) {
        seen.push(...page.items.map((i) => i.number))
        if (!page.next) break
        // Newer ones come in at the top, and older ones change under the reader's feet.
        await store.incidents.create(incidentDraft({ subject: `Later ${round}` }))
        const changed = first[round * 3]!
        const current = (await store.incidents.get(changed.id))!
        await store.incidents.update(changed.id, current.version, (i) => ({ ...i, status: 'in_progress', priority: 2 }))
        page = await store.incidents.page({ organisationId: 'org-1' }, { limit: 7, cursor: page.next })
      }
      expect(seen).toEqual(first.map((i) => i.number).sort((a, b) => Number(b) - Number(a)))
      await store.close()
    })

    test('pages a filtered list (status, kind) and counts it', async () => {
      const store = await open()
      for (let n = 0; n < 12; n++) await store.incidents.create(incidentDraft({ status: n % 3 === 0 ? 'closed' : 'new', kind: n % 2 === 0 ? 'bug' : 'question' }))
      const all = async (search: IncidentSearch) => {
        const found: Incident[] = []
        let cursor: string | undefined
        do {
          const page = await store.incidents.page(search, { limit: 2, ...(cursor ? { cursor } : {}) })
          found.push(...page.items)
          cursor = page.next ?? undefined
        } while (cursor)
        return found
      }
      const closed = await all({ status: ['closed'] })
      expect(closed.map((i) => i.status)).toEqual(['closed', 'closed', 'closed', 'closed'])
      expect((await store.incidents.page({ status: ['closed'] }, { limit: 2 })).total).toBe(4)
      expect((await all({ status: ['new'], kind: ['bug'] })).every((i) => i.status === 'new' && i.kind === 'bug')).toBe(true)
      expect((await all({ status: ['new'], kind: ['bug'] })).length).toBe(4)
      await store.close()
    })

    test('refuses a cursor it did not give out', async () => {
      const store = await open()
      await store.incidents.create(incidentDraft())
      for (const cursor of ['nonsense!', Buffer.from('{"a":1}').toString('base64url'), Buffer.from('["100001"]').toString('base64url')]) {
        await expect(store.incidents.page({}, { limit: 5, cursor })).rejects.toBeInstanceOf(InvalidCursorError)
        await expect(store.incidents.queuePage({ status: ['new'] }, { limit: 5, cursor })).rejects.toBeInstanceOf(InvalidCursorError)
      }
      await store.close()
    })

    test('finds an incident by its number and by words in Dutch and English forms, from subject to reactions and names', async () => {
      const store = await open()
      await store.organisations.put({ id: 'org-1', name: 'Bakkerij Jansen', customerNumber: '1', isFirstClass: false, subscriptions: [], invoices: [], projects: [], courses: [] })
      await store.contacts.put(contact({ id: 'contact-1', name: 'Fatima el Amrani' }))
      const printer = await store.incidents.create(incidentDraft({ subject: 'De printers afdrukken niets', description: 'Sinds de update.' }))
      const invoice = await store.incidents.create(incidentDraft({ subject: 'Factuur klopt niet', description: 'The invoices show the wrong amount.' }))
      await store.messages.add({ id: randomUUID(), incidentId: invoice.id, visibility: 'public', author: 'contact:contact-1', text: 'Het magazijn wacht op de bestelling.', attachmentIds: [], at: '2026-11-30T10:00:00.000Z' })
      await store.messages.add({ id: randomUUID(), incidentId: printer.id, visibility: 'internal', author: 'staff:s1', text: 'Stuurprogramma herinstalleren.', attachmentIds: [], at: '2026-11-30T10:05:00.000Z' })
      const numbersFor = async (q: string, extra: IncidentSearch = {}) => (await store.incidents.page({ ...extra, q }, { limit: 10 })).items.map((i) => i.number)
      expect(await numbersFor(printer.number)).toEqual([printer.number])
      expect(await numbersFor(` ${invoice.number} `)).toEqual([invoice.number])
      expect(await numbersFor('999999')).toEqual([])
      expect(await numbersFor('printer')).toEqual([printer.number])
      expect(await numbersFor('PRINTERS')).toEqual([printer.number])
      expect(await numbersFor('afdruk')).toEqual([printer.number])
      expect(await numbersFor('invoice')).toEqual([invoice.number])
      expect(await numbersFor('magazijn')).toEqual([invoice.number])
      expect(await numbersFor('bestellingen')).toEqual([invoice.number])
      expect(await numbersFor('jansen')).toEqual([invoice.number, printer.number])
      expect(await numbersFor('amrani printer')).toEqual([printer.number])
      expect(await numbersFor('printer factuur')).toEqual([])
      // Internal notes are found by staff only.
      expect(await numbersFor('stuurprogramma')).toEqual([])
      expect(await numbersFor('stuurprogramma', { withInternal: true })).toEqual([printer.number])
      // For staff each word may be in the text or in a note.
      expect(await numbersFor('stuurprogramma printers', { withInternal: true })).toEqual([printer.number])
      expect(await numbersFor('stuurprogramma printers')).toEqual([])
      expect((await store.incidents.page({ q: 'jansen' }, { limit: 10 })).total).toBe(2)
      expect((await store.incidents.page({ q: '!!' }, { limit: 10 })).items).toEqual([])
      await store.close()
    })

    test('never pages or searches across organisations', async () => {
      const store = await open()
      for (const org of ['org-a', 'org-b']) {
        for (let n = 0; n < 4; n++) await store.incidents.create(incidentDraft({ organisationId: org, contactId: `${org}-c${n % 2}`, subject: `Storing printer ${org}` }))
      }
      const other = (await store.incidents.page({ organisationId: 'org-b' }, { limit: 1 })).items[0]!
      let page = await store.incidents.page({ organisationId: 'org-a' }, { limit: 3 })
      const seen = [...page.items]
      page = await store.incidents.page({ organisationId: 'org-a' }, { limit: 3, cursor: page.next! })
      seen.push(...page.items)
      expect(seen.length).toBe(4)
      expect(seen.every((i) => i.organisationId === 'org-a')).toBe(true)
      expect((await store.incidents.page({ organisationId: 'org-a', q: 'printer' }, { limit: 10 })).items.every((i) => i.organisationId === 'org-a')).toBe(true)
      expect((await store.incidents.page({ organisationId: 'org-a', q: other.number }, { limit: 10 })).items).toEqual([])
      expect((await store.incidents.page({ organisationId: 'org-a', contactId: 'org-a-c1', q: 'printer' }, { limit: 10 })).items.map((i) => i.contactId)).toEqual(['org-a-c1', 'org-a-c1'])
      await store.close()
    })

    test('pages the queue new first, then by due time, each once, while it changes', async () => {
      const store = await open()
      const due = (hour: number) => `2026-12-0${1 + Math.floor(hour / 24)}T${String(hour % 24).padStart(2, '0')}:00:00.000Z`
      const made: Incident[] = []
      for (let n = 0; n < 9; n++) {
        made.push(await store.incidents.create(incidentDraft({ status: n < 3 ? 'new' : 'in_progress', priority: n < 3 ? null : 3, queueDueAt: n < 3 ? null : due(20 - n), team: n === 8 ? 'platform' : 'finance' })))
      }
      await store.incidents.create(incidentDraft({ status: 'closed' }))
      const page1 = await store.incidents.queuePage({ status: ['new', 'in_progress'] }, { limit: 4 })
      expect(page1.total).toBe(9)
      expect(page1.items.slice(0, 3).map((i) => i.status)).toEqual(['new', 'new', 'new'])
      expect(page1.items[3]!.number).toBe(made[8]!.number)
      // A new one arrives at the top; the next page still starts where the first ended.
      await store.incidents.create(incidentDraft({ status: 'new' }))
      const page2 = await store.incidents.queuePage({ status: ['new', 'in_progress'] }, { limit: 4, cursor: page1.next! })
      const page3 = await store.incidents.queuePage({ status: ['new', 'in_progress'] }, { limit: 4, cursor: page2.next! })
      expect(page3.next).toBeNull()
      expect([...page2.items, ...page3.items].map((i) => i.number)).toEqual([7, 6, 5, 4, 3].map((n) => made[n]!.number))
      const finance = await store.incidents.queuePage({ status: ['in_progress'], teams: ['finance'] }, { limit: 10 })
      expect(finance.items.map((i) => i.number)).toEqual([7, 6, 5, 4, 3].map((n) => made[n]!.number))
      const breached = await store.incidents.queuePage({ status: ['in_progress'], dueBefore: due(14) }, { limit: 10 })
      expect(breached.items.map((i) => i.number)).toEqual([8, 7].map((n) => made[n]!.number))
      const nearing = await store.incidents.queuePage({ status: ['new', 'in_progress'], dueFrom: due(13), dueBefore: due(16) }, { limit: 10 })
      expect(nearing.items.map((i) => i.number)).toEqual([7, 6, 5].map((n) => made[n]!.number))
      await store.close()
    })

    test('pages the complaints queue: open ones earliest due first, opinions after them, resolved ones last and newest first; by assignee', async () => {
      const store = await open()
      const made: Complaint[] = []
      for (const [dueAt, status, kind, assigneeId] of [
        ['2026-12-01T12:00:00.000Z', 'received', 'complaint', 's-1'],
        [null, 'received', 'opinion', null],
        ['2026-12-01T09:00:00.000Z', 'in_progress', 'complaint', null],
        ['2026-11-30T15:00:00.000Z', 'resolved', 'complaint', 's-1'],
        ['2026-12-01T09:00:00.000Z', 'received', 'complaint', 's-2'],
        ['2026-11-30T14:00:00.000Z', 'resolved', 'complaint', null],
      ] as const) made.push(await store.complaints.create(complaintDraft({ dueAt, status, kind, assigneeId })))
      const numbers: string[] = []
      let page = await store.complaints.queue({}, { limit: 4 })
      expect(page.total).toBe(6)
      numbers.push(...page.items.map((c) => c.number))
      page = await store.complaints.queue({}, { limit: 4, cursor: page.next! })
      numbers.push(...page.items.map((c) => c.number))
      expect(page.next).toBeNull()
      expect(numbers).toEqual([2, 4, 0, 1, 5, 3].map((i) => made[i]!.number))
      expect((await store.complaints.queue({ status: ['received', 'in_progress'] }, { limit: 10 })).items.map((c) => c.number)).toEqual([2, 4, 0, 1].map((i) => made[i]!.number))
      expect((await store.complaints.queue({ assigneeId: 's-1' }, { limit: 10 })).items.map((c) => c.number)).toEqual([0, 3].map((i) => made[i]!.number))
      expect((await store.complaints.queue({ assigneeId: null, status: ['received'] }, { limit: 10 })).items.map((c) => c.number)).toEqual([made[1]!.number])
      // A change moves it in the queue: taken up again, the resolved one is open once more.
      const reopened = await store.complaints.update(made[3]!.id, 1, (c) => ({ ...c, status: 'in_progress', assigneeId: 's-2' }))
      expect((await store.complaints.queue({ assigneeId: 's-2' }, { limit: 10 })).items.map((c) => c.number)).toEqual([reopened.number, made[4]!.number])
      await store.close()
    })

    test('pages complaints and consents newest first, each once, within one organisation', async () => {
      const store = await open()
      for (let n = 0; n < 5; n++) await store.complaints.create(complaintDraft({ organisationId: n < 4 ? 'org-a' : 'org-b', status: n === 0 ? 'resolved' : 'received' }))
      const complaints: string[] = []
      let page = await store.complaints.page({ organisationId: 'org-a' }, { limit: 3 })
      expect(page.total).toBe(4)
      complaints.push(...page.items.map((c) => c.number))
      page = await store.complaints.page({ organisationId: 'org-a' }, { limit: 3, cursor: page.next! })
      complaints.push(...page.items.map((c) => c.number))
      expect(page.next).toBeNull()
      expect(complaints.map((n) => Number(n.slice(1)))).toEqual([...complaints.map((n) => Number(n.slice(1)))].sort((a, b) => b - a))
      expect(new Set(complaints).size).toBe(4)
      expect((await store.complaints.page({ organisationId: 'org-a', status: ['resolved'] }, { limit: 10 })).items.map((c) => c.status)).toEqual(['resolved'])
      const at = (minute: number) => `2026-11-30T09:${String(minute).padStart(2, '0')}:00.000Z`
      const grant = (id: string, organisationId: string, minute: number): Omit<AccessGrant, 'version'> => ({
        kind: 'grant', id, organisationId, incidentId: 'i1', level: 'read_only', grantedBy: 'contact:c1', endsAt: '2026-12-07T09:00:00.000Z',
        revokedAt: null, revokedBy: null, createdAt: at(minute), updatedAt: at(minute),
      })
      // Two at the same moment: the later stored comes first, and neither is lost between pages.
      for (const [id, org, minute] of [['g1', 'org-a', 1], ['g3', 'org-a', 2], ['g2', 'org-a', 2], ['g4', 'org-b', 3], ['g5', 'org-a', 4]] as const) await store.consents.create(grant(id, org, minute))
      const first = await store.consents.page({ organisationId: 'org-a' }, { limit: 2 })
      const second = await store.consents.page({ organisationId: 'org-a' }, { limit: 2, cursor: first.next! })
      expect([...first.items, ...second.items].map((r) => r.id)).toEqual(['g5', 'g2', 'g3', 'g1'])
      expect(second.next).toBeNull()
      expect(first.total).toBe(4)
      await expect(store.consents.page({}, { limit: 2, cursor: Buffer.from('[1]').toString('base64url') })).rejects.toBeInstanceOf(InvalidCursorError)
      await store.close()
    })

    test('keeps saved replies in the order first stored: replaced in place, removed once, kept over a restart', async () => {
      let store = await open()
      const reply = (id: string, team: string | null, title: string): SavedReply => ({
        id, team, title: { nl: title, en: `${title} (en)` }, body: { nl: 'Beste {{contact.name}},', en: 'Dear {{contact.name}},' },
        updatedBy: 'staff:s1', createdAt: '2026-11-30T09:00:00.000Z', updatedAt: '2026-11-30T09:00:00.000Z',
      })
      await store.savedReplies.put(reply('r2', 'finance', 'Certificaat'))
      await store.savedReplies.put(reply('r1', null, 'Bedankt'))
      await store.savedReplies.put({ ...reply('r2', 'hr', 'Certificaat vernieuwen'), updatedAt: '2026-11-30T10:00:00.000Z' })
      expect((await store.savedReplies.list()).map((r) => [r.id, r.team, r.title.nl])).toEqual([['r2', 'hr', 'Certificaat vernieuwen'], ['r1', null, 'Bedankt']])
      expect(await store.savedReplies.get('r1')).toEqual(reply('r1', null, 'Bedankt'))
      expect(await store.savedReplies.delete('r1')).toBe(true)
      expect(await store.savedReplies.delete('r1')).toBe(false)
      expect(await store.savedReplies.get('r1')).toBeUndefined()
      if (reopen) store = await reopen(store)
      expect((await store.savedReplies.list()).map((r) => r.id)).toEqual(['r2'])
      await store.close()
    })

    test('returns copies: changing a returned record changes nothing stored', async () => {
      const store = await open()
      const incident = await store.incidents.create(incidentDraft())
      incident.subject = 'changed by the caller'
      const fetched = await store.incidents.get(incident.id)
      expect(fetched?.subject).toBe('Btw-aangifte geeft een fout')
      await store.close()
    })
    test("keeps each staff member's notifications apart, once per key, newest first by page, with the unread count and marks read", async () => {
      const store = await open()
      const times = ['2026-11-30T09:00:00.000Z', '2026-11-30T10:00:00.000Z', '2026-11-30T10:00:00.000Z', '2026-11-30T11:00:00.000Z', '2026-11-30T12:00:00.000Z']
      const lotte = times.map((at) => notificationOf('s-lotte', { at }))
      for (const n of lotte) expect(await store.notifications.add(n)).toBe(true)
      const other = notificationOf('s-bram')
      await store.notifications.add(other)
      // The same event again (a retried request, a second sweep) is not stored twice.
      expect(await store.notifications.add({ ...notificationOf('s-lotte'), key: lotte[0]!.key })).toBe(false)
      expect(await store.notifications.unreadCount('s-lotte')).toBe(5)

      const seen: string[] = []
      let cursor: string | undefined
      do {
        const page = await store.notifications.page('s-lotte', { limit: 2, ...(cursor ? { cursor } : {}) })
        expect(page.total).toBe(5)
        seen.push(...page.items.map((n) => n.id))
        cursor = page.next ?? undefined
      } while (cursor)
      const expected = [...lotte].sort((a, b) => (a.at === b.at ? b.id.localeCompare(a.id) : b.at.localeCompare(a.at))).map((n) => n.id)
      expect(seen).toEqual(expected)

      // Another's notification is never marked by someone else.
      expect(await store.notifications.markRead('s-lotte', [other.id, lotte[0]!.id], '2026-11-30T13:00:00.000Z')).toBe(1)
      expect((await store.notifications.get(other.id))?.readAt).toBeNull()
      expect((await store.notifications.get(lotte[0]!.id))?.readAt).toBe('2026-11-30T13:00:00.000Z')
      expect(await store.notifications.unreadCount('s-lotte')).toBe(4)
      expect(await store.notifications.markRead('s-lotte', 'all', '2026-11-30T14:00:00.000Z')).toBe(4)
      expect(await store.notifications.unreadCount('s-lotte')).toBe(0)
      expect(await store.notifications.unreadCount('s-bram')).toBe(1)
      // Read once stays read as of then.
      expect((await store.notifications.get(lotte[0]!.id))?.readAt).toBe('2026-11-30T13:00:00.000Z')
      await expect(store.notifications.page('s-lotte', { limit: 2, cursor: Buffer.from('[1]').toString('base64url') })).rejects.toBeInstanceOf(InvalidCursorError)
      await store.close()
    })

    test('marks incidents with an unread reaction, and clears the mark', async () => {
      const store = await open()
      await store.unreadReactions.mark('incident-1', '2026-11-30T09:00:00.000Z')
      await store.unreadReactions.mark('incident-2', '2026-11-30T09:00:00.000Z')
      await store.unreadReactions.mark('incident-1', '2026-11-30T10:00:00.000Z')
      expect((await store.unreadReactions.among(['incident-1', 'incident-2', 'incident-3'])).sort()).toEqual(['incident-1', 'incident-2'])
      await store.unreadReactions.clear('incident-1')
      await store.unreadReactions.clear('incident-3')
      expect(await store.unreadReactions.among(['incident-1', 'incident-2', 'incident-3'])).toEqual(['incident-2'])
      expect(await store.unreadReactions.among([])).toEqual([])
      await store.close()
    })

    test('finds callers by name, e-mail, customer number and phone in any notation, by name then id, each once per page', async () => {
      const store = await open()
      const organisation = (id: string, customerNumber: string, phone?: string) => ({ id, name: id, customerNumber, isFirstClass: false, subscriptions: [], invoices: [], projects: [], courses: [], ...(phone ? { phone } : {}) })
      await store.organisations.put(organisation('org-a', '104211', '050 555 0101'))
      await store.organisations.put(organisation('org-b', '104388'))
      await store.contacts.put(contact({ id: 'k1', organisationId: 'org-a', name: 'Tom Bakker', email: 'tom@a.example', phone: '+31 6 1234 5678' }))
      await store.contacts.put(contact({ id: 'k2', organisationId: 'org-a', name: 'anne Bakker', email: 'anne@a.example' }))
      await store.contacts.put(contact({ id: 'k3', organisationId: 'org-b', name: 'Bram de Wit', email: 'bram@b.example', phone: '0612345679' }))
      await store.contacts.put(contact({ id: 'k4', organisationId: 'org-b', name: 'Anne Bakker', email: 'anne@b.example' }))
      const ids = async (text: string, digits = '') => (await store.contacts.search({ text, digits }, { limit: 10 })).items.map((c) => c.id)
      expect(await ids('bakker')).toEqual(['k2', 'k4', 'k1'])
      expect(await ids('@b.example')).toEqual(['k4', 'k3'])
      expect(await ids('', '104211')).toEqual(['k2', 'k1'])
      // A customer number is matched whole, a phone number anywhere in the contact's or the switchboard's.
      expect(await ids('', '1042')).toEqual([])
      expect(await ids('', '0612345678')).toEqual(['k1'])
      expect(await ids('', '061234567')).toEqual(['k3', 'k1'])
      expect(await ids('', '0505550101')).toEqual(['k2', 'k1'])
      const first = await store.contacts.search({ text: 'b', digits: '' }, { limit: 2 })
      const second = await store.contacts.search({ text: 'b', digits: '' }, { limit: 2, cursor: first.next! })
      expect([...first.items, ...second.items].map((c) => c.id)).toEqual(['k2', 'k4', 'k3', 'k1'])
      expect([first.total, second.next]).toEqual([4, null])
      await expect(store.contacts.search({ text: 'b', digits: '' }, { limit: 2, cursor: Buffer.from('[1]').toString('base64url') })).rejects.toBeInstanceOf(InvalidCursorError)
      await store.close()
    })

    test('keeps one desk notice: replaced, read back, cleared', async () => {
      const store = await open()
      expect(await store.deskNotice.get()).toBeUndefined()
      const notice = { id: 'current' as const, text: { nl: 'Druk.', en: 'Busy.' }, startsAt: null, endsAt: '2026-12-04T16:00:00.000Z', setBy: 'staff:s1', setAt: '2026-11-30T09:00:00.000Z' }
      await store.deskNotice.put(notice)
      await store.deskNotice.put({ ...notice, text: { nl: 'Heel druk.', en: 'Very busy.' } })
      expect(await store.deskNotice.get()).toEqual({ ...notice, text: { nl: 'Heel druk.', en: 'Very busy.' } })
      await store.deskNotice.clear()
      await store.deskNotice.clear()
      expect(await store.deskNotice.get()).toBeUndefined()
      await store.close()
    })

    test('counts refused origins with when each was first and last refused, the last refused first', async () => {
      const store = await open()
      expect(await store.refusedOrigins.list()).toEqual([])
      await store.refusedOrigins.record('https://partner.example', '2026-11-30T09:00:00.000Z')
      await store.refusedOrigins.record('http://localhost:8080', '2026-11-30T09:05:00.000Z')
      await store.refusedOrigins.record('https://partner.example', '2026-11-30T09:10:00.000Z')
      await store.refusedOrigins.record('https://partner.example', '2026-11-30T09:20:00.000Z')
      expect(await store.refusedOrigins.list()).toEqual([
        { origin: 'https://partner.example', count: 3, firstSeen: '2026-11-30T09:00:00.000Z', lastSeen: '2026-11-30T09:20:00.000Z' },
        { origin: 'http://localhost:8080', count: 1, firstSeen: '2026-11-30T09:05:00.000Z', lastSeen: '2026-11-30T09:05:00.000Z' },
      ])
      await store.close()
    })

    test(`keeps at most ${REFUSED_ORIGINS_KEPT} refused origins: a new one pushes out the one refused longest ago`, async () => {
      const store = await open()
      const minute = (m: number) => new Date(Date.UTC(2026, 10, 30, 9, m)).toISOString()
      // The first one is refused again last: it stays, and the second one goes.
      for (let i = 0; i < REFUSED_ORIGINS_KEPT; i++) await store.refusedOrigins.record(`https://site-${i}.example`, minute(i))
      await store.refusedOrigins.record('https://site-0.example', minute(REFUSED_ORIGINS_KEPT))
      await store.refusedOrigins.record('https://new.example', minute(REFUSED_ORIGINS_KEPT + 1))
      const kept = await store.refusedOrigins.list()
      expect(kept.length).toBe(REFUSED_ORIGINS_KEPT)
      expect(kept.slice(0, 3).map((o) => [o.origin, o.count])).toEqual([['https://new.example', 1], ['https://site-0.example', 2], [`https://site-${REFUSED_ORIGINS_KEPT - 1}.example`, 1]])
      expect(kept.map((o) => o.origin)).not.toContain('https://site-1.example')
      expect(kept.map((o) => o.origin)).toContain('https://site-2.example')
      await store.close()
    })
  })
}
