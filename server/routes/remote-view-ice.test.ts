import { afterEach, expect, test } from 'vitest'
import { closeTestDesks } from '../testing.ts'
import { bearer, consentDesk, openView, startView } from './consents.fixture.ts'

afterEach(closeTestDesks)

test('both sides of a session get the ICE servers, with TURN credentials for that session; nobody else does', async () => {
  const desk = await consentDesk()
  desk.deps.ice = { urls: ['turn:turn.example.nl:3478?transport=udp'], secret: 'shared', isRelayOnly: true }
  const { id, token } = await openView(desk)
  const customer = await desk.call('GET', `/api/remote-views/${id}/ice`, undefined, bearer(token))
  const staff = await desk.call('GET', `/api/remote-views/${id}/ice`, undefined, desk.as.lotte)
  for (const side of [customer, staff]) {
    expect(side.status).toBe(200)
    expect(side.json).toEqual({ iceTransportPolicy: 'relay', iceServers: [{ urls: ['turn:turn.example.nl:3478?transport=udp'], username: expect.stringMatching(new RegExp(`^\\d+:${id}$`)), credential: expect.any(String) }] })
    expect(side.headers.get('cache-control')).toBe('private, no-store')
  }
  expect((await desk.call('GET', `/api/remote-views/${id}/ice`, undefined, bearer('not-the-token-of-this-session-at-all'))).status).toBe(401)
  expect((await desk.call('GET', `/api/remote-views/${id}/ice`, undefined, desk.as.peter)).status).toBe(404)
  expect((await desk.call('GET', `/api/remote-views/${id}/ice`)).status).toBe(404)
})

test('without a TURN server the browsers connect directly', async () => {
  const desk = await consentDesk()
  const { id } = await startView(desk)
  expect((await desk.call('GET', `/api/remote-views/${id}/ice`, undefined, desk.as.lotte)).json).toEqual({ iceServers: [], iceTransportPolicy: 'all' })
})
