/** A complaint's response target: the business time left in words, as a badge when nearing or breached, with the due moment. */
import { format } from '#lib/format.ts'
import { moment } from '../../portal/format.ts'
import { complaintUrgency, dueText } from '../complaints-view.ts'
import type { PartProps, StaffComplaint } from './common.ts'

export function Due({ complaint, lang, strings }: PartProps & { complaint: StaffComplaint }) {
  const urgency = complaintUrgency(complaint)
  const text = dueText(strings, complaint)
  if (urgency === 'none') return <span class="meta">{text}</span>
  return (
    <>
      {urgency === 'nearing' || urgency === 'breached' ? <span class={`badge ${urgency === 'breached' ? 'breached' : 'soon'}`}>{text}</span> : <span>{text}</span>}
      <br />
      <time class="meta" dateTime={complaint.dueAt!}>{format(strings['complaints.dueAt'], { moment: moment(lang, complaint.dueAt!) })}</time>
    </>
  )
}
