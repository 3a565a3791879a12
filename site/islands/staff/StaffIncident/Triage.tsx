/**
 * Priority by the desk's guidance (priority 1 only for First Class), the status moves allowed
 * from the current one, the team and its members. A change someone else made first (409) shows
 * their state and keeps the page's other forms as typed.
 */
import { useEffect, useState } from 'preact/hooks'
import { format } from '#lib/format.ts'
import { ApiFailure, call, portalApi } from '../../lib/api.ts'
import { Field, FieldSet } from '../../lib/Field.tsx'
import { ResultMessage } from '../../lib/ResultMessage.tsx'
import { useSubmit } from '../../lib/use-submit.ts'
import { moment } from '../../portal/format.ts'
import { assigneeForTeam, assigneeOptions, priorityOptions, statusName, statusOptions, triageChange, type TriageForm } from '../incident-view.ts'
import type { Desk, FormProps, People } from './common.ts'

export function Triage({ incident, organisationName, isFirstClass, people, desk, lang, strings, onReload }: FormProps & { organisationName: string; isFirstClass: boolean; people: People; desk: Desk }) {
  const saved = (): TriageForm => ({ priority: incident.priority, status: incident.status, team: incident.team, assigneeId: incident.assigneeId })
  const [form, setForm] = useState<TriageForm>(saved)
  const submit = useSubmit({
    texts: strings,
    refusal: 'result',
    fields: {
      priority: strings['incident.triage.priorityInvalid'], team: strings['incident.triage.teamInvalid'],
      assigneeId: strings['incident.triage.assigneeInvalid'], status: strings['incident.triage.statusHint'],
    },
  })
  const errors = submit.errors.fields
  // The incident changed (saved here or elsewhere): the form shows its state.
  useEffect(() => setForm(saved()), [incident.version])

  const priorities = priorityOptions(desk.priorities, isFirstClass)
  const members = assigneeOptions(people.staff, form.team, form.team === incident.team ? incident.assigneeId : null)

  function save(event: Event) {
    event.preventDefault()
    const change = triageChange({ ...saved(), version: incident.version }, form)
    if (!change) return submit.say({ kind: 'ok', text: strings['incident.triage.unchanged'] })
    return submit.run(async () => {
      const { incident: updated } = await call(portalApi(lang).incidents[':id'].$patch({ param: { id: incident.id }, json: change }), strings)
      await onReload()
      const dueAt = updated.sla?.dueAt
      return { kind: 'ok', text: dueAt ? format(strings['incident.triage.saved'], { due: moment(lang, dueAt) }) : strings['incident.triage.savedNoTarget'] }
    }, {
      refused: async (failure) => {
        if (!(failure instanceof ApiFailure && failure.code === 'version_conflict')) return undefined
        await onReload()
        return { kind: 'error', text: `${failure.message} ${strings['incident.reloaded']}` }
      },
    })
  }

  return (
    <form class="portal-form triage" onSubmit={save} aria-labelledby="triage-title">
      <h3 id="triage-title">{strings['incident.triage.title']}</h3>
      <FieldSet id="triage-priority" legend={strings['incident.priority']} hintId="triage-priority-hint" error={errors.priority}>
        <p class="hint" id="triage-priority-hint">{strings['incident.triage.priorityHint']}</p>
        {priorities.map((p) => (
          <div class="priority-option" key={p.level}>
            <label class="choice">
              <input
                type="radio" name="priority" value={p.level} checked={form.priority === p.level} disabled={!p.isOffered}
                aria-describedby={p.isOffered ? `priority-${p.level}-guidance` : `priority-${p.level}-refusal priority-${p.level}-guidance`}
                onChange={() => setForm({ ...form, priority: p.level })}
              />
              {format(strings['incident.triage.priorityOption'], { level: p.level, name: p.name[lang] })}
            </label>
            <p class="hint" id={`priority-${p.level}-guidance`}>{p.description[lang]} <strong>{p.targetText[lang]}</strong></p>
            {!p.isOffered && <p class="hint refusal" id={`priority-${p.level}-refusal`}>{format(strings['incident.triage.firstClassOnly'], { organisation: organisationName })}</p>}
          </div>
        ))}
      </FieldSet>
      <Field id="triage-status" label={strings['incident.status']} hint={strings['incident.triage.statusHint']} isHintBelow error={errors.status}>
        {(aria) => (
          <select {...aria} value={form.status} onChange={(e) => setForm({ ...form, status: e.currentTarget.value as TriageForm['status'] })}>
            {statusOptions(incident.status).map((s, i) => (
              <option key={s} value={s}>{i === 0 ? format(strings['incident.triage.statusCurrent'], { status: statusName(strings, s) }) : statusName(strings, s)}</option>
            ))}
          </select>
        )}
      </Field>
      <Field id="triage-team" label={strings['incident.team']} error={errors.team}>
        {(aria) => (
          <select {...aria} value={form.team}
            onChange={(e) => { const team = e.currentTarget.value; setForm({ ...form, team, assigneeId: assigneeForTeam(people.staff, team, form.assigneeId) }) }}>
            {people.teams.map((t) => <option key={t.key} value={t.key}>{t.name[lang]}</option>)}
          </select>
        )}
      </Field>
      <Field id="triage-assignee" label={strings['incident.assignee']} hint={strings['incident.triage.assigneeHint']} isHintBelow error={errors.assigneeId}>
        {(aria) => (
          <select {...aria} value={form.assigneeId ?? ''} onChange={(e) => setForm({ ...form, assigneeId: e.currentTarget.value || null })}>
            <option value="">{strings['incident.unassigned']}</option>
            {members.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        )}
      </Field>
      <ResultMessage result={submit.result} target={submit.resultRef} />
      <div class="actions"><button type="submit" disabled={submit.isBusy()}>{strings['incident.triage.save']}</button></div>
    </form>
  )
}
