/** The console header's account: who is signed in, and the way out; nothing while nobody is (the page then shows the sign-in form). */
import { format } from '#lib/format.ts'
import type { Language } from '#lib/language.ts'
import { call, portalApi } from '../../lib/api.ts'
import { useLoad } from '../../lib/use-load.ts'
import type { ConsoleWords } from './common.ts'

export function Account({ lang, words }: { lang: Language; words: ConsoleWords }) {
  // The same question the page's gate asks: "nobody" is an answer (200), not an error.
  const me = useLoad(() => call(portalApi(lang).auth.session.$get(), words), [lang], words)
  const viewer = me.data
  if (!viewer || viewer.kind !== 'staff') return null
  return (
    <p class="console-account">
      <span>{format(words['account.signedInAs'], { name: viewer.name })}</span>{' '}
      <button type="button" class="link-button" onClick={() => void signOut(lang)}>{words['account.signOut']}</button>
    </p>
  )
}

async function signOut(lang: Language) {
  await portalApi(lang).auth.logout.$post().catch(() => undefined)
  location.reload()
}
