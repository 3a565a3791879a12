/** Signals for Customer Care: organisations that contact support often, computed afresh, and the follow-ups recorded for them. */
import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import type { FollowUp, Staff } from '../domain/records.ts'
import { newFollowUp, organisationSignals, type FollowUpInput } from '../domain/signals.ts'
import type { Deps } from '../deps.ts'

/** Every organisation's signal as of now (`isAll`), or only the flagged ones, each with its follow-ups. */
export async function listSignals(deps: Pick<Deps, 'store' | 'desk' | 'clock'>, { isAll }: { isAll: boolean }) {
  const [organisations, incidents] = await Promise.all([deps.store.organisations.list(), deps.store.incidents.list({})])
  // Reactions and phone contacts on an old incident still count, so every incident's messages are read.
  const messages = (await Promise.all(incidents.map((i) => deps.store.messages.listByIncident(i.id)))).flat()
  // Computed afresh on every request: a flag stays visible exactly as long as the window holds
  // enough contact moments, and drops off by itself once it falls below the threshold.
  const computed = organisationSignals({ organisations, incidents, messages }, { now: deps.clock(), desk: deps.desk })
  return Promise.all(computed.filter((s) => isAll || s.isFlagged).map(async (signal) => ({
    signal, followUps: await deps.store.followUps.listByOrganisation(signal.organisationId),
  })))
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
