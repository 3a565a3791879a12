/** The portal's incidents by role, with filters on status, kind and (for an admin) contact. */
import { useState } from 'preact/hooks'
import { format } from '#lib/format.ts'
import { call, portalApi } from '../../lib/api.ts'
import { FailureNote } from '../../lib/ResultMessage.tsx'
import type { Viewer } from '../../lib/SignedIn.tsx'
import { useLoad } from '../../lib/use-load.ts'
import { KINDS, STATUSES, kindName, statusName } from '../labels.ts'
import type { PortalProps } from '../paths.ts'
import { Target } from './Target.tsx'

export function IncidentList({ viewer, lang, strings, paths }: PortalProps & { viewer: Viewer }) {
  const isAdmin = viewer.role === 'admin'
  const [status, setStatus] = useState('')
  const [kind, setKind] = useState('')
  const [contactId, setContactId] = useState('')
  // The contact filter offers the organisation's contacts; without them it offers none.
  const contacts = useLoad(async () => (isAdmin ? (await call(portalApi(lang).organisation.contacts.$get(), strings)).contacts : []), [isAdmin], strings).data ?? []
  const list = useLoad(() => {
    const query = { ...(status ? { status } : {}), ...(kind ? { kind } : {}), ...(contactId ? { contactId } : {}) }
    return call(portalApi(lang).incidents.$get({ query }), strings).then((r) => r.incidents)
  }, [status, kind, contactId], strings)
  const rows = list.data
  const error = list.message

  return (
    <>
      <p>{isAdmin ? strings['incidents.introAdmin'] : strings['incidents.introEmployee']}</p>
      <p><a class="button" href={paths.newIncident}>{strings['nav.new']}</a></p>
      <form class="filters" aria-label={strings['incidents.filters']} onSubmit={(e) => e.preventDefault()}>
        <label>
          {strings['incidents.status']}
          <select value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
            <option value="">{strings['incidents.all']}</option>
            {STATUSES.map((s) => <option value={s}>{statusName(strings, s)}</option>)}
          </select>
        </label>
        <label>
          {strings['incidents.kind']}
          <select value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
            <option value="">{strings['incidents.all']}</option>
            {KINDS.map((k) => <option value={k}>{kindName(strings, k)}</option>)}
          </select>
        </label>
        {isAdmin && (
          <label>
            {strings['incidents.contact']}
            <select value={contactId} onChange={(e) => setContactId(e.currentTarget.value)}>
              <option value="">{strings['incidents.all']}</option>
              {contacts.map((c) => <option value={c.id}>{c.name}</option>)}
            </select>
          </label>
        )}
      </form>
      <FailureNote message={error} />
      <div role="status" class="meta">{rows && format(strings[rows.length === 1 ? 'incidents.countOne' : 'incidents.count'], { count: rows.length })}</div>
      {rows === undefined && !error && <p class="meta">{strings.loading}</p>}
      {rows && rows.length > 0 && (
        <table>
          <caption class="visually-hidden">{strings['nav.incidents']}</caption>
          <thead>
            <tr>
              <th scope="col">{strings['incidents.number']}</th>
              <th scope="col">{strings['incidents.subject']}</th>
              <th scope="col">{strings['incidents.status']}</th>
              <th scope="col">{strings['incidents.priority']}</th>
              <th scope="col">{strings['incidents.due']}</th>
              {isAdmin && <th scope="col">{strings['incidents.contact']}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>{row.number}</td>
                <td><a href={`${paths.incidents}?id=${encodeURIComponent(row.id)}`}>{row.subject}</a></td>
                <td>{statusName(strings, row.status)}</td>
                <td>{row.priority ?? <span class="meta">{strings['incidents.notSet']}</span>}</td>
                <td><Target sla={row.sla} lang={lang} strings={strings} /></td>
                {isAdmin && <td>{row.contactName}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
