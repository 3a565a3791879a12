import { afterEach, describe, expect, test } from 'vitest'
import { closeTestDesks } from '../testing.ts'
import { DAY, after, type Who, consentDesk, bearer, openView } from './consents.fixture.ts'

afterEach(closeTestDesks)

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
