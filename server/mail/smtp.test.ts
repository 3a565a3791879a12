/** The outbox and transports against a real SMTP server on 127.0.0.1, and the .eml file transport on disk. */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { simpleParser } from 'mailparser'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { loadDesk } from '../desk.ts'
import { memoryOutboxStore } from './memory-outbox-store.ts'
import { startSmtpServer, type Delivery } from './smtp-test-server.ts'
import { createOutbox, retryDelayMs } from './outbox.ts'
import { incidentRegistered } from './templates.ts'
import { fileTransport, smtpTransport, transportFromEnv } from './transport.ts'

const desk = loadDesk('content/desk.yaml')
const FROM = 'Noordwind Support <support@noordwind.example>'
const START = new Date('2026-11-30T09:00:00.000Z')
const content = incidentRegistered(
  { desk, baseUrl: 'https://support.noordwind.example', lang: 'nl' },
  { name: 'Anne de Vries', number: '1042', subject: 'Btw-aangifte geeft één <fout>', trackUrl: 'https://support.noordwind.example/api/auth/callback?token=t0k' },
)

let dir: string
let servers: { close(): Promise<void> }[]
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'loket-mail-'))
  servers = []
})
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()))
  await rm(dir, { recursive: true, force: true })
})

function outboxWith(transport: ReturnType<typeof smtpTransport>) {
  let now = START
  const store = memoryOutboxStore()
  const logs: string[] = []
  const outbox = createOutbox({ store, transport, from: FROM, clock: () => now, log: (msg) => logs.push(msg) })
  return { outbox, store, logs, advance: (ms: number) => { now = new Date(now.getTime() + ms) } }
}

describe('SMTP', () => {
  test('delivers a mail with the right To, Subject, text, HTML and Message-ID, signing in with the credentials in SMTP_URL', async () => {
    const deliveries: Delivery[] = []
    const server = await startSmtpServer(deliveries)
    servers.push(server)
    const { outbox, store } = outboxWith(transportFromEnv({ SMTP_URL: `smtp://loket:geheim@127.0.0.1:${server.port}` }, dir))

    const mail = await outbox.enqueue('incident:1:registered', 'anne@klant.example', content)
    expect(await outbox.drain()).toEqual({ sent: 1, failed: 0 })

    expect(deliveries).toHaveLength(1)
    const [{ mail: received, rcptTo, user }] = deliveries as [Delivery]
    expect(rcptTo).toEqual(['anne@klant.example'])
    expect(user).toBe('loket')
    expect(received.messageId).toBe(`<${mail.id}@loket>`)
    expect(received.from?.value).toEqual([{ name: 'Noordwind Support', address: 'support@noordwind.example' }])
    expect(received.to && !Array.isArray(received.to) ? received.to.text : undefined).toBe('anne@klant.example')
    expect(received.subject).toBe('Incident 1042 geregistreerd: Btw-aangifte geeft één <fout>')
    expect(received.text?.trim()).toBe(content.text.trim())
    expect(received.html).toContain('Btw-aangifte geeft één &#60;fout&#62;')
    expect(store.mails[0]).toMatchObject({ status: 'sent', attempts: 0 })
  })

  test('keeps the mail pending while the server is down and delivers it exactly once after it is back on the same port', async () => {
    const deliveries: Delivery[] = []
    const first = await startSmtpServer(deliveries)
    const port = first.port
    await first.close()
    const { outbox, store, advance } = outboxWith(smtpTransport(`smtp://127.0.0.1:${port}`))
    const mail = await outbox.enqueue('incident:2:registered', 'anne@klant.example', content)

    expect(await outbox.drain()).toEqual({ sent: 0, failed: 1 })
    expect(store.mails[0]).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: '2026-11-30T09:00:30.000Z' })
    expect(store.mails[0]!.lastError).toContain('ECONNREFUSED')

    const again = await startSmtpServer(deliveries, { port })
    servers.push(again)
    // Back up, but the mail is not due yet: it waits for its next attempt.
    expect(await outbox.drain()).toEqual({ sent: 0, failed: 0 })
    expect(deliveries).toHaveLength(0)

    advance(retryDelayMs(1))
    expect(await outbox.drain()).toEqual({ sent: 1, failed: 0 })
    advance(retryDelayMs(10))
    expect(await outbox.drain()).toEqual({ sent: 0, failed: 0 })

    expect(deliveries).toHaveLength(1)
    expect(deliveries[0]!.mail.messageId).toBe(`<${mail.id}@loket>`)
    expect(store.mails[0]).toMatchObject({ status: 'sent', attempts: 1, sentAt: '2026-11-30T09:00:30.000Z' })
  })

  test('keeps a mail the server refuses for now pending, with the server reply as its last error', async () => {
    const deliveries: Delivery[] = []
    const server = await startSmtpServer(deliveries, { refuse: 'vol@klant.example' })
    servers.push(server)
    const { outbox, store, logs } = outboxWith(smtpTransport(`smtp://127.0.0.1:${server.port}`))
    await outbox.enqueue('event:1', 'vol@klant.example', content)
    await outbox.enqueue('event:2', 'anne@klant.example', content)

    expect(await outbox.drain()).toEqual({ sent: 1, failed: 1 })
    expect(store.mails[0]).toMatchObject({ status: 'pending', attempts: 1 })
    expect(store.mails[0]!.lastError).toMatch(/^451 .*Mailbox temporarily unavailable/)
    expect(deliveries.map((d) => d.rcptTo)).toEqual([['anne@klant.example']])
    expect(logs.join('\n')).not.toContain('vol@klant.example')
  })

  test('fails a mail the server refuses for good (550) at once, with the reply, and never offers it again', async () => {
    const deliveries: Delivery[] = []
    const server = await startSmtpServer(deliveries, { reject: 'weg@klant.example' })
    servers.push(server)
    const { outbox, store, advance } = outboxWith(smtpTransport(`smtp://127.0.0.1:${server.port}`))
    await outbox.enqueue('event:1', 'weg@klant.example', content)
    await outbox.enqueue('event:2', 'anne@klant.example', content)

    expect(await outbox.drain()).toEqual({ sent: 1, failed: 1 })
    expect(store.mails[0]).toMatchObject({ status: 'failed', attempts: 1, failedAt: START.toISOString() })
    expect(store.mails[0]!.lastError).toMatch(/^550 .*Recipient address rejected/)
    advance(retryDelayMs(30))
    expect(await outbox.drain()).toEqual({ sent: 0, failed: 0 })
    expect(server.rcptTries.get('weg@klant.example')).toBe(1)
    expect(deliveries.map((d) => d.rcptTo)).toEqual([['anne@klant.example']])
  })

  test.each([
    ['not a url', 'SMTP_URL is not a valid URL'],
    ['http://mail.example.nl', 'SMTP_URL must start with smtp:// or smtps://'],
  ])('refuses SMTP_URL %j with a message that says how to fix it', (url, message) => {
    expect(() => transportFromEnv({ SMTP_URL: url }, dir)).toThrow(message)
  })

  test('describes the SMTP server without its credentials', () => {
    expect(transportFromEnv({ SMTP_URL: 'smtps://loket:geheim@mail.example.nl:465' }, dir).description).toBe('smtps://mail.example.nl:465')
  })
})

describe('file transport', () => {
  test('writes each mail as a parseable .eml named by time and Message-ID, and nothing else', async () => {
    const transport = fileTransport(dir, { clock: () => START })
    await transport.send({ messageId: '<0b6c2f1e-9a4d-4c1b-8e7f-3a2b1c0d9e8f@loket>', from: FROM, to: 'anne@klant.example', subject: content.subject, text: content.text, html: content.html })

    const files = await readdir(dir)
    expect(files).toEqual(['2026-11-30T090000.000Z-0b6c2f1e-9a4d-4c1b-8e7f-3a2b1c0d9e8f_loket.eml'])
    const parsed = await simpleParser(await readFile(join(dir, files[0]!)))
    expect(parsed.messageId).toBe('<0b6c2f1e-9a4d-4c1b-8e7f-3a2b1c0d9e8f@loket>')
    expect(parsed.subject).toBe(content.subject)
    expect(parsed.text?.trim()).toBe(content.text.trim())
    expect(parsed.html).toContain('&#60;fout&#62;')
  })

  test('is what the environment gets without SMTP_URL: the outbox writes to <dataDir>/outbox', async () => {
    const transport = transportFromEnv({ SMTP_URL: '' }, dir)
    expect(transport.description).toBe(`files in ${join(dir, 'outbox')}`)
    const { outbox, store } = outboxWith(transport)
    const mail = await outbox.enqueue('event:1', 'anne@klant.example', content)
    expect(await outbox.drain()).toEqual({ sent: 1, failed: 0 })

    const files = await readdir(join(dir, 'outbox'))
    expect(files).toHaveLength(1)
    expect(files[0]).toMatch(new RegExp(`-${mail.id}_loket\\.eml$`))
    const parsed = await simpleParser(await readFile(join(dir, 'outbox', files[0]!)))
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.text : undefined).toBe('anne@klant.example')
    expect(store.mails[0]!.status).toBe('sent')
  })
})
