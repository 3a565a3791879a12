/** A backup for internal investigation, with the reason the customer's admin decides on. */
import { useState } from 'preact/hooks'
import { format } from '#lib/format.ts'
import { call, portalApi } from '../../lib/api.ts'
import { Field } from '../../lib/Field.tsx'
import { ResultMessage } from '../../lib/ResultMessage.tsx'
import { useSubmit } from '../../lib/use-submit.ts'
import type { BackupReply, ListProps } from './consents.tsx'

export function BackupRequestForm({ incidentId, organisationName, lang, strings, onActed }: Omit<ListProps, 'onReload'> & { incidentId: string; organisationName: string }) {
  const [reason, setReason] = useState('')
  const submit = useSubmit({ texts: strings, refusal: 'result', fields: { reason: strings['access.backup.reasonInvalid'] } })

  const ask = (event: Event) => {
    event.preventDefault()
    return submit.run(async () => {
      const { backup } = (await call(portalApi(lang).incidents[':id'].backups.$post({ param: { id: incidentId }, json: { reason } }), strings)) as BackupReply
      setReason('')
      onActed(backup)
      return { kind: 'ok', text: format(strings['access.backup.requested'], { organisation: organisationName }) }
    })
  }

  return (
    <form class="portal-form backup-request" onSubmit={ask} aria-label={strings['access.backup.request']}>
      <Field id="backup-reason" label={strings['access.backup.reason']} hint={format(strings['access.backup.reasonHint'], { organisation: organisationName })} isHintBelow
        error={submit.errors.fields.reason}>
        {(aria) => <textarea {...aria} name="reason" required maxLength={2000} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}
      </Field>
      <ResultMessage result={submit.result} target={submit.resultRef} />
      <div class="actions"><button type="submit" disabled={submit.isBusy()}>{strings['access.backup.request']}</button></div>
    </form>
  )
}
