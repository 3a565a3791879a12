// Names and subjects cleaned on every route that takes them; the minimum fill time of the anonymous forms; the per-address mail limits counted per mailbox.
import { afterEach, describe, expect, test } from 'vitest'
import { hashToken, newToken } from '../auth/tokens.ts'
import { closeTestDesks, testDesk } from '../testing.ts'

afterEach(closeTestDesks)

const ZWSP = '\u200B'
const RLO = '\u202E'

const registration = (overrides: Record<string, unknown> = {}) => ({
  name: 'Tom Bakker', email: 'tom@bakkerij-jansen.example', kind: 'bug', productArea: 'finance',
  subject: 'Btw-aangifte geeft fout 500', description: 'Bij het indienen via Digipoort krijg ik fout 500.', lang: 'nl',
  ...overrides,
})

/** The demo desk with sessions for Marieke Jansen (admin of Bakkerij Jansen) and Tom Bakker (employee there). */
async function portal() {
  const desk = await testDesk()
  return { ...desk, marieke: { cookie: await desk.cookieFor('contact', 'c-jansen-admin') }, tom: { cookie: await desk.cookieFor('contact', 'c-jansen-emp') } }
}

/** Every record a refused request could have touched, to show it changed nothing. */
async function snapshot(desk: Awaited<ReturnType<typeof portal>>) {
  const organisations = await desk.store.organisations.list()
  const contacts = (await Promise.all(organisations.map((o) => desk.store.contacts.listByOrganisation(o.id)))).flat()
  return JSON.stringify({ organisations, contacts, complaints: await desk.store.complaints.list({}), incidents: await desk.store.incidents.list({}), mails: await desk.mails() })
}

describe('names', () => {
  test.each([
    ['three zero-width spaces', ZWSP.repeat(3)],
    ['digits behind a right-to-left override', `${RLO}12345`],
    ['spaces and punctuation', '  -- .. '],
  ])('a widget registration whose name is %s is refused with the field named, and nothing is sent', async (_, name) => {
    const desk = await portal()
    const before = await snapshot(desk)
    const res = await desk.call('POST', '/api/incidents', registration({ name }), { 'accept-language': 'en' })
    expect(res.status).toBe(400)
    expect(res.json.code).toBe('invalid_input')
    expect(res.json.message).toMatch(/\w/)
    expect(res.json.fields.map((f: { path: string }) => f.path)).toContain('name')
    expect(await snapshot(desk)).toBe(before)
  })

  test('a widget registration keeps the name and subject cleaned: in the confirmation mail and, once confirmed, on the incident', async () => {
    const desk = await testDesk()
    const res = await desk.call('POST', '/api/incidents', registration({ name: ` To${ZWSP}m Bakker${RLO} `, subject: `Factuur ${RLO}fdp.exe geeft fout`, fillMs: 40_000 }))
    expect(res.status).toBe(202)
    const [mail] = await desk.mails()
    expect(mail!.text).toContain('Tom Bakker')
    expect(mail!.subject + mail!.text).not.toMatch(/[\u200B\u202E]/)
    const token = await desk.tokenFromLastMail('/api/incidents/confirm')
    const confirmed = await desk.call('POST', '/api/incidents/confirm', { token })
    expect(confirmed.status).toBe(201)
    expect((await desk.store.incidents.byNumber(confirmed.json.number))!.subject).toBe('Factuur fdp.exe geeft fout')
  })

  test('a registration sent before the rules grew stricter is still confirmed, its subject cleaned', async () => {
    const desk = await testDesk()
    const token = newToken()
    await desk.store.registrations.put({
      id: 'r-old', tokenHash: hashToken(token), contactId: 'c-jansen-emp', createdAt: '2026-11-30T08:00:00.000Z', expiresAt: '2026-12-01T08:00:00.000Z',
      input: { ...registration({ name: ZWSP.repeat(3), subject: `${RLO}!!!` }), kind: 'bug', lang: 'nl', kbArticles: [] } as never,
    })
    const confirmed = await desk.call('POST', '/api/incidents/confirm', { token })
    expect(confirmed.status).toBe(201)
    expect((await desk.store.incidents.byNumber(confirmed.json.number))!.subject).toBe('!!!')
  })

  test('a colleague added in the portal is kept with the name cleaned and composed', async () => {
    const desk = await portal()
    const res = await desk.call('POST', '/api/organisation/contacts', { name: `${ZWSP}Zoe\u0308 ${RLO}Visser `, email: 'zoe@bakkerij-jansen.example' }, desk.marieke)
    expect(res.status).toBe(201)
    expect((await desk.store.contacts.byEmail('zoe@bakkerij-jansen.example'))!.name).toBe('Zo\u00EB Visser')
  })

  test.each([
    ['adding a colleague', 'POST', '/api/organisation/contacts', { name: ZWSP.repeat(3), email: 'leeg@bakkerij-jansen.example' }],
    ['renaming a colleague', 'PATCH', '/api/organisation/contacts/c-jansen-emp', { name: `${RLO}${ZWSP}42` }],
    ['renaming the organisation', 'PATCH', '/api/organisation', { name: '\u2066\u2069 \u200E' }],
  ])('%s without a letter in the name is refused with the field named, and nothing changes', async (_, method, path, body) => {
    const desk = await portal()
    const before = await snapshot(desk)
    const res = await desk.call(method, path, body, desk.marieke)
    expect(res.status).toBe(400)
    expect(res.json).toMatchObject({ code: 'invalid_input', fields: expect.arrayContaining([expect.objectContaining({ path: 'name' })]) })
    expect(await snapshot(desk)).toBe(before)
  })

  test('a complaint whose subject is only direction controls is refused with the field named; one with a control in it is kept without', async () => {
    const desk = await portal()
    const before = await snapshot(desk)
    const empty = await desk.call('POST', '/api/complaints', { kind: 'complaint', subject: `${RLO}\u2066\u2069\u200F`, text: 'Mij werd gisteren een terugbelafspraak beloofd.' }, desk.tom)
    expect(empty.status).toBe(400)
    expect(empty.json).toMatchObject({ code: 'invalid_input', fields: expect.arrayContaining([expect.objectContaining({ path: 'subject' })]) })
    expect(await snapshot(desk)).toBe(before)

    const kept = await desk.call('POST', '/api/complaints', { kind: 'complaint', subject: `Niet ${RLO}teruggebeld`, text: 'Mij werd gisteren een terugbelafspraak beloofd.' }, desk.tom)
    expect(kept.status).toBe(201)
    expect(kept.json.complaint.subject).toBe('Niet teruggebeld')
  })
})

describe('the minimum fill time of anonymous forms', () => {
  test('an incident form sent within 3 s gets the same answer as any other, and nothing is sent or counted', async () => {
    const desk = await testDesk()
    const quick = await desk.call('POST', '/api/incidents', registration({ fillMs: 900 }))
    expect(quick.status).toBe(202)
    expect(await desk.mails()).toEqual([])
    expect(await desk.store.incidents.count()).toBe(0)

    // The same answer as a person gets; and the address was not counted against its limit.
    const human = await desk.call('POST', '/api/incidents', registration({ fillMs: 45_000 }))
    expect(human.status).toBe(202)
    expect(human.json).toEqual(quick.json)
    expect((await desk.mails()).map((m) => m.to)).toEqual(['tom@bakkerij-jansen.example'])
  })

  test('an older widget that sends no fill time is taken as before', async () => {
    const desk = await testDesk()
    expect((await desk.call('POST', '/api/incidents', registration())).status).toBe(202)
    expect(await desk.mails()).toHaveLength(1)
  })

  test('a signed-in contact is not held to it: the incident is registered at once', async () => {
    const desk = await portal()
    const res = await desk.call('POST', '/api/incidents', registration({ fillMs: 200 }), desk.tom)
    expect(res.status).toBe(201)
    expect(await desk.store.incidents.count()).toBe(1)
  })

  test('a fill time that is no number of milliseconds is refused with the field named, and nothing is sent', async () => {
    const desk = await testDesk()
    const res = await desk.call('POST', '/api/incidents', registration({ fillMs: -5 }))
    expect(res.status).toBe(400)
    expect(res.json).toMatchObject({ code: 'invalid_input', fields: expect.arrayContaining([expect.objectContaining({ path: 'fillMs' })]) })
    expect(await desk.mails()).toEqual([])
  })

  test('a sign-in link asked for within 1.5 s gets the same answer and no mail; after that it is sent', async () => {
    const desk = await testDesk()
    const quick = await desk.call('POST', '/api/auth/link', { email: 'tom@bakkerij-jansen.example', fillMs: 300 })
    expect(quick.status).toBe(202)
    expect(await desk.mails()).toEqual([])
    const human = await desk.call('POST', '/api/auth/link', { email: 'tom@bakkerij-jansen.example', fillMs: 4_000 })
    expect([human.status, human.json]).toEqual([202, quick.json])
    expect((await desk.mails()).map((m) => m.to)).toEqual(['tom@bakkerij-jansen.example'])
  })
})

describe('the per-address mail limits count the mailbox', () => {
  test('one confirmation mail per mailbox: name+1@ and Name+2@ are one address; the mail goes to the address as given', async () => {
    const desk = await testDesk({ now: '2026-11-30T09:00:00Z' })
    const first = await desk.call('POST', '/api/incidents', registration({ email: 'iemand+1@elders.example' }))
    expect(first.status).toBe(202)
    desk.setNow('2026-11-30T09:02:00Z')
    const second = await desk.call('POST', '/api/incidents', registration({ email: 'Iemand+2@Elders.example' }))
    expect(second.status).toBe(429)
    expect(second.json.code).toBe('rate_limited')
    const plain = await desk.call('POST', '/api/incidents', registration({ email: 'iemand@elders.example' }))
    expect(plain.status).toBe(429)
    expect((await desk.mails()).map((m) => m.to)).toEqual(['iemand+1@elders.example'])

    // Another mailbox is its own address.
    expect((await desk.call('POST', '/api/incidents', registration({ email: 'iemand2@elders.example' }))).status).toBe(202)
    desk.setNow('2026-11-30T09:10:00Z')
    expect((await desk.call('POST', '/api/incidents', registration({ email: 'iemand+3@elders.example' }))).status).toBe(202)
  })

  test('a confirmed registration from a tagged address keeps the address as given until it is confirmed', async () => {
    const desk = await testDesk()
    // Tom's own address with a tag is another address on the desk: he is no contact under it.
    await desk.call('POST', '/api/incidents', registration({ email: 'tom+loket@bakkerij-jansen.example' }))
    expect((await desk.mails()).map((m) => m.to)).toEqual(['tom+loket@bakkerij-jansen.example'])
  })

  test('three sign-in links per mailbox: tags and case do not make a fourth', async () => {
    const desk = await testDesk()
    for (const email of ['tom@bakkerij-jansen.example', 'tom+a@bakkerij-jansen.example', 'Tom+b@Bakkerij-Jansen.example', 'tom+c@bakkerij-jansen.example']) {
      const res = await desk.call('POST', '/api/auth/link', { email })
      expect(res.status).toBe(202)
    }
    // Only the plain address is Tom's contact address: the tagged ones used up the limit without a mail.
    expect((await desk.mails()).map((m) => m.to)).toEqual(['tom@bakkerij-jansen.example'])
    const fifth = await desk.call('POST', '/api/auth/link', { email: 'tom@bakkerij-jansen.example' })
    expect(fifth.status).toBe(202)
    expect(await desk.mails()).toHaveLength(1)
  })
})
