/** The inbox's view logic: what a notification says, where it leads, and the menu entry's words with the unread count. */
import { format } from '#lib/format.ts'
import type { StaffStrings } from '../../i18n/index.ts'

/** A notification as the inbox shows it (the API's reply, the fields the view reads). */
export interface InboxEntry {
  id: string
  kind: 'assigned' | 'reaction' | 'nearing' | 'complaint'
  incidentId: string | null
  number: string
  subject: string
  readAt: string | null
}

/** The browser event the inbox sends when its unread count changes, so the menu entry follows at once. */
export const UNREAD_EVENT = 'loket:inbox-unread'

/** What a notification says, e.g. "Incident 100123 is aan u toegewezen: Btw-aangifte geeft fout 500". */
export function entryText(strings: StaffStrings, entry: Pick<InboxEntry, 'kind' | 'number' | 'subject'>): string {
  return format(strings[`inbox.kind.${entry.kind}`], { number: entry.number, subject: entry.subject })
}

/** Where a notification leads: the incident's console page; none for a complaint about no incident. */
export function entryHref(incidentPath: string, entry: Pick<InboxEntry, 'incidentId'>): string | undefined {
  return entry.incidentId ? `${incidentPath}?id=${encodeURIComponent(entry.incidentId)}` : undefined
}

/** The menu entry: "Meldingen", or "Meldingen (3)" with unread ones. */
export function inboxLinkText(strings: StaffStrings, unread: number | undefined): string {
  return unread ? format(strings['nav.inboxCount'], { count: unread }) : strings['nav.inbox']
}
