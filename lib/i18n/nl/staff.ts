/** Dutch: the staff console’s shell: sign-in, navigation. */
import { common } from './common.ts'

export const staff = {
  'nav.label': 'Console',
  'nav.queue': 'Wachtrij',
  'nav.signals': 'Signalen',
  'nav.insight': 'Kennisbank-inzicht',
  'title.incident': 'Incident',
  noscript: 'De console heeft JavaScript nodig.',
  loading: common.loading,
  network: 'Er is geen verbinding met de server. Controleer de verbinding en probeer het opnieuw.',
  unexpected: common.unexpectedRetry,
  'gate.contact': 'U bent ingelogd als contactpersoon van een klant. De console is alleen voor medewerkers van support.',
  'gate.role': 'Deze pagina is voor Customer Care en beheerders.',
  'signIn.title': 'Inloggen als medewerker',
  'signIn.email': 'E-mailadres',
  'signIn.password': 'Wachtwoord',
  'signIn.submit': 'Inloggen',
  'account.signedInAs': common.signedInAs,
  'account.signOut': common.signOut,
} as const
