import { afterEach, describe, expect, test } from 'vitest'
import { createApp } from '../app.ts'
import { createMetrics, watchedTransport } from '../metrics.ts'
import { incidentsPastTarget, pendingMail } from '../services/operations.ts'
import { closeTestDesks, testDesk } from '../testing.ts'

afterEach(closeTestDesks)

const registration = { name: 'Tom Bakker', email: 'tom@bakkerij-jansen.example', kind: 'bug', productArea: 'finance', subject: 'Btw-aangifte geeft fout 500', description: 'Digipoort geeft fout 500 bij het indienen.', lang: 'nl' }

describe('GET /api/ready', () => {
  test('is ready on a fresh desk, and never cached', async () => {
    const desk = await testDesk()
    const ready = await desk.call('GET', '/api/ready')
    expect([ready.status, ready.json, ready.headers.get('cache-control')]).toEqual([200, { status: 'ready' }, 'no-store'])
  })

  test('is not ready while the store cannot write, and ready again once it can', async () => {
    const desk = await testDesk()
    let health: Awaited<ReturnType<typeof desk.store.health>> = { ok: false, reason: 'the disk is full (ENOSPC)' }
    desk.store.health = async () => health
    const down = await desk.call('GET', '/api/ready')
    expect([down.status, down.json]).toEqual([503, { status: 'not_ready', reasons: ['store: the disk is full (ENOSPC)'] }])
    health = { ok: true }
    expect((await desk.call('GET', '/api/ready')).status).toBe(200)
  })

  test('is not ready once every send has failed for 15 minutes, and ready after a send succeeds', async () => {
    const desk = await testDesk()
    let isDown = true
    const transport = watchedTransport({ send: async () => { if (isDown) throw new Error('connect ECONNREFUSED') } }, undefined, desk.deps.clock)
    desk.deps.mailHealth = transport
    const mail = { messageId: 'm', from: 'a@example.nl', to: 'b@example.nl', subject: 's', text: 't' }
    await expect(transport.send(mail)).rejects.toThrow()
    desk.setNow('2026-11-30T09:14:00Z')
    expect((await desk.call('GET', '/api/ready')).status).toBe(200)
    desk.setNow('2026-11-30T09:15:00Z')
    const down = await desk.call('GET', '/api/ready')
    expect([down.status, down.json.reasons]).toEqual([503, ['mail: every send has failed since 2026-11-30T09:00:00.000Z']])
    isDown = false
    await transport.send(mail)
    expect((await desk.call('GET', '/api/ready')).status).toBe(200)
  })

  test('is not ready when a mail has waited 30 minutes to be sent', async () => {
    const desk = await testDesk()
    expect((await desk.call('POST', '/api/incidents', registration)).status).toBe(202)
    desk.setNow('2026-11-30T09:29:00Z')
    expect((await desk.call('GET', '/api/ready')).status).toBe(200)
    desk.setNow('2026-11-30T09:30:00Z')
    const late = await desk.call('GET', '/api/ready')
    expect([late.status, late.json.reasons]).toEqual([503, ['mail: 1 waiting, the oldest for 30 minutes']])
  })
})

describe('GET /metrics', () => {
  async function withMetrics(token?: string) {
    const desk = await testDesk()
    const { store, clock, calendar } = desk.deps
    const metrics = createMetrics({ pendingMail: () => pendingMail({ store, clock }), pastTarget: () => incidentsPastTarget({ store, clock, calendar, desk: desk.deps.desk }) }, { clock })
    const app = createApp({ ...desk.deps, metrics, metricsToken: token })
    const get = (authorization?: string) => app.request('/metrics', { headers: authorization ? { authorization } : {} })
    return { desk, app, get }
  }

  test('is not there without METRICS_TOKEN, and refuses a wrong token with 401', async () => {
    expect((await (await withMetrics()).get('Bearer anything')).status).toBe(404)
    const { get } = await withMetrics('s3cret-metrics-token')
    const wrong = await get('Bearer not-it')
    expect([wrong.status, (await wrong.json()).code, wrong.headers.get('www-authenticate')]).toEqual([401, 'metrics_token_invalid', 'Bearer realm="loket-metrics"'])
    expect((await get()).status).toBe(401)
  })

  test('shows the counters move: a registration, its mail waiting, the request by its route, a rate-limit refusal', async () => {
    const { app, get, desk } = await withMetrics('s3cret-metrics-token')
    const value = async (line: RegExp) => Number(line.exec(await (await get('Bearer s3cret-metrics-token')).text())?.[1] ?? NaN)
    expect(await value(/^loket_registrations_total (\d+)$/m)).toBe(0)
    const cookie = await desk.cookieFor('contact', 'c-jansen-emp')
    const registered = await app.request('/api/incidents', { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(registration) })
    expect(registered.status).toBe(201)
    expect(await value(/^loket_registrations_total (\d+)$/m)).toBe(1)
    expect(await value(/^loket_mails_pending (\d+)$/m)).toBe(1)
    expect(await value(/^loket_http_request_duration_seconds_count\{method="POST",route="\/api\/incidents",status="201"\} (\d+)$/m)).toBe(1)
    for (let i = 0; i < 11; i++) await app.request('/api/auth/staff', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'nobody@noordwind.example', password: 'not it' }) })
    expect(await value(/^loket_rate_limit_refusals_total\{route="\/api\/auth\/staff"\} (\d+)$/m)).toBe(1)
    expect(await value(/^loket_incidents_past_target (\d+)$/m)).toBe(0)
  })

  test('counts the incidents past target at most once a minute, however often it is scraped', async () => {
    const { app, get, desk } = await withMetrics('s3cret-metrics-token')
    const pastTarget = async () => Number(/^loket_incidents_past_target (\d+)$/m.exec(await (await get('Bearer s3cret-metrics-token')).text())?.[1] ?? NaN)
    expect(await pastTarget()).toBe(0)
    const contact = await desk.cookieFor('contact', 'c-jansen-emp')
    const lotte = await desk.cookieFor('staff', 's-lotte')
    const registered = await app.request('/api/incidents', { method: 'POST', headers: { 'content-type': 'application/json', cookie: contact }, body: JSON.stringify(registration) })
    const { id } = await registered.json() as { id: string }
    expect((await desk.call('PATCH', `/api/incidents/${id}`, { version: 1, priority: 2, status: 'in_progress' }, { cookie: lotte })).status).toBe(200)
    // Within the minute the count is the one made a moment ago.
    desk.setNow('2026-11-30T09:00:59Z')
    expect(await pastTarget()).toBe(0)
    // Three days on, its 8.5 business hours have long passed: counted afresh.
    desk.setNow('2026-12-03T09:00:00Z')
    expect(await pastTarget()).toBe(1)
    expect((await desk.call('PATCH', `/api/incidents/${id}`, { version: 2, status: 'resolved' }, { cookie: await desk.cookieFor('staff', 's-lotte') })).status).toBe(200)
    desk.setNow('2026-12-03T09:00:30Z')
    expect(await pastTarget()).toBe(1)
    desk.setNow('2026-12-03T09:01:00Z')
    expect(await pastTarget()).toBe(0)
  })
})
