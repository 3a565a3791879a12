/** One step of an incident's timeline as the customer sees it: a status change, a message, a file, or a step of consented access. */
import type { Language } from '#lib/language.ts'
import { format } from '#lib/format.ts'
import type { PortalStrings } from '../../../i18n/index.ts'
import { consentSentence } from '../access-view.ts'
import { fileSize, moment } from '../format.ts'
import { statusName } from '../labels.ts'
import type { Entry } from './common.ts'

export function TimelineItem({ entry, incidentId, viewerName, lang, strings }: { entry: Entry; incidentId: string; viewerName: string; lang: Language; strings: PortalStrings }) {
  const when = <time dateTime={entry.at}>{moment(lang, entry.at)}</time>
  const download = (file: { id: string; fileName: string; size: number }) => (
    <li><a href={`/api/incidents/${encodeURIComponent(incidentId)}/attachments/${encodeURIComponent(file.id)}`} download={file.fileName}>{file.fileName}</a> <span class="meta">({fileSize(lang, file.size)})</span></li>
  )
  const by = entry.by.kind === 'staff' ? format(strings['incidents.bySupport'], { name: entry.by.name }) : entry.by.name
  switch (entry.type) {
    case 'status':
      return <li class="status-change"><span class="meta">{when} · {by}</span><p>{format(strings['incidents.statusChanged'], { status: statusName(strings, entry.status) })}</p></li>
    case 'message':
      return (
        <li class={`message${entry.by.kind === 'staff' ? ' from-staff' : ''}`}>
          <span class="meta">{when} · <span class="who">{by}</span></span>
          <p class="text">{entry.text}</p>
          {entry.attachments.length > 0 && <ul class="files" aria-label={strings['incidents.files']}>{entry.attachments.map(download)}</ul>}
        </li>
      )
    case 'attachment':
      return <li class="message"><span class="meta">{when} · <span class="who">{by}</span></span><ul class="files" aria-label={strings['incidents.files']}>{download(entry.attachment)}</ul></li>
    case 'consent':
      // The sentence names who did it ("U" for the viewer), so the line above it holds only the moment.
      return <li class="consent-step"><span class="meta">{when}</span><p>{consentSentence(lang, strings, entry, viewerName)}</p></li>
    case 'mail_failed':
      // Staff only: the API never sends it to a customer.
      return null
  }
}
