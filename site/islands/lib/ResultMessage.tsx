/** The islands' messages: the result of an action (which takes the focus), a failure, and the line that says a page is loading. */
import type { RefObject } from 'preact'

/** A message after an action: a new object each time, so the same words twice still move the focus. */
export type Result = { kind: 'ok' | 'error'; text: string } | undefined

/**
 * The message after an action, always in the page (so a screen reader is listening for it) and
 * focusable: an error is an alert, a success a status. `isPlain` shows a success as plain text.
 */
export function ResultMessage({ result, target, isPlain = false }: { result: Result; target: RefObject<HTMLElement>; isPlain?: boolean }) {
  const tone = result && !(isPlain && result.kind === 'ok') ? `notice ${result.kind}` : undefined
  return (
    <p ref={target as RefObject<HTMLParagraphElement>} tabIndex={-1} class={result ? tone : 'visually-hidden'} role={result?.kind === 'error' ? 'alert' : 'status'}>
      {result?.text ?? ''}
    </p>
  )
}

/** A failure's sentence as an alert, or nothing. */
export function FailureNote({ message }: { message: string | undefined }) {
  return message ? <p class="notice error" role="alert">{message}</p> : null
}

/** The line a page shows while it reads, or the failure that stopped it. */
export function Pending({ message, loading }: { message: string | undefined; loading: string }) {
  return message ? <FailureNote message={message} /> : <p class="meta" role="status">{loading}</p>
}
