/**
 * How the two browsers of a remote view reach each other: the ICE servers they are given. With a
 * TURN server (coturn's `use-auth-secret`), each gets credentials of its own that expire, made with
 * the shared secret as the TURN REST API describes, so no lasting password is ever in a browser.
 */
import { createHmac } from 'node:crypto'
import { z } from 'zod'

/** The operator's choice: TURN (and STUN) addresses, the secret shared with the TURN server, and whether only relayed paths may be used. */
export interface IceConfig {
  /** `turn:` / `turns:` / `stun:` URLs, e.g. `turn:turn.example.nl:3478?transport=udp`. */
  urls: string[]
  /** coturn's `static-auth-secret`; without it the URLs are given without credentials (STUN only). */
  secret?: string
  /** Only relayed paths (`iceTransportPolicy: "relay"`): neither side learns the other's address, and the picture always goes through the TURN server. */
  isRelayOnly: boolean
}

/** How long credentials last: longer than any session is open. */
export const ICE_CREDENTIAL_HOURS = 4

/** What both browsers pass to `new RTCPeerConnection(…)`. */
export const IceReply = z.object({
  iceServers: z.array(z.object({ urls: z.array(z.string()), username: z.string().optional(), credential: z.string().optional() })),
  iceTransportPolicy: z.enum(['all', 'relay']),
}).meta({ id: 'IceConfiguration', description: 'The RTCConfiguration both browsers use: empty iceServers means direct connections only.' })
export type IceReply = z.infer<typeof IceReply>

/** Reads TURN_URL (comma-separated), TURN_SECRET and ICE_RELAY_ONLY; undefined when no URL is set. */
export function iceFromEnv(env: Record<string, string | undefined>): IceConfig | undefined {
  const urls = (env.TURN_URL ?? '').split(',').map((url) => url.trim()).filter(Boolean)
  if (urls.length === 0) return undefined
  const bad = urls.find((url) => !/^(turns?|stuns?):[^\s]+$/.test(url))
  if (bad) throw new Error(`TURN_URL: "${bad}" is no turn:, turns: or stun: URL`)
  return { urls, ...(env.TURN_SECRET ? { secret: env.TURN_SECRET } : {}), isRelayOnly: env.ICE_RELAY_ONLY === '1' }
}

/** The configuration for one side of session `sessionId` at `now`: TURN credentials named after the session, valid ICE_CREDENTIAL_HOURS. */
export function iceFor(config: IceConfig | undefined, sessionId: string, now: Date): IceReply {
  if (!config) return { iceServers: [], iceTransportPolicy: 'all' }
  const turn = config.urls.filter((url) => url.startsWith('turn'))
  const stun = config.urls.filter((url) => url.startsWith('stun'))
  const username = `${Math.floor(now.getTime() / 1000) + ICE_CREDENTIAL_HOURS * 3600}:${sessionId}`
  const credential = config.secret ? createHmac('sha1', config.secret).update(username).digest('base64') : undefined
  return {
    iceServers: [
      ...(stun.length ? [{ urls: stun }] : []),
      ...(turn.length ? [{ urls: turn, ...(credential ? { username, credential } : {}) }] : []),
    ],
    iceTransportPolicy: config.isRelayOnly ? 'relay' : 'all',
  }
}
