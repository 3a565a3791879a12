/** The console menu's entry for the inbox with the unread count ("Meldingen (3)"): asked now and then, and told at once by the inbox page. */
import { useEffect, useState } from 'preact/hooks'
import type { Language } from '#lib/language.ts'
import type { StaffStrings } from '../../i18n/index.ts'
import { portalApi } from '../lib/api.ts'
import { UNREAD_EVENT, inboxLinkText } from './inbox-view.ts'

/** How often the count is asked for while the tab is visible. */
const COUNT_MS = 30_000

export default function InboxLink({ lang, strings, href, isCurrent }: { lang: Language; strings: StaffStrings; href: string; isCurrent: boolean }) {
  const [unread, setUnread] = useState<number>()
  useEffect(() => {
    // Who is signed in first, as the rest of the console asks it: "nobody" is an answer (200), while the
    // count would answer 401 on the sign-in page, an error in the browser's console for no fault.
    let isStaff: Promise<boolean> | undefined
    const ask = async () => {
      if (document.hidden) return
      try {
        isStaff ??= portalApi(lang).auth.session.$get().then(async (res) => res.ok && (await res.json() as { kind?: string }).kind === 'staff')
        // Nobody yet: asked again next time, as signing in on this page does not load it anew.
        if (!(await isStaff)) {
          isStaff = undefined
          return
        }
        const res = await portalApi(lang).staff.notifications.unread.$get()
        // Signed out since (401, 403): the entry stays without a count.
        if (res.ok) setUnread((await res.json()).unread)
      } catch {
        // Offline for a moment: the next ask tells.
        isStaff = undefined
      }
    }
    void ask()
    const timer = setInterval(() => void ask(), COUNT_MS)
    const told = (e: Event) => setUnread((e as CustomEvent<number>).detail)
    window.addEventListener(UNREAD_EVENT, told)
    return () => {
      clearInterval(timer)
      window.removeEventListener(UNREAD_EVENT, told)
    }
  }, [lang])
  return <a href={href} aria-current={isCurrent ? 'page' : undefined}>{inboxLinkText(strings, unread)}</a>
}
