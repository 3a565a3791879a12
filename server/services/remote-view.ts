/** Remote view: support starts a session, the customer looks it up and consents with the code, both sides relay the handshake and either ends it. */
import { randomUUID } from 'node:crypto'
import { hashToken, newSixDigitCode, newToken } from '../auth/tokens.ts'
import { REMOTE_VIEW_CODE_MINUTES, REMOTE_VIEW_MAX_SIGNALS, codeRefusal, isRemoteViewLive, remoteViewState } from '../domain/consent.ts'
import type { RemoteView, RemoteViewSignal, Staff } from '../domain/records.ts'
import type { Viewer } from '../middleware/session/index.ts'
import { remoteViewPolicy, type RemoteViewSide } from '../policies/remote-view.ts'
import { VersionConflictError } from '../store/store.ts'
import { audit, openIncident, type ConsentDeps, type Outcome } from './consents.ts'

/** The session whose code this is (the newest, should an old one share it), or undefined. */
async function byCode(deps: Pick<ConsentDeps, 'store'>, code: string): Promise<RemoteView | undefined> {
  const hash = hashToken(code)
  const found = (await deps.store.consents.list({ kind: 'remote_view' })).filter((r): r is RemoteView => r.kind === 'remote_view' && r.codeHash === hash)
  return found.at(-1)
}

/**
 * Starts a session on an open incident: a personal code, unlike every other that still works,
 * mailed to the incident's requester. One live session per incident.
 */
export async function startRemoteView(deps: ConsentDeps, staff: Staff, incidentId: string): Promise<Outcome<RemoteView>> {
  const incident = await openIncident(deps, incidentId)
  if ('refused' in incident) return incident
  const at = deps.clock()
  const running = (await deps.store.consents.list({ kind: 'remote_view', incidentId: incident.id }))
    .find((r) => r.kind === 'remote_view' && isRemoteViewLive(r, at))
  if (running) return { refused: 'remote_view_active', current: running }
  const contact = await deps.store.contacts.get(incident.contactId)
  if (!contact?.isActive) return { refused: 'incident_not_open' }
  // A code unlike every other that still works, so a code opens exactly one session.
  let code = newSixDigitCode()
  for (let holder = await byCode(deps, code); holder && codeRefusal(holder, at) === undefined; holder = await byCode(deps, code)) code = newSixDigitCode()
  const view = await deps.store.consents.create<RemoteView>({
    kind: 'remote_view', id: randomUUID(), organisationId: incident.organisationId, incidentId: incident.id, staffId: staff.id, contactId: contact.id,
    codeHash: hashToken(code), code, codeExpiresAt: new Date(at.getTime() + REMOTE_VIEW_CODE_MINUTES * 60_000).toISOString(), status: 'waiting',
    consentedAt: null, customerTokenHash: null, endedAt: null, endedBy: null, signals: [], createdAt: at.toISOString(), updatedAt: at.toISOString(),
  })
  await audit(deps, `staff:${staff.id}`, 'remote_view.started', view)
  await deps.notifier.remoteViewCode({ view, incident, contact, staffName: staff.name, code, minutes: REMOTE_VIEW_CODE_MINUTES })
  return view
}

/**
 * The session a code opens, or the refusal: too many wrong codes from `address` in the window
 * (whatever it tries next), an unknown code (counted against the address), a used or expired one.
 */
export async function sessionForCode(deps: ConsentDeps, code: string, address: string): Promise<Outcome<RemoteView>> {
  const limiter = deps.limits.remoteViewWrongCodesPerAddress
  const key = `remote-view:${address}`
  const wait = await limiter.wait(key)
  if (wait > 0) return { refused: 'too_many_wrong_codes', retryAfterSeconds: wait }
  const view = await byCode(deps, code)
  if (!view) {
    await limiter.hit(key)
    return { refused: 'code_unknown' }
  }
  const refusal = codeRefusal(view, deps.clock())
  return refusal ? { refused: refusal } : view
}

/** The customer consents with the code: the session opens, and the page gets the token it signals and ends with. */
export async function consentToRemoteView(deps: ConsentDeps, code: string, address: string): Promise<Outcome<{ view: RemoteView; token: string }>> {
  const view = await sessionForCode(deps, code, address)
  if ('refused' in view) return view
  const token = newToken()
  const at = deps.clock().toISOString()
  let opened: RemoteView
  try {
    opened = await deps.store.consents.update<RemoteView>(view.id, view.version, (v) => ({
      ...v, status: 'open', consentedAt: at, code: null, customerTokenHash: hashToken(token), updatedAt: at,
    }))
  } catch (error) {
    // Two pages consented with one code at once: the first opened it, the second's code is used.
    if (error instanceof VersionConflictError) return { refused: 'code_used' }
    throw error
  }
  await audit(deps, `contact:${view.contactId}`, 'remote_view.consented', opened, { address })
  return { view: opened, token }
}

/** The session `id` for one of its sides, by the viewer or the bearer token the request carries; anyone else gets a refusal as for a missing one. */
export async function remoteViewFor(deps: ConsentDeps, id: string, viewer: Viewer, bearer: { isPresent: boolean; token: string | undefined }): Promise<Outcome<{ view: RemoteView; side: RemoteViewSide }>> {
  const record = await deps.store.consents.get(id)
  const side = record?.kind === 'remote_view' ? remoteViewPolicy.sideOf(viewer, record, bearer.token === undefined ? undefined : hashToken(bearer.token)) : undefined
  if (!record || record.kind !== 'remote_view' || !side) return { refused: bearer.isPresent ? 'remote_view_token_invalid' : 'not_found' }
  return { view: record, side }
}

/** Ends a session from either side; ending one that ended meanwhile is refused, a change that raced is retried. */
export async function endRemoteView(deps: ConsentDeps, view: RemoteView, side: RemoteViewSide, viewer: Viewer): Promise<Outcome<RemoteView>> {
  const state = remoteViewState(view, deps.clock())
  if (state === 'ended' || state === 'expired') return { refused: 'remote_view_ended' }
  const by = side === 'customer' || viewer.kind !== 'staff' ? 'customer' : `staff:${viewer.staff.id}`
  const at = deps.clock().toISOString()
  const end = (v: RemoteView): RemoteView => ({ ...v, status: 'ended', code: null, endedAt: at, endedBy: by, updatedAt: at })
  let ended: RemoteView
  try {
    ended = await deps.store.consents.update<RemoteView>(view.id, view.version, end)
  } catch (error) {
    if (!(error instanceof VersionConflictError)) throw error
    const current = error.current as RemoteView
    if (current.status === 'ended') return { refused: 'remote_view_ended' }
    ended = await deps.store.consents.update<RemoteView>(view.id, current.version, end)
  }
  await audit(deps, side === 'customer' ? `contact:${view.contactId}` : by, 'remote_view.ended', ended, { by: side })
  return ended
}

/** The handshake messages the other side sent after `after`, with the session's state and the last message's number. */
export function signalsFor(deps: Pick<ConsentDeps, 'clock'>, view: RemoteView, side: RemoteViewSide, after: number) {
  // Each side reads what the other sent.
  const signals = view.signals.filter((s) => s.seq > after && s.from !== side)
  return { state: remoteViewState(view, deps.clock()), signals, last: view.signals.at(-1)?.seq ?? 0 }
}

/** Relays one handshake message from `side` of an open session. */
export async function sendSignal(deps: ConsentDeps, found: { view: RemoteView; side: RemoteViewSide }, input: Pick<RemoteViewSignal, 'type' | 'data'>): Promise<Outcome<RemoteViewSignal>> {
  for (let attempt = 0; ; attempt++) {
    const view = attempt === 0 ? found.view : ((await deps.store.consents.get(found.view.id)) as RemoteView)
    if (remoteViewState(view, deps.clock()) !== 'open') return { refused: 'remote_view_not_open' }
    if (view.signals.length >= REMOTE_VIEW_MAX_SIGNALS) return { refused: 'too_many_signals' }
    const signal: RemoteViewSignal = { seq: (view.signals.at(-1)?.seq ?? 0) + 1, from: found.side, type: input.type, data: input.data, at: deps.clock().toISOString() }
    try {
      // Both browsers send candidates at once: a lost race is retried on the new version, never dropped.
      await deps.store.consents.update<RemoteView>(view.id, view.version, (v) => ({ ...v, signals: [...v.signals, signal] }))
      return signal
    } catch (error) {
      if (!(error instanceof VersionConflictError) || attempt >= 20) throw error
    }
  }
}
