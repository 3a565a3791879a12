/** The form that sends a complaint or an opinion, and the receipt of what was sent: its number, when the response is due, and its page. */
import { useState } from 'preact/hooks'
import type { FeedbackKind } from '#domain/records.ts'
import { format } from '#lib/format.ts'
import type { Language } from '#lib/language.ts'
import type { PortalStrings } from '../../../i18n/index.ts'
import { ApiFailure, call, messageOf, portalApi } from '../../lib/api.ts'
import { Field, FieldSet } from '../../lib/Field.tsx'
import { useSubmit } from '../../lib/use-submit.ts'
import { longMoment } from '../complaint-view.ts'
import type { PortalPaths } from '../paths.ts'
import { pageOf, type Detail, type Props } from './common.ts'

type Field = 'kind' | 'subject' | 'text' | 'incidentNumber'
const FIELDS: readonly Field[] = ['kind', 'subject', 'text', 'incidentNumber']
const FIELD_ERRORS = {
  kind: 'complaints.kindError',
  subject: 'complaints.subjectError',
  text: 'complaints.textError',
  incidentNumber: 'complaints.incidentNumberError',
} as const satisfies Record<Field, keyof PortalStrings>

export function ComplaintForm({ lang, strings, paths, onSent }: Props & { onSent: () => void }) {
  const [kind, setKind] = useState<FeedbackKind>('complaint')
  const [subject, setSubject] = useState('')
  const [text, setText] = useState('')
  const [incidentNumber, setIncidentNumber] = useState('')
  const [invalid, setInvalid] = useState<Partial<Record<Field, true>>>({})
  const [sent, setSent] = useState<Detail>()
  // A fresh result each send, so the same error twice still moves focus.
  const submit = useSubmit({ texts: strings, refusal: 'result' })

  function send(event: Event) {
    event.preventDefault()
    setInvalid({})
    return submit.run(async () => {
      const number = incidentNumber.trim()
      const json = { kind, subject, text, ...(number ? { incidentNumber: number } : {}) }
      const { complaint } = await call(portalApi(lang).complaints.$post({ json }), strings)
      setSubject('')
      setText('')
      setIncidentNumber('')
      setSent(complaint)
      onSent()
      return { kind: 'ok', text: complaint.number }
    }, {
      // Whatever the server named, our own sentence says what the field takes.
      refused: (failure) => {
        const fields = failure instanceof ApiFailure ? failure.fields ?? [] : []
        setInvalid(Object.fromEntries(fields.map((f) => f.path).filter((p): p is Field => (FIELDS as readonly string[]).includes(p)).map((p) => [p, true])))
        return { kind: 'error', text: messageOf(failure, strings) }
      },
    })
  }

  const error = (field: Field) => (invalid[field] ? strings[FIELD_ERRORS[field]] : undefined)
  const { result } = submit
  return (
    <form class="portal-form" onSubmit={send}>
      <h2>{strings['complaints.formTitle']}</h2>
      <p>{strings['complaints.formIntro']}</p>
      <p>{strings['complaints.incidentTip']} <a href={paths.newIncident}>{strings['nav.new']}</a></p>
      <FieldSet id="complaint-kind" legend={strings['complaints.kindLegend']} error={error('kind')}>
        {(['complaint', 'opinion'] as const).map((value) => {
          const label = value === 'complaint' ? 'complaints.kindComplaint' : 'complaints.kindOpinion'
          return (
            <div key={value}>
              <label class="choice">
                <input type="radio" name="kind" value={value} checked={kind === value} onChange={() => setKind(value)} aria-describedby={`complaint-kind-${value}-hint`} />
                <span>{strings[label]}</span>
              </label>
              <p class="hint" id={`complaint-kind-${value}-hint`}>{strings[`${label}Hint` as const]}</p>
            </div>
          )
        })}
      </FieldSet>
      <Field id="complaint-subject" label={strings['complaints.subject']} error={error('subject')}>
        {(aria) => <input {...aria} name="subject" required minLength={3} maxLength={200} value={subject} onInput={(e) => setSubject(e.currentTarget.value)} />}
      </Field>
      <Field id="complaint-text" label={strings['complaints.text']} hint={strings['complaints.textHint']} isHintBelow error={error('text')}>
        {(aria) => <textarea {...aria} name="text" required minLength={10} maxLength={10_000} value={text} onInput={(e) => setText(e.currentTarget.value)} />}
      </Field>
      <Field id="complaint-incidentNumber" label={strings['complaints.incidentNumber']} hint={strings['complaints.incidentNumberHint']} isHintBelow error={error('incidentNumber')}>
        {(aria) => (
          <input {...aria} name="incidentNumber" inputMode="numeric" pattern="\s*\d{1,12}\s*" maxLength={14} autocomplete="off"
            value={incidentNumber} onInput={(e) => setIncidentNumber(e.currentTarget.value)} />
        )}
      </Field>
      {result && (
        <div ref={submit.resultRef as { current: HTMLDivElement | null }} tabIndex={-1}>
          {result.kind === 'error'
            ? <p class="notice error" role="alert">{result.text}</p>
            : sent && <Receipt complaint={sent} lang={lang} strings={strings} paths={paths} />}
        </div>
      )}
      <div class="actions"><button type="submit" disabled={submit.isBusy()}>{strings['complaints.send']}</button></div>
    </form>
  )
}

/** What a sent complaint or opinion came to: its number, when the response is due, and its page. */
function Receipt({ complaint, lang, strings, paths }: { complaint: Detail; lang: Language; strings: PortalStrings; paths: PortalPaths }) {
  const isComplaint = complaint.kind === 'complaint'
  return (
    <div class="notice ok" role="status">
      <p>{format(strings[isComplaint ? 'complaints.receivedComplaint' : 'complaints.receivedOpinion'], { number: complaint.number })}</p>
      {complaint.dueAt && <p>{format(strings['complaints.dueNotice'], { when: longMoment(lang, complaint.dueAt, strings['complaints.moment']) })}</p>}
      <p>{strings['complaints.mailNotice']}</p>
      <p><a href={pageOf(paths, complaint.id)}>{format(strings['complaints.view'], { number: complaint.number })}</a></p>
    </div>
  )
}
