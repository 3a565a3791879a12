/** The console's inbox page: the staff member's own notifications, newest first, marked read one by one, all at once or by opening one; which also come by mail is chosen on the settings page. */
import { useState } from 'preact/hooks'
import type { Language } from '#lib/language.ts'
import { format } from '#lib/format.ts'
import type { StaffStrings } from '../../../i18n/index.ts'
import { call, messageOf, portalApi } from '../../lib/api.ts'
import { Pending, ResultMessage } from '../../lib/ResultMessage.tsx'
import { SignedIn } from '../../lib/SignedIn.tsx'
import { useLoad } from '../../lib/use-load.ts'
import { useMore } from '../../lib/use-more.ts'
import { useSubmit } from '../../lib/use-submit.ts'
import { moment } from '../../portal/format.ts'
import { UNREAD_EVENT, entryHref, entryText, type InboxEntry } from '../inbox-view.ts'
import type { StaffPaths, StaffProps } from '../props.ts'

type Entry = InboxEntry & { at: string }

export default function Inbox({ lang, strings, paths }: StaffProps) {
  return (
    <SignedIn as="staff" lang={lang} strings={strings}>
      {() => (
        <>
          <InboxList lang={lang} strings={strings} paths={paths} />
          <p class="meta"><a href={`${paths.settings}#prefs-title`}>{strings['inbox.prefsLink']}</a></p>
        </>
      )}
    </SignedIn>
  )
}

/** Tells the menu entry the new unread count. */
function tellUnread(unread: number) {
  window.dispatchEvent(new CustomEvent(UNREAD_EVENT, { detail: unread }))
}

function InboxList({ lang, strings, paths }: { lang: Language; strings: StaffStrings; paths: StaffPaths }) {
  const api = portalApi(lang).staff.notifications
  const first = useLoad(() => call(api.$get({ query: {} }), strings), [lang], strings, { onLoaded: (data) => tellUnread(data.unread) })
  const more = useMore(async (cursor) => {
    const page = await call(api.$get({ query: { cursor } }), strings)
    return { rows: page.notifications as Entry[], next: page.next }
  }, first.data?.next, lang)
  // What was marked read here, over what the pages said when read.
  const [readHere, setReadHere] = useState<Map<string, string>>(new Map())
  const [unread, setUnread] = useState<number>()
  const submit = useSubmit({ texts: strings })
  const shownUnread = unread ?? first.data?.unread ?? 0
  const entries = [...((first.data?.notifications ?? []) as Entry[]), ...more.rows].map((e) => ({ ...e, readAt: e.readAt ?? readHere.get(e.id) ?? null }))

  const counted = (count: number) => {
    setUnread(count)
    tellUnread(count)
  }
  const markOne = (entry: Entry) => submit.run(async () => {
    const reply = await call(api[':id'].read.$post({ param: { id: entry.id } }), strings)
    setReadHere((read) => new Map(read).set(entry.id, reply.notification.readAt ?? new Date().toISOString()))
    counted(reply.unread)
  }, { key: entry.id })
  // Opening a notification's link reads it: marked before the page leaves (a click in a new tab marks it alongside).
  const open = (entry: Entry, href: string) => (event: MouseEvent) => {
    if (entry.readAt) return
    const quiet = (async () => {
      try {
        counted((await call(api[':id'].read.$post({ param: { id: entry.id } }), strings)).unread)
      } catch {
        // Offline for a moment: the link still opens, the notification stays unread.
      }
    })()
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button !== 0) return
    event.preventDefault()
    void quiet.finally(() => window.location.assign(href))
  }
  const markAll = () => submit.run(async () => {
    const reply = await call(api.read.$post(), strings)
    const now = new Date().toISOString()
    setReadHere((read) => new Map([...read, ...entries.filter((e) => !e.readAt).map((e) => [e.id, now] as const)]))
    counted(reply.unread)
    return { kind: 'ok', text: strings['inbox.markedAll'] }
  })

  if (!first.data) return <Pending message={first.message} loading={strings.loading} />
  return (
    <div>
      <p class="meta" role="status">{shownUnread ? format(strings['inbox.unread'], { count: shownUnread }) : strings['inbox.allRead']}</p>
      {shownUnread > 0 && <p><button type="button" class="secondary" onClick={() => void markAll()} disabled={submit.isBusy()}>{strings['inbox.markAllRead']}</button></p>}
      <ResultMessage result={submit.result} target={submit.resultRef} />
      {entries.length === 0
        ? <p class="notice">{strings['inbox.empty']}</p>
        : (
          <ul class="inbox">
            {entries.map((entry) => {
              const href = entryHref(paths.incident, entry)
              const text = entryText(strings, entry)
              return (
                <li key={entry.id} class={entry.readAt ? undefined : 'unread'} data-kind={entry.kind}>
                  <span>
                    {!entry.readAt && <><span class="badge reaction">{strings['inbox.isUnread']}</span> </>}
                    {href ? <a href={href} onClick={open(entry, href)}>{text}</a> : <span>{text}</span>}
                    <br />
                    <time class="meta" dateTime={entry.at}>{moment(lang, entry.at)}</time>
                  </span>
                  {!entry.readAt && (
                    <button type="button" class="secondary" disabled={submit.isBusy(entry.id)} onClick={() => void markOne(entry)}
                      aria-label={`${strings['inbox.markRead']}: ${text}`}>
                      {strings['inbox.markRead']}
                    </button>
                  )}
                </li>
              )
            })}
          </ul>
        )}
      {more.failure !== undefined && <p class="notice error" role="alert">{messageOf(more.failure, strings)}</p>}
      {more.next && <p><button type="button" onClick={more.load} disabled={more.isLoading} aria-busy={more.isLoading}>{strings['inbox.more']}</button></p>}
    </div>
  )
}
