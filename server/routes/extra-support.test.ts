import { afterEach, describe, expect, test } from 'vitest'
import { incidentDraft } from '../store/store-contract.ts'
import { closeTestDesks } from '../testing.ts'
import { SECOND, MINUTE, HOUR, DAY, after, type Who, consentDesk, type Desk } from './consents.fixture.ts'

afterEach(closeTestDesks)

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
