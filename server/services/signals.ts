/** Signals for Customer Care: organisations that contact support often, computed afresh, and the follow-ups recorded for them. */
import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import type { FollowUp, Staff } from '../domain/records.ts'
import { bySignalOrder, newFollowUp, rankSignals, signalDays, signalsFromCounts, type FollowUpInput, type OrganisationSignal, type RankedSignal, type SignalOrderKeys } from '../domain/signals.ts'
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
 * follow-ups, in the signals' order. Every organisation is ranked from the window's counters summed
 * per organisation, kind and source (and the moments of the two days the window cuts); the weekly
 * series and top lists are read and computed for the page's organisations only.
 */
export async function listSignals(deps: Pick<Deps, 'store' | 'desk' | 'clock'>, { isAll, limit = 50, after }: { isAll: boolean; limit?: number; after?: SignalsCursor }): Promise<SignalsPage> {
  const now = deps.clock()
  const context = { now, desk: deps.desk }
  const { from, today, edgeDays } = signalDays(now, deps.desk)
  const [organisations, totals, edge] = await Promise.all([
    deps.store.signals.organisations(), deps.store.signals.totals({ after: edgeDays[0]!, before: today }), deps.store.signals.momentsOn(edgeDays),
  ])
  // Computed afresh on every request: a flag stays visible exactly as long as the window holds
  // enough contact moments, and drops off by itself once it falls below the threshold.
  const ranked = rankSignals({ organisations, totals, edge }, context).filter((s) => isAll || s.isFlagged)
  const start = after ? firstAfter(ranked, after) : 0
  const page = ranked.slice(start, start + limit)
  const last = page.at(-1)
  const ids = new Set(page.map((s) => s.organisationId))
  const counts = page.length ? await deps.store.signals.counts({ from, to: today, organisationIds: [...ids] }) : []
  const signals = signalsFromCounts({ organisations: organisations.filter((o) => ids.has(o.id)), counts, edge: edge.filter((m) => ids.has(m.organisationId)) }, context)
  // The page's follow-ups in one read, newest first per organisation.
  const followUps = new Map<string, FollowUp[]>()
  for (const f of page.length ? await deps.store.followUps.listByOrganisations([...ids]) : []) {
    const listed = followUps.get(f.organisationId)
    if (listed) listed.push(f)
    else followUps.set(f.organisationId, [f])
  }
  return {
    listed: signals.map((signal) => ({ signal, followUps: followUps.get(signal.organisationId) ?? [] })),
    next: last && start + limit < ranked.length ? [last.isFlagged, last.counts.total, last.name, last.organisationId] : null,
    total: ranked.length,
    flagged: ranked.filter((s) => s.isFlagged).length,
  }
}

/** The index of the first signal after the cursor's place in the order: a signal that moved meanwhile is not listed twice. */
function firstAfter(signals: RankedSignal[], [isFlagged, total, name, organisationId]: SignalsCursor): number {
  const mark: SignalOrderKeys = { isFlagged, counts: { total }, name, organisationId }
  const index = signals.findIndex((s) => bySignalOrder(s, mark) > 0)
  return index === -1 ? signals.length : index
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
