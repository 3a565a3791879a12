/** Signals and follow-ups as the console shows them: the reply schemas, and the presenters that fill them. */
import { z } from 'zod'
import { INCIDENT_KINDS } from '../domain/desk.ts'
import { FOLLOW_UP_KINDS, type FollowUp } from '../domain/records.ts'
import { SERIES_WEEKS, TOP_SIZE, type OrganisationSignal } from '../domain/signals.ts'
import type { Deps } from '../deps.ts'
import { actorsOf } from '../services/actors.ts'
import { ActorReply } from './actor.ts'

const count = z.number().int().min(0)
const thresholdKind = z.enum([...INCIDENT_KINDS, 'any'])
const thresholdOf = z.enum(['contact_moments', 'incidents'])
  .meta({ description: 'What it counts: `contact_moments` (registrations, customer reactions and phone contacts, each as the kind of its incident) or `incidents` (registrations only).' })
const perKind = (description: string) =>
  z.object(Object.fromEntries(INCIDENT_KINDS.map((k) => [k, count])) as Record<(typeof INCIDENT_KINDS)[number], typeof count>).meta({ description })
const Localized = z.object({ nl: z.string(), en: z.string() })

/** What Customer Care did or agreed about an organisation. */
export const FollowUpReply = z.object({
  id: z.string(),
  kind: z.enum(FOLLOW_UP_KINDS),
  date: z.string().meta({ format: 'date', description: 'The day of the course or visit.' }),
  note: z.string(),
  by: ActorReply,
  at: z.string().meta({ format: 'date-time', description: 'When it was recorded.' }),
}).meta({ id: 'FollowUp', description: 'What Customer Care did or agreed about an organisation.' })
export type FollowUpReply = z.infer<typeof FollowUpReply>

/** A threshold of desk.yaml: this many contact moments (or incidents) of one kind, or of any kind, within the window. */
export const SignalThresholdReply = z.object({ kind: thresholdKind, of: thresholdOf, count: z.number().int().min(1) })
  .meta({ id: 'SignalThreshold', description: 'A threshold of desk.yaml: this many contact moments (or incidents registered, as `of` says) of one kind, or of any kind, within the window.' })

/** What Customer Care sees of one organisation. */
export const OrganisationSignalReply = z.object({
  id: z.string().meta({ description: 'The organisation\'s id.' }),
  name: z.string(),
  isFirstClass: z.boolean(),
  isFlagged: z.boolean().meta({ description: 'Whether it reaches at least one threshold within the window.' }),
  counts: z.object({
    total: count,
    byKind: perKind('Contact moments per incident kind: a reaction or phone call counts as the kind of its incident.'),
    incidentsByKind: perKind('Incidents registered per kind: each incident once, however many reactions and calls followed.'),
    bySource: z.object({ incidents: count, reactions: count, phoneContacts: count })
      .meta({ description: 'Per way of contact: incidents registered, customers\' reactions, phone calls logged.' }),
  }).meta({ description: 'Its contact moments in the window.' }),
  crossed: z.array(z.object({
    kind: thresholdKind,
    of: thresholdOf,
    count: z.number().int().min(1).meta({ description: 'The threshold.' }),
    reached: z.number().int().meta({ description: 'What was counted (as `of` says): the kind\'s, or every kind\'s for `any`.' }),
  })).meta({ description: 'The thresholds it reaches, in desk.yaml\'s order; empty when not flagged.' }),
  weekly: z.array(z.object({
    week: z.string().regex(/^\d{4}-W\d{2}$/).meta({ description: 'e.g. 2026-W49' }),
    startsOn: z.string().meta({ format: 'date', description: 'Its Monday.' }),
    count,
  })).min(SERIES_WEEKS).max(SERIES_WEEKS)
    .meta({ description: `Contact moments per ISO week over the last ${SERIES_WEEKS} weeks (Monday to Sunday in the desk's time zone), oldest first, the current week so far last. It looks back beyond the window.` }),
  productAreas: z.array(z.object({ key: z.string(), name: Localized, count: z.number().int().min(1) })).max(TOP_SIZE)
    .meta({ description: `The product areas of its contact moments in the window, most first, at most ${TOP_SIZE}.` }),
  kbQueries: z.array(z.object({ query: z.string(), count: z.number().int().min(1) })).max(TOP_SIZE)
    .meta({ description: `The KB searches behind its incidents registered in the window, lowercase and trimmed, most first, at most ${TOP_SIZE}.` }),
  followUps: z.array(FollowUpReply).meta({ description: 'Every follow-up recorded for it, newest first.' }),
}).meta({ id: 'OrganisationSignal', description: 'What Customer Care sees of one organisation: its contact moments in the window and over the weeks, and its follow-ups.' })

/** The signals reply: the window, the thresholds, and a page of the organisations listed. */
export const SignalsReply = z.object({
  windowDays: z.number().int().min(1).meta({ description: 'The rolling window in days, ending now: desk.yaml\'s `signals.windowDays`.' }),
  thresholds: z.array(SignalThresholdReply).meta({ description: 'desk.yaml\'s `signals.thresholds`: reaching any one flags the organisation.' }),
  organisations: z.array(OrganisationSignalReply).meta({ description: 'A page of them: flagged first, then by most contact moments, then by name.' }),
  next: z.string().nullable().meta({ description: 'The `cursor` of the next page; null on the last.' }),
  total: z.number().int().min(0).meta({ description: 'How many are listed over all pages.' }),
  flagged: z.number().int().min(0).meta({ description: 'How many of those are flagged.' }),
})
export type SignalsReply = z.infer<typeof SignalsReply>

/** Follow-ups without their organisation (the caller knows it), with the recorder's name. */
export async function presentFollowUps(deps: Pick<Deps, 'store' | 'desk'>, followUps: FollowUp[]): Promise<FollowUpReply[]> {
  const actorOf = await actorsOf(deps.store, followUps.map((f) => f.by), deps.desk.name.nl)
  return followUps.map(({ organisationId: _id, by, ...fields }) => ({ ...fields, by: actorOf(by) }))
}

/** The signals reply: the window, the thresholds, and each organisation listed with its follow-ups. */
export async function presentSignals(deps: Pick<Deps, 'store' | 'desk'>, { listed, next, total, flagged }: { listed: { signal: OrganisationSignal; followUps: FollowUp[] }[]; next: string | null; total: number; flagged: number }): Promise<SignalsReply> {
  const organisations = await Promise.all(listed.map(async ({ signal: { organisationId, ...signal }, followUps }) => ({
    id: organisationId, ...signal, followUps: await presentFollowUps(deps, followUps),
  })))
  return { windowDays: deps.desk.signals.windowDays, thresholds: deps.desk.signals.thresholds, organisations, next, total, flagged }
}
