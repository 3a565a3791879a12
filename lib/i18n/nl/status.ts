/** Dutch: the name of every status, defined once: incidents, complaints and consent requests. */

/** One word, two statuses: a purged backup (staff) and a deleted one (customer) read alike in Dutch. */
const verwijderd = 'Verwijderd'

export const status = {
  awaitingConfirmation: 'Wacht op bevestiging',
  new: 'Nieuw',
  inProgress: 'In behandeling',
  /** Waiting for the customer, as the customer reads it. */
  waitingForYourReply: 'Wacht op uw reactie',
  /** Waiting for the customer, as support reads it. */
  waitingForTheCustomer: 'Wacht op de klant',
  resolved: 'Opgelost',
  closed: 'Gesloten',
  received: 'Ontvangen',
  receivedBySupport: 'Ontvangen door support',
  handled: 'Afgehandeld',
  requested: 'Aangevraagd',
  awaitingDecision: 'Wacht op besluit',
  approved: 'Goedgekeurd',
  declined: 'Afgewezen',
  purged: verwijderd,
  deleted: verwijderd,
  active: 'Actief',
  ended: 'Afgelopen',
  revoked: 'Ingetrokken',
} as const
