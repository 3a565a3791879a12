import { afterEach, describe, expect, test, vi } from 'vitest'
import { QUEUE_STREAM_PATH, listenToQueue } from './queue-stream.ts'

/** A stand-in for the browser's EventSource: the test fires its events and sets its state. */
class FakeEventSource extends EventTarget {
  static readonly CONNECTING = 0
  static readonly OPEN = 1
  static readonly CLOSED = 2
  static last: FakeEventSource | undefined
  readyState = FakeEventSource.CONNECTING
  isClosed = false
  constructor(readonly url: string) {
    super()
    FakeEventSource.last = this
  }
  close() {
    this.isClosed = true
    this.readyState = FakeEventSource.CLOSED
  }
  fire(type: string, readyState = this.readyState) {
    this.readyState = readyState
    this.dispatchEvent(new Event(type))
  }
}

const handlers = () => ({ onOpen: vi.fn(), onChange: vi.fn(), onUnavailable: vi.fn() })

afterEach(() => vi.unstubAllGlobals())

describe('listening to the queue stream', () => {
  test('reads again on open and on every change, and stops when told', () => {
    vi.stubGlobal('EventSource', FakeEventSource)
    const on = handlers()
    const hangUp = listenToQueue(on)
    const source = FakeEventSource.last!
    expect(source.url).toBe(QUEUE_STREAM_PATH)
    source.fire('open', FakeEventSource.OPEN)
    source.fire('queue')
    source.fire('queue')
    expect([on.onOpen.mock.calls.length, on.onChange.mock.calls.length, on.onUnavailable.mock.calls.length]).toEqual([1, 2, 0])
    hangUp()
    expect(source.isClosed).toBe(true)
  })

  test('a dropped connection it mends by itself is no reason to poll; one it gives up on is, once', () => {
    vi.stubGlobal('EventSource', FakeEventSource)
    const on = handlers()
    listenToQueue(on)
    const source = FakeEventSource.last!
    source.fire('error', FakeEventSource.CONNECTING)
    expect(on.onUnavailable).not.toHaveBeenCalled()
    source.fire('error', FakeEventSource.CLOSED)
    source.fire('error', FakeEventSource.CLOSED)
    expect(on.onUnavailable).toHaveBeenCalledTimes(1)
  })

  test('without EventSource the page polls', () => {
    vi.stubGlobal('EventSource', undefined)
    const on = handlers()
    listenToQueue(on)()
    expect(on.onUnavailable).toHaveBeenCalledTimes(1)
  })
})
