import { afterEach, describe, expect, test } from 'vitest'
import { incidentDraft } from '../store/store-contract.ts'
import { closeTestDesks } from '../testing.ts'
import { START, SECOND, HOUR, DAY, after, type Who, consentDesk, type Desk } from './consents.fixture.ts'

afterEach(closeTestDesks)

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
