import { afterEach, describe, expect, test } from 'vitest'
import { closeTestDesks, testDesk } from '../testing.ts'

afterEach(closeTestDesks)

const registration = (overrides: Record<string, unknown> = {}) => ({
  name: 'Tom Bakker', email: 'tom@bakkerij-jansen.example', kind: 'bug', productArea: 'finance',
  subject: 'Btw-aangifte geeft fout 500', description: 'Bij het indienen via Digipoort krijg ik fout 500.', lang: 'nl', ...overrides,
})

/** The demo desk with a session for each person the tests act as. */
async function portal() {
  const desk = await testDesk()
  const as = {
    marieke: { cookie: await desk.cookieFor('contact', 'c-jansen-admin') },
    tom: { cookie: await desk.cookieFor('contact', 'c-jansen-emp') },
    peter: { cookie: await desk.cookieFor('contact', 'c-devries-admin') },
    lotte: { cookie: await desk.cookieFor('staff', 's-lotte') },
  }
  return { ...desk, as }
}

/** Every record the API keeps, to show a refused request changed nothing. */
async function snapshot(desk: Awaited<ReturnType<typeof portal>>) {
  const organisations = await desk.store.organisations.list()
  const contacts = (await Promise.all(organisations.map((o) => desk.store.contacts.listByOrganisation(o.id)))).flat()
  return JSON.stringify({ organisations, contacts, complaints: await desk.store.complaints.list({}), incidents: await desk.store.incidents.list({}), mails: (await desk.mails()).length })
}

describe('organisation information by role', () => {
  test('an admin sees everything: details, subscriptions with First Class, invoices, projects, courses', async () => {
    const desk = await portal()
    const res = await desk.call('GET', '/api/organisation', undefined, desk.as.marieke)
    expect(res.status).toBe(200)
    expect(res.json.role).toBe('admin')
    expect(res.json.organisation).toMatchObject({ name: 'Bakkerij Jansen B.V.', customerNumber: '104211', isFirstClass: true, address: expect.any(String) })
    expect(res.json.organisation.subscriptions).toContainEqual(expect.objectContaining({ isFirstClass: true }))
    expect(res.json.organisation.invoices.length).toBeGreaterThan(0)
    expect(res.json.organisation.projects.length).toBeGreaterThan(0)
    expect(res.json.organisation.courses.length).toBeGreaterThan(0)
  })

  test('an employee sees only the brief company information', async () => {
    const desk = await portal()
    const res = await desk.call('GET', '/api/organisation', undefined, desk.as.tom)
    expect(res.json).toEqual({ role: 'employee', organisation: { id: 'org-jansen', name: 'Bakkerij Jansen B.V.', customerNumber: '104211', isFirstClass: true } })
  })

  test('nobody signed in gets 401; staff 403', async () => {
    const desk = await portal()
    expect((await desk.call('GET', '/api/organisation')).status).toBe(401)
    expect((await desk.call('GET', '/api/organisation', undefined, desk.as.lotte)).json.code).toBe('contacts_only')
  })

  test('the admin edits the company details; an emptied field is removed; the customer number cannot be changed', async () => {
    const desk = await portal()
    const res = await desk.call('PATCH', '/api/organisation', { address: 'Molenstraat 14, 9711 AB Groningen', phone: '050 123 45 67', invoiceEmail: '' }, desk.as.marieke)
    expect(res.status).toBe(200)
    const stored = await desk.store.organisations.get('org-jansen')
    expect(stored).toMatchObject({ address: 'Molenstraat 14, 9711 AB Groningen', phone: '050 123 45 67', customerNumber: '104211' })
    expect(stored).not.toHaveProperty('invoiceEmail')
    const before = await snapshot(desk)
    const refused = await desk.call('PATCH', '/api/organisation', { customerNumber: '1' }, desk.as.marieke)
    expect(refused.status).toBe(400)
    expect(refused.json.fields).toContainEqual(expect.objectContaining({ path: '(body)' }))
    expect(await snapshot(desk)).toBe(before)
    expect((await desk.store.audit.listFor('organisation:org-jansen')).map((a) => [a.actor, a.action])).toEqual([['contact:c-jansen-admin', 'organisation.changed']])
  })
})

describe('admin-only endpoints refuse an employee with 403 and change nothing', () => {
  test.each([
    ['PATCH', '/api/organisation', { name: 'Bakkerij Bakker' }],
    ['GET', '/api/organisation/contacts', undefined],
    ['POST', '/api/organisation/contacts', { name: 'Nieuwe Collega', email: 'nieuw@bakkerij-jansen.example' }],
    ['PATCH', '/api/organisation/contacts/c-jansen-admin', { isAuthorised: false }],
  ])('%s %s', async (method, path, body) => {
    const desk = await portal()
    const before = await snapshot(desk)
    const res = await desk.call(method, path, body, { ...desk.as.tom, 'accept-language': 'en' })
    expect(res.status).toBe(403)
    expect(res.json).toEqual({ code: 'admin_only', message: 'Only an admin of your organisation may do this.' })
    expect(await snapshot(desk)).toBe(before)
  })
})

describe('managing contacts', () => {
  test('the admin lists only their own organisation’s contacts', async () => {
    const desk = await portal()
    const res = await desk.call('GET', '/api/organisation/contacts', undefined, desk.as.marieke)
    expect(res.json.contacts.map((c: { email: string }) => c.email).sort()).toEqual(['marieke@bakkerij-jansen.example', 'sanne@bakkerij-jansen.example', 'tom@bakkerij-jansen.example'])
    expect(res.json.contacts[0]).toEqual({ id: expect.any(String), name: expect.any(String), email: expect.any(String), role: expect.any(String), lang: expect.any(String), isAuthorised: expect.any(Boolean), isActive: expect.any(Boolean) })
  })

  test('adds a contact who can sign in at once; an address in use is refused', async () => {
    const desk = await portal()
    const added = await desk.call('POST', '/api/organisation/contacts', { name: 'Joost Meijer', email: 'Joost@Bakkerij-Jansen.example', role: 'employee', lang: 'en' }, desk.as.marieke)
    expect(added.status).toBe(201)
    expect(added.json.contact).toMatchObject({ email: 'joost@bakkerij-jansen.example', isAuthorised: true, isActive: true, role: 'employee', lang: 'en' })
    expect((await desk.call('POST', '/api/auth/link', { email: 'joost@bakkerij-jansen.example' })).status).toBe(202)
    expect((await desk.mails()).at(-1)).toMatchObject({ to: 'joost@bakkerij-jansen.example', text: expect.stringContaining('/api/auth/callback?token=') })
    const before = await snapshot(desk)
    for (const email of ['tom@bakkerij-jansen.example', 'aisha@devries-installatie.example', 'lotte@noordwind.example']) {
      const taken = await desk.call('POST', '/api/organisation/contacts', { name: 'Dubbel', email }, desk.as.marieke)
      expect([taken.status, taken.json.code]).toEqual([409, 'email_in_use'])
    }
    expect(await snapshot(desk)).toBe(before)
  })

  test('withdrawing authorisation signs the contact out and refuses their next registration at once', async () => {
    const desk = await portal()
    expect((await desk.call('GET', '/api/auth/me', undefined, desk.as.tom)).status).toBe(200)
    const res = await desk.call('PATCH', '/api/organisation/contacts/c-jansen-emp', { isAuthorised: false }, desk.as.marieke)
    expect(res.status).toBe(200)
    expect(res.json.contact).toMatchObject({ id: 'c-jansen-emp', isAuthorised: false, isActive: true })
    expect((await desk.call('GET', '/api/auth/me', undefined, desk.as.tom)).status).toBe(401)
    // Signed in no more, so the registration goes the widget's way, and the mail says whom to ask.
    expect((await desk.call('POST', '/api/incidents', registration(), desk.as.tom)).status).toBe(202)
    expect((await desk.mails()).at(-1)?.text).not.toContain('token=')
    expect(await desk.store.incidents.count()).toBe(0)
    const link = await desk.call('POST', '/api/auth/link', { email: 'tom@bakkerij-jansen.example' })
    expect(link.status).toBe(202)
    expect((await desk.mails()).filter((m) => m.text.includes('/api/auth/callback'))).toEqual([])
  })

  test('a deactivated contact can no longer sign in; authorising again lets them back', async () => {
    const desk = await portal()
    await desk.call('PATCH', '/api/organisation/contacts/c-jansen-emp', { isActive: false }, desk.as.marieke)
    expect((await desk.call('GET', '/api/incidents', undefined, desk.as.tom)).status).toBe(401)
    await desk.call('PATCH', '/api/organisation/contacts/c-jansen-new', { isAuthorised: true }, desk.as.marieke)
    expect((await desk.store.contacts.get('c-jansen-new'))?.isAuthorised).toBe(true)
  })

  test('changes a role; the last admin cannot step down, withdraw or deactivate themselves', async () => {
    const desk = await portal()
    const before = await snapshot(desk)
    for (const change of [{ role: 'employee' }, { isAuthorised: false }, { isActive: false }]) {
      const res = await desk.call('PATCH', '/api/organisation/contacts/c-jansen-admin', change, desk.as.marieke)
      expect([res.status, res.json.code]).toEqual([422, 'last_admin'])
    }
    expect(await snapshot(desk)).toBe(before)
    expect((await desk.call('PATCH', '/api/organisation/contacts/c-jansen-emp', { role: 'admin' }, desk.as.marieke)).status).toBe(200)
    expect((await desk.call('PATCH', '/api/organisation/contacts/c-jansen-admin', { role: 'employee' }, desk.as.marieke)).status).toBe(200)
    // Marieke is an employee now: admin endpoints refuse her on her very next request.
    expect((await desk.call('GET', '/api/organisation/contacts', undefined, desk.as.marieke)).status).toBe(403)
  })

  test('another organisation’s contact is a 404, and nothing changes', async () => {
    const desk = await portal()
    const before = await snapshot(desk)
    const res = await desk.call('PATCH', '/api/organisation/contacts/c-jansen-emp', { isAuthorised: false }, desk.as.peter)
    expect([res.status, res.json.code]).toEqual([404, 'not_found'])
    expect(await snapshot(desk)).toBe(before)
  })
})

describe('incidents in the portal', () => {
  async function withIncidents() {
    const desk = await portal()
    const tom = (await desk.call('POST', '/api/incidents', registration(), desk.as.tom)).json
    const marieke = (await desk.call('POST', '/api/incidents', registration({ name: 'Marieke Jansen', email: 'marieke@bakkerij-jansen.example', kind: 'question', subject: 'Vraag over voorraad' }), desk.as.marieke)).json
    const peter = (await desk.call('POST', '/api/incidents', registration({ name: 'Peter de Vries', email: 'peter@devries-installatie.example' }), desk.as.peter)).json
    return { desk, tom, marieke, peter }
  }

  test('the admin filters by status, kind and contact; an employee’s contact filter cannot widen their view', async () => {
    const { desk, tom } = await withIncidents()
    const list = async (query: string, who: { cookie: string }) => (await desk.call('GET', `/api/incidents${query}`, undefined, who)).json.incidents.map((i: { number: string }) => i.number)
    expect((await list('', desk.as.marieke)).length).toBe(2)
    expect(await list('?kind=bug', desk.as.marieke)).toEqual([tom.number])
    expect(await list('?contactId=c-jansen-emp', desk.as.marieke)).toEqual([tom.number])
    expect(await list('?status=resolved', desk.as.marieke)).toEqual([])
    expect(await list('?contactId=c-jansen-admin', desk.as.tom)).toEqual([tom.number])
    expect(await list('', desk.as.tom)).toEqual([tom.number])
    const row = (await desk.call('GET', '/api/incidents', undefined, desk.as.tom)).json.incidents[0]
    expect(row).toMatchObject({ contactName: 'Tom Bakker', status: 'new', priority: null })
  })

  test('another organisation’s incident is a 404 to read, react to or attach to', async () => {
    const { desk, peter } = await withIncidents()
    const before = await snapshot(desk)
    expect((await desk.call('GET', `/api/incidents/${peter.id}`, undefined, desk.as.marieke)).status).toBe(404)
    expect((await desk.call('POST', `/api/incidents/${peter.id}/messages`, { text: 'Ik kijk even mee' }, desk.as.marieke)).status).toBe(404)
    expect(await snapshot(desk)).toBe(before)
  })

  test('the timeline holds status changes, replies and reactions in order, named, without internal notes', async () => {
    const { desk, tom } = await withIncidents()
    desk.setNow('2026-11-30T09:10:00Z')
    await desk.call('PATCH', `/api/incidents/${tom.id}`, { version: 1, priority: 2, status: 'waiting_for_customer' }, desk.as.lotte)
    await desk.call('POST', `/api/incidents/${tom.id}/messages`, { text: 'Welke foutcode ziet u precies?' }, desk.as.lotte)
    await desk.call('POST', `/api/incidents/${tom.id}/messages`, { text: 'Certificaat verlopen?', visibility: 'internal' }, desk.as.lotte)
    desk.setNow('2026-11-30T09:30:00Z')
    await desk.call('POST', `/api/incidents/${tom.id}/messages`, { text: '<img src=x onerror=alert(1)> foutcode 500' }, desk.as.tom)
    const res = await desk.call('GET', `/api/incidents/${tom.id}`, undefined, desk.as.tom)
    expect(res.json.timeline.map((e: any) => (e.type === 'status' ? `${e.status} by ${e.by.name}` : `${e.by.name}: ${e.text}`))).toEqual([
      'new by Tom Bakker',
      // At the same moment, the message comes first: the status change a reaction causes follows it.
      'Lotte Smit: Welke foutcode ziet u precies?',
      'waiting_for_customer by Lotte Smit',
      'Tom Bakker: <img src=x onerror=alert(1)> foutcode 500',
      'in_progress by Tom Bakker',
    ])
    expect(res.json.requester).toEqual({ id: 'c-jansen-emp', name: 'Tom Bakker' })
    expect(res.json.reactionRefusal).toBeNull()
    expect(res.text).not.toContain('Certificaat verlopen?')
    const staffView = await desk.call('GET', `/api/incidents/${tom.id}`, undefined, desk.as.lotte)
    expect(staffView.json.timeline.some((e: any) => e.visibility === 'internal')).toBe(true)
  })

  test('a reaction within 14 days of resolving reopens; later, or once closed, it is refused with what to do instead', async () => {
    const { desk, tom } = await withIncidents()
    await desk.call('PATCH', `/api/incidents/${tom.id}`, { version: 1, status: 'resolved' }, desk.as.lotte)
    desk.setNow('2026-12-14T08:59:00Z')
    const reopened = await desk.call('POST', `/api/incidents/${tom.id}/messages`, { text: 'Het gebeurt weer.' }, desk.as.tom)
    expect([reopened.status, reopened.json.incident.status]).toEqual([201, 'in_progress'])
    await desk.call('PATCH', `/api/incidents/${tom.id}`, { version: 3, status: 'resolved' }, desk.as.lotte)
    desk.setNow('2026-12-28T09:00:00Z')
    const before = await snapshot(desk)
    const late = await desk.call('POST', `/api/incidents/${tom.id}/messages`, { text: 'Nog een vraag.' }, { ...desk.as.tom, 'accept-language': 'en' })
    expect([late.status, late.json.code]).toEqual([409, 'reopen_window_passed'])
    expect(late.json.message).toContain('Register a new incident')
    expect((await desk.call('GET', `/api/incidents/${tom.id}`, undefined, desk.as.tom)).json.reactionRefusal).toBe('reopen_window_passed')
    expect(await snapshot(desk)).toBe(before)
    await desk.call('PATCH', `/api/incidents/${tom.id}`, { version: 4, status: 'closed' }, desk.as.lotte)
    const closed = await desk.call('POST', `/api/incidents/${tom.id}/messages`, { text: 'Nog een vraag.' }, desk.as.tom)
    expect([closed.status, closed.json.code]).toEqual([409, 'incident_closed'])
  })

  test('a reaction with an attachment lands in the timeline with the file, downloadable by the customer', async () => {
    const { desk, tom } = await withIncidents()
    const form = new FormData()
    form.set('text', 'Zie de bijlage.')
    form.set('file', new File(['regel 1\nfout 500\n'], 'log.txt', { type: 'text/plain' }))
    const upload = await desk.app.request(`/api/incidents/${tom.id}/attachments`, { method: 'POST', body: form, headers: desk.as.tom })
    expect(upload.status).toBe(201)
    const view = await desk.call('GET', `/api/incidents/${tom.id}`, undefined, desk.as.tom)
    const reaction = view.json.timeline.find((e: any) => e.type === 'message')
    expect(reaction).toMatchObject({ text: 'Zie de bijlage.', attachments: [{ fileName: 'log.txt', contentType: expect.stringMatching(/^text\/plain/) }] })
    const download = await desk.app.request(`/api/incidents/${tom.id}/attachments/${reaction.attachments[0].id}`, { headers: desk.as.tom })
    expect(await download.text()).toBe('regel 1\nfout 500\n')
  })
})

describe('complaints and feedback', () => {
  test('a complaint gets a number, a target of one working day and a receipt by mail', async () => {
    const desk = await portal()
    const res = await desk.call('POST', '/api/complaints', { kind: 'complaint', subject: 'Niet teruggebeld', text: 'Mij werd gisteren een terugbelafspraak beloofd, maar niemand belde.' }, desk.as.tom)
    expect(res.status).toBe(201)
    expect(res.json.complaint).toMatchObject({ number: 'K10001', status: 'received', dueAt: '2026-12-01T09:00:00.000Z', isBreached: false, contact: { id: 'c-jansen-emp', name: 'Tom Bakker' }, incident: null })
    expect(res.json.url).toBe(`/portaal/klachten/?id=${res.json.complaint.id}`)
    const mail = (await desk.mails()).at(-1)!
    expect(mail).toMatchObject({ to: 'tom@bakkerij-jansen.example', subject: 'Uw klacht K10001 is ontvangen: Niet teruggebeld' })
    expect(mail.text).toContain('dinsdag 1 december om 10:00')
  })

  test('an opinion is thanked and has no target; a complaint may name an incident the contact can see, and no other', async () => {
    const desk = await portal()
    const opinion = await desk.call('POST', '/api/complaints', { kind: 'opinion', subject: 'Fijn portaal', text: 'Het nieuwe portaal werkt prettig.' }, desk.as.tom)
    expect(opinion.json.complaint).toMatchObject({ kind: 'opinion', dueAt: null })
    const own = (await desk.call('POST', '/api/incidents', registration(), desk.as.tom)).json
    const other = (await desk.call('POST', '/api/incidents', registration({ name: 'Peter de Vries', email: 'peter@devries-installatie.example' }), desk.as.peter)).json
    const about = await desk.call('POST', '/api/complaints', { kind: 'complaint', subject: 'Te traag', text: 'Dit incident duurt veel te lang.', incidentNumber: own.number }, desk.as.tom)
    expect(about.json.complaint.incident).toMatchObject({ number: own.number })
    const before = await snapshot(desk)
    const foreign = await desk.call('POST', '/api/complaints', { kind: 'complaint', subject: 'Te traag', text: 'Dit incident duurt veel te lang.', incidentNumber: other.number }, desk.as.tom)
    expect([foreign.status, foreign.json.fields[0].path]).toEqual([400, 'incidentNumber'])
    expect(await snapshot(desk)).toBe(before)
  })

  test('only contacts file; an employee sees their own, the admin all of the organisation, another organisation none', async () => {
    const desk = await portal()
    expect((await desk.call('POST', '/api/complaints', { kind: 'opinion', subject: 'Hallo', text: 'Een mening van support.' }, desk.as.lotte)).status).toBe(403)
    expect((await desk.call('POST', '/api/complaints', { kind: 'opinion', subject: 'Hallo', text: 'Een anonieme mening.' })).status).toBe(401)
    const toms = (await desk.call('POST', '/api/complaints', { kind: 'complaint', subject: 'Klacht van Tom', text: 'Niemand belde terug.' }, desk.as.tom)).json.complaint
    await desk.call('POST', '/api/complaints', { kind: 'opinion', subject: 'Mening van Marieke', text: 'De cursus was goed.' }, desk.as.marieke)
    const subjects = async (who: { cookie: string }) => (await desk.call('GET', '/api/complaints', undefined, who)).json.complaints.map((c: { subject: string }) => c.subject).sort()
    expect(await subjects(desk.as.tom)).toEqual(['Klacht van Tom'])
    expect(await subjects(desk.as.marieke)).toEqual(['Klacht van Tom', 'Mening van Marieke'])
    expect(await subjects(desk.as.peter)).toEqual([])
    expect((await desk.call('GET', `/api/complaints/${toms.id}`, undefined, desk.as.peter)).status).toBe(404)
    expect((await desk.call('GET', `/api/complaints/${toms.id}`, undefined, desk.as.marieke)).status).toBe(200)
  })

  test('support answers and moves it on; every change mails the customer; a contact cannot change it', async () => {
    const desk = await portal()
    const filed = (await desk.call('POST', '/api/complaints', { kind: 'complaint', subject: 'Niet teruggebeld', text: 'Niemand belde terug.' }, desk.as.tom)).json.complaint
    const before = await snapshot(desk)
    expect((await desk.call('PATCH', `/api/complaints/${filed.id}`, { version: 1, status: 'resolved' }, desk.as.tom)).status).toBe(403)
    expect(await snapshot(desk)).toBe(before)
    desk.setNow('2026-11-30T11:00:00Z')
    const answered = await desk.call('PATCH', `/api/complaints/${filed.id}`, { version: 1, status: 'in_progress', reply: 'Excuses; Lotte belt u vandaag om 14:00.' }, desk.as.lotte)
    expect(answered.json.complaint).toMatchObject({ status: 'in_progress', respondedAt: '2026-11-30T11:00:00.000Z', replies: [{ text: 'Excuses; Lotte belt u vandaag om 14:00.', by: { kind: 'staff', name: 'Lotte Smit' } }] })
    const stale = await desk.call('PATCH', `/api/complaints/${filed.id}`, { version: 1, status: 'resolved' }, desk.as.lotte)
    expect([stale.status, stale.json.code, stale.json.current.status]).toEqual([409, 'version_conflict', 'in_progress'])
    const refused = await desk.call('PATCH', `/api/complaints/${filed.id}`, { version: 2, status: 'received' }, desk.as.lotte)
    expect([refused.status, refused.json.code]).toEqual([422, 'transition_refused'])
    await desk.call('PATCH', `/api/complaints/${filed.id}`, { version: 2, status: 'resolved' }, desk.as.lotte)
    const mails = (await desk.mails()).filter((m) => m.to === 'tom@bakkerij-jansen.example').map((m) => m.subject)
    expect(mails).toEqual([
      'Uw klacht K10001 is ontvangen: Niet teruggebeld',
      'K10001 – In behandeling: Niet teruggebeld',
      'K10001 – Afgehandeld: Niet teruggebeld',
    ])
    expect((await desk.mails()).find((m) => m.subject.startsWith('K10001 – In behandeling'))?.text).toContain('> Excuses; Lotte belt u vandaag om 14:00.')
    const seen = await desk.call('GET', `/api/complaints/${filed.id}`, undefined, desk.as.tom)
    expect(seen.json.complaint.statusHistory.map((h: any) => h.status)).toEqual(['received', 'in_progress', 'resolved'])
  })
})

describe('cross-site requests', () => {
  test('a signed-in change from another site is refused with 403 and changes nothing; from the portal it passes', async () => {
    const desk = await portal()
    const before = await snapshot(desk)
    const forged = await desk.call('PATCH', '/api/organisation/contacts/c-jansen-emp', { isAuthorised: false }, { ...desk.as.marieke, 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' })
    expect([forged.status, forged.json.code]).toEqual([403, 'cross_origin'])
    const viaOrigin = await desk.call('POST', '/api/complaints', { kind: 'opinion', subject: 'Vals', text: 'Namens iemand anders.' }, { ...desk.as.tom, origin: 'https://evil.example', host: 'support.example.nl' })
    expect(viaOrigin.status).toBe(403)
    expect(await snapshot(desk)).toBe(before)
    const own = await desk.call('PATCH', '/api/organisation/contacts/c-jansen-emp', { isAuthorised: false }, { ...desk.as.marieke, 'sec-fetch-site': 'same-origin' })
    expect(own.status).toBe(200)
  })
})
