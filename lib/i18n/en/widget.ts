/**
 * English: every word the widget shows before its form opens; a widget bundle carries one language of it.
 * The words the KnowledgeBase and the portal show alike (the desk's state, the phone, the search label)
 * are written here and read from here, so the bundle stays as small as it was: no indirection in it.
 */
import type { widget as nl } from '../nl/widget.ts'
import type { Translation } from '../types.ts'

export const widget = {
  launcher: 'Need help?',
  panelTitle: 'How can we help?',
  close: 'Close',
  searchLabel: 'Search the knowledge base',
  searchPlaceholder: 'Describe your question in a few words',
  searching: 'Searching…',
  loading: 'One moment…',
  results: '{count} articles found',
  oneResult: '1 article found',
  noResults: 'No articles found for “{query}”.',
  didYouMean: 'Did you mean {query}?',
  noResultsHelp: 'Contact support and we will help you further.',
  searchError: 'Searching is not possible right now. You can still contact support.',
  answered: 'Did this answer your question?',
  yes: 'Yes, thanks',
  no: 'No',
  thanks: 'Glad we could help.',
  askSupport: 'Contact support',
  checkEmail: 'Almost done: check your e-mail and confirm your request with the link. Only then does it reach support.',
  checkEmailTitle: 'Check your e-mail',
  registeredTitle: 'Request received',
  registered: 'Your request has been registered with incident number {number}.',
  follow: 'Follow your request',
  another: 'Another question',
  openNow: 'Open now',
  openUntil: 'Open now until {time}',
  closedOpens: 'Closed now — opens {day} at {time}',
  closedNoOpening: 'Closed now',
  closedToday: 'Closed today: {note}',
  changedToday: 'Different hours today: {note}',
  today: 'today',
  tomorrow: 'tomorrow',
  phone: 'Phone',
  unreachableTitle: 'Reaching support',
  unreachable: 'Incidents cannot be sent from this site yet. Phone or e-mail support and we will help you.',
  email: 'E-mail',
  backToSearch: 'Back to search',
  phoneAdvice: 'Acute problem? Register your request first, then call with the incident number at hand.',
  priorities: 'What do the priorities mean?',
  prioritiesNote: 'Support sets the priority of your request using these descriptions.',
  priority: 'Priority {level}',
  firstClassOnly: 'First Class only',
} satisfies Translation<typeof nl>
