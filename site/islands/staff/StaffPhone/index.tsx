/** The console's phone page: find the caller, see at once whether support may help them, register their incident or tell their organisation's admins. */
import { useRef, useState } from 'preact/hooks'
import { format } from '#lib/format.ts'
import { call, portalApi } from '../../lib/api.ts'
import { Field, FieldSet } from '../../lib/Field.tsx'
import { FailureNote, ResultMessage } from '../../lib/ResultMessage.tsx'
import { SignedIn } from '../../lib/SignedIn.tsx'
import { useSubmit } from '../../lib/use-submit.ts'
import { KINDS, useDesk } from '../../portal/labels.ts'
import type { StaffPaths, StaffProps, StaffCommon } from '../props.ts'
import { DeskNoticeSection } from './DeskNoticeSection.tsx'
import { callerLine, formIssues, type CallerRow, type PhoneForm } from './phone-view.ts'

export default function StaffPhone({ lang, strings, paths }: StaffProps) {
  return (
    <SignedIn as="staff" lang={lang} strings={strings}>
      {(viewer) => (
        <>
          <PhoneIntake lang={lang} strings={strings} paths={paths} />
          <DeskNoticeSection lang={lang} strings={strings} isAdmin={viewer.role === 'admin'} />
        </>
      )}
    </SignedIn>
  )
}

/** A page of callers found, and where the next starts. */
interface Found { callers: CallerRow[]; next: string | null; total: number | null; q: string }

function PhoneIntake({ lang, strings, paths }: StaffCommon & { paths: StaffPaths }) {
  const [q, setQ] = useState('')
  const [found, setFound] = useState<Found | undefined>()
  const [chosen, setChosen] = useState<CallerRow | undefined>()
  const search = useSubmit({ texts: strings, fields: { q: strings['phone.search.tooShort'] } })
  const chosenRef = useRef<HTMLHeadingElement>(null)

  const find = (cursor?: string) => search.run(async () => {
    const term = cursor ? found!.q : q.trim()
    const reply = await call(portalApi(lang).staff.phone.callers.$get({ query: { q: term, ...(cursor ? { cursor } : {}) } }), strings)
    const callers = reply.callers as CallerRow[]
    setFound((before) => ({ callers: cursor && before ? [...before.callers, ...callers] : callers, next: reply.next, total: reply.total, q: term }))
    if (!cursor) setChosen(undefined)
    return { kind: 'ok', text: callers.length === 0 && !cursor ? strings['phone.results.none'] : format(strings['phone.results.count'], { count: reply.total ?? callers.length }) }
  })

  function submitSearch(event: Event) {
    event.preventDefault()
    if (q.trim().length < 2) return search.refuse({ fields: { q: strings['phone.search.tooShort'] } })
    return find()
  }

  function choose(caller: CallerRow) {
    setChosen(caller)
    // The verdict or the form comes next: the keyboard goes there.
    setTimeout(() => chosenRef.current?.focus(), 0)
  }

  return (
    <>
      <p>{strings['phone.intro']}</p>
      <form class="portal-form" role="search" ref={search.formRef} onSubmit={submitSearch} noValidate>
        <Field id="phone-q" label={strings['phone.search.label']} hint={strings['phone.search.hint']} isHintBelow error={search.errors.fields.q}>
          {(aria) => <input {...aria} type="search" value={q} onInput={(e) => setQ(e.currentTarget.value)} autocomplete="off" minLength={2} maxLength={100} required />}
        </Field>
        <FailureNote message={search.errors.summary} />
        <div class="actions"><button type="submit" disabled={search.isBusy()}>{strings['phone.search.button']}</button></div>
      </form>
      <ResultMessage result={search.result} target={search.resultRef} isPlain />
      {found && found.callers.length > 0 && (
        <section aria-labelledby="phone-results-title">
          <h2 id="phone-results-title">{strings['phone.results.title']}</h2>
          <ul class="caller-list">
            {found.callers.map((caller) => (
              <li key={caller.id} class={caller.verdict.mayHelp ? 'caller ok' : 'caller refused'}>
                <p><strong>{caller.name}</strong> · {caller.email}</p>
                <p class="meta">{callerLine(strings, caller)}</p>
                <p class={caller.verdict.mayHelp ? 'verdict ok' : 'verdict error'}>{caller.verdict.message[lang]}</p>
                <button type="button" class="secondary" aria-pressed={chosen?.id === caller.id} onClick={() => choose(caller)}>
                  {format(strings['phone.results.choose'], { name: caller.name })}
                </button>
              </li>
            ))}
          </ul>
          {found.next && <p><button type="button" class="secondary" disabled={search.isBusy()} onClick={() => find(found.next!)}>{strings['phone.results.more']}</button></p>}
        </section>
      )}
      {chosen && (chosen.verdict.mayHelp
        ? <Register key={chosen.id} caller={chosen} lang={lang} strings={strings} paths={paths} headingRef={chosenRef} onNext={() => { setChosen(undefined); setFound(undefined); setQ('') }} />
        : <Refused key={chosen.id} caller={chosen} lang={lang} strings={strings} headingRef={chosenRef} />)}
    </>
  )
}

/** Support may not help this caller: why, and the offer to tell their organisation's admins. */
function Refused({ caller, lang, strings, headingRef }: StaffCommon & { caller: CallerRow; headingRef: { current: HTMLHeadingElement | null } }) {
  const submit = useSubmit({ texts: strings, refusal: 'result' })
  const tell = () => submit.run(async () => {
    const reply = await call(portalApi(lang).staff.phone.callers[':id']['tell-admins'].$post({ param: { id: caller.id } }), strings)
    return { kind: 'ok', text: format(strings['phone.refused.told'], { names: reply.told.map((a) => `${a.name} (${a.email})`).join(', '), name: caller.name }) }
  })
  return (
    <section aria-labelledby="phone-refused-title" class="notice error">
      <h2 id="phone-refused-title" tabIndex={-1} ref={headingRef}>{format(strings['phone.refused.title'], { name: caller.name })}</h2>
      <p>{caller.verdict.message[lang]}</p>
      {caller.organisation && (
        <p><button type="button" disabled={submit.isBusy()} onClick={tell}>{format(strings['phone.refused.tell'], { organisation: caller.organisation.name, name: caller.name })}</button></p>
      )}
      <ResultMessage result={submit.result} target={submit.resultRef} />
    </section>
  )
}

const EMPTY: PhoneForm = { kind: '', productArea: '', subject: '', description: '' }

/** The registration for an authorised caller: what they tell; the number at once. */
function Register({ caller, lang, strings, paths, headingRef, onNext }: StaffCommon & {
  caller: CallerRow
  paths: StaffPaths
  headingRef: { current: HTMLHeadingElement | null }
  onNext: () => void
}) {
  const desk = useDesk(lang)
  const [form, setForm] = useState<PhoneForm>(EMPTY)
  const [registered, setRegistered] = useState<{ number: string; id: string } | undefined>()
  const submit = useSubmit({
    texts: strings,
    fields: {
      kind: strings['phone.register.required'], productArea: strings['phone.register.required'],
      subject: format(strings['phone.register.tooShort'], { count: 3 }), description: format(strings['phone.register.tooShort'], { count: 10 }),
    },
  })
  const errors: Partial<Record<keyof PhoneForm, string>> = submit.errors.fields
  const set = (field: keyof PhoneForm) => (event: { currentTarget: { value: string } }) => setForm((f) => ({ ...f, [field]: event.currentTarget.value }))

  function send(event: Event) {
    event.preventDefault()
    const issues = formIssues(strings, form)
    if (Object.keys(issues).length > 0) return submit.refuse({ fields: issues })
    return submit.run(async () => {
      const reply = await call(portalApi(lang).staff.phone.incidents.$post({
        json: { contactId: caller.id, kind: form.kind as (typeof KINDS)[number], productArea: form.productArea, subject: form.subject, description: form.description },
      }), strings)
      setRegistered({ number: reply.number, id: reply.incident.id })
      return { kind: 'ok', text: format(strings['phone.register.done'], { number: reply.number, name: caller.name }) }
    })
  }

  if (registered) {
    return (
      <section aria-labelledby="phone-done-title">
        <h2 id="phone-done-title" class="visually-hidden">{format(strings['phone.register.title'], { name: caller.name })}</h2>
        <ResultMessage result={submit.result} target={submit.resultRef} />
        <p>
          <a href={`${paths.incident}?id=${encodeURIComponent(registered.id)}`}>{format(strings['phone.register.open'], { number: registered.number })}</a>
          {' · '}
          <button type="button" class="secondary" onClick={onNext}>{strings['phone.register.another']}</button>
        </p>
      </section>
    )
  }

  return (
    <form class="portal-form" ref={submit.formRef} onSubmit={send} noValidate aria-labelledby="phone-register-title">
      <h2 id="phone-register-title" tabIndex={-1} ref={headingRef}>{format(strings['phone.register.title'], { name: caller.name })}</h2>
      <p class="notice ok">{caller.verdict.message[lang]}</p>
      <p class="meta">{format(strings['phone.register.as'], { name: caller.name, email: caller.email })}</p>
      <FieldSet id="phone-kind" legend={strings['phone.register.kind']} error={errors.kind}>
        {KINDS.map((k) => (
          <label class="choice" key={k}>
            <input type="radio" name="kind" value={k} id={k === KINDS[0] ? 'phone-kind' : undefined} checked={form.kind === k} onChange={() => setForm((f) => ({ ...f, kind: k }))} required aria-invalid={errors.kind ? true : undefined} />
            <span>{strings[`phone.kind.${k}`]}</span>
          </label>
        ))}
      </FieldSet>
      <Field id="phone-productArea" label={strings['phone.register.productArea']} error={errors.productArea}>
        {(aria) => (
          <select {...aria} value={form.productArea} onChange={set('productArea')} required>
            <option value="">{strings['phone.register.choose']}</option>
            {desk?.productAreas.map((a) => <option value={a.key} key={a.key}>{a.name[lang]}</option>)}
          </select>
        )}
      </Field>
      <Field id="phone-subject" label={strings['phone.register.subject']} error={errors.subject}>
        {(aria) => <input {...aria} value={form.subject} onInput={set('subject')} required minLength={3} maxLength={200} />}
      </Field>
      <Field id="phone-description" label={strings['phone.register.description']} hint={strings['phone.register.descriptionHint']} isHintBelow error={errors.description}>
        {(aria) => <textarea {...aria} value={form.description} onInput={set('description')} required minLength={10} maxLength={10_000} />}
      </Field>
      <FailureNote message={submit.errors.summary} />
      <ResultMessage result={submit.result} target={submit.resultRef} />
      <div class="actions"><button type="submit" disabled={submit.isBusy()}>{strings['phone.register.submit']}</button></div>
    </form>
  )
}
