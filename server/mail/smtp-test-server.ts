/** A real SMTP server on 127.0.0.1 for tests: it takes mail, or refuses chosen recipients for now (451) or for good (550). */
import type { AddressInfo } from 'node:net'
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'

/** What the server received: the parsed message, the envelope and who signed in. */
export interface Delivery {
  mail: ParsedMail
  rcptTo: string[]
  user: unknown
}

/** Recipients the server refuses, and what it says: `refuse` for now (451), `reject` for good (550). */
export interface SmtpTestOptions {
  port?: number
  refuse?: string
  reject?: string
}

/**
 * Starts a server that accepts everything (sign-in optional, user "loket" / "geheim") on `port`
 * (default a free one), pushing each delivery to `deliveries`; `rcptTries` counts RCPT TO per address.
 */
export async function startSmtpServer(deliveries: Delivery[], options: SmtpTestOptions = {}) {
  const rcptTries = new Map<string, number>()
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    // Without a certificate nodemailer would try STARTTLS on the self-signed default and refuse it.
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === 'loket' && auth.password === 'geheim') callback(null, { user: 'loket' })
      else callback(new Error('Invalid username or password'))
    },
    onRcptTo(address, _session, callback) {
      rcptTries.set(address.address, (rcptTries.get(address.address) ?? 0) + 1)
      if (options.reject && address.address === options.reject) {
        callback(Object.assign(new Error('5.1.1 <' + address.address + '>: Recipient address rejected: User unknown'), { responseCode: 550 }))
      } else if (options.refuse && address.address === options.refuse) {
        callback(Object.assign(new Error('Mailbox temporarily unavailable'), { responseCode: 451 }))
      } else callback()
    },
    onData(stream, session, callback) {
      simpleParser(stream).then((mail) => {
        deliveries.push({ mail, rcptTo: session.envelope.rcptTo.map((r) => r.address), user: session.user })
        callback()
      }, callback)
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const port = (server.server.address() as AddressInfo).port
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()))
  return { port, close, rcptTries }
}
