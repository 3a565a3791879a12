/**
 * The screen share of a remote view over WebRTC. The customer's browser offers one send-only video
 * track of the screen, window or tab they chose; support's browser answers receive-only, so nothing
 * ever flows back and nothing can be controlled. Offers, answers and ICE candidates travel through
 * the API (`POST/GET /api/remote-views/{id}/signals`), read every second while connecting.
 *
 * The ICE servers come from the server (`GET /api/remote-views/{id}/ice`): none by default, so the
 * browsers connect when they reach each other directly (the same network, a VPN); with the
 * operator's TURN server (TURN_URL), across networks, and only through it when ICE_RELAY_ONLY is set.
 */
import { answererInbox, offererInbox, payloadOf, receive, type Inbox, type Signal } from './handshake.ts'

/** How often a side reads the other's signals while connecting, and once connected (to notice a new offer). */
const CONNECTING_POLL_MS = 1_000
const CONNECTED_POLL_MS = 3_000

/** How a side reaches the other through the API: the customer's page with its token, support with its session. */
export interface SignalChannel {
  /** The RTCConfiguration this side connects with: the ICE servers the server gives it. */
  configuration(): Promise<RTCConfiguration>
  send(type: Signal['type'], data: string): Promise<{ seq: number }>
  /** The other side's signals after `after`, and the session's state: anything but open ends the share. */
  read(after: number): Promise<{ state: string; signals: Signal[] }>
}

/** Where the customer's share stands, for the page to say. */
export type ShareState = 'connecting' | 'connected' | 'failed' | 'stopped'

/** The browser cannot share a screen at all (a phone, an old browser, a page that is not secure). */
export class ScreenShareUnsupported extends Error {
  override name = 'ScreenShareUnsupported'
}

/**
 * Asks the browser for a screen, window or tab to share, video only. Call it first thing in a
 * click handler: browsers grant screen capture only to a user's gesture, and an `await` before
 * this call would lose it. Rejects with NotAllowedError when the person cancels the choice.
 */
export function chooseScreen(): Promise<MediaStream> {
  if (typeof navigator === 'undefined' || !navigator.mediaDevices?.getDisplayMedia) return Promise.reject(new ScreenShareUnsupported())
  return navigator.mediaDevices.getDisplayMedia({ video: true, audio: false })
}

/**
 * The customer's side: offers `stream` to support and keeps `onState` told. Stops by itself when
 * the person stops sharing in the browser's own bar (the track ends) or the session is no longer
 * open; the function returned stops it from the page. Stopping closes the connection and the capture.
 */
export function sendScreen(stream: MediaStream, channel: SignalChannel, onState: (state: ShareState) => void): () => void {
  let peer: RTCPeerConnection | undefined
  let stopRelay = () => {}
  let isStopped = false
  const stop = (state: ShareState = 'stopped') => {
    if (isStopped) return
    isStopped = true
    stopRelay()
    peer?.close()
    for (const track of stream.getTracks()) track.stop()
    onState(state)
  }
  for (const track of stream.getVideoTracks()) track.addEventListener('ended', () => stop())

  onState('connecting')
  void (async () => {
    const configuration = await channel.configuration()
    if (isStopped) return
    const current = (peer = new RTCPeerConnection(configuration))
    const outbox = outboxFor(channel, null)
    for (const track of stream.getVideoTracks()) current.addTransceiver(track, { direction: 'sendonly', streams: [stream] })
    current.addEventListener('icecandidate', (event) => { if (event.candidate) outbox.candidate(event.candidate.toJSON()) })
    current.addEventListener('connectionstatechange', () => {
      if (current.connectionState === 'connected') onState('connected')
      if (current.connectionState === 'failed') stop('failed')
    })
    await current.setLocalDescription(await current.createOffer())
    const offer = await outbox.description('offer', current.localDescription!.toJSON())
    if (isStopped) return
    stopRelay = relay(channel, offererInbox(offer), async (signal) => {
      const { description, candidate } = payloadOf(signal)
      if (signal.type === 'answer' && description) await current.setRemoteDescription(description)
      if (signal.type === 'candidate' && candidate) await current.addIceCandidate(candidate)
    }, () => (current.connectionState === 'connected' ? CONNECTED_POLL_MS : CONNECTING_POLL_MS), () => stop())
  })().catch((error) => {
    console.warn('[loket] remote view: the offer could not be sent', error)
    stop('failed')
  })
  return () => stop()
}

/** How the picture travels once connected: straight between the browsers, or through the TURN server. */
export type ScreenPath = 'direct' | 'relay'

/** The path of `peer`'s chosen candidate pair: relayed when either end of it is a TURN relay. */
export async function pathOf(peer: RTCPeerConnection): Promise<ScreenPath | undefined> {
  const stats = [...(await peer.getStats()).values()] as { id: string; type: string; selectedCandidatePairId?: string; localCandidateId?: string; remoteCandidateId?: string; candidateType?: string; state?: string; nominated?: boolean }[]
  const byId = new Map(stats.map((s) => [s.id, s]))
  const selected = stats.find((s) => s.type === 'transport' && s.selectedCandidatePairId)?.selectedCandidatePairId
  const pair = selected ? byId.get(selected) : stats.find((s) => s.type === 'candidate-pair' && s.state === 'succeeded' && s.nominated)
  if (!pair) return undefined
  const ends = [byId.get(pair.localCandidateId ?? ''), byId.get(pair.remoteCandidateId ?? '')]
  return ends.some((end) => end?.candidateType === 'relay') ? 'relay' : 'direct'
}

/**
 * Support's side: answers each offer of the customer receive-only and hands the screen to
 * `onScreen` — null while there is none (not shared yet, stopped, or the connection dropped). A
 * new offer (the customer shared again) replaces the connection. The function returned stops it.
 */
export function receiveScreen(channel: SignalChannel, onScreen: (stream: MediaStream | null, path?: ScreenPath) => void): () => void {
  let peer: RTCPeerConnection | undefined
  // Asked once: every offer of this session connects with the same servers.
  const configuration = channel.configuration()
  const drop = () => {
    peer?.close()
    peer = undefined
    onScreen(null)
  }

  async function answer(offer: Signal) {
    const { description } = payloadOf(offer)
    if (!description) return
    const settings = await configuration
    drop()
    const current = (peer = new RTCPeerConnection(settings))
    const outbox = outboxFor(channel, offer.seq)
    let screen: MediaStream | null = null
    let isLost = false
    const show = async () => { if (screen && peer === current) onScreen(screen, await pathOf(current).catch(() => undefined)) }
    current.addEventListener('track', (event) => {
      screen = event.streams[0] ?? new MediaStream([event.track])
      void show()
    })
    current.addEventListener('icecandidate', (event) => { if (event.candidate) outbox.candidate(event.candidate.toJSON()) })
    current.addEventListener('connectionstatechange', () => {
      if (peer !== current) return
      // Nothing tells this side that the customer stopped sharing: the connection goes "disconnected"
      // some seconds later. It may come back by itself, and the screen with it.
      const isDown = ['disconnected', 'failed', 'closed'].includes(current.connectionState)
      if (isDown && !isLost) onScreen(null)
      // Connected: the path is known now, and after a loss the screen is back.
      if (current.connectionState === 'connected') void show()
      isLost = isDown
    })
    await current.setRemoteDescription(description)
    // View only, whatever the offer asks: this side sends nothing.
    for (const transceiver of current.getTransceivers()) transceiver.direction = 'recvonly'
    await current.setLocalDescription(await current.createAnswer())
    await outbox.description('answer', current.localDescription!.toJSON())
  }

  const stopRelay = relay(channel, answererInbox(), async (signal) => {
    if (signal.type === 'offer') return answer(signal)
    const { candidate } = payloadOf(signal)
    if (signal.type === 'candidate' && candidate && peer) await peer.addIceCandidate(candidate)
  }, () => (peer?.connectionState === 'connected' ? CONNECTED_POLL_MS : CONNECTING_POLL_MS), () => stop())
  const stop = () => {
    stopRelay()
    drop()
  }
  return stop
}

/**
 * Reads the other side's signals on a timer and applies the steps `receive` gives, in order, one
 * at a time. A step that fails (a candidate the connection refuses) is skipped; a failed read is
 * tried again at the next tick. Ends, calling `onOver`, once the session is no longer open.
 */
function relay(channel: SignalChannel, start: Inbox, apply: (signal: Signal) => Promise<void>, pace: () => number, onOver: () => void): () => void {
  let inbox = start
  let timer: ReturnType<typeof setTimeout> | undefined
  let isStopped = false
  const tick = async () => {
    try {
      const { state, signals } = await channel.read(inbox.after)
      if (isStopped) return
      if (state !== 'open') return onOver()
      const read = receive(inbox, signals)
      inbox = read.inbox
      for (const step of read.steps) await apply(step).catch((error) => console.warn(`[loket] remote view: ${step.type} ${step.seq} not applied`, error))
    } catch {
      // Offline for a moment: the next tick reads from the same place.
    }
    if (!isStopped) timer = setTimeout(tick, pace())
  }
  void tick()
  return () => {
    isStopped = true
    clearTimeout(timer)
  }
}

/**
 * A connection's outgoing signals, sent one after another. Candidates wait until the description
 * is sent, and name its offer: the customer learns its offer's seq only from the server's answer.
 */
function outboxFor(channel: SignalChannel, offer: number | null) {
  let chain: Promise<unknown> = Promise.resolve()
  let waiting: RTCIceCandidateInit[] | null = []
  const post = (type: Signal['type'], payload: object) => {
    const sent = chain.then(() => channel.send(type, JSON.stringify(payload)))
    chain = sent.catch((error) => console.warn(`[loket] remote view: ${type} not sent`, error))
    return sent
  }
  const sendCandidate = (candidate: RTCIceCandidateInit) => void post('candidate', { offer, candidate })
  return {
    /** Sends the offer or answer; resolves with the offer's seq, which every later signal names. */
    async description(type: 'offer' | 'answer', description: RTCSessionDescriptionInit): Promise<number> {
      const { seq } = await post(type, type === 'offer' ? { description } : { offer, description })
      offer ??= seq
      const held = waiting ?? []
      waiting = null
      held.forEach(sendCandidate)
      return offer
    },
    candidate(candidate: RTCIceCandidateInit) {
      if (waiting) waiting.push(candidate)
      else sendCandidate(candidate)
    },
  }
}
