/** Who is signed in: a contact sees the page, anyone else the sign-in form (or, for staff, the way to the console). */
import type { ComponentChildren } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import type { Language } from '../../../server/domain/desk.ts'
import { format } from '#lib/format.ts'
import type { PortalStrings } from '../../i18n/index.ts'
import { ApiFailure, call, messageOf, portalApi, type Success } from './api.ts'

type Me = Success<Awaited<ReturnType<ReturnType<typeof portalApi>['auth']['me']['$get']>>>
/** The signed-in contact, as GET /api/auth/me tells. */
export type Viewer = Extract<Me, { kind: 'contact' }>

type State = { kind: 'loading' } | { kind: 'anonymous' } | { kind: 'staff' } | { kind: 'failed'; message: string } | { kind: 'contact'; viewer: Viewer }

interface Props {
  lang: Language
  strings: PortalStrings
  children: (viewer: Viewer) => ComponentChildren
}

export function Gate({ lang, strings, children }: Props) {
  const [state, setState] = useState<State>({ kind: 'loading' })
  useEffect(() => {
    call(portalApi(lang).auth.me.$get(), strings)
      .then((me) => setState(me.kind === 'contact' ? { kind: 'contact', viewer: me } : { kind: 'staff' }))
      .catch((error) => setState(error instanceof ApiFailure && error.status === 401 ? { kind: 'anonymous' } : { kind: 'failed', message: messageOf(error, strings) }))
  }, [lang])

  switch (state.kind) {
    case 'loading': return <p class="meta" role="status">{strings.loading}</p>
    case 'failed': return <p class="notice error" role="alert">{state.message}</p>
    case 'staff': return <p class="notice">{strings['gate.staff']}</p>
    case 'anonymous': return <SignIn lang={lang} strings={strings} />
    case 'contact': return (
      <>
        <p class="account meta">
          {format(strings['account.signedInAs'], { name: state.viewer.name })}{' '}
          <button type="button" class="link-button" onClick={() => signOut(lang)}>{strings['account.signOut']}</button>
        </p>
        {children(state.viewer)}
      </>
    )
  }
}

async function signOut(lang: Language) {
  await portalApi(lang).auth.logout.$post().catch(() => undefined)
  location.reload()
}

/** The sign-in form: an e-mailed link that lands back on this very page. */
export function SignIn({ lang, strings }: { lang: Language; strings: PortalStrings }) {
  const [email, setEmail] = useState('')
  const [sent, setSent] = useState<string | undefined>()
  const [error, setError] = useState<string | undefined>()
  const [isBusy, setBusy] = useState(false)

  async function submit(event: Event) {
    event.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      const next = `${location.pathname}${location.search}`
      const reply = await call(portalApi(lang).auth.link.$post({ json: { email, lang, next } }), strings)
      setSent(reply.message)
    } catch (failure) {
      setError(messageOf(failure, strings))
    } finally {
      setBusy(false)
    }
  }

  if (sent) return <div class="notice" role="status"><h2>{strings['signIn.sentTitle']}</h2><p>{sent}</p><p class="meta">{strings['signIn.sentHint']}</p></div>
  return (
    <form class="portal-form sign-in" onSubmit={submit} noValidate={false}>
      <h2>{strings['signIn.title']}</h2>
      <p>{strings['signIn.intro']}</p>
      <div class="field">
        <label for="sign-in-email">{strings['signIn.email']}</label>
        <input id="sign-in-email" type="email" name="email" required autocomplete="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
      </div>
      {error && <p class="notice error" role="alert">{error}</p>}
      <button type="submit" disabled={isBusy}>{strings['signIn.submit']}</button>
    </form>
  )
}
