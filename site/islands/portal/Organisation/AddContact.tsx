/** The form that adds a contact of the admin's organisation, authorised at once. */
import { useState } from 'preact/hooks'
import { format } from '#lib/format.ts'
import { call, portalApi } from '../../lib/api.ts'
import { Field } from '../../lib/Field.tsx'
import { FailureNote, ResultMessage } from '../../lib/ResultMessage.tsx'
import { useSubmit } from '../../lib/use-submit.ts'
import type { Common, Contact } from './common.ts'

export function AddContact({ lang, strings, onAdded }: Common & { onAdded: (contact: Contact) => void }) {
  const empty = { name: '', email: '', role: 'employee' as Contact['role'], lang, isAuthorised: true }
  const [values, setValues] = useState(empty)
  const submit = useSubmit({ texts: strings, fields: { name: strings['organisation.invalid.name'], email: strings['organisation.invalid.email'] } })

  const add = (event: Event) => {
    event.preventDefault()
    return submit.run(async () => {
      const { contact } = await call(portalApi(lang).organisation.contacts.$post({ json: values }), strings)
      onAdded(contact)
      setValues(empty)
      return { kind: 'ok', text: format(strings['organisation.add.added'], { name: contact.name }) }
    })
  }

  const { errors } = submit
  return (
    <form class="portal-form" ref={submit.formRef} onSubmit={add} aria-labelledby="contact-add-title">
      <h3 id="contact-add-title">{strings['organisation.add.title']}</h3>
      <Field id="contact-add-name" label={strings['organisation.add.name']} error={errors.fields.name}>
        {(aria) => <input {...aria} type="text" name="name" required minLength={2} maxLength={120} autocomplete="off"
          value={values.name} onInput={(e) => setValues({ ...values, name: e.currentTarget.value })} />}
      </Field>
      <Field id="contact-add-email" label={strings['organisation.add.email']} hint={strings['organisation.add.emailHint']} error={errors.fields.email}>
        {(aria) => <input {...aria} type="email" name="email" required maxLength={254} autocomplete="off"
          value={values.email} onInput={(e) => setValues({ ...values, email: e.currentTarget.value })} />}
      </Field>
      <Field id="contact-add-role" label={strings['organisation.add.role']} hint={strings['organisation.add.roleHint']}>
        {(aria) => (
          <select {...aria} name="role" value={values.role} onChange={(e) => setValues({ ...values, role: e.currentTarget.value === 'admin' ? 'admin' : 'employee' })}>
            <option value="employee">{strings['organisation.role.employee']}</option>
            <option value="admin">{strings['organisation.role.admin']}</option>
          </select>
        )}
      </Field>
      <Field id="contact-add-lang" label={strings['organisation.add.lang']}>
        {(aria) => (
          <select {...aria} name="lang" value={values.lang} onChange={(e) => setValues({ ...values, lang: e.currentTarget.value === 'en' ? 'en' : 'nl' })}>
            <option value="nl">{strings['organisation.lang.nl']}</option>
            <option value="en">{strings['organisation.lang.en']}</option>
          </select>
        )}
      </Field>
      <FailureNote message={errors.summary} />
      <div><button type="submit" disabled={submit.isBusy()}>{strings['organisation.add.submit']}</button></div>
      <ResultMessage result={submit.result} target={submit.resultRef} />
    </form>
  )
}
