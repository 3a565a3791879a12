import { afterEach, describe, expect, test, vi } from 'vitest'
import { sweepNearingTargets } from '../services/notifications.ts'
import { closeTestDesks, testDesk } from '../testing.ts'

afterEach(async () => {
  vi.restoreAllMocks()
  await closeTestDesks()
})

const registration = (overrides: Record<string, unknown> = {}) => ({
  name: 'Tom Bakker', email: 'tom@bakkerij-jansen.example', kind: 'bug', productArea: 'finance',
  subject: 'Btw-aangifte geeft fout 500', description: 'Bij het indienen via Digipoort krijg ik fout 500.', lang: 'nl', ...overrides,
})

async function desk_() {
  const desk = await testDesk()
  const as = {
    tom: { cookie: await desk.cookieFor('contact', 'c-jansen-emp') },
    lotte: { cookie: await desk.cookieFor('staff', 's-lotte') },
    daan: { cookie: await desk.cookieFor('staff', 's-daan') },
    ruud: { cookie: await desk.cookieFor('staff', 's-ruud') },
    ingrid: { cookie: await desk.cookieFor('staff', 's-admin') },
  }
  const file = async (overrides: Record<string, unknown> = {}) => (await desk.call('POST', '/api/incidents', registration(overrides), as.tom)).json as { id: string; number: string }
  const inbox = async (who: { cookie: string }, query = '') => desk.call('GET', `/api/staff/notifications${query}`, undefined, who)
  const mailsTo = async (to: string) => (await desk.mails()).filter((m) => m.to === to)
  const triage = async (id: string, change: Record<string, unknown>, who = as.ingrid) => {
    const current = (await desk.call('GET', `/api/incidents/${id}`, undefined, who)).json.incident
    return desk.call('PATCH', `/api/incidents/${id}`, { version: current.version, ...change }, who)
  }
  return { ...desk, as, file, inbox, mailsTo, triage }
}

describe('staff notifications', () => {
  test('an incident assigned to someone puts it in their inbox and mails them a link to it in the console; assigning oneself tells no one', async () => {
    const desk = await desk_()
    const incident = await desk.file()
    expect((await desk.triage(incident.id, { priority: 3, assigneeId: 's-lotte' })).status).toBe(200)
    const lotte = await desk.inbox(desk.as.lotte)
    expect(lotte.status).toBe(200)
    expect(lotte.json).toMatchObject({ unread: 1, total: 1, next: null, notifications: [{ kind: 'assigned', incidentId: incident.id, number: incident.number, subject: 'Btw-aangifte geeft fout 500', readAt: null }] })
    expect(lotte.json.notifications[0]).not.toHaveProperty('staffId')
    const [mail] = await desk.mailsTo('lotte@noordwind.example')
    expect(mail!.subject).toBe(`Aan u toegewezen: incident ${incident.number} – Btw-aangifte geeft fout 500`)
    expect(mail!.text).toContain(`https://support.example.nl/staff/incident/?id=${incident.id}`)

    // Taken by oneself: nothing to tell.
    await desk.triage(incident.id, { assigneeId: 's-admin' }, desk.as.ingrid)
    expect((await desk.inbox(desk.as.ingrid)).json.total).toBe(0)
    expect(await desk.mailsTo('ingrid@noordwind.example')).toEqual([])
  })

  test("a customer's reaction tells the assignee and marks the incident in the queue until staff open it", async () => {
    const desk = await desk_()
    const incident = await desk.file()
    const other = await desk.file({ subject: 'Bankkoppeling valt weg' })
    await desk.triage(incident.id, { priority: 3, status: 'in_progress', assigneeId: 's-lotte' })
    desk.setNow('2026-11-30T09:10:00Z')
    expect((await desk.call('POST', `/api/incidents/${incident.id}/messages`, { text: 'Het gebeurt nog steeds.' }, desk.as.tom)).status).toBe(201)
    // Unassigned: marked in the queue, told to no one.
    await desk.call('POST', `/api/incidents/${other.id}/messages`, { text: 'Ook deze nog.' }, desk.as.tom)

    const lotte = await desk.inbox(desk.as.lotte)
    expect(lotte.json.notifications.map((n: { kind: string }) => n.kind)).toEqual(['reaction', 'assigned'])
    const reactionMail = (await desk.mailsTo('lotte@noordwind.example')).at(-1)!
    expect(reactionMail.subject).toBe(`Reactie van de klant op incident ${incident.number} – Btw-aangifte geeft fout 500`)
    expect(reactionMail.text).toContain(`/staff/incident/?id=${incident.id}`)

    const marks = async () => Object.fromEntries((await desk.call('GET', '/api/staff/queue', undefined, desk.as.ingrid)).json.incidents.map((i: { id: string; hasUnreadReaction: boolean }) => [i.id, i.hasUnreadReaction]))
    expect(await marks()).toEqual({ [incident.id]: true, [other.id]: true })
    // Any staff member who opens it clears the mark; a contact opening it does not.
    const asContact = await desk.call('GET', `/api/incidents/${other.id}`, undefined, desk.as.tom)
    expect(asContact.json.newReactions).toBeUndefined()
    const opened = await desk.call('GET', `/api/incidents/${incident.id}`, undefined, desk.as.ruud)
    expect(await marks()).toEqual({ [incident.id]: false, [other.id]: true })
    // The read that cleared the mark names the reaction it stood for, for the page to mark it; a later read names none.
    const reaction = opened.json.messages.find((m: { text: string }) => m.text === 'Het gebeurt nog steeds.')
    expect(opened.json.newReactions).toEqual([reaction.id])
    expect((await desk.call('GET', `/api/incidents/${incident.id}`, undefined, desk.as.ruud)).json.newReactions).toEqual([])
  })

  test('the assignee is told once when an incident nears its target, and again for a new target', async () => {
    const desk = await desk_()
    const incident = await desk.file()
    const triaged = (await desk.triage(incident.id, { priority: 2, status: 'in_progress', assigneeId: 's-lotte' })).json.incident
    const dueAt = new Date(triaged.sla.dueAt)
    expect(await sweepNearingTargets(desk.deps)).toBe(0)
    // desk.yaml: 60 business minutes ahead. Thirty before the target it is near.
    desk.setNow(new Date(dueAt.getTime() - 30 * 60_000).toISOString())
    expect(await sweepNearingTargets(desk.deps)).toBe(1)
    expect(await sweepNearingTargets(desk.deps)).toBe(0)
    const nearing = (await desk.inbox(desk.as.lotte)).json.notifications.filter((n: { kind: string }) => n.kind === 'nearing')
    expect(nearing).toHaveLength(1)
    const mail = (await desk.mailsTo('lotte@noordwind.example')).at(-1)!
    expect(mail.subject).toBe(`Streeftijd nadert: incident ${incident.number} – Btw-aangifte geeft fout 500`)
    expect(mail.text).toMatch(/uiterlijk \w+ \d+ \w+ om 10:00/)
    // Past its target it is breached, not near: no news.
    desk.setNow(new Date(dueAt.getTime() + 60_000).toISOString())
    expect(await sweepNearingTargets(desk.deps)).toBe(0)
    // A lower priority gives a new, later target: near it, the assignee is told again.
    const retriaged = (await desk.triage(incident.id, { priority: 3 })).json.incident
    desk.setNow(new Date(new Date(retriaged.sla.dueAt).getTime() - 10 * 60_000).toISOString())
    expect(await sweepNearingTargets(desk.deps)).toBe(1)
    expect((await desk.inbox(desk.as.lotte)).json.notifications.filter((n: { kind: string }) => n.kind === 'nearing')).toHaveLength(2)
  })

  test("a complaint tells its team: the incident's, or desk.yaml's complaint team; an opinion tells no one", async () => {
    const desk = await desk_()
    const file = (body: Record<string, unknown>) => desk.call('POST', '/api/complaints', { kind: 'complaint', subject: 'Niet teruggebeld', text: 'Mij werd beloofd dat ik zou worden teruggebeld.', ...body }, desk.as.tom)
    const plain = await file({})
    expect(plain.status).toBe(201)
    const told = async () => Object.fromEntries(await Promise.all((['lotte', 'daan', 'ruud', 'ingrid'] as const).map(async (who) => [who, (await desk.inbox(desk.as[who])).json.notifications.filter((n: { kind: string }) => n.kind === 'complaint').length])))
    // No incident: first-line (desk.yaml's notifications.complaintTeam): Lotte, Ruud and Ingrid.
    expect(await told()).toEqual({ lotte: 1, daan: 0, ruud: 1, ingrid: 1 })
    const [note] = (await desk.inbox(desk.as.ruud)).json.notifications
    expect(note).toMatchObject({ kind: 'complaint', complaintId: plain.json.complaint.id, incidentId: null, number: plain.json.complaint.number })
    expect((await desk.mailsTo('lotte@noordwind.example')).at(-1)!.subject).toBe(`Nieuwe klacht ${plain.json.complaint.number} voor uw team – Niet teruggebeld`)
    // Ruud is a complaints handler (desk.yaml): he has the handler's mail, not a second one.
    expect((await desk.mailsTo('ruud@noordwind.example')).map((m) => m.subject)).toEqual([`Nieuwe klacht ${plain.json.complaint.number} van Bakkerij Jansen B.V.: Niet teruggebeld`])

    // About a logistics incident: the logistics team (Daan, and Ingrid who is in every team).
    const incident = await desk.file({ productArea: 'inventory', subject: 'Voorraad klopt niet' })
    expect((await file({ incidentNumber: incident.number })).status).toBe(201)
    expect(await told()).toEqual({ lotte: 1, daan: 1, ruud: 1, ingrid: 2 })
    await file({ kind: 'opinion', subject: 'Prettig geholpen' })
    expect(await told()).toEqual({ lotte: 1, daan: 1, ruud: 1, ingrid: 2 })
  })

  test('a kind turned off by mail still comes in the inbox; mails come in the chosen language', async () => {
    const desk = await desk_()
    const initial = await desk.call('GET', '/api/staff/notifications/preferences', undefined, desk.as.lotte)
    expect(initial.json).toEqual({ mail: { assigned: true, reaction: true, nearing: true, complaint: true }, lang: 'nl' })
    const changed = await desk.call('PUT', '/api/staff/notifications/preferences', { mail: { assigned: false }, lang: 'en' }, desk.as.lotte)
    expect(changed.json).toEqual({ mail: { assigned: false, reaction: true, nearing: true, complaint: true }, lang: 'en' })
    expect((await desk.call('GET', '/api/staff/notifications/preferences', undefined, desk.as.lotte)).json).toEqual(changed.json)

    const incident = await desk.file()
    await desk.triage(incident.id, { priority: 3, status: 'in_progress', assigneeId: 's-lotte' })
    expect((await desk.inbox(desk.as.lotte)).json.notifications.map((n: { kind: string }) => n.kind)).toEqual(['assigned'])
    expect(await desk.mailsTo('lotte@noordwind.example')).toEqual([])
    await desk.call('POST', `/api/incidents/${incident.id}/messages`, { text: 'Nog steeds.' }, desk.as.tom)
    const [mail] = await desk.mailsTo('lotte@noordwind.example')
    expect(mail!.subject).toBe(`Customer reaction on incident ${incident.number} – Btw-aangifte geeft fout 500`)
    expect(mail!.text).toContain(`https://support.example.nl/en/staff/incident/?id=${incident.id}`)
  })

  test.each([
    ['a choice that is no yes or no', { mail: { assigned: 'nee' } }, 'mail.assigned'],
    ['a kind that does not exist', { mail: { birthday: true } }, 'mail'],
    ['an unknown language', { lang: 'de' }, 'lang'],
  ])('refuses %s with the field named, and changes nothing', async (_name, body, path) => {
    const desk = await desk_()
    const res = await desk.call('PUT', '/api/staff/notifications/preferences', body, { ...desk.as.lotte, 'accept-language': 'en' })
    expect(res.status).toBe(400)
    expect(res.json.code).toBe('invalid_input')
    expect(res.json.message).toMatch(/[a-z]/)
    expect(res.json.fields.map((f: { path: string }) => f.path)).toContain(path)
    expect((await desk.call('GET', '/api/staff/notifications/preferences', undefined, desk.as.lotte)).json).toEqual({ mail: { assigned: true, reaction: true, nearing: true, complaint: true }, lang: 'nl' })
  })

  test("no one reads or marks another's notifications; customers have no inbox", async () => {
    const desk = await desk_()
    const a = await desk.file()
    const b = await desk.file({ subject: 'Bankkoppeling valt weg' })
    await desk.triage(a.id, { assigneeId: 's-lotte' })
    await desk.triage(b.id, { assigneeId: 's-lotte' })
    await desk.triage(a.id, { assigneeId: 's-daan' })
    const daans = (await desk.inbox(desk.as.daan)).json.notifications
    expect(daans).toHaveLength(1)
    const lottes = await desk.inbox(desk.as.lotte, '?limit=1')
    expect(lottes.json).toMatchObject({ unread: 2, total: 2, next: expect.any(String) })
    expect((await desk.inbox(desk.as.lotte, `?limit=1&cursor=${lottes.json.next}`)).json.notifications).toHaveLength(1)
    expect((await desk.inbox(desk.as.lotte, '?cursor=nonsense')).status).toBe(400)

    const theirs = await desk.call('POST', `/api/staff/notifications/${daans[0].id}/read`, undefined, desk.as.lotte)
    expect([theirs.status, theirs.json.code]).toEqual([404, 'not_found'])
    expect((await desk.inbox(desk.as.daan)).json.unread).toBe(1)

    const own = await desk.call('POST', `/api/staff/notifications/${lottes.json.notifications[0].id}/read`, undefined, desk.as.lotte)
    expect(own.status).toBe(200)
    expect(own.json).toMatchObject({ unread: 1, notification: { id: lottes.json.notifications[0].id, readAt: '2026-11-30T09:00:00.000Z' } })
    expect((await desk.call('GET', '/api/staff/notifications/unread', undefined, desk.as.lotte)).json).toEqual({ unread: 1 })
    expect((await desk.call('POST', '/api/staff/notifications/read', undefined, desk.as.lotte)).json).toEqual({ marked: 1, unread: 0 })
    expect((await desk.inbox(desk.as.daan)).json.unread).toBe(1)

    for (const [method, path] of [['GET', '/api/staff/notifications'], ['GET', '/api/staff/notifications/unread'], ['POST', '/api/staff/notifications/read'], ['GET', '/api/staff/notifications/preferences']] as const) {
      expect((await desk.call(method, path, undefined, desk.as.tom)).status, path).toBe(403)
      expect((await desk.call(method, path)).status, path).toBe(401)
    }
  })

  test.runIf(process.env.TEST_STORE === 'postgres')('a notification is kept only with the change that caused it: a reaction that fails after it leaves none, and no mail', async () => {
    const desk = await desk_()
    const incident = await desk.file()
    await desk.triage(incident.id, { priority: 3, status: 'in_progress', assigneeId: 's-lotte' })
    const mailsBefore = (await desk.mails()).length
    vi.spyOn(desk.store.audit, 'append').mockRejectedValue(new Error('the audit log is broken'))
    const res = await desk.call('POST', `/api/incidents/${incident.id}/messages`, { text: 'Nog steeds.' }, desk.as.tom)
    expect(res.status).toBe(500)
    vi.restoreAllMocks()
    expect((await desk.inbox(desk.as.lotte)).json.notifications.map((n: { kind: string }) => n.kind)).toEqual(['assigned'])
    expect((await desk.mails()).length).toBe(mailsBefore)
    expect(await desk.store.unreadReactions.among([incident.id])).toEqual([])
  })
})
