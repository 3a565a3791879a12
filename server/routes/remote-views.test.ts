import { afterEach, describe, expect, test, vi } from 'vitest'
import { incidentDraft } from '../store/store-contract.ts'
import { closeTestDesks } from '../testing.ts'
import { START, SECOND, MINUTE, after, consentDesk, otherThan, wrongCodes, bearer, startView, lookup, consent, openView } from './consents.fixture.ts'

afterEach(closeTestDesks)

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
