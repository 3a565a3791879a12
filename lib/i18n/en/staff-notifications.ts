/** English: the console's notifications: the inbox page, its menu entry with the unread count, the mail preferences, and the queue's mark of a new reaction. */
import type { staffNotifications as nl } from '../nl/staff-notifications.ts'
import type { Translation } from '../types.ts'

export const staffNotifications = {
  'nav.inbox': 'Notifications',
  'nav.inboxCount': 'Notifications ({count})',
  'nav.inboxUnread': '{count} unread',
  'inbox.title': 'Notifications',
  'inbox.empty': 'You have no notifications yet.',
  'inbox.unread': '{count} unread',
  'inbox.allRead': 'All read.',
  'inbox.markRead': 'Read',
  'inbox.markAllRead': 'Mark all as read',
  'inbox.markedAll': 'All notifications are marked as read.',
  'inbox.isUnread': 'Unread',
  'inbox.more': 'Older notifications',
  'inbox.kind.assigned': 'Incident {number} was assigned to you: {subject}',
  'inbox.kind.reaction': 'The customer reacted on incident {number}: {subject}',
  'inbox.kind.nearing': 'Incident {number} nears its target: {subject}',
  'inbox.kind.complaint': 'New complaint {number} for your team: {subject}',
  'prefs.title': 'By e-mail',
  'prefs.hint': 'Every notification is here. Choose which also come by e-mail.',
  'prefs.kind.assigned': 'An incident is assigned to me',
  'prefs.kind.reaction': 'The customer reacts on an incident I handle',
  'prefs.kind.nearing': 'An incident of mine nears its target',
  'prefs.kind.complaint': 'A complaint comes in for my team',
  'prefs.lang': 'Language of the e-mails',
  'prefs.lang.nl': 'Dutch',
  'prefs.lang.en': 'English',
  'prefs.save': 'Save preferences',
  'prefs.saved': 'Your preferences are saved.',
  'queue.unreadReaction': 'New reaction from the customer',
} satisfies Translation<typeof nl>
