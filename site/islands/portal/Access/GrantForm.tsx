/** The admin's form that gives support access for one open incident, at a level, until a moment at most 14 days ahead. */
import { useState } from 'preact/hooks'
import { ACCESS_LEVELS, type AccessLevel } from '#domain/records.ts'
import { format } from '#lib/format.ts'
import { call, portalApi } from '../../lib/api.ts'
import { Field, FieldSet } from '../../lib/Field.tsx'
import { FailureNote, ResultMessage } from '../../lib/ResultMessage.tsx'
import { useLoad } from '../../lib/use-load.ts'
import { useSubmit } from '../../lib/use-submit.ts'
import { defaultGrantEnd, isGrantable, isoOfLocal, latestGrantEnd, levelHint, levelName } from '../access-view.ts'
import { moment } from '../format.ts'
import type { Grant } from './consents.ts'
import type { SectionProps } from './section.tsx'

const LEVEL_IDS: Record<AccessLevel, string> = { read_only: 'read-only', functional_user: 'functional-user', administrator: 'administrator' }

export function GrantForm({ lang, strings, onActed }: SectionProps) {
  const open = useLoad(async () => (await call(portalApi(lang).incidents.$get({ query: {} }), strings)).incidents.filter(isGrantable), [lang], strings)
  const incidents = open.data
  const [incidentId, setIncidentId] = useState('')
  const [level, setLevel] = useState<AccessLevel>('read_only')
  const [endsAt, setEndsAt] = useState(() => defaultGrantEnd(new Date()))
  const submit = useSubmit({ texts: strings, fields: { level: strings['access.grantForm.invalidLevel'], endsAt: strings['access.grantForm.invalidEndsAt'] } })

  function give(event: Event) {
    event.preventDefault()
    const iso = isoOfLocal(endsAt)
    if (!iso) return submit.refuse({ fields: { endsAt: strings['access.grantForm.invalidEndsAt'] } })
    return submit.run(async () => {
      // The typed client reads the schema's parsed side (a Date); JSON sends the same instant as an ISO string.
      const request = portalApi(lang).incidents[':id'].grants.$post({ param: { id: incidentId }, json: { level, endsAt: new Date(iso) } })
      const { grant } = (await call(request, strings)) as { grant: Grant }
      onActed(grant)
      setIncidentId('')
      setEndsAt(defaultGrantEnd(new Date()))
      return { kind: 'ok', text: format(strings['access.grantForm.given'], { level: levelName(strings, grant.level, true), number: grant.incident?.number ?? '', end: moment(lang, grant.endsAt) }) }
    })
  }

  if (incidents?.length === 0) return <p class="notice">{strings['access.grantForm.noIncidents']}</p>
  const { errors } = submit
  return (
    <form class="portal-form" ref={submit.formRef} onSubmit={give} aria-labelledby="grant-form-title">
      <h3 id="grant-form-title">{strings['access.grantForm.title']}</h3>
      <Field id="grant-incident" label={strings['access.grantForm.incident']} hint={strings['access.grantForm.incidentHint']}>
        {(aria) => (
          <select {...aria} name="incident" required value={incidentId} onChange={(e) => setIncidentId(e.currentTarget.value)}>
            <option value="">{incidents ? strings['access.grantForm.choose'] : strings.loading}</option>
            {incidents?.map((incident) => (
              <option key={incident.id} value={incident.id}>{format(strings['access.grantForm.incidentOption'], { number: incident.number, subject: incident.subject })}</option>
            ))}
          </select>
        )}
      </Field>
      <FieldSet id="grant-level" legend={strings['access.grantForm.level']} error={errors.fields.level} isErrorUnnamed>
        {ACCESS_LEVELS.map((value) => (
          <div key={value}>
            <label class="choice">
              <input type="radio" name="level" value={value} checked={level === value} onChange={() => setLevel(value)} aria-describedby={`grant-level-${LEVEL_IDS[value]}-hint`} />
              <span>{levelName(strings, value)}</span>
            </label>
            <p class="hint" id={`grant-level-${LEVEL_IDS[value]}-hint`}>{levelHint(strings, value)}</p>
          </div>
        ))}
      </FieldSet>
      <Field id="grant-ends-at" label={strings['access.grantForm.endsAt']} error={errors.fields.endsAt}
        hint={format(strings['access.grantForm.endsAtHint'], { latest: moment(lang, latestGrantEnd(new Date()).toISOString()) })}>
        {(aria) => <input {...aria} type="datetime-local" name="endsAt" required value={endsAt} onInput={(e) => setEndsAt(e.currentTarget.value)} />}
      </Field>
      <FailureNote message={errors.summary ?? open.message} />
      <div class="actions"><button type="submit" disabled={submit.isBusy() || !incidents}>{strings['access.grantForm.submit']}</button></div>
      <ResultMessage result={submit.result} target={submit.resultRef} />
    </form>
  )
}
