/** The customer's reaction: a text, optionally with one file; a resolved incident reopens by it. */
import { useRef, useState } from 'preact/hooks'
import type { Language } from '#lib/language.ts'
import type { PortalStrings } from '../../../i18n/index.ts'
import { ApiFailure, call, portalApi } from '../../lib/api.ts'
import { Field } from '../../lib/Field.tsx'
import { ResultMessage } from '../../lib/ResultMessage.tsx'
import { useSubmit } from '../../lib/use-submit.ts'
import type { Detail } from './common.ts'

export function Reaction({ incident, lang, strings, onDone }: { incident: Detail['incident']; lang: Language; strings: PortalStrings; onDone: () => Promise<void> }) {
  const [text, setText] = useState('')
  const submit = useSubmit({ texts: strings, refusal: 'result' })
  const fileInput = useRef<HTMLInputElement>(null)

  const send = (event: Event) => {
    event.preventDefault()
    return submit.run(async () => {
      const file = fileInput.current?.files?.[0]
      if (file) await upload(incident.id, file, text, lang, strings)
      else await call(portalApi(lang).incidents[':id'].messages.$post({ param: { id: incident.id }, json: { text, visibility: 'public' } }), strings)
      setText('')
      if (fileInput.current) fileInput.current.value = ''
      await onDone()
      return { kind: 'ok', text: strings['incidents.reactionSent'] }
    })
  }

  return (
    <form class="portal-form" onSubmit={send}>
      <h3>{strings['incidents.react']}</h3>
      {incident.status === 'resolved' && <p class="hint">{strings['incidents.reopenHint']}</p>}
      <Field id="reaction-text" label={strings['incidents.reactionText']}>
        {(aria) => <textarea {...aria} name="text" required maxLength={20_000} value={text} onInput={(e) => setText(e.currentTarget.value)} />}
      </Field>
      <Field id="reaction-file" label={strings['incidents.attachment']} hint={strings['incidents.attachmentHint']} isHintBelow>
        {(aria) => <input {...aria} type="file" name="file" ref={fileInput} accept=".png,.jpg,.jpeg,.pdf,.txt,.log,.csv,.zip" />}
      </Field>
      <ResultMessage result={submit.result} target={submit.resultRef} />
      <div class="actions"><button type="submit" disabled={submit.isBusy()}>{strings['incidents.send']}</button></div>
    </form>
  )
}

/** Sends a file with the reaction's text as multipart (the typed client has no form type for this route). */
async function upload(incidentId: string, file: File, text: string, lang: Language, strings: PortalStrings): Promise<void> {
  const body = new FormData()
  body.set('file', file)
  if (text.trim()) body.set('text', text)
  const request = fetch(`/api/incidents/${encodeURIComponent(incidentId)}/attachments`, { method: 'POST', body, headers: { 'Accept-Language': lang } })
  await call(request, strings).catch((error) => {
    throw error instanceof ApiFailure ? error : new ApiFailure(0, 'network', strings.network)
  })
}
