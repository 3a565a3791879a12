/** The remote-view page when the code ran out or was used before the consent. */
import { useEffect, useRef } from 'preact/hooks'
import type { StepProps } from './common.ts'

/** The code ran out or was used before this page consented: the server's reason, and another try. */
export function Refused({ strings, message, onEvent }: Omit<StepProps, 'lang'> & { message: string }) {
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  return (
    <section class="remote-view-refused" aria-labelledby="remote-view-refused-title">
      <h2 id="remote-view-refused-title" ref={heading} tabIndex={-1}>{strings['expired.title']}</h2>
      <p class="notice error" role="alert">{message}</p>
      <div class="actions"><button type="button" onClick={() => onEvent({ type: 'back' })}>{strings.again}</button></div>
    </section>
  )
}
