/** The console's line to the live queue: an EventSource on the API's queue stream, and whether it holds or the page must poll instead. */

/** Where the server announces changes to the caller's queues (server-sent events). */
export const QUEUE_STREAM_PATH = '/api/staff/queue/stream'

export interface QueueStreamHandlers {
  /** The stream is open (again): what changed while it was not may have been missed, so read again. */
  onOpen: () => void
  /** An incident in the viewer's queues was registered or changed. */
  onChange: () => void
  /** The stream cannot be had (no EventSource, refused, or closed by the server for good): poll instead. */
  onUnavailable: () => void
}

/**
 * Listens to the queue stream until the function returned is called. EventSource connects again by
 * itself after a dropped connection (the server asks for 3 s); only a stream it gives up on (an
 * error answer, not a drop) is reported unavailable, once.
 */
export function listenToQueue(handlers: QueueStreamHandlers): () => void {
  if (typeof EventSource === 'undefined') {
    handlers.onUnavailable()
    return () => {}
  }
  const source = new EventSource(QUEUE_STREAM_PATH)
  let isClosed = false
  source.addEventListener('open', () => handlers.onOpen())
  source.addEventListener('queue', () => handlers.onChange())
  source.addEventListener('error', () => {
    // CONNECTING: a drop it is already mending. CLOSED: it gave up and will not try again.
    if (source.readyState !== EventSource.CLOSED || isClosed) return
    isClosed = true
    handlers.onUnavailable()
  })
  return () => {
    isClosed = true
    source.close()
  }
}
