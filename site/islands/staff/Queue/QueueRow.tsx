/** One incident of the queue: its number, organisation, state and the business time left. */
import type { Language } from '#lib/language.ts'
import { format } from '#lib/format.ts'
import type { StaffStrings } from '../../../i18n/index.ts'
import { moment } from '../../portal/format.ts'
import { remainingText, rowClass, statusName, urgencyOf, type Sla } from '../queue-view.ts'
import type { Row } from './common.ts'


export function QueueRow({ row, teamName, lang, strings, href }: { row: Row; teamName: (key: string) => string; lang: Language; strings: StaffStrings; href: string }) {
  return (
    <tr class={rowClass(urgencyOf(row.sla))}>
      <td data-label={strings['queue.column.number']}>
        <a href={href} data-console-item data-id={row.id}>{row.number}</a>
        {row.hasUnreadReaction && <> <ReactionMark text={strings['queue.unreadReaction']} /></>}
      </td>
      <td data-label={strings['queue.column.subject']}>{row.subject}</td>
      <td data-label={strings['queue.column.organisation']}>
        {row.organisation?.name}
        {row.organisation?.isFirstClass && <> <span class="badge">{strings['queue.firstClass']}</span></>}
      </td>
      <td data-label={strings['queue.column.status']}>{statusName(strings, row.status)}</td>
      <td data-label={strings['queue.column.priority']}>{row.priority ?? <span class="badge">{strings['queue.needsPriority']}</span>}</td>
      <td data-label={strings['queue.column.team']}>{teamName(row.team)}</td>
      <td data-label={strings['queue.column.assignee']}>{row.assigneeName ?? <span class="meta">{strings['queue.unassigned']}</span>}</td>
      <td data-label={strings['queue.column.due']}><Remaining sla={row.sla} lang={lang} strings={strings} /></td>
    </tr>
  )
}

/** A dot for the eye, the words for a screen reader (and as a tooltip): the customer reacted since staff last opened it. */
function ReactionMark({ text }: { text: string }) {
  return (
    <span class="badge reaction" title={text} data-unread-reaction>
      <span aria-hidden="true">●</span>
      <span class="visually-hidden">{text}</span>
    </span>
  )
}

/** The business time left in words, as a badge when due soon or breached, with the due moment and whether the clock is paused. */
function Remaining({ sla, lang, strings }: { sla: Sla; lang: Language; strings: StaffStrings }) {
  const urgency = urgencyOf(sla)
  const text = remainingText(strings, sla)
  const paused = sla?.isPaused ? <> <span class="badge">{strings['queue.paused']}</span></> : null
  if (!text || !sla?.dueAt) return <><span class="meta">{strings['queue.noTarget']}</span>{paused}</>
  return (
    <>
      {urgency === 'ok' ? <span>{text}</span> : <span class={`badge ${urgency === 'breached' ? 'breached' : 'soon'}`}>{text}</span>}
      {paused}{' '}
      <br />
      <time class="meta" dateTime={sla.dueAt}>{format(strings['queue.dueAt'], { moment: moment(lang, sla.dueAt) })}</time>
    </>
  )
}
