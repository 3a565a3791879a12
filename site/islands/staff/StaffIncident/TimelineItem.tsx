/** One step of the incident's timeline as staff see it: internal notes, calls, consent steps and undelivered mail marked. */
import { format } from '#lib/format.ts'
import type { StaffStrings } from '../../../i18n/index.ts'
import { fileSize, moment } from '../../portal/format.ts'
import { consentSentence, entryMark, isInternal, mailFailedSentence, statusName, type EntryMark } from '../incident-view.ts'
import type { Common, Entry } from './common.ts'

const MARK_KEYS = {
  customer: 'incident.mark.customer', reply: 'incident.mark.reply', note: 'incident.mark.note',
  callInbound: 'incident.mark.callInbound', callOutbound: 'incident.mark.callOutbound',
} as const satisfies Partial<Record<EntryMark, keyof StaffStrings>>

/** `isNew`: a customer's reaction that was unread when the page opened (the queue's mark). */
export function TimelineItem({ entry, incidentId, lang, strings, isNew = false }: Common & { entry: Entry; incidentId: string; isNew?: boolean }) {
  const mark = entryMark(entry)
  const when = <time dateTime={entry.at}>{moment(lang, entry.at)}</time>
  const by = entry.by.kind === 'staff' ? format(strings['incident.bySupport'], { name: entry.by.name })
    : entry.by.kind === 'contact' ? format(strings['incident.byCustomer'], { name: entry.by.name }) : entry.by.name
  const download = (file: { id: string; fileName: string; size: number }) => (
    <li key={file.id}><a href={`/api/incidents/${encodeURIComponent(incidentId)}/attachments/${encodeURIComponent(file.id)}`} download={file.fileName}>{file.fileName}</a> <span class="meta">({fileSize(lang, file.size)})</span></li>
  )
  switch (entry.type) {
    case 'consent':
      return (
        <li class="consent-step">
          <span class="meta">{when} · {by}</span>{' '}
          <span class="badge consent">{strings['consent.mark']}</span>
          <p>{consentSentence(lang, strings, entry)}</p>
        </li>
      )
    case 'mail_failed':
      // A promise the desk could not keep: shown as a warning, with the server's own words.
      return (
        <li class="mail-failed">
          <span class="meta">{when} · {by}</span>{' '}
          <span class="badge breached">{strings['incident.mark.mailFailed']}</span>
          <p>{mailFailedSentence(strings, entry)}</p>
          <p class="meta">{strings['incident.mailFailedHint']}</p>
        </li>
      )
    case 'status':
      return <li class="status-change"><span class="meta">{when} · {by}</span><p>{format(strings['incident.statusChanged'], { status: statusName(strings, entry.status) })}</p></li>
    case 'attachment':
      return <li class="message"><span class="meta">{when} · <span class="who">{by}</span></span><ul class="files" aria-label={strings['incident.files']}>{download(entry.attachment)}</ul></li>
    case 'message': {
      const internal = isInternal(mark)
      const isCall = mark === 'callInbound' || mark === 'callOutbound'
      return (
        <li class={`message${entry.by.kind === 'staff' && !internal ? ' from-staff' : ''}${internal ? ' internal' : ''}${isCall ? ' call' : ''}${isNew ? ' new-reaction' : ''}`}>
          <span class="meta">{when} · <span class="who">{by}</span></span>{' '}
          {isNew && <><span class="badge reaction">{strings['incident.mark.newReaction']}</span>{' '}</>}
          {mark !== 'note' && mark in MARK_KEYS && <span class={`badge${mark === 'reply' ? ' ok' : ''}`}>{strings[MARK_KEYS[mark as keyof typeof MARK_KEYS]]}</span>}{' '}
          {internal && <span class="badge soon">{strings['incident.mark.note']}</span>}
          <p class="text">{entry.text}</p>
          {entry.attachments.length > 0 && <ul class="files" aria-label={strings['incident.files']}>{entry.attachments.map(download)}</ul>}
        </li>
      )
    }
  }
}
