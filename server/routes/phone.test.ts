import { afterEach, describe, expect, test } from 'vitest'
import { createApp } from '../app.ts'
import { PHONE_TEST_SECRET, closeTestDesks, testDesk } from '../testing.ts'

afterEach(closeTestDesks)

const registration = {
  name: 'Tom Bakker', email: 'tom@bakkerij-jansen.example', kind: 'bug', productArea: 'finance',
  subject: 'Btw-aangifte geeft fout 500', description: 'Bij het indienen via Digipoort krijg ik fout 500.', lang: 'nl',
}

const phoneSystem = { authorization: `Bearer ${PHONE_TEST_SECRET}` }
const finance = { key: 'finance', name: { nl: 'Team Financieel', en: 'Finance team' } }

/** The demo desk on a Monday morning with one incident Tom filed (routed to finance), and an admin to triage it. */
async function withIncident(now = '2026-11-30T09:00:00Z') {
  const desk = await testDesk({ now })
  const tom = await desk.cookieFor('contact', 'c-jansen-emp')
  const admin = await desk.cookieFor('staff', 's-admin')
  const created = await desk.call('POST', '/api/incidents', registration, { cookie: tom })
  expect(created.status).toBe(201)
  const route = (number: string = created.json.number, headers: Record<string, string> = phoneSystem) =>
    desk.call('GET', `/api/phone/route?number=${encodeURIComponent(number)}`, undefined, headers)
  const triage = async (change: Record<string, unknown>) => {
    const current = (await desk.store.incidents.get(created.json.id))!
    const res = await desk.call('PATCH', `/api/incidents/${created.json.id}`, { version: current.version, ...change }, { cookie: admin })
    expect(res.status).toBe(200)
  }
  return { ...desk, tom, admin, number: created.json.number as string, route, triage }
}

describe('GET /api/phone/route', () => {
  test('sends an unknown number to the general line, saying nothing more', async () => {
    const desk = await withIncident()
    const res = await desk.route('999999')
    expect(res.status).toBe(200)
    expect(res.json).toEqual({ route: 'general', isOpen: true, opensAt: null })
    expect(res.headers.get('cache-control')).toBe('no-store')
  })

  test('sends an unassigned incident to its team queue', async () => {
    const desk = await withIncident()
    const res = await desk.route()
    expect(res.json).toEqual({ route: 'team', incident: { number: desk.number, status: 'new' }, team: finance, isOpen: true, opensAt: null })
  })

  test('puts an assigned incident through to the assignee by name and extension, and nothing about the customer', async () => {
    const desk = await withIncident()
    await desk.triage({ assigneeId: 's-lotte', status: 'in_progress' })
    const res = await desk.route()
    expect(res.json).toEqual({
      route: 'assignee', incident: { number: desk.number, status: 'in_progress' }, handler: { name: 'Lotte Smit', extension: '201' },
      team: finance, isOpen: true, opensAt: null,
    })
    for (const secret of ['Btw-aangifte', 'Bakkerij', 'Tom Bakker', 'tom@', 'org-jansen', 'c-jansen-emp']) expect(res.text).not.toContain(secret)
  })

  test('sends the call to the team when the assignee was deactivated', async () => {
    const desk = await withIncident()
    await desk.triage({ assigneeId: 's-lotte' })
    const lotte = (await desk.store.staff.get('s-lotte'))!
    await desk.store.staff.put({ ...lotte, isActive: false })
    expect((await desk.route()).json).toMatchObject({ route: 'team', team: finance })
  })

  test('sends the call to the team when the assignee has no extension', async () => {
    const desk = await withIncident()
    await desk.triage({ assigneeId: 's-lotte' })
    const { extension: _none, ...lotte } = (await desk.store.staff.get('s-lotte'))!
    await desk.store.staff.put(lotte)
    expect((await desk.route()).json).toMatchObject({ route: 'team', team: finance })
  })

  test('sends a call about a closed incident to the team, not to whoever closed it', async () => {
    const desk = await withIncident()
    await desk.triage({ assigneeId: 's-lotte', status: 'resolved' })
    expect((await desk.route()).json.route).toBe('assignee')
    await desk.triage({ status: 'closed' })
    expect((await desk.route()).json).toMatchObject({ route: 'team', incident: { number: desk.number, status: 'closed' }, team: finance })
  })

  test('on a Saturday gives the route, closed, with Monday 08:30 as the next opening', async () => {
    const desk = await withIncident()
    await desk.triage({ assigneeId: 's-lotte' })
    desk.setNow('2026-11-28T10:00:00Z')
    const closed = await desk.route()
    expect(closed.json).toMatchObject({ route: 'assignee', isOpen: false, opensAt: '2026-11-30T07:30:00.000Z' })
    expect((await desk.route('999999')).json).toEqual({ route: 'general', isOpen: false, opensAt: '2026-11-30T07:30:00.000Z' })
    desk.setNow('2026-11-30T07:30:00Z')
    expect((await desk.route()).json).toMatchObject({ route: 'assignee', isOpen: true, opensAt: null })
  })

  test('refuses a wrong secret with 401, telling nothing about the incident', async () => {
    const desk = await withIncident()
    await desk.triage({ assigneeId: 's-lotte' })
    const known = await desk.route(desk.number, { authorization: `Bearer ${PHONE_TEST_SECRET}x` })
    const unknown = await desk.route('999999', { authorization: 'Bearer guess' })
    expect(known.status).toBe(401)
    expect(known.json.code).toBe('phone_secret_invalid')
    expect(known.headers.get('www-authenticate')).toMatch(/^Bearer /)
    expect(known.headers.get('cache-control')).toBe('no-store')
    expect(known.text).toBe(unknown.text)
    for (const secret of [desk.number, 'Lotte', '201', 'finance', 'Btw']) expect(known.text).not.toContain(secret)
  })

  test.each([
    ['no Authorization header', {}],
    ['an empty bearer token', { authorization: 'Bearer ' }],
    ['the secret under another scheme', { authorization: `Basic ${PHONE_TEST_SECRET}` }],
    ['the secret alone, without a scheme', { authorization: PHONE_TEST_SECRET }],
    ['a prefix of the secret', { authorization: `Bearer ${PHONE_TEST_SECRET.slice(0, -1)}` }],
  ])('refuses %s with 401', async (_name, headers) => {
    const desk = await withIncident()
    const res = await desk.route(desk.number, headers)
    expect(res.status).toBe(401)
    expect(res.json.code).toBe('phone_secret_invalid')
  })

  test('a staff or contact session does not open it: only the secret does', async () => {
    const desk = await withIncident()
    for (const cookie of [desk.admin, await desk.cookieFor('staff', 's-lotte'), desk.tom]) {
      const res = await desk.route(desk.number, { cookie })
      expect(res.status).toBe(401)
      expect(res.json.code).toBe('phone_secret_invalid')
    }
  })

  test('accepts the scheme in any case, and explains a refusal in English when asked', async () => {
    const desk = await withIncident()
    expect((await desk.route(desk.number, { authorization: `bearer ${PHONE_TEST_SECRET}` })).status).toBe(200)
    const refused = await desk.route(desk.number, { 'accept-language': 'en' })
    expect(refused.json.message).toContain('Authorization: Bearer')
  })

  test.each([
    ['letters', '10004a'],
    ['thirteen digits', '1234567890123'],
    ['an empty number', ''],
    ['the keypad hash', '100001#'],
  ])('refuses %s with 400, naming the field', async (_name, number) => {
    const desk = await withIncident()
    const res = await desk.route(number)
    expect(res.status).toBe(400)
    expect(res.json).toMatchObject({ code: 'invalid_input', fields: [{ path: 'number' }] })
    expect(res.headers.get('cache-control')).toBe('no-store')
  })

  test('refuses a request without a number with 400, naming the field', async () => {
    const desk = await withIncident()
    const res = await desk.call('GET', '/api/phone/route', undefined, phoneSystem)
    expect(res.status).toBe(400)
    expect(res.json.fields).toEqual([{ path: 'number', message: expect.any(String) }])
  })

  test('checks the secret before the number: a caller without it learns no input rules', async () => {
    const desk = await withIncident()
    const res = await desk.route('not-a-number', {})
    expect(res.status).toBe(401)
  })

  test('answers 503 while no secret is configured, whatever is sent', async () => {
    const desk = await withIncident()
    const app = createApp({ ...desk.deps, phoneRoutingSecret: undefined })
    const res = await app.request(`/api/phone/route?number=${desk.number}`, { headers: phoneSystem })
    expect(res.status).toBe(503)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(await res.json()).toMatchObject({ code: 'phone_routing_disabled' })
    const empty = createApp({ ...desk.deps, phoneRoutingSecret: '' })
    expect((await empty.request(`/api/phone/route?number=${desk.number}`, { headers: { authorization: 'Bearer ' } })).status).toBe(503)
  })
})
