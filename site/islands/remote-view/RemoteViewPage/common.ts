/** What the remote-view page's steps share: their props, and reading the session as the page that holds its token. */
import type { Language } from '#lib/language.ts'
import type { RemoteViewStrings } from '../../../i18n/index.ts'
import { call, portalApi } from '../../lib/api.ts'
import { headersFor } from '../channel.ts'
import type { PageEvent, Session } from '../page-state.ts'

export interface StepProps {
  lang: Language
  strings: RemoteViewStrings
  onEvent: (event: PageEvent) => void
}

/** The session as the page that holds `token` reads it. */
export async function readSession(lang: Language, strings: RemoteViewStrings, id: string, token: string): Promise<Session> {
  const request = portalApi(lang)['remote-views'][':id'].$get({ param: { id } }, { headers: headersFor(lang, token) })
  // The route's reply is not typed through its helpers: see page-state.ts.
  return ((await call(request, strings)) as { session: Session }).session
}
