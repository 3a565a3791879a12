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

/** A threshold of desk.yaml: this many contact moments of one kind, or of any kind, within the window. */
export const SignalThresholdReply = z.object({ kind: thresholdKind, count: z.number().int().min(1) })
  .meta({ id: 'SignalThreshold', description: 'A threshold of desk.yaml: this many contact moments of one kind, or of any kind, within the window.' })

/** What Customer Care sees of one organisation. */
export const OrganisationSignalReply = z.object({
  id: z.string().meta({ description: 'The organisation\'s id.' }),
  name: z.string(),
  isFirstClass: z.boolean(),
  isFlagged: z.boolean().meta({ description: 'Whether it reaches at least one threshold within the window.' }),
  counts: z.object({
    total: count,
    byKind: z.object(Object.fromEntries(INCIDENT_KINDS.map((k) => [k, count])) as Record<(typeof INCIDENT_KINDS)[number], typeof count>)
      .meta({ description: 'Per incident kind; a reaction or phone call counts as the kind of its incident.' }),
    bySource: z.object({ incidents: count, reactions: count, phoneContacts: count })
      .meta({ description: 'Per way of contact: incidents registered, customers\' reactions, phone calls logged.' }),
  }).meta({ description: 'Its contact moments in the window.' }),
  crossed: z.array(z.object({
    kind: thresholdKind,
    count: z.number().int().min(1).meta({ description: 'The threshold.' }),
    reached: z.number().int().meta({ description: 'The moments counted: the kind\'s, or the total for `any`.' }),
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

/** The signals reply: the window, the thresholds, and the organisations listed. */
export const SignalsReply = z.object({
  windowDays: z.number().int().min(1).meta({ description: 'The rolling window in days, ending now: desk.yaml\'s `signals.windowDays`.' }),
  thresholds: z.array(SignalThresholdReply).meta({ description: 'desk.yaml\'s `signals.thresholds`: reaching any one flags the organisation.' }),
  organisations: z.array(OrganisationSignalReply),
})
export type SignalsReply = z.infer<typeof SignalsReply>

/** Follow-ups without their organisation (the caller knows it), with the recorder's name. */
export async function presentFollowUps(deps: Pick<Deps, 'store' | 'desk'>, followUps: FollowUp[]): Promise<FollowUpReply[]> {
  const actorOf = await actorsOf(deps.store, followUps.map((f) => f.by), deps.desk.name.nl)
  return followUps.map(({ organisationId: _id, by, ...fields }) => ({ ...fields, by: actorOf(by) }))
}

/** The signals reply: the window, the thresholds, and each organisation listed with its follow-ups. */
export async function presentSignals(deps: Pick<Deps, 'store' | 'desk'>, listed: { signal: OrganisationSignal; followUps: FollowUp[] }[]): Promise<SignalsReply> {
  const organisations = await Promise.all(listed.map(async ({ signal: { organisationId, ...signal }, followUps }) => ({
    id: organisationId, ...signal, followUps: await presentFollowUps(deps, followUps),
  })))
  return { windowDays: deps.desk.signals.windowDays, thresholds: deps.desk.signals.thresholds, organisations }
}
