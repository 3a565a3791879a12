/** Keyboard use of the search: arrows from the box into the results and between them, Escape back. */

/** In the box: ArrowDown goes to the first result, Escape empties the box. */
export function onInputKey(event: KeyboardEvent, list: HTMLUListElement | null, query: string, clear: () => void): void {
  if (event.key === 'ArrowDown') {
    const first = list?.querySelector('a')
    if (first) {
      event.preventDefault()
      first.focus()
    }
  } else if (event.key === 'Escape' && query) {
    clear()
  }
}

/** In the results: arrows, Home and End move between them; Escape and up from the first go back to the box. */
export function onListKey(event: KeyboardEvent, list: HTMLUListElement | null, input: HTMLInputElement | null): void {
  const links = [...(list?.querySelectorAll('a') ?? [])]
  const at = links.indexOf(document.activeElement as HTMLAnchorElement)
  const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: links.length - 1 }
  if (event.key === 'Escape') {
    event.preventDefault()
    input?.focus()
  } else if (event.key in moves) {
    event.preventDefault()
    if (moves[event.key]! < 0) input?.focus()
    else links[Math.min(moves[event.key]!, links.length - 1)]?.focus()
  }
}
