/** The due time of a row or incident, with whether it is breached or paused. */
import type { Language } from '#lib/language.ts'
import type { PortalStrings } from '../../../i18n/index.ts'
import { moment } from '../format.ts'
import type { Row } from './common.ts'

export function Target({ sla, lang, strings }: { sla: Row['sla']; lang: Language; strings: PortalStrings }) {
  if (!sla?.dueAt) return <span class="meta">{strings['incidents.noTarget']}</span>
  return (
    <span>
      {moment(lang, sla.dueAt)}{' '}
      {sla.isBreached && <span class="badge breached">{strings['incidents.breached']}</span>}
      {sla.isPaused && <span class="badge">{strings['incidents.paused']}</span>}
    </span>
  )
}
