/** The admin's company details, and the form that changes them. */
import { useEffect, useRef, useState } from 'preact/hooks'
import { call, portalApi } from '../../lib/api.ts'
import { Field } from '../../lib/Field.tsx'
import { FailureNote, ResultMessage } from '../../lib/ResultMessage.tsx'
import { useSubmit } from '../../lib/use-submit.ts'
import type { Common, FullOrganisation } from './common.ts'

const DETAIL_FIELDS = ['name', 'address', 'phone', 'invoiceEmail'] as const
type DetailField = (typeof DETAIL_FIELDS)[number]

export function Details({ lang, strings, organisation, onSaved }: Common & { organisation: FullOrganisation; onSaved: (organisation: FullOrganisation) => void }) {
  const [isEditing, setEditing] = useState(false)
  const saved = useSubmit({ texts: strings })
  const openRef = useRef<HTMLButtonElement>(null)
  const optional = (value: string | undefined) => value || <span class="meta">{strings['organisation.notGiven']}</span>

  function close(text?: string) {
    setEditing(false)
    saved.say(text === undefined ? undefined : { kind: 'ok', text })
    // Without a message to read, the keyboard goes back to the button that opened the form.
    if (text === undefined) openRef.current?.focus()
  }

  return (
    <section aria-labelledby="organisation-details">
      <h2 id="organisation-details">{strings['organisation.details.title']}</h2>
      <dl class="details">
        <dt>{strings['organisation.details.name']}</dt><dd>{organisation.name}</dd>
        <dt>{strings['organisation.details.customerNumber']}</dt><dd>{organisation.customerNumber}</dd>
        <dt>{strings['organisation.details.firstClass']}</dt>
        <dd>{organisation.isFirstClass ? <span class="badge ok">{strings['organisation.firstClass']}</span> : strings['organisation.no']}</dd>
        <dt>{strings['organisation.details.address']}</dt><dd>{optional(organisation.address)}</dd>
        <dt>{strings['organisation.details.phone']}</dt><dd>{optional(organisation.phone)}</dd>
        <dt>{strings['organisation.details.invoiceEmail']}</dt><dd>{optional(organisation.invoiceEmail)}</dd>
      </dl>
      <ResultMessage result={saved.result} target={saved.resultRef} />
      <p>
        <button type="button" class="secondary" ref={openRef} aria-expanded={isEditing} aria-controls="organisation-edit"
          onClick={() => (isEditing ? close() : (saved.say(undefined), setEditing(true)))}>
          {strings['organisation.edit.open']}
        </button>
      </p>
      {isEditing && (
        <DetailsForm lang={lang} strings={strings} organisation={organisation}
          onCancel={() => close()}
          onSaved={(next, text) => { if (next) onSaved(next); close(text) }} />
      )}
    </section>
  )
}

function DetailsForm({ lang, strings, organisation, onSaved, onCancel }: Common & {
  organisation: FullOrganisation
  onSaved: (organisation: FullOrganisation | undefined, message: string) => void
  onCancel: () => void
}) {
  const [values, setValues] = useState<Record<DetailField, string>>({
    name: organisation.name, address: organisation.address ?? '', phone: organisation.phone ?? '', invoiceEmail: organisation.invoiceEmail ?? '',
  })
  const submit = useSubmit({
    texts: strings,
    fields: {
      name: strings['organisation.invalid.name'], address: strings['organisation.invalid.address'],
      phone: strings['organisation.invalid.phone'], invoiceEmail: strings['organisation.invalid.invoiceEmail'],
    },
  })
  const firstRef = useRef<HTMLInputElement>(null)
  useEffect(() => firstRef.current?.focus(), [])

  function save(event: Event) {
    event.preventDefault()
    // Only what changed is sent: the audit log then says what the admin actually changed.
    const change: Partial<Record<DetailField, string>> = {}
    for (const field of DETAIL_FIELDS) if (values[field].trim() !== (organisation[field] ?? '')) change[field] = values[field]
    if (Object.keys(change).length === 0) return onSaved(undefined, strings['organisation.edit.unchanged'])
    return submit.run(async () => {
      const reply = await call(portalApi(lang).organisation.$patch({ json: change }), strings)
      onSaved(reply.organisation, strings['organisation.edit.saved'])
    })
  }

  const input = (field: DetailField) => ({
    value: values[field],
    onInput: (e: { currentTarget: HTMLInputElement }) => setValues({ ...values, [field]: e.currentTarget.value }),
  })
  const { errors } = submit
  return (
    <form id="organisation-edit" class="portal-form" ref={submit.formRef} onSubmit={save} aria-labelledby="organisation-edit-title">
      <h3 id="organisation-edit-title">{strings['organisation.edit.title']}</h3>
      <Field id="organisation-name" label={strings['organisation.details.name']} error={errors.fields.name}>
        {(aria) => <input {...aria} ref={firstRef} type="text" name="name" required minLength={2} maxLength={120} autocomplete="off" {...input('name')} />}
      </Field>
      <Field id="organisation-address" label={strings['organisation.details.address']} error={errors.fields.address}>
        {(aria) => <input {...aria} type="text" name="address" maxLength={300} autocomplete="off" {...input('address')} />}
      </Field>
      <Field id="organisation-phone" label={strings['organisation.details.phone']} hint={strings['organisation.edit.phoneHint']} error={errors.fields.phone}>
        {(aria) => <input {...aria} type="tel" name="phone" maxLength={40} autocomplete="off" {...input('phone')} />}
      </Field>
      <Field id="organisation-invoice-email" label={strings['organisation.details.invoiceEmail']} hint={strings['organisation.edit.invoiceEmailHint']} error={errors.fields.invoiceEmail}>
        {(aria) => <input {...aria} type="email" name="invoiceEmail" maxLength={254} autocomplete="off" {...input('invoiceEmail')} />}
      </Field>
      <FailureNote message={errors.summary} />
      <div class="actions">
        <button type="submit" disabled={submit.isBusy()}>{strings['organisation.edit.save']}</button>
        <button type="button" class="secondary" onClick={onCancel}>{strings['organisation.edit.cancel']}</button>
      </div>
    </form>
  )
}
