/** Attachments benchmark: uploading and downloading a 5 MB file through the real API, lowdb (a file in DATA_DIR) against PostgreSQL (chunks in the database). */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { seedDemo } from '../../server/seed.ts'
import { openLowdbStore } from '../../server/store/lowdb-store.ts'
import { openPostgresStore } from '../../server/store/postgres-store.ts'
import type { Store } from '../../server/store/store.ts'
import { registrationBody, signIn, startServer, stopServer, waitUntilHealthy } from './api.ts'
import { admin, BENCH_DATABASE_URL } from './postgres.ts'
import { median, percentile } from './stats.ts'
import { freePort } from '../free-port.ts'

/** One store's figures: each operation's latencies, and the server's peak memory. */
export interface AttachmentRun {
  store: 'lowdb' | 'PostgreSQL'
  /** From sending the request to the 201 (upload) or to the last byte read (download). */
  upload: { p50Ms: number; p99Ms: number }
  download: { p50Ms: number; p99Ms: number }
  /** The API process's peak resident memory over the run (Linux VmHWM), or undefined elsewhere. */
  peakRssBytes?: number
}

export interface AttachmentBenchOptions {
  /** Measured uploads and downloads each, after 2 of each to warm up; default 20. */
  runs?: number
  /** The file's size; default 5 MB. */
  bytes?: number
  /** A server where the role may create databases; default BENCH_DATABASE_URL. */
  url?: string
}

/**
 * Uploads `runs` files of `bytes` one after the other as a signed-in contact on one incident, then
 * downloads each, checking every byte; on lowdb, then on a fresh PostgreSQL database.
 */
export async function benchAttachments(options: AttachmentBenchOptions = {}): Promise<AttachmentRun[]> {
  const runs = options.runs ?? 20
  const bytes = options.bytes ?? 5 * 1024 * 1024
  const adminUrl = options.url ?? BENCH_DATABASE_URL
  const work = mkdtempSync(join(tmpdir(), 'loket-bench-files-'))
  const database = `loket_bench_${randomBytes(4).toString('hex')}`
  const url = Object.assign(new URL(adminUrl), { pathname: `/${database}` }).toString()
  let isCreated = false
  try {
    const lowdbDir = join(work, 'lowdb')
    const lowdb = await measure('lowdb', { DATA_DIR: lowdbDir }, async () => openLowdbStore({ dir: lowdbDir }), { runs, bytes, work })
    await admin(adminUrl, `CREATE DATABASE ${database}`)
    isCreated = true
    const postgres = await measure('PostgreSQL', { DATA_DIR: join(work, 'pg-data'), DATABASE_URL: url }, () => openPostgresStore({ url, poolSize: 2 }), { runs, bytes, work })
    return [lowdb, postgres]
  } finally {
    rmSync(work, { recursive: true, force: true })
    if (isCreated) await admin(adminUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
  }
}

/** Seeds the store and signs a contact in (before the server holds it), then starts the server on it and times the uploads and downloads. */
async function measure(name: AttachmentRun['store'], env: Record<string, string>, open: () => Promise<Store>, run: { runs: number; bytes: number; work: string }): Promise<AttachmentRun> {
  const store = await open()
  await seedDemo(store)
  const contact = (await store.contacts.get('c-jansen-emp'))!
  const cookie = await signIn(store, contact)
  await store.close()

  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const logFile = join(run.work, `${name}.log`)
  const server = startServer(logFile, { ...env, PORT: String(port), HOST: '127.0.0.1', SITE_DIR: join(run.work, 'no-site') })
  try {
    await waitUntilHealthy(base, server, logFile)
    const created = await fetch(`${base}/api/incidents`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(registrationBody(contact)) })
    if (created.status !== 201) throw new Error(`registering an incident on ${name}: ${created.status} ${await created.text()}`)
    const { id: incidentId } = await created.json() as { id: string }
    // A PNG's signature and random bytes: what compresses nothing, as photos and PDFs.
    const file = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(run.bytes - 8)])

    const upload = async () => {
      const form = new FormData()
      form.append('file', new File([file], 'scherm.png'))
      const started = performance.now()
      const res = await fetch(`${base}/api/incidents/${incidentId}/attachments`, { method: 'POST', headers: { cookie }, body: form })
      const body = await res.json() as { attachment?: { id: string } }
      if (res.status !== 201 || !body.attachment) throw new Error(`upload on ${name}: ${res.status} ${JSON.stringify(body)}`)
      return { ms: performance.now() - started, id: body.attachment.id }
    }
    const download = async (id: string) => {
      const started = performance.now()
      const res = await fetch(`${base}/api/incidents/${incidentId}/attachments/${id}`, { headers: { cookie } })
      const received = Buffer.from(await res.arrayBuffer())
      const ms = performance.now() - started
      if (res.status !== 200 || !received.equals(file)) throw new Error(`download on ${name}: ${res.status}, ${received.length} of ${file.length} bytes, ${received.equals(file) ? 'the same' : 'not the same'}`)
      return ms
    }

    for (let i = 0; i < 2; i++) await download((await upload()).id)
    const uploads = []
    for (let i = 0; i < run.runs; i++) uploads.push(await upload())
    const downloads = []
    for (const { id } of uploads) downloads.push(await download(id))
    const up = uploads.map((u) => u.ms)
    return {
      store: name,
      upload: { p50Ms: median(up), p99Ms: percentile(up, 99) },
      download: { p50Ms: median(downloads), p99Ms: percentile(downloads, 99) },
      peakRssBytes: peakRss(server.pid),
    }
  } finally {
    await stopServer(server)
  }
}

/** A process's peak resident memory from /proc (Linux); undefined where there is none. */
function peakRss(pid: number | undefined): number | undefined {
  const status = `/proc/${pid}/status`
  if (pid === undefined || !existsSync(status)) return undefined
  const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(status, 'utf8'))
  return match ? Number(match[1]) * 1024 : undefined
}
