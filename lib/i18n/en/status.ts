/** English: the name of every status, defined once: incidents, complaints and consent requests. */
import type { status as nl } from '../nl/status.ts'
import type { Translation } from '../types.ts'

export const status = {
  awaitingConfirmation: 'Awaiting confirmation',
  new: 'New',
  inProgress: 'In progress',
  waitingForYourReply: 'Waiting for your reply',
  waitingForTheCustomer: 'Waiting for the customer',
  resolved: 'Resolved',
  closed: 'Closed',
  received: 'Received',
  receivedBySupport: 'Received by support',
  handled: 'Handled',
  requested: 'Requested',
  awaitingDecision: 'Awaiting decision',
  approved: 'Approved',
  declined: 'Declined',
  purged: 'Purged',
  deleted: 'Deleted',
  active: 'Active',
  ended: 'Ended',
  revoked: 'Revoked',
} satisfies Translation<typeof nl>
