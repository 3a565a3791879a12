/** The complaints reminder: a periodic sweep that mails the handlers once when a complaint without a response nears its due time. */
import { randomUUID } from 'node:crypto'
import { isComplaintNearing } from '../domain/complaint.ts'
import { businessMsBetween } from '../domain/sla.ts'
import type { Complaint } from '../domain/records.ts'
import type { Deps } from '../deps.ts'
import { VersionConflictError } from '../store/store.ts'
import { complaintHandlers } from './complaints.ts'

type SweepDeps = Pick<Deps, 'store' | 'clock' | 'desk' | 'calendar' | 'notifier'>

/** Complaints read per page while sweeping. */
const PAGE = 100

/**
 * Mails every complaints handler about each complaint that awaits a response and is within
 * `complaints.nearingBusinessHours` of its due time, and notes that on the complaint
 * (`nearingMailedAt`) so it happens once. The mails go first: their event keys make a retry after
 * a crash add nothing. Returns the complaints reminded of.
 */
export async function remindNearingComplaints(deps: SweepDeps): Promise<Complaint[]> {
  const now = deps.clock()
  const leadMs = deps.desk.complaints.nearingBusinessHours * 3_600_000
  const reminded: Complaint[] = []
  let cursor: string | undefined
  // Only a received one can lack a response (any status change is one); earliest due first, so the sweep stops at the first not yet near.
  for (;;) {
    const page = await deps.store.complaints.queue({ status: ['received'] }, { limit: PAGE, ...(cursor ? { cursor } : {}) })
    for (const complaint of page.items) {
      // An opinion (no due time) sorts last, as does every one due later than the lead time: none after it is nearer.
      if (!complaint.dueAt || !isDueWithin(complaint.dueAt, now, leadMs, deps.calendar)) return reminded
      if (complaint.nearingMailedAt || !isComplaintNearing(complaint, now, leadMs, deps.calendar)) continue
      const done = await remind(deps, complaint, now)
      if (done) reminded.push(done)
    }
    if (!page.next) return reminded
    cursor = page.next
  }
}

/** Whether `dueAt` is at most `leadMs` of business time away from `now`, or past. */
function isDueWithin(dueAt: string, now: Date, leadMs: number, calendar: SweepDeps['calendar']): boolean {
  const due = new Date(dueAt)
  return due <= now || businessMsBetween(now, due, calendar) <= leadMs
}

async function remind(deps: SweepDeps, complaint: Complaint, now: Date): Promise<Complaint | undefined> {
  const [organisation, assignee] = await Promise.all([
    deps.store.organisations.get(complaint.organisationId),
    complaint.assigneeId ? deps.store.staff.get(complaint.assigneeId) : undefined,
  ])
  for (const handler of await complaintHandlers(deps)) {
    await deps.notifier.complaintNearing({ complaint, handler, organisationName: organisation?.name ?? complaint.organisationId, assigneeName: assignee?.name ?? null })
  }
  try {
    const marked = await deps.store.complaints.update(complaint.id, complaint.version, (current) => ({ ...current, nearingMailedAt: now.toISOString() }))
    await deps.store.audit.append({ id: randomUUID(), at: now.toISOString(), actor: 'system', action: 'complaint.nearing_mailed', target: `complaint:${complaint.id}` })
    return marked
  } catch (error) {
    // Changed meanwhile (answered, or another process swept it): the mails' keys keep them single; the next sweep looks again.
    if (error instanceof VersionConflictError) return undefined
    throw error
  }
}

/** The sweep on a timer: `start` runs it now and then every `intervalMs` (default a minute); `stop` waits for a running one. Errors are logged, never thrown. */
export function complaintSweep(deps: SweepDeps, options: { intervalMs?: number; log?: (message: string) => void } = {}) {
  let timer: ReturnType<typeof setInterval> | undefined
  let running: Promise<unknown> | undefined
  const run = () => {
    running ??= remindNearingComplaints(deps)
      .catch((error: unknown) => options.log?.(`complaint reminders failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => { running = undefined })
    return running
  }
  return {
    /** One sweep now; a call during a running one waits for that one. */
    run,
    start(): void {
      if (timer) return
      void run()
      timer = setInterval(() => void run(), options.intervalMs ?? 60_000)
      // The sweep alone must not keep a process alive; the HTTP server does that.
      timer.unref()
    },
    async stop(): Promise<void> {
      clearInterval(timer)
      timer = undefined
      await running
    },
  }
}
