/** The Organisation page: brief company information for an employee; for an admin everything, the company details to edit and the contacts to manage. */
import type { ComponentChildren } from 'preact'
import { useEffect, useRef, useState } from 'preact/hooks'
import type { Language } from '../../../server/domain/desk.ts'
import { format } from '#lib/format.ts'
import type { PortalStrings } from '../../i18n/index.ts'
import { Field, useFocusFirstInvalid } from '../lib/Field.tsx'
import { call, messageOf, portalApi, type PortalApi, type Success } from '../lib/api.ts'
import { formErrors, type FormErrors } from '../lib/field-errors.ts'
import { day } from './format.ts'
import { SignedIn, type Viewer } from '../lib/SignedIn.tsx'
import { euros } from './money.ts'
import type { PortalPaths } from './paths.ts'

type OrganisationReply = Success<Awaited<ReturnType<PortalApi['organisation']['$get']>>>
type BriefOrganisation = Extract<OrganisationReply, { role: 'employee' }>['organisation']
type FullOrganisation = Extract<OrganisationReply, { role: 'admin' }>['organisation']
type Contact = Success<Awaited<ReturnType<PortalApi['organisation']['contacts']['$get']>>>['contacts'][number]
type ContactChange = Parameters<PortalApi['organisation']['contacts'][':id']['$patch']>[0]['json']

interface Common {
  lang: Language
  strings: PortalStrings
}

/** A message that moves focus to itself when it appears: a new object each time, so the same words twice still count. */
type Outcome = { text: string }

export default function Organisation({ lang, strings }: { lang: Language; strings: PortalStrings; paths: PortalPaths }) {
  return <SignedIn as="contact" lang={lang} strings={strings}>{(viewer) => <OrganisationPage lang={lang} strings={strings} viewer={viewer} />}</SignedIn>
}

type PageState = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'loaded'; reply: OrganisationReply }

function OrganisationPage({ lang, strings, viewer }: Common & { viewer: Viewer }) {
  const [state, setState] = useState<PageState>({ kind: 'loading' })
  useEffect(() => {
    call(portalApi(lang).organisation.$get(), strings)
      .then((reply) => setState({ kind: 'loaded', reply }))
      .catch((error) => setState({ kind: 'failed', message: messageOf(error, strings) }))
  }, [lang])

  if (state.kind === 'loading') return <p class="meta" role="status">{strings.loading}</p>
  if (state.kind === 'failed') return <p class="notice error" role="alert">{state.message}</p>
  const { reply } = state
  if (reply.role === 'employee') return <Brief strings={strings} organisation={reply.organisation} />
  return (
    <>
      <Details lang={lang} strings={strings} organisation={reply.organisation}
        onSaved={(organisation) => setState({ kind: 'loaded', reply: { role: 'admin', organisation } })} />
      <Records lang={lang} strings={strings} organisation={reply.organisation} />
      <Contacts lang={lang} strings={strings} viewer={viewer} />
    </>
  )
}

const yesNo = (strings: PortalStrings, isYes: boolean) => strings[isYes ? 'organisation.yes' : 'organisation.no']

/** An employee's view: who the organisation is, and that the admin sees more. */
function Brief({ strings, organisation }: { strings: PortalStrings; organisation: BriefOrganisation }) {
  return (
    <section aria-labelledby="organisation-details">
      <h2 id="organisation-details">{strings['organisation.details.title']}</h2>
      <dl class="details">
        <dt>{strings['organisation.details.name']}</dt><dd>{organisation.name}</dd>
        <dt>{strings['organisation.details.customerNumber']}</dt><dd>{organisation.customerNumber}</dd>
        <dt>{strings['organisation.details.firstClass']}</dt><dd>{yesNo(strings, organisation.isFirstClass)}</dd>
      </dl>
      <p>{strings['organisation.employeeNote']}</p>
    </section>
  )
}

/** Moves focus to `ref` whenever `outcome` is a new message, so a screen reader reads it and the keyboard continues from there. */
function useFocusOn<T extends HTMLElement>(outcome: Outcome | undefined) {
  const ref = useRef<T>(null)
  useEffect(() => {
    if (outcome) ref.current?.focus()
  }, [outcome])
  return ref
}

const DETAIL_FIELDS = ['name', 'address', 'phone', 'invoiceEmail'] as const
type DetailField = (typeof DETAIL_FIELDS)[number]

/** The admin's company details, and the form that changes them. */
function Details({ lang, strings, organisation, onSaved }: Common & { organisation: FullOrganisation; onSaved: (organisation: FullOrganisation) => void }) {
  const [isEditing, setEditing] = useState(false)
  const [saved, setSaved] = useState<Outcome>()
  const statusRef = useFocusOn<HTMLDivElement>(saved)
  const openRef = useRef<HTMLButtonElement>(null)
  const optional = (value: string | undefined) => value || <span class="meta">{strings['organisation.notGiven']}</span>

  function close(outcome?: Outcome) {
    setEditing(false)
    setSaved(outcome)
    // Without a message to read, the keyboard goes back to the button that opened the form.
    if (!outcome) openRef.current?.focus()
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
      <div role="status" tabIndex={-1} ref={statusRef}>
        {saved && <p class="notice ok">{saved.text}</p>}
      </div>
      <p>
        <button type="button" class="secondary" ref={openRef} aria-expanded={isEditing} aria-controls="organisation-edit"
          onClick={() => (isEditing ? close() : (setSaved(undefined), setEditing(true)))}>
          {strings['organisation.edit.open']}
        </button>
      </p>
      {isEditing && (
        <DetailsForm lang={lang} strings={strings} organisation={organisation}
          onCancel={() => close()}
          onSaved={(next, text) => { if (next) onSaved(next); close({ text }) }} />
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
  const [errors, setErrors] = useState<FormErrors>({ fields: {} })
  const [isBusy, setBusy] = useState(false)
  const formRef = useFocusFirstInvalid(errors)
  const firstRef = useRef<HTMLInputElement>(null)
  useEffect(() => firstRef.current?.focus(), [])

  async function submit(event: Event) {
    event.preventDefault()
    // Only what changed is sent: the audit log then says what the admin actually changed.
    const change: Partial<Record<DetailField, string>> = {}
    for (const field of DETAIL_FIELDS) if (values[field].trim() !== (organisation[field] ?? '')) change[field] = values[field]
    if (Object.keys(change).length === 0) return onSaved(undefined, strings['organisation.edit.unchanged'])
    setBusy(true)
    setErrors({ fields: {} })
    try {
      const reply = await call(portalApi(lang).organisation.$patch({ json: change }), strings)
      onSaved(reply.organisation, strings['organisation.edit.saved'])
    } catch (error) {
      setErrors(formErrors(error, {
        name: strings['organisation.invalid.name'], address: strings['organisation.invalid.address'],
        phone: strings['organisation.invalid.phone'], invoiceEmail: strings['organisation.invalid.invoiceEmail'],
      }, strings))
      setBusy(false)
    }
  }

  const input = (field: DetailField) => ({
    value: values[field],
    onInput: (e: { currentTarget: HTMLInputElement }) => setValues({ ...values, [field]: e.currentTarget.value }),
  })
  return (
    <form id="organisation-edit" class="portal-form" ref={formRef} onSubmit={submit} aria-labelledby="organisation-edit-title">
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
      {errors.summary && <p class="notice error" role="alert">{errors.summary}</p>}
      <div class="actions">
        <button type="submit" disabled={isBusy}>{strings['organisation.edit.save']}</button>
        <button type="button" class="secondary" onClick={onCancel}>{strings['organisation.edit.cancel']}</button>
      </div>
    </form>
  )
}

/** The admin's read-only records: subscriptions, invoices, projects and courses. */
function Records({ lang, strings, organisation }: Common & { organisation: FullOrganisation }) {
  return (
    <>
      <RecordTable id="organisation-subscriptions" title={strings['organisation.subscriptions.title']} none={strings['organisation.subscriptions.none']}
        head={[strings['organisation.subscriptions.name'], strings['organisation.subscriptions.since']]}
        rows={organisation.subscriptions.map((s) => [
          <>{s.name}{s.isFirstClass && <> <span class="badge ok">{strings['organisation.firstClass']}</span></>}</>,
          day(lang, s.since),
        ])} />
      <RecordTable id="organisation-invoices" title={strings['organisation.invoices.title']} none={strings['organisation.invoices.none']}
        head={[strings['organisation.invoices.number'], strings['organisation.invoices.date'], strings['organisation.invoices.amount'], strings['organisation.invoices.status']]}
        rows={organisation.invoices.map((i) => [
          i.number,
          day(lang, i.date),
          euros(lang, i.amountCents),
          i.isPaid ? <span class="badge ok">{strings['organisation.invoices.paid']}</span> : <span class="badge">{strings['organisation.invoices.open']}</span>,
        ])} />
      <RecordTable id="organisation-projects" title={strings['organisation.projects.title']} none={strings['organisation.projects.none']}
        head={[strings['organisation.projects.name'], strings['organisation.projects.status']]}
        rows={organisation.projects.map((p) => [p.name, p.status])} />
      <RecordTable id="organisation-courses" title={strings['organisation.courses.title']} none={strings['organisation.courses.none']}
        head={[strings['organisation.courses.name'], strings['organisation.courses.date'], strings['organisation.courses.participants']]}
        rows={organisation.courses.map((c) => [c.name, day(lang, c.date), String(c.participants)])} />
    </>
  )
}

/** A section with a heading and a table named by it, or a sentence saying there is nothing. The first cell heads its row. */
function RecordTable({ id, title, none, head, rows }: { id: string; title: string; none: string; head: string[]; rows: ComponentChildren[][] }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {rows.length === 0 ? <p>{none}</p> : (
        <table aria-labelledby={id}>
          <thead><tr>{head.map((h) => <th scope="col">{h}</th>)}</tr></thead>
          <tbody>
            {rows.map(([first, ...rest]) => <tr><th scope="row">{first}</th>{rest.map((cell) => <td>{cell}</td>)}</tr>)}
          </tbody>
        </table>
      )}
    </section>
  )
}

type ContactsState = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'loaded'; contacts: Contact[] }

const byName = (a: Contact, b: Contact) => a.name.localeCompare(b.name, 'nl')

/** The admin's contacts: who may sign in and file, with their role; each row changes one contact. */
function Contacts({ lang, strings, viewer }: Common & { viewer: Viewer }) {
  const [state, setState] = useState<ContactsState>({ kind: 'loading' })
  useEffect(() => {
    call(portalApi(lang).organisation.contacts.$get(), strings)
      .then(({ contacts }) => setState({ kind: 'loaded', contacts }))
      .catch((error) => setState({ kind: 'failed', message: messageOf(error, strings) }))
  }, [lang])

  const contacts = state.kind === 'loaded' ? state.contacts : []
  // Rows change independently: each update starts from the list as it is then.
  const update = (next: (contacts: Contact[]) => Contact[]) => setState((s) => (s.kind === 'loaded' ? { kind: 'loaded', contacts: next(s.contacts) } : s))
  function changed(contact: Contact) {
    update((list) => list.map((c) => (c.id === contact.id ? contact : c)))
    // An admin who gave up their own rights (another admin stays) may see less now: the page starts over.
    if (contact.id === viewer.id && !(contact.role === 'admin' && contact.isAuthorised && contact.isActive)) location.reload()
  }

  return (
    <section aria-labelledby="organisation-contacts">
      <h2 id="organisation-contacts">{strings['organisation.contacts.title']}</h2>
      <p>{strings['organisation.contacts.intro']}</p>
      {state.kind === 'loading' && <p class="meta" role="status">{strings.loading}</p>}
      {state.kind === 'failed' && <p class="notice error" role="alert">{state.message}</p>}
      {state.kind === 'loaded' && (contacts.length === 0 ? <p>{strings['organisation.contacts.none']}</p> : (
        <table class="contacts-table" aria-labelledby="organisation-contacts">
          <thead>
            <tr>
              <th scope="col">{strings['organisation.contacts.name']}</th>
              <th scope="col">{strings['organisation.contacts.email']}</th>
              <th scope="col">{strings['organisation.contacts.role']}</th>
              <th scope="col">{strings['organisation.contacts.isAuthorised']}</th>
              <th scope="col">{strings['organisation.contacts.isActive']}</th>
              <th scope="col">{strings['organisation.contacts.actions']}</th>
            </tr>
          </thead>
          <tbody>
            {contacts.map((contact) => <ContactRow key={contact.id} lang={lang} strings={strings} contact={contact} isSelf={contact.id === viewer.id} onChanged={changed} />)}
          </tbody>
        </table>
      ))}
      {state.kind === 'loaded' && (
        <AddContact lang={lang} strings={strings} onAdded={(contact) => update((list) => [...list, contact].sort(byName))} />
      )}
    </section>
  )
}

/** The changes that take someone's access away are confirmed first. */
type Risky = 'withdraw' | 'deactivate'

function ContactRow({ lang, strings, contact, isSelf, onChanged }: Common & { contact: Contact; isSelf: boolean; onChanged: (contact: Contact) => void }) {
  const [pending, setPending] = useState<Risky>()
  const [isBusy, setBusy] = useState(false)
  const [done, setDone] = useState<Outcome>()
  const [refused, setRefused] = useState<Outcome>()
  const doneRef = useFocusOn<HTMLDivElement>(done)
  const refusedRef = useFocusOn<HTMLParagraphElement>(refused)
  const questionRef = useRef<HTMLParagraphElement>(null)
  const triggers = { withdraw: useRef<HTMLButtonElement>(null), deactivate: useRef<HTMLButtonElement>(null) }
  useEffect(() => {
    if (pending) questionRef.current?.focus()
  }, [pending])

  async function change(json: ContactChange, message: string) {
    setBusy(true)
    setDone(undefined)
    setRefused(undefined)
    try {
      const reply = await call(portalApi(lang).organisation.contacts[':id'].$patch({ param: { id: contact.id }, json }), strings)
      onChanged(reply.contact)
      setDone({ text: format(message, { name: reply.contact.name }) })
    } catch (error) {
      setRefused({ text: messageOf(error, strings) })
    } finally {
      setBusy(false)
      setPending(undefined)
    }
  }

  function cancel() {
    const trigger = pending && triggers[pending].current
    setPending(undefined)
    trigger?.focus()
  }

  const ask = (risky: Risky) => {
    setDone(undefined)
    setRefused(undefined)
    setPending(risky)
  }
  // Every row has the same buttons: the hidden name tells them apart for a screen reader.
  const forWhom = <span class="visually-hidden"> ({contact.name})</span>
  const questionId = `contact-${contact.id}-question`
  return (
    <tr>
      <th scope="row">{contact.name}{isSelf && <> <span class="badge">{strings['organisation.contacts.you']}</span></>}</th>
      <td>{contact.email}</td>
      <td>{strings[contact.role === 'admin' ? 'organisation.role.admin' : 'organisation.role.employee']}</td>
      <td>{yesNo(strings, contact.isAuthorised)}</td>
      <td>{yesNo(strings, contact.isActive)}</td>
      <td>
        <div class="actions">
          {contact.role === 'admin'
            ? <button type="button" class="secondary" disabled={isBusy} onClick={() => change({ role: 'employee' }, strings['organisation.contacts.madeEmployee'])}>{strings['organisation.contacts.makeEmployee']}{forWhom}</button>
            : <button type="button" class="secondary" disabled={isBusy} onClick={() => change({ role: 'admin' }, strings['organisation.contacts.madeAdmin'])}>{strings['organisation.contacts.makeAdmin']}{forWhom}</button>}
          {contact.isAuthorised
            ? <button type="button" class="secondary" ref={triggers.withdraw} disabled={isBusy} aria-expanded={pending === 'withdraw'} onClick={() => ask('withdraw')}>{strings['organisation.contacts.withdraw']}{forWhom}</button>
            : <button type="button" class="secondary" ref={triggers.withdraw} disabled={isBusy} onClick={() => change({ isAuthorised: true }, strings['organisation.contacts.authorised'])}>{strings['organisation.contacts.authorise']}{forWhom}</button>}
          {contact.isActive
            ? <button type="button" class="secondary" ref={triggers.deactivate} disabled={isBusy} aria-expanded={pending === 'deactivate'} onClick={() => ask('deactivate')}>{strings['organisation.contacts.deactivate']}{forWhom}</button>
            : <button type="button" class="secondary" ref={triggers.deactivate} disabled={isBusy} onClick={() => change({ isActive: true }, strings['organisation.contacts.reactivated'])}>{strings['organisation.contacts.reactivate']}{forWhom}</button>}
        </div>
        {pending && (
          <div role="group" aria-labelledby={questionId} onKeyDown={(e) => { if (e.key === 'Escape') cancel() }}>
            <p id={questionId} tabIndex={-1} ref={questionRef}>
              {format(strings[pending === 'withdraw' ? 'organisation.contacts.confirmWithdraw' : 'organisation.contacts.confirmDeactivate'], { name: contact.name })}
            </p>
            <div class="actions">
              <button type="button" disabled={isBusy}
                onClick={() => (pending === 'withdraw'
                  ? change({ isAuthorised: false }, strings['organisation.contacts.withdrawn'])
                  : change({ isActive: false }, strings['organisation.contacts.deactivated']))}>
                {strings['organisation.contacts.confirmYes']}
              </button>
              <button type="button" class="secondary" onClick={cancel}>{strings['organisation.contacts.confirmCancel']}</button>
            </div>
          </div>
        )}
        <div role="status" tabIndex={-1} ref={doneRef}>{done && <p>{done.text}</p>}</div>
        {refused && <p class="notice error" role="alert" tabIndex={-1} ref={refusedRef}>{refused.text}</p>}
      </td>
    </tr>
  )
}

/** The form that adds a contact of the admin's organisation, authorised at once. */
function AddContact({ lang, strings, onAdded }: Common & { onAdded: (contact: Contact) => void }) {
  const empty = { name: '', email: '', role: 'employee' as Contact['role'], lang, isAuthorised: true }
  const [values, setValues] = useState(empty)
  const [errors, setErrors] = useState<FormErrors>({ fields: {} })
  const [isBusy, setBusy] = useState(false)
  const [added, setAdded] = useState<Outcome>()
  const formRef = useFocusFirstInvalid(errors)
  const statusRef = useFocusOn<HTMLDivElement>(added)

  async function submit(event: Event) {
    event.preventDefault()
    setBusy(true)
    setErrors({ fields: {} })
    setAdded(undefined)
    try {
      const { contact } = await call(portalApi(lang).organisation.contacts.$post({ json: values }), strings)
      onAdded(contact)
      setValues(empty)
      setAdded({ text: format(strings['organisation.add.added'], { name: contact.name }) })
    } catch (error) {
      setErrors(formErrors(error, { name: strings['organisation.invalid.name'], email: strings['organisation.invalid.email'] }, strings))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form class="portal-form" ref={formRef} onSubmit={submit} aria-labelledby="contact-add-title">
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
      {errors.summary && <p class="notice error" role="alert">{errors.summary}</p>}
      <div><button type="submit" disabled={isBusy}>{strings['organisation.add.submit']}</button></div>
      <div role="status" tabIndex={-1} ref={statusRef}>
        {added && <p class="notice ok">{added.text}</p>}
      </div>
    </form>
  )
}
