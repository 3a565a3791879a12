import { afterEach, describe, expect, test } from 'vitest'
import { fillQueueDueTimes } from '../services/staff-queue.ts'
import { closeTestDesks, testDesk } from '../testing.ts'

afterEach(closeTestDesks)

/** The demo desk with incidents of two organisations filed through the API, and a session for each person the tests act as. */
async function desk() {
  const d = await testDesk()
  const as = {
    marieke: { cookie: await d.cookieFor('contact', 'c-jansen-admin') },
    tom: { cookie: await d.cookieFor('contact', 'c-jansen-emp') },
    peter: { cookie: await d.cookieFor('contact', 'c-devries-admin') },
    lotte: { cookie: await d.cookieFor('staff', 's-lotte') },
  }
  const people = new Map([
    [as.marieke, { name: 'Marieke Jansen', email: 'marieke@bakkerij-jansen.example' }],
    [as.tom, { name: 'Tom Bakker', email: 'tom@bakkerij-jansen.example' }],
    [as.peter, { name: 'Peter de Vries', email: 'peter@devries-installatie.example' }],
  ])
  const file = async (who: { cookie: string }, subject: string, description = 'Sinds vanochtend lukt het niet meer.') => {
    const res = await d.call('POST', '/api/incidents', { ...people.get(who), kind: 'bug', productArea: 'finance', subject, description, lang: 'nl' }, who)
    expect(res.status).toBe(201)
    return res.json as { id: string; number: string }
  }
  return { ...d, as, file }
}

/** Every page of `path` for `who`, following `next`: the numbers, in order. */
async function allPages(d: Awaited<ReturnType<typeof desk>>, path: string, who: { cookie: string }, key = 'incidents') {
  const numbers: string[] = []
  let next: string | null = null
  do {
    const res = await d.call('GET', `${path}${path.includes('?') ? '&' : '?'}limit=2${next ? `&cursor=${next}` : ''}`, undefined, who)
    expect(res.status).toBe(200)
    numbers.push(...res.json[key].map((i: { number: string }) => i.number))
    next = res.json.next
  } while (next)
  return numbers
}

describe('GET /api/incidents in pages', () => {
  test('an admin pages through the organisation\'s incidents, newest first, each once, with a total', async () => {
    const d = await desk()
    const filed: { id: string; number: string }[] = []
    for (let n = 0; n < 5; n++) filed.push(await d.file(n % 2 ? d.as.tom : d.as.marieke, `Storing ${n}`))
    await d.file(d.as.peter, 'Storing bij De Vries')
    const first = await d.call('GET', '/api/incidents?limit=2', undefined, d.as.marieke)
    expect(first.json).toMatchObject({ total: 5, next: expect.any(String) })
    expect(first.json.incidents).toHaveLength(2)
    expect(await allPages(d, '/api/incidents', d.as.marieke)).toEqual(filed.map((i) => i.number).reverse())
    // An employee pages through their own only.
    expect(await allPages(d, '/api/incidents', d.as.tom)).toEqual([filed[3]!.number, filed[1]!.number])
  })

  test('the last page says there is no next one, and a page holds 50 unless asked otherwise', async () => {
    const d = await desk()
    await d.file(d.as.marieke, 'Eén incident')
    const res = await d.call('GET', '/api/incidents', undefined, d.as.marieke)
    expect(res.json).toMatchObject({ next: null, total: 1 })
  })

  test.each([
    ['a cursor made up', 'cursor=nonsense'],
    ['a cursor of another shape', `cursor=${Buffer.from('["x"]').toString('base64url')}`],
    ['a cursor of the queue', `cursor=${Buffer.from('[0,"~","2026-11-30T09:00:00.000Z",100001]').toString('base64url')}`],
    ['a limit of 0', 'limit=0'],
    ['a limit over 200', 'limit=201'],
    ['a limit that is no number', 'limit=veel'],
  ])('refuses %s with 400 invalid_input in the caller\'s language, and changes nothing', async (_, query) => {
    const d = await desk()
    await d.file(d.as.marieke, 'Storing')
    const before = JSON.stringify(await d.store.incidents.list({}))
    const res = await d.call('GET', `/api/incidents?${query}`, undefined, { ...d.as.marieke, 'accept-language': 'en' })
    expect(res.status).toBe(400)
    expect(res.json).toMatchObject({ code: 'invalid_input', message: expect.any(String), fields: [expect.objectContaining({ path: expect.stringMatching(/cursor|limit/) })] })
    const nl = await d.call('GET', `/api/incidents?${query}`, undefined, { ...d.as.marieke, 'accept-language': 'nl' })
    expect(nl.json.message).not.toBe(res.json.message)
    expect(JSON.stringify(await d.store.incidents.list({}))).toBe(before)
  })
})

describe('searching incidents', () => {
  test('an admin finds the organisation\'s incidents by word (Dutch and English forms) and by number, never another organisation\'s', async () => {
    const d = await desk()
    const printer = await d.file(d.as.tom, 'De printers afdrukken niets', 'Geen enkele pagina komt eruit.')
    const invoice = await d.file(d.as.marieke, 'Factuur klopt niet')
    const theirs = await d.file(d.as.peter, 'Printer kapot bij De Vries')
    const q = async (query: string, who = d.as.marieke) => (await d.call('GET', `/api/incidents?q=${encodeURIComponent(query)}`, undefined, who)).json.incidents.map((i: { number: string }) => i.number)
    expect(await q('printer')).toEqual([printer.number])
    expect(await q('afdruk')).toEqual([printer.number])
    expect(await q('facturen')).toEqual([invoice.number])
    expect(await q(printer.number)).toEqual([printer.number])
    // Another organisation's incident: not by its number, not by its words.
    expect(await q(theirs.number)).toEqual([])
    expect(await q('kapot')).toEqual([])
    expect(await q('printer', d.as.peter)).toEqual([theirs.number])
    // An employee searches their own only.
    expect(await q('factuur', d.as.tom)).toEqual([])
    expect(await q('printers', d.as.tom)).toEqual([printer.number])
  })

  test('a word from a customer\'s reaction finds the incident; a staff note only for staff', async () => {
    const d = await desk()
    const incident = await d.file(d.as.tom, 'Btw-aangifte geeft fout 500')
    expect((await d.call('POST', `/api/incidents/${incident.id}/messages`, { text: 'Het certificaat is vandaag vernieuwd.' }, d.as.tom)).status).toBe(201)
    expect((await d.call('POST', `/api/incidents/${incident.id}/messages`, { text: 'Digipoort-storing, zie leverancier.', visibility: 'internal' }, d.as.lotte)).status).toBe(201)
    const q = async (query: string, who: { cookie: string }) => (await d.call('GET', `/api/incidents?q=${encodeURIComponent(query)}`, undefined, who)).json.incidents.map((i: { number: string }) => i.number)
    expect(await q('certificaten', d.as.marieke)).toEqual([incident.number])
    expect(await q('certificaat', d.as.lotte)).toEqual([incident.number])
    expect(await q('leverancier', d.as.lotte)).toEqual([incident.number])
    expect(await q('leverancier', d.as.marieke)).toEqual([])
  })

  test('staff search with the queue\'s filters beside it, and every status', async () => {
    const d = await desk()
    const incident = await d.file(d.as.tom, 'Printer weigert dienst')
    await d.file(d.as.peter, 'Printer kapot')
    expect((await d.call('PATCH', `/api/incidents/${incident.id}`, { version: 1, status: 'resolved' }, d.as.lotte)).status).toBe(200)
    const res = await d.call('GET', '/api/incidents?q=printer&organisationId=org-jansen', undefined, d.as.lotte)
    expect(res.json.incidents.map((i: { number: string; status: string }) => [i.number, i.status])).toEqual([[incident.number, 'resolved']])
    expect((await d.call('GET', '/api/incidents?q=printer&status=new', undefined, d.as.lotte)).json.total).toBe(1)
  })

  test('a contact\'s filters for another organisation or contact find nothing of theirs', async () => {
    const d = await desk()
    await d.file(d.as.peter, 'Printer kapot')
    const probe = async (query: string) => (await d.call('GET', `/api/incidents?${query}`, undefined, d.as.marieke)).json
    expect((await probe('organisationId=org-devries')).incidents.every((i: { organisationId: string }) => i.organisationId === 'org-jansen')).toBe(true)
    expect(await probe('contactId=c-devries-admin')).toMatchObject({ incidents: [], total: 0 })
    expect(await probe('contactId=c-devries-admin&q=printer')).toMatchObject({ incidents: [], total: 0 })
  })
})

describe('GET /api/staff/queue in pages', () => {
  test('pages the queue new first, then by due time, each once, with a total', async () => {
    const d = await desk()
    const filed: { id: string; number: string }[] = []
    for (let n = 0; n < 5; n++) filed.push(await d.file(d.as.marieke, `Storing ${n}`))
    // Two picked up, with a target: they follow the new ones, the sooner due first.
    expect((await d.call('PATCH', `/api/incidents/${filed[0]!.id}`, { version: 1, priority: 4, status: 'in_progress' }, d.as.lotte)).status).toBe(200)
    expect((await d.call('PATCH', `/api/incidents/${filed[1]!.id}`, { version: 1, priority: 2, status: 'in_progress' }, d.as.lotte)).status).toBe(200)
    const whole = (await d.call('GET', '/api/staff/queue', undefined, d.as.lotte)).json
    expect(whole.total).toBe(whole.incidents.length)
    const paged = await allPages(d, '/api/staff/queue', d.as.lotte)
    expect(paged).toEqual(whole.incidents.map((i: { number: string }) => i.number))
    const mine = paged.filter((n) => filed.some((f) => f.number === n))
    expect(mine).toEqual([filed[2], filed[3], filed[4], filed[1], filed[0]].map((f) => f!.number))
  })

  test('refuses a cursor it did not give out with 400 invalid_input', async () => {
    const d = await desk()
    const res = await d.call('GET', `/api/staff/queue?cursor=${Buffer.from('[100001]').toString('base64url')}`, undefined, d.as.lotte)
    expect(res.status).toBe(400)
    expect(res.json).toMatchObject({ code: 'invalid_input', fields: [expect.objectContaining({ path: 'cursor' })] })
  })
})

describe('complaints and consents in pages', () => {
  test('an admin pages through the organisation\'s complaints newest first; an employee gets their own; another organisation none', async () => {
    const d = await desk()
    const filed: string[] = []
    for (const [who, n] of [[d.as.tom, 1], [d.as.marieke, 2], [d.as.tom, 3]] as const) {
      const res = await d.call('POST', '/api/complaints', { kind: 'opinion', subject: `Mening ${n}`, text: 'Het portaal werkt prettig, dank.' }, who)
      expect(res.status).toBe(201)
      filed.push(res.json.complaint.number)
    }
    expect(await allPages(d, '/api/complaints', d.as.marieke, 'complaints')).toEqual([...filed].reverse())
    expect(await allPages(d, '/api/complaints', d.as.tom, 'complaints')).toEqual([filed[2], filed[0]])
    expect((await d.call('GET', '/api/complaints', undefined, d.as.peter)).json).toMatchObject({ complaints: [], next: null, total: 0 })
    const bad = await d.call('GET', '/api/complaints?cursor=bm9wZQ', undefined, d.as.marieke)
    expect(bad.status).toBe(400)
    expect(bad.json).toMatchObject({ code: 'invalid_input', fields: [expect.objectContaining({ path: 'cursor' })] })
  })

  test('consents page newest first for staff with a total; a contact of another organisation sees none of them', async () => {
    const d = await desk()
    const asked: string[] = []
    // Three Saturdays: support outside opening hours.
    for (const day of ['02', '09', '16']) {
      const res = await d.call('POST', '/api/extra-support', { startsAt: `2027-01-${day}T09:00:00+01:00`, endsAt: `2027-01-${day}T16:00:00+01:00`, reason: 'Jaarafsluiting: we willen support kunnen bellen als de afsluiting vastloopt.' }, d.as.marieke)
      expect(res.status).toBe(201)
      asked.push(res.json.extraSupport.id)
      d.setNow(new Date(Date.parse(res.json.extraSupport.createdAt) + 60_000).toISOString())
    }
    const first = await d.call('GET', '/api/consents?kind=extra_support&limit=2', undefined, d.as.lotte)
    expect(first.json).toMatchObject({ total: 3, next: expect.any(String) })
    const ids: string[] = []
    let next: string | null = null
    do {
      const res = await d.call('GET', `/api/consents?kind=extra_support&limit=2${next ? `&cursor=${next}` : ''}`, undefined, d.as.lotte)
      ids.push(...res.json.consents.map((r: { id: string }) => r.id))
      next = res.json.next
    } while (next)
    expect(ids).toEqual([...asked].reverse())
    expect((await d.call('GET', '/api/consents?limit=1', undefined, d.as.peter)).json).toMatchObject({ consents: [], next: null })
    expect((await d.call('GET', '/api/consents?limit=500', undefined, d.as.lotte)).status).toBe(400)
  })
})

describe('incidents stored before the queue kept its order', () => {
  test('take their place in the queue once their due time is filled in at start', async () => {
    const d = await desk()
    const at = '2026-11-30T09:00:00.000Z'
    d.setNow('2026-11-30T10:00:00.000Z')
    // Triaged by an older version: a priority and a target, but no due time kept with it.
    const old = await d.store.incidents.create({
      organisationId: 'org-jansen', contactId: 'c-jansen-emp', kind: 'bug', productArea: 'finance', subject: 'Oud incident', description: 'Van voor de upgrade.',
      kbArticles: [], lang: 'nl', status: 'in_progress', priority: 2, team: 'finance', assigneeId: null, registeredAt: at,
      statusHistory: [{ status: 'new', at, by: 'system' }, { status: 'in_progress', at, by: 'staff:s-lotte' }], updatedAt: at,
    })
    expect(await fillQueueDueTimes(d.deps)).toBe(1)
    const filled = await d.store.incidents.get(old.id)
    expect(filled?.queueDueAt).toBe((await d.call('GET', `/api/incidents/${old.id}`, undefined, d.as.lotte)).json.incident.sla.dueAt)
    expect(await fillQueueDueTimes(d.deps)).toBe(0)
    // The kept due time stays out of every reply.
    expect((await d.call('GET', `/api/incidents/${old.id}`, undefined, d.as.lotte)).json.incident).not.toHaveProperty('queueDueAt')
  })
})
