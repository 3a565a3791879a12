/** The due time exactly as the server computed it, with whether it is breached or paused. */
import { moment } from '../../portal/format.ts'
import type { Common, Incident } from './common.ts'

export function Target({ sla, lang, strings }: Common & { sla: Incident['sla'] }) {
  if (!sla?.dueAt) return <span class="meta">{strings['incident.noTarget']}</span>
  return (
    <span>
      <time dateTime={sla.dueAt}>{moment(lang, sla.dueAt)}</time>{' '}
      {sla.isBreached && <span class="badge breached">{strings['incident.breached']}</span>}
      {sla.isPaused && <span class="badge">{strings['incident.paused']}</span>}
    </span>
  )
}
