/** Dutch: the API's own small HTML pages: confirming a request, signing in, and what a link leads to. */
import { api } from './api.ts'

export const pages = {
  'confirm.title': 'Melding bevestigen',
  'confirm.text': 'Bevestig dat u deze melding wilt doen.',
  'confirm.button': 'Bevestigen',
  'registered.title': 'Melding geregistreerd',
  /** `{number}` arrives as HTML: the number in `<strong>`. */
  'registered.text': 'Uw melding is geregistreerd onder incidentnummer {number}. U ontvangt een e-mail met een link om haar te volgen.',
  'expired.title': 'Link werkt niet meer',
  'expired.text': api.tokenInvalid,
  'refused.title': 'Melding niet geregistreerd',
  'refused.text': api.notAuthorised,
  'signIn.title': 'Inloggen',
  'signIn.heading': 'Inloggen bij {desk}',
  'signIn.text': 'Klik op de knop om in te loggen.',
  'signIn.button': 'Inloggen',
  'linkExpired.title': 'Link verlopen',
  'linkExpired.heading': 'Deze link werkt niet meer',
  'tooManyTries.title': 'Te veel pogingen',
  'tooManyTries.text': 'Vanaf dit adres zijn te veel links geprobeerd die niet (meer) werken. Probeer het over {minutes} minuten opnieuw.',
  toKnowledgeBase: 'Naar de kennisbank',
} as const
