// A real full disk: the data folder on a 3 MB tmpfs, filled up. Needs root (mount); skipped with a
// message elsewhere. Registrations answer 503 and /api/health 503 while it is full; memory equals
// disk; once space is freed, writes go through again without a restart.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { testDesk, widgetRegistration } from '../testing.ts'
import { readLowdbTables, type LowdbStore } from './lowdb-store.ts'

/** Mounts a 3 MB tmpfs, or says why it cannot. */
function mountSmallDisk(): { dir: string } | { why: string } {
  if (process.platform !== 'linux') return { why: 'not Linux' }
  if (process.getuid?.() !== 0) return { why: 'not root: mount -t tmpfs needs root' }
  const dir = mkdtempSync(join(tmpdir(), 'loket-full-'))
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', dir], { encoding: 'utf8' })
  if (mounted.status !== 0) {
    rmdirSync(dir)
    return { why: `mount -t tmpfs failed: ${(mounted.stderr || mounted.error?.message || '').trim()}` }
  }
  return { dir }
}

const disk = mountSmallDisk()
if ('why' in disk) console.warn(`[loket] full-disk test skipped: ${disk.why}`)

describe.skipIf('why' in disk)('a real full disk (tmpfs of 3 MB)', () => {
  const dir = 'dir' in disk ? disk.dir : ''
  let close: (() => Promise<void>) | undefined
  afterAll(async () => {
    await close?.()
    spawnSync('umount', [dir])
    rmdirSync(dir)
  })

  test('registrations answer 503 and health 503 while it is full, memory equals disk, and writes resume once space is freed', async () => {
    const dataDir = join(dir, 'data')
    const desk = await testDesk({ dataDir })
    close = desk.close
    const store = desk.store as LowdbStore
    const cookie = await desk.cookieFor('contact', 'c-jansen-emp')
    const register = (n: number) => desk.call('POST', '/api/incidents', { ...widgetRegistration, email: 'tom@bakkerij-jansen.example', subject: `Volle schijf ${n}` }, { cookie })
    const first = await register(0)
    expect(first.status).toBe(201)

    // Fill what is left, in chunks, until the disk refuses.
    const filler = join(dir, 'filler')
    let size = 0
    for (const chunk = Buffer.alloc(64 * 1024, 1); ;) {
      try {
        writeFileSync(filler, chunk, { flag: 'a' })
        size += chunk.length
      } catch (error) {
        expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC')
        break
      }
    }
    for (const small = Buffer.alloc(512, 1); ;) {
      try {
        writeFileSync(filler, small, { flag: 'a' })
      } catch {
        break
      }
    }
    expect(size).toBeGreaterThan(0)

    // An attachment does not fit: 503 before its record is written, and no temp file keeps space taken.
    const form = new FormData()
    form.append('file', new File([Buffer.alloc(256 * 1024, 0x61)], 'log.txt', { type: 'text/plain' }))
    const upload = await desk.app.request(`/api/incidents/${first.json.id}/attachments`, { method: 'POST', body: form, headers: { cookie } })
    expect(upload.status).toBe(503)
    expect((await upload.json()).code).toBe('storage_unavailable')
    expect(await store.attachments.listByIncident(first.json.id)).toEqual([])
    const { readdirSync } = await import('node:fs')
    expect(readdirSync(join(dataDir, 'attachments', first.json.id)).filter((name) => name.endsWith('.tmp'))).toEqual([])

    // The journal's last page may hold a few more records; then the disk refuses.
    let refused: Awaited<ReturnType<typeof register>> | undefined
    for (let n = 1; n < 200 && !refused; n++) {
      const res = await register(n)
      if (res.status === 503) refused = res
      else expect(res.status).toBe(201)
    }
    expect(refused?.json.code).toBe('storage_unavailable')
    const health = await desk.call('GET', '/api/health')
    expect(health.status).toBe(503)
    expect(health.json.reason).toMatch(/ENOSPC/)
    await store.idle()
    expect(await readLowdbTables(dataDir)).toEqual(store.dump())

    rmSync(filler)
    expect((await desk.call('GET', '/api/health')).json).toEqual({ status: 'ok' })
    expect((await register(1000)).status).toBe(201)
    await store.idle()
    expect(await readLowdbTables(dataDir)).toEqual(store.dump())
  })
})
