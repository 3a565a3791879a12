/** The Signals page: organisations that contact support often, why they are flagged, their weekly contacts, and the follow-ups Customer Care records. */
import { useState } from 'preact/hooks'
import type { FollowUpKind } from '#domain/records.ts'
import { format } from '#lib/format.ts'
import type { StaffStrings } from '../../i18n/index.ts'
import { call, portalApi, type PortalApi, type Success } from '../lib/api.ts'
import { Field } from '../lib/Field.tsx'
import { FailureNote, ResultMessage } from '../lib/ResultMessage.tsx'
import { useLoad } from '../lib/use-load.ts'
import { useSubmit } from '../lib/use-submit.ts'
import { moment } from '../portal/format.ts'
import { BarChart } from './BarChart.tsx'
import type { StaffProps, StaffCommon } from './props.ts'
import { SignedIn } from '../lib/SignedIn.tsx'
import { calendarDay, countText, followUpKindName, kindRows, listSummary, measureName, newestFirst, ruleSentence, weekLabel, weekTitle } from './signals-view.ts'

type Reply = Success<Awaited<ReturnType<PortalApi['signals']['$get']>>>
type OrganisationSignal = Reply['organisations'][number]
type FollowUp = OrganisationSignal['followUps'][number]

const FOLLOW_UP_KINDS: readonly FollowUpKind[] = ['course', 'advisor_visit', 'consultant_visit']
const SOURCES = ['incidents', 'reactions', 'phoneContacts'] as const

export default function Signals({ lang, strings }: StaffProps) {
  return (
    <SignedIn as="staff" lang={lang} strings={strings} roles={['customer_care', 'admin']}>
      {() => <SignalsPage lang={lang} strings={strings} />}
    </SignedIn>
  )
}

function SignalsPage({ lang, strings }: StaffCommon) {
  const [isAll, setAll] = useState(false)
  // The list on screen stays while the other one loads; a late answer to an earlier toggle is dropped.
  const page = useLoad(() => call(portalApi(lang).signals.$get({ query: isAll ? { all: '1' } : {} }), strings), [lang, isAll], strings)
  const { state, data: reply } = page
  const [isLoadingMore, setLoadingMore] = useState(false)

  /** The next page joins the list below the ones shown. */
  async function more() {
    if (!reply?.next) return
    setLoadingMore(true)
    try {
      const next = await call(portalApi(lang).signals.$get({ query: { ...(isAll ? { all: '1' } : {}), cursor: reply.next } }), strings)
      page.update((current) => ({ ...next, organisations: [...current.organisations, ...next.organisations] }))
    } finally {
      setLoadingMore(false)
    }
  }

  /** A recorded follow-up joins its organisation's list without reloading the page. */
  function added(organisationId: string, followUp: FollowUp) {
    page.update((current) => ({ ...current, organisations: current.organisations.map((o) => (o.id === organisationId ? { ...o, followUps: [...o.followUps, followUp] } : o)) }))
  }

  return (
    <>
      {reply && (
        <div class="prose">
          <p>{ruleSentence(lang, strings, reply)} {strings['signals.intro.moments']}</p>
          <p>{format(strings['signals.intro.flag'], { days: reply.windowDays })}</p>
        </div>
      )}
      <p>
        <label class="choice">
          <input type="checkbox" checked={isAll} onChange={(e) => setAll(e.currentTarget.checked)} />
          {strings['signals.showAll']}
        </label>
      </p>
      <FailureNote message={page.message} />
      <p role="status" class="meta">{state.kind === 'loading' ? strings.loading : state.kind === 'loaded' ? listSummary(strings, reply!, isAll) : ''}</p>
      {reply?.organisations.map((organisation) => (
        <Organisation key={organisation.id} lang={lang} strings={strings} organisation={organisation} windowDays={reply.windowDays}
          onAdded={(followUp) => added(organisation.id, followUp)} />
      ))}
      {reply?.next && <p><button type="button" onClick={() => void more()} disabled={isLoadingMore}>{strings['signals.more']}</button></p>}
    </>
  )
}

function Organisation({ lang, strings, organisation, windowDays, onAdded }: StaffCommon & {
  organisation: OrganisationSignal
  windowDays: number
  onAdded: (followUp: FollowUp) => void
}) {
  const id = `signals-${organisation.id}`
  const { counts } = organisation
  const days = { days: windowDays }
  return (
    <section aria-labelledby={`${id}-name`}>
      <h2 id={`${id}-name`}>{organisation.name}</h2>
      <p>
        {organisation.isFlagged
          ? <span class="badge breached">{strings['signals.flagged']}</span>
          : <span class="badge">{strings['signals.notFlagged']}</span>}
        {organisation.isFirstClass && <> <span class="badge ok">{strings['signals.firstClass']}</span></>}
      </p>

      {organisation.crossed.length > 0 && (
        <>
          <h3>{strings['signals.crossed.title']}</h3>
          <ul>
            {organisation.crossed.map((t) => (
              <li key={`${t.of}-${t.kind}`}>{format(strings['signals.crossed.item'], { measure: measureName(strings, t), reached: t.reached, days: windowDays, count: t.count })}</li>
            ))}
          </ul>
        </>
      )}

      <h3>{format(strings['signals.counts.title'], { ...days, total: counts.total })}</h3>
      <KindTable strings={strings} rows={kindRows(strings, counts)} />
      <CountTable caption={strings['signals.counts.bySource']} heading={strings['signals.counts.source']} strings={strings}
        rows={SOURCES.map((source) => [strings[`signals.source.${source}`], counts.bySource[source]])} />

      <BarChart
        title={format(strings['signals.chart.title'], { weeks: organisation.weekly.length })}
        bars={organisation.weekly.map((w) => ({ label: weekLabel(w.week), title: weekTitle(lang, strings, w), value: w.count }))}
        labelHeading={strings['signals.chart.week']}
        valueHeading={strings['signals.chart.count']} />

      <h3>{strings['signals.areas.title']}</h3>
      {organisation.productAreas.length === 0
        ? <p class="meta">{format(strings['signals.areas.none'], days)}</p>
        : <ol>{organisation.productAreas.map((a) => <li key={a.key}>{a.name[lang]} <span class="meta">({countText(strings, 'areas', a.count)})</span></li>)}</ol>}

      <h3>{strings['signals.queries.title']}</h3>
      {organisation.kbQueries.length === 0
        ? <p class="meta">{format(strings['signals.queries.none'], days)}</p>
        : <ol>{organisation.kbQueries.map((q) => <li key={q.query}><q>{q.query}</q> <span class="meta">({countText(strings, 'queries', q.count)})</span></li>)}</ol>}

      <h3>{strings['signals.followUps.title']}</h3>
      {organisation.followUps.length === 0
        ? <p class="meta">{strings['signals.followUps.none']}</p>
        : (
          <ul class="timeline">
            {newestFirst(organisation.followUps).map((f) => (
              <li key={f.id}>
                <strong>{format(strings['signals.followUps.item'], { kind: followUpKindName(strings, f.kind), date: calendarDay(lang, f.date) })}</strong>
                <p class="text">{f.note}</p>
                <span class="meta">{format(strings['signals.followUps.by'], { name: f.by.name, at: moment(lang, f.at) })}</span>
              </li>
            ))}
          </ul>
        )}

      <FollowUpForm id={id} lang={lang} strings={strings} organisationId={organisation.id} onAdded={onAdded} />
    </section>
  )
}

/** Per kind: the incidents registered beside every contact moment about them, in two columns that say which is which. */
function KindTable({ rows, strings }: { rows: [string, number, number][]; strings: StaffStrings }) {
  // In a box of its own, as the console's other tables: on a phone it scrolls there, not the page.
  return (
    <div class="table-scroll">
    <table class="stack">
      <caption>{strings['signals.counts.byKind']}</caption>
      <thead><tr><th scope="col">{strings['signals.counts.kind']}</th><th scope="col">{strings['signals.counts.incidents']}</th><th scope="col">{strings['signals.counts.moments']}</th></tr></thead>
      <tbody>{rows.map(([label, incidents, moments]) => <tr key={label}><th scope="row">{label}</th><td data-label={strings['signals.counts.incidents']}>{incidents}</td><td data-label={strings['signals.counts.moments']}>{moments}</td></tr>)}</tbody>
    </table>
    </div>
  )
}

function CountTable({ caption, heading, rows, strings }: { caption: string; heading: string; rows: [string, number][]; strings: StaffStrings }) {
  return (
    <div class="table-scroll">
    <table class="stack">
      <caption>{caption}</caption>
      <thead><tr><th scope="col">{heading}</th><th scope="col">{strings['signals.counts.number']}</th></tr></thead>
      <tbody>{rows.map(([label, value]) => <tr key={label}><th scope="row">{label}</th><td data-label={strings['signals.counts.number']}>{value}</td></tr>)}</tbody>
    </table>
    </div>
  )
}

/** Course, advisor visit or consultant visit on a date, with a note; the server checks, our own sentences explain. */
function FollowUpForm({ id, lang, strings, organisationId, onAdded }: StaffCommon & { id: string; organisationId: string; onAdded: (followUp: FollowUp) => void }) {
  const [kind, setKind] = useState<FollowUpKind | ''>('')
  const [date, setDate] = useState('')
  const [note, setNote] = useState('')
  // After a refusal the keyboard lands on the first field named; after a success on the message.
  const submit = useSubmit({ texts: strings, fields: { kind: strings['signals.invalid.kind'], date: strings['signals.invalid.date'], note: strings['signals.invalid.note'] } })
  const { errors } = submit

  const save = (event: Event) => {
    event.preventDefault()
    return submit.run(async () => {
      // An empty kind never gets here (the select is required); the server would refuse it anyway.
      const reply = await call(portalApi(lang).signals[':organisationId']['follow-ups'].$post({
        param: { organisationId }, json: { kind: kind as FollowUpKind, date, note },
      }), strings)
      onAdded(reply.followUp)
      setKind('')
      setDate('')
      setNote('')
      return { kind: 'ok', text: format(strings['signals.form.saved'], { kind: followUpKindName(strings, reply.followUp.kind), date: calendarDay(lang, reply.followUp.date) }) }
    })
  }

  return (
    <form class="portal-form" ref={submit.formRef} onSubmit={save} aria-labelledby={`${id}-form ${id}-name`}>
      <h3 id={`${id}-form`}>{strings['signals.form.title']}</h3>
      <Field id={`${id}-kind`} label={strings['signals.form.kind']} error={errors.fields.kind}>
        {(aria) => (
          <select {...aria} name="kind" required value={kind} onChange={(e) => setKind(e.currentTarget.value as FollowUpKind | '')}>
            <option value="">{strings['signals.form.choose']}</option>
            {FOLLOW_UP_KINDS.map((k) => <option key={k} value={k}>{followUpKindName(strings, k)}</option>)}
          </select>
        )}
      </Field>
      <Field id={`${id}-date`} label={strings['signals.form.date']} hint={strings['signals.form.dateHint']} error={errors.fields.date}>
        {(aria) => <input {...aria} type="date" name="date" required value={date} onInput={(e) => setDate(e.currentTarget.value)} />}
      </Field>
      <Field id={`${id}-note`} label={strings['signals.form.note']} hint={strings['signals.form.noteHint']} error={errors.fields.note}>
        {(aria) => <textarea {...aria} name="note" required maxLength={2000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />}
      </Field>
      <FailureNote message={errors.summary} />
      <ResultMessage result={submit.result} target={submit.resultRef} />
      <div class="actions"><button type="submit" disabled={submit.isBusy()}>{strings['signals.form.submit']}</button></div>
    </form>
  )
}

