/**
 * The console's keyboard shortcuts: one listener for the whole page, and their help in a dialog
 * (opened with `?` or the header's button; Escape closes it and the focus goes back where it was).
 * Lists mark their incident links with `data-console-item` and `data-id`; j/k move through those.
 */
import { useEffect, useRef } from 'preact/hooks'
import type { StaffPaths } from '../props.ts'
import { LIST_KEY, SHORTCUTS, isTypingTarget, neighbour, readList, shortcutFor, stepIndex, type Pending, type ShortcutAction } from '../shortcuts.ts'
import type { ConsoleWords } from './common.ts'

const ITEMS = 'a[data-console-item]'
const SEARCH_BOX = '[data-console-search]'

const ACTION_WORDS = {
  help: 'keys.help', search: 'keys.search', queue: 'keys.queue', next: 'keys.next', previous: 'keys.previous',
} as const satisfies Record<ShortcutAction, keyof ConsoleWords>

export function Shortcuts({ words, paths }: { words: ConsoleWords; paths: StaffPaths }) {
  const dialog = useRef<HTMLDialogElement>(null)
  const returnTo = useRef<HTMLElement | null>(null)

  const openHelp = () => {
    const box = dialog.current
    if (!box || box.open) return
    returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
    box.showModal()
  }

  useEffect(() => {
    let pending: Pending = null
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || dialog.current?.open) return
      const outcome = shortcutFor({
        key: event.key, ctrlKey: event.ctrlKey, altKey: event.altKey, metaKey: event.metaKey,
        isTyping: isTypingTarget(event.target instanceof HTMLElement ? event.target : null), at: event.timeStamp,
      }, pending)
      pending = outcome.pending
      if (!outcome.action) return
      event.preventDefault()
      act(outcome.action)
    }
    const act = (action: ShortcutAction) => {
      if (action === 'help') return openHelp()
      if (action === 'queue') return location.assign(paths.queue)
      if (action === 'search') {
        const box = document.querySelector<HTMLInputElement>(SEARCH_BOX)
        if (!box) return location.assign(paths.search)
        box.focus()
        box.select()
        return
      }
      move(action === 'next' ? 1 : -1)
    }
    // A list opened from is remembered for this tab, so j/k on the incident page go on through it.
    const onClick = (event: MouseEvent) => {
      if (event.target instanceof Element && event.target.closest(ITEMS)) remember()
    }
    document.addEventListener('keydown', onKey)
    document.addEventListener('click', onClick, true)
    return () => {
      document.removeEventListener('keydown', onKey)
      document.removeEventListener('click', onClick, true)
    }
  }, [paths.queue, paths.search])

  const close = () => {
    // Back to where the help was opened from; the browser may not, when that was the page itself.
    returnTo.current?.focus()
    returnTo.current = null
  }

  return (
    <>
      <button type="button" class="link-button console-keys" aria-haspopup="dialog" aria-keyshortcuts="?" onClick={openHelp}>{words['keys.open']}</button>
      <dialog ref={dialog} class="console-help" aria-labelledby="console-help-title" onClose={close}>
        <h2 id="console-help-title">{words['keys.title']}</h2>
        <p class="meta">{words['keys.intro']}</p>
        {/* A list of terms, not a table: the console's pages count their tables' rows as their lists. */}
        <dl class="console-keys-list">
          {SHORTCUTS.map((shortcut) => (
            <div key={shortcut.action}>
              <dt>{shortcut.keys.map((key, i) => <span key={key}>{i > 0 && ` ${words['keys.then']} `}<kbd>{key}</kbd></span>)}</dt>
              <dd>{words[ACTION_WORDS[shortcut.action]]}</dd>
            </div>
          ))}
          <div><dt><kbd>Enter</kbd></dt><dd>{words['keys.open.item']}</dd></div>
        </dl>
        <form method="dialog"><button type="submit">{words['keys.close']}</button></form>
      </dialog>
    </>
  )

  /** Moves the focus to the next or previous incident of the page's list, or opens the remembered list's neighbour on the incident page. */
  function move(step: 1 | -1) {
    const items = [...document.querySelectorAll<HTMLAnchorElement>(ITEMS)]
    if (items.length > 0) {
      const at = stepIndex(items.length, items.indexOf(document.activeElement as HTMLAnchorElement), step)
      const item = at === null ? undefined : items[at]
      if (!item) return
      item.focus()
      item.scrollIntoView({ block: 'nearest' })
      remember()
      return
    }
    const id = new URLSearchParams(location.search).get('id')
    if (!id || location.pathname !== paths.incident) return
    const next = neighbour(readList(sessionStorage.getItem(LIST_KEY)), id, step)
    if (next) location.assign(`${paths.incident}?id=${encodeURIComponent(next)}`)
  }
}

/** Keeps the ids of the page's list of incidents for this tab. */
function remember() {
  const ids = [...document.querySelectorAll<HTMLElement>(ITEMS)].map((item) => item.dataset.id).filter((id): id is string => Boolean(id))
  try {
    sessionStorage.setItem(LIST_KEY, JSON.stringify(ids))
  } catch {
    // Storage may be off or full: j/k on the incident page then simply do nothing.
  }
}
