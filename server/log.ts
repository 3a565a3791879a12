/**
 * The server's log: one JSON object per line (pino), with the time, the level, a message and the
 * request's id, for log collectors; readable lines instead when a person watches a terminal.
 * Addresses and tokens never reach it: requests are logged by their route pattern, mail lines are
 * redacted where they are made (mail/redact.ts).
 */
import { pino, type DestinationStream, type Logger } from 'pino'

export type { Logger }

export interface LogOptions {
  /** Readable lines (pino-pretty) rather than JSON; default: when stdout is a terminal and LOG_FORMAT is not `json`. */
  isPretty?: boolean
  /** `debug`, `info` (default, or LOG_LEVEL), `warn`, `error`, `silent`. */
  level?: string
  /** Where the lines go instead of stdout (tests). */
  destination?: DestinationStream
}

export function createLogger({ isPretty, level, destination }: LogOptions = {}): Logger {
  const pretty = !destination && (isPretty ?? (process.stdout.isTTY === true && process.env.LOG_FORMAT !== 'json'))
  const options = { level: level ?? process.env.LOG_LEVEL ?? 'info', base: { service: 'loket' }, timestamp: pino.stdTimeFunctions.isoTime }
  if (pretty) return pino({ ...options, transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,service' } } })
  return destination ? pino(options, destination) : pino(options)
}

/** Errors only, as JSON lines on stderr: what an app without a log of its own still tells (tests, tools). */
export const errorsOnStderr = (): Logger => pino({ level: 'error', base: { service: 'loket' }, timestamp: pino.stdTimeFunctions.isoTime }, pino.destination(2))
