/** A window in the desk's clock and a reason; the server decides whether it is far enough ahead and names the earliest start if not. */
import { useState } from 'preact/hooks'
import { format } from '#lib/format.ts'
import { call, portalApi } from '../../lib/api.ts'
import { Field } from '../../lib/Field.tsx'
import { FailureNote, ResultMessage } from '../../lib/ResultMessage.tsx'
import { useSubmit } from '../../lib/use-submit.ts'
import { isoOfLocal } from '../access-view.ts'
import type { ExtraSupport } from './consents.ts'
import { windowText, type SectionProps } from './section.tsx'

export function ExtraSupportForm({ lang, strings, onActed }: SectionProps) {
  const empty = { startsAt: '', endsAt: '', reason: '' }
  const [values, setValues] = useState(empty)
  const invalid = {
    startsAt: strings['access.extra.invalidStartsAt'], endsAt: strings['access.extra.invalidEndsAt'], reason: strings['access.extra.invalidReason'],
  }
  // A refusal that names the start (too soon, within business hours) is the server's own sentence beside that field.
  const submit = useSubmit({ texts: strings, fields: invalid })

  function send(event: Event) {
    event.preventDefault()
    const startsAt = isoOfLocal(values.startsAt)
    const endsAt = isoOfLocal(values.endsAt)
    if (!startsAt || !endsAt) return submit.refuse({ fields: { ...(startsAt ? {} : { startsAt: invalid.startsAt }), ...(endsAt ? {} : { endsAt: invalid.endsAt }) } })
    return submit.run(async () => {
      const json = { startsAt: new Date(startsAt), endsAt: new Date(endsAt), reason: values.reason }
      const { extraSupport } = (await call(portalApi(lang)['extra-support'].$post({ json }), strings)) as { extraSupport: ExtraSupport }
      onActed(extraSupport)
      setValues(empty)
      const billing = strings[extraSupport.isBilled ? 'access.extra.sentBilled' : 'access.extra.sentNotBilled']
      return { kind: 'ok', text: `${format(strings['access.extra.sent'], { window: windowText(lang, strings, extraSupport) })} ${billing}` }
    })
  }

  const input = (field: 'startsAt' | 'endsAt') => ({
    value: values[field],
    onInput: (e: { currentTarget: HTMLInputElement }) => setValues({ ...values, [field]: e.currentTarget.value }),
  })
  const { errors } = submit
  return (
    <form class="portal-form" ref={submit.formRef} onSubmit={send} aria-labelledby="extra-form-title">
      <h3 id="extra-form-title">{strings['access.extra.formTitle']}</h3>
      <Field id="extra-starts-at" label={strings['access.extra.startsAt']} hint={strings['access.extra.startsAtHint']} error={errors.fields.startsAt}>
        {(aria) => <input {...aria} type="datetime-local" name="startsAt" required {...input('startsAt')} />}
      </Field>
      <Field id="extra-ends-at" label={strings['access.extra.endsAt']} hint={strings['access.extra.endsAtHint']} error={errors.fields.endsAt}>
        {(aria) => <input {...aria} type="datetime-local" name="endsAt" required {...input('endsAt')} />}
      </Field>
      <Field id="extra-reason" label={strings['access.extra.reason']} error={errors.fields.reason}>
        {(aria) => <textarea {...aria} name="reason" required maxLength={2000} value={values.reason} onInput={(e) => setValues({ ...values, reason: e.currentTarget.value })} />}
      </Field>
      <FailureNote message={errors.summary} />
      <div class="actions"><button type="submit" disabled={submit.isBusy()}>{strings['access.extra.submit']}</button></div>
      <ResultMessage result={submit.result} target={submit.resultRef} />
    </form>
  )
}
