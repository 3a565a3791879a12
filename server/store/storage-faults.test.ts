// Faults injected into the lowdb store's journal at chosen points of a registration, a triage and a
// consent: each answers 503 storage_unavailable, memory equals disk (read back, and reopened), and
// the desk takes writes again once the disk does, without a restart.
import { afterEach, describe, expect, test } from 'vitest'
import { closeTestDesks, testDesk, widgetRegistration } from '../testing.ts'
import { faultyFiles, type FaultOp } from './faulty-files.ts'
import { openLowdbStore, readLowdbTables, type LowdbStore } from './lowdb-store.ts'
import { incidentDraft } from './store-contract.ts'

afterEach(closeTestDesks)

const NOW = '2026-11-30T09:00:00.000Z'

/** A desk on the lowdb store with faults on its journal, an incident Tom filed, and sessions for Lotte (staff) and Marieke (admin). */
async function faultyDesk() {
  const faults = faultyFiles()
  const desk = await testDesk({ now: NOW, files: faults.files })
  const store = desk.store as LowdbStore
  const incident = await store.incidents.create(incidentDraft({
    organisationId: 'org-jansen', contactId: 'c-jansen-emp', registeredAt: NOW, updatedAt: NOW, statusHistory: [{ status: 'new', at: NOW, by: 'contact:c-jansen-emp' }],
  }))
  const lotte = { cookie: await desk.cookieFor('staff', 's-lotte') }
  const marieke = { cookie: await desk.cookieFor('contact', 'c-jansen-admin') }
  /** Memory as the store holds it must be what a reader of the folder finds, and what a reopened store holds. */
  async function expectMemoryEqualsDisk() {
    await store.idle()
    const memory = store.dump()
    expect(await readLowdbTables(desk.deps.dataDir)).toEqual(memory)
    return memory
  }
  // The header's rewrite after the last write is done: a fault injected now strikes the change under test.
  await store.idle()
  return { ...desk, store, faults, incident, lotte, marieke, expectMemoryEqualsDisk }
}
type FaultyDesk = Awaited<ReturnType<typeof faultyDesk>>

/** The three changes under test; `prepare` sets up what the change needs, before faults are on. */
const CHANGES: Record<string, { prepare?: (desk: FaultyDesk) => Promise<string>; run: (desk: FaultyDesk, id: string, attempt: number) => ReturnType<FaultyDesk['call']>; ok: number }> = {
  // Anonymous, from the widget: a pending registration and its confirmation mail. The retry comes
  // from another address: the per-address mail limit counted the refused one (kept in memory only).
  registration: {
    run: (desk, _id, attempt) => desk.call('POST', '/api/incidents', { ...widgetRegistration, email: ['tom@bakkerij-jansen.example', 'aisha@devries-installatie.example'][attempt] }),
    ok: 202,
  },
  // A signed-in contact: the incident, its audit entry and the mail, at once.
  'signed-in registration': {
    prepare: (desk) => desk.cookieFor('contact', 'c-jansen-emp'),
    run: (desk, cookie) => desk.call('POST', '/api/incidents', { ...widgetRegistration, email: 'tom@bakkerij-jansen.example' }, { cookie }),
    ok: 201,
  },
  triage: { run: (desk) => desk.call('PATCH', `/api/incidents/${desk.incident.id}`, { version: 1, priority: 2, status: 'in_progress', assigneeId: 's-lotte' }, desk.lotte), ok: 200 },
  // The admin consents to a backup staff asked for.
  consent: {
    async prepare(desk) {
      const res = await desk.call('POST', `/api/incidents/${desk.incident.id}/backups`, { reason: 'De btw-aangifte nabootsen met de eigen gegevens.' }, desk.lotte)
      expect(res.status).toBe(201)
      return res.json.backup.id as string
    },
    run: (desk, id) => desk.call('POST', `/api/backups/${id}/decision`, { decision: 'approve', note: 'Akkoord.', version: 1 }, desk.marieke),
    ok: 200,
  },
}

/** Where the fault strikes: the operation, which one of the change's (1 = its first), and how. */
const FAULTS: { name: string; inject: (desk: FaultyDesk) => void }[] = [
  { name: 'ENOSPC on the first write', inject: (d) => d.faults.failAt('write', 1, 'ENOSPC') },
  { name: 'EIO on the first flush', inject: (d) => d.faults.failAt('datasync', 1, 'EIO') },
  { name: 'EIO on the second flush', inject: (d) => d.faults.failAt('datasync', 2, 'EIO') },
  { name: 'ENOSPC on the third write', inject: (d) => d.faults.failAt('write', 3, 'ENOSPC') },
  // A filling disk: the write takes 40 bytes (a short write), the rest gets ENOSPC.
  { name: 'a short write, then a full disk', inject: (d) => d.faults.setFreeBytes(40) },
  { name: 'a short write after the first record, then a full disk', inject: (d) => d.faults.setFreeBytes(400) },
]

describe('a write the disk refuses', () => {
  for (const [changeName, change] of Object.entries(CHANGES)) {
    for (const fault of FAULTS) {
      test(`${changeName}, ${fault.name}: 503 storage_unavailable, memory equals disk, also reopened`, async () => {
        const desk = await faultyDesk()
        const id = (await change.prepare?.(desk)) ?? ''
        await desk.store.idle()
        const before = await desk.expectMemoryEqualsDisk()
        const writes = { ...desk.faults.counts }
        fault.inject(desk)
        const res = await change.run(desk, id, 0)
        const struck = (['write', 'datasync'] as FaultOp[]).some((op) => desk.faults.counts[op] > writes[op])
        expect(struck).toBe(true)
        expect(res.status).toBe(503)
        expect(res.json).toEqual({ code: 'storage_unavailable', message: 'We kunnen nu niets opslaan: er is niets veranderd. Probeer het over een paar minuten opnieuw.' })
        const after = await desk.expectMemoryEqualsDisk()
        // Refused at its first write, the change left no trace; refused later, what its earlier writes stored is on disk as in memory.
        if (fault.name.includes('first') || fault.name.startsWith('a short write, then')) expect(after).toEqual(before)

        // Room again: the same change is taken.
        desk.faults.heal()
        const retried = await change.run(desk, id, 1)
        expect([change.ok, 409]).toContain(retried.status)
        if (fault.name.includes('first')) expect(retried.status).toBe(change.ok)
        const healed = await desk.expectMemoryEqualsDisk()

        // Reopened from the folder, the store holds the same.
        const dataDir = desk.deps.dataDir
        await desk.close()
        const reopened = await openLowdbStore({ dir: dataDir, log: () => {} })
        expect(reopened.dump()).toEqual(healed)
        await reopened.close()
      })
    }
  }

  test('while the disk is full, /api/health answers 503 with the reason and writes are refused up front; once there is room, both recover without a restart', async () => {
    const desk = await faultyDesk()
    expect((await desk.call('GET', '/api/health')).status).toBe(200)
    desk.faults.setFreeBytes(0)
    const refused = await desk.call('PATCH', `/api/incidents/${desk.incident.id}`, { version: 1, priority: 2 }, desk.lotte)
    expect(refused.status).toBe(503)
    expect(refused.json.code).toBe('storage_unavailable')
    const health = await desk.call('GET', '/api/health', undefined, { 'accept-language': 'en' })
    expect(health.status).toBe(503)
    expect(health.json).toEqual({ status: 'storage_unavailable', reason: expect.stringMatching(/^ENOSPC writing the journal: no space left on device/) })
    // Refused before the route ran: no write tried, nothing changed.
    const writes = desk.faults.counts.write
    const again = await desk.call('POST', '/api/incidents', widgetRegistration, { 'accept-language': 'en' })
    expect(again.status).toBe(503)
    expect(again.json.message).toBe('We cannot save anything right now: nothing was changed. Please try again in a few minutes.')
    expect(desk.faults.counts.write).toBe(writes + 1) // the health probe's write only
    expect((await desk.store.incidents.get(desk.incident.id))!.version).toBe(1)
    // Reads go on.
    expect((await desk.call('GET', `/api/incidents/${desk.incident.id}`, undefined, desk.lotte)).status).toBe(200)

    desk.faults.heal()
    expect((await desk.call('GET', '/api/health')).json).toEqual({ status: 'ok' })
    const done = await desk.call('PATCH', `/api/incidents/${desk.incident.id}`, { version: 1, priority: 2 }, desk.lotte)
    expect(done.status).toBe(200)
    await desk.expectMemoryEqualsDisk()
  })

  test('a write refused mid-route recovers on the next write: no health check needed in between', async () => {
    const desk = await faultyDesk()
    desk.faults.failAt('datasync', 1, 'EIO')
    expect((await desk.call('PATCH', `/api/incidents/${desk.incident.id}`, { version: 1, priority: 2 }, desk.lotte)).status).toBe(503)
    // The guard asks the store, which cuts off what the failed write left and finds the disk writable.
    const res = await desk.call('PATCH', `/api/incidents/${desk.incident.id}`, { version: 1, priority: 2 }, desk.lotte)
    expect(res.status).toBe(200)
    expect(res.json.incident.version).toBe(2)
    await desk.expectMemoryEqualsDisk()
  })

  test('concurrent writes sharing a failed flush are all refused and all undone, newest first; the numbers they took are given again', async () => {
    const desk = await faultyDesk()
    const before = desk.store.dump()
    await desk.store.idle()
    desk.faults.failAt('datasync', 1, 'EIO')
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => desk.store.incidents.create(incidentDraft())))
    expect(results.every((r) => r.status === 'rejected' && (r.reason as Error).name === 'StorageUnavailableError')).toBe(true)
    expect(desk.store.dump()).toEqual(before)
    const next = await desk.store.incidents.create(incidentDraft())
    expect(next.number).toBe(String(Number(desk.incident.number) + 1))
    await desk.expectMemoryEqualsDisk()
  })

  test('a short write alone is no failure: the rest is written after it, and the change is acknowledged whole', async () => {
    const desk = await faultyDesk()
    let shortOnce = true
    const files = desk.faults.files
    const open = files.open
    // One write that takes only 7 bytes, as a kernel may under pressure; the journal writes on.
    files.open = async (path, flags) => {
      const handle = await open(path, flags)
      const write = handle.write.bind(handle)
      handle.write = (buffer, offset, length, position) => {
        if (!shortOnce || length < 8) return write(buffer, offset, length, position)
        shortOnce = false
        return write(buffer, offset, 7, position)
      }
      return handle
    }
    // The journal handle is open already: a reopened desk uses the patched open.
    const dataDir = desk.deps.dataDir
    await desk.close()
    const store = await openLowdbStore({ dir: dataDir, files, log: () => {} })
    const created = await store.incidents.create(incidentDraft())
    expect(shortOnce).toBe(false)
    expect((await readLowdbTables(dataDir)).incidents.map((i) => i.id)).toContain(created.id)
    await store.close()
  })
})
