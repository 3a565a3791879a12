/** The KB insight page for editors: how much the KB answers on its own, what was searched in vain, which searches ended in an incident, which articles did not help and what readers missed in them. */
import { useState } from 'preact/hooks'
import type { Language } from '#lib/language.ts'
import { format } from '#lib/format.ts'
import type { StaffStrings } from '../../i18n/index.ts'
import { call, portalApi, type PortalApi, type Success } from '../lib/api.ts'
import { FailureNote } from '../lib/ResultMessage.tsx'
import { useLoad } from '../lib/use-load.ts'
import { day, moment } from '../portal/format.ts'
import { BarChart } from './BarChart.tsx'
import {
  around, count, DEFAULT_PERIOD, deflectionBars, deflectionSentence, languageName, languagesFor, percent, PERIODS, templateHref, type Period,
} from './insight-view.ts'
import type { StaffProps, StaffCommon } from './props.ts'
import { SignedIn } from '../lib/SignedIn.tsx'

type Report = Success<Awaited<ReturnType<PortalApi['kb']['insight']['$get']>>>
type QueryCount = Report['noResults'][Language][number]

export default function Insight({ lang, strings }: StaffProps) {
  return (
    <SignedIn as="staff" lang={lang} strings={strings}>
      {() => <InsightPage lang={lang} strings={strings} />}
    </SignedIn>
  )
}

function InsightPage({ lang, strings }: StaffCommon) {
  const [weeks, setWeeks] = useState<Period>(DEFAULT_PERIOD)
  // The report on screen stays while another period loads; a late answer to an earlier choice is dropped.
  const page = useLoad(() => call(portalApi(lang).kb.insight.$get({ query: { weeks: String(weeks) } }), strings), [lang, weeks], strings)
  const { state, data: report } = page

  return (
    <>
      <p class="prose">{strings['insight.intro']}</p>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {strings['insight.period.label']}
          <select value={weeks} onChange={(e) => setWeeks(Number(e.currentTarget.value) as Period)}>
            {PERIODS.map((p) => <option key={p} value={p}>{format(strings['insight.period.weeks'], { weeks: p })}</option>)}
          </select>
        </label>
      </form>
      <FailureNote message={page.message} />
      <p role="status" class="meta">
        {state.kind === 'loading' ? strings.loading : report ? format(strings['insight.period.range'], { from: day(lang, report.period.from), to: day(lang, report.period.to) }) : ''}
      </p>
      {report && (
        <>
          <Deflection lang={lang} strings={strings} report={report} />
          <NoResults lang={lang} strings={strings} report={report} />
          <IncidentQueries lang={lang} strings={strings} report={report} />
          <WorstArticles lang={lang} strings={strings} report={report} />
          <Missed lang={lang} strings={strings} report={report} />
        </>
      )}
    </>
  )
}

/** A list's place when it has nothing yet. */
function Empty({ strings }: { strings: StaffStrings }) {
  return <p class="meta">{strings['insight.empty']}</p>
}

function Deflection({ lang, strings, report }: StaffCommon & { report: Report }) {
  const { deflection } = report
  return (
    <section aria-labelledby="insight-deflection">
      <h2 id="insight-deflection">{strings['insight.deflection.title']}</h2>
      <p class="meta">{strings['insight.deflection.explain']}</p>
      {deflection.rate === null
        ? <Empty strings={strings} />
        : (
          <>
            <p><strong>{format(strings['insight.deflection.rate'], { rate: percent(lang, deflection.rate) })}</strong></p>
            <p>{deflectionSentence(lang, strings, deflection)}</p>
          </>
        )}
      <BarChart
        title={format(strings['insight.chart.title'], { weeks: report.period.weeks })}
        bars={deflectionBars(lang, strings, deflection.weeks)}
        max={1}
        format={(value) => percent(lang, value)}
        labelHeading={strings['insight.chart.week']}
        valueHeading={strings['insight.chart.rate']} />
    </section>
  )
}

function NoResults({ lang, strings, report }: StaffCommon & { report: Report }) {
  return (
    <section aria-labelledby="insight-no-results">
      <h2 id="insight-no-results">{strings['insight.noResults.title']}</h2>
      <p class="meta">{strings['insight.noResults.explain']}</p>
      {languagesFor(lang).map((listLang) => (
        <NoResultList key={listLang} lang={lang} strings={strings} listLang={listLang} rows={report.noResults[listLang]} />
      ))}
    </section>
  )
}

/** The searches of one language that found nothing, each with its new-article template to download. */
function NoResultList({ lang, strings, listLang, rows }: StaffCommon & { listLang: Language; rows: QueryCount[] }) {
  const language = languageName(strings, listLang)
  const [before, after] = around(strings['insight.template.hint'], 'folder')
  return (
    <>
      <h3 id={`insight-no-results-${listLang}`}>{language}</h3>
      {rows.length === 0 ? <Empty strings={strings} /> : (
        <>
          <p class="meta">{before}<code>{format(strings['insight.template.folder'], { lang: listLang })}</code>{after}</p>
          <table class="stack">
            <caption class="visually-hidden">{format(strings['insight.noResults.caption'], { language })}</caption>
            <thead>
              <tr>
                <th scope="col">{strings['insight.column.query']}</th>
                <th scope="col">{strings['insight.column.visits']}</th>
                <th scope="col">{strings['insight.column.lastSeen']}</th>
                <th scope="col">{strings['insight.column.template']}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.query}>
                  <th scope="row" lang={listLang}>{row.query}</th>
                  <td data-label={strings['insight.column.visits']}>{count(lang, row.sessions)}</td>
                  <td data-label={strings['insight.column.lastSeen']}><time dateTime={row.lastSeen}>{moment(lang, row.lastSeen)}</time></td>
                  <td data-label={strings['insight.column.template']}>
                    <a href={templateHref(row.query, listLang)} download="">
                      {strings['insight.template.link']}
                      <span class="visually-hidden"> {format(strings['insight.template.linkFor'], { query: row.query })}</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  )
}

function IncidentQueries({ lang, strings, report }: StaffCommon & { report: Report }) {
  const rows = report.incidentQueries
  return (
    <section aria-labelledby="insight-incidents">
      <h2 id="insight-incidents">{strings['insight.incidents.title']}</h2>
      <p class="meta">{strings['insight.incidents.explain']}</p>
      {rows.length === 0 ? <Empty strings={strings} /> : (
        <table class="stack">
          <caption class="visually-hidden">{strings['insight.incidents.title']}</caption>
          <thead>
            <tr>
              <th scope="col">{strings['insight.column.query']}</th>
              <th scope="col">{strings['insight.column.language']}</th>
              <th scope="col">{strings['insight.column.visits']}</th>
              <th scope="col">{strings['insight.column.lastSeen']}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.lang}-${row.query}`}>
                <th scope="row" lang={row.lang}>{row.query}</th>
                <td data-label={strings['insight.column.language']}>{languageName(strings, row.lang)}</td>
                <td data-label={strings['insight.column.visits']}>{count(lang, row.sessions)}</td>
                <td data-label={strings['insight.column.lastSeen']}><time dateTime={row.lastSeen}>{moment(lang, row.lastSeen)}</time></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

function WorstArticles({ lang, strings, report }: StaffCommon & { report: Report }) {
  const rows = report.worstArticles
  return (
    <section aria-labelledby="insight-articles">
      <h2 id="insight-articles">{strings['insight.articles.title']}</h2>
      <p class="meta">{strings['insight.articles.explain']}</p>
      {rows.length === 0 ? <Empty strings={strings} /> : (
        <table class="stack">
          <caption class="visually-hidden">{strings['insight.articles.title']}</caption>
          <thead>
            <tr>
              <th scope="col">{strings['insight.column.article']}</th>
              <th scope="col">{strings['insight.column.language']}</th>
              <th scope="col">{strings['insight.column.helpful']}</th>
              <th scope="col">{strings['insight.column.notHelpful']}</th>
              <th scope="col">{strings['insight.column.ratio']}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.lang}-${row.article}`}>
                <th scope="row"><code>{row.article}</code></th>
                <td data-label={strings['insight.column.language']}>{languageName(strings, row.lang)}</td>
                <td data-label={strings['insight.column.helpful']}>{count(lang, row.helpful)}</td>
                <td data-label={strings['insight.column.notHelpful']}>{count(lang, row.notHelpful)}</td>
                <td data-label={strings['insight.column.ratio']}>{percent(lang, row.ratio)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

/** What readers missed, per article: their words as plain text (JSX escapes them; never set as HTML), newest first. */
function Missed({ lang, strings, report }: StaffCommon & { report: Report }) {
  const articles = report.missed
  return (
    <section aria-labelledby="insight-missed">
      <h2 id="insight-missed">{strings['insight.missed.title']}</h2>
      <p class="meta">{strings['insight.missed.explain']}</p>
      {articles.length === 0 ? <Empty strings={strings} /> : articles.map(({ article, texts, total }) => (
        <div key={article}>
          <h3 id={`insight-missed-${article}`}><code>{article}</code></h3>
          <table class="stack">
            <caption class="visually-hidden">{format(strings['insight.missed.caption'], { article })}</caption>
            <thead>
              <tr>
                <th scope="col">{strings['insight.column.text']}</th>
                <th scope="col">{strings['insight.column.language']}</th>
                <th scope="col">{strings['insight.column.sent']}</th>
              </tr>
            </thead>
            <tbody>
              {texts.map((row, i) => (
                <tr key={`${row.at}-${i}`}>
                  <td lang={row.lang} class="text" data-label={strings['insight.column.text']}>{row.text}</td>
                  <td data-label={strings['insight.column.language']}>{languageName(strings, row.lang)}</td>
                  <td data-label={strings['insight.column.sent']}><time dateTime={row.at}>{moment(lang, row.at)}</time></td>
                </tr>
              ))}
            </tbody>
          </table>
          {total > texts.length && <p class="meta">{format(strings['insight.missed.more'], { count: count(lang, total - texts.length) })}</p>}
        </div>
      ))}
    </section>
  )
}
