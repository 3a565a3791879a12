/** The console's incident page: a live remote view on top; the conversation (description, timeline with notes and consent steps, reply, calls) on the left; who filed it and why, triage by the priority guidance, access and consent, and the organisation's other incidents on the right. */
import { useEffect, useState } from 'preact/hooks'
import { format } from '#lib/format.ts'
import { call, portalApi } from '../../lib/api.ts'
import { FailureNote, Pending } from '../../lib/ResultMessage.tsx'
import { SignedIn } from '../../lib/SignedIn.tsx'
import { useLoad } from '../../lib/use-load.ts'
import { moment } from '../../portal/format.ts'
import { AccessPanel } from '../AccessPanel/index.tsx'
import { kindName, statusName } from '../incident-view.ts'
import type { StaffPaths, StaffProps } from '../props.ts'
import { RemoteViewPanel } from '../RemoteViewPanel.tsx'
import { CallLog } from './CallLog.tsx'
import type { Common, StaffDetail } from './common.ts'
import { History } from './History.tsx'
import { Reply } from './Reply.tsx'
import { Target } from './Target.tsx'
import { TimelineItem } from './TimelineItem.tsx'
import { Triage } from './Triage.tsx'

export default function StaffIncident({ lang, strings, paths }: StaffProps) {
  const id = typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('id')
  return (
    <SignedIn as="staff" lang={lang} strings={strings}>
      {() => (id
        ? <IncidentPage id={id} lang={lang} strings={strings} paths={paths} />
        : <p class="notice">{strings['incident.missingId']} <a href={paths.queue}>{strings['incident.backToQueue']}</a></p>)}
    </SignedIn>
  )
}

function IncidentPage({ id, lang, strings, paths }: Common & { id: string; paths: StaffPaths }) {
  // Read again after each change; a failure shows above the page and keeps what is there. GET as staff always carries the staff context.
  const page = useLoad(async () => (await call(portalApi(lang).incidents[':id'].$get({ param: { id } }), strings)) as StaffDetail, [id], strings)
  const references = useLoad(async () => {
    const [people, desk] = await Promise.all([call(portalApi(lang).staff.people.$get(), strings), call(portalApi(lang).desk.$get(), strings)])
    return { people, desk }
  }, [id], strings)
  const detail = page.data
  // The reactions unread when the page opened: later reads find the mark cleared, so the first read's answer is kept.
  const [newReactions, setNewReactions] = useState<Set<string>>()
  useEffect(() => {
    if (detail && !newReactions) setNewReactions(new Set(detail.newReactions ?? []))
  }, [detail, newReactions])
  const error = page.message
  const reference = references.data
  const referenceError = references.message

  const back = <p><a href={paths.queue}>{strings['incident.backToQueue']}</a></p>
  if (!detail) return error ? <><FailureNote message={error} />{back}</> : <Pending message={undefined} loading={strings.loading} />
  const { incident, organisation, contact, requester, timeline, history } = detail
  const desk = reference?.desk
  const priority = incident.priority && desk?.priorities.find((p) => p.level === incident.priority)
  const teamName = (key: string) => reference?.people.teams.find((t) => t.key === key)?.name[lang] ?? key
  const assignee = incident.assigneeId && (reference?.people.staff.find((s) => s.id === incident.assigneeId)?.name ?? incident.assigneeId)
  const organisationName = organisation?.name ?? strings['incident.unknownOrganisation']
  const none = <span class="meta">{strings['incident.none']}</span>

  return (
    <article class="incident">
      <div class="incident-head">
        {back}
        <h2>{format(strings['incident.heading'], { number: incident.number, subject: incident.subject })}</h2>
        <FailureNote message={error} />
      </div>

      {/* Above both columns: a live remote view is what the employee looks at while the call runs. */}
      <section class="remote-view-top" aria-labelledby="remote-view-title">
        <h3 id="remote-view-title">{strings['access.remoteView.title']}</h3>
        <RemoteViewPanel incidentId={incident.id} lang={lang} strings={strings} />
      </section>

      <div class="incident-columns">
        <section class="incident-conversation" aria-label={strings['incident.conversation']}>
          <h3>{strings['incident.description']}</h3>
          <p class="text prose">{incident.description}</p>

          <h3>{strings['incident.timeline']}</h3>
          <ol class="timeline">
            {timeline.map((entry, i) => <TimelineItem key={i} entry={entry} incidentId={incident.id} lang={lang} strings={strings} isNew={entry.type === 'message' && !!newReactions?.has(entry.id)} />)}
          </ol>

          <Reply incident={incident} email={contact?.email ?? requester.name} lang={lang} strings={strings} onReload={page.reload} />
          <CallLog incident={incident} lang={lang} strings={strings} onReload={page.reload} />
        </section>

        <section class="incident-facts" aria-label={strings['incident.facts']}>
          <dl class="details">
            <dt>{strings['incident.organisation']}</dt>
            <dd>
              {organisationName}{' '}
              {organisation?.isFirstClass ? <span class="badge ok">{strings['incident.firstClass']}</span> : <span class="meta">({strings['incident.notFirstClass']})</span>}
            </dd>
            <dt>{strings['incident.customerNumber']}</dt><dd>{organisation?.customerNumber ?? none}</dd>
            <dt>{strings['incident.requester']}</dt><dd>{contact?.name ?? requester.name}</dd>
            <dt>{strings['incident.email']}</dt><dd>{contact ? <a href={`mailto:${contact.email}`}>{contact.email}</a> : none}</dd>
            <dt>{strings['incident.role']}</dt><dd>{contact ? strings[contact.role === 'admin' ? 'incident.role.admin' : 'incident.role.employee'] : none}</dd>
            <dt>{strings['incident.registered']}</dt><dd><time dateTime={incident.registeredAt}>{moment(lang, incident.registeredAt)}</time>{incident.channel === 'phone' && <> · <span class="badge">{strings['phone.channel']}</span></>}</dd>
            <dt>{strings['incident.kind']}</dt><dd>{kindName(strings, incident.kind)}</dd>
            <dt>{strings['incident.productArea']}</dt><dd>{desk?.productAreas.find((a) => a.key === incident.productArea)?.name[lang] ?? incident.productArea}</dd>
            <dt>{strings['incident.status']}</dt><dd>{statusName(strings, incident.status)}</dd>
            <dt>{strings['incident.priority']}</dt>
            <dd>{!incident.priority ? strings['incident.notSet'] : priority ? format(strings['incident.triage.priorityOption'], { level: incident.priority, name: priority.name[lang] }) : incident.priority}</dd>
            <dt>{strings['incident.team']}</dt><dd>{teamName(incident.team)}</dd>
            <dt>{strings['incident.assignee']}</dt><dd>{assignee || strings['incident.unassigned']}</dd>
            <dt>{strings['incident.due']}</dt><dd class="due"><Target sla={incident.sla} lang={lang} strings={strings} /></dd>
            <dt>{strings['incident.kbQuery']}</dt><dd>{incident.kbQuery ? <q>{incident.kbQuery}</q> : none}</dd>
            <dt>{strings['incident.kbArticles']}</dt>
            <dd>{incident.kbArticles.length > 0 ? <ul class="files">{incident.kbArticles.map((key) => <li key={key}><code>{key}</code></li>)}</ul> : none}</dd>
          </dl>

          <FailureNote message={referenceError} />
          {reference
            ? <Triage incident={incident} organisationName={organisationName} isFirstClass={organisation?.isFirstClass ?? false} people={reference.people} desk={reference.desk} lang={lang} strings={strings} onReload={page.reload} />
            : !referenceError && <p class="meta">{strings.loading}</p>}
          <section class="access" aria-labelledby="access-title">
            <h3 id="access-title">{strings['access.panel.title']}</h3>
            <AccessPanel incidentId={incident.id} organisationName={organisationName} lang={lang} strings={strings} onChanged={() => void page.reload()} />
          </section>
          <History history={history} organisationName={organisationName} lang={lang} strings={strings} paths={paths} />
        </section>
      </div>
    </article>
  )
}
