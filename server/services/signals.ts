/** Signals for Customer Care: organisations that contact support often, computed afresh, and the follow-ups recorded for them. */
import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import type { FollowUp, Staff } from '../domain/records.ts'
import { addDays } from '#lib/iso-week.ts'
import {
  newFollowUp, pageOfSignals, signalBase, signalDays, signalsFromCounts,
  type ContactMoment, type FollowUpInput, type OrganisationSignal, type SignalBase, type SignalOrderKeys, type SignalOrganisation, type WindowCount,
} from '../domain/signals.ts'
import type { DeskConfig } from '../domain/desk.ts'
import type { Deps } from '../deps.ts'

/** Where a page of signals starts: after the signal with these sort keys (flagged, total, name, id). */
export type SignalsCursor = [isFlagged: boolean, total: number, name: string, organisationId: string]

/** A page of signals, each with its follow-ups; `next` starts the page after it (none on the last), `total` counts every one listed, `flagged` those flagged. */
export interface SignalsPage {
  listed: { signal: OrganisationSignal; followUps: FollowUp[] }[]
  next: SignalsCursor | null
  total: number
  flagged: number
}

/**
 * A page of every organisation's signal as of now (`isAll`), or of the flagged ones, each with its
 * follow-ups, in the signals' order. Every organisation is ranked by the window's past days (kept
 * summed by the store, and ranked once while they stand: baseOf), then today's counters, the
 * moments of the window's first day within the window and those of today later than now are added
 * for the organisations they touch; the weekly series and top lists are read (summed per week) and
 * computed for the page's organisations only.
 */
export async function listSignals(deps: Pick<Deps, 'store' | 'desk' | 'clock'>, { isAll, limit = 50, after }: { isAll: boolean; limit?: number; after?: SignalsCursor }): Promise<SignalsPage> {
  const now = deps.clock()
  const { from, today, windowStartDay, windowStart } = signalDays(now, deps.desk)
  const { signals } = deps.store
  // The window's whole past days (kept summed by the store) and today's counters apart: today
  // changes with every registration, the past days hardly ever.
  const hasToday = today > windowStartDay
  const [organisations, past, todays, edge, later] = await Promise.all([
    signals.organisations(), signals.totals({ after: windowStartDay, before: today }),
    hasToday ? signals.totals({ after: addDays(today, -1), before: addDays(today, 1) }) : [],
    // Of the window's first day only the moments from the window's start on (`after` is exclusive).
    signals.momentsOn([windowStartDay], { after: new Date(windowStart.getTime() - 1) }),
    signals.momentsOn([today], { after: now }),
  ])
  // Exact as of now on every request (the past days' ranking kept, today and the window's edges
  // added): a flag stays visible exactly as long as the window holds enough contact moments, and
  // drops off by itself once it falls below the threshold.
  const mark: SignalOrderKeys | undefined = after && { isFlagged: after[0], counts: { total: after[1] }, name: after[2], organisationId: after[3] }
  const ranked = pageOfSignals(baseOf(organisations, past, deps.desk), { todays, edge, later }, { now, desk: deps.desk, isAll, after: mark, limit })
  const { page } = ranked
  const last = page.at(-1)
  const ids = new Set(page.map((s) => s.organisationId))
  // The page's counters and follow-ups (newest first per organisation) side by side, one read each.
  const [counts, recorded] = page.length
    ? await Promise.all([signals.weekly({ from, to: today, splitAfter: windowStartDay, organisationIds: [...ids] }), deps.store.followUps.listByOrganisations([...ids])])
    : [[], []]
  const ofPage = (m: ContactMoment) => ids.has(m.organisationId)
  const shown = signalsFromCounts({ organisations: organisations.filter((o) => ids.has(o.id)), counts, edge: edge.filter(ofPage), later: later.filter(ofPage) }, { now, desk: deps.desk })
  const followUps = new Map<string, FollowUp[]>()
  for (const f of recorded) {
    const found = followUps.get(f.organisationId)
    if (found) found.push(f)
    else followUps.set(f.organisationId, [f])
  }
  return {
    listed: shown.map((signal) => ({ signal, followUps: followUps.get(signal.organisationId) ?? [] })),
    next: last && ranked.hasMore ? [last.isFlagged, last.counts.total, last.name, last.organisationId] : null,
    total: ranked.total,
    flagged: ranked.flagged,
  }
}

/** The base ranked last from each store's past sums (the store hands the same list while they stand), with what it was ranked for. */
const bases = new WeakMap<readonly WindowCount[], { organisations: readonly SignalOrganisation[]; signals: DeskConfig['signals']; base: SignalBase }>()

/** Every organisation ranked by `past` (signalBase), ranked again only when the sums, the organisations or the thresholds differ from the last time. */
function baseOf(organisations: readonly SignalOrganisation[], past: readonly WindowCount[], desk: Pick<DeskConfig, 'signals'>): SignalBase {
  const kept = bases.get(past)
  if (kept && kept.signals === desk.signals && isSameList(kept.organisations, organisations)) return kept.base
  const base = signalBase(organisations, past, desk)
  bases.set(past, { organisations, signals: desk.signals, base })
  return base
}

/** Whether two lists of organisations name the same ones alike, in the same order. */
function isSameList(a: readonly SignalOrganisation[], b: readonly SignalOrganisation[]): boolean {
  return a === b || (a.length === b.length && a.every((o, k) => o.id === b[k]!.id && o.name === b[k]!.name && o.isFirstClass === b[k]!.isFirstClass))
}

/** Records a follow-up for an organisation, with an audit entry; refused when the organisation does not exist. */
export async function addFollowUp(deps: Pick<Deps, 'store' | 'clock'>, staff: Staff, organisationId: string, input: z.output<typeof FollowUpInput>): Promise<FollowUp | { refused: 'organisation_not_found' }> {
  const organisation = await deps.store.organisations.get(organisationId)
  if (!organisation) return { refused: 'organisation_not_found' }
  const now = deps.clock()
  const by = `staff:${staff.id}`
  const followUp = newFollowUp(input, { id: randomUUID(), organisationId: organisation.id, by, now })
  await deps.store.followUps.add(followUp)
  await deps.store.audit.append({
    id: randomUUID(), at: now.toISOString(), actor: by, action: 'follow_up.added', target: `organisation:${organisation.id}`,
    details: { followUpId: followUp.id, kind: followUp.kind, date: followUp.date },
  })
  return followUp
}
