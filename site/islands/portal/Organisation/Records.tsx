/** The admin's read-only records: subscriptions, invoices, projects and courses. */
import type { ComponentChildren } from 'preact'
import { day } from '../format.ts'
import { euros } from '../money.ts'
import type { Common, FullOrganisation } from './common.ts'

export function Records({ lang, strings, organisation }: Common & { organisation: FullOrganisation }) {
  return (
    <>
      <RecordTable id="organisation-subscriptions" title={strings['organisation.subscriptions.title']} none={strings['organisation.subscriptions.none']}
        head={[strings['organisation.subscriptions.name'], strings['organisation.subscriptions.since']]}
        rows={organisation.subscriptions.map((s) => [
          <>{s.name}{s.isFirstClass && <> <span class="badge ok">{strings['organisation.firstClass']}</span></>}</>,
          day(lang, s.since),
        ])} />
      <RecordTable id="organisation-invoices" title={strings['organisation.invoices.title']} none={strings['organisation.invoices.none']}
        head={[strings['organisation.invoices.number'], strings['organisation.invoices.date'], strings['organisation.invoices.amount'], strings['organisation.invoices.status']]}
        rows={organisation.invoices.map((i) => [
          i.number,
          day(lang, i.date),
          euros(lang, i.amountCents),
          i.isPaid ? <span class="badge ok">{strings['organisation.invoices.paid']}</span> : <span class="badge">{strings['organisation.invoices.open']}</span>,
        ])} />
      <RecordTable id="organisation-projects" title={strings['organisation.projects.title']} none={strings['organisation.projects.none']}
        head={[strings['organisation.projects.name'], strings['organisation.projects.status']]}
        rows={organisation.projects.map((p) => [p.name, p.status])} />
      <RecordTable id="organisation-courses" title={strings['organisation.courses.title']} none={strings['organisation.courses.none']}
        head={[strings['organisation.courses.name'], strings['organisation.courses.date'], strings['organisation.courses.participants']]}
        rows={organisation.courses.map((c) => [c.name, day(lang, c.date), String(c.participants)])} />
    </>
  )
}

/** A section with a heading and a table named by it, or a sentence saying there is nothing. The first cell heads its row. */
function RecordTable({ id, title, none, head, rows }: { id: string; title: string; none: string; head: string[]; rows: ComponentChildren[][] }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {rows.length === 0 ? <p>{none}</p> : (
        <table class="stack" aria-labelledby={id}>
          <thead><tr>{head.map((h) => <th scope="col">{h}</th>)}</tr></thead>
          <tbody>
            {rows.map(([first, ...rest]) => <tr><th scope="row">{first}</th>{rest.map((cell, i) => <td data-label={head[i + 1]}>{cell}</td>)}</tr>)}
          </tbody>
        </table>
      )}
    </section>
  )
}
