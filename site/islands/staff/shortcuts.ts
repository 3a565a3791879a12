/** The console's keyboard shortcuts, their pure parts: which key does what, the `g q` sequence, and the neighbours in a remembered list. */

/** What a shortcut does. */
export type ShortcutAction = 'help' | 'search' | 'queue' | 'next' | 'previous'

/** The shortcuts in the order the help lists them: the keys to press, one after the other, and what they do. */
export const SHORTCUTS: readonly { keys: readonly string[]; action: ShortcutAction }[] = [
  { keys: ['?'], action: 'help' },
  { keys: ['/'], action: 'search' },
  { keys: ['g', 'q'], action: 'queue' },
  { keys: ['j'], action: 'next' },
  { keys: ['k'], action: 'previous' },
]

/** How long the second key of a sequence (`g` then `q`) may wait, in milliseconds. */
export const SEQUENCE_MS = 1500

/** What of a key press the shortcuts look at: KeyboardEvent's own fields, and what has the focus. */
export interface KeyPress {
  key: string
  ctrlKey: boolean
  altKey: boolean
  metaKey: boolean
  /** Whether the focus is where typing goes: an input, a textarea, a select or an editable element. */
  isTyping: boolean
  /** When it was pressed, in milliseconds (event.timeStamp). */
  at: number
}

/** The first key of a sequence still waiting for its second, and when it came; null when none waits. */
export type Pending = { key: string; at: number } | null

/** The outcome of one key press: the action to take (if any) and what then waits. */
export interface KeyOutcome {
  action: ShortcutAction | null
  pending: Pending
}

/**
 * What a key press does, given the first key of a sequence that may be waiting. Nothing happens
 * while typing or with Ctrl, Alt or Cmd held (those keys belong to the browser and the fields);
 * Shift is allowed, since `?` needs it on most keyboards.
 * @example shortcutFor({ key: 'q', …, at: 900 }, { key: 'g', at: 500 }) → { action: 'queue', pending: null }
 */
export function shortcutFor(press: KeyPress, pending: Pending): KeyOutcome {
  if (press.isTyping || press.ctrlKey || press.altKey || press.metaKey) return { action: null, pending: null }
  const waiting = pending && press.at - pending.at <= SEQUENCE_MS ? pending.key : null
  const sequence = waiting ? [waiting, press.key] : [press.key]
  const exact = SHORTCUTS.find((s) => s.keys.length === sequence.length && s.keys.every((k, i) => k === sequence[i]))
  if (exact) return { action: exact.action, pending: null }
  // A key that only starts a sequence waits for the next; after a broken sequence the key counts on its own.
  if (SHORTCUTS.some((s) => s.keys.length > 1 && s.keys[0] === press.key)) return { action: null, pending: { key: press.key, at: press.at } }
  if (waiting) return shortcutFor(press, null)
  return { action: null, pending: null }
}

/** Whether an element takes typed text, so a key pressed there is typing and no shortcut. */
export function isTypingTarget(element: { tagName: string; isContentEditable?: boolean; type?: string } | null): boolean {
  if (!element) return false
  if (element.isContentEditable) return true
  const tag = element.tagName.toLowerCase()
  if (tag === 'textarea' || tag === 'select') return true
  // Buttons, checkboxes and radios take no text: a shortcut still works there.
  return tag === 'input' && !['button', 'submit', 'reset', 'checkbox', 'radio', 'file', 'image', 'range', 'color'].includes(element.type ?? 'text')
}

/**
 * The index to move to in a list of `count` items from `current` (-1 when none is chosen), one step
 * forward or back, staying at the ends; null when the list is empty.
 * @example stepIndex(3, -1, 1) === 0; stepIndex(3, 2, 1) === 2; stepIndex(3, -1, -1) === 2
 */
export function stepIndex(count: number, current: number, step: 1 | -1): number | null {
  if (count === 0) return null
  if (current < 0) return step === 1 ? 0 : count - 1
  return Math.min(count - 1, Math.max(0, current + step))
}

/**
 * The incident before or after `id` in a remembered list, for j/k on the incident page; null when
 * `id` is not in it or it is at that end.
 * @example neighbour(['a', 'b', 'c'], 'b', 1) === 'c'; neighbour(['a', 'b'], 'b', 1) === null
 */
export function neighbour(ids: readonly string[], id: string, step: 1 | -1): string | null {
  const at = ids.indexOf(id)
  if (at < 0) return null
  return ids[at + step] ?? null
}

/** The key under which the last list of incidents opened from is remembered (sessionStorage: this tab only). */
export const LIST_KEY = 'loket.console.list'

/** The ids of a remembered list as stored; anything that is not a list of plain ids reads as none. */
export function readList(raw: string | null): string[] {
  if (!raw) return []
  try {
    const value: unknown = JSON.parse(raw)
    return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string' && /^[A-Za-z0-9_-]{1,60}$/.test(id)) : []
  } catch {
    return []
  }
}
