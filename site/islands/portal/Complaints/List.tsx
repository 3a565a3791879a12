/** The complaints and opinions the contact may see: their own, or (for an admin) the organisation's, as far as read (the overview reads further pages). */
import { FailureNote } from '../../lib/ResultMessage.tsx'
import type { Viewer } from '../../lib/SignedIn.tsx'
import { kindName, pageOf, statusName, type Props, type Row } from './common.ts'
import { Target } from './Target.tsx'

export function ComplaintList({ viewer, lang, strings, paths, rows, error }: Props & { viewer: Viewer; rows: Row[] | undefined; error: string | undefined }) {
  const isAdmin = viewer.role === 'admin'
  const title = strings[isAdmin ? 'complaints.listTitleAdmin' : 'complaints.listTitleEmployee']
  return (
    <section aria-labelledby="complaints-list-title">
      <h2 id="complaints-list-title">{title}</h2>
      <p>{strings[isAdmin ? 'complaints.listIntroAdmin' : 'complaints.listIntroEmployee']}</p>
      <FailureNote message={error} />
      {rows === undefined && !error && <p class="meta">{strings.loading}</p>}
      {rows?.length === 0 && <p class="meta">{strings['complaints.empty']}</p>}
      {rows && rows.length > 0 && (
        <table class="stack">
          <caption class="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{strings['complaints.number']}</th>
              <th scope="col">{strings['complaints.kind']}</th>
              <th scope="col">{strings['complaints.subject']}</th>
              <th scope="col">{strings['complaints.status']}</th>
              <th scope="col">{strings['complaints.due']}</th>
              {isAdmin && <th scope="col">{strings['complaints.contact']}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td data-label={strings['complaints.number']}>{row.number}</td>
                <td data-label={strings['complaints.kind']}>{kindName(strings, row.kind)}</td>
                <td data-label={strings['complaints.subject']}><a href={pageOf(paths, row.id)}>{row.subject}</a></td>
                <td data-label={strings['complaints.status']}>{statusName(strings, row.status)}</td>
                <td data-label={strings['complaints.due']}><Target complaint={row} lang={lang} strings={strings} /></td>
                {isAdmin && <td data-label={strings['complaints.contact']}>{row.contact.name}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
