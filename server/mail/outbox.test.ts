/** The outbox with an in-memory store, a fake transport and a clock the test moves. */
import { describe, expect, test, vi } from 'vitest'
import { memoryOutboxStore } from './memory-outbox-store.ts'
import { GIVE_UP_AFTER_MS, createOutbox, retryDelayMs } from './outbox.ts'
import type { MailTransport, OutgoingMail } from './transport.ts'
import type { MailRecord, OutboxStore } from './types.ts'

const START = new Date('2026-11-30T09:00:00.000Z')
const FROM = 'Noordwind Support <support@noordwind.example>'
const content = (subject = 'Incident 1042 geregistreerd') => ({ subject, text: `${subject}\n\nTekst`, html: `<p>${subject}</p>` })

/** A transport that records what it sends; `failNext` makes the next sends throw (undefined: succeed), `hold` pauses them. */
function fakeTransport() {
  const sent: OutgoingMail[] = []
  const calls: OutgoingMail[] = []
  let failures: (Error | undefined)[] = []
  let gate: Promise<void> | undefined
  let open = () => {}
  const transport: MailTransport & { sent: OutgoingMail[]; calls: OutgoingMail[]; failNext(...errors: (Error | undefined)[]): void; hold(): void; release(): void } = {
    sent,
    calls,
    failNext: (...errors) => { failures = errors },
    hold: () => { gate = new Promise((resolve) => { open = resolve }) },
    release: () => { gate = undefined; open() },
    async send(message) {
      calls.push(message)
      if (gate) await gate
      const failure = failures.shift()
      if (failure) throw failure
      sent.push(message)
    },
  }
  return transport
}

function setup(overrides: { store?: OutboxStore; onUndeliverable?: (mail: MailRecord) => Promise<void> } = {}) {
  let now = START
  const store = memoryOutboxStore()
  const transport = fakeTransport()
  const logs: string[] = []
  const outbox = createOutbox({ store: overrides.store ?? store, transport, from: FROM, clock: () => now, log: (msg) => logs.push(msg), onUndeliverable: overrides.onUndeliverable })
  return {
    outbox, store, transport, logs,
    setNow: (at: Date | string) => { now = new Date(at) },
    advance: (ms: number) => { now = new Date(now.getTime() + ms) },
  }
}

describe('enqueue', () => {
  test('stores a pending mail that is due at once', async () => {
    const { outbox, store } = setup()
    const mail = await outbox.enqueue('incident:1:registered', 'anne@klant.example', content())
    expect(mail).toMatchObject({
      eventKey: 'incident:1:registered', to: 'anne@klant.example', subject: 'Incident 1042 geregistreerd', status: 'pending',
      attempts: 0, nextAttemptAt: START.toISOString(), createdAt: START.toISOString(),
    })
    expect(mail.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(store.mails).toEqual([mail])
  })

  test('sends a mail enqueued twice for the same event exactly once', async () => {
    const { outbox, store, transport } = setup()
    const first = await outbox.enqueue('incident:1:status:3', 'anne@klant.example', content('Eerste'))
    const again = await outbox.enqueue('incident:1:status:3', 'anne@klant.example', content('Tweede'))
    expect(again).toEqual(first)
    expect(store.mails).toHaveLength(1)

    expect(await outbox.drain()).toEqual({ sent: 1, failed: 0 })
    expect(await outbox.drain()).toEqual({ sent: 0, failed: 0 })
    expect(transport.sent.map((m) => m.subject)).toEqual(['Eerste'])
  })
})

describe('drain', () => {
  test('hands the transport the stored mail with a Message-ID made from its id', async () => {
    const { outbox, store, transport, advance } = setup()
    const mail = await outbox.enqueue('sign-in:1', 'anne@klant.example', content('Uw inloglink'))
    advance(5_000)
    await outbox.drain()
    expect(transport.sent).toEqual([{
      messageId: `<${mail.id}@loket>`, from: FROM, to: 'anne@klant.example',
      subject: 'Uw inloglink', text: 'Uw inloglink\n\nTekst', html: '<p>Uw inloglink</p>',
    }])
    expect(store.mails[0]).toMatchObject({ status: 'sent', sentAt: '2026-11-30T09:00:05.000Z', attempts: 0 })
  })

  test('sends due mails oldest first and goes on past one that fails', async () => {
    const { outbox, store, transport, advance } = setup()
    for (const n of [1, 2, 3]) {
      await outbox.enqueue(`event:${n}`, `klant${n}@klant.example`, content(`Mail ${n}`))
      advance(1_000)
    }
    transport.failNext(undefined, new Error('450 mailbox busy'))
    expect(await outbox.drain()).toEqual({ sent: 2, failed: 1 })
    expect(transport.sent.map((m) => m.subject)).toEqual(['Mail 1', 'Mail 3'])
    expect(store.mails.map((m) => m.status)).toEqual(['sent', 'pending', 'sent'])
    expect(store.mails[1]).toMatchObject({ attempts: 1, lastError: '450 mailbox busy' })
  })

  test('retries a failing mail on the backoff schedule and sends it exactly once when the server takes it', async () => {
    const { outbox, store, transport, setNow } = setup()
    await outbox.enqueue('incident:7:registered', 'anne@klant.example', content())
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:2525'), { code: 'ECONNREFUSED' })
    transport.failNext(refused, refused, refused, refused)

    const schedule: { attempts: number; nextAttemptAt: string }[] = []
    let at = START
    for (let i = 0; i < 4; i++) {
      setNow(at)
      expect(await outbox.drain()).toEqual({ sent: 0, failed: 1 })
      const { attempts, nextAttemptAt, status, lastError } = store.mails[0]!
      expect(status).toBe('pending')
      expect(lastError).toBe('ECONNREFUSED connect ECONNREFUSED 127.0.0.1:2525')
      schedule.push({ attempts, nextAttemptAt })
      // Just before the next attempt is due, a drain leaves the mail alone.
      setNow(new Date(new Date(nextAttemptAt).getTime() - 1))
      expect(await outbox.drain()).toEqual({ sent: 0, failed: 0 })
      at = new Date(nextAttemptAt)
    }
    expect(schedule).toEqual([
      { attempts: 1, nextAttemptAt: '2026-11-30T09:00:30.000Z' },
      { attempts: 2, nextAttemptAt: '2026-11-30T09:01:30.000Z' },
      { attempts: 3, nextAttemptAt: '2026-11-30T09:03:30.000Z' },
      { attempts: 4, nextAttemptAt: '2026-11-30T09:07:30.000Z' },
    ])

    setNow(at)
    expect(await outbox.drain()).toEqual({ sent: 1, failed: 0 })
    expect(await outbox.drain()).toEqual({ sent: 0, failed: 0 })
    expect(transport.calls).toHaveLength(5)
    expect(transport.sent).toHaveLength(1)
    expect(store.mails[0]).toMatchObject({ status: 'sent', sentAt: '2026-11-30T09:07:30.000Z', attempts: 4 })
  })

  test.each([
    [1, 30_000],
    [2, 60_000],
    [3, 120_000],
    [4, 240_000],
    [7, 1_920_000],
    [8, 3_600_000],
    [50, 3_600_000],
  ])('waits %i failures → %i ms before the next attempt (doubling from 30 s, at most 1 h)', (failures, ms) => {
    expect(retryDelayMs(failures)).toBe(ms)
  })

  test('sends a mail once when drains are called at the same time', async () => {
    const { outbox, transport } = setup()
    await outbox.enqueue('incident:1:registered', 'anne@klant.example', content())
    transport.hold()
    const drains = [outbox.drain(), outbox.drain(), outbox.drain()]
    await vi.waitFor(() => expect(transport.calls).toHaveLength(1))
    transport.release()
    const results = await Promise.all(drains)
    expect(transport.sent).toHaveLength(1)
    expect(transport.calls).toHaveLength(1)
    expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(1)
  })

  test('a drain called while one runs also sends a mail enqueued meanwhile', async () => {
    const { outbox, transport } = setup()
    await outbox.enqueue('event:1', 'anne@klant.example', content('Eerste'))
    transport.hold()
    const first = outbox.drain()
    await vi.waitFor(() => expect(transport.calls).toHaveLength(1))
    await outbox.enqueue('event:2', 'anne@klant.example', content('Tweede'))
    const second = outbox.drain()
    transport.release()
    await Promise.all([first, second])
    expect(transport.sent.map((m) => m.subject)).toEqual(['Eerste', 'Tweede'])
  })

  test('resolves instead of throwing when the store cannot be read, and logs why', async () => {
    const store: OutboxStore = {
      ...memoryOutboxStore(),
      due: async () => { throw new Error('EIO: disk read error') },
    }
    const { outbox, transport, logs } = setup({ store })
    await expect(outbox.drain()).resolves.toEqual({ sent: 0, failed: 0 })
    expect(transport.calls).toEqual([])
    expect(logs).toEqual(['[loket] outbox: could not read due mails: EIO: disk read error'])
  })

  test('a mail sent but not marked sent is sent again later with the same Message-ID, not in a loop', async () => {
    const inner = memoryOutboxStore()
    let isBroken = true
    const store: OutboxStore = {
      ...inner,
      markSent: async (id, at) => {
        if (isBroken) throw new Error('ENOSPC: no space left on device')
        return inner.markSent(id, at)
      },
    }
    const { outbox, transport } = setup({ store })
    await outbox.enqueue('event:1', 'anne@klant.example', content())
    expect(await outbox.drain()).toEqual({ sent: 1, failed: 0 })
    expect(transport.sent).toHaveLength(1)
    expect(inner.mails[0]!.status).toBe('pending')

    isBroken = false
    await outbox.drain()
    expect(transport.sent).toHaveLength(2)
    expect(transport.sent[1]!.messageId).toBe(transport.sent[0]!.messageId)
    expect(inner.mails[0]!.status).toBe('sent')
  })
})

describe('logging', () => {
  test('prefixes [loket] and hides addresses and tokens', async () => {
    const { outbox, transport, logs, advance } = setup()
    await outbox.enqueue('event:1', 'anne.devries@klant.example', content())
    transport.failNext(new Error('550 <anne.devries@klant.example> rejected; see https://mx.example/why?token=s3cr3t-t0ken'))
    await outbox.drain()
    advance(retryDelayMs(1))
    await outbox.drain()

    expect(logs).toHaveLength(2)
    for (const line of logs) {
      expect(line).toMatch(/^\[loket\] mail [0-9a-f-]{36} to a\*\*\*@klant\.example /)
      expect(line).not.toContain('anne.devries')
      expect(line).not.toContain('s3cr3t')
    }
    expect(logs[0]).toContain('failed (attempt 1)')
    expect(logs[0]).toContain('?token=***')
    expect(logs[1]).toContain('sent (attempt 2)')
  })
})

describe('start and stop', () => {
  test('start drains at once and on the interval; after stop nothing more is sent', async () => {
    const { outbox, transport } = setup()
    await outbox.enqueue('event:1', 'anne@klant.example', content('Eerste'))
    outbox.start(20)
    await vi.waitFor(() => expect(transport.sent).toHaveLength(1))
    await outbox.enqueue('event:2', 'anne@klant.example', content('Tweede'))
    await vi.waitFor(() => expect(transport.sent).toHaveLength(2))

    await outbox.stop()
    await outbox.enqueue('event:3', 'anne@klant.example', content('Derde'))
    await new Promise((resolve) => setTimeout(resolve, 80))
    expect(transport.sent.map((m) => m.subject)).toEqual(['Eerste', 'Tweede'])
  })

  test('stop waits for the mail in hand and leaves the rest for the next start', async () => {
    const { outbox, transport, store } = setup()
    await outbox.enqueue('event:1', 'anne@klant.example', content('Eerste'))
    await outbox.enqueue('event:2', 'anne@klant.example', content('Tweede'))
    transport.hold()
    outbox.start(60_000)
    await vi.waitFor(() => expect(transport.calls).toHaveLength(1))

    let isStopped = false
    const stopping = outbox.stop().then(() => { isStopped = true })
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(isStopped).toBe(false)
    transport.release()
    await stopping
    expect(store.mails.map((m) => m.status)).toEqual(['sent', 'pending'])

    expect(await outbox.drain()).toEqual({ sent: 1, failed: 0 })
  })
})

/** An error as nodemailer gives it for a reply of the server to a command. */
const smtpError = (responseCode: number, code = 'EENVELOPE', text = 'Recipient address rejected') =>
  Object.assign(new Error(`Can't send mail - all recipients were rejected: ${responseCode} ${text}`), { code, responseCode })

describe('giving up', () => {
  test('a mail the server refuses for good (5xx) is failed at once, not tried again, and reported once', async () => {
    const given: MailRecord[] = []
    const { outbox, store, transport, advance, logs } = setup({ onUndeliverable: async (mail) => void given.push(mail) })
    await outbox.enqueue('incident:1:registered', 'weg@klant.example', content(), 'incident:1')
    transport.failNext(smtpError(550, 'EENVELOPE', '5.1.1 No such user'))

    expect(await outbox.drain()).toEqual({ sent: 0, failed: 1 })
    expect(store.mails[0]).toMatchObject({ status: 'failed', attempts: 1, failedAt: START.toISOString(), about: 'incident:1' })
    expect(store.mails[0]!.lastError).toMatch(/^550 .*No such user/)
    expect(given).toEqual([store.mails[0]])
    expect(logs.join('\n')).toContain('failed for good')

    advance(30 * 86_400_000)
    expect(await outbox.drain()).toEqual({ sent: 0, failed: 0 })
    expect(transport.calls).toHaveLength(1)
    expect(given).toHaveLength(1)
  })

  test.each([
    ['a 4xx reply', smtpError(451, 'EENVELOPE', 'Mailbox temporarily unavailable')],
    ['a refused sign-in (the desk\'s own setting)', smtpError(535, 'EAUTH', 'Authentication failed')],
    ['503, a slip in the command order', smtpError(503, 'EENVELOPE', 'Bad sequence of commands')],
    ['no connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:2525'), { code: 'ECONNECTION' })],
  ])('%s is tried again later', async (_, error) => {
    const { outbox, store, transport } = setup()
    await outbox.enqueue('event:1', 'anne@klant.example', content())
    transport.failNext(error)
    expect(await outbox.drain()).toEqual({ sent: 0, failed: 1 })
    expect(store.mails[0]).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: new Date(START.getTime() + retryDelayMs(1)).toISOString() })
  })

  test('a mail refused for now is tried on its backoff for five days, then failed with its last reply', async () => {
    const given: MailRecord[] = []
    const { outbox, store, transport, setNow } = setup({ onUndeliverable: async (mail) => void given.push(mail) })
    await outbox.enqueue('event:1', 'anne@klant.example', content(), 'incident:9')
    const busy = () => smtpError(421, 'ECONNECTION', 'Service not available')

    // Just before the five days are up: still tried again.
    transport.failNext(busy())
    setNow(new Date(START.getTime() + GIVE_UP_AFTER_MS - 60_000))
    await outbox.drain()
    expect(store.mails[0]).toMatchObject({ status: 'pending', attempts: 1 })

    transport.failNext(busy())
    setNow(new Date(START.getTime() + GIVE_UP_AFTER_MS))
    expect(await outbox.drain()).toEqual({ sent: 0, failed: 1 })
    expect(store.mails[0]).toMatchObject({ status: 'failed', attempts: 2, lastError: expect.stringMatching(/^421 /) })
    expect(given.map((m) => m.about)).toEqual(['incident:9'])
  })

  test('a failure that cannot be recorded leaves the mail pending, and nobody is told', async () => {
    const store = memoryOutboxStore()
    const given: MailRecord[] = []
    const broken: OutboxStore = { ...store, markUndeliverable: async () => { throw new Error('disk full') } }
    const { outbox, transport, logs } = setup({ store: broken, onUndeliverable: async (mail) => void given.push(mail) })
    await outbox.enqueue('event:1', 'weg@klant.example', content())
    transport.failNext(smtpError(550))
    expect(await outbox.drain()).toEqual({ sent: 0, failed: 1 })
    expect(store.mails[0]!.status).toBe('pending')
    expect(given).toEqual([])
    expect(logs.join('\n')).toContain('could not record that it failed for good: disk full')
  })

  test('a report that fails is logged; the mail stays failed', async () => {
    const { outbox, store, transport, logs } = setup({ onUndeliverable: async () => { throw new Error('audit unavailable') } })
    await outbox.enqueue('event:1', 'weg@klant.example', content())
    transport.failNext(smtpError(554, 'EMESSAGE', 'Message rejected as spam'))
    expect(await outbox.drain()).toEqual({ sent: 0, failed: 1 })
    expect(store.mails[0]!.status).toBe('failed')
    expect(logs.join('\n')).toContain('could not be noted: audit unavailable')
  })
})
