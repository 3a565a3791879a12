/** One complaint in the console: its details and the incident it is about, the customer's text, its history with internal notes, and support's actions. */
import { Fragment } from 'preact'
import { useState } from 'preact/hooks'
import { format } from '#lib/format.ts'
import { ApiFailure, call, portalApi } from '../../lib/api.ts'
import { Field, FieldSet } from '../../lib/Field.tsx'
import { FailureNote, Pending, ResultMessage } from '../../lib/ResultMessage.tsx'
import type { StaffViewer } from '../../lib/SignedIn.tsx'
import { useLoad } from '../../lib/use-load.ts'
import { useSubmit, type RunOptions } from '../../lib/use-submit.ts'
import { moment } from '../../portal/format.ts'
import type { StaffProps } from '../props.ts'
import { complaintHistory, complaintStatusName, nextStatuses, type ComplaintHistoryEntry, type ComplaintStatus } from '../complaints-view.ts'
import type { PartProps, People, StaffComplaint } from './common.ts'
import { Due } from './Due.tsx'

type Reload = () => Promise<unknown>
type ActionProps = PartProps & { complaint: StaffComplaint; onReload: Reload }

export function ComplaintDetail({ id, lang, strings, paths }: StaffProps & { id: string; viewer: StaffViewer }) {
  const page = useLoad(async () => (await call(portalApi(lang).staff.complaints[':id'].$get({ param: { id } }), strings)).complaint, [id], strings)
  const people = useLoad(() => call(portalApi(lang).staff.people.$get(), strings), [lang], strings).data
  const complaint = page.data
  const back = <p><a href={paths.complaints}>{strings['complaints.back']}</a></p>
  if (!complaint) return <>{back}{page.message ? <FailureNote message={page.message} /> : <Pending message={undefined} loading={strings.loading} />}</>
  const kind = strings[`complaints.kind.${complaint.kind}`]
  const reload = async () => { await page.reload() }
  return (
    <article class="complaint">
      {back}
      <h2>{format(strings['complaints.heading'], { kind, number: complaint.number, subject: complaint.subject })}</h2>
      <h3 class="visually-hidden">{strings['complaints.details']}</h3>
      <dl class="details">
        <dt>{strings['complaints.number']}</dt><dd>{complaint.number}</dd>
        <dt>{strings['complaints.kind']}</dt><dd>{kind}</dd>
        <dt>{strings['complaints.status']}</dt><dd>{complaintStatusName(strings, complaint.status)}</dd>
        <dt>{strings['complaints.due']}</dt><dd><Due complaint={complaint} lang={lang} strings={strings} /></dd>
        <dt>{strings['complaints.assignee']}</dt><dd>{complaint.assignee?.name ?? <span class="meta">{strings['complaints.unassigned']}</span>}</dd>
        <dt>{strings['complaints.organisation']}</dt><dd>{complaint.organisation.name}</dd>
        <dt>{strings['complaints.contact']}</dt><dd>{complaint.contact.name} ({complaint.contact.email})</dd>
        <dt>{strings['complaints.registered']}</dt><dd><time dateTime={complaint.registeredAt}>{moment(lang, complaint.registeredAt)}</time></dd>
        {complaint.incident && (
          <>
            <dt>{strings['complaints.incident']}</dt>
            <dd><a href={`${paths.incident}?id=${encodeURIComponent(complaint.incident.id)}`}>{format(strings['complaints.incidentLink'], { number: complaint.incident.number, subject: complaint.incident.subject })}</a></dd>
          </>
        )}
      </dl>
      {complaint.nearingMailedAt && <p class="meta">{format(strings['complaints.nearingMailed'], { moment: moment(lang, complaint.nearingMailedAt) })}</p>}
      <h3>{strings['complaints.message']}</h3>
      <p class="prose"><Lines text={complaint.text} /></p>
      <h3>{strings['complaints.history']}</h3>
      <ol class="timeline">
        {complaintHistory(complaint).map((entry, i) => <HistoryItem key={i} entry={entry} lang={lang} strings={strings} />)}
      </ol>
      <Answer complaint={complaint} lang={lang} strings={strings} onReload={reload} />
      <Assign complaint={complaint} people={people} lang={lang} strings={strings} onReload={reload} />
      <StatusChange complaint={complaint} lang={lang} strings={strings} onReload={reload} />
    </article>
  )
}

/** Text as typed, line breaks kept. */
function Lines({ text }: { text: string }) {
  return <>{text.split('\n').map((line, i) => <Fragment key={i}>{i > 0 && <br />}{line}</Fragment>)}</>
}

function HistoryItem({ entry, lang, strings }: PartProps & { entry: ComplaintHistoryEntry }) {
  const meta = <span class="meta"><time dateTime={entry.at}>{moment(lang, entry.at)}</time> · <span class="who">{entry.by.name}</span></span>
  if (entry.type === 'status') return <li class="status-change">{meta}<p>{format(strings['complaints.history.status'], { status: complaintStatusName(strings, entry.status) })}</p></li>
  if (entry.type === 'assignment') {
    return <li class="status-change">{meta}<p>{entry.assignee ? format(strings['complaints.history.assigned'], { name: entry.assignee.name }) : strings['complaints.history.unassigned']}</p></li>
  }
  const label = strings[entry.type === 'note' ? 'complaints.history.note' : 'complaints.history.reply']
  return <li class={`message ${entry.type === 'note' ? 'internal' : 'from-staff'}`}>{meta}<p><strong>{label}</strong></p><p class="text">{entry.text}</p></li>
}

/** A stale version: the complaint is read again and the person told so, instead of the server's fields. */
function onConflict(strings: PartProps['strings'], onReload: Reload): RunOptions {
  return {
    refused: async (failure) => {
      if (!(failure instanceof ApiFailure && failure.code === 'version_conflict')) return undefined
      await onReload()
      return { kind: 'error', text: `${failure.message} ${strings['complaints.reloaded']}` }
    },
  }
}

/**
 * A public answer (mailed to the customer) or an internal note (never shown or mailed): the label,
 * the hint and the button say which, and a note is the default, so a slip stays in-house.
 */
function Answer({ complaint, lang, strings, onReload }: ActionProps) {
  const [kind, setKind] = useState<'note' | 'reply'>('note')
  const [text, setText] = useState('')
  const [status, setStatus] = useState<ComplaintStatus | ''>('')
  const submit = useSubmit({ texts: strings, refusal: 'result', fields: { reply: strings['complaints.answer.textInvalid'], note: strings['complaints.answer.textInvalid'] } })
  const isPublic = kind === 'reply'
  const choose = (next: 'note' | 'reply') => { setKind(next); submit.say(undefined) }
  const send = (event: Event) => {
    event.preventDefault()
    return submit.run(async () => {
      const json = { version: complaint.version, ...(isPublic ? { reply: text } : { note: text }), ...(isPublic && status ? { status } : {}) }
      await call(portalApi(lang).staff.complaints[':id'].$patch({ param: { id: complaint.id }, json }), strings)
      setText('')
      setStatus('')
      await onReload()
      return { kind: 'ok', text: strings[isPublic ? 'complaints.answer.sentPublic' : 'complaints.answer.sentNote'] }
    }, onConflict(strings, onReload))
  }
  return (
    <form class={`portal-form reply ${isPublic ? 'public' : 'internal'}`} onSubmit={send} aria-labelledby="answer-title">
      <h3 id="answer-title">{strings['complaints.answer.title']}</h3>
      <FieldSet id="answer-kind" legend={strings['complaints.answer.kindLegend']}>
        <label class="choice">
          <input type="radio" name="answer-kind" value="note" checked={!isPublic} onChange={() => choose('note')} />
          {strings['complaints.answer.note']}
        </label>
        <label class="choice">
          <input type="radio" name="answer-kind" value="reply" checked={isPublic} onChange={() => choose('reply')} />
          {strings['complaints.answer.public']}
        </label>
      </FieldSet>
      <Field id="answer-text" label={strings[isPublic ? 'complaints.answer.textPublic' : 'complaints.answer.textNote']} hintId="answer-hint" isHintBelow
        hint={isPublic ? format(strings['complaints.answer.hintPublic'], { email: complaint.contact.email }) : strings['complaints.answer.hintNote']}
        error={submit.errors.fields[isPublic ? 'reply' : 'note']}>
        {(aria) => <textarea {...aria} name="text" required maxLength={20_000} value={text} onInput={(e) => setText(e.currentTarget.value)} />}
      </Field>
      {isPublic && nextStatuses(complaint.status).length > 0 && (
        <Field id="answer-status" label={strings['complaints.answer.status']}>
          {(aria) => (
            <select {...aria} value={status} onChange={(e) => setStatus(e.currentTarget.value as ComplaintStatus | '')}>
              <option value="">{format(strings['complaints.answer.keepStatus'], { status: complaintStatusName(strings, complaint.status) })}</option>
              {nextStatuses(complaint.status).map((s) => <option key={s} value={s}>{complaintStatusName(strings, s)}</option>)}
            </select>
          )}
        </Field>
      )}
      <ResultMessage result={submit.result} target={submit.resultRef} />
      <div class="actions">
        <button type="submit" class={isPublic ? undefined : 'secondary'} disabled={submit.isBusy()}>{strings[isPublic ? 'complaints.answer.sendPublic' : 'complaints.answer.sendNote']}</button>
      </div>
    </form>
  )
}

/** Assigns the complaint to an active staff member, or to nobody. */
function Assign({ complaint, people, lang, strings, onReload }: ActionProps & { people: People | undefined }) {
  const [assigneeId, setAssigneeId] = useState(complaint.assignee?.id ?? '')
  const submit = useSubmit({ texts: strings, refusal: 'result' })
  const staff = people?.staff ?? []
  const save = (event: Event) => {
    event.preventDefault()
    return submit.run(async () => {
      const { complaint: updated } = await call(portalApi(lang).staff.complaints[':id'].$patch({ param: { id: complaint.id }, json: { version: complaint.version, assigneeId: assigneeId || null } }), strings)
      await onReload()
      return { kind: 'ok', text: updated.assignee ? format(strings['complaints.assign.saved'], { name: updated.assignee.name }) : strings['complaints.assign.cleared'] }
    }, onConflict(strings, onReload))
  }
  return (
    <form class="portal-form" onSubmit={save} aria-labelledby="assign-title">
      <h3 id="assign-title">{strings['complaints.assign.title']}</h3>
      <Field id="assign-to" label={strings['complaints.assign.label']} error={submit.errors.fields.assigneeId}>
        {(aria) => (
          <select {...aria} value={assigneeId} onChange={(e) => setAssigneeId(e.currentTarget.value)}>
            <option value="">{strings['complaints.assign.nobody']}</option>
            {complaint.assignee && !staff.some((s) => s.id === complaint.assignee!.id) && <option value={complaint.assignee.id}>{complaint.assignee.name}</option>}
            {staff.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        )}
      </Field>
      <ResultMessage result={submit.result} target={submit.resultRef} />
      <div class="actions"><button type="submit" class="secondary" disabled={submit.isBusy()}>{strings['complaints.assign.submit']}</button></div>
    </form>
  )
}

/** Moves the complaint along the allowed statuses; the customer is mailed. */
function StatusChange({ complaint, lang, strings, onReload }: ActionProps) {
  const options = nextStatuses(complaint.status)
  const [status, setStatus] = useState<ComplaintStatus | ''>(options[0] ?? '')
  const submit = useSubmit({ texts: strings, refusal: 'result' })
  const chosen = status && options.includes(status) ? status : options[0]
  const save = (event: Event) => {
    event.preventDefault()
    if (!chosen) return
    return submit.run(async () => {
      const { complaint: updated } = await call(portalApi(lang).staff.complaints[':id'].$patch({ param: { id: complaint.id }, json: { version: complaint.version, status: chosen } }), strings)
      await onReload()
      return { kind: 'ok', text: format(strings['complaints.statusChange.saved'], { status: complaintStatusName(strings, updated.status) }) }
    }, onConflict(strings, onReload))
  }
  return (
    <form class="portal-form" onSubmit={save} aria-labelledby="status-title">
      <h3 id="status-title">{strings['complaints.statusChange.title']}</h3>
      {options.length === 0 ? <p class="meta">{strings['complaints.statusChange.none']}</p> : (
        <>
          <Field id="status-to" label={strings['complaints.statusChange.label']}>
            {(aria) => (
              <select {...aria} value={chosen} onChange={(e) => setStatus(e.currentTarget.value as ComplaintStatus)}>
                {options.map((s) => <option key={s} value={s}>{complaintStatusName(strings, s)}</option>)}
              </select>
            )}
          </Field>
          <ResultMessage result={submit.result} target={submit.resultRef} />
          <div class="actions"><button type="submit" class="secondary" disabled={submit.isBusy()}>{strings['complaints.statusChange.submit']}</button></div>
        </>
      )}
    </form>
  )
}
