/** A phone call with the customer, kept as an internal note with its direction. */
import { useState } from 'preact/hooks'
import { call, portalApi } from '../../lib/api.ts'
import { Field, FieldSet } from '../../lib/Field.tsx'
import { ResultMessage } from '../../lib/ResultMessage.tsx'
import { useSubmit } from '../../lib/use-submit.ts'
import type { FormProps } from './common.ts'

export function CallLog({ incident, lang, strings, onReload }: FormProps) {
  const [direction, setDirection] = useState<'inbound' | 'outbound'>('inbound')
  const [summary, setSummary] = useState('')
  const submit = useSubmit({ texts: strings, refusal: 'result', fields: { summary: strings['incident.call.summaryInvalid'] } })

  const save = (event: Event) => {
    event.preventDefault()
    return submit.run(async () => {
      await call(portalApi(lang).incidents[':id']['phone-contacts'].$post({ param: { id: incident.id }, json: { direction, summary } }), strings)
      setSummary('')
      await onReload()
      return { kind: 'ok', text: strings['incident.call.saved'] }
    })
  }

  return (
    <form class="portal-form call" onSubmit={save} aria-labelledby="call-title">
      <h3 id="call-title">{strings['incident.call.title']}</h3>
      <FieldSet id="call-direction" legend={strings['incident.call.directionLegend']}>
        <label class="choice">
          <input type="radio" name="call-direction" value="inbound" checked={direction === 'inbound'} onChange={() => setDirection('inbound')} />
          {strings['incident.call.inbound']}
        </label>
        <label class="choice">
          <input type="radio" name="call-direction" value="outbound" checked={direction === 'outbound'} onChange={() => setDirection('outbound')} />
          {strings['incident.call.outbound']}
        </label>
      </FieldSet>
      <Field id="call-summary" label={strings['incident.call.summary']} hint={strings['incident.call.summaryHint']} isHintBelow error={submit.errors.fields.summary}>
        {(aria) => <textarea {...aria} name="summary" required maxLength={5_000} value={summary} onInput={(e) => setSummary(e.currentTarget.value)} />}
      </Field>
      <ResultMessage result={submit.result} target={submit.resultRef} />
      <div class="actions"><button type="submit" disabled={submit.isBusy()}>{strings['incident.call.submit']}</button></div>
    </form>
  )
}
