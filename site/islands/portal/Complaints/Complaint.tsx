/** One complaint or opinion: its details, the text as sent, and its history with support's replies. */
import { Fragment } from 'preact'
import type { ComplaintStatus } from '#domain/records.ts'
import { format } from '#lib/format.ts'
import type { Language } from '#lib/language.ts'
import type { PortalStrings } from '../../../i18n/index.ts'
import { call, portalApi } from '../../lib/api.ts'
import { FailureNote, Pending } from '../../lib/ResultMessage.tsx'
import { useLoad } from '../../lib/use-load.ts'
import { historyOf, type HistoryEntry } from '../complaint-view.ts'
import { moment } from '../format.ts'
import { kindName, statusName, type Props } from './common.ts'
import { Target } from './Target.tsx'

export function ComplaintPage({ id, lang, strings, paths }: Props & { id: string }) {
  const page = useLoad(async () => (await call(portalApi(lang).complaints[':id'].$get({ param: { id } }), strings)).complaint, [id], strings)
  const complaint = page.data

  const back = <p><a href={paths.complaints}>{strings['complaints.back']}</a></p>
  if (page.message) return <>{back}<FailureNote message={page.message} /></>
  if (!complaint) return <Pending message={undefined} loading={strings.loading} />
  const history = historyOf(complaint)
  return (
    <article class="complaint">
      {back}
      <h2>{format(strings['complaints.heading'], { kind: kindName(strings, complaint.kind), number: complaint.number, subject: complaint.subject })}</h2>
      <dl class="details">
        <dt>{strings['complaints.number']}</dt><dd>{complaint.number}</dd>
        <dt>{strings['complaints.kind']}</dt><dd>{kindName(strings, complaint.kind)}</dd>
        <dt>{strings['complaints.status']}</dt><dd>{statusName(strings, complaint.status)}</dd>
        <dt>{strings['complaints.due']}</dt><dd><Target complaint={complaint} lang={lang} strings={strings} isLong /></dd>
        <dt>{strings['complaints.contact']}</dt><dd>{complaint.contact.name}</dd>
        <dt>{strings['complaints.registered']}</dt><dd><time dateTime={complaint.registeredAt}>{moment(lang, complaint.registeredAt)}</time></dd>
        {complaint.incident && (
          <>
            <dt>{strings['complaints.incident']}</dt>
            <dd><a href={`${paths.incidents}?id=${encodeURIComponent(complaint.incident.id)}`}>{format(strings['complaints.incidentLink'], { number: complaint.incident.number, subject: complaint.incident.subject })}</a></dd>
          </>
        )}
      </dl>
      <h3>{strings['complaints.message']}</h3>
      <p class="prose"><Lines text={complaint.text} /></p>
      <h3>{strings['complaints.history']}</h3>
      <ol class="timeline">
        {history.map((entry, i) => <HistoryItem key={i} entry={entry} lang={lang} strings={strings} />)}
      </ol>
      {complaint.replies.length === 0 && <p class="meta">{strings['complaints.noReplies']}</p>}
    </article>
  )
}

/** Text as typed, line breaks kept: outside the timeline no class keeps white space. */
function Lines({ text }: { text: string }) {
  return <>{text.split('\n').map((line, i) => <Fragment key={i}>{i > 0 && <br />}{line}</Fragment>)}</>
}

function HistoryItem({ entry, lang, strings }: { entry: HistoryEntry<ComplaintStatus>; lang: Language; strings: PortalStrings }) {
  const by = entry.by.kind === 'staff' ? format(strings['complaints.bySupport'], { name: entry.by.name }) : entry.by.name
  const meta = <span class="meta"><time dateTime={entry.at}>{moment(lang, entry.at)}</time> · <span class="who">{by}</span></span>
  if (entry.type === 'status') {
    return <li class="status-change">{meta}<p>{format(strings['complaints.statusChanged'], { status: statusName(strings, entry.status) })}</p></li>
  }
  return <li class={`message${entry.by.kind === 'staff' ? ' from-staff' : ''}`}>{meta}<p class="text">{entry.text}</p></li>
}
