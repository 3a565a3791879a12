import { afterEach, expect, test } from 'vitest'
import { closeTestDesks, testDesk } from '../testing.ts'
import { startNearingSweep } from './nearing-sweep.ts'

afterEach(closeTestDesks)

test('sweeps at once and on its interval, on the injected clock, telling each assignee once; a failed sweep is logged and the next one runs', async () => {
  const desk = await testDesk()
  const tom = { cookie: await desk.cookieFor('contact', 'c-jansen-emp') }
  const ingrid = { cookie: await desk.cookieFor('staff', 's-admin') }
  const filed = (await desk.call('POST', '/api/incidents', {
    name: 'Tom Bakker', email: 'tom@bakkerij-jansen.example', kind: 'bug', productArea: 'finance', subject: 'Btw-aangifte geeft fout 500', description: 'Bij het indienen via Digipoort krijg ik fout 500.', lang: 'nl',
  }, tom)).json
  const triaged = (await desk.call('PATCH', `/api/incidents/${filed.id}`, { version: 1, priority: 2, status: 'in_progress', assigneeId: 's-lotte' }, ingrid)).json.incident
  desk.setNow(new Date(new Date(triaged.sla.dueAt).getTime() - 20 * 60_000).toISOString())

  const logged: string[] = []
  let isBroken = true
  const store = new Proxy(desk.store, {
    get: (target, key) => (key === 'incidents' && isBroken ? { ...target.incidents, queuePage: async () => { throw new Error('database gone') } } : Reflect.get(target, key)),
  })
  const sweep = startNearingSweep({ ...desk.deps, store }, { intervalMs: 20, log: (message) => logged.push(message) })
  await expect.poll(() => logged.length).toBeGreaterThan(0)
  expect(logged[0]).toBe('nearing-target sweep failed: database gone')
  isBroken = false
  await expect.poll(async () => (await desk.store.notifications.page('s-lotte', { limit: 10 })).items.filter((n) => n.kind === 'nearing').length).toBe(1)
  // More sweeps meanwhile tell no one again.
  await new Promise((resolve) => setTimeout(resolve, 100))
  await sweep.stop()
  expect((await desk.store.notifications.page('s-lotte', { limit: 10 })).items.filter((n) => n.kind === 'nearing')).toHaveLength(1)
  expect((await desk.mails()).filter((m) => m.to === 'lotte@noordwind.example' && m.subject.startsWith('Streeftijd nadert'))).toHaveLength(1)
})
