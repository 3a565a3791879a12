/** Extra support outside business hours: whether it is billed, the form to ask for it, and the requests so far. */
import { format } from '#lib/format.ts'
import { call, portalApi } from '../../lib/api.ts'
import { useLoad } from '../../lib/use-load.ts'
import { extraSupportBadge } from '../access-view.ts'
import { moment } from '../format.ts'
import type { ExtraSupport } from './consents.ts'
import { ExtraSupportForm } from './ExtraSupportForm.tsx'
import { BadgeOf, windowText, type SectionProps } from './section.tsx'

export function ExtraSupportSection({ requests, ...props }: SectionProps & { requests: ExtraSupport[] }) {
  const { lang, strings, isAdmin } = props
  // Unknown until read (or when the read fails): the sentence then covers both cases.
  const isFirstClass = useLoad(async () => (await call(portalApi(lang).organisation.$get(), strings)).organisation.isFirstClass, [lang], strings).data

  const billing = isFirstClass === undefined ? 'access.extra.billedUnlessFirstClass' : isFirstClass ? 'access.extra.notBilled' : 'access.extra.billed'
  const title = strings[isAdmin ? 'access.extra.listTitleAdmin' : 'access.extra.listTitleEmployee']
  return (
    <section aria-labelledby="access-extra">
      <h2 id="access-extra">{strings['access.extra.title']}</h2>
      <p>{strings['access.extra.intro']}</p>
      <p>{strings[billing]}</p>
      <ExtraSupportForm {...props} />
      <h3 id="access-extra-list">{title}</h3>
      {requests.length === 0 ? <p class="meta">{strings['access.extra.none']}</p> : (
        <table class="stack" aria-labelledby="access-extra-list">
          <thead>
            <tr>
              <th scope="col">{strings['access.extra.window']}</th>
              <th scope="col">{strings['access.extra.reasonColumn']}</th>
              <th scope="col">{strings['access.extra.status']}</th>
              <th scope="col">{strings['access.extra.billing']}</th>
              {isAdmin && <th scope="col">{strings['access.extra.requestedBy']}</th>}
              <th scope="col">{strings['access.extra.decision']}</th>
            </tr>
          </thead>
          <tbody>
            {requests.map((request) => (
              <tr key={request.id}>
                <th scope="row" data-label={strings['access.extra.window']}>{windowText(lang, strings, request)}</th>
                <td class="text" data-label={strings['access.extra.reasonColumn']}>{request.reason}</td>
                <td data-label={strings['access.extra.status']}><BadgeOf badge={extraSupportBadge(strings, request.status)} /></td>
                <td data-label={strings['access.extra.billing']}>{strings[request.isBilled ? 'access.extra.isBilled' : 'access.extra.isNotBilled']}</td>
                {isAdmin && <td data-label={strings['access.extra.requestedBy']}>{request.contact.name}</td>}
                <td data-label={strings['access.extra.decision']}>
                  {request.decidedBy && request.decidedAt
                    ? <>{format(strings['access.backup.decidedBy'], { name: format(strings['incidents.bySupport'], { name: request.decidedBy.name }), time: moment(lang, request.decidedAt) })}{request.decisionNote && <>: <span class="text">{request.decisionNote}</span></>}</>
                    : <span class="meta">{strings['access.extra.noDecision']}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
