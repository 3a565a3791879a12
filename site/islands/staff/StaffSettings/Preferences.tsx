/** The staff member's notification preferences: which kinds also come by mail, and the mails' language; a section of the settings page, linked from the inbox. */
import { useEffect, useState } from 'preact/hooks'
import type { Language } from '#lib/language.ts'
import type { StaffStrings } from '../../../i18n/index.ts'
import { call, portalApi } from '../../lib/api.ts'
import { Field } from '../../lib/Field.tsx'
import { Pending, ResultMessage } from '../../lib/ResultMessage.tsx'
import { useLoad } from '../../lib/use-load.ts'
import { useSubmit } from '../../lib/use-submit.ts'

const KINDS = ['assigned', 'reaction', 'nearing', 'complaint'] as const
type Kind = (typeof KINDS)[number]
type Choices = { mail: Record<Kind, boolean>; lang: Language }

export function Preferences({ lang, strings }: { lang: Language; strings: StaffStrings }) {
  const api = portalApi(lang).staff.notifications.preferences
  const loaded = useLoad(() => call(api.$get(), strings), [lang], strings)
  const [choices, setChoices] = useState<Choices>()
  useEffect(() => {
    if (loaded.data) setChoices(loaded.data)
  }, [loaded.data])
  const submit = useSubmit({ texts: strings, refusal: 'result' })

  const save = (e: Event) => {
    e.preventDefault()
    if (!choices) return
    void submit.run(async () => {
      setChoices(await call(api.$put({ json: choices }), strings))
      return { kind: 'ok', text: strings['prefs.saved'] }
    })
  }

  return (
    <section aria-labelledby="prefs-title">
      <h2 id="prefs-title">{strings['prefs.title']}</h2>
      {!choices ? <Pending message={loaded.message} loading={strings.loading} /> : (
        <form class="portal-form" ref={submit.formRef} onSubmit={save} aria-labelledby="prefs-title">
          <fieldset>
            <legend>{strings['prefs.hint']}</legend>
            {KINDS.map((kind) => (
              <label class="choice" key={kind}>
                <input type="checkbox" name={kind} checked={choices.mail[kind]}
                  onChange={(e) => setChoices({ ...choices, mail: { ...choices.mail, [kind]: e.currentTarget.checked } })} />
                {strings[`prefs.kind.${kind}`]}
              </label>
            ))}
          </fieldset>
          <Field id="prefs-lang" label={strings['prefs.lang']}>
            {(aria) => (
              <select {...aria} value={choices.lang} onChange={(e) => setChoices({ ...choices, lang: e.currentTarget.value as Language })}>
                <option value="nl">{strings['prefs.lang.nl']}</option>
                <option value="en">{strings['prefs.lang.en']}</option>
              </select>
            )}
          </Field>
          <div class="actions"><button type="submit" disabled={submit.isBusy()}>{strings['prefs.save']}</button></div>
          <ResultMessage result={submit.result} target={submit.resultRef} />
        </form>
      )}
    </section>
  )
}
