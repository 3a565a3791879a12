/** Dutch: the API's own small HTML pages: confirming a request, signing in, and what a link leads to, each with the next step. */
import { api } from './api.ts'

export const pages = {
  'confirm.title': 'Melding bevestigen',
  'confirm.text': 'Bevestig dat u deze melding wilt doen. Pas na uw bevestiging wordt de melding geregistreerd.',
  'confirm.button': 'Bevestigen',
  'registered.title': 'Melding geregistreerd',
  /** `{number}` arrives as HTML: the number in `<strong>`. */
  'registered.text': 'Uw melding is geregistreerd onder incidentnummer {number}. U ontvangt een e-mail met een link om haar te volgen.',
  'registered.next': 'In het klantportaal volgt u uw melding en reageert u erop.',
  'registered.toIncident': 'Melding bekijken in het portaal',
  'alreadyRegistered.title': 'Deze melding is al geregistreerd',
  /** `{number}` arrives as HTML: the number in `<strong>`. */
  'alreadyRegistered.text': 'U hebt deze melding al bevestigd: ze is geregistreerd onder incidentnummer {number}. U hoeft haar niet opnieuw te doen.',
  'expired.title': 'Link werkt niet meer',
  'expired.confirmText': 'Deze bevestigingslink is verlopen of werkt niet. Uw melding is daardoor niet geregistreerd.',
  'expired.confirmNext': 'Doe uw melding opnieuw via het helpvenster op de kennisbank, of meld haar in het klantportaal als u bent ingelogd. U krijgt dan een nieuwe link.',
  'expired.newIncident': 'Opnieuw melden in het portaal',
  'refused.title': 'Melding niet geregistreerd',
  'refused.text': api.notAuthorised,
  'refused.next': 'Is dit een vergissing? Bel support op {phone} of mail naar {email}.',
  'signIn.heading': 'Inloggen bij {desk}',
  'signIn.text': 'Klik op de knop om in te loggen.',
  'signIn.button': 'Inloggen',
  'linkExpired.heading': 'Deze link werkt niet meer',
  'linkExpired.signInText': 'Deze inloglink is al gebruikt of verlopen: een inloglink werkt één keer en maar kort.',
  'linkExpired.signInNext': 'Vraag op de inlogpagina een nieuwe link aan.',
  'linkExpired.toSignIn': 'Naar de inlogpagina',
  'signInRefused.title': 'Inloggen niet mogelijk',
  'signInRefused.text': 'Met dit e-mailadres kunt u (nu) niet inloggen. Vraag de beheerder van uw organisatie om u te machtigen.',
  'tooManyTries.title': 'Te veel pogingen',
  'tooManyTries.text': 'Vanaf dit adres zijn te veel links geprobeerd die niet (meer) werken. Probeer het over {minutes} minuten opnieuw.',
  toKnowledgeBase: 'Naar de kennisbank',
  /** The label of the landing pages' header link to the home page. */
  home: 'Kennisbank',
} as const
