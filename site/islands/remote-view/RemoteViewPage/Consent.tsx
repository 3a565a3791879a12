/** The remote-view page's second step: who will look along and what they will see, and the customer's consent. */
import { useEffect, useRef } from 'preact/hooks'
import { format } from '#lib/format.ts'
import { ApiFailure, call, portalApi } from '../../lib/api.ts'
import { useSubmit } from '../../lib/use-submit.ts'
import { moment } from '../../portal/format.ts'
import { isCodeExpired, type Preview, type Session } from '../page-state.ts'
import type { StepProps } from './common.ts'

/** Who will look along, for which incident and organisation, until when, and what they will and will not see; then the choice. */
export function Consent({ lang, strings, code, preview, onEvent }: StepProps & { code: string; preview: Preview }) {
  const submit = useSubmit({ texts: strings })
  const heading = useRef<HTMLHeadingElement>(null)
  const staff = preview.staff.name
  useEffect(() => heading.current?.focus(), [])
  // The code runs out while the customer reads: the page says so rather than offering a consent that would fail.
  useEffect(() => {
    const refuse = () => onEvent({ type: 'refused', message: format(strings['preview.expired'], { name: staff }) })
    if (isCodeExpired(preview, new Date())) return refuse()
    const timer = setTimeout(refuse, new Date(preview.codeExpiresAt).getTime() - Date.now())
    return () => clearTimeout(timer)
  }, [preview.id])

  const consent = () => submit.run(async () => {
    const request = portalApi(lang)['remote-views'].consent.$post({ json: { code } })
    const { session, token } = (await call(request, strings)) as { session: Session; token: string }
    onEvent({ type: 'consented', session, token })
  }, {
    // Gone meanwhile (expired or used): the page turns to the refusal.
    refused: (failure) => {
      if (failure instanceof ApiFailure && failure.status === 410) onEvent({ type: 'refused', message: failure.message })
      return undefined
    },
  })
  const isBusy = submit.isBusy()
  const error = submit.errors.summary

  return (
    <section class="remote-view-consent" aria-labelledby="remote-view-preview-title">
      <h2 id="remote-view-preview-title" ref={heading} tabIndex={-1}>{strings['preview.title']}</h2>
      <dl class="details">
        <dt>{strings['preview.staff']}</dt><dd>{staff}</dd>
        <dt>{strings['preview.incident']}</dt><dd>{format(strings['preview.incidentValue'], { number: preview.incident.number, subject: preview.incident.subject })}</dd>
        <dt>{strings['preview.organisation']}</dt><dd>{preview.organisation.name}</dd>
        <dt>{strings['preview.validUntil']}</dt><dd><time dateTime={preview.codeExpiresAt}>{moment(lang, preview.codeExpiresAt)}</time></dd>
      </dl>
      <h3>{strings['preview.seeTitle']}</h3>
      <ul>
        <li>{strings['preview.seeChoice']}</li>
        <li>{strings['preview.seeOnly']}</li>
        <li>{strings['preview.stop']}</li>
        <li>{strings['preview.logged']}</li>
      </ul>
      <p><strong>{format(strings['preview.question'], { name: staff, number: preview.incident.number })}</strong></p>
      {error && <p class="notice error" role="alert">{error}</p>}
      <div class="actions">
        <button type="button" onClick={consent} disabled={isBusy}>{strings['preview.consent']}</button>
        <button type="button" class="secondary" onClick={() => onEvent({ type: 'back' })} disabled={isBusy}>{strings['preview.notNow']}</button>
      </div>
    </section>
  )
}
