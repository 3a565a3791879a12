/** Dutch: the staff console’s shell: sign-in, navigation. */

export const staff = {
  'nav.label': 'Console',
  'nav.queue': 'Wachtrij',
  'nav.signals': 'Signalen',
  'nav.insight': 'Kennisbank-inzicht',
  'title.incident': 'Incident',
  noscript: 'De console heeft JavaScript nodig.',
  loading: 'Bezig met laden…',
  network: 'Er is geen verbinding met de server. Controleer de verbinding en probeer het opnieuw.',
  unexpected: 'Er ging iets mis. Probeer het opnieuw.',
  'gate.contact': 'U bent ingelogd als contactpersoon van een klant. De console is alleen voor medewerkers van support.',
  'gate.role': 'Deze pagina is voor Customer Care en beheerders.',
  'signIn.title': 'Inloggen als medewerker',
  'signIn.email': 'E-mailadres',
  'signIn.password': 'Wachtwoord',
  'signIn.submit': 'Inloggen',
  'account.signedInAs': 'Ingelogd als {name}',
  'account.signOut': 'Uitloggen',
} as const
