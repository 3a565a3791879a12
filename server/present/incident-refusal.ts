/** The HTTP replies of the incident services' refusals: status and message per code. */
import { MESSAGES } from '../http/errors.ts'
import type { RefusalReplies } from '../services/result.ts'
import type { IncidentRefusal } from '../services/incidents.ts'

export const INCIDENT_REFUSALS: RefusalReplies<IncidentRefusal> = {
  not_found: [404, MESSAGES.incidentNotFound],
  sign_in_required: [401, MESSAGES.signInRequired],
  invalid_input: [400, MESSAGES.invalidInput],
  priority_first_class_only: [422, MESSAGES.firstClassOnly],
  transition_refused: [422, MESSAGES.transitionRefused],
  // A customer's reaction to an incident that no longer takes one: what to do instead is in the message.
  incident_closed: [409, MESSAGES.incidentClosed],
  reopen_window_passed: [409, MESSAGES.reopenWindowPassed],
  token_invalid: [400, MESSAGES.tokenInvalid],
  not_authorised: [403, MESSAGES.notAuthorised],
  rate_limited: [429, MESSAGES.rateLimited],
}
