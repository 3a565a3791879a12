/** The widget's calls to the support API: the desk's status, a registration, who is signed in. Types only from the server. */
import type { Language } from '#lib/language.ts'
import type { DeskStatusReply } from '#domain/desk-status.ts'
import type { IncidentInput } from '#domain/incident.ts'
import type { ApiError } from '../../server/http/errors.ts'
import type { OriginNotAllowedBody } from '../../server/middleware/allowed-origin/index.ts'

/** How to reach support without the API: desk.yaml's phone and e-mail, as the API's refusal tells them. */
export type SupportContact = OriginNotAllowedBody['support']

/** The API refused this page's site (403 `origin_not_allowed`: not in its ALLOWED_ORIGINS): which origin, and how to reach support instead. */
export class OriginNotAllowedError extends Error {
  constructor(readonly origin: string, readonly support: SupportContact) {
    super(`the API does not allow ${origin}`)
  }
}

/** What became of a registration, ready for the form to show. */
export type RegisterOutcome =
  | { kind: 'check_email' }
  | { kind: 'registered'; number: string; id: string; url?: string }
  | { kind: 'invalid'; fields: { path: string; message: string }[]; message: string }
  | { kind: 'rate_limited'; retryAfterSeconds: number; message: string }
  | { kind: 'failed'; message: string | null; status: number | null }

/** A signed-in contact, as `GET /api/auth/session` tells it; only asked on the API's own origin. */
export interface SignedInContact {
  name: string
  email: string
}

export interface Api {
  /** The desk's status; rejects with {@link OriginNotAllowedError} when the API does not allow this page's site. */
  desk(): Promise<DeskStatusReply>
  register(input: IncidentInput): Promise<RegisterOutcome>
  me(): Promise<SignedInContact | null>
}

/**
 * The API at `origin`, answering in `lang`. Cookies go along only when the API is this page's own
 * origin (fetch's default): on other sites the widget is anonymous and CORS carries no credentials.
 */
export function createApi(origin: string, lang: Language, fetcher: typeof fetch = fetch): Api {
  const headers = { accept: 'application/json', 'accept-language': lang }
  const isSameOrigin = typeof location !== 'undefined' && location.origin === origin

  return {
    async desk() {
      const res = await fetcher(`${origin}/api/desk`, { headers })
      if (res.status === 403) {
        // The refusal carries CORS headers of its own, so the widget can tell this from a network failure.
        const body = (await res.json().catch(() => null)) as Partial<OriginNotAllowedBody> | null
        if (body?.code === 'origin_not_allowed' && body.origin && body.support) throw new OriginNotAllowedError(body.origin, body.support)
      }
      if (!res.ok) throw new Error(`[loket] desk status: HTTP ${res.status}`)
      return (await res.json()) as DeskStatusReply
    },

    async register(input) {
      let res: Response
      try {
        res = await fetcher(`${origin}/api/incidents`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(input) })
      } catch {
        return { kind: 'failed', message: null, status: null }
      }
      const body = (await res.json().catch(() => null)) as (Partial<ApiError> & { status?: string; number?: string; id?: string; url?: string }) | null
      if (res.status === 202) return { kind: 'check_email' }
      if (res.status === 201 && body?.number && body.id) return { kind: 'registered', number: body.number, id: body.id, ...(body.url ? { url: body.url } : {}) }
      const message = typeof body?.message === 'string' ? body.message : ''
      if (res.status === 400 && body?.code === 'invalid_input') return { kind: 'invalid', fields: body.fields ?? [], message }
      if (res.status === 429) return { kind: 'rate_limited', retryAfterSeconds: Number(res.headers.get('retry-after')) || 600, message }
      return { kind: 'failed', message: message || null, status: res.status }
    },

    async me() {
      if (!isSameOrigin) return null
      // Asked where "nobody" is a 200 answer, not a 401 the host page's console would show as an error.
      const res = await fetcher(`${origin}/api/auth/session`, { headers }).catch(() => null)
      if (!res?.ok) return null
      const body = (await res.json()) as { kind: string; name: string; email: string }
      return body.kind === 'contact' ? { name: body.name, email: body.email } : null
    },
  }
}
