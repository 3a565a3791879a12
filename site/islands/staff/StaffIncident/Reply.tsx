/**
 * A public reply (mailed to the requester) or an internal note (never shown or mailed): the
 * label, the hint and the button all say which, and a note is the default, so a slip stays in-house.
 * A saved reply may be inserted, filled for the incident; a file goes with the reply or stays with the note.
 */
import { useRef, useState } from 'preact/hooks'
import { mayMove } from '#domain/transitions.ts'
import { format } from '#lib/format.ts'
import { ApiFailure, call, portalApi } from '../../lib/api.ts'
import { Field, FieldSet } from '../../lib/Field.tsx'
import { ResultMessage } from '../../lib/ResultMessage.tsx'
import { useSubmit } from '../../lib/use-submit.ts'
import { withInserted } from '../saved-replies-view.ts'
import type { FormProps } from './common.ts'
import { SavedReplyPicker } from './SavedReplyPicker.tsx'

export function Reply({ incident, email, lang, strings, onReload }: FormProps & { email: string }) {
  const [visibility, setVisibility] = useState<'public' | 'internal'>('internal')
  const [text, setText] = useState('')
  const [asks, setAsks] = useState(false)
  const fileInput = useRef<HTMLInputElement>(null)
  const submit = useSubmit({ texts: strings, refusal: 'result', fields: { text: strings['incident.reply.textInvalid'] } })
  const isPublic = visibility === 'public'
  // A result belongs to what was sent: it would mislead once the choice changes.
  const choose = (next: 'public' | 'internal') => { setVisibility(next); submit.say(undefined) }

  const send = (event: Event) => {
    event.preventDefault()
    return submit.run(async () => {
      const isQuestion = isPublic && asks
      const file = fileInput.current?.files?.[0]
      // With a file, the reply or note goes with it through the upload (the typed client has no form type for it).
      if (file) await upload(incident.id, file, text, visibility, isQuestion, lang, strings)
      else await call(portalApi(lang).incidents[':id'].messages.$post({ param: { id: incident.id }, json: { text, visibility, ...(isQuestion ? { asksCustomer: true } : {}) } }), strings)
      setText('')
      setAsks(false)
      if (fileInput.current) fileInput.current.value = ''
      await onReload()
      return { kind: 'ok', text: strings[isQuestion ? 'incident.reply.sentQuestion' : isPublic ? 'incident.reply.sentPublic' : 'incident.reply.sentInternal'] }
    })
  }

  return (
    <form class={`portal-form reply ${visibility}`} onSubmit={send} aria-labelledby="reply-title">
      <h3 id="reply-title">{strings['incident.reply.title']}</h3>
      <FieldSet id="reply-visibility" legend={strings['incident.reply.kindLegend']}>
        <label class="choice">
          <input type="radio" name="reply-visibility" value="internal" checked={!isPublic} onChange={() => choose('internal')} />
          {strings['incident.reply.internal']}
        </label>
        <label class="choice">
          <input type="radio" name="reply-visibility" value="public" checked={isPublic} onChange={() => choose('public')} />
          {strings['incident.reply.public']}
        </label>
      </FieldSet>
      <SavedReplyPicker incidentId={incident.id} lang={lang} strings={strings}
        onInsert={(filled) => { setText((current) => withInserted(current, filled)); document.getElementById('reply-text')?.focus() }} />
      <Field id="reply-text" label={strings[isPublic ? 'incident.reply.textPublic' : 'incident.reply.textInternal']} hintId="reply-hint" isHintBelow
        hint={isPublic ? format(strings['incident.reply.hintPublic'], { email }) : strings['incident.reply.hintInternal']} error={submit.errors.fields.text}>
        {(aria) => <textarea {...aria} name="text" required maxLength={20_000} value={text} onInput={(e) => setText(e.currentTarget.value)} />}
      </Field>
      {isPublic && mayMove(incident.status, 'waiting_for_customer') && (
        <label class="choice">
          <input type="checkbox" name="asks-customer" checked={asks} onChange={(e) => setAsks(e.currentTarget.checked)} />
          {strings['incident.reply.asksCustomer']}
        </label>
      )}
      <Field id="reply-file" label={strings['incident.reply.file']} hint={strings[isPublic ? 'incident.reply.fileHintPublic' : 'incident.reply.fileHintInternal']} isHintBelow>
        {(aria) => <input {...aria} type="file" name="file" ref={fileInput} accept=".png,.jpg,.jpeg,.pdf,.txt,.log,.csv,.zip" />}
      </Field>
      <ResultMessage result={submit.result} target={submit.resultRef} />
      <div class="actions">
        <button type="submit" class={isPublic ? undefined : 'secondary'} disabled={submit.isBusy()}>{strings[isPublic ? 'incident.reply.sendPublic' : 'incident.reply.sendInternal']}</button>
      </div>
    </form>
  )
}

/** Sends the reply or note with its file as multipart: a public reply is mailed with it, a note's file stays support's. */
async function upload(incidentId: string, file: File, text: string, visibility: 'public' | 'internal', asksCustomer: boolean, lang: FormProps['lang'], strings: FormProps['strings']): Promise<void> {
  const body = new FormData()
  body.set('file', file)
  body.set('text', text)
  body.set('visibility', visibility)
  if (asksCustomer) body.set('asksCustomer', 'true')
  const request = fetch(`/api/incidents/${encodeURIComponent(incidentId)}/attachments`, { method: 'POST', body, headers: { 'Accept-Language': lang } })
  await call(request, strings).catch((error) => {
    throw error instanceof ApiFailure ? error : new ApiFailure(0, 'network', strings.network)
  })
}
