/** What the consent services share: the audit entry of every step, changes against a version, reads of the incident, and the list a viewer may see. */
import { randomUUID } from 'node:crypto'
import type { ConsentFilter, Page } from '../store/store.ts'
import { VersionConflictError } from '../store/store.ts'
import type { ConsentKind, ConsentRecord, Incident } from '../domain/records.ts'
import type { Deps } from '../deps.ts'
import type { Viewer } from '../middleware/session/index.ts'
import { maySeeConsent } from '../policies/consent.ts'
import type { Verdict } from '../policies/verdict.ts'
import type { Refusal, RefusalField } from './result.ts'

/** What a consent service needs of the app. */
export type ConsentDeps = Pick<Deps, 'store' | 'clock' | 'desk' | 'calendar' | 'notifier' | 'limits'>

/** The refusals that say no more than their code (the API's error code) and, some, the fields at fault. */
export type PlainConsentRefusal = Exclude<Verdict, 'allowed'> | 'incident_not_open' | 'grant_inactive' | 'code_unknown' | 'code_used' | 'code_expired'
  | 'remote_view_ended' | 'remote_view_not_open' | 'too_many_signals' | 'remote_view_token_invalid' | 'move_refused' | 'grant_end_out_of_range'
  | 'window_too_long' | 'within_business_hours'

/**
 * Why a consent service did not do what was asked; the route turns it into the reply. Refusals
 * of a policy keep its verdict's name; `current` is the record as it now stands, for a conflict.
 */
export type ConsentRefusal =
  | Refusal<PlainConsentRefusal>
  | Refusal<'too_many_wrong_codes'> & { retryAfterSeconds: number }
  | Refusal<'version_conflict' | 'remote_view_active'> & { current: ConsentRecord }
  | Refusal<'too_soon'> & { earliestStart: Date; fields: RefusalField[] }

/** A consent service's answer: the value, or why not (with what the reply needs besides the code). */
export type Outcome<T> = T | ConsentRefusal

/** The refusal for a policy's verdict, or undefined when it allows. */
export const refusalOf = (verdict: Verdict): Refusal<Exclude<Verdict, 'allowed'>> | undefined => (verdict === 'allowed' ? undefined : { refused: verdict })


/** One audit entry per step; those on an incident are its timeline's consent entries. */
export async function audit(deps: Pick<Deps, 'store' | 'clock'>, actor: string, action: string, record: ConsentRecord, details: Record<string, unknown> = {}): Promise<void> {
  await deps.store.audit.append({
    id: randomUUID(), at: deps.clock().toISOString(), actor, action,
    target: 'incidentId' in record ? `incident:${record.incidentId}` : `organisation:${record.organisationId}`,
    details: { consentId: record.id, ...details },
  })
}

/** Incidents by id, each read once for a request however many records name it. */
export type IncidentReader = (id: string) => Promise<Incident | undefined>

/** A reader that remembers what it read: one per request. */
export function incidentReader(store: Deps['store']): IncidentReader {
  const cache = new Map<string, Promise<Incident | undefined>>()
  return (id) => {
    if (!cache.has(id)) cache.set(id, store.incidents.get(id))
    return cache.get(id)!
  }
}

/** The incident a consent record belongs to; none for extra support. */
export const incidentOfRecord = (read: IncidentReader, record: ConsentRecord): Promise<Incident | undefined> =>
  'incidentId' in record ? read(record.incidentId) : Promise.resolve(undefined)

/** Whether a record is of `kind`. */
const isKind = <K extends ConsentKind>(record: ConsentRecord, kind: K): record is Extract<ConsentRecord, { kind: K }> => record.kind === kind

/** The record of `kind` with this id, and its incident; undefined when there is none of that kind. */
export async function findConsent<K extends ConsentKind>(deps: Pick<Deps, 'store'>, kind: K, id: string, read: IncidentReader = incidentReader(deps.store)) {
  const record = await deps.store.consents.get(id)
  if (!record || !isKind(record, kind)) return undefined
  return { record, incident: await incidentOfRecord(read, record) }
}

/** Applies a change against the version the caller saw; a conflict with the current record when someone was first. */
export async function changeConsent<T extends ConsentRecord>(deps: Pick<Deps, 'store'>, record: T, version: number, apply: (current: T) => T): Promise<Outcome<T>> {
  try {
    return await deps.store.consents.update<T>(record.id, version, apply)
  } catch (error) {
    if (!(error instanceof VersionConflictError)) throw error
    return { refused: 'version_conflict', current: error.current as ConsentRecord }
  }
}

/** The incident a staff member starts something on: it must exist (else `not_found`), be confirmed and not be closed. */
export async function openIncident(deps: Pick<Deps, 'store'>, id: string): Promise<Outcome<Incident>> {
  const incident = await deps.store.incidents.get(id)
  if (!incident) return { refused: 'not_found' }
  if (incident.status === 'awaiting_confirmation' || incident.status === 'closed') return { refused: 'incident_not_open' }
  return incident
}

/** What a list of consents may be narrowed to. */
export interface ConsentQuery { kind?: ConsentKind | undefined; organisationId?: string | undefined; incidentId?: string | undefined; limit: number; cursor?: string | undefined }

/** Store pages read at most to fill one page with records the viewer may see. */
const MAX_ROUNDS = 5

/**
 * A page of the consents the viewer may see, newest first: a contact only ever of their own
 * organisation, whatever they ask for. The policy decides per record, so the total is the store's
 * only where it shows every record it counts (staff); else null.
 */
export async function listConsents(deps: Pick<Deps, 'store'>, viewer: Exclude<Viewer, { kind: 'anonymous' }>, query: ConsentQuery, read: IncidentReader): Promise<Page<ConsentRecord>> {
  const organisationId = viewer.kind === 'contact' ? viewer.contact.organisationId : query.organisationId
  const filter: ConsentFilter = { ...(query.kind ? { kind: query.kind } : {}), ...(organisationId ? { organisationId } : {}), ...(query.incidentId ? { incidentId: query.incidentId } : {}) }
  const seen: ConsentRecord[] = []
  let cursor = query.cursor
  let next: string | null = null
  let total: number | null = null
  let isAllSeen = true
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const page = await deps.store.consents.page(filter, { limit: query.limit - seen.length, ...(cursor ? { cursor } : {}) })
    if (round === 0) total = page.total
    for (const record of page.items) {
      if (maySeeConsent(viewer, record, await incidentOfRecord(read, record))) seen.push(record)
      else isAllSeen = false
    }
    next = page.next
    if (seen.length >= query.limit || !next) break
    cursor = next
  }
  return { items: seen, next, total: viewer.kind === 'staff' && isAllSeen ? total : null }
}
