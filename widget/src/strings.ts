/** Every word the widget shows, in Dutch and English; English must have each Dutch key. */
import type { Language } from '../../server/domain/desk.ts'

export const nl = {
  launcher: 'Hulp nodig?',
  panelTitle: 'Hoe kunnen we helpen?',
  close: 'Sluiten',
  searchLabel: 'Zoek in de kennisbank',
  searchPlaceholder: 'Beschrijf uw vraag in een paar woorden',
  searching: 'Zoeken…',
  loading: 'Even geduld…',
  results: '{count} artikelen gevonden',
  oneResult: '1 artikel gevonden',
  noResults: 'Geen artikelen gevonden voor “{query}”.',
  noResultsHelp: 'Maak een melding, dan helpt support u verder.',
  searchError: 'Zoeken lukt nu niet. U kunt wel een melding maken.',
  answered: 'Heeft dit uw vraag beantwoord?',
  yes: 'Ja, bedankt',
  no: 'Nee',
  thanks: 'Fijn dat we konden helpen.',
  askSupport: 'Melding maken bij support',
  checkEmail: 'Bijna klaar: kijk in uw e-mail en bevestig uw melding met de link. Pas daarna komt hij bij support binnen.',
  checkEmailTitle: 'Kijk in uw e-mail',
  registeredTitle: 'Melding ontvangen',
  registered: 'Uw melding is geregistreerd onder nummer {number}.',
  follow: 'Volg uw melding',
  another: 'Nog een vraag',
  openNow: 'Nu open',
  openUntil: 'Nu open tot {time}',
  closedOpens: 'Nu gesloten — opent {day} om {time}',
  closedNoOpening: 'Nu gesloten',
  closedToday: 'Vandaag gesloten: {note}',
  changedToday: 'Vandaag andere tijden: {note}',
  today: 'vandaag',
  tomorrow: 'morgen',
  phone: 'Telefoon',
  phoneAdvice: 'Acuut probleem? Maak eerst een melding en bel dan met het incidentnummer bij de hand.',
  priorities: 'Wat betekenen de prioriteiten?',
  prioritiesNote: 'Support bepaalt de prioriteit van uw melding aan de hand van deze omschrijvingen.',
  priority: 'Prioriteit {level}',
  firstClassOnly: 'alleen First Class',
}

export type StringKey = keyof typeof nl
export type Strings = Record<StringKey, string>

export const en: Strings = {
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
  registered: 'Your request has been registered as number {number}.',
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
  phoneAdvice: 'Acute problem? Register your request first, then call with the number at hand.',
  priorities: 'What do the priorities mean?',
  prioritiesNote: 'Support sets the priority of your request using these descriptions.',
  priority: 'Priority {level}',
  firstClassOnly: 'First Class only',
}

/** Both languages, for tests and the server; a widget bundle takes {@link BUNDLE_STRINGS}. */
export const STRINGS: Record<Language, Strings> = { nl, en }

/** Set per bundle at build time: each widget bundle carries the words of one language only. */
declare const LOKET_BUNDLE_LANG: Language | undefined

/** This bundle's language (Dutch outside a bundle). */
export const BUNDLE_LANG: Language = typeof LOKET_BUNDLE_LANG !== 'undefined' && LOKET_BUNDLE_LANG === 'en' ? 'en' : 'nl'
/** The words of this bundle's language. */
export const BUNDLE_STRINGS: Strings = typeof LOKET_BUNDLE_LANG !== 'undefined' && LOKET_BUNDLE_LANG === 'en' ? en : nl

