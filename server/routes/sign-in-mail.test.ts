// The mails behind sign-in and confirmation as a real SMTP server receives them: the why-not mail and nothing else for a contact who may not sign in, nothing for a stranger, links that carry the mail's language.
import { afterEach, describe, expect, test } from 'vitest'
import { startSmtpServer, type Delivery } from '../mail/smtp-test-server.ts'
import { smtpTransport } from '../mail/transport.ts'
import { closeTestDesks, testDesk } from '../testing.ts'

const servers: { close(): Promise<void> }[] = []
afterEach(async () => {
  await closeTestDesks()
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

/** A desk whose outbox sends to a real SMTP server on 127.0.0.1; `deliveries` fills as it drains. */
async function deskOnSmtp() {
  const deliveries: Delivery[] = []
  const server = await startSmtpServer(deliveries)
  servers.push(server)
  const desk = await testDesk({ transport: smtpTransport(`smtp://127.0.0.1:${server.port}`) })
  return { desk, deliveries }
}

describe('sign-in mails over SMTP', () => {
  test('a contact who is not authorised receives only the why-not mail, naming the admins, with no sign-in link; a stranger receives nothing', async () => {
    const { desk, deliveries } = await deskOnSmtp()
    expect((await desk.call('POST', '/api/auth/link', { email: 'sanne@bakkerij-jansen.example', lang: 'en' })).status).toBe(202)
    expect((await desk.call('POST', '/api/auth/link', { email: 'iemand@elders.example', lang: 'en' })).status).toBe(202)
    expect(await desk.outbox.drain()).toEqual({ sent: 1, failed: 0 })

    expect(deliveries.map((d) => d.rcptTo)).toEqual([['sanne@bakkerij-jansen.example']])
    const { mail } = deliveries[0]!
    expect(mail.subject).toBe('You cannot sign in to Noordwind Support with this address')
    expect(mail.text).toContain('has not (yet) authorised you')
    expect(mail.text).toContain('Marieke Jansen (marieke@bakkerij-jansen.example)')
    expect(mail.html).toContain('Marieke Jansen')
    for (const part of [mail.text ?? '', String(mail.html)]) expect(part).not.toMatch(/token=|\/api\/auth\/callback/)
  })

  test('the sign-in and confirmation links carry the mail\'s language, in the text and the HTML alike', async () => {
    const { desk, deliveries } = await deskOnSmtp()
    await desk.call('POST', '/api/auth/link', { email: 'aisha@devries-installatie.example' })
    await desk.call('POST', '/api/incidents', {
      name: 'Aisha el Amrani', email: 'aisha@devries-installatie.example', kind: 'bug', productArea: 'finance',
      subject: 'VAT return gives error 500', description: 'Filing through Digipoort gives error 500 every time.', lang: 'en',
    })
    expect(await desk.outbox.drain()).toEqual({ sent: 2, failed: 0 })
    const [signIn, confirm] = deliveries.map((d) => d.mail)
    expect(signIn!.text).toMatch(/\/api\/auth\/callback\?token=[\w-]+&lang=en\b/)
    expect(String(signIn!.html)).toMatch(/\/api\/auth\/callback\?token=[\w-]+&#38;lang=en"/)
    expect(confirm!.text).toMatch(/\/api\/incidents\/confirm\?token=[\w-]+&lang=en\b/)
    expect(String(confirm!.html)).toMatch(/\/api\/incidents\/confirm\?token=[\w-]+&#38;lang=en"/)
  })
})
