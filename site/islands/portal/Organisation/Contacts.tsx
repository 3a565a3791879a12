/** The admin's contacts: who may sign in and file, with their role; each row changes one contact, and the form adds one. */
import { call, portalApi } from '../../lib/api.ts'
import { Pending } from '../../lib/ResultMessage.tsx'
import type { Viewer } from '../../lib/SignedIn.tsx'
import { useLoad } from '../../lib/use-load.ts'
import { AddContact } from './AddContact.tsx'
import type { Common, Contact } from './common.ts'
import { ContactRow } from './ContactRow.tsx'

const byName = (a: Contact, b: Contact) => a.name.localeCompare(b.name, 'nl')

export function Contacts({ lang, strings, viewer }: Common & { viewer: Viewer }) {
  const list = useLoad(async () => (await call(portalApi(lang).organisation.contacts.$get(), strings)).contacts, [lang], strings)
  const contacts = list.data

  function changed(contact: Contact) {
    // Rows change independently: each update starts from the list as it is then.
    list.update((shown) => shown.map((c) => (c.id === contact.id ? contact : c)))
    // An admin who gave up their own rights (another admin stays) may see less now: the page starts over.
    if (contact.id === viewer.id && !(contact.role === 'admin' && contact.isAuthorised && contact.isActive)) location.reload()
  }

  return (
    <section aria-labelledby="organisation-contacts">
      <h2 id="organisation-contacts">{strings['organisation.contacts.title']}</h2>
      <p>{strings['organisation.contacts.intro']}</p>
      {!contacts && <Pending message={list.message} loading={strings.loading} />}
      {contacts && (contacts.length === 0 ? <p>{strings['organisation.contacts.none']}</p> : (
        <table class="contacts-table stack" aria-labelledby="organisation-contacts">
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
      {contacts && <AddContact lang={lang} strings={strings} onAdded={(contact) => list.update((shown) => [...shown, contact].sort(byName))} />}
    </section>
  )
}
