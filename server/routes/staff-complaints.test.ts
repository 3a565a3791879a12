import { afterEach, describe, expect, test } from 'vitest'
import { complaintSweep, remindNearingComplaints } from '../services/complaint-sweep.ts'
import { closeTestDesks, testDesk } from '../testing.ts'

afterEach(closeTestDesks)

const COMPLAINT = { kind: 'complaint', subject: 'Niet teruggebeld', text: 'Mij werd gisteren een terugbelafspraak beloofd, maar niemand belde.' }
const HANDLERS = ['ruud@noordwind.example', 'ingrid@noordwind.example']

/** The demo desk (Monday 30 November 2026, 10:00 in Amsterdam) with sessions for a customer, an admin of theirs and two support staff. */
async function complaintsDesk() {
  const desk = await testDesk()
  const as = {
    tom: { cookie: await desk.cookieFor('contact', 'c-jansen-emp') },
    marieke: { cookie: await desk.cookieFor('contact', 'c-jansen-admin') },
    lotte: { cookie: await desk.cookieFor('staff', 's-lotte') },
    ruud: { cookie: await desk.cookieFor('staff', 's-ruud') },
  }
  const file = async (body: Record<string, unknown> = COMPLAINT) => (await desk.call('POST', '/api/complaints', body, as.tom)).json.complaint
  return { ...desk, as, file }
}

describe('the complaints queue in the console', () => {
  test('staff see open complaints earliest due first, opinions after them, resolved ones last; customers and strangers are refused', async () => {
    const desk = await complaintsDesk()
    const first = await desk.file()
    const opinion = await desk.file({ kind: 'opinion', subject: 'Fijn portaal', text: 'Het nieuwe portaal werkt prettig.' })
    desk.setNow('2026-11-30T13:00:00Z')
    const later = await desk.file({ ...COMPLAINT, subject: 'Factuur klopt niet' })
    const resolved = await desk.file({ ...COMPLAINT, subject: 'Al opgelost' })
    await desk.call('PATCH', `/api/staff/complaints/${resolved.id}`, { version: 1, status: 'resolved' }, desk.as.lotte)
    const all = await desk.call('GET', '/api/staff/complaints', undefined, desk.as.lotte)
    expect(all.status).toBe(200)
    expect(all.json.complaints.map((c: { number: string }) => c.number)).toEqual([first.number, later.number, opinion.number, resolved.number])
    expect(all.json.complaints[0]).toMatchObject({ assignee: null, notes: [], organisation: { id: 'org-jansen', name: 'Bakkerij Jansen B.V.' }, isNearing: false, isBreached: false })
    const open = await desk.call('GET', '/api/staff/complaints?status=received,in_progress&limit=1', undefined, desk.as.lotte)
    expect([open.json.complaints[0].number, open.json.total]).toEqual([first.number, 3])
    const next = await desk.call('GET', `/api/staff/complaints?status=received,in_progress&limit=1&cursor=${open.json.next}`, undefined, desk.as.lotte)
    expect(next.json.complaints[0].number).toBe(later.number)
    expect((await desk.call('GET', '/api/staff/complaints', undefined, desk.as.tom)).status).toBe(403)
    expect((await desk.call('GET', '/api/staff/complaints')).status).toBe(401)
    expect((await desk.call('GET', '/api/staff/complaints?cursor=nonsense', undefined, desk.as.lotte)).status).toBe(400)
  })

  test('the due time shows as nearing within the lead time and as breached once past', async () => {
    const desk = await complaintsDesk()
    const filed = await desk.file()
    // Due Tuesday 10:00; two business hours before: Tuesday 08:00 local is before opening, so 17:00 → Monday 16:30.
    desk.setNow('2026-11-30T15:29:00Z')
    expect((await desk.call('GET', `/api/staff/complaints/${filed.id}`, undefined, desk.as.lotte)).json.complaint).toMatchObject({ isNearing: false, remainingBusinessMinutes: 121 })
    desk.setNow('2026-11-30T15:31:00Z')
    expect((await desk.call('GET', `/api/staff/complaints/${filed.id}`, undefined, desk.as.lotte)).json.complaint).toMatchObject({ isNearing: true, isBreached: false, remainingBusinessMinutes: 119 })
    desk.setNow('2026-12-01T09:30:00Z')
    expect((await desk.call('GET', `/api/staff/complaints/${filed.id}`, undefined, desk.as.lotte)).json.complaint).toMatchObject({ isNearing: true, isBreached: true, remainingBusinessMinutes: -30 })
  })
})

describe('assignment', () => {
  test('staff assign a complaint to an active colleague, see it in "mine", and unassign it; the customer is not mailed nor shown who', async () => {
    const desk = await complaintsDesk()
    const filed = await desk.file()
    const mailsBefore = (await desk.mails()).length
    const assigned = await desk.call('PATCH', `/api/staff/complaints/${filed.id}`, { version: 1, assigneeId: 's-ruud' }, desk.as.lotte)
    expect(assigned.status).toBe(200)
    expect(assigned.json.complaint).toMatchObject({ version: 2, assignee: { id: 's-ruud', name: 'Ruud de Boer' }, respondedAt: null, status: 'received' })
    expect((await desk.store.complaints.get(filed.id))?.assigneeId).toBe('s-ruud')
    const mine = await desk.call('GET', '/api/staff/complaints?assignee=me', undefined, desk.as.ruud)
    expect(mine.json.complaints.map((c: { id: string }) => c.id)).toEqual([filed.id])
    expect((await desk.call('GET', '/api/staff/complaints?assignee=me', undefined, desk.as.lotte)).json.complaints).toEqual([])
    expect((await desk.call('GET', '/api/staff/complaints?assignee=none', undefined, desk.as.lotte)).json.complaints).toEqual([])
    expect((await desk.mails()).length).toBe(mailsBefore)
    const seen = (await desk.call('GET', `/api/complaints/${filed.id}`, undefined, desk.as.tom)).json.complaint
    expect(seen).not.toHaveProperty('assignee')
    expect(seen).not.toHaveProperty('assigneeId')
    const unassigned = await desk.call('PATCH', `/api/staff/complaints/${filed.id}`, { version: 2, assigneeId: null }, desk.as.ruud)
    expect(unassigned.json.complaint.assignee).toBeNull()
    expect(unassigned.json.complaint.assignments).toEqual([
      { at: '2026-11-30T09:00:00.000Z', by: { kind: 'staff', name: 'Lotte Smit' }, assignee: { id: 's-ruud', name: 'Ruud de Boer' } },
      { at: '2026-11-30T09:00:00.000Z', by: { kind: 'staff', name: 'Ruud de Boer' }, assignee: null },
    ])
    expect((await desk.call('GET', `/api/complaints/${filed.id}`, undefined, desk.as.tom)).json.complaint).not.toHaveProperty('assignments')
    expect((await desk.call('GET', '/api/staff/complaints?assignee=none', undefined, desk.as.lotte)).json.complaints.map((c: { id: string }) => c.id)).toEqual([filed.id])
  })

  test('an unknown or inactive assignee is refused with the field named and changes nothing; an old version gets 409 with the complaint as it is', async () => {
    const desk = await complaintsDesk()
    const filed = await desk.file()
    const staff = (await desk.store.staff.get('s-daan'))!
    await desk.store.staff.put({ ...staff, isActive: false })
    for (const assigneeId of ['s-nobody', 's-daan']) {
      const refused = await desk.call('PATCH', `/api/staff/complaints/${filed.id}`, { version: 1, assigneeId }, { ...desk.as.lotte, 'accept-language': 'en' })
      expect([refused.status, refused.json.code, refused.json.fields[0].path]).toEqual([400, 'invalid_input', 'assigneeId'])
    }
    expect((await desk.store.complaints.get(filed.id))?.version).toBe(1)
    await desk.call('PATCH', `/api/staff/complaints/${filed.id}`, { version: 1, assigneeId: 's-lotte' }, desk.as.lotte)
    const stale = await desk.call('PATCH', `/api/staff/complaints/${filed.id}`, { version: 1, assigneeId: 's-ruud' }, desk.as.ruud)
    expect([stale.status, stale.json.code, stale.json.current.assignee]).toEqual([409, 'version_conflict', { id: 's-lotte', name: 'Lotte Smit' }])
    expect((await desk.call('PATCH', `/api/staff/complaints/${filed.id}`, { version: 2 }, desk.as.lotte)).status).toBe(400)
  })
})

describe('internal notes', () => {
  test('a note is kept for staff, never shown to the customer in the portal nor mailed to them, and is no response', async () => {
    const desk = await complaintsDesk()
    const filed = await desk.file()
    const secret = 'Klant belt vaker boos; Ruud kent de achtergrond.'
    const mailsBefore = await desk.mails()
    const noted = await desk.call('PATCH', `/api/staff/complaints/${filed.id}`, { version: 1, note: secret }, desk.as.lotte)
    expect(noted.status).toBe(200)
    expect(noted.json.complaint).toMatchObject({ notes: [{ text: secret, by: { kind: 'staff', name: 'Lotte Smit' } }], respondedAt: null, replies: [] })
    expect(await desk.mails()).toEqual(mailsBefore)
    // Then a public answer: mailed, without the note.
    await desk.call('PATCH', `/api/staff/complaints/${filed.id}`, { version: 2, reply: 'Excuses; we bellen u vandaag.', status: 'in_progress' }, desk.as.lotte)
    const toTom = (await desk.mails()).filter((m) => m.to === 'tom@bakkerij-jansen.example')
    expect(toTom.map((m) => m.subject)).toEqual(['Uw klacht K10001 is ontvangen: Niet teruggebeld', 'K10001 – In behandeling: Niet teruggebeld'])
    expect(toTom.at(-1)!.text).toContain('Excuses; we bellen u vandaag.')
    for (const mail of await desk.mails()) expect(`${mail.subject}\n${mail.text}\n${mail.html}`).not.toContain('Ruud kent de achtergrond')
    // Neither the contact nor their admin reads it, one by one or in the list.
    for (const who of [desk.as.tom, desk.as.marieke]) {
      const one = await desk.call('GET', `/api/complaints/${filed.id}`, undefined, who)
      const list = await desk.call('GET', '/api/complaints', undefined, who)
      expect(one.status).toBe(200)
      expect(one.text).not.toContain('achtergrond')
      expect(list.text).not.toContain('achtergrond')
      expect(one.json.complaint).not.toHaveProperty('notes')
    }
    // The portal's own PATCH answers in the customer's shape too: no notes.
    const viaPortalRoute = await desk.call('PATCH', `/api/complaints/${filed.id}`, { version: 3, note: 'Nog een interne notitie.' }, desk.as.lotte)
    expect(viaPortalRoute.status).toBe(200)
    expect(viaPortalRoute.text).not.toContain('interne notitie')
    expect((await desk.call('GET', `/api/staff/complaints/${filed.id}`, undefined, desk.as.ruud)).json.complaint.notes.map((n: { text: string }) => n.text)).toEqual([secret, 'Nog een interne notitie.'])
  })

  test('a customer cannot write a note: 403, nothing changes', async () => {
    const desk = await complaintsDesk()
    const filed = await desk.file()
    expect((await desk.call('PATCH', `/api/staff/complaints/${filed.id}`, { version: 1, note: 'Van de klant' }, desk.as.marieke)).status).toBe(403)
    expect((await desk.call('PATCH', `/api/complaints/${filed.id}`, { version: 1, note: 'Van de klant' }, desk.as.marieke)).status).toBe(403)
    expect((await desk.store.complaints.get(filed.id))?.notes).toBeUndefined()
  })
})

describe('handler mails', () => {
  test('a new complaint mails each handler in desk.yaml, in their language, with the console link; the receipt still goes to the customer', async () => {
    const desk = await complaintsDesk()
    const ingrid = (await desk.store.staff.get('s-admin'))!
    await desk.store.staff.put({ ...ingrid, lang: 'en' })
    const filed = await desk.file()
    const mails = await desk.mails()
    const toHandlers = mails.filter((m) => HANDLERS.includes(m.to))
    expect(toHandlers.map((m) => [m.to, m.subject])).toEqual([
      ['ruud@noordwind.example', 'Nieuwe klacht K10001 van Bakkerij Jansen B.V.: Niet teruggebeld'],
      ['ingrid@noordwind.example', 'New complaint K10001 from Bakkerij Jansen B.V.: Niet teruggebeld'],
    ])
    expect(toHandlers[0]!.text).toContain(`https://support.example.nl/staff/klachten/?id=${filed.id}`)
    expect(toHandlers[0]!.text).toContain('Tom Bakker van Bakkerij Jansen B.V.')
    expect(toHandlers[0]!.text).toContain('dinsdag 1 december om 10:00')
    expect(toHandlers[1]!.text).toContain(`https://support.example.nl/en/staff/complaints/?id=${filed.id}`)
    expect(mails.at(-1)).toMatchObject({ to: 'tom@bakkerij-jansen.example', subject: 'Uw klacht K10001 is ontvangen: Niet teruggebeld' })
  })

  test('an opinion reaches the handlers without a due time; an inactive handler is not mailed', async () => {
    const desk = await complaintsDesk()
    const ruud = (await desk.store.staff.get('s-ruud'))!
    await desk.store.staff.put({ ...ruud, isActive: false })
    await desk.file({ kind: 'opinion', subject: 'Fijn portaal', text: 'Het nieuwe portaal werkt prettig.' })
    const toHandlers = (await desk.mails()).filter((m) => HANDLERS.includes(m.to))
    expect(toHandlers.map((m) => m.to)).toEqual(['ingrid@noordwind.example'])
    expect(toHandlers[0]!.text).toContain('Een mening heeft geen termijn')
  })
})

describe('the nearing reminder', () => {
  test('the sweep mails the handlers once when a complaint without a response nears its due time, and notes it on the complaint', async () => {
    const desk = await complaintsDesk()
    const filed = await desk.file()
    const answered = await desk.file({ ...COMPLAINT, subject: 'Al beantwoord' })
    await desk.call('PATCH', `/api/staff/complaints/${answered.id}`, { version: 1, reply: 'We bellen u vandaag.' }, desk.as.lotte)
    await desk.call('PATCH', `/api/staff/complaints/${filed.id}`, { version: 1, assigneeId: 's-lotte', note: 'Ik pak hem op.' }, desk.as.lotte)
    const reminders = async () => (await desk.mails()).filter((m) => m.subject.startsWith('Bijna over tijd'))
    // Due Tuesday 10:00 in Amsterdam; nearing from Monday 16:30 (two business hours before).
    desk.setNow('2026-11-30T15:00:00Z')
    expect(await remindNearingComplaints(desk.deps)).toEqual([])
    expect(await reminders()).toEqual([])
    desk.setNow('2026-11-30T15:45:00Z')
    const reminded = await remindNearingComplaints(desk.deps)
    expect(reminded.map((c) => c.number)).toEqual([filed.number])
    expect((await reminders()).map((m) => m.to)).toEqual(HANDLERS)
    expect((await reminders())[0]!.text).toContain('Behandelaar: Lotte Smit.')
    expect((await desk.store.complaints.get(filed.id))?.nearingMailedAt).toBe('2026-11-30T15:45:00.000Z')
    expect((await desk.call('GET', `/api/staff/complaints/${filed.id}`, undefined, desk.as.lotte)).json.complaint.nearingMailedAt).toBe('2026-11-30T15:45:00.000Z')
    // Later sweeps, even past the due time, add nothing.
    desk.setNow('2026-11-30T15:46:00Z')
    expect(await remindNearingComplaints(desk.deps)).toEqual([])
    desk.setNow('2026-12-01T11:00:00Z')
    expect(await remindNearingComplaints(desk.deps)).toEqual([])
    expect((await reminders()).length).toBe(2)
    // The customer never hears of it.
    expect((await desk.call('GET', `/api/complaints/${filed.id}`, undefined, desk.as.tom)).json.complaint).not.toHaveProperty('nearingMailedAt')
  })
})

describe('the reminder sweep on a timer', () => {
  test('starts with one sweep, sweeps again on its interval on the desk\'s clock, and stops waiting for the one running', async () => {
    const desk = await complaintsDesk()
    const filed = await desk.file()
    const sweep = complaintSweep(desk.deps, { intervalMs: 20 })
    desk.setNow('2026-11-30T12:00:00Z')
    sweep.start()
    await sweep.run()
    expect((await desk.store.complaints.get(filed.id))?.nearingMailedAt).toBeUndefined()
    // The clock moves into the lead time: the next tick reminds, once.
    desk.setNow('2026-12-01T08:00:00Z')
    await expect.poll(async () => (await desk.store.complaints.get(filed.id))?.nearingMailedAt, { timeout: 2_000 }).toBe('2026-12-01T08:00:00.000Z')
    await sweep.stop()
    const reminders = (await desk.mails()).filter((m) => m.subject.startsWith('Bijna over tijd'))
    expect(reminders.map((m) => m.to)).toEqual(HANDLERS)
    // Stopped: a later moment adds nothing, even with another complaint nearing.
    const second = await desk.file({ ...COMPLAINT, subject: 'Tweede klacht' })
    desk.setNow('2026-12-02T08:00:00Z')
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect((await desk.store.complaints.get(second.id))?.nearingMailedAt).toBeUndefined()
  })
})
