import { afterEach, describe, expect, test } from 'vitest'
import { closeTestDesks, testDesk, widgetRegistration } from '../testing.ts'

afterEach(closeTestDesks)

const notice = {
  text: { nl: 'Door de jaarafsluiting is het uitzonderlijk druk; vragen beantwoorden we binnen twee werkdagen.', en: 'Year-end closing makes us exceptionally busy; we answer questions within two working days.' },
  endsAt: '2026-12-02T16:00:00Z',
}

/** The demo desk on Monday morning 30 November, with Ingrid (support admin) and Lotte (agent) signed in. */
async function noticeDesk() {
  const desk = await testDesk({ now: '2026-11-30T09:00:00Z' })
  const ingrid = { cookie: await desk.cookieFor('staff', 's-admin') }
  const lotte = { cookie: await desk.cookieFor('staff', 's-lotte') }
  const set = (body: unknown, headers: Record<string, string> = ingrid) => desk.call('PUT', '/api/staff/desk-notice', body, headers)
  const shown = async () => (await desk.call('GET', '/api/desk/notice')).json.notice
  return { ...desk, ingrid, lotte, set, shown }
}

describe('the desk notice', () => {
  test('an admin sets it; everyone reads it, briefly cached, also with the desk status, until it ends by itself', async () => {
    const desk = await noticeDesk()
    expect(await desk.shown()).toBeNull()
    const res = await desk.set(notice)
    expect(res.status).toBe(200)
    expect(res.json.notice).toEqual({ ...notice, endsAt: '2026-12-02T16:00:00.000Z', startsAt: null, isRunning: true, setBy: 'staff:s-admin', setAt: '2026-11-30T09:00:00.000Z' })
    const read = await desk.call('GET', '/api/desk/notice')
    expect(read.json).toEqual({ notice: { text: notice.text, endsAt: '2026-12-02T16:00:00.000Z' } })
    expect(read.headers.get('cache-control')).toBe('public, max-age=30')
    const status = await desk.call('GET', '/api/desk', undefined, { origin: 'https://partner.example' })
    expect(status.json.notice).toEqual({ text: notice.text, endsAt: '2026-12-02T16:00:00.000Z' })
    expect(status.headers.get('access-control-allow-origin')).toBe('https://partner.example')
    expect((await desk.store.audit.listFor('desk:notice')).map((a) => [a.actor, a.action])).toEqual([['staff:s-admin', 'desk.notice_set']])
    desk.setNow('2026-12-02T15:59:59Z')
    expect(await desk.shown()).not.toBeNull()
    desk.setNow('2026-12-02T16:00:00Z')
    expect(await desk.shown()).toBeNull()
    expect((await desk.call('GET', '/api/desk')).json.notice).toBeNull()
    // The admin still sees the one that ended.
    expect((await desk.call('GET', '/api/staff/desk-notice', undefined, desk.lotte)).json.notice).toMatchObject({ isRunning: false })
  })

  test('one set to start later shows from its start', async () => {
    const desk = await noticeDesk()
    expect((await desk.set({ ...notice, startsAt: '2026-12-01T08:30:00+01:00' })).status).toBe(200)
    expect(await desk.shown()).toBeNull()
    desk.setNow('2026-12-01T07:30:00Z')
    expect(await desk.shown()).toEqual({ text: notice.text, endsAt: '2026-12-02T16:00:00.000Z' })
  })

  test('an admin clears it, and it is gone at once', async () => {
    const desk = await noticeDesk()
    await desk.set(notice)
    const cleared = await desk.call('DELETE', '/api/staff/desk-notice', undefined, desk.ingrid)
    expect([cleared.status, cleared.json]).toEqual([200, { notice: null }])
    expect(await desk.shown()).toBeNull()
    expect((await desk.call('DELETE', '/api/staff/desk-notice', undefined, desk.ingrid)).status).toBe(200)
  })

  test('only a support admin sets or clears it; an agent, a customer and nobody change nothing', async () => {
    const desk = await noticeDesk()
    await desk.set(notice)
    const agent = await desk.set({ ...notice, text: { nl: 'Anders', en: 'Other' } }, { ...desk.lotte, 'accept-language': 'en' })
    expect([agent.status, agent.json]).toEqual([403, { code: 'role_not_allowed', message: 'Only a support admin can change this.' }])
    expect((await desk.call('DELETE', '/api/staff/desk-notice', undefined, desk.lotte)).status).toBe(403)
    const tom = { cookie: await desk.cookieFor('contact', 'c-jansen-emp') }
    expect((await desk.set(notice, tom)).status).toBe(403)
    expect((await desk.set(notice, {})).status).toBe(401)
    expect((await desk.shown()).text).toEqual(notice.text)
  })

  test.each([
    ['without English', { ...notice, text: { nl: notice.text.nl } }, 'text.en'],
    ['with an empty Dutch text', { ...notice, text: { ...notice.text, nl: '   ' } }, 'text.nl'],
    ['with a text too long', { ...notice, text: { ...notice.text, en: 'x'.repeat(301) } }, 'text.en'],
    ['without an end', { text: notice.text }, 'endsAt'],
    ['ending in the past', { ...notice, endsAt: '2026-11-30T08:59:00Z' }, 'endsAt'],
    ['ending before it starts', { ...notice, startsAt: '2026-12-03T08:00:00Z' }, 'endsAt'],
    ['ending more than 90 days ahead', { ...notice, endsAt: '2027-03-31T16:00:00Z' }, 'endsAt'],
    ['with an end that is no time', { ...notice, endsAt: 'vrijdag' }, 'endsAt'],
    ['with a field it does not know', { ...notice, priority: 4 }, '(body)'],
  ])('refuses a notice %s, and nothing changes', async (_, body, path) => {
    const desk = await noticeDesk()
    const res = await desk.set(body)
    expect(res.status).toBe(400)
    expect(res.json.code).toBe('invalid_input')
    expect(res.json.fields.map((f: { path: string }) => f.path)).toContain(path)
    expect(await desk.store.deskNotice.get()).toBeUndefined()
    expect(await desk.store.audit.listFor('desk:notice')).toEqual([])
  })
})

describe('the registration mail in exceptional busyness', () => {
  test('mentions the notice in the contact\'s language while it runs, and not after', async () => {
    const desk = await noticeDesk()
    await desk.set(notice)
    const tom = { cookie: await desk.cookieFor('contact', 'c-jansen-emp') }
    expect((await desk.call('POST', '/api/incidents', widgetRegistration, tom)).status).toBe(201)
    const busy = (await desk.mails()).at(-1)!
    expect(busy.text).toContain('Het is op dit moment uitzonderlijk druk bij support')
    expect(busy.text).toContain(notice.text.nl)
    expect(busy.html).toContain('Door de jaarafsluiting is het uitzonderlijk druk')
    desk.setNow('2026-12-02T16:00:00Z')
    expect((await desk.call('POST', '/api/incidents', { ...widgetRegistration, subject: 'Nog een vraag over de btw' }, tom)).status).toBe(201)
    const calm = (await desk.mails()).at(-1)!
    expect(calm.subject).toContain('Nog een vraag')
    expect(calm.text).not.toContain(notice.text.nl)
  })
})
