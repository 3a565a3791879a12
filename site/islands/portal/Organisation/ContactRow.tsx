/** One contact's row: role, authorisation and activity, each changed by a button; taking access away is confirmed first. */
import { useEffect, useRef, useState } from 'preact/hooks'
import { format } from '#lib/format.ts'
import { call, messageOf, portalApi } from '../../lib/api.ts'
import { ResultMessage } from '../../lib/ResultMessage.tsx'
import { useSubmit } from '../../lib/use-submit.ts'
import { yesNo, type Common, type Contact, type ContactChange } from './common.ts'

/** The changes that take someone's access away are confirmed first. */
type Risky = 'withdraw' | 'deactivate'

export function ContactRow({ lang, strings, contact, isSelf, onChanged }: Common & { contact: Contact; isSelf: boolean; onChanged: (contact: Contact) => void }) {
  const [pending, setPending] = useState<Risky>()
  const submit = useSubmit({ texts: strings })
  const isBusy = submit.isBusy()
  const questionRef = useRef<HTMLParagraphElement>(null)
  const triggers = { withdraw: useRef<HTMLButtonElement>(null), deactivate: useRef<HTMLButtonElement>(null) }
  useEffect(() => {
    if (pending) questionRef.current?.focus()
  }, [pending])

  const change = (json: ContactChange, message: string) => submit.run(async () => {
    const reply = await call(portalApi(lang).organisation.contacts[':id'].$patch({ param: { id: contact.id }, json }), strings)
    onChanged(reply.contact)
    return { kind: 'ok', text: format(message, { name: reply.contact.name }) }
  }, { refused: (failure) => ({ kind: 'error', text: messageOf(failure, strings) }), settled: () => setPending(undefined) })

  function cancel() {
    const trigger = pending && triggers[pending].current
    setPending(undefined)
    trigger?.focus()
  }

  const ask = (risky: Risky) => {
    submit.say(undefined)
    setPending(risky)
  }
  // Every row has the same buttons: the hidden name tells them apart for a screen reader.
  const forWhom = <span class="visually-hidden"> ({contact.name})</span>
  const questionId = `contact-${contact.id}-question`
  return (
    <tr>
      <th scope="row">{contact.name}{isSelf && <> <span class="badge">{strings['organisation.contacts.you']}</span></>}</th>
      <td data-label={strings['organisation.contacts.email']}>{contact.email}</td>
      <td data-label={strings['organisation.contacts.role']}>{strings[contact.role === 'admin' ? 'organisation.role.admin' : 'organisation.role.employee']}</td>
      <td data-label={strings['organisation.contacts.isAuthorised']}>{yesNo(strings, contact.isAuthorised)}</td>
      <td data-label={strings['organisation.contacts.isActive']}>{yesNo(strings, contact.isActive)}</td>
      <td data-label={strings['organisation.contacts.actions']}>
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
        <ResultMessage result={submit.result} target={submit.resultRef} isPlain />
      </td>
    </tr>
  )
}
