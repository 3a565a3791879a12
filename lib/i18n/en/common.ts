/** English: words that several areas show alike: loading, signing out, feature titles, access levels. */
import type { common as nl } from '../nl/common.ts'
import type { Translation } from '../types.ts'

export const loading = 'Loading…'
export const unexpectedRetry = 'Something went wrong. Please try again.'
export const signedInAs = 'Signed in as {name}'
export const signOut = 'Sign out'
export const incidentHeading = 'Incident {number}: {subject}'
export const noTarget = 'No target'
export const notSet = 'Not set yet'
export const breached = 'Overdue'
export const registeredAt = 'Registered on'
export const unassigned = 'Unassigned'
export const complaintDue = 'You will hear from us by {when} at the latest.'
export const portalName = 'My Noordwind'
export const accessTitle = 'Access and extra support'
export const extraSupportTitle = 'Extra support outside business hours'
export const grantsTitle = 'Temporary access'
export const remoteViewTitle = 'Remote view'
export const backupRequestedBy = 'Backup requested by {name}'
export const requestedBy = 'Requested by'
export const decidedBy = 'Decided by {name} on {at}'
export const approve = 'Approve'
export const decline = 'Decline'
export const levelReadOnly = 'read only'
export const levelFunctionalUser = 'functional user'
export const levelAdministrator = 'administrator'

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
} satisfies Translation<typeof nl>
