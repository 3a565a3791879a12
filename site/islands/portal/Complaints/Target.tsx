/** The due time of a complaint and whether it was met or missed; an opinion has none. */
import type { Language } from '#lib/language.ts'
import type { PortalStrings } from '../../../i18n/index.ts'
import { longMoment, targetState } from '../complaint-view.ts'
import { moment } from '../format.ts'
import type { Detail, Row } from './common.ts'

export function Target({ complaint, lang, strings, isLong = false }: { complaint: Row | Detail; lang: Language; strings: PortalStrings; isLong?: boolean }) {
  const state = targetState(complaint)
  if (state === 'none' || !complaint.dueAt) return <span class="meta">{isLong ? strings['complaints.targetNone'] : strings['complaints.noTarget']}</span>
  return (
    <span>
      <time dateTime={complaint.dueAt}>{isLong ? longMoment(lang, complaint.dueAt, strings['complaints.moment']) : moment(lang, complaint.dueAt)}</time>
      {state === 'missed' && <> <span class="badge breached">{strings['complaints.breached']}</span></>}
      {state === 'met' && <> <span class="badge ok">{strings['complaints.met']}</span></>}
    </span>
  )
}
