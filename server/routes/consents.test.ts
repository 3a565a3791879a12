import { afterEach, describe, expect, test, vi } from 'vitest'
import { contact, incidentDraft } from '../store/store-contract.ts'
import { closeTestDesks, testDesk } from '../testing.ts'

/** Monday 30 November 2026, 10:00 in Amsterdam: the desk is open. */
const START = '2026-11-30T09:00:00.000Z'
const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

const after = (ms: number, from = START) => new Date(Date.parse(from) + ms).toISOString()

type Who = { cookie: string }

afterEach(closeTestDesks)

/** The demo desk with an incident Tom (employee of Bakkerij Jansen) filed, and a session for each person the tests act as. */
async function consentDesk(now = START) {
  const desk = await testDesk({ now })
  const signIn = async () => ({
    marieke: { cookie: await desk.cookieFor('contact', 'c-jansen-admin') },
    tom: { cookie: await desk.cookieFor('contact', 'c-jansen-emp') },
    peter: { cookie: await desk.cookieFor('contact', 'c-devries-admin') },
    aisha: { cookie: await desk.cookieFor('contact', 'c-devries-emp') },
    lotte: { cookie: await desk.cookieFor('staff', 's-lotte') },
  })
  const as = await signIn()
  const incident = await desk.store.incidents.create(incidentDraft({
    organisationId: 'org-jansen', contactId: 'c-jansen-emp', registeredAt: now, updatedAt: now,
    statusHistory: [{ status: 'new', at: now, by: 'contact:c-jansen-emp' }],
  }))
  const consents = async (who: Who, query = '') => (await desk.call('GET', `/api/consents${query}`, undefined, who)).json.consents as Record<string, any>[]
  /** The consent steps on the incident's timeline as `who` sees them. */
  const steps = async (who: Who, id = incident.id) => {
    const res = await desk.call('GET', `/api/incidents/${id}`, undefined, who)
    expect(res.status).toBe(200)
    return (res.json.timeline as { type: string; action: string; by: { name: string } }[]).filter((e) => e.type === 'consent').map((e) => [e.action, e.by.name])
  }
  /** Every consent record, the audit of the incident and of both organisations, and the mails: to show a refused request changed nothing. */
  const snapshot = async () => JSON.stringify({
    consents: await desk.store.consents.list({}),
    audit: await Promise.all([`incident:${incident.id}`, 'organisation:org-jansen', 'organisation:org-devries'].map((t) => desk.store.audit.listFor(t))),
    mails: (await desk.mails()).length,
  })
  return { ...desk, as, signIn, incident, consents, steps, snapshot }
}

type Desk = Awaited<ReturnType<typeof consentDesk>>

/** The code in a remote-view mail: incident numbers are six digits too, so only the one after "code is". */
function codeIn(text: string): string {
  const match = /code is (\d{6})\b/.exec(text)
  if (!match) throw new Error(`no code in: ${text}`)
  return match[1]
}

/** A six-digit code that is not `code`. */
const otherThan = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0')

/** `count` different six-digit codes, none of them one of `taken`. */
const wrongCodes = (count: number, ...taken: string[]) =>
  ['000000', '111111', '222222', '333333', '444444', '555555', '666666', '777777', '888888', '999999'].filter((c) => !taken.includes(c)).slice(0, count)

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

/** Lotte starts a remote view on the incident; the code is read from the requester's mail. */
async function startView(desk: Desk, incidentId = desk.incident.id) {
  const res = await desk.call('POST', `/api/incidents/${incidentId}/remote-views`, undefined, desk.as.lotte)
  expect(res.status).toBe(201)
  const mail = (await desk.mails()).at(-1)!
  return { id: res.json.remoteView.id as string, code: codeIn(mail.text), res, mail }
}

const lookup = (desk: Desk, code: string, headers: Record<string, string> = {}) => desk.call('POST', '/api/remote-views/lookup', { code }, headers)
const consent = (desk: Desk, code: string, headers: Record<string, string> = {}) => desk.call('POST', '/api/remote-views/consent', { code }, headers)

/** A session the customer consented to: its id and the page's token. */
async function openView(desk: Desk) {
  const { id, code } = await startView(desk)
  const res = await consent(desk, code)
  expect(res.status).toBe(200)
  return { id, code, token: res.json.token as string }
}

describe('remote view: starting a session and the code', () => {
  test('staff start a session; the requester gets the code by mail, the staff reply never holds it', async () => {
    const desk = await consentDesk()
    const { res, mail, code } = await startView(desk)
    expect(res.json.remoteView).toMatchObject({
      kind: 'remote_view', state: 'waiting', code: null, staff: { name: 'Lotte Smit' }, contact: { name: 'Tom Bakker' },
      incident: { id: desk.incident.id, number: desk.incident.number }, organisation: { id: 'org-jansen' }, codeExpiresAt: after(10 * MINUTE),
    })
    expect(res.text).not.toContain(code)
    expect(mail).toMatchObject({ to: 'tom@bakkerij-jansen.example', subject: expect.stringContaining(desk.incident.number) })
    expect(mail.text).toContain('/meekijken/')
    expect(mail.text).toContain('Lotte Smit')
  })

  test('the requester reads the code in the portal; their admin, staff and other organisations do not', async () => {
    const desk = await consentDesk()
    const { id, code } = await startView(desk)
    expect(await desk.consents(desk.as.tom, '?kind=remote_view')).toEqual([expect.objectContaining({ id, state: 'waiting', code })])
    const admin = await desk.call('GET', '/api/consents?kind=remote_view', undefined, desk.as.marieke)
    expect(admin.json.consents).toEqual([expect.objectContaining({ id, state: 'waiting', code: null })])
    expect(admin.text).not.toContain(code)
    expect(await desk.consents(desk.as.lotte, '?kind=remote_view')).toEqual([expect.objectContaining({ id, code: null })])
    expect(await desk.consents(desk.as.peter)).toEqual([])
  })

  test('a contact cannot start a session: 403, no session, no mail', async () => {
    const desk = await consentDesk()
    const before = await desk.snapshot()
    const res = await desk.call('POST', `/api/incidents/${desk.incident.id}/remote-views`, undefined, desk.as.marieke)
    expect([res.status, res.json.code]).toEqual([403, 'staff_only'])
    expect((await desk.call('POST', `/api/incidents/${desk.incident.id}/remote-views`)).status).toBe(401)
    expect(await desk.snapshot()).toBe(before)
  })

  test('before consent the page shows who looks along, for which incident and organisation; looking up uses nothing', async () => {
    const desk = await consentDesk()
    const { id, code } = await startView(desk)
    const res = await lookup(desk, `${code.slice(0, 3)} ${code.slice(3)}`)
    expect(res.status).toBe(200)
    expect(res.json.remoteView).toEqual({
      id, staff: { name: 'Lotte Smit' }, organisation: { name: 'Bakkerij Jansen B.V.' },
      incident: { number: desk.incident.number, subject: desk.incident.subject }, codeExpiresAt: after(10 * MINUTE),
    })
    expect((await lookup(desk, code)).status).toBe(200)
    expect(await desk.consents(desk.as.tom)).toEqual([expect.objectContaining({ state: 'waiting', code })])
  })

  test('the code still works 9:59 after the start, and consenting opens the session', async () => {
    const desk = await consentDesk()
    const { id, code } = await startView(desk)
    desk.setNow(after(9 * MINUTE + 59 * SECOND))
    expect((await lookup(desk, code)).status).toBe(200)
    const res = await consent(desk, code)
    expect(res.status).toBe(200)
    expect(res.json.session).toMatchObject({ id, state: 'open', side: 'customer', consentedAt: after(9 * MINUTE + 59 * SECOND), staff: { name: 'Lotte Smit' } })
    expect(res.json.token).toMatch(/^[\w-]{40,}$/)
    // Once used, the code is gone from the portal too.
    expect(await desk.consents(desk.as.tom)).toEqual([expect.objectContaining({ id, state: 'open', code: null })])
  })

  test('the code is refused as expired at 10:00 and 10:01 after the start, with a clear message', async () => {
    const desk = await consentDesk()
    const { code } = await startView(desk)
    desk.setNow(after(10 * MINUTE))
    const atTen = await lookup(desk, code)
    expect([atTen.status, atTen.json.code]).toEqual([410, 'code_expired'])
    desk.setNow(after(10 * MINUTE + SECOND))
    const before = await desk.snapshot()
    const res = await consent(desk, code, { 'accept-language': 'en' })
    expect(res.status).toBe(410)
    expect(res.json).toEqual({ code: 'code_expired', message: 'This code has expired: a code works for 10 minutes. Ask the support employee for a new one.' })
    expect(await desk.snapshot()).toBe(before)
    expect(await desk.consents(desk.as.tom)).toEqual([expect.objectContaining({ state: 'expired', code: null })])
  })

  test('a used code is refused as used: a second consent with it opens nothing', async () => {
    const desk = await consentDesk()
    const { id, code } = await openView(desk)
    const stored = await desk.store.consents.get(id)
    const again = await consent(desk, code)
    expect([again.status, again.json.code]).toEqual([410, 'code_used'])
    expect(again.json).not.toHaveProperty('token')
    expect((await lookup(desk, code)).json.code).toBe('code_used')
    expect(await desk.store.consents.get(id)).toEqual(stored)
  })

  test('a requester who reads English gets the English mail and the English page', async () => {
    const desk = await consentDesk()
    const theirs = await desk.store.incidents.create(incidentDraft({ organisationId: 'org-devries', contactId: 'c-devries-emp', lang: 'en' }))
    const { mail, code } = await startView(desk, theirs.id)
    expect(mail.to).toBe('aisha@devries-installatie.example')
    expect(mail.text).toContain(`Your personal code is ${code}.`)
    expect(mail.text).toContain('/en/remote-view/')
  })

  test('two pages consenting with one code at once: one opens the session, the other is told the code is used', async () => {
    const desk = await consentDesk()
    const { id, code } = await startView(desk)
    const answers = await Promise.all([consent(desk, code), consent(desk, code)])
    expect(answers.map((a) => a.status).sort()).toEqual([200, 410])
    expect(answers.find((a) => a.status === 410)?.json.code).toBe('code_used')
    const { token } = answers.find((a) => a.status === 200)!.json
    expect((await desk.call('GET', `/api/remote-views/${id}`, undefined, bearer(token))).status).toBe(200)
    expect((await desk.store.audit.listFor(`incident:${desk.incident.id}`)).filter((a) => a.action === 'remote_view.consented')).toHaveLength(1)
  })

  test('an unknown code is 404 code_unknown', async () => {
    const desk = await consentDesk()
    const { code } = await startView(desk)
    const res = await lookup(desk, otherThan(code))
    expect([res.status, res.json.code]).toEqual([404, 'code_unknown'])
  })
})

describe('remote view: wrong codes per address', () => {
  afterEach(() => vi.unstubAllEnvs())

  test('after five wrong codes in ten minutes the sixth try waits (429), even with the right code, until the window has passed', async () => {
    const desk = await consentDesk()
    // The wrong tries come first, so the code below still works when their window ends.
    for (const wrong of wrongCodes(5)) {
      expect((await lookup(desk, wrong)).json.code).toBe('code_unknown')
    }
    desk.setNow(after(5 * MINUTE))
    const { id, code } = await startView(desk)
    desk.setNow(after(6 * MINUTE))
    const refused = await lookup(desk, code)
    expect([refused.status, refused.json.code]).toEqual([429, 'too_many_wrong_codes'])
    expect(refused.headers.get('retry-after')).toBe('240')
    expect((await consent(desk, code)).status).toBe(429)
    desk.setNow(after(10 * MINUTE - SECOND))
    expect((await consent(desk, code)).headers.get('retry-after')).toBe('1')
    expect(await desk.consents(desk.as.tom)).toEqual([expect.objectContaining({ id, state: 'waiting' })])
    desk.setNow(after(10 * MINUTE))
    expect((await lookup(desk, code)).status).toBe(200)
    expect((await consent(desk, code)).status).toBe(200)
  })

  test('only wrong codes count: right, expired and used codes do not', async () => {
    const desk = await consentDesk()
    const used = await openView(desk)
    desk.setNow(after(1 * MINUTE))
    const { code } = await startView(desk, (await desk.store.incidents.create(incidentDraft({ organisationId: 'org-jansen', contactId: 'c-jansen-emp' }))).id)
    const [fifth, ...wrong] = wrongCodes(5, code, used.code)
    for (const c of wrong) expect((await lookup(desk, c)).json.code).toBe('code_unknown')
    for (let i = 0; i < 5; i++) {
      expect((await lookup(desk, code)).status).toBe(200)
      expect((await lookup(desk, used.code)).json.code).toBe('code_used')
    }
    // The fifth wrong code is still answered; only the next try waits.
    expect((await lookup(desk, fifth)).json.code).toBe('code_unknown')
    expect((await lookup(desk, code)).status).toBe(429)
  })

  test('behind a trusted proxy, wrong codes from one address do not hold back another', async () => {
    vi.stubEnv('TRUST_PROXY', '1')
    const desk = await consentDesk()
    const { code } = await startView(desk)
    const from = (address: string) => ({ 'x-forwarded-for': `${address}, 10.0.0.1` })
    for (let i = 0; i < 5; i++) expect((await lookup(desk, otherThan(code), from('203.0.113.7'))).status).toBe(404)
    expect((await lookup(desk, code, from('203.0.113.7'))).status).toBe(429)
    expect((await lookup(desk, code, from('198.51.100.2'))).status).toBe(200)
    expect((await consent(desk, code, from('198.51.100.2'))).status).toBe(200)
  })

  test('without a trusted proxy X-Forwarded-For is ignored, so changing it does not escape the limit', async () => {
    vi.stubEnv('TRUST_PROXY', '')
    const desk = await consentDesk()
    const { code } = await startView(desk)
    for (let i = 0; i < 5; i++) expect((await lookup(desk, otherThan(code), { 'x-forwarded-for': `203.0.113.${i}` })).status).toBe(404)
    expect((await lookup(desk, code, { 'x-forwarded-for': '198.51.100.2' })).status).toBe(429)
  })
})

describe('remote view: the open session', () => {
  test('the customer page reads its session with its token; a wrong token is 401, none 404, also for the signed-in requester', async () => {
    const desk = await consentDesk()
    const { id, token } = await openView(desk)
    const res = await desk.call('GET', `/api/remote-views/${id}`, undefined, bearer(token))
    expect(res.status).toBe(200)
    expect(res.json.session).toMatchObject({
      id, state: 'open', side: 'customer', staff: { name: 'Lotte Smit' }, incident: { number: desk.incident.number }, consentedAt: START, endedAt: null, endedBy: null, lastSignal: 0,
    })
    const wrong = await desk.call('GET', `/api/remote-views/${id}`, undefined, bearer(`${token.slice(0, -1)}x`))
    expect([wrong.status, wrong.json.code]).toEqual([401, 'remote_view_token_invalid'])
    expect((await desk.call('GET', `/api/remote-views/${id}`)).status).toBe(404)
    expect((await desk.call('GET', `/api/remote-views/${id}`, undefined, desk.as.tom)).status).toBe(404)
    expect((await desk.call('GET', `/api/remote-views/${id}`, undefined, desk.as.lotte)).json.session).toMatchObject({ id, side: 'staff' })
  })

  test('a token opens only its own session', async () => {
    const desk = await consentDesk()
    const first = await openView(desk)
    const other = await desk.store.incidents.create(incidentDraft({ organisationId: 'org-jansen', contactId: 'c-jansen-emp' }))
    const { id } = await startView(desk, other.id)
    expect((await desk.call('GET', `/api/remote-views/${id}`, undefined, bearer(first.token))).status).toBe(401)
    expect((await desk.call('POST', `/api/remote-views/${id}/end`, undefined, bearer(first.token))).status).toBe(401)
  })

  test('signals go from one side to the other; each side reads only what the other sent after the seq it names', async () => {
    const desk = await consentDesk()
    const { id, token } = await openView(desk)
    const signals = `/api/remote-views/${id}/signals`
    const offer = await desk.call('POST', signals, { type: 'offer', data: '{"sdp":"v=0 offer"}' }, bearer(token))
    expect(offer.status).toBe(201)
    expect(offer.json.signal).toMatchObject({ seq: 1, from: 'customer', type: 'offer' })
    expect((await desk.call('GET', `${signals}?after=0`, undefined, bearer(token))).json).toEqual({ state: 'open', signals: [], last: 1 })
    const forStaff = await desk.call('GET', `${signals}?after=0`, undefined, desk.as.lotte)
    expect(forStaff.json).toEqual({ state: 'open', last: 1, signals: [{ seq: 1, from: 'customer', type: 'offer', data: '{"sdp":"v=0 offer"}', at: START }] })
    expect((await desk.call('POST', signals, { type: 'answer', data: '{"sdp":"v=0 answer"}' }, desk.as.lotte)).json.signal).toMatchObject({ seq: 2, from: 'staff' })
    expect((await desk.call('POST', signals, { type: 'candidate', data: '{"candidate":"c1"}' }, desk.as.lotte)).json.signal.seq).toBe(3)
    const forCustomer = await desk.call('GET', `${signals}?after=1`, undefined, bearer(token))
    expect(forCustomer.json.signals.map((s: { seq: number; type: string }) => [s.seq, s.type])).toEqual([[2, 'answer'], [3, 'candidate']])
    expect((await desk.call('GET', `${signals}?after=2`, undefined, bearer(token))).json.signals.map((s: { seq: number }) => s.seq)).toEqual([3])
    expect((await desk.call('GET', `${signals}?after=1`, undefined, desk.as.lotte)).json.signals).toEqual([])
    expect((await desk.call('GET', `${signals}?after=-1`, undefined, desk.as.lotte)).json.code).toBe('invalid_input')
    expect((await desk.call('POST', signals, { type: 'offer', data: 'x' }, bearer('not-the-token'))).status).toBe(401)
    expect((await desk.store.consents.get(id)) as { signals: unknown[] }).toMatchObject({ signals: { length: 3 } })
  })

  test('signals both sides send at once are all kept, each with its own seq', async () => {
    const desk = await consentDesk()
    const { id, token } = await openView(desk)
    const sent = await Promise.all(Array.from({ length: 6 }, (_, i) =>
      desk.call('POST', `/api/remote-views/${id}/signals`, { type: 'candidate', data: `{"candidate":"${i}"}` }, i % 2 ? bearer(token) : desk.as.lotte)))
    expect(sent.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201])
    expect(sent.map((r) => r.json.signal.seq).sort()).toEqual([1, 2, 3, 4, 5, 6])
    const customer = (await desk.call('GET', `/api/remote-views/${id}/signals?after=0`, undefined, bearer(token))).json
    expect(customer.signals.map((s: { data: string }) => s.data).sort()).toEqual(['{"candidate":"0"}', '{"candidate":"2"}', '{"candidate":"4"}'])
    expect(customer.last).toBe(6)
  })

  test('no signals before the customer consented', async () => {
    const desk = await consentDesk()
    const { id } = await startView(desk)
    const res = await desk.call('POST', `/api/remote-views/${id}/signals`, { type: 'offer', data: '{}' }, desk.as.lotte)
    expect([res.status, res.json.code]).toEqual([409, 'remote_view_not_open'])
  })

  test('the customer ends the session; staff see it ended, and ending again or signalling afterwards is refused', async () => {
    const desk = await consentDesk()
    const { id, token } = await openView(desk)
    desk.setNow(after(20 * MINUTE))
    const ended = await desk.call('POST', `/api/remote-views/${id}/end`, undefined, bearer(token))
    expect(ended.status).toBe(200)
    expect(ended.json.session).toMatchObject({ state: 'ended', endedAt: after(20 * MINUTE), endedBy: 'customer' })
    expect((await desk.call('GET', `/api/remote-views/${id}`, undefined, desk.as.lotte)).json.session).toMatchObject({ state: 'ended', endedBy: 'customer' })
    expect(await desk.consents(desk.as.lotte, '?kind=remote_view')).toEqual([expect.objectContaining({ state: 'ended', endedBy: { kind: 'contact', name: 'Tom Bakker' } })])
    const before = await desk.snapshot()
    expect((await desk.call('POST', `/api/remote-views/${id}/end`, undefined, desk.as.lotte)).json.code).toBe('remote_view_ended')
    for (const who of [bearer(token), desk.as.lotte]) {
      const res = await desk.call('POST', `/api/remote-views/${id}/signals`, { type: 'candidate', data: '{}' }, who)
      expect([res.status, res.json.code]).toEqual([409, 'remote_view_not_open'])
    }
    expect((await desk.call('GET', `/api/remote-views/${id}/signals`, undefined, bearer(token))).json.state).toBe('ended')
    expect(await desk.snapshot()).toBe(before)
  })

  test('staff end the session; the customer page sees it ended and cannot end it again', async () => {
    const desk = await consentDesk()
    const { id, token } = await openView(desk)
    const ended = await desk.call('POST', `/api/remote-views/${id}/end`, undefined, desk.as.lotte)
    expect(ended.json.session).toMatchObject({ state: 'ended', endedBy: 'staff' })
    expect((await desk.call('GET', `/api/remote-views/${id}`, undefined, bearer(token))).json.session).toMatchObject({ state: 'ended', endedBy: 'staff' })
    expect((await desk.call('POST', `/api/remote-views/${id}/end`, undefined, bearer(token))).status).toBe(409)
    expect(await desk.consents(desk.as.tom)).toEqual([expect.objectContaining({ state: 'ended', endedBy: { kind: 'staff', name: 'Lotte Smit' } })])
  })

  test('staff cancel a waiting session: its code no longer opens it', async () => {
    const desk = await consentDesk()
    const { id, code } = await startView(desk)
    expect((await desk.call('POST', `/api/remote-views/${id}/end`, undefined, desk.as.lotte)).status).toBe(200)
    expect(await desk.consents(desk.as.tom)).toEqual([expect.objectContaining({ state: 'ended', code: null })])
    expect((await consent(desk, code)).status).toBe(410)
  })

  test('a second start while one waits or is open is 409; once it expired or ended a new one starts', async () => {
    const desk = await consentDesk()
    const path = `/api/incidents/${desk.incident.id}/remote-views`
    const { id, code } = await startView(desk)
    const waiting = await desk.call('POST', path, undefined, desk.as.lotte)
    expect([waiting.status, waiting.json.code]).toEqual([409, 'remote_view_active'])
    expect(waiting.json.current).toMatchObject({ id, state: 'waiting', code: null })
    expect((await desk.mails()).filter((m) => m.to === 'tom@bakkerij-jansen.example')).toHaveLength(1)
    expect((await consent(desk, code)).status).toBe(200)
    expect((await desk.call('POST', path, undefined, desk.as.lotte)).json).toMatchObject({ code: 'remote_view_active', current: { id, state: 'open' } })
    await desk.call('POST', `/api/remote-views/${id}/end`, undefined, desk.as.lotte)
    const second = await startView(desk)
    expect(second.id).not.toBe(id)
    desk.setNow(after(10 * MINUTE))
    const third = await startView(desk)
    expect(third.id).not.toBe(second.id)
    expect(await desk.consents(desk.as.lotte, '?kind=remote_view')).toEqual([
      expect.objectContaining({ id: third.id, state: 'waiting' }), expect.objectContaining({ id: second.id, state: 'expired' }), expect.objectContaining({ id, state: 'ended' }),
    ])
  })

  test('no session on a closed incident or one that does not exist', async () => {
    const desk = await consentDesk()
    const closed = await desk.store.incidents.create(incidentDraft({ organisationId: 'org-jansen', contactId: 'c-jansen-emp', status: 'closed' }))
    expect((await desk.call('POST', `/api/incidents/${closed.id}/remote-views`, undefined, desk.as.lotte)).json.code).toBe('incident_not_open')
    expect((await desk.call('POST', '/api/incidents/nope/remote-views', undefined, desk.as.lotte)).status).toBe(404)
  })

  test('started, consented and ended are on the incident timeline for staff and for the customer, and in the audit log', async () => {
    const desk = await consentDesk()
    const { id, code } = await startView(desk)
    desk.setNow(after(2 * MINUTE))
    const { token } = (await consent(desk, code)).json
    desk.setNow(after(30 * MINUTE))
    await desk.call('POST', `/api/remote-views/${id}/end`, undefined, bearer(token))
    const expected = [['remote_view.started', 'Lotte Smit'], ['remote_view.consented', 'Tom Bakker'], ['remote_view.ended', 'Tom Bakker']]
    for (const who of [desk.as.lotte, desk.as.tom, desk.as.marieke]) expect(await desk.steps(who)).toEqual(expected)
    const timeline = (await desk.call('GET', `/api/incidents/${desk.incident.id}`, undefined, desk.as.tom)).json.timeline
    expect(timeline.filter((e: { type: string }) => e.type === 'consent').map((e: { at: string; consentId: string }) => [e.at, e.consentId]))
      .toEqual([[START, id], [after(2 * MINUTE), id], [after(30 * MINUTE), id]])
    expect((await desk.store.audit.listFor(`incident:${desk.incident.id}`)).map((a) => [a.actor, a.action])).toEqual([
      ['staff:s-lotte', 'remote_view.started'], ['contact:c-jansen-emp', 'remote_view.consented'], ['contact:c-jansen-emp', 'remote_view.ended'],
    ])
  })
})

describe('backup for internal investigation', () => {
  const request = (desk: Desk, reason = 'Boekingen over 2026 tellen niet op; we willen het nabootsen.') =>
    desk.call('POST', `/api/incidents/${desk.incident.id}/backups`, { reason }, desk.as.lotte)
  const decide = (desk: Desk, id: string, body: Record<string, unknown>, who: Who, headers: Record<string, string> = {}) =>
    desk.call('POST', `/api/backups/${id}/decision`, body, { ...who, ...headers })
  const step = (desk: Desk, id: string, to: 'received' | 'purged', version: number) => desk.call('POST', `/api/backups/${id}/${to}`, { version }, desk.as.lotte)

  /** Staff close the incident through the console: resolved, then closed. */
  async function close(desk: Desk) {
    for (const status of ['resolved', 'closed']) {
      const current = (await desk.store.incidents.get(desk.incident.id))!
      expect((await desk.call('PATCH', `/api/incidents/${current.id}`, { version: current.version, status }, desk.as.lotte)).status).toBe(200)
    }
  }

  test('staff request a backup with a reason; each active admin of the organisation gets a mail', async () => {
    const desk = await consentDesk()
    await desk.store.contacts.put(contact({ organisationId: 'org-jansen', role: 'admin', name: 'Henk Jansen', email: 'henk@bakkerij-jansen.example' }))
    await desk.store.contacts.put(contact({ organisationId: 'org-jansen', role: 'admin', name: 'Oud Beheer', email: 'oud@bakkerij-jansen.example', isActive: false }))
    const before = (await desk.mails()).length
    const res = await request(desk)
    expect(res.status).toBe(201)
    expect(res.json.backup).toMatchObject({
      kind: 'backup', status: 'requested', reason: expect.stringContaining('nabootsen'), requestedBy: { kind: 'staff', name: 'Lotte Smit' },
      purgeDate: null, isPurgeDue: false, incident: { id: desk.incident.id }, version: 1,
    })
    const mails = (await desk.mails()).slice(before)
    expect(mails.map((m) => m.to).sort()).toEqual(['henk@bakkerij-jansen.example', 'marieke@bakkerij-jansen.example'])
    for (const mail of mails) {
      expect(mail.subject).toContain(desk.incident.number)
      expect(mail.text).toContain('nabootsen')
      expect(mail.text).toContain('/portaal/toegang/')
    }
    expect(await desk.steps(desk.as.tom)).toEqual([['backup.requested', 'Lotte Smit']])
  })

  test('a contact cannot request a backup, nor anyone for a closed incident', async () => {
    const desk = await consentDesk()
    const closed = await desk.store.incidents.create(incidentDraft({ organisationId: 'org-jansen', contactId: 'c-jansen-emp', status: 'closed' }))
    const before = await desk.snapshot()
    expect((await desk.call('POST', `/api/incidents/${desk.incident.id}/backups`, { reason: 'Graag' }, desk.as.marieke)).json.code).toBe('staff_only')
    const refused = await desk.call('POST', `/api/incidents/${closed.id}/backups`, { reason: 'Graag' }, desk.as.lotte)
    expect([refused.status, refused.json.code]).toEqual([422, 'incident_not_open'])
    expect(await desk.snapshot()).toBe(before)
  })

  test('only the organisation’s admin decides: an employee 403, another organisation’s admin 404, staff 403', async () => {
    const desk = await consentDesk()
    const { id } = (await request(desk)).json.backup
    const before = await desk.snapshot()
    const employee = await decide(desk, id, { decision: 'approve', version: 1 }, desk.as.tom, { 'accept-language': 'en' })
    expect(employee.status).toBe(403)
    expect(employee.json).toEqual({ code: 'admin_only', message: 'Only an admin of your organisation may do this.' })
    expect((await decide(desk, id, { decision: 'approve', version: 1 }, desk.as.peter)).json.code).toBe('not_found')
    expect((await decide(desk, id, { decision: 'approve', version: 1 }, desk.as.peter)).status).toBe(404)
    expect((await decide(desk, id, { decision: 'approve', version: 1 }, desk.as.lotte)).json.code).toBe('contacts_only')
    expect((await desk.call('POST', `/api/backups/${id}/decision`, { decision: 'approve', version: 1 })).status).toBe(401)
    expect(await desk.snapshot()).toBe(before)
  })

  test('an approved backup has no purge date while the incident is open, and one 30 days after it closed, for both sides', async () => {
    const desk = await consentDesk()
    const { id } = (await request(desk)).json.backup
    desk.setNow(after(HOUR))
    const approved = await decide(desk, id, { decision: 'approve', note: 'Akkoord, graag na afloop verwijderen.', version: 1 }, desk.as.marieke)
    expect(approved.status).toBe(200)
    expect(approved.json.backup).toMatchObject({ status: 'approved', decidedBy: { name: 'Marieke Jansen' }, decidedAt: after(HOUR), decisionNote: 'Akkoord, graag na afloop verwijderen.', purgeDate: null })
    expect(await desk.consents(desk.as.lotte, '?kind=backup')).toEqual([expect.objectContaining({ id, purgeDate: null })])
    const closedAt = '2026-12-02T14:00:00.000Z'
    desk.setNow(closedAt)
    await close(desk)
    const purgeDate = '2027-01-01T14:00:00.000Z'
    for (const who of [desk.as.lotte, desk.as.marieke, desk.as.tom]) {
      expect(await desk.consents(who, '?kind=backup')).toEqual([expect.objectContaining({ id, status: 'approved', purgeDate, isPurgeDue: false })])
    }
    expect((await step(desk, id, 'received', 2)).json.backup).toMatchObject({ status: 'received', purgeDate, isPurgeDue: false })
    desk.setNow(after(-1, purgeDate))
    const again = await desk.signIn()
    expect(await desk.consents(again.lotte, '?kind=backup')).toEqual([expect.objectContaining({ isPurgeDue: false })])
    desk.setNow(purgeDate)
    expect(await desk.consents(again.lotte, '?kind=backup')).toEqual([expect.objectContaining({ isPurgeDue: true })])
  })

  test('staff record receipt, then purge, in that order only; a stale version is 409 with the current state', async () => {
    const desk = await consentDesk()
    const { id } = (await request(desk)).json.backup
    await decide(desk, id, { decision: 'approve', version: 1 }, desk.as.marieke)
    const before = await desk.snapshot()
    const early = await step(desk, id, 'purged', 2)
    expect([early.status, early.json.code]).toEqual([409, 'move_refused'])
    expect(await desk.snapshot()).toBe(before)
    desk.setNow(after(DAY))
    const received = await step(desk, id, 'received', 2)
    expect(received.status).toBe(200)
    expect(received.json.backup).toMatchObject({ status: 'received', receivedBy: { name: 'Lotte Smit' }, receivedAt: after(DAY), version: 3 })
    const stale = await step(desk, id, 'purged', 2)
    expect(stale.status).toBe(409)
    expect(stale.json).toMatchObject({ code: 'version_conflict', current: { id, status: 'received', version: 3 } })
    expect((await desk.store.consents.get(id))?.version).toBe(3)
    const purged = await step(desk, id, 'purged', 3)
    expect(purged.json.backup).toMatchObject({ status: 'purged', purgedBy: { name: 'Lotte Smit' }, version: 4 })
    expect((await step(desk, id, 'purged', 4)).json.code).toBe('move_refused')
    expect((await desk.call('POST', `/api/backups/${id}/received`, { version: 4 }, desk.as.marieke)).json.code).toBe('staff_only')
    expect(await desk.steps(desk.as.marieke)).toEqual([
      ['backup.requested', 'Lotte Smit'], ['backup.approved', 'Marieke Jansen'], ['backup.received', 'Lotte Smit'], ['backup.purged', 'Lotte Smit'],
    ])
  })

  test('the admin deciding on an older version gets 409 with the current state', async () => {
    const desk = await consentDesk()
    const { id } = (await request(desk)).json.backup
    await desk.store.consents.update(id, 1, (b) => ({ ...b, reason: 'Aangevuld' }))
    const res = await decide(desk, id, { decision: 'approve', version: 1 }, desk.as.marieke)
    expect(res.status).toBe(409)
    expect(res.json).toMatchObject({ code: 'version_conflict', current: { id, status: 'requested', reason: 'Aangevuld', version: 2 } })
    expect((await desk.store.consents.get(id))).toMatchObject({ status: 'requested' })
  })

  test('a declined backup cannot be received or purged, nor decided again', async () => {
    const desk = await consentDesk()
    const { id } = (await request(desk)).json.backup
    const declined = await decide(desk, id, { decision: 'decline', note: 'Bevat persoonsgegevens.', version: 1 }, desk.as.marieke)
    expect(declined.json.backup).toMatchObject({ status: 'declined', decisionNote: 'Bevat persoonsgegevens.', purgeDate: null })
    const before = await desk.snapshot()
    expect((await step(desk, id, 'received', 2)).json.code).toBe('move_refused')
    expect((await step(desk, id, 'purged', 2)).json.code).toBe('move_refused')
    expect((await decide(desk, id, { decision: 'approve', version: 2 }, desk.as.marieke)).json.code).toBe('move_refused')
    expect(await desk.snapshot()).toBe(before)
    expect(await desk.steps(desk.as.lotte)).toEqual([['backup.requested', 'Lotte Smit'], ['backup.declined', 'Marieke Jansen']])
  })
})

describe('temporary access grant', () => {
  const give = (desk: Desk, endsAt: string, who: Who = desk.as.marieke, level = 'functional_user') =>
    desk.call('POST', `/api/incidents/${desk.incident.id}/grants`, { level, endsAt }, who)
  const use = (desk: Desk, id: string) => desk.call('POST', `/api/grants/${id}/use`, undefined, desk.as.lotte)

  test('an admin grants access ending exactly 14 days ahead; a second later, now or in the past is refused', async () => {
    const desk = await consentDesk()
    const given = await give(desk, after(14 * DAY))
    expect(given.status).toBe(201)
    expect(given.json.grant).toMatchObject({
      kind: 'grant', level: 'functional_user', endsAt: after(14 * DAY), isActive: true, revokedAt: null, grantedBy: { kind: 'contact', name: 'Marieke Jansen' }, incident: { id: desk.incident.id },
    })
    const before = await desk.snapshot()
    for (const endsAt of [after(14 * DAY + SECOND), START, after(-SECOND)]) {
      const res = await give(desk, endsAt)
      expect([res.status, res.json.code]).toEqual([422, 'grant_end_out_of_range'])
      expect(res.json.fields).toEqual([expect.objectContaining({ path: 'endsAt' })])
    }
    expect(await desk.snapshot()).toBe(before)
  })

  test('accepts an end with an offset and keeps it as the same instant', async () => {
    const desk = await consentDesk()
    const res = await give(desk, '2026-12-04T17:00:00+01:00', desk.as.marieke, 'read_only')
    expect(res.json.grant).toMatchObject({ level: 'read_only', endsAt: '2026-12-04T16:00:00.000Z' })
  })

  test('an employee 403, staff 403, another organisation’s admin 404: nothing granted', async () => {
    const desk = await consentDesk()
    const before = await desk.snapshot()
    expect((await give(desk, after(DAY), desk.as.tom)).json.code).toBe('admin_only')
    expect((await give(desk, after(DAY), desk.as.tom)).status).toBe(403)
    expect((await give(desk, after(DAY), desk.as.lotte)).json.code).toBe('contacts_only')
    const other = await give(desk, after(DAY), desk.as.peter)
    expect([other.status, other.json.code]).toEqual([404, 'not_found'])
    expect(await desk.snapshot()).toBe(before)
  })

  test('staff use it while it is active; at its end and a second after, every use is refused 410', async () => {
    const desk = await consentDesk()
    const endsAt = after(2 * DAY)
    const { id } = (await give(desk, endsAt)).json.grant
    expect((await use(desk, id)).status).toBe(200)
    desk.setNow(after(-SECOND, endsAt))
    expect((await use(desk, id)).json.grant).toMatchObject({ id, isActive: true })
    desk.setNow(endsAt)
    const atEnd = await use(desk, id)
    expect(atEnd.status).toBe(410)
    expect(atEnd.json).toMatchObject({ code: 'grant_inactive', grant: { id, isActive: false } })
    desk.setNow(after(SECOND, endsAt))
    expect((await use(desk, id)).status).toBe(410)
    expect(await desk.consents(desk.as.marieke, '?kind=grant')).toEqual([expect.objectContaining({ id, isActive: false, revokedAt: null })])
    expect(await desk.steps(desk.as.tom)).toEqual([
      ['grant.given', 'Marieke Jansen'], ['grant.used', 'Lotte Smit'], ['grant.used', 'Lotte Smit'], ['grant.use_refused', 'Lotte Smit'], ['grant.use_refused', 'Lotte Smit'],
    ])
    const given = (await desk.call('GET', `/api/incidents/${desk.incident.id}`, undefined, desk.as.lotte)).json.timeline.find((e: { action?: string }) => e.action === 'grant.given')
    expect(given).toMatchObject({ consentId: id, level: 'functional_user', endsAt })
  })

  test('no grant on a closed incident', async () => {
    const desk = await consentDesk()
    const closed = await desk.store.incidents.create(incidentDraft({ organisationId: 'org-jansen', contactId: 'c-jansen-emp', status: 'closed' }))
    const res = await desk.call('POST', `/api/incidents/${closed.id}/grants`, { level: 'read_only', endsAt: after(DAY) }, desk.as.marieke)
    expect([res.status, res.json.code]).toEqual([422, 'incident_not_open'])
    expect(await desk.store.consents.list({})).toEqual([])
  })

  test('a contact cannot use a grant', async () => {
    const desk = await consentDesk()
    const { id } = (await give(desk, after(DAY))).json.grant
    expect((await desk.call('POST', `/api/grants/${id}/use`, undefined, desk.as.marieke)).json.code).toBe('staff_only')
  })

  test('the admin revokes it; right after, every use is refused and revoking again is 409', async () => {
    const desk = await consentDesk()
    const { id } = (await give(desk, after(7 * DAY))).json.grant
    const before = await desk.snapshot()
    expect((await desk.call('POST', `/api/grants/${id}/revoke`, { version: 1 }, desk.as.tom)).json.code).toBe('admin_only')
    expect((await desk.call('POST', `/api/grants/${id}/revoke`, { version: 1 }, desk.as.lotte)).json.code).toBe('contacts_only')
    expect(await desk.snapshot()).toBe(before)
    desk.setNow(after(HOUR))
    const revoked = await desk.call('POST', `/api/grants/${id}/revoke`, { version: 1 }, desk.as.marieke)
    expect(revoked.status).toBe(200)
    expect(revoked.json.grant).toMatchObject({ id, isActive: false, revokedAt: after(HOUR), revokedBy: { name: 'Marieke Jansen' }, version: 2 })
    const refused = await use(desk, id)
    expect([refused.status, refused.json.code]).toEqual([410, 'grant_inactive'])
    const twice = await desk.call('POST', `/api/grants/${id}/revoke`, { version: 2 }, desk.as.marieke)
    expect([twice.status, twice.json.code]).toEqual([409, 'grant_inactive'])
    expect((await desk.store.consents.get(id))).toMatchObject({ revokedAt: after(HOUR), version: 2 })
    expect(await desk.steps(desk.as.lotte)).toEqual([['grant.given', 'Marieke Jansen'], ['grant.revoked', 'Marieke Jansen'], ['grant.use_refused', 'Lotte Smit']])
  })

  test('is listed on both sides; a contact of another organisation neither sees nor revokes it', async () => {
    const desk = await consentDesk()
    const { id } = (await give(desk, after(DAY))).json.grant
    for (const who of [desk.as.marieke, desk.as.tom, desk.as.lotte]) expect(await desk.consents(who, '?kind=grant')).toEqual([expect.objectContaining({ id })])
    expect(await desk.consents(desk.as.peter, '?kind=grant')).toEqual([])
    expect(await desk.consents(desk.as.peter, '?organisationId=org-jansen')).toEqual([])
    const before = await desk.snapshot()
    const res = await desk.call('POST', `/api/grants/${id}/revoke`, { version: 1 }, desk.as.peter)
    expect([res.status, res.json.code]).toEqual([404, 'not_found'])
    expect(await desk.snapshot()).toBe(before)
    expect((await use(desk, id)).status).toBe(200)
  })
})

describe('extra support outside business hours', () => {
  /** Saturday 12 December 2026, 09:00–17:00 in Amsterdam. */
  const saturday = { startsAt: '2026-12-12T08:00:00.000Z', endsAt: '2026-12-12T16:00:00.000Z', reason: 'Jaarafsluiting met de accountant.' }
  const ask = (desk: Desk, who: Who, window: Record<string, unknown> = saturday, headers: Record<string, string> = {}) =>
    desk.call('POST', '/api/extra-support', window, { ...who, ...headers })
  const decide = (desk: Desk, id: string, body: Record<string, unknown>, who: Who = desk.as.lotte) => desk.call('POST', `/api/extra-support/${id}/decision`, body, who)

  test('a start 4 days 23 hours ahead is refused, naming the earliest start, in Dutch and in English', async () => {
    const desk = await consentDesk()
    const window = { startsAt: after(4 * DAY + 23 * HOUR), endsAt: after(5 * DAY + 3 * HOUR), reason: 'Voorraadtelling' }
    const before = await desk.snapshot()
    const nl = await ask(desk, desk.as.tom, window)
    expect(nl.status).toBe(422)
    expect(nl.json).toMatchObject({ code: 'too_soon', earliestStart: after(5 * DAY), fields: [{ path: 'startsAt' }] })
    expect(nl.json.message).toContain('zaterdag 5 december om 10:00')
    const en = await ask(desk, desk.as.tom, window, { 'accept-language': 'en' })
    expect(en.json).toMatchObject({ code: 'too_soon', earliestStart: '2026-12-05T09:00:00.000Z' })
    expect(en.json.message).toContain('Saturday 5 December at 10:00')
    expect(await desk.snapshot()).toBe(before)
  })

  test('a start exactly 5 days ahead is accepted', async () => {
    const desk = await consentDesk()
    const res = await ask(desk, desk.as.tom, { startsAt: after(5 * DAY), endsAt: after(5 * DAY + 4 * HOUR), reason: 'Voorraadtelling' })
    expect(res.status).toBe(201)
    expect(res.json.extraSupport).toMatchObject({ kind: 'extra_support', status: 'requested', startsAt: after(5 * DAY), contact: { name: 'Tom Bakker' }, version: 1 })
  })

  test('a window of 72 hours is accepted; a second longer, or one wholly within business hours, is refused', async () => {
    const desk = await consentDesk()
    // From Friday 11 December 16:00 (closing) in Amsterdam.
    const friday = '2026-12-11T15:00:00.000Z'
    const before = await desk.snapshot()
    const long = await ask(desk, desk.as.tom, { startsAt: friday, endsAt: after(72 * HOUR + SECOND, friday), reason: 'Migratie' })
    expect([long.status, long.json.code]).toEqual([422, 'window_too_long'])
    const inside = await ask(desk, desk.as.tom, { startsAt: '2026-12-08T08:00:00.000Z', endsAt: '2026-12-08T12:00:00.000Z', reason: 'Migratie' }, { 'accept-language': 'en' })
    expect(inside.status).toBe(422)
    expect(inside.json).toMatchObject({ code: 'within_business_hours', message: 'This window lies wholly within business hours; it needs no extra support.' })
    expect(await desk.snapshot()).toBe(before)
    expect((await ask(desk, desk.as.tom, { startsAt: friday, endsAt: after(72 * HOUR, friday), reason: 'Migratie' })).status).toBe(201)
  })

  test('is billed afterwards, except for First Class organisations', async () => {
    const desk = await consentDesk()
    expect((await ask(desk, desk.as.peter)).json.extraSupport).toMatchObject({ organisation: { id: 'org-devries' }, isBilled: true })
    expect((await ask(desk, desk.as.aisha)).json.extraSupport.isBilled).toBe(true)
    expect((await ask(desk, desk.as.tom)).json.extraSupport).toMatchObject({ organisation: { id: 'org-jansen' }, isBilled: false })
    expect((await ask(desk, desk.as.marieke)).json.extraSupport.isBilled).toBe(false)
  })

  test('only contacts request it', async () => {
    const desk = await consentDesk()
    expect((await ask(desk, desk.as.lotte)).json.code).toBe('contacts_only')
    expect((await desk.call('POST', '/api/extra-support', saturday)).status).toBe(401)
  })

  test('staff approve or decline; the requester gets a mail; deciding twice is 409', async () => {
    const desk = await consentDesk()
    const tom = (await ask(desk, desk.as.tom)).json.extraSupport
    const peter = (await ask(desk, desk.as.peter)).json.extraSupport
    expect((await decide(desk, tom.id, { decision: 'approve', version: 1 }, desk.as.marieke)).json.code).toBe('staff_only')
    desk.setNow(after(HOUR))
    const approved = await decide(desk, tom.id, { decision: 'approve', version: 1 })
    expect(approved.status).toBe(200)
    expect(approved.json.extraSupport).toMatchObject({ status: 'approved', decidedBy: { name: 'Lotte Smit' }, decidedAt: after(HOUR), isBilled: false, version: 2 })
    expect((await desk.mails()).at(-1)).toMatchObject({ to: 'tom@bakkerij-jansen.example', text: expect.stringContaining('goedgekeurd') })
    const declined = await decide(desk, peter.id, { decision: 'decline', note: 'Die zaterdag is er geen consultant beschikbaar.', version: 1 })
    expect(declined.json.extraSupport).toMatchObject({ status: 'declined', decisionNote: 'Die zaterdag is er geen consultant beschikbaar.' })
    expect((await desk.mails()).at(-1)).toMatchObject({ to: 'peter@devries-installatie.example', text: expect.stringContaining('geen consultant beschikbaar') })
    const before = await desk.snapshot()
    for (const [id, decision, version] of [[tom.id, 'decline', 2], [tom.id, 'approve', 2], [peter.id, 'approve', 2]] as const) {
      const res = await decide(desk, id, { decision, version })
      expect([res.status, res.json.code]).toEqual([409, 'move_refused'])
    }
    expect(await desk.snapshot()).toBe(before)
    expect(await desk.consents(desk.as.tom, '?kind=extra_support')).toEqual([expect.objectContaining({ id: tom.id, status: 'approved' })])
    expect((await desk.store.audit.listFor('organisation:org-jansen')).map((a) => [a.actor, a.action, a.details?.consentId])).toEqual([
      ['contact:c-jansen-emp', 'extra_support.requested', tom.id], ['staff:s-lotte', 'extra_support.approved', tom.id],
    ])
  })

  test('a decision on an older version is 409 with the current state', async () => {
    const desk = await consentDesk()
    const { id } = (await ask(desk, desk.as.tom)).json.extraSupport
    await desk.store.consents.update(id, 1, (r) => ({ ...r, reason: 'Jaarafsluiting, aangevuld' }))
    const res = await decide(desk, id, { decision: 'approve', version: 1 })
    expect(res.status).toBe(409)
    expect(res.json).toMatchObject({ code: 'version_conflict', current: { id, status: 'requested', version: 2 } })
  })

  test('the requester and their admin see a request; a colleague and another organisation do not', async () => {
    const desk = await consentDesk()
    const { id } = (await ask(desk, desk.as.aisha)).json.extraSupport
    for (const who of [desk.as.aisha, desk.as.peter, desk.as.lotte]) expect(await desk.consents(who, '?kind=extra_support')).toEqual([expect.objectContaining({ id })])
    desk.setNow(after(MINUTE))
    const own = (await ask(desk, desk.as.peter)).json.extraSupport
    expect((await desk.consents(desk.as.aisha, '?kind=extra_support')).map((c) => c.id)).toEqual([id])
    expect((await desk.consents(desk.as.peter, '?kind=extra_support')).map((c) => c.id)).toEqual([own.id, id])
    expect(await desk.consents(desk.as.marieke, '?kind=extra_support')).toEqual([])
    expect(await desk.consents(desk.as.tom)).toEqual([])
  })
})

describe('an approved extra-support window counts as business time for that organisation', () => {
  /** Saturday 12 December 2026, 09:00–17:00 in Amsterdam: no holiday, the desk is closed. */
  const window = { startsAt: '2026-12-12T08:00:00.000Z', endsAt: '2026-12-12T16:00:00.000Z', reason: 'Jaarafsluiting' }
  /** Monday 14 December, 08:30 opening + 4 hours, in UTC. */
  const mondayDue = '2026-12-14T11:30:00.000Z'

  async function withWindow(decision: 'approve' | 'decline' | null) {
    const desk = await consentDesk()
    const { id } = (await desk.call('POST', '/api/extra-support', window, desk.as.tom)).json.extraSupport
    if (decision) expect((await desk.call('POST', `/api/extra-support/${id}/decision`, { decision, version: 1 }, desk.as.lotte)).status).toBe(200)
    const registered = (organisationId: string, contactId: string, at: string, priority: 1 | null = null) =>
      desk.store.incidents.create(incidentDraft({ organisationId, contactId, registeredAt: at, updatedAt: at, priority, statusHistory: [{ status: 'new', at, by: `contact:${contactId}` }] }))
    /** Staff set priority 1, as at triage; the reply carries the SLA. */
    const priorityOne = async (incidentId: string) => {
      const res = await desk.call('PATCH', `/api/incidents/${incidentId}`, { version: 1, priority: 1 }, desk.as.lotte)
      expect(res.status).toBe(200)
      return res.json.incident.sla.dueAt as string
    }
    const dueOf = async (incidentId: string) => (await desk.call('GET', `/api/incidents/${incidentId}`, undefined, desk.as.lotte)).json.incident.sla.dueAt as string
    return { ...desk, registered, priorityOne, dueOf }
  }

  test('a priority 1 incident registered inside the window is due 4 hours later, inside it; another organisation’s on Monday', async () => {
    const desk = await withWindow('approve')
    desk.setNow('2026-12-12T09:15:00.000Z')
    const jansen = await desk.registered('org-jansen', 'c-jansen-emp', '2026-12-12T09:00:00.000Z')
    expect(await desk.priorityOne(jansen.id)).toBe('2026-12-12T13:00:00.000Z')
    expect(await desk.dueOf(jansen.id)).toBe('2026-12-12T13:00:00.000Z')
    // Priority 1 is for First Class only, so the other organisation's incident has it in the store.
    const devries = await desk.registered('org-devries', 'c-devries-admin', '2026-12-12T09:00:00.000Z', 1)
    expect(await desk.dueOf(devries.id)).toBe(mondayDue)
  })

  test('registered an hour before the window ends, the rest of the target runs from Monday’s opening', async () => {
    const desk = await withWindow('approve')
    desk.setNow('2026-12-12T15:05:00.000Z')
    const late = await desk.registered('org-jansen', 'c-jansen-emp', '2026-12-12T15:00:00.000Z')
    // One hour inside the window, three after Monday 08:30: 11:30 in Amsterdam.
    expect(await desk.priorityOne(late.id)).toBe('2026-12-14T10:30:00.000Z')
  })

  test.each([['a requested', null], ['a declined', 'decline']] as const)('%s window counts for nothing', async (_, decision) => {
    const desk = await withWindow(decision)
    desk.setNow('2026-12-12T09:15:00.000Z')
    const jansen = await desk.registered('org-jansen', 'c-jansen-emp', '2026-12-12T09:00:00.000Z')
    expect(await desk.priorityOne(jansen.id)).toBe(mondayDue)
  })
})

describe('isolation and input', () => {
  /** One consent of each kind for Bakkerij Jansen. */
  async function jansenConsents() {
    const desk = await consentDesk()
    const view = await openView(desk)
    const backup = (await desk.call('POST', `/api/incidents/${desk.incident.id}/backups`, { reason: 'Onderzoek' }, desk.as.lotte)).json.backup
    const grant = (await desk.call('POST', `/api/incidents/${desk.incident.id}/grants`, { level: 'read_only', endsAt: after(DAY) }, desk.as.marieke)).json.grant
    const extra = (await desk.call('POST', '/api/extra-support', { startsAt: '2026-12-12T08:00:00.000Z', endsAt: '2026-12-12T16:00:00.000Z', reason: 'Jaarafsluiting' }, desk.as.tom)).json.extraSupport
    const ids = { incident: desk.incident.id, view: view.id, backup: backup.id, grant: grant.id, extra: extra.id }
    const path = (template: string) => template.replace(/:(\w+)/g, (_, key: keyof typeof ids) => ids[key])
    return { ...desk, view, ids, path }
  }

  test('no request of a contact of another organisation reads or changes a consent of Bakkerij Jansen', async () => {
    const desk = await jansenConsents()
    const before = await desk.snapshot()
    for (const who of [desk.as.peter, desk.as.aisha]) {
      for (const query of ['', '?organisationId=org-jansen', `?incidentId=${desk.ids.incident}`, '?kind=grant']) expect(await desk.consents(who, query)).toEqual([])
      for (const [method, template, body] of [
        ['POST', '/api/backups/:backup/decision', { decision: 'approve', version: 1 }],
        ['POST', '/api/grants/:grant/revoke', { version: 1 }],
        ['POST', '/api/incidents/:incident/grants', { level: 'administrator', endsAt: after(DAY) }],
        ['GET', '/api/remote-views/:view', undefined],
        ['POST', '/api/remote-views/:view/end', undefined],
        ['GET', '/api/remote-views/:view/signals', undefined],
        ['POST', '/api/remote-views/:view/signals', { type: 'offer', data: '{}' }],
        ['GET', '/api/incidents/:incident', undefined],
      ] as const) {
        const res = await desk.call(method, desk.path(template), body, who)
        expect([template, res.status]).toEqual([template, 404])
      }
      expect((await desk.call('POST', desk.path('/api/extra-support/:extra/decision'), { decision: 'approve', version: 1 }, who)).status).toBe(403)
    }
    expect(await desk.snapshot()).toBe(before)
  })

  test.each([
    ['a code of five digits', 'POST', '/api/remote-views/lookup', { code: '12345' }],
    ['a code as a number', 'POST', '/api/remote-views/consent', { code: 123456 }],
    ['no code', 'POST', '/api/remote-views/consent', {}],
    ['letters for a code', 'POST', '/api/remote-views/lookup', { code: 'abcdef' }],
    ['a signal of an unknown type', 'POST', '/api/remote-views/:view/signals', { type: 'hello', data: '{}' }],
    ['a signal without data', 'POST', '/api/remote-views/:view/signals', { type: 'offer' }],
    ['a backup without a reason', 'POST', '/api/incidents/:incident/backups', {}],
    ['a backup with a blank reason', 'POST', '/api/incidents/:incident/backups', { reason: '   ' }],
    ['a decision that is neither', 'POST', '/api/backups/:backup/decision', { decision: 'maybe', version: 1 }],
    ['a decision without a version', 'POST', '/api/backups/:backup/decision', { decision: 'approve' }],
    ['a version as text', 'POST', '/api/backups/:backup/received', { version: '1' }],
    ['a grant of an unknown level', 'POST', '/api/incidents/:incident/grants', { level: 'root', endsAt: after(DAY) }],
    ['a grant end that is no instant', 'POST', '/api/incidents/:incident/grants', { level: 'read_only', endsAt: 'tomorrow' }],
    ['a grant end without an offset', 'POST', '/api/incidents/:incident/grants', { level: 'read_only', endsAt: '2026-12-01T10:00:00' }],
    ['a revoke with version 0', 'POST', '/api/grants/:grant/revoke', { version: 0 }],
    ['a window ending before it starts', 'POST', '/api/extra-support', { startsAt: '2026-12-12T16:00:00.000Z', endsAt: '2026-12-12T08:00:00.000Z', reason: 'Jaarafsluiting' }],
    ['a window without a reason', 'POST', '/api/extra-support', { startsAt: '2026-12-12T08:00:00.000Z', endsAt: '2026-12-12T16:00:00.000Z' }],
    ['a window with an unknown field', 'POST', '/api/extra-support', { startsAt: '2026-12-12T08:00:00.000Z', endsAt: '2026-12-12T16:00:00.000Z', reason: 'x', isBilled: false }],
    ['an extra-support decision without a version', 'POST', '/api/extra-support/:extra/decision', { decision: 'approve' }],
    ['an unknown kind to list', 'GET', '/api/consents?kind=everything', undefined],
  ])('%s is 400 invalid_input and changes nothing', async (_, method, template, body) => {
    const desk = await jansenConsents()
    const who: Record<string, Who | Record<string, string>> = {
      '/api/remote-views/:view/signals': bearer(desk.view.token), '/api/incidents/:incident/backups': desk.as.lotte, '/api/backups/:backup/decision': desk.as.marieke,
      '/api/backups/:backup/received': desk.as.lotte, '/api/incidents/:incident/grants': desk.as.marieke, '/api/grants/:grant/revoke': desk.as.marieke,
      '/api/extra-support': desk.as.tom, '/api/extra-support/:extra/decision': desk.as.lotte, '/api/consents?kind=everything': desk.as.tom,
    }
    const before = await desk.snapshot()
    const res = await desk.call(method, desk.path(template), body, (who[template] ?? {}) as Record<string, string>)
    expect([res.status, res.json.code]).toEqual([400, 'invalid_input'])
    expect(res.json.fields.length).toBeGreaterThan(0)
    expect(await desk.snapshot()).toBe(before)
  })

  test('a body that is not JSON is refused before anything is read', async () => {
    const desk = await jansenConsents()
    const before = await desk.snapshot()
    const res = await desk.call('POST', '/api/remote-views/lookup', undefined, { 'content-type': 'text/plain' })
    expect(res.status).toBe(415)
    expect(await desk.snapshot()).toBe(before)
  })
})
