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

test('reads only the incidents coming up to their target: one past it is not looked at again every minute', async () => {
  const desk = await testDesk()
  const tom = { cookie: await desk.cookieFor('contact', 'c-jansen-emp') }
  const ingrid = { cookie: await desk.cookieFor('staff', 's-admin') }
  const file = async (subject: string) => (await desk.call('POST', '/api/incidents', {
    name: 'Tom Bakker', email: 'tom@bakkerij-jansen.example', kind: 'bug', productArea: 'finance', subject, description: 'Bij het indienen via Digipoort krijg ik fout 500.', lang: 'nl',
  }, tom)).json
  const early = await file('Btw-aangifte geeft fout 500')
  const pastDue = (await desk.call('PATCH', `/api/incidents/${early.id}`, { version: 1, priority: 1, status: 'in_progress', assigneeId: 's-lotte' }, ingrid)).json.incident
  const later = await file('Factuur blijft hangen')
  const nearing = (await desk.call('PATCH', `/api/incidents/${later.id}`, { version: 1, priority: 3, status: 'in_progress', assigneeId: 's-lotte' }, ingrid)).json.incident
  expect(Date.parse(pastDue.sla.dueAt)).toBeLessThan(Date.parse(nearing.sla.dueAt))
  // Past the first one's target, 20 minutes before the second one's.
  desk.setNow(new Date(Date.parse(nearing.sla.dueAt) - 20 * 60_000).toISOString())
  const read: string[] = []
  const store = new Proxy(desk.store, {
    get: (target, key) => (key === 'incidents'
      ? { ...target.incidents, queuePage: async (...args: Parameters<typeof target.incidents.queuePage>) => {
        const page = await target.incidents.queuePage(...args)
        read.push(...page.items.map((i) => i.id))
        return page
      } }
      : Reflect.get(target, key)),
  })
  const sweep = startNearingSweep({ ...desk.deps, store }, { intervalMs: 60_000 })
  await expect.poll(async () => (await desk.store.notifications.page('s-lotte', { limit: 10 })).items.filter((n) => n.kind === 'nearing').length).toBe(1)
  await sweep.stop()
  expect(read).toEqual([nearing.id])
})
