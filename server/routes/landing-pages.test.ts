// The pages e-mailed links open (confirm, sign in, and what came of it) in the mail's language with the next step, and sign-in requests that explain themselves without telling who is a contact.
import { afterEach, describe, expect, test } from 'vitest'
import { closeTestDesks, testDesk } from '../testing.ts'

afterEach(closeTestDesks)

type Desk = Awaited<ReturnType<typeof testDesk>>
const FORM = { 'content-type': 'application/x-www-form-urlencoded' }
const registration = (overrides: Record<string, unknown> = {}) => ({
  name: 'Aisha el Amrani', email: 'aisha@devries-installatie.example', kind: 'bug', productArea: 'finance',
  subject: 'VAT return gives error 500', description: 'Filing through Digipoort gives error 500 every time.', lang: 'en',
  ...overrides,
})
/** The link in the last mail that starts with `path`, as a path with its query. */
async function linkInLastMail(desk: Desk, path: string): Promise<string> {
  const text = (await desk.mails()).at(-1)!.text
  const link = text.match(/https?:\/\/\S+/g)?.find((l) => new URL(l).pathname === path)
  if (!link) throw new Error(`no ${path} link in: ${text}`)
  const url = new URL(link)
  return `${url.pathname}${url.search}`
}
const post = (desk: Desk, action: string, token: string) => desk.app.request(action, { method: 'POST', headers: FORM, body: `token=${token}` })
const actionOf = (html: string) => html.match(/<form method="post" action="([^"]+)">/)![1]!
const tokenOf = (html: string) => html.match(/name="token" value="([\w-]+)"/)![1]!
const linksOf = (html: string) => [...html.matchAll(/<main[\s\S]*<\/main>/g)].flatMap(([main]) => [...main.matchAll(/href="([^"]+)"/g)].map((m) => m[1]))
const signInFor = (desk: Desk, email: string, lang?: 'nl' | 'en') => desk.call('POST', '/api/auth/link', { email, ...(lang ? { lang } : {}) })

describe('the confirmation link', () => {
  test('carries the mail\'s language: its pages speak English only, and the registered page leads to the incident in the portal', async () => {
    const desk = await testDesk()
    await desk.call('POST', '/api/incidents', registration())
    const link = await linkInLastMail(desk, '/api/incidents/confirm')
    expect(link).toMatch(/^\/api\/incidents\/confirm\?token=[\w-]+&lang=en$/)
    const page = await (await desk.app.request(link)).text()
    expect(page).toContain('<html lang="en">')
    expect(page).toContain('Confirm your request')
    expect(page).not.toMatch(/Bevestig|melding|Kennisbank/)
    expect(actionOf(page)).toBe('/api/incidents/confirm?lang=en')

    const registered = await post(desk, actionOf(page), tokenOf(page))
    expect(registered.status).toBe(201)
    const html = await registered.text()
    const incident = (await desk.store.incidents.byNumber(html.match(/<strong>(\d+)<\/strong>/)![1]!))!
    expect(html).toContain(`registered with incident number <strong>${incident.number}</strong>`)
    expect(linksOf(html)).toContain(`/en/portal/incidents/?id=${incident.id}`)
    expect(html).not.toMatch(/Melding|Kennisbank/)
  })

  test('used a second time, leads to the incident it registered: said so, nothing registered or mailed again, never "ask for a new link"', async () => {
    const desk = await testDesk()
    await desk.call('POST', '/api/incidents', registration())
    const page = await (await desk.app.request(await linkInLastMail(desk, '/api/incidents/confirm'))).text()
    const first = await (await post(desk, actionOf(page), tokenOf(page))).text()
    const number = first.match(/<strong>(\d+)<\/strong>/)![1]!
    const incident = (await desk.store.incidents.byNumber(number))!
    const mailsBefore = (await desk.mails()).length

    const again = await post(desk, actionOf(page), tokenOf(page))
    expect(again.status).toBe(200)
    const html = await again.text()
    expect(html).toContain('This request is registered already')
    expect(html).toContain(`<strong>${number}</strong>`)
    expect(linksOf(html)).toContain(`/en/portal/incidents/?id=${incident.id}`)
    expect(html).not.toMatch(/new one|new link/i)
    expect(await desk.store.incidents.count()).toBe(1)
    expect((await desk.mails()).length).toBe(mailsBefore)
  })

  test('in Dutch, the link used again leads to the Dutch portal page of the incident', async () => {
    const desk = await testDesk()
    await desk.call('POST', '/api/incidents', registration({ name: 'Tom Bakker', email: 'tom@bakkerij-jansen.example', lang: 'nl' }))
    const link = await linkInLastMail(desk, '/api/incidents/confirm')
    expect(link).toMatch(/&lang=nl$/)
    const page = await (await desk.app.request(link)).text()
    await post(desk, actionOf(page), tokenOf(page))
    const html = await (await post(desk, actionOf(page), tokenOf(page))).text()
    const incident = (await desk.store.incidents.byNumber(html.match(/<strong>(\d+)<\/strong>/)![1]!))!
    expect(html).toContain('<html lang="nl">')
    expect(html).toContain('Deze melding is al geregistreerd')
    expect(linksOf(html)).toContain(`/portaal/incidenten/?id=${incident.id}`)
  })

  test('expired: nothing registered, and the page says how to ask for a new one (the widget on the KB, or the portal)', async () => {
    const desk = await testDesk({ now: '2026-11-30T09:00:00Z' })
    await desk.call('POST', '/api/incidents', registration())
    const page = await (await desk.app.request(await linkInLastMail(desk, '/api/incidents/confirm'))).text()
    desk.setNow('2026-12-01T09:00:01Z')
    const expired = await post(desk, actionOf(page), tokenOf(page))
    expect(expired.status).toBe(400)
    const html = await expired.text()
    expect(html).toContain('Send your request again')
    expect(linksOf(html)).toEqual(expect.arrayContaining(['/en/', '/en/portal/new/']))
    expect(await desk.store.incidents.count()).toBe(0)
  })

  test('a link without a language, or with an unknown one, opens the Dutch page', async () => {
    const desk = await testDesk()
    for (const query of ['', '&lang=de']) {
      const html = await (await desk.app.request(`/api/incidents/confirm?token=abc${query}`)).text()
      expect(html).toContain('<html lang="nl">')
      expect(actionOf(html)).toBe('/api/incidents/confirm?lang=nl')
    }
  })

  test('a contact no longer authorised reads why, and how to reach the desk', async () => {
    const desk = await testDesk()
    await desk.call('POST', '/api/incidents', registration())
    const page = await (await desk.app.request(await linkInLastMail(desk, '/api/incidents/confirm'))).text()
    const aisha = (await desk.store.contacts.get('c-devries-emp'))!
    await desk.store.contacts.put({ ...aisha, isAuthorised: false })
    const refused = await post(desk, actionOf(page), tokenOf(page))
    expect(refused.status).toBe(403)
    const html = await refused.text()
    expect(html).toContain('Request not registered')
    expect(html).toContain(desk.deps.desk.phone.display)
  })
})

describe('the sign-in link', () => {
  test('carries the mail\'s language; used twice, its page leads to the sign-in page for a new one', async () => {
    const desk = await testDesk()
    expect((await signInFor(desk, 'aisha@devries-installatie.example')).status).toBe(202)
    const link = await linkInLastMail(desk, '/api/auth/callback')
    expect(link).toMatch(/&lang=en$/)
    const page = await (await desk.app.request(link)).text()
    expect(page).toContain('<html lang="en">')
    expect(page).not.toMatch(/Inloggen|Kennisbank/)
    expect(actionOf(page)).toBe('/api/auth/callback?lang=en')
    expect((await post(desk, actionOf(page), tokenOf(page))).status).toBe(303)

    const again = await post(desk, actionOf(page), tokenOf(page))
    expect(again.status).toBe(400)
    const html = await again.text()
    expect(html).toContain('This link no longer works')
    expect(linksOf(html)).toContain('/en/portal/')
  })

  test('a contact deactivated after the link was sent reads that they cannot sign in, in the link\'s language', async () => {
    const desk = await testDesk()
    await signInFor(desk, 'tom@bakkerij-jansen.example')
    const page = await (await desk.app.request(await linkInLastMail(desk, '/api/auth/callback'))).text()
    const tom = (await desk.store.contacts.get('c-jansen-emp'))!
    await desk.store.contacts.put({ ...tom, isActive: false })
    const refused = await post(desk, actionOf(page), tokenOf(page))
    expect(refused.status).toBe(403)
    const html = await refused.text()
    expect(html).toContain('<html lang="nl">')
    expect(html).toContain('Inloggen niet mogelijk')
  })
})

describe('a sign-in request explains itself, telling a stranger nothing', () => {
  test('a contact who is not authorised gets a mail why and whom to ask (the admins by name), no link; the answer is a stranger\'s, and a stranger gets no mail', async () => {
    const desk = await testDesk()
    const known = await signInFor(desk, 'tom@bakkerij-jansen.example', 'nl')
    const sanne = await signInFor(desk, 'sanne@bakkerij-jansen.example', 'nl')
    const stranger = await signInFor(desk, 'iemand@elders.example', 'nl')
    expect([known.status, sanne.status, stranger.status]).toEqual([202, 202, 202])
    expect(sanne.json).toEqual(known.json)
    expect(stranger.json).toEqual(known.json)
    expect(known.json).not.toHaveProperty('nextLinkAt')

    const mails = await desk.mails()
    expect(mails.map((m) => m.to)).toEqual(['tom@bakkerij-jansen.example', 'sanne@bakkerij-jansen.example'])
    const whyNot = mails[1]!
    expect(whyNot.subject).toBe('Inloggen bij Noordwind Support lukt niet met dit adres')
    expect(whyNot.text).toContain('niet gemachtigd')
    expect(whyNot.text).toContain('Marieke Jansen (marieke@bakkerij-jansen.example)')
    expect(whyNot.text).not.toMatch(/token=|Tom Bakker/)
  })

  test('a deactivated contact is told so; with no admin to ask, the mail names the desk, in the contact\'s language', async () => {
    const desk = await testDesk()
    const jelle = (await desk.store.contacts.get('c-hoekstra-admin'))!
    await desk.store.contacts.put({ ...jelle, isActive: false })
    const joris = (await desk.store.contacts.get('c-hoekstra-driver'))!
    await desk.store.contacts.put({ ...joris, isActive: false })
    expect((await signInFor(desk, 'joris@hoekstra-logistiek.example')).status).toBe(202)
    const mail = (await desk.mails()).at(-1)!
    expect(mail.to).toBe('joris@hoekstra-logistiek.example')
    expect(mail.subject).toBe('You cannot sign in to Noordwind Support with this address')
    expect(mail.text).toContain('has deactivated you as a contact')
    expect(mail.text).toContain('Hoekstra Logistiek')
    expect(mail.text).toContain(desk.deps.desk.phone.display)
    expect(mail.text).toContain(desk.deps.desk.email)
    expect(mail.text).not.toMatch(/token=|Jelle/)
  })

  test('the fourth request within ten minutes mails nothing and says from when a new link can be asked, alike for a known and an unknown address', async () => {
    const desk = await testDesk({ now: '2026-11-30T09:00:00Z' })
    for (let i = 0; i < 3; i++) {
      await signInFor(desk, 'tom@bakkerij-jansen.example', 'en')
      await signInFor(desk, 'niemand@elders.example', 'en')
    }
    const mailsBefore = (await desk.mails()).length
    expect(mailsBefore).toBe(3)
    desk.setNow('2026-11-30T09:04:00Z')
    const known = await signInFor(desk, 'Tom+portaal@Bakkerij-Jansen.example', 'en')
    const unknown = await signInFor(desk, 'niemand@elders.example', 'en')
    expect([known.status, unknown.status]).toEqual([202, 202])
    expect(known.json).toEqual(unknown.json)
    // The window began at the first request (09:00 UTC, 10:00 in Amsterdam) and lasts ten minutes.
    expect(known.json).toEqual({ status: 'check_email', nextLinkAt: '2026-11-30T09:10:00.000Z', message: expect.stringContaining('from 10:10') })
    expect((await desk.mails()).length).toBe(mailsBefore)
  })
})
