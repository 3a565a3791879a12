/** The replies to a consent service's refusals: status and message by code, and the current record where a conflict shows it. */
import type { Context } from 'hono'
import type { Localized } from '../domain/desk.ts'
import { t } from '#lib/i18n/index.ts'
import { MESSAGES, requestLanguage } from '../http/errors.ts'
import { moment } from '../mail/templates.ts'
import type { Viewer } from '../middleware/session/index.ts'
import type { ConsentRefusal, PlainConsentRefusal } from '../services/consents.ts'
import { refuse, type RefusalReplies } from '../services/result.ts'
import { presentConsent, type PresentDeps } from './consent.ts'

/** Status and message of each refusal that says no more than its code. */
export const CONSENT_REFUSALS: RefusalReplies<PlainConsentRefusal | 'too_many_wrong_codes'> = {
  sign_in_required: [401, MESSAGES.signInRequired],
  contacts_only: [403, MESSAGES.contactsOnly],
  staff_only: [403, MESSAGES.staffOnly],
  admin_only: [403, MESSAGES.adminOnly],
  not_authorised: [403, MESSAGES.notAuthorised],
  not_found: [404, MESSAGES.consentNotFound],
  incident_not_open: [422, MESSAGES.incidentNotOpen],
  grant_inactive: [409, MESSAGES.grantInactive],
  code_unknown: [404, MESSAGES.codeUnknown],
  code_used: [410, MESSAGES.codeUsed],
  code_expired: [410, MESSAGES.codeExpired],
  too_many_wrong_codes: [429, MESSAGES.codeTriesExceeded],
  remote_view_ended: [409, MESSAGES.remoteViewEnded],
  remote_view_not_open: [409, MESSAGES.remoteViewNotOpen],
  too_many_signals: [409, MESSAGES.tooManySignals],
  remote_view_token_invalid: [401, MESSAGES.remoteViewTokenInvalid],
  move_refused: [409, MESSAGES.moveRefused],
  grant_end_out_of_range: [422, MESSAGES.grantTooLong],
  window_too_long: [422, MESSAGES.extraSupportTooLong],
  within_business_hours: [422, MESSAGES.extraSupportWithinHours],
}

/** What a refusal reply needs: the presenters' reads, the viewer a conflict's record is shown to, and what `not_found` means here. */
export interface RefusalContext {
  deps: PresentDeps
  viewer: Viewer
  /** The message of a 404: the record's (default), or the incident's on the routes under /incidents. */
  notFound?: Localized
}

/** The reply to a refusal; a conflict carries the record as it now stands, as the viewer may read it. */
export async function refusalReply(c: Context, refusal: ConsentRefusal, { deps, viewer, notFound }: RefusalContext) {
  switch (refusal.refused) {
    case 'version_conflict':
      return c.json({ code: refusal.refused, message: MESSAGES.consentConflict[requestLanguage(c)], current: await presentConsent(deps, refusal.current, viewer) }, 409)
    case 'remote_view_active':
      return c.json({ code: refusal.refused, message: MESSAGES.remoteViewActive[requestLanguage(c)], current: await presentConsent(deps, refusal.current, viewer) }, 409)
    case 'too_soon': {
      const lang = requestLanguage(c)
      return c.json({
        code: refusal.refused,
        message: t(lang, 'api.extraSupportTooSoon', { when: moment(refusal.earliestStart, deps.desk.timeZone, lang) }),
        fields: refusal.fields,
        earliestStart: refusal.earliestStart.toISOString(),
      }, 422)
    }
    case 'too_many_wrong_codes':
      c.header('Retry-After', String(refusal.retryAfterSeconds))
      return refuse(c, refusal, CONSENT_REFUSALS)
    default:
      return refuse(c, refusal, notFound ? { ...CONSENT_REFUSALS, not_found: [404, notFound] } : CONSENT_REFUSALS)
  }
}
