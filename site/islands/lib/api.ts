/** The portal's typed API client (hono/client over the server's own route types) and what its errors mean to a person. */
import { hc } from 'hono/client'
import type { AppType } from '../../../server/app.ts'
import type { Language } from '#lib/language.ts'
import type { ApiError } from '../../../server/http/errors.ts'

/** The typed client on this site's own origin; the server answers errors in `lang`. */
export function portalApi(lang: Language) {
  return hc<AppType>('/', { headers: { 'Accept-Language': lang } }).api
}
export type PortalApi = ReturnType<typeof portalApi>

/** A failed call as the page shows it: the server's own sentence, with the invalid fields named. */
export class ApiFailure extends Error {
  override name = 'ApiFailure'
  constructor(readonly status: number, readonly code: string, message: string, readonly fields: ApiError['fields'] = []) {
    super(message)
  }
}

/** Texts for failures that carry no message from the server: no network, or no JSON. */
export interface FailureTexts {
  network: string
  unexpected: string
}

/** The JSON bodies a route answers, less its error bodies. */
export type Success<R> = Exclude<R extends { json(): Promise<infer T> } ? T : never, ApiError>

/**
 * The JSON of a successful reply, or an ApiFailure with the server's message (in the page's
 * language). A fetch that never reached the server becomes a failure with status 0.
 */
export async function call<R extends Response>(request: Promise<R>, texts: FailureTexts): Promise<Success<R>> {
  let res: Response
  try {
    res = await request
  } catch {
    throw new ApiFailure(0, 'network', texts.network)
  }
  if (res.status === 204) return undefined as Success<R>
  const body = await res.json().catch(() => undefined) as (ApiError & Record<string, unknown>) | undefined
  if (res.ok && body !== undefined) return body as Success<R>
  if (body && typeof body.code === 'string' && typeof body.message === 'string') throw new ApiFailure(res.status, body.code, body.message, body.fields)
  throw new ApiFailure(res.status, 'unexpected', texts.unexpected)
}

/** The message of `error` for a person: an ApiFailure's own, anything else the general one. */
export function messageOf(error: unknown, texts: FailureTexts): string {
  return error instanceof ApiFailure ? error.message : texts.unexpected
}
