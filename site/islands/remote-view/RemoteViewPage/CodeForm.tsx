/** The remote-view page's first step: the code support sent, refused on the field when it does not work. */
import { useEffect, useState } from 'preact/hooks'
import { call, messageOf, portalApi } from '../../lib/api.ts'
import { Field } from '../../lib/Field.tsx'
import { useSubmit } from '../../lib/use-submit.ts'
import { codeOf, isCodeShaped, type Preview } from '../page-state.ts'
import type { StepProps } from './common.ts'

/**
 * One labelled field for the code; "123 456" is as good as "123456". A refusal (unknown, expired
 * or used code, too many wrong tries) is read out as an alert on the field, and focus stays there.
 */
export function CodeForm({ lang, strings, hasActed, hasDeclined, onEvent }: StepProps & { hasActed: boolean; hasDeclined: boolean }) {
  const [code, setCode] = useState('')
  // A refusal is the field's error, and the focus stays on the field.
  const submit = useSubmit({ texts: strings })
  const error = submit.result?.text
  // Back from the preview or the end: the field is where the customer continues.
  useEffect(() => { if (hasActed) submit.resultRef.current?.focus() }, [])

  function send(event: Event) {
    event.preventDefault()
    if (!isCodeShaped(code)) return submit.say({ kind: 'error', text: strings['code.invalid'] })
    return submit.run(async () => {
      const request = portalApi(lang)['remote-views'].lookup.$post({ json: { code: codeOf(code) } })
      const { remoteView } = (await call(request, strings)) as { remoteView: Preview }
      onEvent({ type: 'found', code: codeOf(code), preview: remoteView })
    }, { refused: (failure) => ({ kind: 'error', text: messageOf(failure, strings) }) })
  }

  return (
    <form class="portal-form remote-view-code" onSubmit={send} noValidate aria-labelledby="remote-view-code-title">
      <h2 id="remote-view-code-title">{strings['code.title']}</h2>
      {hasDeclined && <p class="notice" role="status">{strings['code.notNow']}</p>}
      <Field id="remote-view-code" label={strings['code.label']} hint={strings['code.hint']} isHintBelow error={error} isErrorLive>
        {(aria) => (
          <input
            {...aria} ref={submit.resultRef as { current: HTMLInputElement | null }} name="code" type="text" inputMode="numeric" autoComplete="one-time-code" spellcheck={false}
            required maxLength={12} value={code} onInput={(e) => setCode(e.currentTarget.value)}
          />
        )}
      </Field>
      <div class="actions"><button type="submit" disabled={submit.isBusy()}>{strings['code.submit']}</button></div>
    </form>
  )
}
