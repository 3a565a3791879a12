import { afterEach, describe, expect, test } from 'vitest'
import { closeTestDesks, testDesk, widgetRegistration } from '../testing.ts'

afterEach(closeTestDesks)

const certificate = {
  team: 'finance',
  title: { nl: 'Certificaat vernieuwen', en: 'Renew the certificate' },
  body: {
    nl: 'Beste {{contact.name}},\n\nUw incident {{incident.number}} ({{incident.subject}}) lossen we op vóór {{incident.due}}.\n\nMet vriendelijke groet,\n{{ staff.name }}',
    en: 'Dear {{contact.name}},\n\nWe will solve your incident {{incident.number}} ({{incident.subject}}) before {{incident.due}}.\n\nKind regards,\n{{staff.name}}',
  },
}

/** The demo desk with a cookie for each staff member the tests ask as, and a way to file an incident as a contact. */
async function replyDesk() {
  const desk = await testDesk()
  const as = {
    ingrid: { cookie: await desk.cookieFor('staff', 's-admin') }, // admin
    lotte: { cookie: await desk.cookieFor('staff', 's-lotte') }, // agent: first-line, finance
    daan: { cookie: await desk.cookieFor('staff', 's-daan') }, // agent: logistics
    tom: { cookie: await desk.cookieFor('contact', 'c-jansen-emp') }, // Dutch
    aisha: { cookie: await desk.cookieFor('contact', 'c-devries-emp') }, // English
  }
  return {
    ...desk,
    as,
    async save(body: unknown, who: keyof typeof as = 'ingrid') {
      return desk.call('POST', '/api/saved-replies', body, as[who])
    },
    /** Files an incident as the contact and gives it priority 2 (due the next working day at 10:00); its id and number. */
    async incidentOf(who: 'tom' | 'aisha') {
      const registration = who === 'tom' ? widgetRegistration : { ...widgetRegistration, name: 'Aisha el Amrani', email: 'aisha@devries-installatie.example', subject: 'VAT return fails', lang: 'en' }
      const filed = await desk.call('POST', '/api/incidents', registration, as[who])
      expect(filed.status).toBe(201)
      const triaged = await desk.call('PATCH', `/api/incidents/${filed.json.id}`, { version: 1, priority: 2 }, as.lotte)
      expect(triaged.status).toBe(200)
      return { id: filed.json.id as string, number: filed.json.number as string }
    },
  }
}

describe('managing saved replies', () => {
  test('an admin saves, changes and removes one; every step shows in the list', async () => {
    const desk = await replyDesk()
    const created = await desk.save(certificate)
    expect(created.status).toBe(201)
    expect(created.json.savedReply).toEqual({ id: expect.any(String), ...certificate, updatedAt: '2026-11-30T09:00:00.000Z' })
    const id = created.json.savedReply.id

    const changed = await desk.call('PUT', `/api/saved-replies/${id}`, { ...certificate, team: null, title: { nl: 'Certificaat', en: 'Certificate' } }, desk.as.ingrid)
    expect(changed.status).toBe(200)
    expect(changed.json.savedReply).toMatchObject({ id, team: null, title: { nl: 'Certificaat', en: 'Certificate' } })
    const listed = await desk.call('GET', '/api/saved-replies', undefined, desk.as.ingrid)
    expect(listed.json).toEqual({ savedReplies: [changed.json.savedReply], mayManage: true })

    expect((await desk.call('DELETE', `/api/saved-replies/${id}`, undefined, desk.as.ingrid)).status).toBe(204)
    expect((await desk.call('DELETE', `/api/saved-replies/${id}`, undefined, desk.as.ingrid)).status).toBe(404)
    expect(await desk.store.savedReplies.list()).toEqual([])
  })

  test('only admins manage them: an agent is refused 403 for each change, and nothing changes', async () => {
    const desk = await replyDesk()
    const { json: { savedReply } } = await desk.save(certificate)
    const create = await desk.save(certificate, 'lotte')
    const update = await desk.call('PUT', `/api/saved-replies/${savedReply.id}`, { ...certificate, team: null }, desk.as.lotte)
    const remove = await desk.call('DELETE', `/api/saved-replies/${savedReply.id}`, undefined, desk.as.lotte)
    for (const res of [create, update, remove]) expect([res.status, res.json.code]).toEqual([403, 'admin_only'])
    expect(create.json.message).toBe('Alleen beheerders van de console beheren opgeslagen antwoorden.')
    expect((await desk.store.savedReplies.list()).map((r) => [r.id, r.team])).toEqual([[savedReply.id, 'finance']])
    // A customer is no staff at all.
    expect((await desk.save(certificate, 'tom')).status).toBe(403)
    expect((await desk.call('GET', '/api/saved-replies', undefined, desk.as.tom)).json.code).toBe('staff_only')
  })

  test.each([
    ['nl', 'nl', 'Beste {{klant.naam}},', 'Onbekende invulplek {{klant.naam}} in de Nederlandse tekst. Gebruik een van: {{contact.name}}, {{incident.number}}, {{incident.subject}}, {{incident.due}}, {{staff.name}}.'],
    ['en', 'en', 'Dear {{contact_name}},', 'Unknown placeholder {{contact_name}} in the English text. Use one of: {{contact.name}}, {{incident.number}}, {{incident.subject}}, {{incident.due}}, {{staff.name}}.'],
  ] as const)('refuses an unknown placeholder in the %s body, naming it in the caller\'s language (%s), and stores nothing', async (body, lang, text, message) => {
    const desk = await replyDesk()
    const res = await desk.call('POST', '/api/saved-replies', { ...certificate, body: { ...certificate.body, [body]: text } }, { ...desk.as.ingrid, 'accept-language': lang })
    expect(res.status).toBe(400)
    expect(res.json).toEqual({ code: 'unknown_placeholder', message, fields: [{ path: `body.${body}`, message: expect.stringContaining(text.slice(text.indexOf('{{'), text.indexOf('}}') + 2)) }] })
    expect(await desk.store.savedReplies.list()).toEqual([])
  })

  test('refuses a change with an unknown placeholder and keeps the reply as it was', async () => {
    const desk = await replyDesk()
    const { json: { savedReply } } = await desk.save(certificate)
    const res = await desk.call('PUT', `/api/saved-replies/${savedReply.id}`, { ...certificate, body: { ...certificate.body, nl: 'Beste {{contactnaam}}' } }, desk.as.ingrid)
    expect([res.status, res.json.code]).toEqual([400, 'unknown_placeholder'])
    expect((await desk.store.savedReplies.get(savedReply.id))?.body).toEqual(certificate.body)
  })

  test.each([
    ['a team desk.yaml lacks', { ...certificate, team: 'marketing' }, 'team'],
    ['no English body', { ...certificate, body: { nl: certificate.body.nl } }, 'body.en'],
    ['a blank Dutch title', { ...certificate, title: { nl: '   ', en: 'Renew' } }, 'title.nl'],
    ['a field it does not know', { ...certificate, colour: 'red' }, '(body)'],
  ])('refuses %s with 400 naming the field, and stores nothing', async (_what, body, path) => {
    const desk = await replyDesk()
    const res = await desk.save(body)
    expect([res.status, res.json.code]).toEqual([400, 'invalid_input'])
    expect(res.json.fields.map((f: { path: string }) => f.path)).toContain(path)
    expect(await desk.store.savedReplies.list()).toEqual([])
  })
})

describe('using saved replies', () => {
  test('each staff member lists their teams\' and the general ones; an admin every one', async () => {
    const desk = await replyDesk()
    const finance = (await desk.save(certificate)).json.savedReply
    const logistics = (await desk.save({ ...certificate, team: 'logistics', title: { nl: 'Zending', en: 'Shipment' } })).json.savedReply
    const general = (await desk.save({ ...certificate, team: null, title: { nl: 'Bedankt', en: 'Thanks' } })).json.savedReply
    const listed = async (who: 'lotte' | 'daan' | 'ingrid') => (await desk.call('GET', '/api/saved-replies', undefined, desk.as[who])).json
    expect(await listed('lotte')).toEqual({ savedReplies: [finance, general], mayManage: false })
    expect(await listed('daan')).toEqual({ savedReplies: [logistics, general], mayManage: false })
    expect((await listed('ingrid')).savedReplies).toEqual([finance, logistics, general])
    // Another team's reply cannot be filled either: it reads as not there.
    const { id } = await desk.incidentOf('tom')
    const other = await desk.call('GET', `/api/saved-replies/${finance.id}/filled?incidentId=${id}`, undefined, desk.as.daan)
    const missing = await desk.call('GET', `/api/saved-replies/00000000-0000-4000-8000-000000000000/filled?incidentId=${id}`, undefined, desk.as.daan)
    expect([other.status, other.json]).toEqual([404, missing.json])
    expect(other.json.code).toBe('not_found')
  })

  test('fills one for a Dutch requester in Dutch: name, number, subject, due time in words in the desk\'s time zone, and the agent\'s name', async () => {
    const desk = await replyDesk()
    const reply = (await desk.save(certificate)).json.savedReply
    const { id, number } = await desk.incidentOf('tom')
    const res = await desk.call('GET', `/api/saved-replies/${reply.id}/filled?incidentId=${id}`, undefined, desk.as.lotte)
    expect(res.status).toBe(200)
    // Registered Monday 30 November 10:00 in Amsterdam; priority 2 is 8.5 business hours: Tuesday 10:00.
    expect(res.json).toEqual({
      id: reply.id, lang: 'nl',
      text: `Beste Tom Bakker,\n\nUw incident ${number} (Btw-aangifte Q3 geeft fout 500 bij indienen) lossen we op vóór dinsdag 1 december om 10:00.\n\nMet vriendelijke groet,\nLotte Smit`,
    })
  })

  test('fills one for an English requester in English, whatever the agent\'s language', async () => {
    const desk = await replyDesk()
    const reply = (await desk.save(certificate)).json.savedReply
    const { id, number } = await desk.incidentOf('aisha')
    const res = await desk.call('GET', `/api/saved-replies/${reply.id}/filled?incidentId=${id}`, undefined, { ...desk.as.lotte, 'accept-language': 'nl' })
    expect(res.json).toEqual({
      id: reply.id, lang: 'en',
      text: `Dear Aisha el Amrani,\n\nWe will solve your incident ${number} (VAT return fails) before Tuesday 1 December at 10:00.\n\nKind regards,\nLotte Smit`,
    })
  })

  test('says the due time is not known yet while the incident has no target', async () => {
    const desk = await replyDesk()
    const reply = (await desk.save({ ...certificate, body: { nl: 'Verwacht: {{incident.due}}.', en: 'Expected: {{incident.due}}.' } })).json.savedReply
    const filed = await desk.call('POST', '/api/incidents', widgetRegistration, desk.as.tom)
    const res = await desk.call('GET', `/api/saved-replies/${reply.id}/filled?incidentId=${filed.json.id}`, undefined, desk.as.lotte)
    expect(res.json.text).toBe('Verwacht: nog niet bekend.')
  })

  test('asks for the incident, and answers 404 for one that does not exist', async () => {
    const desk = await replyDesk()
    const reply = (await desk.save(certificate)).json.savedReply
    const without = await desk.call('GET', `/api/saved-replies/${reply.id}/filled`, undefined, desk.as.lotte)
    expect([without.status, without.json.fields]).toEqual([400, [{ path: 'incidentId', message: 'the incident to fill it for is required' }]])
    const unknown = await desk.call('GET', `/api/saved-replies/${reply.id}/filled?incidentId=00000000-0000-4000-8000-000000000000`, undefined, desk.as.lotte)
    expect([unknown.status, unknown.json.code]).toEqual([404, 'incident_not_found'])
  })
})
