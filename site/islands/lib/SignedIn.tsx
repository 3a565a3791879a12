/**
 * The one sign-in gate for the portal and the console: who is signed in decides. A contact sees a
 * portal page (staff get the way to the console), staff see a console page if their role may
 * (contacts get the way to the portal); anyone else the sign-in form of that side.
 */
import type { ComponentChildren } from 'preact'
import { useState } from 'preact/hooks'
import type { Language } from '#lib/language.ts'
import type { StaffRole } from '#domain/records.ts'
import { format } from '#lib/format.ts'
import type { PortalStrings, StaffStrings } from '../../i18n/index.ts'
import { call, portalApi, type Success } from './api.ts'
import { Field } from './Field.tsx'
import { FailureNote, Pending } from './ResultMessage.tsx'
import { useLoad } from './use-load.ts'
import { useSubmit } from './use-submit.ts'

type Me = Success<Awaited<ReturnType<ReturnType<typeof portalApi>['auth']['me']['$get']>>>
/** The signed-in contact, as GET /api/auth/me (and GET /api/auth/session) tells. */
export type Viewer = Extract<Me, { kind: 'contact' }>
/** The signed-in staff member, as GET /api/auth/me tells. */
export type StaffViewer = Extract<Me, { kind: 'staff' }>

type Props =
  | { as: 'contact'; lang: Language; strings: PortalStrings; children: (viewer: Viewer) => ComponentChildren }
  | {
    as: 'staff'
    lang: Language
    strings: StaffStrings
    /** The roles that may use the page; default every staff role. */
    roles?: StaffRole[]
    children: (viewer: StaffViewer) => ComponentChildren
  }

/** The page for whoever may see it; in the portal under a line that says who is signed in, with the way out (the console's header has its own). */
export function SignedIn(props: Props) {
  const { lang, strings } = props
  // Asked so that "nobody" is an answer (200), not a 401 the browser would log as an error.
  const me = useLoad(() => call(portalApi(lang).auth.session.$get(), strings), [lang], strings)
  const { state } = me
  const signIn = props.as === 'contact' ? <SignIn lang={lang} strings={props.strings} /> : <StaffSignIn lang={lang} strings={props.strings} onSignedIn={me.reload} />

  if (state.kind === 'loading' && !state.data) {
    // Until the answer comes (and in the page as built), the sign-in form holds its place unseen:
    // when nobody is signed in it appears where it stood, and nothing below it moves.
    return (
      <div class="gate-pending">
        <p class="meta" role="status">{strings.loading}</p>
        <div class="gate-placeholder" inert aria-hidden="true">{signIn}</div>
      </div>
    )
  }
  if (state.kind === 'signed-out' || state.data?.kind === 'anonymous') return signIn
  if (!state.data || state.kind === 'error' || state.kind === 'not-found') return <Pending message={me.message} loading={strings.loading} />
  const viewer = state.data
  if (viewer.kind !== props.as) return <p class="notice">{props.as === 'contact' ? props.strings['gate.staff'] : props.strings['gate.contact']}</p>

  let page: ComponentChildren
  if (props.as === 'contact') page = props.children(viewer as Viewer)
  else if (props.roles && !props.roles.includes((viewer as StaffViewer).role)) page = <p class="notice">{props.strings['gate.role']}</p>
  else page = props.children(viewer as StaffViewer)
  // The console's own header says who is signed in, with the way out; the portal says it above the page.
  if (props.as === 'staff') return <>{page}</>
  return (
    <>
      <p class="account meta">
        {format(strings['account.signedInAs'], { name: viewer.name })}{' '}
        <button type="button" class="link-button" onClick={() => void signOut(lang)}>{strings['account.signOut']}</button>
      </p>
      {page}
    </>
  )
}

async function signOut(lang: Language) {
  await portalApi(lang).auth.logout.$post().catch(() => undefined)
  location.reload()
}

/** The portal's sign-in form: an e-mailed link that lands back on this very page. */
export function SignIn({ lang, strings }: { lang: Language; strings: PortalStrings }) {
  const [email, setEmail] = useState('')
  const [sent, setSent] = useState<{ message: string; isRecent: boolean } | undefined>()
  // When the form was shown: the server takes a request faster than a person for a bot.
  const [openedAt] = useState(() => performance.now())
  const submit = useSubmit({ texts: strings })

  const send = (event: Event) => {
    event.preventDefault()
    return submit.run(async () => {
      const next = `${location.pathname}${location.search}`
      const reply = await call(portalApi(lang).auth.link.$post({ json: { email, lang, next, fillMs: Math.round(performance.now() - openedAt) } }), strings)
      // Past the per-address limit (counted for any address, so it tells nothing): a link went a moment ago.
      setSent({ message: reply.message, isRecent: reply.nextLinkAt !== undefined })
    })
  }

  if (sent?.isRecent) return <div class="notice busy" role="status"><h2>{strings['signIn.recentTitle']}</h2><p>{sent.message}</p></div>
  if (sent) return <div class="notice" role="status"><h2>{strings['signIn.sentTitle']}</h2><p>{sent.message}</p><p class="meta">{strings['signIn.sentHint']}</p></div>
  return (
    <form class="portal-form sign-in" onSubmit={send} noValidate={false}>
      <h2>{strings['signIn.title']}</h2>
      <p>{strings['signIn.intro']}</p>
      <Field id="sign-in-email" label={strings['signIn.email']}>
        {(aria) => <input {...aria} type="email" name="email" required autocomplete="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />}
      </Field>
      <FailureNote message={submit.errors.summary} />
      <button type="submit" disabled={submit.isBusy()}>{strings['signIn.submit']}</button>
    </form>
  )
}

/** The console's sign-in: e-mail and password; the server's answer (wrong credentials, too many tries) is shown as it comes. */
function StaffSignIn({ lang, strings, onSignedIn }: { lang: Language; strings: StaffStrings; onSignedIn: () => Promise<void> }) {
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const submit = useSubmit({ texts: strings })

  const signIn = (event: Event) => {
    event.preventDefault()
    return submit.run(async () => {
      await call(portalApi(lang).auth.staff.$post({ json: { email, password } }), strings)
      await onSignedIn()
    })
  }

  return (
    <form class="portal-form" onSubmit={signIn}>
      <h2>{strings['signIn.title']}</h2>
      <Field id="staff-email" label={strings['signIn.email']}>
        {(aria) => <input {...aria} type="email" required autocomplete="username" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />}
      </Field>
      <Field id="staff-password" label={strings['signIn.password']}>
        {(aria) => <input {...aria} type="password" required autocomplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />}
      </Field>
      <FailureNote message={submit.errors.summary} />
      <div class="actions"><button type="submit" disabled={submit.isBusy()}>{strings['signIn.submit']}</button></div>
    </form>
  )
}
