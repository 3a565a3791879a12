/** The periodic sweep that tells assignees of incidents nearing their target (services/notifications.ts decides whom and once). */
import type { Deps } from '../deps.ts'
import { sweepNearingTargets, type NotifyDeps } from './notifications.ts'

/** How often the sweep looks by default: every minute, well within any lead time desk.yaml may give. */
export const NEARING_SWEEP_MS = 60_000

/** Starts sweeping every `intervalMs` (first at once); `stop` ends it and waits for a sweep under way. A failed sweep is logged and tried again next time. */
export function startNearingSweep(deps: NotifyDeps & Pick<Deps, 'calendar'>, { intervalMs = NEARING_SWEEP_MS, log = (message: string) => console.error(`[loket] ${message}`) } = {}) {
  let running: Promise<unknown> | undefined
  const sweep = () => {
    running ??= sweepNearingTargets(deps)
      .catch((error: Error) => log(`nearing-target sweep failed: ${error.message}`))
      .finally(() => (running = undefined))
  }
  sweep()
  const timer = setInterval(sweep, intervalMs)
  // The sweep alone must not keep a process alive (tests, tools); the HTTP server does that.
  timer.unref()
  return {
    async stop(): Promise<void> {
      clearInterval(timer)
      await running
    },
  }
}
