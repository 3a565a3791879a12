/**
 * Consented access and extra support: remote-view sessions opened with the customer's code, backup
 * requests the customer's admin decides on, temporary access grants the admin gives and revokes,
 * and extra support outside business hours. Every step is written to the audit log; the steps on
 * an incident appear on its timeline from there.
 */
import { randomUUID } from 'node:crypto'
import { Hono, type Context } from 'hono'
import {
  BACKUP_MOVES, BACKUP_PURGE_DAYS, BackupInput, DecisionInput, ExtraSupportInput, GRANT_MAX_DAYS, GrantInput, REMOTE_VIEW_CODE_MINUTES, REMOTE_VIEW_MAX_SIGNALS,
  RemoteViewCodeInput, RemoteViewSignalInput, VersionInput, codeRefusal, earliestExtraSupportStart, extraSupportRefusal, isBilledAfterwards, isGrantActive,
  isGrantEndAllowed, isRemoteViewLive, latestGrantEnd, purgeDateOf, remoteViewState,
} from '../domain/consent.ts'
import { hashToken, newSixDigitCode, newToken } from '../auth/tokens.ts'
import { mayFile } from '../domain/incident.ts'
import type {
  AccessGrant, BackupRequest, BackupStatus, ConsentKind, ConsentRecord, Contact, ExtraSupportRequest, Incident, RemoteView,
} from '../domain/records.ts'
import { contactMaySee } from '../domain/visibility.ts'
import type { Deps } from '../deps.ts'
import { MESSAGES, apiError, requestLanguage } from '../http/errors.ts'
import { moment } from '../mail/templates.ts'
import { jsonBody, requireJson } from '../middleware/json-body/index.ts'
import { clientAddress } from '../middleware/rate-limit/index.ts'
import { requireStaff, type SessionEnv, type Viewer } from '../middleware/session/index.ts'
import { VersionConflictError } from '../store/store.ts'
import { actorsOf } from './actors.ts'

const KINDS: readonly ConsentKind[] = ['remote_view', 'backup', 'grant', 'extra_support']
/** Audit actions whose target is an incident and that its timeline shows, to both sides. */
export const TIMELINE_ACTIONS = /^(remote_view|backup|grant)\./

type Signed = Exclude<Viewer, { kind: 'anonymous' }>
type Contacts = Extract<Viewer, { kind: 'contact' }>

export const consents = (deps: Deps) => {
  const now = () => deps.clock()
  const refOf = (viewer: Signed) => (viewer.kind === 'staff' ? `staff:${viewer.staff.id}` : `contact:${viewer.contact.id}`)

  /** One audit entry per step; those on an incident are its timeline's consent entries. */
  const audit = (actor: string, action: string, record: ConsentRecord, details: Record<string, unknown> = {}) =>
    deps.store.audit.append({
      id: randomUUID(), at: now().toISOString(), actor, action,
      target: 'incidentId' in record ? `incident:${record.incidentId}` : `organisation:${record.organisationId}`,
      details: { consentId: record.id, ...details },
    })

  /** Whether the signed-in viewer may see this record: staff all, an admin the organisation's, an employee those of their incidents and their own requests. */
  /** Incidents by id, each read once for a request however many records name it. */
  type IncidentCache = Map<string, Promise<Incident | undefined>>
  const incidentIn = (cache: IncidentCache, id: string) => {
    if (!cache.has(id)) cache.set(id, deps.store.incidents.get(id))
    return cache.get(id)!
  }

  async function maySee(viewer: Signed, record: ConsentRecord, incidents: IncidentCache = new Map()): Promise<boolean> {
    if (viewer.kind === 'staff') return true
    const contact = viewer.contact
    if (contact.organisationId !== record.organisationId) return false
    if (contact.role === 'admin') return true
    if (record.kind === 'extra_support') return record.contactId === contact.id
    const found = await incidentIn(incidents, record.incidentId)
    return found !== undefined && contactMaySee(contact, found)
  }

  /** A record as its viewer reads it: names for references, derived states, never a hash, the code only to the requester. */
  async function present(records: ConsentRecord[], viewer: Signed, cache: IncidentCache = new Map()) {
    const refs = records.flatMap((r) => {
      switch (r.kind) {
        case 'remote_view': return [`staff:${r.staffId}`, `contact:${r.contactId}`, r.endedBy ?? '']
        case 'backup': return [r.requestedBy, r.decidedBy ?? '', r.receivedBy ?? '', r.purgedBy ?? '']
        case 'grant': return [r.grantedBy, r.revokedBy ?? '']
        case 'extra_support': return [`contact:${r.contactId}`, r.decidedBy ?? '']
      }
    })
    const actorOf = await actorsOf(deps.store, refs.filter(Boolean), deps.desk.name.nl)
    const actor = (ref: string | null) => (ref === null ? null : actorOf(ref))
    const incidents = new Map<string, Incident | undefined>()
    for (const r of records) if ('incidentId' in r && !incidents.has(r.incidentId)) incidents.set(r.incidentId, await incidentIn(cache, r.incidentId))
    const organisations = new Map<string, string>()
    for (const r of records) if (!organisations.has(r.organisationId)) organisations.set(r.organisationId, (await deps.store.organisations.get(r.organisationId))?.name ?? '')
    const at = now()
    const incidentOf = (id: string) => {
      const incident = incidents.get(id)
      return incident ? { id: incident.id, number: incident.number, subject: incident.subject, status: incident.status } : null
    }
    return records.map((r) => {
      const common = { id: r.id, organisation: { id: r.organisationId, name: organisations.get(r.organisationId) ?? '' }, createdAt: r.createdAt, updatedAt: r.updatedAt, version: r.version }
      switch (r.kind) {
        case 'remote_view': {
          const state = remoteViewState(r, at)
          const isRequester = viewer.kind === 'contact' && viewer.contact.id === r.contactId
          return {
            ...common, kind: r.kind, incident: incidentOf(r.incidentId), staff: actorOf(`staff:${r.staffId}`), contact: actorOf(`contact:${r.contactId}`),
            state, codeExpiresAt: r.codeExpiresAt, consentedAt: r.consentedAt, endedAt: r.endedAt,
            // The page that consented speaks for the requester.
            endedBy: actor(r.endedBy === 'customer' ? `contact:${r.contactId}` : r.endedBy),
            /** Only the requester reads the code, and only while it can be used. */
            code: isRequester && state === 'waiting' ? r.code : null,
          }
        }
        case 'backup': {
          const incident = incidents.get(r.incidentId)
          const purge = incident && r.status !== 'declined' && r.status !== 'purged' ? purgeDateOf(incident) : null
          return {
            ...common, kind: r.kind, incident: incidentOf(r.incidentId), status: r.status, reason: r.reason, requestedBy: actorOf(r.requestedBy),
            decidedBy: actor(r.decidedBy), decidedAt: r.decidedAt, decisionNote: r.decisionNote,
            receivedBy: actor(r.receivedBy), receivedAt: r.receivedAt, purgedBy: actor(r.purgedBy), purgedAt: r.purgedAt,
            /** When the backup must be gone: 30 days after the incident closed; null while it is open. */
            purgeDate: purge?.toISOString() ?? null,
            isPurgeDue: purge !== null && r.status === 'received' && at >= purge,
          }
        }
        case 'grant':
          return {
            ...common, kind: r.kind, incident: incidentOf(r.incidentId), level: r.level, grantedBy: actorOf(r.grantedBy), endsAt: r.endsAt,
            revokedAt: r.revokedAt, revokedBy: actor(r.revokedBy), isActive: isGrantActive(r, at),
          }
        case 'extra_support':
          return {
            ...common, kind: r.kind, contact: actorOf(`contact:${r.contactId}`), startsAt: r.startsAt, endsAt: r.endsAt, reason: r.reason, status: r.status,
            isBilled: r.isBilled, decidedBy: actor(r.decidedBy), decidedAt: r.decidedAt, decisionNote: r.decisionNote,
          }
      }
    })
  }
  const presentOne = async (record: ConsentRecord, viewer: Signed) => (await present([record], viewer))[0]

  /** The record of `kind` with this id if the viewer may see it; anything else reads as not found. */
  async function find<K extends ConsentKind>(c: Context<SessionEnv>, kind: K, id: string): Promise<Extract<ConsentRecord, { kind: K }> | undefined> {
    const viewer = c.get('viewer')
    const record = await deps.store.consents.get(id)
    if (!record || record.kind !== kind || viewer.kind === 'anonymous' || !(await maySee(viewer, record))) return undefined
    return record as Extract<ConsentRecord, { kind: K }>
  }

  /** Applies a change against the version the caller saw; 409 with the current state when someone was first. */
  async function change<T extends ConsentRecord>(c: Context<SessionEnv>, record: T, version: number, apply: (current: T) => T): Promise<T | Response> {
    try {
      return await deps.store.consents.update<T>(record.id, version, apply)
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error
      const viewer = c.get('viewer') as Signed
      return c.json({ code: 'version_conflict', message: MESSAGES.consentConflict[requestLanguage(c)], current: await presentOne(error.current as T, viewer) }, 409)
    }
  }

  /** The incident a staff member starts something on: it must be registered and not closed. */
  async function openIncident(c: Context<SessionEnv>): Promise<Incident | Response> {
    const incident = await deps.store.incidents.get(c.req.param('id') ?? '')
    if (!incident) return apiError(c, 404, 'not_found', MESSAGES.incidentNotFound)
    if (incident.status === 'awaiting_confirmation' || incident.status === 'closed') return apiError(c, 422, 'incident_not_open', MESSAGES.incidentNotOpen)
    return incident
  }

  /** The record of `kind` this request names, and the signed-in admin of its organisation who acts on it; or the refusal to send. */
  async function forAdmin<K extends 'backup' | 'grant'>(c: Context<SessionEnv>, kind: K): Promise<{ record: Extract<ConsentRecord, { kind: K }>; admin: Contacts['contact'] } | Response> {
    const record = await find(c, kind, c.req.param('id') ?? '')
    if (!record) return c.get('viewer').kind === 'anonymous' ? apiError(c, 401, 'sign_in_required', MESSAGES.signInRequired) : apiError(c, 404, 'not_found', MESSAGES.consentNotFound)
    const admin = adminOf(c, (record as ConsentRecord).organisationId)
    return admin instanceof Response ? admin : { record, admin }
  }

  /** The signed-in admin of the organisation, or the refusal to send. */
  function adminOf(c: Context<SessionEnv>, organisationId: string): Contacts['contact'] | Response {
    const viewer = c.get('viewer')
    if (viewer.kind === 'anonymous') return apiError(c, 401, 'sign_in_required', MESSAGES.signInRequired)
    if (viewer.kind !== 'contact') return apiError(c, 403, 'contacts_only', MESSAGES.contactsOnly)
    if (viewer.contact.organisationId !== organisationId) return apiError(c, 404, 'not_found', MESSAGES.consentNotFound)
    if (viewer.contact.role !== 'admin') return apiError(c, 403, 'admin_only', MESSAGES.adminOnly)
    return viewer.contact
  }

  // ── Remote view ────────────────────────────────────────────────────────────────────────────

  /** The session whose code this is (the newest, should an old one share it), or undefined. */
  async function byCode(code: string): Promise<RemoteView | undefined> {
    const hash = hashToken(code)
    const found = (await deps.store.consents.list({ kind: 'remote_view' })).filter((r): r is RemoteView => r.kind === 'remote_view' && r.codeHash === hash)
    return found.at(-1)
  }

  /**
   * The session a code opens, or the refusal: 429 once the address tried 5 wrong codes in 10
   * minutes (whatever it tries next), 404 for an unknown code (counted), 410 for a used or expired one.
   */
  async function sessionForCode(c: Context, code: string): Promise<RemoteView | Response> {
    const limiter = deps.limits.remoteViewWrongCodesPerAddress
    const key = `remote-view:${clientAddress(c)}`
    const wait = await limiter.wait(key)
    if (wait > 0) {
      c.header('Retry-After', String(wait))
      return apiError(c, 429, 'too_many_wrong_codes', MESSAGES.codeTriesExceeded)
    }
    const view = await byCode(code)
    if (!view) {
      await limiter.hit(key)
      return apiError(c, 404, 'code_unknown', MESSAGES.codeUnknown)
    }
    const refusal = codeRefusal(view, now())
    if (refusal) return apiError(c, 410, refusal, refusal === 'code_used' ? MESSAGES.codeUsed : MESSAGES.codeExpired)
    return view
  }

  /** What the customer's page is shown before consenting: who looks along, for which incident. */
  async function preview(view: RemoteView) {
    const [staff, incident, organisation] = await Promise.all([
      deps.store.staff.get(view.staffId), deps.store.incidents.get(view.incidentId), deps.store.organisations.get(view.organisationId),
    ])
    return {
      id: view.id, staff: { name: staff?.name ?? deps.desk.name.nl }, organisation: { name: organisation?.name ?? '' },
      incident: { number: incident?.number ?? '', subject: incident?.subject ?? '' }, codeExpiresAt: view.codeExpiresAt,
    }
  }

  /** Who speaks for a session: a staff member (any; the console is theirs) or the page that consented, by its bearer token. */
  async function sideOf(c: Context<SessionEnv>, view: RemoteView): Promise<'staff' | 'customer' | undefined> {
    if (c.get('viewer').kind === 'staff') return 'staff'
    const token = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1]
    return token && view.customerTokenHash !== null && hashToken(token) === view.customerTokenHash ? 'customer' : undefined
  }

  /** The remote view of the path for one of its sides; anyone else gets a 404 as for a missing one. */
  async function remoteViewFor(c: Context<SessionEnv>): Promise<{ view: RemoteView; side: 'staff' | 'customer' } | Response> {
    const record = await deps.store.consents.get(c.req.param('id') ?? '')
    const side = record?.kind === 'remote_view' ? await sideOf(c, record) : undefined
    if (!record || record.kind !== 'remote_view' || !side) {
      const hasToken = c.req.header('authorization') !== undefined
      return hasToken ? apiError(c, 401, 'remote_view_token_invalid', MESSAGES.remoteViewTokenInvalid) : apiError(c, 404, 'not_found', MESSAGES.consentNotFound)
    }
    return { view: record, side }
  }

  const sessionOf = async (view: RemoteView, side: 'staff' | 'customer') => ({
    ...(await preview(view)), state: remoteViewState(view, now()), side, consentedAt: view.consentedAt, endedAt: view.endedAt,
    endedBy: view.endedBy === null ? null : view.endedBy === 'customer' ? 'customer' : 'staff', lastSignal: view.signals.at(-1)?.seq ?? 0,
  })

  /** Staff record that the backup arrived, or that it was purged. */
  async function backupStep(c: Context<SessionEnv>, to: 'received' | 'purged', version: number) {
    const backup = await find(c, 'backup', c.req.param('id') ?? '')
    if (!backup) return apiError(c, 404, 'not_found', MESSAGES.consentNotFound)
    if (!BACKUP_MOVES[backup.status].includes(to)) return apiError(c, 409, 'move_refused', MESSAGES.moveRefused, [{ path: 'status', message: `a backup that is ${backup.status} cannot become ${to}` }])
    const viewer = c.get('viewer') as Extract<Viewer, { kind: 'staff' }>
    const at = now().toISOString()
    const by = `staff:${viewer.staff.id}`
    const moved = await change(c, backup, version, (b) => ({ ...b, status: to, ...(to === 'received' ? { receivedAt: at, receivedBy: by } : { purgedAt: at, purgedBy: by }), updatedAt: at }))
    if (moved instanceof Response) return moved
    await audit(by, `backup.${to}`, moved)
    return c.json({ backup: await presentOne(moved, viewer) })
  }

  return new Hono<SessionEnv>()
    .use('*', async (c, next) => {
      await next()
      c.header('Cache-Control', 'private, no-store')
    })
    .get('/consents', async (c) => {
      const viewer = c.get('viewer')
      if (viewer.kind === 'anonymous') return apiError(c, 401, 'sign_in_required', MESSAGES.signInRequired)
      const kind = c.req.query('kind')
      if (kind !== undefined && !(KINDS as readonly string[]).includes(kind)) {
        return apiError(c, 400, 'invalid_input', MESSAGES.invalidInput, [{ path: 'kind', message: `one of: ${KINDS.join(', ')}` }])
      }
      const organisationId = viewer.kind === 'contact' ? viewer.contact.organisationId : c.req.query('organisationId')
      const filter = { ...(kind ? { kind: kind as ConsentKind } : {}), ...(organisationId ? { organisationId } : {}), ...(c.req.query('incidentId') ? { incidentId: c.req.query('incidentId') } : {}) }
      const all = await deps.store.consents.list(filter)
      const cache: IncidentCache = new Map()
      const seen: ConsentRecord[] = []
      for (const record of all) if (await maySee(viewer, record, cache)) seen.push(record)
      return c.json({ consents: await present(seen.reverse(), viewer, cache) })
    })

    .post('/incidents/:id/remote-views', requireStaff, async (c) => {
      const viewer = c.get('viewer') as Extract<Viewer, { kind: 'staff' }>
      const incident = await openIncident(c)
      if (incident instanceof Response) return incident
      const at = now()
      const running = (await deps.store.consents.list({ kind: 'remote_view', incidentId: incident.id }))
        .find((r) => r.kind === 'remote_view' && isRemoteViewLive(r, at))
      if (running) return c.json({ code: 'remote_view_active', message: MESSAGES.remoteViewActive[requestLanguage(c)], current: await presentOne(running, viewer) }, 409)
      const contact = await deps.store.contacts.get(incident.contactId)
      if (!contact?.isActive) return apiError(c, 422, 'incident_not_open', MESSAGES.incidentNotOpen)
      // A code unlike every other that still works, so a code opens exactly one session.
      let code = newSixDigitCode()
      for (let holder = await byCode(code); holder && codeRefusal(holder, at) === undefined; holder = await byCode(code)) code = newSixDigitCode()
      const view = await deps.store.consents.create<RemoteView>({
        kind: 'remote_view', id: randomUUID(), organisationId: incident.organisationId, incidentId: incident.id, staffId: viewer.staff.id, contactId: contact.id,
        codeHash: hashToken(code), code, codeExpiresAt: new Date(at.getTime() + REMOTE_VIEW_CODE_MINUTES * 60_000).toISOString(), status: 'waiting',
        consentedAt: null, customerTokenHash: null, endedAt: null, endedBy: null, signals: [], createdAt: at.toISOString(), updatedAt: at.toISOString(),
      })
      await audit(`staff:${viewer.staff.id}`, 'remote_view.started', view)
      await deps.notifier.remoteViewCode({ view, incident, contact, staffName: viewer.staff.name, code, minutes: REMOTE_VIEW_CODE_MINUTES })
      return c.json({ remoteView: await presentOne(view, viewer) }, 201)
    })
    .post('/remote-views/lookup', requireJson, jsonBody(RemoteViewCodeInput), async (c) => {
      const view = await sessionForCode(c, c.req.valid('json').code)
      if (view instanceof Response) return view
      return c.json({ remoteView: await preview(view) })
    })
    .post('/remote-views/consent', requireJson, jsonBody(RemoteViewCodeInput), async (c) => {
      const view = await sessionForCode(c, c.req.valid('json').code)
      if (view instanceof Response) return view
      const token = newToken()
      const at = now().toISOString()
      let opened: RemoteView
      try {
        opened = await deps.store.consents.update<RemoteView>(view.id, view.version, (v) => ({
          ...v, status: 'open', consentedAt: at, code: null, customerTokenHash: hashToken(token), updatedAt: at,
        }))
      } catch (error) {
        // Two pages consented with one code at once: the first opened it, the second's code is used.
        if (error instanceof VersionConflictError) return apiError(c, 410, 'code_used', MESSAGES.codeUsed)
        throw error
      }
      await audit(`contact:${view.contactId}`, 'remote_view.consented', opened, { address: clientAddress(c) })
      return c.json({ session: await sessionOf(opened, 'customer'), token })
    })
    .get('/remote-views/:id', async (c) => {
      const found = await remoteViewFor(c)
      if (found instanceof Response) return found
      return c.json({ session: await sessionOf(found.view, found.side) })
    })
    .post('/remote-views/:id/end', async (c) => {
      const found = await remoteViewFor(c)
      if (found instanceof Response) return found
      const { view, side } = found
      const state = remoteViewState(view, now())
      if (state === 'ended' || state === 'expired') return apiError(c, 409, 'remote_view_ended', MESSAGES.remoteViewEnded)
      const by = side === 'customer' ? 'customer' : refOf(c.get('viewer') as Signed)
      const at = now().toISOString()
      let ended: RemoteView
      try {
        ended = await deps.store.consents.update<RemoteView>(view.id, view.version, (v) => ({ ...v, status: 'ended', code: null, endedAt: at, endedBy: by, updatedAt: at }))
      } catch (error) {
        if (!(error instanceof VersionConflictError)) throw error
        const current = error.current as RemoteView
        if (current.status === 'ended') return apiError(c, 409, 'remote_view_ended', MESSAGES.remoteViewEnded)
        ended = await deps.store.consents.update<RemoteView>(view.id, current.version, (v) => ({ ...v, status: 'ended', code: null, endedAt: at, endedBy: by, updatedAt: at }))
      }
      await audit(side === 'customer' ? `contact:${view.contactId}` : by, 'remote_view.ended', ended, { by: side })
      return c.json({ session: await sessionOf(ended, side) })
    })
    .get('/remote-views/:id/signals', async (c) => {
      const found = await remoteViewFor(c)
      if (found instanceof Response) return found
      const after = Number(c.req.query('after') ?? 0)
      if (!Number.isInteger(after) || after < 0) return apiError(c, 400, 'invalid_input', MESSAGES.invalidInput, [{ path: 'after', message: 'a whole number, 0 or more' }])
      // Each side reads what the other sent.
      const signals = found.view.signals.filter((s) => s.seq > after && s.from !== found.side)
      return c.json({ state: remoteViewState(found.view, now()), signals, last: found.view.signals.at(-1)?.seq ?? 0 })
    })
    .post('/remote-views/:id/signals', requireJson, jsonBody(RemoteViewSignalInput), async (c) => {
      const found = await remoteViewFor(c)
      if (found instanceof Response) return found
      const input = c.req.valid('json')
      for (let attempt = 0; ; attempt++) {
        const view = attempt === 0 ? found.view : ((await deps.store.consents.get(found.view.id)) as RemoteView)
        if (remoteViewState(view, now()) !== 'open') return apiError(c, 409, 'remote_view_not_open', MESSAGES.remoteViewNotOpen)
        if (view.signals.length >= REMOTE_VIEW_MAX_SIGNALS) return apiError(c, 409, 'too_many_signals', MESSAGES.tooManySignals)
        const signal = { seq: (view.signals.at(-1)?.seq ?? 0) + 1, from: found.side, type: input.type, data: input.data, at: now().toISOString() }
        try {
          // Both browsers send candidates at once: a lost race is retried on the new version, never dropped.
          await deps.store.consents.update<RemoteView>(view.id, view.version, (v) => ({ ...v, signals: [...v.signals, signal] }))
          return c.json({ signal }, 201)
        } catch (error) {
          if (!(error instanceof VersionConflictError) || attempt >= 20) throw error
        }
      }
    })

    // ── Backup for internal investigation ──────────────────────────────────────────────────────

    .post('/incidents/:id/backups', requireStaff, requireJson, jsonBody(BackupInput), async (c) => {
      const viewer = c.get('viewer') as Extract<Viewer, { kind: 'staff' }>
      const incident = await openIncident(c)
      if (incident instanceof Response) return incident
      const at = now().toISOString()
      const backup = await deps.store.consents.create<BackupRequest>({
        kind: 'backup', id: randomUUID(), organisationId: incident.organisationId, incidentId: incident.id, requestedBy: `staff:${viewer.staff.id}`,
        reason: c.req.valid('json').reason, status: 'requested', decidedBy: null, decidedAt: null, decisionNote: null,
        receivedAt: null, receivedBy: null, purgedAt: null, purgedBy: null, createdAt: at, updatedAt: at,
      })
      await audit(`staff:${viewer.staff.id}`, 'backup.requested', backup)
      const admins = (await deps.store.contacts.listByOrganisation(incident.organisationId)).filter((x) => x.role === 'admin' && x.isActive)
      await Promise.all(admins.map((admin) => deps.notifier.backupRequested({ backup, incident, admin, staffName: viewer.staff.name, purgeDays: BACKUP_PURGE_DAYS })))
      return c.json({ backup: await presentOne(backup, viewer) }, 201)
    })
    .post('/backups/:id/decision', requireJson, jsonBody(DecisionInput), async (c) => {
      const found = await forAdmin(c, 'backup')
      if (found instanceof Response) return found
      const { record: backup, admin } = found
      const { decision, note, version } = c.req.valid('json')
      const to: BackupStatus = decision === 'approve' ? 'approved' : 'declined'
      if (!BACKUP_MOVES[backup.status].includes(to)) return apiError(c, 409, 'move_refused', MESSAGES.moveRefused, [{ path: 'decision', message: `a backup that is ${backup.status} cannot become ${to}` }])
      const at = now().toISOString()
      const by = `contact:${admin.id}`
      const decided = await change(c, backup, version, (b) => ({ ...b, status: to, decidedBy: by, decidedAt: at, decisionNote: note || null, updatedAt: at }))
      if (decided instanceof Response) return decided
      await audit(by, `backup.${to}`, decided, note ? { note } : {})
      return c.json({ backup: await presentOne(decided, c.get('viewer') as Signed) })
    })
    .post('/backups/:id/received', requireStaff, requireJson, jsonBody(VersionInput), (c) => backupStep(c, 'received', c.req.valid('json').version))
    .post('/backups/:id/purged', requireStaff, requireJson, jsonBody(VersionInput), (c) => backupStep(c, 'purged', c.req.valid('json').version))

    // ── Temporary access grant ─────────────────────────────────────────────────────────────────

    .post('/incidents/:id/grants', requireJson, jsonBody(GrantInput), async (c) => {
      const viewer = c.get('viewer')
      if (viewer.kind === 'anonymous') return apiError(c, 401, 'sign_in_required', MESSAGES.signInRequired)
      if (viewer.kind !== 'contact') return apiError(c, 403, 'contacts_only', MESSAGES.contactsOnly)
      const incident = await deps.store.incidents.get(c.req.param('id'))
      if (!incident || !contactMaySee(viewer.contact, incident)) return apiError(c, 404, 'not_found', MESSAGES.incidentNotFound)
      const admin = adminOf(c, incident.organisationId)
      if (admin instanceof Response) return admin
      if (incident.status === 'awaiting_confirmation' || incident.status === 'closed') return apiError(c, 422, 'incident_not_open', MESSAGES.incidentNotOpen)
      const { level, endsAt } = c.req.valid('json')
      const at = now()
      if (!isGrantEndAllowed(endsAt, at)) {
        return apiError(c, 422, 'grant_end_out_of_range', MESSAGES.grantTooLong, [{ path: 'endsAt', message: `after now and at most ${GRANT_MAX_DAYS} days ahead (${latestGrantEnd(at).toISOString()})` }])
      }
      const grant = await deps.store.consents.create<AccessGrant>({
        kind: 'grant', id: randomUUID(), organisationId: incident.organisationId, incidentId: incident.id, level, grantedBy: `contact:${admin.id}`,
        endsAt: endsAt.toISOString(), revokedAt: null, revokedBy: null, createdAt: at.toISOString(), updatedAt: at.toISOString(),
      })
      await audit(`contact:${admin.id}`, 'grant.given', grant, { level, endsAt: grant.endsAt })
      return c.json({ grant: await presentOne(grant, viewer) }, 201)
    })
    .post('/grants/:id/revoke', requireJson, jsonBody(VersionInput), async (c) => {
      const found = await forAdmin(c, 'grant')
      if (found instanceof Response) return found
      const { record: grant, admin } = found
      if (!isGrantActive(grant, now())) return apiError(c, 409, 'grant_inactive', MESSAGES.grantInactive)
      const at = now().toISOString()
      const revoked = await change(c, grant, c.req.valid('json').version, (g) => ({ ...g, revokedAt: at, revokedBy: `contact:${admin.id}`, updatedAt: at }))
      if (revoked instanceof Response) return revoked
      await audit(`contact:${admin.id}`, 'grant.revoked', revoked)
      return c.json({ grant: await presentOne(revoked, c.get('viewer') as Signed) })
    })
    // Every use is checked here, against the clock of this request: an ended or revoked grant lets nobody in.
    .post('/grants/:id/use', requireStaff, async (c) => {
      const grant = await find(c, 'grant', c.req.param('id'))
      if (!grant) return apiError(c, 404, 'not_found', MESSAGES.consentNotFound)
      const viewer = c.get('viewer') as Extract<Viewer, { kind: 'staff' }>
      if (!isGrantActive(grant, now())) {
        await audit(`staff:${viewer.staff.id}`, 'grant.use_refused', grant)
        return c.json({ code: 'grant_inactive', message: MESSAGES.grantInactive[requestLanguage(c)], grant: await presentOne(grant, viewer) }, 410)
      }
      await audit(`staff:${viewer.staff.id}`, 'grant.used', grant, { level: grant.level })
      return c.json({ grant: await presentOne(grant, viewer) })
    })

    // ── Extra support outside business hours ───────────────────────────────────────────────────

    .post('/extra-support', requireJson, jsonBody(ExtraSupportInput), async (c) => {
      const viewer = c.get('viewer')
      if (viewer.kind === 'anonymous') return apiError(c, 401, 'sign_in_required', MESSAGES.signInRequired)
      if (viewer.kind !== 'contact') return apiError(c, 403, 'contacts_only', MESSAGES.contactsOnly)
      if (!mayFile(viewer.contact)) return apiError(c, 403, 'not_authorised', MESSAGES.notAuthorised)
      const { startsAt, endsAt, reason } = c.req.valid('json')
      const at = now()
      const refusal = extraSupportRefusal({ startsAt, endsAt }, at, deps.calendar)
      if (refusal === 'too_soon') {
        const earliest = earliestExtraSupportStart(at)
        const when = (lang: 'nl' | 'en') => moment(earliest, deps.desk.timeZone, lang)
        return c.json({
          code: 'too_soon',
          message: requestLanguage(c) === 'en'
            ? `Extra support is requested at least 5 days ahead. The earliest start you can ask for now is ${when('en')}.`
            : `Extra ondersteuning vraagt u minstens 5 dagen van tevoren aan. De vroegste start die u nu kunt aanvragen is ${when('nl')}.`,
          fields: [{ path: 'startsAt', message: `at or after ${earliest.toISOString()}` }],
          earliestStart: earliest.toISOString(),
        }, 422)
      }
      if (refusal === 'window_too_long') return apiError(c, 422, refusal, MESSAGES.extraSupportTooLong, [{ path: 'endsAt', message: 'at most 72 hours after startsAt' }])
      if (refusal === 'within_business_hours') return apiError(c, 422, refusal, MESSAGES.extraSupportWithinHours, [{ path: 'startsAt', message: 'the window lies wholly within business hours' }])
      const organisation = await deps.store.organisations.get(viewer.contact.organisationId)
      const request = await deps.store.consents.create<ExtraSupportRequest>({
        kind: 'extra_support', id: randomUUID(), organisationId: viewer.contact.organisationId, contactId: viewer.contact.id,
        startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), reason, status: 'requested', isBilled: isBilledAfterwards(organisation),
        decidedBy: null, decidedAt: null, decisionNote: null, createdAt: at.toISOString(), updatedAt: at.toISOString(),
      })
      await audit(`contact:${viewer.contact.id}`, 'extra_support.requested', request, { startsAt: request.startsAt, endsAt: request.endsAt })
      return c.json({ extraSupport: await presentOne(request, viewer) }, 201)
    })
    .post('/extra-support/:id/decision', requireStaff, requireJson, jsonBody(DecisionInput), async (c) => {
      const request = await find(c, 'extra_support', c.req.param('id'))
      if (!request) return apiError(c, 404, 'not_found', MESSAGES.consentNotFound)
      const { decision, note, version } = c.req.valid('json')
      if (request.status !== 'requested') return apiError(c, 409, 'move_refused', MESSAGES.moveRefused, [{ path: 'decision', message: `the request is ${request.status} already` }])
      const viewer = c.get('viewer') as Extract<Viewer, { kind: 'staff' }>
      const at = now().toISOString()
      const status = decision === 'approve' ? 'approved' as const : 'declined' as const
      const decided = await change(c, request, version, (r) => ({ ...r, status, decidedBy: `staff:${viewer.staff.id}`, decidedAt: at, decisionNote: note || null, updatedAt: at }))
      if (decided instanceof Response) return decided
      await audit(`staff:${viewer.staff.id}`, `extra_support.${status}`, decided, note ? { note } : {})
      const contact: Contact | undefined = await deps.store.contacts.get(decided.contactId)
      if (contact) await deps.notifier.extraSupportDecided({ request: decided, contact })
      return c.json({ extraSupport: await presentOne(decided, viewer) })
    })
}
