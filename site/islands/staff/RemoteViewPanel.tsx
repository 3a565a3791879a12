/**
 * Remote view on the console's incident page: start a session (the requester gets the code, the
 * employee never sees it), follow it while the customer decides, watch the shared screen once
 * they share it, and end it. The session is read every few seconds while it is live.
 */
import { useEffect, useRef, useState } from 'preact/hooks'
import type { Language } from '#lib/language.ts'
import { format } from '#lib/format.ts'
import type { StaffStrings } from '../../i18n/index.ts'
import { call, messageOf, portalApi } from '../lib/api.ts'
import { useLoad } from '../lib/use-load.ts'
import { useSubmit } from '../lib/use-submit.ts'
import { apiChannel } from '../remote-view/channel.ts'
import { PANEL_POLL_MS, isLive, latestRemoteView, panelStatus, type RemoteViewItem } from '../remote-view/panel-state.ts'
import { receiveScreen, type ScreenPath } from '../remote-view/rtc.ts'

interface Props {
  incidentId: string
  lang: Language
  strings: StaffStrings
}

export function RemoteViewPanel({ incidentId, lang, strings }: Props) {
  // Wrapped, so "no session yet" (undefined) is told apart from "not read yet".
  const page = useLoad(async () => {
    const { consents } = await call(portalApi(lang).consents.$get({ query: { incidentId, kind: 'remote_view' } }), strings)
    return { view: latestRemoteView(consents) }
  }, [incidentId], strings)
  const submit = useSubmit({ texts: strings })
  const status = useRef<HTMLParagraphElement>(null)
  const view = page.data?.view
  const isLoaded = page.data !== undefined
  const isRunning = isLive(view)
  // Before the first read its failure shows; after it, only a step's refusal (a poll that fails changes nothing).
  const error = submit.result?.kind === 'error' ? submit.result.text : isLoaded ? undefined : page.message

  // While the customer may still consent, share or end, the panel follows without a reload.
  useEffect(() => {
    if (!isRunning) return
    const timer = setInterval(() => void page.reload(), PANEL_POLL_MS)
    return () => clearInterval(timer)
  }, [view?.id, isRunning])

  /** Runs a step, then shows the session as it is now; a refusal (another session running) is shown with that session. */
  const act = (step: () => Promise<void>) => submit.run(step, {
    refused: async (failure) => {
      await page.reload()
      return { kind: 'error', text: messageOf(failure, strings) }
    },
    settled: () => status.current?.focus(),
  })

  const start = () => act(async () => {
    const request = portalApi(lang).incidents[':id']['remote-views'].$post({ param: { id: incidentId } })
    // The route's reply is not typed through its helpers: it is the list's item for this session.
    const { remoteView } = (await call(request, strings)) as { remoteView: RemoteViewItem }
    page.update(() => ({ view: remoteView }))
  })
  const end = (id: string) => act(async () => {
    await call(portalApi(lang)['remote-views'][':id'].end.$post({ param: { id } }), strings)
    await page.reload()
  })

  if (!isLoaded) return error ? <p class="notice error" role="alert">{error}</p> : <p class="meta" role="status">{strings.loading}</p>
  return (
    <div class="remote-view-panel">
      {!isRunning && <p class="hint">{strings['remoteView.intro']}</p>}
      {error && <p class="notice error" role="alert">{error}</p>}
      <p ref={status} tabIndex={-1} role="status" class={`remote-view-state ${view?.state ?? 'none'}`}>{panelStatus(strings, lang, view)}</p>
      {view?.state === 'open' && <Screen view={view} lang={lang} strings={strings} />}
      <div class="actions">
        {view && isRunning
          ? <button type="button" class="secondary" onClick={() => end(view.id)} disabled={submit.isBusy()}>{strings['remoteView.end']}</button>
          : <button type="button" onClick={start} disabled={submit.isBusy()}>{strings[view ? 'remoteView.startAgain' : 'remoteView.start']}</button>}
      </div>
    </div>
  )
}

/** The customer's shared screen, view only; until its first frame, a line that says it is awaited. */
function Screen({ view, lang, strings }: { view: RemoteViewItem; lang: Language; strings: StaffStrings }) {
  const video = useRef<HTMLVideoElement>(null)
  const [hasFrame, setHasFrame] = useState(false)
  const [wasShown, setWasShown] = useState(false)
  const [path, setPath] = useState<ScreenPath | undefined>()
  const name = view.contact.name

  useEffect(() => receiveScreen(apiChannel(lang, view.id, strings), (stream, through) => {
    if (!video.current) return
    if (video.current.srcObject !== stream) video.current.srcObject = stream
    setPath(stream ? through : undefined)
    if (!stream) setHasFrame(false)
  }), [view.id])

  const shown = () => {
    setHasFrame(true)
    setWasShown(true)
  }
  const line = hasFrame ? format(strings['remoteView.screenShown'], { name })
    : strings[wasShown ? 'remoteView.screenLost' : 'remoteView.waitingForScreen']
  return (
    <div class="remote-screen">
      <p class="meta" role="status">{line}</p>
      {hasFrame && path && <p class="meta" data-path={path}>{strings[path === 'relay' ? 'remoteView.pathRelay' : 'remoteView.pathDirect']}</p>}
      {/* Muted and inline: the share carries no sound, and the browser then plays it without asking. */}
      <video ref={video} class={hasFrame ? undefined : 'no-frame'} muted playsInline autoPlay aria-label={format(strings['remoteView.videoLabel'], { name })} onLoadedData={shown} />
    </div>
  )
}
