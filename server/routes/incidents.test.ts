import { afterEach, describe, expect, test } from 'vitest'
import { dueAt, targetsOf } from '../domain/sla.ts'
import { closeTestDesks, testDesk } from '../testing.ts'

afterEach(closeTestDesks)

const registration = (overrides: Record<string, unknown> = {}) => ({
  name: 'Tom Bakker', email: 'tom@bakkerij-jansen.example', kind: 'bug', productArea: 'finance',
  subject: 'Btw-aangifte geeft fout 500', description: 'Bij het indienen via Digipoort krijg ik fout 500.', kbQuery: 'btw fout 500', kbArticles: ['vat-return'], lang: 'nl',
  ...overrides,
})

describe('registering from the widget', () => {
  test('answers an authorised contact and a stranger alike, and mails each what fits', async () => {
    const desk = await testDesk()
    const known = await desk.call('POST', '/api/incidents', registration())
    const stranger = await desk.call('POST', '/api/incidents', registration({ email: 'iemand@elders.example' }))
    const withdrawn = await desk.call('POST', '/api/incidents', registration({ email: 'sanne@bakkerij-jansen.example' }))
    expect([known.status, stranger.status, withdrawn.status]).toEqual([202, 202, 202])
    expect(stranger.json).toEqual(known.json)
    expect(withdrawn.json).toEqual(known.json)
    const mails = await desk.mails()
    expect(mails.map((m) => m.to)).toEqual(['tom@bakkerij-jansen.example', 'iemand@elders.example', 'sanne@bakkerij-jansen.example'])
    expect(mails[0].text).toContain('/api/incidents/confirm?token=')
    for (const refused of mails.slice(1)) {
      expect(refused.text).not.toContain('token=')
      expect(refused.text.toLowerCase()).toContain('beheerder')
    }
    expect(await desk.store.incidents.count()).toBe(0)
  })

  test('confirming the link registers the incident once: numbered, new, routed, mailed with the number', async () => {
    const desk = await testDesk()
    await desk.call('POST', '/api/incidents', registration())
    const token = await desk.tokenFromLastMail('/api/incidents/confirm')
    const confirmed = await desk.call('POST', '/api/incidents/confirm', { token })
    expect(confirmed.status).toBe(201)
    expect(confirmed.json.number).toMatch(/^\d+$/)
    expect(confirmed.json.url).toBe(`/portaal/incidenten/?id=${confirmed.json.id}`)
    const incident = await desk.store.incidents.byNumber(confirmed.json.number)
    expect(incident).toMatchObject({ status: 'new', team: 'finance', priority: null, kbQuery: 'btw fout 500', kbArticles: ['vat-return'], contactId: 'c-jansen-emp', organisationId: 'org-jansen' })
    const mail = (await desk.mails()).at(-1)!
    expect(mail.text).toContain(confirmed.json.number)
    expect(mail.text).toContain('050 760 41 00')
    expect(mail.text).toContain('/api/auth/callback?token=')

    // Used again, the link leads to the incident it registered: nothing new, never "ask for a new link".
    const again = await desk.call('POST', '/api/incidents/confirm', { token })
    expect(again.status).toBe(200)
    expect(again.json).toEqual(confirmed.json)
    expect(await desk.store.incidents.count()).toBe(1)
  })

  test('the e-mailed link opens a page with one button, which confirms by form post', async () => {
    const desk = await testDesk()
    await desk.call('POST', '/api/incidents', registration({ lang: 'en' }))
    const token = await desk.tokenFromLastMail('/api/incidents/confirm')
    const page = await desk.app.request(`/api/incidents/confirm?token=${token}&lang=en`)
    expect(await page.text()).toContain('<form method="post" action="/api/incidents/confirm?lang=en">')
    expect(await desk.store.incidents.count()).toBe(0)
    const posted = await desk.app.request('/api/incidents/confirm', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `token=${token}` })
    expect(posted.status).toBe(201)
    expect(await posted.text()).toMatch(/registered with incident number <strong>\d+<\/strong>/)
  })

  test('a confirmation link expires after 24 hours', async () => {
    const desk = await testDesk({ now: '2026-11-30T09:00:00Z' })
    await desk.call('POST', '/api/incidents', registration())
    const token = await desk.tokenFromLastMail('/api/incidents/confirm')
    desk.setNow('2026-12-01T09:00:01Z')
    expect((await desk.call('POST', '/api/incidents/confirm', { token })).status).toBe(400)
    expect(await desk.store.incidents.count()).toBe(0)
  })

  test('a contact whose authorisation was withdrawn before confirming is refused', async () => {
    const desk = await testDesk()
    await desk.call('POST', '/api/incidents', registration())
    const token = await desk.tokenFromLastMail('/api/incidents/confirm')
    const tom = (await desk.store.contacts.get('c-jansen-emp'))!
    await desk.store.contacts.put({ ...tom, isAuthorised: false })
    const res = await desk.call('POST', '/api/incidents/confirm', { token })
    expect(res.status).toBe(403)
    expect(await desk.store.incidents.count()).toBe(0)
  })

  test.each([
    ['no e-mail address', { email: undefined }, 'email'],
    ['an unknown kind', { kind: 'complaint' }, 'kind'],
    ['an unknown product area', { productArea: 'marketing' }, 'productArea'],
    ['a priority chosen by the customer', { priority: 1 }, '(body)'],
  ])('refuses %s with the field named, storing and mailing nothing', async (_name, change, field) => {
    const desk = await testDesk()
    const res = await desk.call('POST', '/api/incidents', registration(change))
    expect(res.status).toBe(400)
    expect(res.json.code).toBe('invalid_input')
    expect(res.json.fields.map((f: { path: string }) => f.path)).toContain(field)
    expect(await desk.mails()).toEqual([])
  })

  test('thanks a bot that filled the hidden field, and does nothing', async () => {
    const desk = await testDesk()
    const res = await desk.call('POST', '/api/incidents', registration({ website: 'http://spam.example' }))
    expect(res.status).toBe(202)
    expect(await desk.mails()).toEqual([])
  })

  test('sends at most one confirmation mail per address per 10 minutes', async () => {
    const desk = await testDesk({ now: '2026-11-30T09:00:00Z' })
    expect((await desk.call('POST', '/api/incidents', registration())).status).toBe(202)
    desk.setNow('2026-11-30T09:04:00Z')
    const second = await desk.call('POST', '/api/incidents', registration({ subject: 'Nog een vraag' }))
    expect(second.status).toBe(429)
    expect(second.headers.get('retry-after')).toBe('360')
    expect((await desk.mails()).length).toBe(1)
    desk.setNow('2026-11-30T09:10:00Z')
    expect((await desk.call('POST', '/api/incidents', registration({ subject: 'Nog een vraag' }))).status).toBe(202)
  })

  test('refuses a body that is not JSON with 415', async () => {
    const desk = await testDesk()
    const res = await desk.app.request('/api/incidents', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hallo' })
    expect(res.status).toBe(415)
  })

  test('answers the preflight of an allowed site, and no other', async () => {
    const desk = await testDesk()
    const allowed = await desk.app.request('/api/incidents', { method: 'OPTIONS', headers: { origin: 'https://partner.example', 'access-control-request-method': 'POST' } })
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://partner.example')
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull()
    const other = await desk.app.request('/api/incidents', { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } })
    expect(other.headers.get('access-control-allow-origin')).toBeNull()
  })
})

describe('a signed-in contact', () => {
  test('registers directly and gets the number at once; numbers stay unique under load', async () => {
    const desk = await testDesk()
    const cookie = await desk.cookieFor('contact', 'c-jansen-emp')
    const results = await Promise.all(Array.from({ length: 25 }, (_, i) => desk.call('POST', '/api/incidents', registration({ subject: `Vraag ${i}` }), { cookie })))
    expect(results.every((r) => r.status === 201)).toBe(true)
    const numbers = results.map((r) => Number(r.json.number))
    expect(new Set(numbers).size).toBe(25)
    expect(await desk.store.incidents.count()).toBe(25)
    // The widget links to where the contact follows the incident, in their language.
    expect(results[0].json.url).toBe(`/portaal/incidenten/?id=${results[0].json.id}`)
  })

  test('an employee sees their own incidents; the admin all of the organisation; another organisation none', async () => {
    const desk = await testDesk()
    const tom = await desk.cookieFor('contact', 'c-jansen-emp')
    const marieke = await desk.cookieFor('contact', 'c-jansen-admin')
    const peter = await desk.cookieFor('contact', 'c-devries-admin')
    const toms = await desk.call('POST', '/api/incidents', registration(), { cookie: tom })
    await desk.call('POST', '/api/incidents', registration({ subject: 'Van Marieke' }), { cookie: marieke })
    expect((await desk.call('GET', '/api/incidents', undefined, { cookie: tom })).json.incidents.length).toBe(1)
    expect((await desk.call('GET', '/api/incidents', undefined, { cookie: marieke })).json.incidents.length).toBe(2)
    expect((await desk.call('GET', '/api/incidents', undefined, { cookie: peter })).json.incidents.length).toBe(0)
    const foreign = await desk.call('GET', `/api/incidents/${toms.json.id}`, undefined, { cookie: peter })
    expect(foreign.status).toBe(404)
    const missing = await desk.call('GET', '/api/incidents/does-not-exist', undefined, { cookie: peter })
    expect(foreign.json).toEqual(missing.json)
    expect((await desk.call('GET', `/api/incidents/${toms.json.id}`, undefined, { cookie: marieke })).status).toBe(200)
  })

  test('is signed out at once when deactivated', async () => {
    const desk = await testDesk()
    const cookie = await desk.cookieFor('contact', 'c-jansen-emp')
    expect((await desk.call('GET', '/api/auth/me', undefined, { cookie })).status).toBe(200)
    const tom = (await desk.store.contacts.get('c-jansen-emp'))!
    await desk.store.contacts.put({ ...tom, isActive: false })
    expect((await desk.call('GET', '/api/auth/me', undefined, { cookie })).status).toBe(401)
    expect((await desk.call('GET', '/api/incidents', undefined, { cookie })).status).toBe(401)
  })
})

describe('triage by staff', () => {
  async function withIncident(email = 'tom@bakkerij-jansen.example', contactId = 'c-jansen-emp') {
    const desk = await testDesk({ now: '2026-11-30T09:00:00Z' })
    const customer = await desk.cookieFor('contact', contactId)
    const created = await desk.call('POST', '/api/incidents', registration({ email }), { cookie: customer })
    const staff = await desk.cookieFor('staff', 's-lotte')
    return { desk, customer, staff, id: created.json.id as string }
  }

  test('sets priority 2 and the due time follows dueAt', async () => {
    const { desk, staff, id } = await withIncident()
    const res = await desk.call('PATCH', `/api/incidents/${id}`, { version: 1, priority: 2, status: 'in_progress' }, { cookie: staff })
    expect(res.status).toBe(200)
    const expected = dueAt(new Date('2026-11-30T09:00:00Z'), 2, desk.deps.calendar, [], { targets: targetsOf(desk.deps.desk.priorities) })
    expect(res.json.incident.sla.dueAt).toBe(expected!.toISOString())
    expect(res.json.incident.sla.dueAt).toBe('2026-12-01T09:00:00.000Z')
    expect(res.json.incident.sla.isBreached).toBe(false)
  })

  test('refuses priority 1 for an organisation without First Class, changing nothing', async () => {
    const { desk, staff, id } = await withIncident('peter@devries-installatie.example', 'c-devries-admin')
    const mailsBefore = (await desk.mails()).length
    const res = await desk.call('PATCH', `/api/incidents/${id}`, { version: 1, priority: 1 }, { cookie: staff })
    expect(res.status).toBe(422)
    expect(res.json.code).toBe('priority_first_class_only')
    expect((await desk.store.incidents.get(id))).toMatchObject({ priority: null, version: 1 })
    expect((await desk.mails()).length).toBe(mailsBefore)
  })

  test('allows priority 1 for a First Class organisation', async () => {
    const { desk, staff, id } = await withIncident()
    expect((await desk.call('PATCH', `/api/incidents/${id}`, { version: 1, priority: 1 }, { cookie: staff })).status).toBe(200)
  })

  test('mails the requester on every status change, in their language', async () => {
    const { desk, staff, id } = await withIncident('aisha@devries-installatie.example', 'c-devries-emp')
    await desk.call('PATCH', `/api/incidents/${id}`, { version: 1, status: 'in_progress' }, { cookie: staff })
    await desk.call('PATCH', `/api/incidents/${id}`, { version: 2, status: 'resolved' }, { cookie: staff })
    const statusMails = (await desk.mails()).filter((m) => m.eventKey.includes(':status:'))
    expect(statusMails.map((m) => m.to)).toEqual(['aisha@devries-installatie.example', 'aisha@devries-installatie.example'])
    expect(statusMails[1].text).toMatch(/resolved/i)
  })

  test('refuses a move the process does not allow', async () => {
    const { desk, staff, id } = await withIncident()
    const res = await desk.call('PATCH', `/api/incidents/${id}`, { version: 1, status: 'closed' }, { cookie: staff })
    expect(res.status).toBe(422)
    expect((await desk.store.incidents.get(id))?.status).toBe('new')
  })

  test('decides two changes against the same version once; the loser sees the current state', async () => {
    const { desk, staff, id } = await withIncident()
    const other = await desk.cookieFor('staff', 's-daan')
    const [a, b] = await Promise.all([
      desk.call('PATCH', `/api/incidents/${id}`, { version: 1, priority: 2 }, { cookie: staff }),
      desk.call('PATCH', `/api/incidents/${id}`, { version: 1, priority: 3 }, { cookie: other }),
    ])
    expect([a.status, b.status].sort()).toEqual([200, 409])
    const loser = a.status === 409 ? a : b
    expect(loser.json.code).toBe('version_conflict')
    expect(loser.json.current.version).toBe(2)
  })

  test('a contact cannot triage: 403, nothing changed', async () => {
    const { desk, customer, id } = await withIncident()
    const res = await desk.call('PATCH', `/api/incidents/${id}`, { version: 1, priority: 2 }, { cookie: customer })
    expect(res.status).toBe(403)
    expect((await desk.store.incidents.get(id))?.priority).toBeNull()
  })

  test('an internal note is never shown or mailed to the customer', async () => {
    const { desk, staff, customer, id } = await withIncident()
    const mailsBefore = (await desk.mails()).length
    await desk.call('POST', `/api/incidents/${id}/messages`, { text: 'Klant belt vaak, let op', visibility: 'internal' }, { cookie: staff })
    expect((await desk.mails()).length).toBe(mailsBefore)
    const seen = await desk.call('GET', `/api/incidents/${id}`, undefined, { cookie: customer })
    expect(seen.json.messages).toEqual([])
    const staffView = await desk.call('GET', `/api/incidents/${id}`, undefined, { cookie: staff })
    expect(staffView.json.messages.map((m: { visibility: string }) => m.visibility)).toEqual(['internal'])
  })

  test('a customer reply within 14 days reopens a resolved incident; waiting time pauses the clock', async () => {
    const { desk, staff, customer, id } = await withIncident()
    await desk.call('PATCH', `/api/incidents/${id}`, { version: 1, priority: 3, status: 'waiting_for_customer' }, { cookie: staff })
    desk.setNow('2026-11-30T11:00:00Z')
    const reacted = await desk.call('POST', `/api/incidents/${id}/messages`, { text: 'Hier is de schermafdruk.' }, { cookie: customer })
    expect(reacted.json.incident.status).toBe('in_progress')
    // Two business hours waited for the customer: the target moves two hours later than without.
    const withoutPause = dueAt(new Date('2026-11-30T09:00:00Z'), 3, desk.deps.calendar)!
    expect(new Date(reacted.json.incident.sla.dueAt).getTime() - withoutPause.getTime()).toBe(2 * 3_600_000)
    await desk.call('PATCH', `/api/incidents/${id}`, { version: 3, status: 'resolved' }, { cookie: staff })
    desk.setNow('2026-12-10T10:00:00Z')
    const reopened = await desk.call('POST', `/api/incidents/${id}/messages`, { text: 'Het probleem is terug.' }, { cookie: customer })
    expect(reopened.json.incident.status).toBe('in_progress')
  })
})

describe('signing in', () => {
  test('a contact signs in by an e-mailed link, once, within 15 minutes', async () => {
    const desk = await testDesk()
    const asked = await desk.call('POST', '/api/auth/link', { email: 'Tom@Bakkerij-Jansen.example' })
    const unknown = await desk.call('POST', '/api/auth/link', { email: 'niemand@elders.example' })
    expect(asked.status).toBe(202)
    expect(unknown.json).toEqual(asked.json)
    expect((await desk.mails()).length).toBe(1)
    const token = await desk.tokenFromLastMail('/api/auth/callback')
    const page = await desk.app.request(`/api/auth/callback?token=${token}`)
    expect(await page.text()).toContain('<form method="post" action="/api/auth/callback?lang=nl">')
    const signIn = () => desk.app.request('/api/auth/callback', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `token=${token}` })
    const landed = await signIn()
    expect(landed.status).toBe(303)
    const cookie = landed.headers.get('set-cookie')!
    expect(cookie).toMatch(/loket_session=[\w-]+; .*HttpOnly/)
    expect(cookie).toContain('SameSite=Lax')
    const me = await desk.call('GET', '/api/auth/me', undefined, { cookie: cookie.split(';')[0] })
    expect(me.json).toMatchObject({ kind: 'contact', id: 'c-jansen-emp' })
    expect((await signIn()).status).toBe(400)
  })

  test('opening the link does not use it up; a post from another site is refused', async () => {
    const desk = await testDesk()
    await desk.call('POST', '/api/auth/link', { email: 'tom@bakkerij-jansen.example' })
    const token = await desk.tokenFromLastMail('/api/auth/callback')
    for (let i = 0; i < 3; i++) expect((await desk.app.request(`/api/auth/callback?token=${token}`)).status).toBe(200)
    const foreign = await desk.app.request('http://localhost/api/auth/callback', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' }, body: `token=${token}` })
    expect(foreign.status).toBe(403)
    expect(foreign.headers.get('set-cookie')).toBeNull()
    const own = await desk.app.request('http://localhost/api/auth/callback', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' }, body: `token=${token}` })
    expect(own.status).toBe(303)
  })

  test('a sign-in link expires after 15 minutes', async () => {
    const desk = await testDesk({ now: '2026-11-30T09:00:00Z' })
    await desk.call('POST', '/api/auth/link', { email: 'tom@bakkerij-jansen.example' })
    const token = await desk.tokenFromLastMail('/api/auth/callback')
    desk.setNow('2026-11-30T09:15:01Z')
    const late = await desk.app.request('/api/auth/callback', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `token=${token}` })
    expect(late.status).toBe(400)
  })

  test('staff sign in with a password; a wrong one is refused without saying which part was wrong', async () => {
    const desk = await testDesk()
    const ok = await desk.call('POST', '/api/auth/staff', { email: 'lotte@noordwind.example', password: 'loket-demo' })
    expect(ok.status).toBe(200)
    expect(ok.headers.get('set-cookie')).toContain('loket_session=')
    const wrong = await desk.call('POST', '/api/auth/staff', { email: 'lotte@noordwind.example', password: 'fout' })
    const unknown = await desk.call('POST', '/api/auth/staff', { email: 'niemand@noordwind.example', password: 'fout' })
    expect([wrong.status, unknown.status]).toEqual([401, 401])
    expect(unknown.json).toEqual(wrong.json)
  })
})

describe('GET /api/desk', () => {
  test('tells the widget whether support is open, until when, and the priorities', async () => {
    const desk = await testDesk({ now: '2026-11-30T09:00:00Z' })
    const res = await desk.call('GET', '/api/desk')
    expect(res.status).toBe(200)
    expect(res.json).toMatchObject({ isOpen: true, changesAt: '2026-11-30T16:00:00.000Z', phone: { display: '050 760 41 00' } })
    expect(res.json.priorities).toHaveLength(5)
    expect(res.json.upcoming.map((d: { date: string }) => d.date)).toContain('2026-12-24')
  })
})

describe('attachments through the whole app', () => {
  test('a 200 KB screenshot passes the API-wide 64 KB body limit on its own route', async () => {
    const desk = await testDesk()
    const cookie = await desk.cookieFor('contact', 'c-jansen-emp')
    const created = await desk.call('POST', '/api/incidents', registration(), { cookie })
    const png = new Uint8Array(200 * 1024)
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    const form = new FormData()
    form.set('file', new File([png], 'scherm.png', { type: 'image/png' }))
    const res = await desk.app.request(`/api/incidents/${created.json.id}/attachments`, { method: 'POST', headers: { cookie }, body: form })
    expect(res.status).toBe(201)
    expect((await res.json()).attachment).toMatchObject({ fileName: 'scherm.png', contentType: 'image/png', size: 200 * 1024 })
  })
})
