// A mail the SMTP server refuses for good: failed, not tried again, and shown to staff on the incident (never to the customer).
import { afterEach, expect, test } from 'vitest'
import { startSmtpServer, type Delivery } from '../mail/smtp-test-server.ts'
import { smtpTransport } from '../mail/transport.ts'
import { closeTestDesks, testDesk } from '../testing.ts'

const servers: { close(): Promise<void> }[] = []
afterEach(async () => {
  await closeTestDesks()
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

const TOM = 'tom@bakkerij-jansen.example'

/** The demo desk sending by SMTP to a local server that refuses Tom's address for good (550). */
async function deskRefusingTom() {
  const deliveries: Delivery[] = []
  const server = await startSmtpServer(deliveries, { reject: TOM })
  servers.push(server)
  const desk = await testDesk({ transport: smtpTransport(`smtp://127.0.0.1:${server.port}`) })
  const tom = { cookie: await desk.cookieFor('contact', 'c-jansen-emp') }
  const lotte = { cookie: await desk.cookieFor('staff', 's-lotte') }
  const filed = await desk.call('POST', '/api/incidents', {
    name: 'Tom Bakker', email: TOM, kind: 'bug', productArea: 'finance', subject: 'Btw-aangifte geeft fout 500', description: 'Bij het indienen via Digipoort krijg ik fout 500.', lang: 'nl',
  }, tom)
  expect(filed.status).toBe(201)
  return { desk, server, deliveries, tom, lotte, id: filed.json.id as string }
}

test('the registration mail refused with 550 is failed and staff see it on the incident, with the address and the server\'s reply', async () => {
  const { desk, server, lotte, id } = await deskRefusingTom()
  expect(await desk.outbox.drain()).toEqual({ sent: 0, failed: 1 })

  const [mail] = await desk.mails()
  expect(mail).toMatchObject({ to: TOM, status: 'failed', attempts: 1, about: `incident:${id}` })
  expect(mail!.lastError).toMatch(/^550 /)

  const view = await desk.call('GET', `/api/incidents/${id}`, undefined, lotte)
  expect(view.status).toBe(200)
  const failures = view.json.timeline.filter((e: { type: string }) => e.type === 'mail_failed')
  expect(failures).toEqual([{ type: 'mail_failed', at: '2026-11-30T09:00:00.000Z', by: { kind: 'system', name: expect.any(String) }, to: TOM, reply: mail!.lastError }])
  expect(failures[0].reply).toContain('Recipient address rejected')

  // Not tried again: not on the next drain, nor a day later.
  desk.setNow('2026-12-01T09:00:00Z')
  expect(await desk.outbox.drain()).toEqual({ sent: 0, failed: 0 })
  expect(server.rcptTries.get(TOM)).toBe(1)
  expect((await desk.call('GET', `/api/incidents/${id}`, undefined, lotte)).json.timeline.filter((e: { type: string }) => e.type === 'mail_failed')).toHaveLength(1)
})

test('the customer never sees the failed mail on their incident', async () => {
  const { desk, tom, id } = await deskRefusingTom()
  await desk.outbox.drain()
  const view = await desk.call('GET', `/api/incidents/${id}`, undefined, tom)
  expect(view.status).toBe(200)
  expect(view.json.timeline.map((e: { type: string }) => e.type)).not.toContain('mail_failed')
  expect(view.text).not.toContain('550')
})

test('a later status mail to the same address is noted too; another customer\'s mail goes out', async () => {
  const { desk, deliveries, lotte, id } = await deskRefusingTom()
  await desk.outbox.drain()
  const incident = (await desk.call('GET', `/api/incidents/${id}`, undefined, lotte)).json.incident
  const triaged = await desk.call('PATCH', `/api/incidents/${id}`, { version: incident.version, status: 'in_progress', priority: 3 }, lotte)
  expect(triaged.status).toBe(200)
  const marieke = { cookie: await desk.cookieFor('contact', 'c-jansen-admin') }
  expect((await desk.call('POST', '/api/incidents', {
    name: 'Marieke Jansen', email: 'marieke@bakkerij-jansen.example', kind: 'wish', productArea: 'sales', subject: 'Kassabon met logo', description: 'Graag ons logo bovenaan de kassabon.', lang: 'nl',
  }, marieke)).status).toBe(201)
  expect(await desk.outbox.drain()).toEqual({ sent: 1, failed: 1 })

  expect(deliveries.map((d) => d.rcptTo)).toEqual([['marieke@bakkerij-jansen.example']])
  const timeline = (await desk.call('GET', `/api/incidents/${id}`, undefined, lotte)).json.timeline
  expect(timeline.filter((e: { type: string }) => e.type === 'mail_failed')).toHaveLength(2)
})
