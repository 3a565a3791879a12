/** Consent records as their viewers read them: the reply schemas, and the presenters that fill them. */
import { z } from 'zod'
import { BACKUP_PURGE_DAYS, isGrantActive, purgeDateOf, remoteViewState } from '../domain/consent.ts'
import { ACCESS_LEVELS, BACKUP_STATUSES, EXTRA_SUPPORT_STATUSES, INCIDENT_STATUSES, type ConsentRecord, type Incident, type RemoteView } from '../domain/records.ts'
import type { Deps } from '../deps.ts'
import type { Viewer } from '../middleware/session/index.ts'
import { ActorReply } from './actor.ts'
import { actorsOf } from '../services/actors.ts'

/** An instant as the records keep it (ISO 8601, UTC); replies are not parsed, so the format is enough. */
const instant = z.string().meta({ format: 'date-time' })
const nullableInstant = instant.nullable()

/** The incident a record is on; null when it is gone. */
export const IncidentBriefReply = z.object({
  id: z.string(),
  number: z.string(),
  subject: z.string(),
  status: z.enum(INCIDENT_STATUSES),
}).nullable().meta({ id: 'IncidentBrief', description: 'The incident a record is on.' })

const common = {
  id: z.string(),
  organisation: z.object({ id: z.string(), name: z.string() }),
  createdAt: instant,
  updatedAt: instant,
  version: z.number().int().min(1).meta({ description: 'Send it back with a change: a change made meanwhile gives 409 `version_conflict`.' }),
}

const REMOTE_VIEW_STATES = ['waiting', 'open', 'ended', 'expired'] as const

/** A remote-view session as staff and the incident's side of the organisation see it. */
export const RemoteViewReply = z.object({
  ...common,
  kind: z.literal('remote_view'),
  incident: IncidentBriefReply,
  staff: ActorReply,
  contact: ActorReply.meta({ description: 'The requester, who gets the code.' }),
  state: z.enum(REMOTE_VIEW_STATES).meta({ description: '`waiting` for the code, `open` after consent, `ended` by either side, `expired` when the code ran out unused.' }),
  codeExpiresAt: instant,
  consentedAt: nullableInstant,
  endedAt: nullableInstant,
  endedBy: ActorReply.nullable(),
  code: z.string().regex(/^\d{6}$/).nullable().meta({ description: 'Only for the contact it was sent to, and only while `waiting`.' }),
}).meta({ id: 'RemoteView', description: 'A remote-view session as staff and the incident\'s side of the organisation see it.' })

/** A backup request: requested → approved or declined (by the admin) → received → purged (by staff). */
export const BackupReply = z.object({
  ...common,
  kind: z.literal('backup'),
  incident: IncidentBriefReply,
  status: z.enum(BACKUP_STATUSES),
  reason: z.string(),
  requestedBy: ActorReply,
  decidedBy: ActorReply.nullable(),
  decidedAt: nullableInstant,
  decisionNote: z.string().nullable(),
  receivedBy: ActorReply.nullable(),
  receivedAt: nullableInstant,
  purgedBy: ActorReply.nullable(),
  purgedAt: nullableInstant,
  purgeDate: nullableInstant.meta({ description: `${BACKUP_PURGE_DAYS} days after the incident closed; null while it is open, and once declined or purged.` }),
  isPurgeDue: z.boolean().meta({ description: 'Received, and the purge date has come.' }),
}).meta({ id: 'Backup', description: 'A backup request: requested → approved or declined (by the admin) → received → purged (by staff).' })

/** Temporary access to the customer's environment. */
export const GrantReply = z.object({
  ...common,
  kind: z.literal('grant'),
  incident: IncidentBriefReply,
  level: z.enum(ACCESS_LEVELS),
  grantedBy: ActorReply,
  endsAt: instant,
  revokedAt: nullableInstant,
  revokedBy: ActorReply.nullable(),
  isActive: z.boolean().meta({ description: 'Not revoked and before `endsAt`, at the moment of asking.' }),
}).meta({ id: 'Grant', description: 'Temporary access to the customer\'s environment.' })

/** A request for support outside business hours. */
export const ExtraSupportReply = z.object({
  ...common,
  kind: z.literal('extra_support'),
  contact: ActorReply.meta({ description: 'Who asked.' }),
  startsAt: instant,
  endsAt: instant,
  reason: z.string(),
  status: z.enum(EXTRA_SUPPORT_STATUSES),
  isBilled: z.boolean().meta({ description: 'Billed afterwards (nacalculatie): true except for First Class organisations.' }),
  decidedBy: ActorReply.nullable(),
  decidedAt: nullableInstant,
  decisionNote: z.string().nullable(),
}).meta({ id: 'ExtraSupport', description: 'A request for support outside business hours.' })

/** Any consent record, by `kind`. */
export const ConsentReply = z.discriminatedUnion('kind', [RemoteViewReply, BackupReply, GrantReply, ExtraSupportReply])
  .meta({ id: 'Consent', description: 'A remote-view session, a backup request, an access grant or an extra-support request, by `kind`.' })

export type RemoteViewReply = z.infer<typeof RemoteViewReply>
export type BackupReply = z.infer<typeof BackupReply>
export type GrantReply = z.infer<typeof GrantReply>
export type ExtraSupportReply = z.infer<typeof ExtraSupportReply>
export type ConsentReply = z.infer<typeof ConsentReply>

/** The reply for each kind of record. */
type ReplyOf<R extends ConsentRecord> = Extract<ConsentReply, { kind: R['kind'] }>

/** What the presenters read: names of people and organisations, incidents, the clock. */
export type PresentDeps = Pick<Deps, 'store' | 'clock' | 'desk'>

/** Records as their viewer reads them: names for references, derived states, never a hash, the code only to the requester. */
export async function presentConsents(deps: PresentDeps, records: ConsentRecord[], viewer: Viewer, read: (id: string) => Promise<Incident | undefined> = (id) => deps.store.incidents.get(id)): Promise<ConsentReply[]> {
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
  for (const r of records) if ('incidentId' in r && !incidents.has(r.incidentId)) incidents.set(r.incidentId, await read(r.incidentId))
  const organisations = new Map<string, string>()
  for (const r of records) if (!organisations.has(r.organisationId)) organisations.set(r.organisationId, (await deps.store.organisations.get(r.organisationId))?.name ?? '')
  const at = deps.clock()
  const incidentOf = (id: string) => {
    const incident = incidents.get(id)
    return incident ? { id: incident.id, number: incident.number, subject: incident.subject, status: incident.status } : null
  }
  return records.map((r): ConsentReply => {
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

/** One record as its viewer reads it. */
export async function presentConsent<R extends ConsentRecord>(deps: PresentDeps, record: R, viewer: Viewer): Promise<ReplyOf<R>> {
  return (await presentConsents(deps, [record], viewer))[0] as ReplyOf<R>
}

// ── The public remote-view page and both sides of a session ────────────────────────────────────

/** What the public page shows before the customer consents: who looks along, for which incident. */
export const RemoteViewPreviewReply = z.object({
  id: z.string(),
  staff: z.object({ name: z.string() }),
  organisation: z.object({ name: z.string() }),
  incident: z.object({ number: z.string(), subject: z.string() }),
  codeExpiresAt: instant,
}).meta({ id: 'RemoteViewPreview', description: 'What the public page shows before the customer consents.' })

/** A session as one of its sides sees it. */
export const RemoteViewSessionReply = RemoteViewPreviewReply.extend({
  state: z.enum(REMOTE_VIEW_STATES),
  side: z.enum(['staff', 'customer']).meta({ description: 'The side asking.' }),
  consentedAt: nullableInstant,
  endedAt: nullableInstant,
  endedBy: z.enum(['staff', 'customer']).nullable(),
  lastSignal: z.number().int().min(0).meta({ description: 'The last handshake message\'s `seq`, of either side.' }),
}).meta({ id: 'RemoteViewSession', description: 'A remote-view session as one of its sides sees it.' })

/** One message of the WebRTC handshake. */
export const RemoteViewSignalReply = z.object({
  seq: z.number().int().min(1),
  from: z.enum(['staff', 'customer']),
  type: z.enum(['offer', 'answer', 'candidate']),
  data: z.string(),
  at: instant,
}).meta({ id: 'RemoteViewSignal', description: 'One message of the WebRTC handshake, relayed between the two browsers.' })

export type RemoteViewPreviewReply = z.infer<typeof RemoteViewPreviewReply>
export type RemoteViewSessionReply = z.infer<typeof RemoteViewSessionReply>

/** The preview of a session, before consent. */
export async function presentPreview(deps: PresentDeps, view: RemoteView): Promise<RemoteViewPreviewReply> {
  const [staff, incident, organisation] = await Promise.all([
    deps.store.staff.get(view.staffId), deps.store.incidents.get(view.incidentId), deps.store.organisations.get(view.organisationId),
  ])
  return {
    id: view.id, staff: { name: staff?.name ?? deps.desk.name.nl }, organisation: { name: organisation?.name ?? '' },
    incident: { number: incident?.number ?? '', subject: incident?.subject ?? '' }, codeExpiresAt: view.codeExpiresAt,
  }
}

/** A session as `side` sees it. */
export async function presentSession(deps: PresentDeps, view: RemoteView, side: 'staff' | 'customer'): Promise<RemoteViewSessionReply> {
  return {
    ...(await presentPreview(deps, view)), state: remoteViewState(view, deps.clock()), side, consentedAt: view.consentedAt, endedAt: view.endedAt,
    endedBy: view.endedBy === null ? null : view.endedBy === 'customer' ? 'customer' : 'staff', lastSignal: view.signals.at(-1)?.seq ?? 0,
  }
}
