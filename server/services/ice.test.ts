import { createHmac } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { ICE_CREDENTIAL_HOURS, iceFor, iceFromEnv } from './ice.ts'

const NOW = new Date('2026-11-30T09:00:00Z')

describe('iceFromEnv', () => {
  test('reads TURN_URL as a comma-separated list, with the secret and the relay-only switch', () => {
    expect(iceFromEnv({})).toBeUndefined()
    expect(iceFromEnv({ TURN_URL: ' turn:turn.example.nl:3478?transport=udp , turns:turn.example.nl:5349 ', TURN_SECRET: 's', ICE_RELAY_ONLY: '1' }))
      .toEqual({ urls: ['turn:turn.example.nl:3478?transport=udp', 'turns:turn.example.nl:5349'], secret: 's', isRelayOnly: true })
    expect(iceFromEnv({ TURN_URL: 'stun:stun.example.nl:3478' })).toEqual({ urls: ['stun:stun.example.nl:3478'], isRelayOnly: false })
  })

  test.each(['https://turn.example.nl', 'turn.example.nl:3478', 'turn: spaced'])('refuses %j, naming it', (url) => {
    expect(() => iceFromEnv({ TURN_URL: url })).toThrow(`"${url}"`)
  })
})

describe('iceFor', () => {
  test('without a TURN server: no servers, every path allowed', () => {
    expect(iceFor(undefined, 'rv-1', NOW)).toEqual({ iceServers: [], iceTransportPolicy: 'all' })
  })

  test('TURN credentials as coturn\'s use-auth-secret checks them: expiry:session, HMAC-SHA1 of it in base64', () => {
    const reply = iceFor({ urls: ['stun:stun.example.nl', 'turn:turn.example.nl:3478'], secret: 'shared', isRelayOnly: true }, 'rv-1', NOW)
    const username = `${NOW.getTime() / 1000 + ICE_CREDENTIAL_HOURS * 3600}:rv-1`
    expect(reply).toEqual({
      iceServers: [{ urls: ['stun:stun.example.nl'] }, { urls: ['turn:turn.example.nl:3478'], username, credential: createHmac('sha1', 'shared').update(username).digest('base64') }],
      iceTransportPolicy: 'relay',
    })
  })

  test('each session gets credentials of its own', () => {
    const config = { urls: ['turn:turn.example.nl'], secret: 'shared', isRelayOnly: false }
    expect(iceFor(config, 'rv-1', NOW).iceServers[0]!.credential).not.toBe(iceFor(config, 'rv-2', NOW).iceServers[0]!.credential)
  })
})
