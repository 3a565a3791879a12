/** The signal channel of one remote view over the site's own API: support speaks with its session, the customer's page with its token. */
import type { Language } from '#lib/language.ts'
import { call, portalApi, type FailureTexts } from '../lib/api.ts'
import type { Signal } from './handshake.ts'
import type { SignalChannel } from './rtc.ts'

/** The headers of a request for the page that consented: its bearer token, and the page's language for errors. */
export function headersFor(lang: Language, token?: string): Record<string, string> {
  return { 'Accept-Language': lang, ...(token ? { Authorization: `Bearer ${token}` } : {}) }
}

/** Signals of remote view `id`, sent and read as `token`'s page, or as the signed-in staff member without one. */
export function apiChannel(lang: Language, id: string, texts: FailureTexts, token?: string): SignalChannel {
  const headers = headersFor(lang, token)
  const path = `/api/remote-views/${encodeURIComponent(id)}/signals`
  return {
    configuration: async () => (await call(fetch(`/api/remote-views/${encodeURIComponent(id)}/ice`, { headers }), texts)) as RTCConfiguration,
    send: async (type, data) => {
      const request = portalApi(lang)['remote-views'][':id'].signals.$post({ param: { id }, json: { type, data } }, { headers })
      // The route's reply is not typed through its helpers: see server/routes/consents.ts.
      return ((await call(request, texts)) as { signal: Signal }).signal
    },
    read: async (after) => (await call(fetch(`${path}?after=${after}`, { headers }), texts)) as { state: string; signals: Signal[] },
  }
}
