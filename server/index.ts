/** Starts Loket: the only file with process I/O (environment, folders, the listening socket). */
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { serve } from '@hono/node-server'
import { createApp } from './app.ts'
import { appendLog } from './store/append-log.ts'
import { loadDesk } from './desk.ts'
import type { KbVote } from './domain/kb-insight.ts'

const port = Number(process.env.PORT ?? 4321)
const host = process.env.HOST ?? '127.0.0.1'
const dataDir = resolve(process.env.DATA_DIR ?? 'data')
const siteDir = resolve(process.env.SITE_DIR ?? 'dist')

try {
  // The desk is checked at start as at build: a broken desk.yaml stops the server with the reason.
  loadDesk(process.env.DESK_FILE)
} catch (error) {
  console.error(`[loket] ${(error as Error).message}`)
  process.exit(1)
}
mkdirSync(resolve(dataDir, 'outbox'), { recursive: true })

const insight = appendLog<KbVote>(resolve(dataDir, 'kb-insight.jsonl'))
const app = createApp({ clock: () => new Date(), insight, siteDir })
const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
  const base = `http://${['0.0.0.0', '127.0.0.1', '::'].includes(host) ? 'localhost' : host}:${info.port}`
  console.log(`[loket] KnowledgeBase  ${base}/  (English: ${base}/en/)`)
  console.log(`[loket] Search index   ${base}/pagefind/pagefind.js`)
  console.log(`[loket] API            ${base}/api/health`)
  console.log(`[loket] Data folder    ${dataDir}  (e-mail goes to ${resolve(dataDir, 'outbox')})`)
})

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => void insight.close().then(() => process.exit(0))))
}
