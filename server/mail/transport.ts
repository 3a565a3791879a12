/** How a mail leaves Loket: by SMTP, or as durable .eml files in a folder when no SMTP server is set. */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import nodemailer from 'nodemailer'
import MailComposer from 'nodemailer/lib/mail-composer'
import { writeDurably } from '../store/durable-file.ts'

/** One message as the outbox hands it to a transport. */
export interface OutgoingMail {
  /** The Message-ID header, angle brackets included, e.g. "<0b6c…@loket>"; the same on every attempt. */
  messageId: string
  from: string
  to: string
  subject: string
  text: string
  html?: string
}

/** Sends one message; resolves once the message is accepted (by the SMTP server, or on disk). */
export interface MailTransport {
  send(message: OutgoingMail): Promise<void>
}

/** A transport that can say where it sends to, without credentials (for the start-up log). */
export type DescribedTransport = MailTransport & { readonly description: string }

/**
 * Whether a failed send is the server's final word on this message: a 5xx reply to the sender, a
 * recipient or the message itself (nodemailer's EENVELOPE, EMESSAGE). Everything else may pass:
 * 4xx replies, no connection, a timeout, and also a refused sign-in (EAUTH), as that is the desk's
 * own setting to fix and no reason to drop every mail meanwhile. 503 is "bad sequence of
 * commands", a protocol slip rather than a verdict on the mail.
 * @example isPermanentRefusal(Object.assign(new Error('No such user'), { code: 'EENVELOPE', responseCode: 550 })) === true
 */
export function isPermanentRefusal(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  const { code, responseCode } = error as { code?: unknown; responseCode?: unknown }
  return (code === 'EENVELOPE' || code === 'EMESSAGE') && typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600 && responseCode !== 503
}

/** How long an SMTP server may take before an attempt counts as failed, so one slow server cannot stall the outbox. */
const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 }

/**
 * Writes each message as an RFC 822 .eml file in `dir`, named `<time>-<message id>.eml` (the time
 * in ISO 8601 without colons, so the name is valid on every file system). Each file is written
 * under a temporary name, flushed and renamed, so the folder never holds half a message.
 * @example fileTransport('data/outbox') // 2026-11-30T090000.000Z-0b6c…_loket.eml
 */
export function fileTransport(dir: string, options: { clock?: () => Date } = {}): DescribedTransport {
  const clock = options.clock ?? (() => new Date())
  return {
    description: `files in ${dir}`,
    async send(message) {
      const raw = await new MailComposer(composerOptions(message)).compile().build()
      await mkdir(dir, { recursive: true })
      const stamp = clock().toISOString().replace(/:/g, '')
      const file = join(dir, `${stamp}-${fileSafe(message.messageId)}.eml`)
      await writeDurably(file, raw)
    },
  }
}

/**
 * Sends by SMTP to the server in `url`, e.g. smtp://user:pass@mail.example.nl:587 (STARTTLS when
 * offered) or smtps://… (TLS from the start). Settings nodemailer reads from the query string
 * apply too. One connection per message: the outbox sends one mail at a time.
 */
export function smtpTransport(url: string): DescribedTransport {
  const parsed = parseSmtpUrl(url)
  const mailer = nodemailer.createTransport({ ...SMTP_TIMEOUTS, url })
  return {
    description: `${parsed.protocol}//${parsed.host}`,
    async send(message) {
      await mailer.sendMail(composerOptions(message))
    },
  }
}

/**
 * The transport the environment asks for: SMTP when `SMTP_URL` is set, otherwise .eml files in
 * `<dataDir>/outbox` (for development, and for deployments that hand mail on by other means).
 */
export function transportFromEnv(env: Record<string, string | undefined>, dataDir: string): DescribedTransport {
  const url = env.SMTP_URL?.trim()
  return url ? smtpTransport(url) : fileTransport(join(dataDir, 'outbox'))
}

function composerOptions(message: OutgoingMail) {
  return {
    messageId: message.messageId,
    from: message.from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    ...(message.html === undefined ? {} : { html: message.html }),
  }
}

function parseSmtpUrl(url: string): URL {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new Error('SMTP_URL is not a valid URL: expected e.g. smtp://user:password@mail.example.nl:587 (percent-encode special characters in the password)')
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') {
    throw new Error(`SMTP_URL must start with smtp:// or smtps://, not ${parsed.protocol}//: e.g. smtp://user:password@mail.example.nl:587`)
  }
  return parsed
}

/** A Message-ID as part of a file name: "<id@loket>" becomes "id_loket". */
function fileSafe(messageId: string): string {
  return messageId.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '') || 'message'
}
