import { afterEach, describe, expect, test } from 'vitest'
import { closeTestDesks, testDesk } from '../testing.ts'

afterEach(closeTestDesks)

const call = { kind: 'bug', productArea: 'inventory', subject: 'Scanner leest geen barcodes meer', description: 'Sinds vanochtend leest de magazijnscanner geen enkele barcode.' }

/** The demo desk on a Monday morning, with Lotte (agent) signed in. */
async function phoneDesk() {
  const desk = await testDesk({ now: '2026-11-30T09:00:00Z' })
  const lotte = { cookie: await desk.cookieFor('staff', 's-lotte') }
  const search = (q: string, more = '', headers: Record<string, string> = lotte) => desk.call('GET', `/api/staff/phone/callers?q=${encodeURIComponent(q)}${more}`, undefined, headers)
  return { ...desk, lotte, search }
}

describe('GET /api/staff/phone/callers', () => {
  test('finds a caller by name, e-mail, own phone in any notation, switchboard and customer number, each with the verdict', async () => {
    const desk = await phoneDesk()
    const noor = (await desk.search('dijkstra')).json.callers
    expect(noor).toEqual([{
      id: 'c-hoekstra-planner', name: 'Noor Dijkstra', email: 'noor@hoekstra-logistiek.example', phone: '+31 58 213 44 77', role: 'employee', lang: 'nl',
      organisation: { id: 'org-hoekstra', name: 'Hoekstra Logistiek', customerNumber: '104502', isFirstClass: false },
      verdict: { code: 'authorised', mayHelp: true, message: { nl: 'Gemachtigde, actieve contactpersoon: support kan helpen.', en: 'Authorised, active contact: support can help.' } },
    }])
    expect((await desk.search('NOOR@hoekstra')).json.callers.map((c: { id: string }) => c.id)).toEqual(['c-hoekstra-planner'])
    expect((await desk.search('058-2134477')).json.callers.map((c: { id: string }) => c.id)).toEqual(['c-hoekstra-planner'])
    expect((await desk.search('+31 6 4129 8830')).json.callers.map((c: { id: string }) => c.id)).toEqual(['c-hoekstra-driver'])
    const byNumber = await desk.search('104502')
    expect(byNumber.json.callers.map((c: { name: string }) => c.name)).toEqual(['Femke de Jong', 'Jelle Hoekstra', 'Joris Wiersma', 'Lieke Mulder', 'Noor Dijkstra', 'Sven de Graaf', 'Wouter Bos'])
    expect(byNumber.json.total).toBe(7)
    expect(byNumber.headers.get('cache-control')).toBe('private, no-store')
  })

  test('says why support may not help: not authorised, deactivated', async () => {
    const desk = await phoneDesk()
    const joris = (await desk.search('wiersma')).json.callers[0]
    expect(joris.verdict).toEqual({ code: 'not_authorised', mayHelp: false, message: { nl: 'Niet gemachtigd door de organisatie: support kan niet helpen.', en: 'Not authorised by their organisation: support cannot help.' } })
    const tom = (await desk.store.contacts.get('c-jansen-emp'))!
    await desk.store.contacts.put({ ...tom, isActive: false })
    expect((await desk.search('tom bakker')).json.callers[0].verdict.code).toBe('deactivated')
  })

  test('pages through the callers found, by name', async () => {
    const desk = await phoneDesk()
    const first = await desk.search('.example', '&limit=4')
    expect(first.json.callers).toHaveLength(4)
    const total: number = first.json.total
    expect(total).toBeGreaterThan(8)
    const names: string[] = first.json.callers.map((c: { name: string }) => c.name.toLowerCase())
    for (let next = first.json.next; next;) {
      const page = await desk.search('.example', `&limit=4&cursor=${next}`)
      expect(page.json.callers.length).toBeLessThanOrEqual(4)
      names.push(...page.json.callers.map((c: { name: string }) => c.name.toLowerCase()))
      next = page.json.next
    }
    // Every demo contact once, by name.
    expect(names).toHaveLength(total)
    expect(names).toEqual([...names].sort())
    expect(new Set(names).size).toBe(total)
  })

  test('refuses a query too short, a wrong cursor, customers and nobody', async () => {
    const desk = await phoneDesk()
    const short = await desk.search('a')
    expect([short.status, short.json.code, short.json.fields[0].path]).toEqual([400, 'invalid_input', 'q'])
    expect((await desk.search('tom', '&cursor=WzEwMDAwNV0')).status).toBe(400)
    const tom = { cookie: await desk.cookieFor('contact', 'c-jansen-emp') }
    expect((await desk.search('tom', '', tom)).status).toBe(403)
    expect((await desk.search('tom', '', {})).status).toBe(401)
  })
})

describe('POST /api/staff/phone/incidents', () => {
  test('registers for an authorised caller by phone: number, channel, audit by staff, mail with the number, one contact moment', async () => {
    const desk = await phoneDesk()
    const res = await desk.call('POST', '/api/staff/phone/incidents', { contactId: 'c-hoekstra-planner', ...call }, desk.lotte)
    expect(res.status).toBe(201)
    const { number, incident } = res.json
    expect(number).toMatch(/^\d{6}$/)
    expect(incident).toMatchObject({ number, channel: 'phone', contactId: 'c-hoekstra-planner', organisationId: 'org-hoekstra', kind: 'bug', productArea: 'inventory', status: 'new', lang: 'nl', team: 'logistics' })
    expect(incident.statusHistory).toEqual([{ status: 'new', at: '2026-11-30T09:00:00.000Z', by: 'staff:s-lotte' }])
    const audit = await desk.store.audit.listFor(`incident:${incident.id}`)
    expect(audit.map((a) => [a.actor, a.action, a.details])).toEqual([['staff:s-lotte', 'incident.registered', { team: 'logistics', channel: 'phone' }]])
    const mail = (await desk.mails()).filter((m) => m.to === 'noor@hoekstra-logistiek.example')
    expect(mail).toHaveLength(1)
    expect(mail[0]!.subject).toContain(number)
    expect(mail[0]!.text).toContain(number)
    // The call is the registration: one contact moment, counted as the incident registered.
    const moments = (await desk.store.signals.momentsOn(['2026-11-30'])).filter((m) => m.organisationId === 'org-hoekstra')
    expect(moments.map((m) => m.source)).toEqual(['incident'])
    // The console shows the channel on the incident.
    const shown = await desk.call('GET', `/api/incidents/${incident.id}`, undefined, desk.lotte)
    expect(shown.json.incident.channel).toBe('phone')
  })

  test('refuses a caller support may not help, with the reason, and registers nothing', async () => {
    const desk = await phoneDesk()
    const before = await desk.store.incidents.count()
    const mailsBefore = (await desk.mails()).length
    const joris = await desk.call('POST', '/api/staff/phone/incidents', { contactId: 'c-hoekstra-driver', ...call }, { ...desk.lotte, 'accept-language': 'en' })
    expect([joris.status, joris.json.code]).toEqual([403, 'caller_not_authorised'])
    expect(joris.json.message).toMatch(/^Support cannot help this caller: their organisation has not authorised them/)
    const tom = (await desk.store.contacts.get('c-jansen-emp'))!
    await desk.store.contacts.put({ ...tom, isActive: false })
    const off = await desk.call('POST', '/api/staff/phone/incidents', { contactId: 'c-jansen-emp', ...call }, desk.lotte)
    expect([off.status, off.json.code]).toEqual([403, 'caller_deactivated'])
    const nobody = await desk.call('POST', '/api/staff/phone/incidents', { contactId: 'c-nobody', ...call }, desk.lotte)
    expect([nobody.status, nobody.json.code]).toEqual([404, 'caller_not_found'])
    const area = await desk.call('POST', '/api/staff/phone/incidents', { contactId: 'c-hoekstra-planner', ...call, productArea: 'bakery' }, desk.lotte)
    expect([area.status, area.json.code, area.json.fields[0].path]).toEqual([400, 'invalid_input', 'productArea'])
    const short = await desk.call('POST', '/api/staff/phone/incidents', { contactId: 'c-hoekstra-planner', ...call, description: 'kort' }, desk.lotte)
    expect([short.status, short.json.fields[0].path]).toEqual([400, 'description'])
    const extra = await desk.call('POST', '/api/staff/phone/incidents', { contactId: 'c-hoekstra-planner', ...call, channel: 'web' }, desk.lotte)
    expect(extra.status).toBe(400)
    expect(await desk.store.incidents.count()).toBe(before)
    expect((await desk.mails()).length).toBe(mailsBefore)
  })

  test('is for staff only', async () => {
    const desk = await phoneDesk()
    const tom = { cookie: await desk.cookieFor('contact', 'c-jansen-emp') }
    expect((await desk.call('POST', '/api/staff/phone/incidents', { contactId: 'c-jansen-emp', ...call }, tom)).status).toBe(403)
    expect(await desk.store.incidents.count()).toBe(0)
  })
})

describe('POST /api/staff/phone/callers/:id/tell-admins', () => {
  test('mails each admin in their language that the caller is not authorised, with how to authorise them, once a day', async () => {
    const desk = await phoneDesk()
    const peter = (await desk.store.contacts.get('c-devries-admin'))!
    // A second admin who reads English.
    await desk.store.contacts.put({ ...peter, id: 'c-hoekstra-admin-2', organisationId: 'org-hoekstra', name: 'Femke Bos', email: 'femke@hoekstra-logistiek.example', lang: 'en' })
    const res = await desk.call('POST', '/api/staff/phone/callers/c-hoekstra-driver/tell-admins', undefined, desk.lotte)
    expect(res.status).toBe(200)
    expect(res.json.told.map((a: { email: string }) => a.email).sort()).toEqual(['femke@hoekstra-logistiek.example', 'jelle@hoekstra-logistiek.example'])
    const mails = await desk.mails()
    const jelle = mails.find((m) => m.to === 'jelle@hoekstra-logistiek.example')!
    expect(jelle.subject).toBe('Joris Wiersma belde support, maar is niet gemachtigd')
    expect(jelle.text).toContain('joris@hoekstra-logistiek.example')
    expect(jelle.text).toContain('Lotte Smit')
    expect(jelle.text).toContain('https://support.example.nl/portaal/organisatie/')
    const femke = mails.find((m) => m.to === 'femke@hoekstra-logistiek.example')!
    expect(femke.subject).toBe('Joris Wiersma called support but is not authorised')
    expect(femke.text).toContain('https://support.example.nl/en/portal/organisation/')
    expect(mails.some((m) => m.to === 'joris@hoekstra-logistiek.example')).toBe(false)
    const audit = await desk.store.audit.listFor('contact:c-hoekstra-driver')
    expect(audit.map((a) => [a.actor, a.action])).toEqual([['staff:s-lotte', 'caller.admins_told']])
    // Telling again the same day sends nothing new.
    await desk.call('POST', '/api/staff/phone/callers/c-hoekstra-driver/tell-admins', undefined, desk.lotte)
    expect((await desk.mails()).length).toBe(mails.length)
  })

  test('tells of a deactivated caller that they were deactivated', async () => {
    const desk = await phoneDesk()
    const tom = (await desk.store.contacts.get('c-jansen-emp'))!
    await desk.store.contacts.put({ ...tom, isActive: false })
    expect((await desk.call('POST', '/api/staff/phone/callers/c-jansen-emp/tell-admins', undefined, desk.lotte)).status).toBe(200)
    const marieke = (await desk.mails()).find((m) => m.to === 'marieke@bakkerij-jansen.example')!
    expect(marieke.text).toContain('gedeactiveerd')
  })

  test('refuses an authorised caller, one without an organisation or an admin, and sends nothing', async () => {
    const desk = await phoneDesk()
    const authorised = await desk.call('POST', '/api/staff/phone/callers/c-hoekstra-planner/tell-admins', undefined, desk.lotte)
    expect([authorised.status, authorised.json.code]).toEqual([409, 'caller_authorised'])
    const sanne = (await desk.store.contacts.get('c-jansen-new'))!
    await desk.store.contacts.put({ ...sanne, id: 'c-orphan', organisationId: 'org-gone', email: 'orphan@example.org' })
    const orphan = await desk.call('POST', '/api/staff/phone/callers/c-orphan/tell-admins', undefined, desk.lotte)
    expect([orphan.status, orphan.json.code]).toEqual([409, 'caller_without_organisation'])
    const jelle = (await desk.store.contacts.get('c-hoekstra-admin'))!
    await desk.store.contacts.put({ ...jelle, isActive: false })
    const noAdmin = await desk.call('POST', '/api/staff/phone/callers/c-hoekstra-driver/tell-admins', undefined, desk.lotte)
    expect([noAdmin.status, noAdmin.json.code]).toEqual([409, 'organisation_without_admins'])
    const unknown = await desk.call('POST', '/api/staff/phone/callers/c-nobody/tell-admins', undefined, desk.lotte)
    expect([unknown.status, unknown.json.code]).toEqual([404, 'caller_not_found'])
    expect(await desk.mails()).toEqual([])
  })
})
