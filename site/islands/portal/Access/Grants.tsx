/** Temporary access: the grants of the organisation (or of the employee's incidents), each revocable by an admin while active. */
import { format } from '#lib/format.ts'
import { portalApi } from '../../lib/api.ts'
import { ResultMessage } from '../../lib/ResultMessage.tsx'
import { useSubmit } from '../../lib/use-submit.ts'
import { grantBadge, levelName } from '../access-view.ts'
import { moment } from '../format.ts'
import { acted, isGrant, refusal, type Grant } from './consents.ts'
import { GrantForm } from './GrantForm.tsx'
import { BadgeOf, incidentLink, type SectionProps } from './section.tsx'

export function Grants({ grants, ...props }: SectionProps & { grants: Grant[] }) {
  const { lang, strings, paths, isAdmin, onActed } = props
  const submit = useSubmit({ texts: strings })

  const revoke = (grant: Grant) => submit.run(async () => {
    const request = portalApi(lang).grants[':id'].revoke.$post({ param: { id: grant.id }, json: { version: grant.version } })
    const { grant: revoked } = await acted<{ grant: Grant }>(request, strings)
    onActed(revoked)
    return { kind: 'ok', text: format(strings['access.grant.revokedDone'], { number: grant.incident?.number ?? '' }) }
  }, { key: grant.id, refused: (failure) => refusal(failure, strings, (current) => (isGrant(current) ? grantBadge(strings, current).text : ''), props) })

  return (
    <section aria-labelledby="access-grants">
      <h2 id="access-grants">{strings['access.grants.title']}</h2>
      <p>{strings[isAdmin ? 'access.grants.introAdmin' : 'access.grants.introEmployee']}</p>
      {grants.length === 0 ? <p class="meta">{strings['access.grants.none']}</p> : (
        <table class="stack" aria-labelledby="access-grants">
          <thead>
            <tr>
              <th scope="col">{strings['access.grants.incident']}</th>
              <th scope="col">{strings['access.grants.level']}</th>
              <th scope="col">{strings['access.grants.endsAt']}</th>
              <th scope="col">{strings['access.grants.status']}</th>
              <th scope="col">{strings['access.grants.grantedBy']}</th>
              {isAdmin && <th scope="col">{strings['access.grants.action']}</th>}
            </tr>
          </thead>
          <tbody>
            {grants.map((grant) => (
              <tr key={grant.id}>
                <th scope="row" data-label={strings['access.grants.incident']}>{incidentLink(paths, grant.incident, strings)}</th>
                <td data-label={strings['access.grants.level']}>{levelName(strings, grant.level)}</td>
                <td data-label={strings['access.grants.endsAt']}><time dateTime={grant.endsAt}>{moment(lang, grant.endsAt)}</time></td>
                <td data-label={strings['access.grants.status']}><BadgeOf badge={grantBadge(strings, grant)} /></td>
                <td data-label={strings['access.grants.grantedBy']}>{grant.grantedBy.name}</td>
                {isAdmin && (
                  <td data-label={strings['access.grants.action']}>
                    {grant.isActive && (
                      <button type="button" class="secondary" disabled={submit.isBusy(grant.id)} onClick={() => void revoke(grant)}>
                        {format(strings['access.grant.revoke'], { number: grant.incident?.number ?? '' })}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ResultMessage result={submit.result} target={submit.resultRef} />
      {isAdmin && <GrantForm {...props} />}
    </section>
  )
}
