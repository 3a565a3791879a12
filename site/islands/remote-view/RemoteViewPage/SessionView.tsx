/** The remote-view page's open (or ended) session: sharing a screen, stopping it, ending the session. */
import { useEffect, useRef, useState } from 'preact/hooks'
import { format } from '#lib/format.ts'
import { ApiFailure, call, portalApi } from '../../lib/api.ts'
import { useSubmit } from '../../lib/use-submit.ts'
import { apiChannel, headersFor } from '../channel.ts'
import type { PageState, Session } from '../page-state.ts'
import { ScreenShareUnsupported, chooseScreen, sendScreen, type ShareState } from '../rtc.ts'
import { readSession, type StepProps } from './common.ts'

/** How often the open page reads whether the employee ended the session. */
const POLL_MS = 2_500

/** What the page says about sharing: the connection's state, or why nothing is shared. */
type ShareNote = ShareState | 'cancelled' | 'unsupported' | undefined

/**
 * The open session and, in the same status region, its end: sharing a screen (the browser asks
 * which), stopping it, and ending the session. The page reads every few seconds whether the
 * employee ended it.
 */
export function SessionView({ lang, strings, state, onEvent }: StepProps & { state: Extract<PageState, { step: 'open' | 'ended' }> }) {
  const { session } = state
  const token = state.step === 'open' ? state.token : undefined
  const [share, setShare] = useState<ShareNote>()
  const submit = useSubmit({ texts: strings })
  const isBusy = submit.isBusy()
  const error = submit.errors.summary
  const stopSharing = useRef<(() => void) | undefined>()
  const heading = useRef<HTMLHeadingElement>(null)
  const staff = session.staff.name
  const isOpen = state.step === 'open'
  const isSharing = share === 'connecting' || share === 'connected'

  useEffect(() => heading.current?.focus(), [state.step])

  useEffect(() => {
    if (!token) return
    const timer = setInterval(() => {
      // A failed read is retried at the next one; the session stays as the page last knew it.
      readSession(lang, strings, session.id, token).then((read) => onEvent({ type: 'session', session: read })).catch(() => undefined)
    }, POLL_MS)
    return () => clearInterval(timer)
  }, [session.id, token])

  // Leaving the open state, or the page, ends the capture and the connection.
  useEffect(() => {
    if (!isOpen) stopSharing.current?.()
    return () => stopSharing.current?.()
  }, [isOpen])

  function shareScreen() {
    // First, before anything else: the browser asks which screen only inside the click itself.
    const choosing = chooseScreen()
    setShare(undefined)
    choosing
      .then((stream) => {
        if (!token) return stream.getTracks().forEach((track) => track.stop())
        stopSharing.current = sendScreen(stream, apiChannel(lang, session.id, strings, token), setShare)
      })
      .catch((failure) => setShare(failure instanceof ScreenShareUnsupported ? 'unsupported' : failure instanceof DOMException && failure.name === 'NotAllowedError' ? 'cancelled' : 'failed'))
  }

  function end() {
    if (!token) return
    stopSharing.current?.()
    return submit.run(async () => {
      const request = portalApi(lang)['remote-views'][':id'].end.$post({ param: { id: session.id } }, { headers: headersFor(lang, token) })
      const ended = (await call(request, strings)) as { session: Session }
      onEvent({ type: 'session', session: ended.session })
    }, {
      // Ended by the employee a moment earlier: the page shows that end.
      refused: async (failure) => {
        if (failure instanceof ApiFailure && failure.code === 'remote_view_ended') onEvent({ type: 'session', session: await readSession(lang, strings, session.id, token) })
        return undefined
      },
    })
  }

  const shareText: Record<Exclude<ShareNote, undefined>, string> = {
    connecting: format(strings['share.connecting'], { name: staff }),
    connected: format(strings['share.connected'], { name: staff }),
    stopped: strings['share.stopped'],
    failed: format(strings['share.failed'], { name: staff }),
    cancelled: strings['share.cancelled'],
    unsupported: strings['share.unsupported'],
  }

  return (
    <section class="remote-view-session" aria-labelledby="remote-view-session-title">
      <div role="status" class="session-state">
        <h2 id="remote-view-session-title" ref={heading} tabIndex={-1}>{strings[isOpen ? 'open.title' : 'ended.title']}</h2>
        <p>
          {isOpen ? format(strings['open.intro'], { name: staff })
            : format(strings[session.endedBy === 'staff' ? 'ended.byStaff' : 'ended.byYou'], { name: staff })}
        </p>
      </div>
      {isOpen && (
        <>
          <p role="status" class={share && share !== 'connecting' && share !== 'connected' && share !== 'stopped' ? 'notice error' : 'meta'}>{share ? shareText[share] : ''}</p>
          {error && <p class="notice error" role="alert">{error}</p>}
          <div class="actions">
            {isSharing
              ? <button type="button" class="secondary" onClick={() => stopSharing.current?.()}>{strings['open.stopSharing']}</button>
              : <button type="button" onClick={shareScreen}>{strings['open.share']}</button>}
            <button type="button" class="secondary" onClick={end} disabled={isBusy}>{strings['open.end']}</button>
          </div>
        </>
      )}
      {!isOpen && <div class="actions"><button type="button" class="secondary" onClick={() => onEvent({ type: 'back' })}>{strings.again}</button></div>}
    </section>
  )
}
