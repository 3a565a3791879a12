/**
 * The public remote-view page ("meekijken"): the customer enters the code support sent, sees who
 * will look along, for which incident and what they will see, and consents; then shares a screen,
 * window or tab, view only, until either side ends it. No sign-in: the code and then the token
 * the consent returns speak for the customer.
 */
import { useEffect, useRef, useState } from 'preact/hooks'
import type { Language } from '#lib/language.ts'
import type { RemoteViewStrings } from '../../../i18n/index.ts'
import { ENTERING, nextState, savedFrom, type PageEvent, type PageState } from '../page-state.ts'
import { CodeForm } from './CodeForm.tsx'
import { readSession } from './common.ts'
import { Consent } from './Consent.tsx'
import { Refused } from './Refused.tsx'
import { SessionView } from './SessionView.tsx'

/** Where a reload finds the open session: this tab only, gone when the tab closes. */
const STORAGE_KEY = 'loket.remoteView'

interface Props {
  lang: Language
  strings: RemoteViewStrings
}

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
