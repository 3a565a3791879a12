import { afterEach, describe, expect, test } from 'vitest'
import { contact, incidentDraft } from '../store/store-contract.ts'
import { closeTestDesks } from '../testing.ts'
import { HOUR, DAY, after, type Who, consentDesk, type Desk } from './consents.fixture.ts'

afterEach(closeTestDesks)

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
