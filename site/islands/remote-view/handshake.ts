/**
 * The order of a WebRTC handshake relayed through the API, as pure functions: which signals read
 * back from `GET /api/remote-views/{id}/signals` a browser acts on, and in which order, so a stale
 * offer, a reply to it or a candidate before its description never reaches the peer connection.
 */

/** A signal as the API relays it: the other side's offer, answer or ICE candidate, numbered by the server. */
export interface Signal {
  seq: number
  type: 'offer' | 'answer' | 'candidate'
  /** JSON text, see Payload. */
  data: string
}

/**
 * What a signal carries: the browser's own description or candidate, and the offer it belongs to.
 * Every signal but an offer names its offer's seq, so a late reply to an offer the customer has
 * since replaced (they stopped sharing and shared again) is recognised and dropped.
 */
export interface Payload {
  offer?: number
  description?: RTCSessionDescriptionInit
  candidate?: RTCIceCandidateInit
}

/** What one side has read so far. */
export interface Inbox {
  /** The last seq read: the next read asks for the signals after it. */
  after: number
  /** The offer the handshake is about; null until the answering side has read one. */
  offer: number | null
  /** Whether the remote description of that offer has been handed to the connection. */
  hasDescription: boolean
  /** Candidates that came before their description; they follow it. */
  held: Signal[]
}

/** The answering side (support) before it has read anything: every signal of the session is new to it. */
export function answererInbox(): Inbox {
  return { after: 0, offer: null, hasDescription: false, held: [] }
}

/** The offering side (the customer) right after the server numbered its offer `offerSeq`: only replies to it count. */
export function offererInbox(offerSeq: number): Inbox {
  return { after: offerSeq, offer: offerSeq, hasDescription: false, held: [] }
}

/** The payload of a signal; text that is not a JSON object reads as empty, which no step uses. */
export function payloadOf(signal: Signal): Payload {
  try {
    const value: unknown = JSON.parse(signal.data)
    return typeof value === 'object' && value !== null ? (value as Payload) : {}
  } catch {
    return {}
  }
}

/** The signals of `batch` after `after`, each once, in the order the server numbered them. */
export function unread(batch: readonly Signal[], after: number): Signal[] {
  const bySeq = new Map(batch.filter((s) => s.seq > after).map((s) => [s.seq, s]))
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq)
}

/**
 * Reads a batch: the steps to take, in order, and the inbox after it. Of several offers only the
 * newest counts (the older screens were stopped already); an answer or candidate for any other
 * offer is dropped; a candidate waits until its description has been given.
 * @example receive(answererInbox(), [offer(1), candidate(2, 1)]).steps.map((s) => s.seq) // [1, 2]
 */
export function receive(inbox: Inbox, batch: readonly Signal[]): { inbox: Inbox; steps: Signal[] } {
  const fresh = unread(batch, inbox.after)
  const lastOffer = fresh.findLast((s) => s.type === 'offer')
  let { offer, hasDescription, held } = inbox
  if (lastOffer) ({ offer, hasDescription, held } = { offer: lastOffer.seq, hasDescription: false, held: [] })
  const steps: Signal[] = []
  for (const signal of fresh) {
    if (lastOffer && signal.seq < lastOffer.seq) continue
    const belongs = signal.type === 'offer' || (offer !== null && payloadOf(signal).offer === offer)
    if (!belongs) continue
    if (signal.type === 'candidate') {
      if (hasDescription) steps.push(signal)
      else held = [...held, signal]
      continue
    }
    // A second answer to the same offer cannot be applied: the connection has one already.
    if (signal.type === 'answer' && hasDescription) continue
    steps.push(signal, ...held)
    hasDescription = true
    held = []
  }
  const after = fresh.at(-1)?.seq ?? inbox.after
  return { inbox: { after, offer, hasDescription, held }, steps }
}
