/** One incident as the customer sees it: its details, the remote-view code while it waits, the timeline and the reaction form. */
import type { Language } from '#lib/language.ts'
import { format } from '#lib/format.ts'
import { call, portalApi } from '../../lib/api.ts'
import { FailureNote, Pending } from '../../lib/ResultMessage.tsx'
import type { Viewer } from '../../lib/SignedIn.tsx'
import { useLoad } from '../../lib/use-load.ts'
import { moment } from '../format.ts'
import { kindName, statusName, useDesk, type Desk } from '../labels.ts'
import type { PortalProps } from '../paths.ts'
import { RemoteViewCode, useWaitingCodes } from '../RemoteViewCode.tsx'
import { Reaction } from './Reaction.tsx'
import { Target } from './Target.tsx'
import { TimelineItem } from './TimelineItem.tsx'

export function IncidentPage({ id, viewer, lang, strings, paths }: PortalProps & { id: string; viewer: Viewer }) {
  const page = useLoad(() => call(portalApi(lang).incidents[':id'].$get({ param: { id } }), strings), [id], strings)
  const desk = useDesk(lang)
  const codes = useWaitingCodes(lang, strings, id)
  const detail = page.data

  if (!detail) {
    if (!page.message) return <Pending message={undefined} loading={strings.loading} />
    return <><FailureNote message={page.message} /><p><a href={paths.incidents}>{strings['incidents.back']}</a></p></>
  }
  const { incident, timeline, requester } = detail
  return (
    <article class="incident">
      <p><a href={paths.incidents}>{strings['incidents.back']}</a></p>
      <h2>{format(strings['incidents.heading'], { number: incident.number, subject: incident.subject })}</h2>
      {codes.map((view) => <RemoteViewCode key={view.id} view={view} strings={strings} paths={paths} />)}
      <dl class="details">
        <dt>{strings['incidents.status']}</dt><dd>{statusName(strings, incident.status)}</dd>
        <dt>{strings['incidents.priority']}</dt><dd>{incident.priority ? priorityText(desk, lang, incident.priority) : strings['incidents.notSet']}</dd>
        <dt>{strings['incidents.due']}</dt><dd><Target sla={incident.sla} lang={lang} strings={strings} /></dd>
        <dt>{strings['incidents.kind']}</dt><dd>{kindName(strings, incident.kind)}</dd>
        <dt>{strings['incidents.productArea']}</dt><dd>{desk?.productAreas.find((a) => a.key === incident.productArea)?.name[lang] ?? incident.productArea}</dd>
        <dt>{strings['incidents.contact']}</dt><dd>{requester.name}</dd>
        <dt>{strings['incidents.registered']}</dt><dd>{moment(lang, incident.registeredAt)}</dd>
      </dl>
      <h3>{strings['incidents.description']}</h3>
      <p class="text prose">{incident.description}</p>
      <h3>{strings['incidents.timeline']}</h3>
      <ol class="timeline">
        {timeline.map((entry, i) => <TimelineItem key={i} entry={entry} incidentId={incident.id} viewerName={viewer.name} lang={lang} strings={strings} />)}
      </ol>
      {detail.reactionRefusal
        ? <div class="notice"><p>{strings[detail.reactionRefusal === 'incident_closed' ? 'incidents.closedNote' : 'incidents.windowPassedNote']}</p><p><a href={paths.newIncident}>{strings['nav.new']}</a></p></div>
        : <Reaction incident={incident} lang={lang} strings={strings} onDone={page.reload} />}
    </article>
  )
}

function priorityText(desk: Desk | undefined, lang: Language, level: number): string {
  const found = desk?.priorities.find((p) => p.level === level)
  return found ? `${level} – ${found.name[lang]}` : String(level)
}
