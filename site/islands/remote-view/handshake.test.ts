import { describe, expect, test } from 'vitest'
import { answererInbox, offererInbox, payloadOf, receive, unread, type Signal } from './handshake.ts'

const offer = (seq: number): Signal => ({ seq, type: 'offer', data: JSON.stringify({ description: { type: 'offer', sdp: `o${seq}` } }) })
const answer = (seq: number, of: number): Signal => ({ seq, type: 'answer', data: JSON.stringify({ offer: of, description: { type: 'answer', sdp: `a${seq}` } }) })
const candidate = (seq: number, of: number): Signal => ({ seq, type: 'candidate', data: JSON.stringify({ offer: of, candidate: { candidate: `c${seq}` } }) })
const seqs = (signals: Signal[]) => signals.map((s) => s.seq)

describe('unread', () => {
  test('keeps the signals after the last one read, each once, in the server’s order', () => {
    expect(seqs(unread([candidate(5, 1), offer(1), candidate(3, 1), candidate(3, 1), answer(2, 1)], 1))).toEqual([2, 3, 5])
  })
})

describe('payloadOf', () => {
  test.each([
    ['JSON of an object', '{"offer":4}', { offer: 4 }],
    ['text that is not JSON', 'v=0', {}],
    ['JSON of something else', '"x"', {}],
    ['null', 'null', {}],
  ])('reads %s', (_, data, expected) => {
    expect(payloadOf({ seq: 1, type: 'candidate', data })).toEqual(expected)
  })
})

describe('receive, on the answering side (support)', () => {
  test('takes the offer and then its candidates', () => {
    const { inbox, steps } = receive(answererInbox(), [offer(1), candidate(2, 1), candidate(3, 1)])
    expect(seqs(steps)).toEqual([1, 2, 3])
    expect(inbox).toEqual({ after: 3, offer: 1, hasDescription: true, held: [] })
  })

  test('of several offers takes only the newest and what belongs to it', () => {
    const { inbox, steps } = receive(answererInbox(), [offer(1), candidate(2, 1), offer(4), candidate(5, 4), candidate(6, 1)])
    expect(seqs(steps)).toEqual([4, 5])
    expect(inbox.offer).toBe(4)
  })

  test('a later offer starts the handshake anew', () => {
    const first = receive(answererInbox(), [offer(1), candidate(2, 1)])
    const second = receive(first.inbox, [offer(7), candidate(8, 7)])
    expect(seqs(second.steps)).toEqual([7, 8])
    expect(second.inbox).toEqual({ after: 8, offer: 7, hasDescription: true, held: [] })
  })

  test('reads nothing twice across polls', () => {
    const first = receive(answererInbox(), [offer(1), candidate(2, 1)])
    expect(receive(first.inbox, [offer(1), candidate(2, 1)]).steps).toEqual([])
  })

  test('ignores candidates before any offer', () => {
    expect(receive(answererInbox(), [candidate(1, 9)]).steps).toEqual([])
  })
})

describe('receive, on the offering side (the customer)', () => {
  test('takes the answer to its own offer, then the candidates', () => {
    const { inbox, steps } = receive(offererInbox(4), [answer(5, 4), candidate(6, 4)])
    expect(seqs(steps)).toEqual([5, 6])
    expect(inbox.hasDescription).toBe(true)
  })

  test('drops a late answer and candidates for an offer it replaced', () => {
    const { steps } = receive(offererInbox(4), [answer(5, 1), candidate(6, 1), answer(7, 4)])
    expect(seqs(steps)).toEqual([7])
  })

  test('holds a candidate that came before its answer and gives it right after', () => {
    const first = receive(offererInbox(4), [candidate(5, 4)])
    expect(first.steps).toEqual([])
    expect(seqs(first.inbox.held)).toEqual([5])
    const second = receive(first.inbox, [answer(6, 4), candidate(7, 4)])
    expect(seqs(second.steps)).toEqual([6, 5, 7])
    expect(second.inbox.held).toEqual([])
  })

  test('never applies a second answer to the same offer', () => {
    const first = receive(offererInbox(4), [answer(5, 4)])
    expect(receive(first.inbox, [answer(6, 4), candidate(7, 4)]).steps.map((s) => s.type)).toEqual(['candidate'])
  })

  test('keeps its place when nothing new came', () => {
    expect(receive(offererInbox(4), [])).toEqual({ inbox: offererInbox(4), steps: [] })
  })
})
