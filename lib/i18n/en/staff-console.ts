/** English: the staff console's frame: its header, the search page and the keyboard shortcuts. */
import type { staffConsole as nl } from '../nl/staff-console.ts'
import type { Translation } from '../types.ts'

export const staffConsole = {
  'console.name': 'Console',
  'console.product': 'Noordwind Support',
  'nav.search': 'Search',
  'console.search.label': 'Search incidents',
  'console.search.placeholder': 'Number or words',
  'console.search.submit': 'Search',
  'console.search.intro': 'Searches every incident you may see, closed ones too: by number, subject, description, reactions, notes, contact or organisation.',
  'console.search.anyStatus': 'Every status',
  'console.search.empty': 'Type a number or a few words and choose Search.',
  'console.inbox': 'Notifications',
  'keys.open': 'Keyboard shortcuts',
  'keys.title': 'Keyboard shortcuts',
  'keys.close': 'Close',
  'keys.intro': 'They do nothing while you type in a field, or with Ctrl, Alt or Cmd held.',
  'keys.help': 'Open this help',
  'keys.search': 'Go to the search box',
  'keys.queue': 'Go to the queue',
  'keys.next': 'Next incident in the list (on the incident page too, from the last list)',
  'keys.previous': 'Previous incident in the list',
  'keys.open.item': 'Open the chosen incident',
  'keys.then': 'then',
  'incident.conversation': 'Conversation',
  'incident.facts': 'Facts and actions',
} satisfies Translation<typeof nl>
