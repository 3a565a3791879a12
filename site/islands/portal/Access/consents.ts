/** The access page's records as the API lists them, and what an action's refusal means on this page. */
import { format } from '#lib/format.ts'
import type { PortalStrings } from '../../../i18n/index.ts'
import { ApiFailure, call, messageOf, type PortalApi, type Success } from '../../lib/api.ts'
import type { Result } from '../../lib/ResultMessage.tsx'

export type Consent = Success<Awaited<ReturnType<PortalApi['consents']['$get']>>>['consents'][number]
// The API's kinds share one `kind` type, so each is picked out by a field only it has.
export type Grant = Extract<Consent, { level: unknown }>
export type Backup = Extract<Consent, { isPurgeDue: unknown }>
export type ExtraSupport = Extract<Consent, { isBilled: unknown }>
export type Incident = Success<Awaited<ReturnType<PortalApi['incidents']['$get']>>>['incidents'][number]

export const isGrant = (c: Consent): c is Grant => c.kind === 'grant'
export const isBackup = (c: Consent): c is Backup => c.kind === 'backup'
export const isExtraSupport = (c: Consent): c is ExtraSupport => c.kind === 'extra_support'

/** A refusal because someone changed the record first, with the record as it now stands. */
class Stale extends Error {
  constructor(message: string, readonly current: Consent) {
    super(message)
  }
}

/**
 * The JSON of a decision or revocation. A 409 that carries the record as it now stands becomes a
 * Stale (the typed client knows only the error part of it); anything else fails as `call` says.
 */
export async function acted<T>(request: Promise<Response>, strings: PortalStrings): Promise<T> {
  const res = await request.catch(() => undefined)
  if (!res) throw new ApiFailure(0, 'network', strings.network)
  if (res.status === 409) {
    const body = (await res.clone().json().catch(() => undefined)) as { message?: string; current?: Consent } | undefined
    if (body?.message && body.current) throw new Stale(body.message, body.current)
  }
  return (await call(Promise.resolve(res), strings)) as T
}

/** What a section does with an action's answer, or with the news that someone else was first. */
export interface Reactions {
  /** An action's answer: the record as it now stands. */
  onActed: (record: Consent) => void
  /** Someone else changed things first and the answer did not say how: read everything again. */
  onStale: () => Promise<void>
}

/**
 * What to say when an action was refused: for a stale record, the server's message and where the
 * record now stands (shown in its row at once); for a refused move, the server's message after
 * reading the list again; otherwise the message.
 */
export async function refusal(failure: unknown, strings: PortalStrings, words: (current: Consent) => string, reactions: Reactions): Promise<Result> {
  if (failure instanceof Stale) {
    reactions.onActed(failure.current)
    return { kind: 'error', text: format(strings['access.conflict'], { message: failure.message, status: words(failure.current) }) }
  }
  if (failure instanceof ApiFailure && failure.status === 409) await reactions.onStale()
  return { kind: 'error', text: messageOf(failure, strings) }
}
