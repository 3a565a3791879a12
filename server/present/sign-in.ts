/** The reply to a sign-in link request: the same for every address, and when the address asked too often, from when it may ask again. */
import { z } from 'zod'
import { t } from '#lib/i18n/index.ts'
import type { Language } from '#lib/language.ts'
import type { SignInRequested } from '../services/sign-in.ts'
import { CheckEmail } from './incident.ts'
import { clockTimeIn } from '#lib/date-format.ts'

/** The request was taken; `nextLinkAt` only when this address (known or not) asked too often and no mail went. */
export const SignInLinkReply = CheckEmail.extend({
  nextLinkAt: z.iso.datetime().optional().meta({ description: 'Set when this address asked for 3 links within 10 minutes (counted for every address, known or not): no e-mail went, and a new link can be asked from then.' }),
}).meta({ id: 'SignInLinkReply', description: 'The sign-in request was taken; what follows is in the e-mail, the same whether or not the address is known.' })
export type SignInLinkReply = z.infer<typeof SignInLinkReply>

/** The reply in `lang`; a rate-limited one says from when (the desk's clock time, `timeZone`) a new link can be asked. */
export function presentSignInRequested(requested: SignInRequested, lang: Language, timeZone: string): SignInLinkReply {
  if (!requested.nextLinkAt) return { status: 'check_email', message: t(lang, 'api.signInSent') }
  const time = clockTimeIn(requested.nextLinkAt, timeZone)
  return { status: 'check_email', message: t(lang, 'api.signInRecent', { time }), nextLinkAt: requested.nextLinkAt.toISOString() }
}
