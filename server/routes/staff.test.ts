import { afterEach, describe, expect, test } from 'vitest'
import { closeTestDesks, testDesk } from '../testing.ts'

afterEach(closeTestDesks)

const registration = (overrides: Record<string, unknown> = {}) => ({
  name: 'Tom Bakker', email: 'tom@bakkerij-jansen.example', kind: 'bug', productArea: 'finance',
  subject: 'Btw-aangifte geeft fout 500', description: 'Bij het indienen via Digipoort krijg ik fout 500.', lang: 'nl', ...overrides,
})

async function console_() {
  const desk = await testDesk()
  const as = {
    tom: { cookie: await desk.cookieFor('contact', 'c-jansen-emp') },
    peter: { cookie: await desk.cookieFor('contact', 'c-devries-admin') },
    lotte: { cookie: await desk.cookieFor('staff', 's-lotte') },
    fatima: { cookie: await desk.cookieFor('staff', 's-fatima') },
    ingrid: { cookie: await desk.cookieFor('staff', 's-admin') },
  }
  const file = async (who: { cookie: string }, overrides: Record<string, unknown> = {}) => (await desk.call('POST', '/api/incidents', registration(overrides), who)).json as { id: string; number: string }
  const queue = async (who: { cookie: string }, query = '') => desk.call('GET', `/api/staff/queue${query}`, undefined, who)
  return { ...desk, as, file, queue }
}

const numbers = (res: { json: { incidents: { number: string }[] } }) => res.json.incidents.map((i) => i.number)

describe('the triage queue', () => {
  test('an agent sees their teams’ incidents, new first, then by due time; another team’s queue is refused', async () => {
    const desk = await console_()
    const finance = await desk.file(desk.as.tom)
    const outage = await desk.file(desk.as.peter, { name: 'Peter de Vries', email: 'peter@devries-installatie.example', kind: 'outage', productArea: 'platform', subject: 'Niemand kan inloggen' })
    desk.setNow('2026-11-30T09:05:00Z')
    const second = await desk.file(desk.as.tom, { subject: 'Bankafschrift wordt niet ingelezen' })
    await desk.call('PATCH', `/api/incidents/${second.id}`, { version: 1, priority: 2, status: 'in_progress' }, desk.as.lotte)
    const lotte = await desk.queue(desk.as.lotte)
    expect(lotte.status).toBe(200)
    expect(numbers(lotte)).toEqual([finance.number, second.number])
    expect(lotte.json.incidents[1]).toMatchObject({ priority: 2, organisation: { name: 'Bakkerij Jansen B.V.', isFirstClass: true }, contactName: 'Tom Bakker', sla: { dueAt: expect.any(String) } })
    expect(lotte.json.incidents[0]).not.toHaveProperty('description')
    expect(numbers(await desk.queue(desk.as.fatima))).toEqual([outage.number])
    expect(numbers(await desk.queue(desk.as.ingrid))).toHaveLength(3)
    const refused = await desk.queue(desk.as.lotte, '?team=platform')
    expect([refused.status, refused.json.code]).toEqual([403, 'team_not_allowed'])
  })

  test('filters by status, priority, kind, product area, organisation, mine, breached and due soon', async () => {
    const desk = await console_()
    const a = await desk.file(desk.as.tom)
    const b = await desk.file(desk.as.tom, { kind: 'question', productArea: 'sales', subject: 'Offerte kopiëren' })
    await desk.call('PATCH', `/api/incidents/${a.id}`, { version: 1, priority: 2, status: 'in_progress', assigneeId: 's-lotte' }, desk.as.lotte)
    const q = async (query: string) => numbers(await desk.queue(desk.as.ingrid, query))
    expect(await q('?status=new')).toEqual([b.number])
    expect(await q('?priority=2')).toEqual([a.number])
    expect(await q('?kind=question')).toEqual([b.number])
    expect(await q('?productArea=finance')).toEqual([a.number])
    expect(await q('?organisationId=org-devries')).toEqual([])
    expect(numbers(await desk.queue(desk.as.lotte, '?mine=1'))).toEqual([a.number])
    // Priority 2 is due after 8.5 business hours: Tuesday 10:00; within two hours of that it is due soon, after it breached.
    desk.setNow('2026-12-01T07:30:00Z')
    expect(await q('?due=soon')).toEqual([a.number])
    expect(await q('?due=breached')).toEqual([])
    desk.setNow('2026-12-01T09:30:00Z')
    expect(await q('?due=breached')).toEqual([a.number])
    const bad = await desk.queue(desk.as.ingrid, '?priority=7&due=later')
    expect([bad.status, bad.json.fields.map((f: { path: string }) => f.path).sort()]).toEqual([400, ['due', 'priority']])
  })

  test('answers 304 to a poll when nothing changed, and the new list once something did', async () => {
    const desk = await console_()
    await desk.file(desk.as.tom)
    const first = await desk.queue(desk.as.lotte)
    const etag = first.headers.get('etag')!
    expect((await desk.call('GET', '/api/staff/queue', undefined, { ...desk.as.lotte, 'if-none-match': etag })).status).toBe(304)
    // As a browser sends it back after compression made it weak, in a list.
    expect((await desk.call('GET', '/api/staff/queue', undefined, { ...desk.as.lotte, 'if-none-match': `"other", W/${etag}` })).status).toBe(304)
    await desk.file(desk.as.tom, { subject: 'Nog een melding' })
    const changed = await desk.call('GET', '/api/staff/queue', undefined, { ...desk.as.lotte, 'if-none-match': etag })
    expect([changed.status, changed.json.incidents.length]).toEqual([200, 2])
  })

  test('a contact never reaches a staff endpoint', async () => {
    const desk = await console_()
    for (const path of ['/api/staff/queue', '/api/staff/people']) {
      const res = await desk.call('GET', path, undefined, desk.as.tom)
      expect([res.status, res.json.code]).toEqual([403, 'staff_only'])
      expect((await desk.call('GET', path)).status).toBe(401)
    }
  })

  test('lists active staff and the teams to assign to', async () => {
    const desk = await console_()
    const res = await desk.call('GET', '/api/staff/people', undefined, desk.as.lotte)
    expect(res.json.teams.map((t: { key: string }) => t.key)).toEqual(['first-line', 'finance', 'logistics', 'platform'])
    expect(res.json.staff).toContainEqual({ id: 's-lotte', name: 'Lotte Smit', teams: ['first-line', 'finance'], role: 'agent', extension: '201' })
    expect(JSON.stringify(res.json)).not.toContain('scrypt')
  })
})

describe('the incident in the console', () => {
  test('shows the organisation, the requester and the organisation’s other incidents', async () => {
    const desk = await console_()
    const earlier = await desk.file(desk.as.tom, { subject: 'Eerdere vraag' })
    const current = await desk.file(desk.as.tom, { kbQuery: 'btw fout 500', kbArticles: ['vat-return'] })
    const res = await desk.call('GET', `/api/incidents/${current.id}`, undefined, desk.as.lotte)
    expect(res.json).toMatchObject({
      organisation: { name: 'Bakkerij Jansen B.V.', isFirstClass: true, customerNumber: '104211' },
      contact: { name: 'Tom Bakker', email: 'tom@bakkerij-jansen.example' },
      history: [{ number: earlier.number, isSameContact: true }],
      incident: { kbQuery: 'btw fout 500', kbArticles: ['vat-return'] },
    })
    const customer = await desk.call('GET', `/api/incidents/${current.id}`, undefined, desk.as.tom)
    expect(customer.json).not.toHaveProperty('history')
    expect(customer.json).not.toHaveProperty('contact')
  })

  test('a logged phone call is internal: on the staff timeline, never shown or mailed to the customer', async () => {
    const desk = await console_()
    const incident = await desk.file(desk.as.tom)
    const mailsBefore = (await desk.mails()).length
    const logged = await desk.call('POST', `/api/incidents/${incident.id}/phone-contacts`, { direction: 'inbound', summary: 'Klant belde: fout treedt alleen op bij Q3.' }, desk.as.lotte)
    expect(logged.status).toBe(201)
    expect(logged.json.message).toMatchObject({ visibility: 'internal', channel: 'phone', direction: 'inbound' })
    const staffView = await desk.call('GET', `/api/incidents/${incident.id}`, undefined, desk.as.lotte)
    expect(staffView.json.timeline).toContainEqual(expect.objectContaining({ type: 'message', phone: 'inbound', text: 'Klant belde: fout treedt alleen op bij Q3.' }))
    expect((await desk.call('GET', `/api/incidents/${incident.id}`, undefined, desk.as.tom)).text).not.toContain('alleen op bij Q3')
    expect((await desk.mails()).length).toBe(mailsBefore)
    expect((await desk.call('POST', `/api/incidents/${incident.id}/phone-contacts`, { direction: 'inbound', summary: 'x' }, desk.as.tom)).status).toBe(403)
    expect((await desk.call('POST', `/api/incidents/${incident.id}/phone-contacts`, { direction: 'sideways', summary: 'x' }, desk.as.lotte)).status).toBe(400)
  })
})
