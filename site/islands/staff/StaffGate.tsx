/** Who is signed in to the console: staff see the page (if their role may), anyone else the staff sign-in. */
import type { ComponentChildren } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import type { Language } from '../../../server/domain/desk.ts'
import type { StaffRole } from '../../../server/domain/records.ts'
import { format } from '#lib/format.ts'
import type { StaffStrings } from '../../i18n/index.ts'
import { ApiFailure, call, messageOf, portalApi, type Success } from '../portal/api.ts'

type Me = Success<Awaited<ReturnType<ReturnType<typeof portalApi>['auth']['me']['$get']>>>
/** The signed-in staff member, as GET /api/auth/me tells. */
export type StaffViewer = Extract<Me, { kind: 'staff' }>

type State = { kind: 'loading' } | { kind: 'anonymous' } | { kind: 'contact' } | { kind: 'failed'; message: string } | { kind: 'staff'; viewer: StaffViewer }

interface Props {
  lang: Language
  strings: StaffStrings
  /** The roles that may use the page; default every staff role. */
  roles?: StaffRole[]
  children: (viewer: StaffViewer) => ComponentChildren
}

export function StaffGate({ lang, strings, roles, children }: Props) {
  const [state, setState] = useState<State>({ kind: 'loading' })
  const load = () => call(portalApi(lang).auth.me.$get(), strings)
    .then((me) => setState(me.kind === 'staff' ? { kind: 'staff', viewer: me } : { kind: 'contact' }))
    .catch((error) => setState(error instanceof ApiFailure && error.status === 401 ? { kind: 'anonymous' } : { kind: 'failed', message: messageOf(error, strings) }))
  useEffect(() => { void load() }, [lang])

  switch (state.kind) {
    case 'loading': return <p class="meta" role="status">{strings.loading}</p>
    case 'failed': return <p class="notice error" role="alert">{state.message}</p>
    case 'contact': return <p class="notice">{strings['gate.contact']}</p>
    case 'anonymous': return <StaffSignIn lang={lang} strings={strings} onSignedIn={load} />
    case 'staff': return (
      <>
        <p class="account meta">
          {format(strings['account.signedInAs'], { name: state.viewer.name })}{' '}
          <button type="button" class="link-button" onClick={() => void portalApi(lang).auth.logout.$post().catch(() => undefined).then(() => location.reload())}>{strings['account.signOut']}</button>
        </p>
        {roles && !roles.includes(state.viewer.role) ? <p class="notice">{strings['gate.role']}</p> : children(state.viewer)}
      </>
    )
  }
}

/** E-mail and password; the server's answer (wrong credentials, too many tries) is shown as it comes. */
function StaffSignIn({ lang, strings, onSignedIn }: { lang: Language; strings: StaffStrings; onSignedIn: () => Promise<void> }) {
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | undefined>()
  const [isBusy, setBusy] = useState(false)

  async function submit(event: Event) {
    event.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      await call(portalApi(lang).auth.staff.$post({ json: { email, password } }), strings)
      await onSignedIn()
    } catch (failure) {
      setError(messageOf(failure, strings))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form class="portal-form" onSubmit={submit}>
      <h2>{strings['signIn.title']}</h2>
      <div class="field">
        <label for="staff-email">{strings['signIn.email']}</label>
        <input id="staff-email" type="email" required autocomplete="username" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for="staff-password">{strings['signIn.password']}</label>
        <input id="staff-password" type="password" required autocomplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
      </div>
      {error && <p class="notice error" role="alert">{error}</p>}
      <div class="actions"><button type="submit" disabled={isBusy}>{strings['signIn.submit']}</button></div>
    </form>
  )
}
