/** What operators ask of a running desk: is it ready to take work (store, mail), and the figures the metrics show. */
import type { Deps } from '../deps.ts'
import { INCIDENT_STATUSES } from '../domain/records.ts'
import { isTargetRunning, slaOf } from '../domain/incident.ts'
import { extraWindowsOf } from './extra-windows.ts'

/** Mail that fails this long without one success between is a transport that does not work. */
export const MAIL_FAILING_MINUTES = 15
/** Mail that waits this long to be sent is a backlog customers notice. */
export const MAIL_BACKLOG_MINUTES = 30

/** Mail not sent yet, and the age in seconds of the oldest. */
export async function pendingMail(deps: Pick<Deps, 'store' | 'clock'>): Promise<{ count: number; oldestSeconds: number }> {
  const { count, oldestCreatedAt } = await deps.store.outbox.backlog()
  return { count, oldestSeconds: oldestCreatedAt ? Math.max(0, Math.round((deps.clock().getTime() - Date.parse(oldestCreatedAt)) / 1000)) : 0 }
}

/** Open incidents whose target has passed, as of now. */
export async function incidentsPastTarget(deps: Pick<Deps, 'store' | 'clock' | 'calendar' | 'desk'>): Promise<number> {
  const open = await deps.store.incidents.list({ status: INCIDENT_STATUSES.filter((s) => s !== 'closed' && s !== 'resolved' && s !== 'awaiting_confirmation') })
  const [now, windows] = [deps.clock(), await extraWindowsOf(deps.store)]
  return open.filter((incident) => isTargetRunning(incident) && slaOf(incident, deps, now, windows).isBreached).length
}

/** Ready, or why not: each reason in English, for the operator's monitoring. */
export type Readiness = { isReady: true } | { isReady: false; reasons: string[] }

/**
 * Whether the desk can take work: the store writes, mail reaches the server (no failures without a
 * success for MAIL_FAILING_MINUTES), and no mail has waited longer than MAIL_BACKLOG_MINUTES.
 */
export async function readiness(deps: Pick<Deps, 'store' | 'clock' | 'mailHealth'>): Promise<Readiness> {
  const now = deps.clock()
  const reasons: string[] = []
  const store = await deps.store.health()
  if (!store.ok) reasons.push(`store: ${store.reason}`)
  const failingSince = deps.mailHealth?.failingSince()
  if (failingSince && now.getTime() - failingSince.getTime() >= MAIL_FAILING_MINUTES * 60_000) {
    reasons.push(`mail: every send has failed since ${failingSince.toISOString()}`)
  }
  const { count, oldestSeconds } = await pendingMail(deps)
  if (oldestSeconds >= MAIL_BACKLOG_MINUTES * 60) reasons.push(`mail: ${count} waiting, the oldest for ${Math.round(oldestSeconds / 60)} minutes`)
  return reasons.length ? { isReady: false, reasons } : { isReady: true }
}
