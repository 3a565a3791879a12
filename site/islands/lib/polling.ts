/** Pages that follow what changes on the server: the portal's remote-view code, the console's access lists. */
import { useEffect, useRef } from 'preact/hooks'

/** How often a visible page asks again. */
export const POLL_MS = 5_000

/**
 * Calls `refresh` now, every POLL_MS while the tab is visible, and at once when it comes back
 * into view; a hidden tab asks nothing. A new `key` starts over.
 */
export function usePolling(refresh: () => void, key: string) {
  const latest = useRef(refresh)
  latest.current = refresh
  useEffect(() => {
    latest.current()
    const timer = setInterval(() => { if (!document.hidden) latest.current() }, POLL_MS)
    const onVisible = () => { if (!document.hidden) latest.current() }
    document.addEventListener('visibilitychange', onVisible)
    return () => {
      clearInterval(timer)
      document.removeEventListener('visibilitychange', onVisible)
    }
  }, [key])
}
