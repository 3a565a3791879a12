import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, test } from 'vitest'
import { closeTestDesks, testDesk } from '../testing.ts'

afterEach(closeTestDesks)

const DAY = 86_400_000
const START = '2026-11-30T09:00:00Z'

/** The demo desk with a session for each person the tests act as. */
async function careDesk() {
  const desk = await testDesk({ now: START })
  const as = {
    ruud: { cookie: await desk.cookieFor('staff', 's-ruud') },
    ingrid: { cookie: await desk.cookieFor('staff', 's-admin') },
    lotte: { cookie: await desk.cookieFor('staff', 's-lotte') },
    peter: { cookie: await desk.cookieFor('contact', 'c-devries-admin') },
  }
  return { ...desk, as }
}
type CareDesk = Awaited<ReturnType<typeof careDesk>>

/** `count` questions from Peter de Vries (org-devries), registered in the portal as he is signed in. */
async function registerQuestions(desk: CareDesk, count: number, kbQuery = 'BTW aangifte') {
  const ids: string[] = []
  for (let i = 0; i < count; i++) {
    const res = await desk.call('POST', '/api/incidents', {
      name: 'Peter de Vries', email: 'peter@devries-installatie.example', kind: 'question', productArea: 'finance',
      subject: `Vraag ${i + 1} over de btw-aangifte`, description: 'Hoe dien ik de suppletie in via Digipoort?', lang: 'nl', kbQuery,
    }, desk.as.peter)
    expect(res.status).toBe(201)
    ids.push(res.json.id)
  }
  return ids
}

/** Every follow-up and organisation audit entry, to show a refused request recorded nothing. */
async function recorded(desk: CareDesk) {
  const organisations = await desk.store.organisations.list()
  return JSON.stringify(await Promise.all(organisations.map(async (o) => [
    await desk.store.followUps.listByOrganisation(o.id), await desk.store.audit.listFor(`organisation:${o.id}`),
  ])))
}

const followUp = { kind: 'advisor_visit', date: '2026-12-08', note: '  Adviseur bespreekt de btw-aangifte op locatie.  ' }

describe('who sees signals', () => {
  test('Customer Care and admins do; nobody gets 401', async () => {
    const desk = await careDesk()
    expect((await desk.call('GET', '/api/signals', undefined, desk.as.ruud)).status).toBe(200)
    expect((await desk.call('GET', '/api/signals', undefined, desk.as.ingrid)).status).toBe(200)
    expect((await desk.call('GET', '/api/signals')).json.code).toBe('sign_in_required')
  })

  test.each([
    ['an agent', 'lotte', 'role_not_allowed', 'Your role gives no access to this part of the console. Ask an admin if you need it.'],
    ['a contact', 'peter', 'staff_only', 'For support staff only.'],
  ] as const)('refuses %s with 403 and records nothing', async (_name, who, code, message) => {
    const desk = await careDesk()
    await registerQuestions(desk, 8)
    const before = await recorded(desk)
    const headers = { ...desk.as[who], 'accept-language': 'en' }
    const list = await desk.call('GET', '/api/signals', undefined, headers)
    expect([list.status, list.json]).toEqual([403, { code, message }])
    const added = await desk.call('POST', '/api/signals/org-devries/follow-ups', followUp, headers)
    expect([added.status, added.json.code]).toEqual([403, code])
    expect(await recorded(desk)).toBe(before)
  })
})

describe('flagged organisations', () => {
  test('lists an organisation with 8 questions in the window, with its counts, weekly series and top searches', async () => {
    const desk = await careDesk()
    const [first] = await registerQuestions(desk, 8)
    // A logged phone contact on one of them counts as a question too.
    await desk.store.messages.add({ id: randomUUID(), incidentId: first!, visibility: 'internal', channel: 'phone', author: 'staff:s-lotte', text: 'Belde over de suppletie.', attachmentIds: [], at: START })
    const res = await desk.call('GET', '/api/signals', undefined, desk.as.ruud)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('private, no-store')
    expect(res.json.windowDays).toBe(30)
    expect(res.json.thresholds).toEqual([{ kind: 'question', of: 'contact_moments', count: 8 }, { kind: 'any', of: 'contact_moments', count: 20 }])
    expect(res.json.organisations.map((o: { id: string }) => o.id)).toEqual(['org-devries'])
    const [devries] = res.json.organisations
    expect(devries).toMatchObject({
      id: 'org-devries', name: 'De Vries Installatietechniek', isFirstClass: false, isFlagged: true,
      counts: {
        total: 9, byKind: { bug: 0, outage: 0, wish: 0, question: 9 }, incidentsByKind: { bug: 0, outage: 0, wish: 0, question: 8 },
        bySource: { incidents: 8, reactions: 0, phoneContacts: 1 },
      },
      crossed: [{ kind: 'question', of: 'contact_moments', count: 8, reached: 9 }],
      productAreas: [{ key: 'finance', name: { nl: 'Financiën', en: 'Finance' }, count: 9 }],
      kbQueries: [{ query: 'btw aangifte', count: 8 }],
      followUps: [],
    })
    expect(devries.weekly).toHaveLength(12)
    expect(devries.weekly.at(-1)).toEqual({ week: '2026-W49', startsOn: '2026-11-30', count: 9 })
    expect(devries.weekly.slice(0, -1).every((w: { count: number }) => w.count === 0)).toBe(true)
  })

  test('?all=1 lists the others too, after the flagged ones', async () => {
    const desk = await careDesk()
    await registerQuestions(desk, 8)
    const res = await desk.call('GET', '/api/signals?all=1', undefined, desk.as.ingrid)
    expect(res.json.organisations.map((o: { id: string; isFlagged: boolean }) => [o.id, o.isFlagged])).toEqual([
      ['org-devries', true], ['org-jansen', false], ['org-hoekstra', false],
    ])
    expect(res.json.organisations[1]).toMatchObject({ name: 'Bakkerij Jansen B.V.', isFirstClass: true, counts: { total: 0 }, crossed: [], productAreas: [], kbQueries: [] })
  })

  test('the flag stays while the window holds 8 questions and is gone 31 days later', async () => {
    const desk = await careDesk()
    await registerQuestions(desk, 8)
    desk.setNow(new Date(Date.parse(START) + 29 * DAY).toISOString())
    const ruud = { cookie: await desk.cookieFor('staff', 's-ruud') }
    expect((await desk.call('GET', '/api/signals', undefined, ruud)).json.organisations.map((o: { id: string }) => o.id)).toEqual(['org-devries'])
    desk.setNow(new Date(Date.parse(START) + 31 * DAY).toISOString())
    expect((await desk.call('GET', '/api/signals', undefined, ruud)).json.organisations).toEqual([])
    const all = await desk.call('GET', '/api/signals?all=1', undefined, ruud)
    const devries = all.json.organisations.find((o: { id: string }) => o.id === 'org-devries')
    expect(devries).toMatchObject({ isFlagged: false, counts: { total: 0 }, crossed: [] })
    // The weekly series still shows them: it looks back 12 weeks, beyond the window.
    expect(devries.weekly.find((w: { week: string }) => w.week === '2026-W49').count).toBe(8)
  })
})

describe('the window\'s edges, to the millisecond', () => {
  test('a moment later today than now is not counted yet; at now it is', async () => {
    const desk = await careDesk()
    await registerQuestions(desk, 7)
    desk.setNow('2026-11-30T12:00:00.000Z')
    await registerQuestions(desk, 1)
    const flagged = async (now: string) => {
      desk.setNow(now)
      const all = await desk.call('GET', '/api/signals?all=1', undefined, desk.as.ruud)
      const devries = all.json.organisations.find((o: { id: string }) => o.id === 'org-devries')
      return [devries.isFlagged, devries.counts.total, devries.weekly.at(-1).count, devries.kbQueries[0].count]
    }
    expect(await flagged('2026-11-30T11:59:59.999Z')).toEqual([false, 7, 7, 7])
    expect(await flagged('2026-11-30T12:00:00.000Z')).toEqual([true, 8, 8, 8])
  })

  test('a moment exactly 30 days before now is in the window; a millisecond later it is out', async () => {
    const desk = await careDesk()
    await registerQuestions(desk, 8)
    const ids = async (now: number) => {
      desk.setNow(new Date(now).toISOString())
      const ruud = { cookie: await desk.cookieFor('staff', 's-ruud') } // a session of that day
      return (await desk.call('GET', '/api/signals', undefined, ruud)).json.organisations.map((o: { id: string }) => o.id)
    }
    expect(await ids(Date.parse(START) + 30 * DAY)).toEqual(['org-devries'])
    expect(await ids(Date.parse(START) + 30 * DAY + 1)).toEqual([])
  })
})

describe('kinds: incidents apart from contact moments', () => {
  test('one bug with two reactions counts 1 incident of kind bug beside 3 contact moments about bugs', async () => {
    const desk = await careDesk()
    const res = await desk.call('POST', '/api/incidents', {
      name: 'Peter de Vries', email: 'peter@devries-installatie.example', kind: 'bug', productArea: 'finance',
      subject: 'Btw-aangifte geeft fout 500', description: 'Bij het indienen krijg ik fout 500.', lang: 'nl',
    }, desk.as.peter)
    expect(res.status).toBe(201)
    for (const text of ['Nog steeds fout 500.', 'Ook vandaag weer.']) {
      expect((await desk.call('POST', `/api/incidents/${res.json.id}/messages`, { text }, desk.as.peter)).status).toBe(201)
    }
    const all = await desk.call('GET', '/api/signals?all=1', undefined, desk.as.ruud)
    const devries = all.json.organisations.find((o: { id: string }) => o.id === 'org-devries')
    expect(devries.counts).toEqual({
      total: 3, byKind: { bug: 3, outage: 0, wish: 0, question: 0 }, incidentsByKind: { bug: 1, outage: 0, wish: 0, question: 0 },
      bySource: { incidents: 1, reactions: 2, phoneContacts: 0 },
    })
  })
})

describe('pages', () => {
  type Listed = { json: { organisations: { id: string }[]; next: string | null; total: number } }

  test('limit and cursor page through every organisation once, in order, with the total', async () => {
    const desk = await careDesk()
    await registerQuestions(desk, 8)
    const whole = await desk.call('GET', '/api/signals?all=1', undefined, desk.as.ruud) as Listed & { status: number }
    expect([whole.json.total, whole.json.next]).toEqual([3, null])
    const seen: string[] = []
    let cursor: string | null = ''
    for (let pages = 0; cursor !== null && pages < 5; pages++) {
      const page: Listed = await desk.call('GET', `/api/signals?all=1&limit=2${cursor ? `&cursor=${cursor}` : ''}`, undefined, desk.as.ruud)
      expect(page.json.total).toBe(3)
      seen.push(...page.json.organisations.map((o) => o.id))
      cursor = page.json.next
    }
    expect(seen).toEqual(whole.json.organisations.map((o) => o.id))
  })

  test.each([
    ['a limit of 0', 'limit=0', 'limit'],
    ['a limit over 200', 'limit=201', 'limit'],
    ['a limit that is no number', 'limit=ten', 'limit'],
    ['a cursor no page gave', 'cursor=bm90LWEtY3Vyc29y', 'cursor'],
  ])('refuses %s with 400 and names the field', async (_name, query, path) => {
    const desk = await careDesk()
    const res = await desk.call('GET', `/api/signals?${query}`, undefined, { ...desk.as.ruud, 'accept-language': 'en' })
    expect([res.status, res.json.code, res.json.fields.map((f: { path: string }) => f.path)]).toEqual([400, 'invalid_input', [path]])
    expect(res.json.message).toBe('The data is incomplete or not valid. See the fields.')
  })
})

describe('follow-ups', () => {
  test('are recorded with an audit entry and shown with the organisation, newest first', async () => {
    const desk = await careDesk()
    await registerQuestions(desk, 8)
    const added = await desk.call('POST', '/api/signals/org-devries/follow-ups', followUp, desk.as.ruud)
    expect(added.status).toBe(201)
    expect(added.json.followUp).toEqual({
      id: expect.any(String), kind: 'advisor_visit', date: '2026-12-08', note: 'Adviseur bespreekt de btw-aangifte op locatie.',
      by: { kind: 'staff', name: 'Ruud de Boer' }, at: '2026-11-30T09:00:00.000Z',
    })
    expect((await desk.store.audit.listFor('organisation:org-devries')).map((a) => [a.actor, a.action, a.details?.followUpId])).toEqual([
      ['staff:s-ruud', 'follow_up.added', added.json.followUp.id],
    ])
    desk.setNow('2026-11-30T10:00:00Z')
    await desk.call('POST', '/api/signals/org-devries/follow-ups', { kind: 'course', date: '2027-01-12', note: 'Cursus btw-aangifte' }, desk.as.ingrid)
    const list = await desk.call('GET', '/api/signals', undefined, desk.as.ruud)
    expect(list.json.organisations[0].followUps.map((f: { kind: string; by: { name: string } }) => [f.kind, f.by.name])).toEqual([
      ['course', 'Ingrid Postma'], ['advisor_visit', 'Ruud de Boer'],
    ])
  })

  test('an invalid follow-up is 400 with the fields named, and nothing is stored', async () => {
    const desk = await careDesk()
    const before = await recorded(desk)
    const res = await desk.call('POST', '/api/signals/org-devries/follow-ups', { kind: 'lunch', date: '2026-02-30', note: '   ', extra: 1 }, desk.as.ruud)
    expect([res.status, res.json.code]).toEqual([400, 'invalid_input'])
    expect(res.json.fields.map((f: { path: string }) => f.path).sort()).toEqual(['(body)', 'date', 'kind', 'note'])
    expect(await recorded(desk)).toBe(before)
  })

  test('an unknown organisation is 404, and nothing is stored', async () => {
    const desk = await careDesk()
    const before = await recorded(desk)
    const res = await desk.call('POST', '/api/signals/org-unknown/follow-ups', followUp, desk.as.ruud)
    expect([res.status, res.json.code]).toEqual([404, 'not_found'])
    expect(await desk.store.followUps.listByOrganisation('org-unknown')).toEqual([])
    expect(await desk.store.audit.listFor('organisation:org-unknown')).toEqual([])
    expect(await recorded(desk)).toBe(before)
  })
})
