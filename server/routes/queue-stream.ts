/** The console's live queue: server-sent events whenever an incident in the caller's queues is created or changed, by any API process. */
import { Hono } from 'hono'
import { streamSSE } from 'hono/streaming'
import type { Deps } from '../deps.ts'
import { describe } from '../http/describe.ts'
import { type SessionEnv, requireStaff } from '../middleware/session/index.ts'
import { queuePolicy } from '../policies/queue.ts'
import type { IncidentChange } from '../store/store.ts'

/** How often an idle stream sends a comment, so proxies and load balancers keep it open. */
export const PING_MS = 25_000
/** How long the stream waits for the store to listen (PostgreSQL's LISTEN) before it opens anyway. */
const LISTEN_WAIT_MS = 2_000
/** How long a browser waits before it connects again after losing the stream. */
const RETRY_MS = 3_000

const STREAM_DESCRIPTION = `A stream of server-sent events (\`text/event-stream\`) that stays open:
- \`event: queue\` with \`data: {"incidentId": "…", "number": "…", "version": n}\` whenever an incident in one of the caller's queues (or assigned to them) is registered or changed, by this or any other API process on the same database. The console then reads its first page again.
- \`: ping\` comments every ${PING_MS / 1000} s while nothing happens, so proxies keep the connection.
- \`retry: ${RETRY_MS}\` first: a browser's EventSource connects again by itself after that many milliseconds.

The stream ends when the client goes away or the server shuts down.`

const EVENTS = {
  description: 'The event stream, open until either side closes it.',
  content: { 'text/event-stream': { schema: { type: 'string' as const }, example: `retry: ${RETRY_MS}\n\n: listening\n\nevent: queue\ndata: {"incidentId":"6f1c…","number":"100042","version":3}\n\n: ping\n\n` } },
}

/** `pingMs`: how often an idle stream pings; tests shorten it. */
export const queueStream = (deps: Deps, { pingMs = PING_MS }: { pingMs?: number } = {}) =>
  new Hono<SessionEnv>()
    .get('/', describe('streamQueue', 'Console', 'Changes to the caller\'s queues as they happen: server-sent events (staff)', { 200: EVENTS }, {
      description: STREAM_DESCRIPTION,
    }), requireStaff, (c) => {
      const staff = c.var.staff
      const allTeams = deps.desk.teams.map((t) => t.key)
      // A proxy that buffers replies (nginx) would hold the events back.
      c.header('X-Accel-Buffering', 'no')
      return streamSSE(c, async (stream) => {
        const waiting: IncidentChange[] = []
        let wake: (() => void) | undefined
        let isOpen = true
        const end = () => {
          isOpen = false
          wake?.()
        }
        const stop = deps.store.changes.subscribe((change) => {
          if (!queuePolicy.mayHear(staff, change, allTeams)) return
          waiting.push(change)
          wake?.()
        })
        stream.onAbort(end)
        deps.closing?.addEventListener('abort', end)
        let ping: NodeJS.Timeout | undefined
        try {
          if (deps.closing?.aborted) return
          await Promise.race([deps.store.changes.ready(), new Promise((resolve) => setTimeout(resolve, LISTEN_WAIT_MS).unref())])
          await stream.write(`retry: ${RETRY_MS}\n\n: listening\n\n`)
          ping = setInterval(() => void stream.write(': ping\n\n'), pingMs)
          while (isOpen) {
            for (let change = waiting.shift(); change && isOpen; change = waiting.shift()) {
              await stream.writeSSE({ event: 'queue', data: JSON.stringify({ incidentId: change.incidentId, number: change.number, version: change.version }) })
            }
            // Nothing else runs between the check above and here: a change arriving later wakes this.
            if (isOpen && waiting.length === 0) await new Promise<void>((resolve) => { wake = resolve })
            wake = undefined
          }
        } finally {
          clearInterval(ping)
          stop()
          deps.closing?.removeEventListener('abort', end)
        }
      })
    })
