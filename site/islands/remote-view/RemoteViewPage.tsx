/**
 * The public remote-view page ("meekijken"): the customer enters the code support sent, sees who
 * will look along, for which incident and what they will see, and consents; then shares a screen,
 * window or tab, view only, until either side ends it. No sign-in: the code and then the token
 * the consent returns speak for the customer.
 */
import { useEffect, useRef, useState } from 'preact/hooks'
import type { Language } from '../../../server/domain/desk.ts'
import { format } from '#lib/format.ts'
import type { RemoteViewStrings } from '../../i18n/index.ts'
import { ApiFailure, call, messageOf, portalApi } from '../lib/api.ts'
import { Field } from '../lib/Field.tsx'
import { useSubmit } from '../lib/use-submit.ts'
import { moment } from '../portal/format.ts'
import { apiChannel, headersFor } from './channel.ts'
import { ENTERING, codeOf, isCodeExpired, isCodeShaped, nextState, savedFrom, type PageEvent, type PageState, type Preview, type Session } from './page-state.ts'
import { ScreenShareUnsupported, chooseScreen, sendScreen, type ShareState } from './rtc.ts'

/** Where a reload finds the open session: this tab only, gone when the tab closes. */
const STORAGE_KEY = 'loket.remoteView'
/** How often the open page reads whether the employee ended the session. */
const POLL_MS = 2_500

interface Props {
  lang: Language
  strings: RemoteViewStrings
}

/** What the page says about sharing: the connection's state, or why nothing is shared. */
type ShareNote = ShareState | 'cancelled' | 'unsupported' | undefined

export default function RemoteViewPage({ lang, strings }: Props) {
  // Undefined while a session saved before a reload is read back.
  const [state, setState] = useState<PageState | undefined>()
  const hasActed = useRef(false)
  const dispatch = (event: PageEvent) => {
    hasActed.current = true
    setState((current) => nextState(current ?? ENTERING, event))
  }

  useEffect(() => {
    const saved = savedFrom(sessionStorage.getItem(STORAGE_KEY))
    if (!saved) return setState(ENTERING)
    readSession(lang, strings, saved.id, saved.token)
      .then((session) => setState(session.state === 'open' ? { step: 'open', session, token: saved.token } : ENTERING))
      .catch(() => setState(ENTERING))
  }, [])

  // Only an open session survives a reload; ending it, or entering another code, forgets it.
  useEffect(() => {
    if (state?.step === 'open') sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ id: state.session.id, token: state.token }))
    else if (state) sessionStorage.removeItem(STORAGE_KEY)
  }, [state?.step])

  if (!state) return <p class="meta" role="status">{strings.loading}</p>
  switch (state.step) {
    case 'entering':
      return <CodeForm lang={lang} strings={strings} hasActed={hasActed.current} hasDeclined={state.hasDeclined ?? false} onEvent={dispatch} />
    case 'preview':
      return <Consent lang={lang} strings={strings} code={state.code} preview={state.preview} onEvent={dispatch} />
    case 'open':
    case 'ended':
      return <SessionView lang={lang} strings={strings} state={state} onEvent={dispatch} />
    case 'expired':
      return <Refused strings={strings} message={state.message} onEvent={dispatch} />
  }
}

/** The session as the page that holds `token` reads it. */
async function readSession(lang: Language, strings: RemoteViewStrings, id: string, token: string): Promise<Session> {
  const request = portalApi(lang)['remote-views'][':id'].$get({ param: { id } }, { headers: headersFor(lang, token) })
  // The route's reply is not typed through its helpers: see page-state.ts.
  return ((await call(request, strings)) as { session: Session }).session
}

interface StepProps {
  lang: Language
  strings: RemoteViewStrings
  onEvent: (event: PageEvent) => void
}

/**
 * One labelled field for the code; "123 456" is as good as "123456". A refusal (unknown, expired
 * or used code, too many wrong tries) is read out as an alert on the field, and focus stays there.
 */
function CodeForm({ lang, strings, hasActed, hasDeclined, onEvent }: StepProps & { hasActed: boolean; hasDeclined: boolean }) {
  const [code, setCode] = useState('')
  // A refusal is the field's error, and the focus stays on the field.
  const submit = useSubmit({ texts: strings })
  const error = submit.result?.text
  // Back from the preview or the end: the field is where the customer continues.
  useEffect(() => { if (hasActed) submit.resultRef.current?.focus() }, [])

  function send(event: Event) {
    event.preventDefault()
    if (!isCodeShaped(code)) return submit.say({ kind: 'error', text: strings['code.invalid'] })
    return submit.run(async () => {
      const request = portalApi(lang)['remote-views'].lookup.$post({ json: { code: codeOf(code) } })
      const { remoteView } = (await call(request, strings)) as { remoteView: Preview }
      onEvent({ type: 'found', code: codeOf(code), preview: remoteView })
    }, { refused: (failure) => ({ kind: 'error', text: messageOf(failure, strings) }) })
  }

  return (
    <form class="portal-form remote-view-code" onSubmit={send} noValidate aria-labelledby="remote-view-code-title">
      <h2 id="remote-view-code-title">{strings['code.title']}</h2>
      {hasDeclined && <p class="notice" role="status">{strings['code.notNow']}</p>}
      <Field id="remote-view-code" label={strings['code.label']} hint={strings['code.hint']} isHintBelow error={error} isErrorLive>
        {(aria) => (
          <input
            {...aria} ref={submit.resultRef as { current: HTMLInputElement | null }} name="code" type="text" inputMode="numeric" autoComplete="one-time-code" spellcheck={false}
            required maxLength={12} value={code} onInput={(e) => setCode(e.currentTarget.value)}
          />
        )}
      </Field>
      <div class="actions"><button type="submit" disabled={submit.isBusy()}>{strings['code.submit']}</button></div>
    </form>
  )
}

/** Who will look along, for which incident and organisation, until when, and what they will and will not see; then the choice. */
function Consent({ lang, strings, code, preview, onEvent }: StepProps & { code: string; preview: Preview }) {
  const submit = useSubmit({ texts: strings })
  const heading = useRef<HTMLHeadingElement>(null)
  const staff = preview.staff.name
  useEffect(() => heading.current?.focus(), [])
  // The code runs out while the customer reads: the page says so rather than offering a consent that would fail.
  useEffect(() => {
    const refuse = () => onEvent({ type: 'refused', message: format(strings['preview.expired'], { name: staff }) })
    if (isCodeExpired(preview, new Date())) return refuse()
    const timer = setTimeout(refuse, new Date(preview.codeExpiresAt).getTime() - Date.now())
    return () => clearTimeout(timer)
  }, [preview.id])

  const consent = () => submit.run(async () => {
    const request = portalApi(lang)['remote-views'].consent.$post({ json: { code } })
    const { session, token } = (await call(request, strings)) as { session: Session; token: string }
    onEvent({ type: 'consented', session, token })
  }, {
    // Gone meanwhile (expired or used): the page turns to the refusal.
    refused: (failure) => {
      if (failure instanceof ApiFailure && failure.status === 410) onEvent({ type: 'refused', message: failure.message })
      return undefined
    },
  })
  const isBusy = submit.isBusy()
  const error = submit.errors.summary

  return (
    <section class="remote-view-consent" aria-labelledby="remote-view-preview-title">
      <h2 id="remote-view-preview-title" ref={heading} tabIndex={-1}>{strings['preview.title']}</h2>
      <dl class="details">
        <dt>{strings['preview.staff']}</dt><dd>{staff}</dd>
        <dt>{strings['preview.incident']}</dt><dd>{format(strings['preview.incidentValue'], { number: preview.incident.number, subject: preview.incident.subject })}</dd>
        <dt>{strings['preview.organisation']}</dt><dd>{preview.organisation.name}</dd>
        <dt>{strings['preview.validUntil']}</dt><dd><time dateTime={preview.codeExpiresAt}>{moment(lang, preview.codeExpiresAt)}</time></dd>
      </dl>
      <h3>{strings['preview.seeTitle']}</h3>
      <ul>
        <li>{strings['preview.seeChoice']}</li>
        <li>{strings['preview.seeOnly']}</li>
        <li>{strings['preview.stop']}</li>
        <li>{strings['preview.logged']}</li>
      </ul>
      <p><strong>{format(strings['preview.question'], { name: staff, number: preview.incident.number })}</strong></p>
      {error && <p class="notice error" role="alert">{error}</p>}
      <div class="actions">
        <button type="button" onClick={consent} disabled={isBusy}>{strings['preview.consent']}</button>
        <button type="button" class="secondary" onClick={() => onEvent({ type: 'back' })} disabled={isBusy}>{strings['preview.notNow']}</button>
      </div>
    </section>
  )
}

/**
 * The open session and, in the same status region, its end: sharing a screen (the browser asks
 * which), stopping it, and ending the session. The page reads every few seconds whether the
 * employee ended it.
 */
function SessionView({ lang, strings, state, onEvent }: StepProps & { state: Extract<PageState, { step: 'open' | 'ended' }> }) {
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

/** The code ran out or was used before this page consented: the server's reason, and another try. */
function Refused({ strings, message, onEvent }: Omit<StepProps, 'lang'> & { message: string }) {
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  return (
    <section class="remote-view-refused" aria-labelledby="remote-view-refused-title">
      <h2 id="remote-view-refused-title" ref={heading} tabIndex={-1}>{strings['expired.title']}</h2>
      <p class="notice error" role="alert">{message}</p>
      <div class="actions"><button type="button" onClick={() => onEvent({ type: 'back' })}>{strings.again}</button></div>
    </section>
  )
}
