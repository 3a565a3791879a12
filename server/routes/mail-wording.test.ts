/** The mails' wording through the whole app: a question from support, "call now" only while open, a welcome for a new contact. */
import { afterEach, describe, expect, test } from 'vitest'
import { closeTestDesks, testDesk } from '../testing.ts'

afterEach(closeTestDesks)

const registration = {
  name: 'Tom Bakker', email: 'tom@bakkerij-jansen.example', kind: 'bug', productArea: 'finance',
  subject: 'Btw-aangifte geeft fout 500', description: 'Bij het indienen via Digipoort krijg ik fout 500.', lang: 'nl',
}

/** A desk at `now` with one incident Tom registered in the portal. */
async function withIncident(now = '2026-11-30T09:00:00Z') {
  const desk = await testDesk({ now })
  const tom = await desk.cookieFor('contact', 'c-jansen-emp')
  const created = await desk.call('POST', '/api/incidents', registration, { cookie: tom })
  expect(created.status).toBe(201)
  const lotte = await desk.cookieFor('staff', 's-lotte')
  return { desk, tom, lotte, id: created.json.id as string, number: created.json.number as string }
}

describe('a question from support', () => {
  test('a reply that asks the customer something gets its own subject, and the incident waits for them', async () => {
    const { desk, lotte, id, number } = await withIncident()
    await desk.call('PATCH', `/api/incidents/${id}`, { version: 1, status: 'in_progress', priority: 3 }, { cookie: lotte })
    const before = (await desk.mails()).length
    const asked = await desk.call('POST', `/api/incidents/${id}/messages`, { text: 'Welke versie van Noordwind gebruikt u?', asksCustomer: true }, { cookie: lotte })
    expect(asked.status).toBe(201)
    expect(asked.json.incident.status).toBe('waiting_for_customer')
    const mails = (await desk.mails()).slice(before)
    // One mail, the question: not also a status mail.
    expect(mails.map((m) => m.subject)).toEqual([`Vraag over uw incident ${number}: Btw-aangifte geeft fout 500`])
    expect(mails[0].text).toContain('> Welke versie van Noordwind gebruikt u?')
    expect((await desk.store.incidents.get(id))?.statusHistory.at(-1)).toMatchObject({ status: 'waiting_for_customer', by: 'staff:s-lotte' })
  })

  test('a further reply while it waits is a question too; a reply while in progress stays a status mail', async () => {
    const { desk, lotte, id, number } = await withIncident()
    await desk.call('PATCH', `/api/incidents/${id}`, { version: 1, status: 'in_progress' }, { cookie: lotte })
    await desk.call('POST', `/api/incidents/${id}/messages`, { text: 'We kijken ernaar.' }, { cookie: lotte })
    expect((await desk.mails()).at(-1)?.subject).toBe(`Incident ${number} – In behandeling: Btw-aangifte geeft fout 500`)
    await desk.call('PATCH', `/api/incidents/${id}`, { version: 2, status: 'waiting_for_customer' }, { cookie: lotte })
    await desk.call('POST', `/api/incidents/${id}/messages`, { text: 'Kunt u een schermafdruk sturen?' }, { cookie: lotte })
    expect((await desk.mails()).at(-1)?.subject).toBe(`Vraag over uw incident ${number}: Btw-aangifte geeft fout 500`)
  })

  test('asking on a resolved incident is refused with the field named, and nothing is stored or mailed', async () => {
    const { desk, lotte, id } = await withIncident()
    await desk.call('PATCH', `/api/incidents/${id}`, { version: 1, status: 'resolved' }, { cookie: lotte })
    const [mails, messages] = [(await desk.mails()).length, (await desk.store.messages.listByIncident(id)).length]
    const refused = await desk.call('POST', `/api/incidents/${id}/messages`, { text: 'Nog een vraag?', asksCustomer: true }, { cookie: lotte })
    expect(refused.status).toBe(422)
    expect(refused.json.code).toBe('transition_refused')
    expect((await desk.mails()).length).toBe(mails)
    expect((await desk.store.messages.listByIncident(id)).length).toBe(messages)
    expect((await desk.store.incidents.get(id))?.status).toBe('resolved')
  })

  test('a customer cannot make their own reaction a question', async () => {
    const { desk, tom, id } = await withIncident()
    const reacted = await desk.call('POST', `/api/incidents/${id}/messages`, { text: 'Nog iets', asksCustomer: true }, { cookie: tom })
    expect(reacted.status).toBe(201)
    expect(reacted.json.incident.status).toBe('new')
  })
})

describe('calling while the desk is closed', () => {
  test.each([
    ['on a Monday morning, open', '2026-11-30T09:00:00Z', /bel nu/],
    ['on a Saturday, closed', '2026-12-05T10:00:00Z', /weer bereikbaar vanaf maandag 7 december om 08:30/],
    ['on a weekday evening, closed', '2026-12-01T19:30:00Z', /weer bereikbaar vanaf woensdag 2 december om 08:30/],
  ])('the registration mail %s', async (_, now, says) => {
    const { desk, number } = await withIncident(now)
    const mail = (await desk.mails()).find((m) => m.subject.startsWith(`Incident ${number} geregistreerd`))!
    expect(mail.text).toMatch(says)
    if (!says.source.includes('bel nu')) expect(mail.text).not.toContain('bel nu')
    expect(mail.text).toContain(`toets het incidentnummer ${number} in`)
  })
})

describe('a welcome for a new contact', () => {
  test('the admin adds a contact: they get a welcome in their language with the portal, the sign-in way and the admins', async () => {
    const desk = await testDesk()
    const marieke = await desk.cookieFor('contact', 'c-jansen-admin')
    const added = await desk.call('POST', '/api/organisation/contacts', { name: 'Joost Meijer', email: 'joost@bakkerij-jansen.example', lang: 'en' }, { cookie: marieke })
    expect(added.status).toBe(201)
    const welcome = (await desk.mails()).filter((m) => m.to === 'joost@bakkerij-jansen.example')
    expect(welcome).toHaveLength(1)
    expect(welcome[0].subject).toBe('Welcome to Noordwind Support: how to sign in')
    expect(welcome[0].text).toContain('https://support.example.nl/en/portal/')
    expect(welcome[0].text).toContain('sign-in link by e-mail')
    expect(welcome[0].text).toContain('You are authorised to file incidents')
    expect(welcome[0].text).toContain("Your organisation's admins: Marieke Jansen (marieke@bakkerij-jansen.example)")
    expect(welcome[0].text).toContain('Bakkerij Jansen B.V.')
  })

  test('a contact added without authorisation is told to ask an admin, in Dutch by default', async () => {
    const desk = await testDesk()
    const peter = await desk.cookieFor('contact', 'c-devries-admin')
    await desk.call('POST', '/api/organisation/contacts', { name: 'Sem de Jong', email: 'sem@devries-installatie.example', isAuthorised: false }, { cookie: peter })
    const welcome = (await desk.mails()).find((m) => m.to === 'sem@devries-installatie.example')!
    expect(welcome.subject).toBe('Welkom bij Noordwind Support: zo logt u in')
    expect(welcome.text).toContain('nog niet gemachtigd')
    expect(welcome.text).toContain('Peter de Vries (peter@devries-installatie.example)')
  })

  test('a refused contact (address in use) gets no mail', async () => {
    const desk = await testDesk()
    const marieke = await desk.cookieFor('contact', 'c-jansen-admin')
    const before = (await desk.mails()).length
    const taken = await desk.call('POST', '/api/organisation/contacts', { name: 'Dubbel', email: 'tom@bakkerij-jansen.example' }, { cookie: marieke })
    expect(taken.status).toBe(409)
    expect((await desk.mails()).length).toBe(before)
  })
})
