/**
 * The grants with their state; an active one offers its use, which the server checks against its
 * own clock: a grant revoked a moment ago is refused (410) and shown as it now stands.
 */
import { format } from '#lib/format.ts'
import { ApiFailure, call, portalApi } from '../../lib/api.ts'
import { ResultMessage } from '../../lib/ResultMessage.tsx'
import { useSubmit } from '../../lib/use-submit.ts'
import { moment } from '../../portal/format.ts'
import { byLine, grantBadge, grantState, levelName } from '../access-view.ts'
import { BadgeOf, isGrant, type Grant, type ListProps } from './consents.tsx'

export function Grants({ grants, organisationName, lang, strings, onActed }: Omit<ListProps, 'onReload'> & { grants: Grant[]; organisationName: string }) {
  const submit = useSubmit({ texts: strings })

  const use = (grant: Grant) => submit.run(async () => {
    const res = await portalApi(lang).grants[':id'].use.$post({ param: { id: grant.id } })
    if (res.status === 410) {
      // The refusal carries the grant as it stands (the client's type knows only the error part): shown at once, whatever the next poll brings.
      const refusal = (await res.json()) as unknown as { message: string; grant: Grant }
      onActed(refusal.grant)
      return { kind: 'error', text: refusal.message }
    }
    const { grant: used } = await call(Promise.resolve(res), strings)
    onActed(used)
    if (isGrant(used)) return { kind: 'ok', text: format(strings['access.grant.inUse'], { time: moment(lang, used.endsAt), level: levelName(strings, used.level) }) }
  }, { key: grant.id, refused: (failure) => ({ kind: 'error', text: failure instanceof ApiFailure ? failure.message : strings.network }) })

  return (
    <>
      {grants.length === 0
        ? <p class="meta">{format(strings['access.grants.none'], { organisation: organisationName })}</p>
        : (
          <ul class="consents">
            {grants.map((grant) => {
              const id = `grant-${grant.id}`
              return (
                <li key={grant.id} class={`consent-item ${grantState(grant)}`}>
                  <p id={id}>
                    <strong>{format(strings['access.grant.item'], { level: levelName(strings, grant.level), time: moment(lang, grant.endsAt) })}</strong>{' '}
                    <BadgeOf badge={grantBadge(strings, grant)} />
                  </p>
                  <p class="meta">
                    {byLine(lang, strings['access.grant.givenBy'], grant.grantedBy, grant.createdAt)}
                    {grant.revokedAt && <><br />{byLine(lang, strings['access.grant.revokedBy'], grant.revokedBy, grant.revokedAt)}</>}
                  </p>
                  {grant.isActive && (
                    <div class="actions">
                      <button type="button" aria-describedby={id} disabled={submit.isBusy(grant.id)} onClick={() => void use(grant)}>{strings['access.grant.use']}</button>
                    </div>
                  )}
                </li>
              )
            })}
          </ul>
        )}
      <ResultMessage result={submit.result} target={submit.resultRef} />
    </>
  )
}
