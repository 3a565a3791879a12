/** The organisation's latest other incidents, each opening its own console page. */
import { format } from '#lib/format.ts'
import { moment } from '../../portal/format.ts'
import { kindName, statusName } from '../incident-view.ts'
import type { StaffPaths } from '../props.ts'
import type { Common, StaffDetail } from './common.ts'

export function History({ history, organisationName, lang, strings, paths }: Common & { history: StaffDetail['history']; organisationName: string; paths: StaffPaths }) {
  const title = format(strings['incident.history.title'], { organisation: organisationName })
  return (
    <section aria-labelledby="history-title">
      <h3 id="history-title">{title}</h3>
      {history.length === 0
        ? <p class="meta">{strings['incident.history.none']}</p>
        : (
          <div class="table-scroll">
            <table class="stack">
              <caption class="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{strings['incident.history.number']}</th>
                  <th scope="col">{strings['incident.history.subject']}</th>
                  <th scope="col">{strings['incident.status']}</th>
                  <th scope="col">{strings['incident.kind']}</th>
                  <th scope="col">{strings['incident.registered']}</th>
                  <th scope="col">{strings['incident.history.sameContact']}</th>
                </tr>
              </thead>
              <tbody>
                {history.map((h) => (
                  <tr key={h.id}>
                    <td data-label={strings['incident.history.number']}>{h.number}</td>
                    <td data-label={strings['incident.history.subject']}><a href={`${paths.incident}?id=${encodeURIComponent(h.id)}`}>{h.subject}</a></td>
                    <td data-label={strings['incident.status']}>{statusName(strings, h.status)}</td>
                    <td data-label={strings['incident.kind']}>{kindName(strings, h.kind)}</td>
                    <td data-label={strings['incident.registered']}><time dateTime={h.registeredAt}>{moment(lang, h.registeredAt)}</time></td>
                    <td data-label={strings['incident.history.sameContact']}>{strings[h.isSameContact ? 'incident.yes' : 'incident.no']}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
    </section>
  )
}
