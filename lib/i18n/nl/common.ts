/** Dutch: words that several areas show alike: loading, signing out, feature titles, access levels. */

export const loading = 'Bezig met laden…'
export const unexpectedRetry = 'Er ging iets mis. Probeer het opnieuw.'
export const signedInAs = 'Ingelogd als {name}'
export const signOut = 'Uitloggen'
export const incidentHeading = 'Incident {number}: {subject}'
export const noTarget = 'Geen doeltijd'
export const notSet = 'Nog niet bepaald'
export const breached = 'Verlopen'
export const registeredAt = 'Gemeld op'
export const unassigned = 'Niet toegewezen'
export const complaintDue = 'U krijgt uiterlijk {when} een reactie van ons.'
export const portalName = 'Mijn Noordwind'
export const accessTitle = 'Toegang en extra support'
export const extraSupportTitle = 'Extra ondersteuning buiten kantooruren'
export const grantsTitle = 'Tijdelijke toegang'
export const remoteViewTitle = 'Meekijken'
export const backupRequestedBy = 'Back-up aangevraagd door {name}'
export const requestedBy = 'Aangevraagd door'
export const decidedBy = 'Besluit van {name} op {at}'
export const approve = 'Goedkeuren'
export const decline = 'Afwijzen'
export const levelReadOnly = 'alleen lezen'
export const levelFunctionalUser = 'functionele gebruiker'
export const levelAdministrator = 'beheerder'

export const common = {
  loading,
  unexpectedRetry,
  signedInAs,
  signOut,
  incidentHeading,
  noTarget,
  notSet,
  breached,
  registeredAt,
  unassigned,
  complaintDue,
  portalName,
  accessTitle,
  extraSupportTitle,
  grantsTitle,
  remoteViewTitle,
  backupRequestedBy,
  requestedBy,
  decidedBy,
  approve,
  decline,
  levelReadOnly,
  levelFunctionalUser,
  levelAdministrator,
} as const
